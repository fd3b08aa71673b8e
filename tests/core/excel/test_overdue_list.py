"""The township's overdue list (逾期事项): the workbook sheet and the printed
list hold the matters open and past their deadline on the report day, with
the days overdue, the responsible cadre and the last progress note —
recomputed here from the database rows."""

from __future__ import annotations

import datetime as dt
import io
import re
import sqlite3

import pytest
from openpyxl import load_workbook

from tests.core.printing.pdfcheck import all_text
from village_desk import demo
from village_desk.core import services
from village_desk.core.excel import parse_period
from village_desk.core.excel.ledger_export import export_ledger
from village_desk.core.printing import print_overdue
from village_desk.core.storage.db import Database

TODAY = dt.date(2026, 11, 24)
HEADER = 3
OPEN = ("registered", "in_progress", "forwarded", "result_returned")


@pytest.fixture(scope="module")
def village_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("overdue") / "demo.sqlite3"
    db = Database.open(f"sqlite:///{path}", device_name="测试机")
    services.setup.initialize(db, village="桃花村", township="青山镇", county="隆回县")
    demo.generate(db, households=100, seed=5, today=TODAY)
    yield db, path
    db.close()


def expected(path):
    """Open and past the deadline today: number → (days, cadre, last note text)."""
    con = sqlite3.connect(path)
    cadres = dict(con.execute("SELECT id, name FROM cadre"))
    out = {}
    for mid, number, deadline, cadre in con.execute(
        "SELECT id, number, deadline, responsible_id FROM matter"
        f" WHERE deleted = 0 AND status IN {OPEN} AND deadline < ?",
        (TODAY.isoformat(),),
    ):
        note = con.execute(
            "SELECT text FROM matter_note WHERE matter_id = ? AND deleted = 0"
            " ORDER BY date DESC, hlc DESC LIMIT 1",
            (mid,),
        ).fetchone()
        days = (TODAY - dt.date.fromisoformat(deadline)).days
        out[number] = (days, cadres[cadre], note[0] if note else None)
    con.close()
    return out


def test_the_overdue_sheet(village_file, tmp_path):
    db, path = village_file
    want = expected(path)
    assert len(want) > 5
    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, parse_period("2026-11"), today=TODAY)
    ws = load_workbook(out)["逾期事项"]
    assert ws["A1"].value == "桃花村逾期事项（截至2026年11月24日）"
    headers = [c.value for c in ws[HEADER]]
    rows = list(ws.iter_rows(min_row=HEADER + 1, values_only=True))
    got = {r[headers.index("编号")]: r for r in rows}
    assert set(got) == set(want) and len(rows) == len(want)
    for number, (days, cadre, note) in want.items():
        row = got[number]
        assert row[headers.index("逾期天数")] == days
        assert row[headers.index("主办责任人")] == cadre
        if note:  # 11-03 办理情况：… — the note with its date and step
            assert note in row[headers.index("最近办理情况")], number
    days = [r[headers.index("逾期天数")] for r in rows]
    assert days == sorted(days, reverse=True)  # most overdue first
    # the same matters are marked 是 in the month's ledger
    ledger = load_workbook(out)["民情台账"]
    lh = [c.value for c in ledger[HEADER]]
    marked = {
        r[lh.index("编号")]
        for r in ledger.iter_rows(min_row=HEADER + 1, values_only=True)
        if r[lh.index("是否逾期")] == "是"
    }
    assert marked == set(want)


def test_the_printed_overdue_list(village_file):
    db, path = village_file
    want = expected(path)
    buf = io.BytesIO()
    print_overdue(db, buf, today=TODAY)
    text = re.sub(r"\s+", "", all_text(buf.getvalue()))
    assert f"共{len(want)}件" in text and "截至2026年11月24日" in text
    printed = re.findall(r"\d{4}-[0-9A-Z]{3}-\d{4}", text)
    assert sorted(printed) == sorted(want)
    for number, (days, _, _) in want.items():
        assert f"{number}" in text and f"{days}天" in text


def test_a_past_months_overdue_list_is_as_of_its_last_day(village_file, tmp_path):
    """September's workbook lists what was overdue on 30 September (replayed
    from the notes), not what is overdue today."""
    db, path = village_file
    end = dt.date(2026, 9, 30)
    con = sqlite3.connect(path)
    target = {
        "start": "in_progress",
        "forward": "forwarded",
        "result": "result_returned",
        "complete": "done",
        "feedback": "feedback",
        "close": "closed",
        "return": "returned",
        "unresolvable": "unresolvable",
        "reopen": "in_progress",
    }
    want = set()
    for mid, number, received, deadline in con.execute(
        "SELECT id, number, received_date, deadline FROM matter WHERE deleted = 0"
    ):
        if dt.date.fromisoformat(received) > end or dt.date.fromisoformat(deadline) >= end:
            continue
        status = "registered"
        for date, action in con.execute(
            "SELECT date, action FROM matter_note WHERE matter_id = ? AND deleted = 0"
            " ORDER BY date, hlc",
            (mid,),
        ):
            if action in target and dt.date.fromisoformat(date) <= end:
                status = target[action]
        if status in OPEN:
            want.add(number)
    con.close()
    assert want
    out = tmp_path / "九月.xlsx"
    export_ledger(db, out, parse_period("2026-09"), today=TODAY)
    ws = load_workbook(out)["逾期事项"]
    numbers = {r[1] for r in ws.iter_rows(min_row=HEADER + 1, values_only=True)}
    assert numbers == want
