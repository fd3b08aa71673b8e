"""Two villages send their disputes to the township office: each dispute,
its parties and mediations arrive in its own village, and the office's
矛盾纠纷 sheet names the village of each (村 column)."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from tests.core.exchange.test_package import OFFICE, Copy, add_household
from village_desk.core import queries, services
from village_desk.core.excel.ledger_export import export_ledger
from village_desk.core.excel.period import Period
from village_desk.core.services.disputes import DisputeInput, PartyInput, SessionInput

TODAY = dt.date.today()
TAOHUA = {"village": "桃花村", "township": "青山镇", "county": "隆回县"}
XINGHUA = {"village": "杏花村", "township": "青山镇", "county": "隆回县"}


def dispute(copy: Copy, head: str, other: str):
    cadre = services.setup.add_cadre(copy.db, None, f"{head}村书记", "secretary", "13907310001")
    hid = add_household(copy, "01-001", head)
    did = services.disputes.register_dispute(
        copy.db,
        cadre,
        DisputeInput(
            type="forest",
            summary="山林界址不清",
            responsible_id=cadre,
            parties=[
                PartyInput("applicant", household_id=hid),
                PartyInput("respondent", name=other),
            ],
        ),
    )
    services.disputes.add_session(
        copy.db, cadre, did, SessionInput(TODAY, "村部", [cadre], notes="约定现场指界")
    )
    return did


def test_the_office_holds_each_dispute_in_its_village(tmp_path):
    a, b = Copy(tmp_path, "a", **TAOHUA), Copy(tmp_path, "b", **XINGHUA)
    t = Copy(tmp_path, "t", **OFFICE)
    try:
        da, db_ = dispute(a, "张一", "外村李某"), dispute(b, "陈五", "外村王某")
        t.take(a.export(tmp_path / "a.vdx").path)
        t.take(b.export(tmp_path / "b.vdx").path)
        seen = {d.id: d for d in t.db.read(queries.disputes.disputes)}
        assert (seen[da].village, seen[db_].village) == ("桃花村", "杏花村")
        assert [p.name for p in seen[da].parties] == ["张一", "外村李某"]  # the household's head
        assert len(seen[db_].sessions) == 1
        book = tmp_path / "township.xlsx"
        export_ledger(t.db, book, Period.month(TODAY.year, TODAY.month))
    finally:
        for copy in (a, b, t):
            copy.db.close()
    ws = load_workbook(book)["矛盾纠纷"]
    headers = [c.value for c in ws[3]]
    assert headers[:2] == ["序号", "村（社区）"]
    villages = sorted(r[1] for r in ws.iter_rows(min_row=4, max_row=5, values_only=True))
    assert villages == ["杏花村", "桃花村"]
