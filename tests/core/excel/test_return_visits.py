"""满意率 counts every return visit (issue: 重新办理 after an unsatisfied visit
cleared it, and the workbook showed 100 %): a matter walked through 不满意 →
重新办理 → 满意 keeps both visits as records, and the workbook reports the
satisfaction of every visit, at the first visit and at the final one."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from openpyxl import load_workbook

from village_desk.core import services
from village_desk.core.excel.ledger_export import export_ledger
from village_desk.core.excel.period import Period
from village_desk.core.services.ledger import MatterInput, apply_action

TODAY = dt.date.today()
HEADER = 3


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def register(db, village, content):
    sec = village["secretary"]
    return services.ledger.register_matter(
        db,
        sec,
        MatterInput(
            content=content,
            responsible_id=sec,
            received_date=ago(20),
            applicant_name="张三丰",
            household_id=village["hh"],
            kind="hardship",
        ),
    )


def visit(db, village, mid, satisfaction, mode, who, when):
    apply_action(
        db,
        village["secretary"],
        mid,
        "feedback",
        satisfaction=satisfaction,
        mode=mode,
        respondent=who,
        text="",
        when=when,
    )


@pytest.fixture
def walked(db, village):
    """Matter A: 不满意 → 重新办理 → 满意, closed; matter B: 满意 at once."""
    sec = village["secretary"]
    a = register(db, village, "自来水管破裂")
    apply_action(db, sec, a, "complete", text="已更换水管", when=ago(10))
    visit(db, village, a, "unsatisfied", "phone", "户主本人", ago(9))
    apply_action(db, sec, a, "reopen", text="群众反映仍漏水", when=ago(8))
    apply_action(db, sec, a, "complete", text="重新接头，已不漏", when=ago(5))
    visit(db, village, a, "satisfied", "visit", "申请人本人", ago(3))
    apply_action(db, sec, a, "close", when=ago(1))
    b = register(db, village, "路灯不亮")
    apply_action(db, sec, b, "complete", text="已更换灯泡", when=ago(6))
    visit(db, village, b, "basic", "phone", "家属", ago(4))
    return a, b


def test_both_visits_are_kept_as_records(db, walked, tmp_path):
    a, _ = walked
    con = sqlite3.connect(db.engine.url.database)
    rows = con.execute(
        "SELECT date, satisfaction, mode, respondent FROM return_visit"
        " WHERE matter_id = ? AND deleted = 0 ORDER BY date",
        (a.hex,),
    ).fetchall()
    assert rows == [
        (ago(9).isoformat(), "unsatisfied", "phone", "户主本人"),
        (ago(3).isoformat(), "satisfied", "visit", "申请人本人"),
    ]


def test_the_workbook_counts_every_visit_the_first_and_the_final(db, walked, tmp_path):
    a, b = walked
    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, Period.custom(ago(30), TODAY), today=TODAY)
    wb = load_workbook(out)
    rows = list(wb["统计汇总"].iter_rows(min_row=HEADER + 1, values_only=True))

    def value(label, col=1):
        return next(r for r in rows if r[0] == label)[col]

    # three visits: 不满意 (A), 满意 (A), 基本满意 (B)
    assert value("回访次数") == 3
    assert value("回访满意（次）") == 2
    assert value("回访满意（次）", 2) == pytest.approx(2 / 3)
    # first visits: A 不满意, B 基本满意
    assert value("首次回访满意") == 1
    assert value("首次回访满意", 2) == pytest.approx(1 / 2)
    # final visits: A 满意, B 基本满意
    assert value("最终满意") == 2
    assert value("最终满意", 2) == pytest.approx(1.0)

    ws = wb["民情台账"]
    headers = [c.value for c in ws[HEADER]]
    ledger = {r[1]: r for r in ws.iter_rows(min_row=HEADER + 1, values_only=True)}
    with db.reading() as s:
        from village_desk.core.storage.models import Matter

        number = s.get(Matter, a).number
    row = ledger[number]
    assert row[headers.index("满意度")] == "不满意→满意"
    assert row[headers.index("回访日期")].date() == ago(3)


def test_a_period_ending_between_the_visits_sees_only_the_first(db, walked, tmp_path):
    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, Period.custom(ago(30), ago(7)), today=TODAY)
    rows = list(load_workbook(out)["统计汇总"].iter_rows(min_row=HEADER + 1, values_only=True))

    def value(label, col=1):
        return next(r for r in rows if r[0] == label)[col]

    assert value("回访次数") == 1
    assert value("最终满意") == 0 and value("最终满意", 2) == 0


def test_a_period_after_the_first_visit_counts_the_matter_only_as_final(db, walked, tmp_path):
    """A's first visit (不满意) was before the period: A is not among the
    period's first visits, but its final visit (满意) is in the period."""
    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, Period.custom(ago(6), TODAY), today=TODAY)
    rows = list(load_workbook(out)["统计汇总"].iter_rows(min_row=HEADER + 1, values_only=True))

    def value(label, col=1):
        return next(r for r in rows if r[0] == label)[col]

    assert value("回访次数") == 2
    assert value("首次回访满意") == 1 and value("首次回访满意", 2) == pytest.approx(1.0)
    assert value("最终满意") == 2 and value("最终满意", 2) == pytest.approx(1.0)
