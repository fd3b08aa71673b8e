"""公开承诺 in the ledger workbook: every commitment of the period's year is
listed, and 践诺率 per person agrees with a count made here straight from the
database file (已践诺 ÷ 承诺件数)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict

from openpyxl import load_workbook

from village_desk.core import services
from village_desk.core.excel import parse_period
from village_desk.core.excel.ledger_export import SHEETS, export_ledger
from village_desk.core.services.commitments import CommitmentInput

TODAY = dt.date(2026, 12, 6)
YEAR = 2026
HEADER = 3


def test_commitments_sheet_and_keeping_rates(db, village, tmp_path):
    svc, wang, li = services.commitments, village["secretary"], village["grid"]

    def add(cadre, content, year=YEAR, **kw):
        return svc.add_commitment(
            db,
            wang,
            CommitmentInput(year=year, cadre_id=cadre, kind="one_line", content=content, **kw),
            TODAY,
        )

    reviews = {
        add(wang, "每月走访困难户一遍，电话13812345678"): "kept",
        add(wang, "帮助三组修通水渠"): "partly",
        add(wang, "协调解决一组用电问题"): "kept",
        add(wang, "办好群众一件实事"): "",
        add(li, "网格内有事随叫随到"): "not_kept",
        add(li, "每周巡查一次"): "kept",
    }
    for cid, outcome in reviews.items():
        if outcome:
            svc.review_commitment(db, wang, cid, outcome, "年终评定", TODAY, TODAY)
    svc.delete_commitment(db, wang, add(li, "录错的一条"))
    add(wang, "去年的承诺", year=YEAR - 1)  # another year: not in the 2026 sheet

    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, parse_period(str(YEAR)), today=TODAY)
    wb = load_workbook(out)
    assert "公开承诺" in wb.sheetnames and list(SHEETS) == wb.sheetnames
    ws = wb["公开承诺"]
    headers = [c.value for c in ws[HEADER]]
    listed = []
    for row in ws.iter_rows(min_row=HEADER + 1, values_only=True):
        if row[0] is None:
            break
        listed.append(dict(zip(headers, row, strict=False)))

    # expected, straight from the file
    con = sqlite3.connect(db.engine.url.database)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    contents = []
    for name, outcome, content in con.execute(
        "SELECT cadre.name, commitment.outcome, commitment.content FROM commitment"
        " JOIN cadre ON cadre.id = commitment.cadre_id"
        " WHERE commitment.deleted = 0 AND commitment.year = ?",
        (YEAR,),
    ):
        counts[name]["total"] += 1
        counts[name][outcome or "open"] += 1
        contents.append(content)
    con.close()

    assert len(listed) == len(contents) == 6
    assert {r["承诺人"] for r in listed} == {"王建国", "李秀英"}
    assert "每月走访困难户一遍，电话138****5678" in {r["承诺内容"] for r in listed}
    assert "录错的一条" not in {r["承诺内容"] for r in listed}
    assert {r["践诺评定"] for r in listed} == {"已践诺", "部分践诺", "未践诺", "未评定"}

    # the 践诺率 block below the list
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "承诺人" and r[7] == "践诺率")
    block = {r[0]: r for r in rows[start + 1 :] if r[0] and r[2] is not None}
    for name, c in counts.items():
        r = block[name]
        assert r[2:7] == (c["total"], c["kept"], c["partly"], c["not_kept"], c["open"])
        assert abs(r[7] - c["kept"] / c["total"]) < 1e-9
    total = sum(c["total"] for c in counts.values())
    kept = sum(c["kept"] for c in counts.values())
    assert block["合计"][2] == total and abs(block["合计"][7] - kept / total) < 1e-9
    assert block["王建国"][7] == 0.5 and block["李秀英"][7] == 0.5  # 2 of 4, 1 of 2


def test_the_township_workbook_names_each_commitments_village(tmp_path):
    """Two villages send their commitments to the township office; its
    公开承诺 sheet lists both with their village, and each cadre's 践诺率 is
    named with the village."""
    from tests.core.exchange.test_package import OFFICE, Copy
    from tests.core.queries.test_township import TAOHUA, XINGHUA

    this_year = dt.date.today().year
    a, b = Copy(tmp_path, "a", **TAOHUA), Copy(tmp_path, "b", **XINGHUA)
    t = Copy(tmp_path, "t", **OFFICE)
    for copy, name, outcomes in ((a, "王建国", ("kept", "not_kept")), (b, "刘桂兰", ("kept",))):
        cadre = services.setup.add_cadre(copy.db, None, name, "secretary", "13907310001")
        for i, outcome in enumerate(outcomes):
            cid = services.commitments.add_commitment(
                copy.db,
                cadre,
                CommitmentInput(
                    year=this_year, cadre_id=cadre, kind="one_line", content=f"{name}的承诺{i}"
                ),
            )
            services.commitments.review_commitment(copy.db, cadre, cid, outcome, "年终评定")
        t.take(copy.export(tmp_path / f"{name}.vdx").path)
        copy.db.close()
    out = tmp_path / "乡镇.xlsx"
    export_ledger(t.db, out, parse_period(str(this_year)))
    t.db.close()
    ws = load_workbook(out)["公开承诺"]
    headers = [c.value for c in ws[HEADER]]
    assert headers[:4] == ["序号", "村（社区）", "年度", "承诺人"]
    listed = [
        (r[1], r[3])
        for r in ws.iter_rows(min_row=HEADER + 1, values_only=True)
        if isinstance(r[0], int)
    ]
    assert sorted(listed) == [("杏花村", "刘桂兰"), ("桃花村", "王建国"), ("桃花村", "王建国")]
    rows = list(ws.iter_rows(values_only=True))
    rates = {r[0]: r[7] for r in rows if isinstance(r[0], str) and isinstance(r[2], int)}
    total = rates.pop("合计")
    assert rates == {"王建国（桃花村）": 0.5, "刘桂兰（杏花村）": 1.0}
    assert abs(total - 2 / 3) < 1e-9
