"""Visit quotas by kind of contact: only 入户走访 and 慰问 count toward 户 and
户次 (by default), meetings and phone calls are shown apart, a companion is
credited, and a campaign quota (包村领导 ≥60 户/轮) is measured over its own
dates, not the period's."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from village_desk.core import services
from village_desk.core.excel import parse_period
from village_desk.core.excel.ledger_export import export_ledger
from village_desk.core.services.diary import DiaryInput, write_entry

HEADER = 3
TODAY = dt.date.today()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def cadre_row(path, name):
    ws = load_workbook(path)["干部走访统计"]
    headers = [c.value for c in ws[HEADER]]
    for r in ws.iter_rows(min_row=HEADER + 1, values_only=True):
        if r[headers.index("干部")] == name:
            return {h: r[i] for i, h in enumerate(headers)}
    raise AssertionError(name)


def test_kinds_companions_and_a_campaign_with_its_own_dates(db, village, tmp_path):
    sec, grid, hh = village["secretary"], village["grid"], village["hh"]
    services.setup.set_setting(
        db,
        None,
        "visit_quotas",
        {
            "grid": {
                "households": 2,
                "period": "campaign",
                "start": ago(40).isoformat(),
                "end": ago(20).isoformat(),
            },
            "secretary": {"visits": 200, "period": "year"},
        },
    )

    def entry(when, mode, author, companions=()):
        write_entry(
            db,
            author,
            DiaryInput(when, mode, author, [hh], companion_ids=list(companions), narrative="走访"),
        )

    entry(ago(30), "home_visit", sec, [grid])  # the grid worker went along
    entry(ago(25), "condolence", grid)
    entry(ago(10), "home_visit", grid)  # after the campaign
    entry(ago(5), "phone", sec)
    entry(ago(4), "forum", sec, [grid])
    entry(ago(3), "office_duty", sec)
    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, parse_period(f"{ago(60).isoformat()}..{TODAY.isoformat()}"), today=TODAY)

    sec_row = cadre_row(out, "王建国")
    assert sec_row["走访户次"] == 1  # the home visit; not the call, the meeting, the duty
    assert (sec_row["入户户次"], sec_row["电话户次"], sec_row["会议户次"]) == (1, 1, 1)
    assert sec_row["坐访户次"] == 1 and sec_row["日记篇数"] == 4
    grid_row = cadre_row(out, "李秀英")
    assert grid_row["走访户次"] == 3  # as companion, the condolence visit, the later visit
    assert grid_row["会议户次"] == 1  # credited for the meeting as companion
    assert grid_row["日记篇数"] == 2
    # the campaign: ≥2 户 between its dates; one household visited in it
    assert grid_row["任务要求"] == f"≥2户/轮（{ago(40):%Y-%m-%d}至{ago(20):%Y-%m-%d}）"
    assert grid_row["期内应完成"] == 2
    assert grid_row["完成率"] == 0.5

    rows = list(load_workbook(out)["统计汇总"].iter_rows(min_row=HEADER + 1, values_only=True))

    def value(label):
        return next(r for r in rows if r[0] == label)[1]

    assert value("期内走访户次") == 3 and value("期内走访户数") == 1
    assert (value("入户联系户次"), value("电话联系户次"), value("会议联系户次")) == (3, 1, 1)
    assert value("坐访联系户次") == 1


def test_the_counted_modes_are_a_setting(db, village, tmp_path):
    sec, hh = village["secretary"], village["hh"]
    services.setup.set_setting(db, None, "quota_visit_modes", ["home_visit", "phone"])
    for when, mode in ((ago(3), "phone"), (ago(2), "forum")):
        write_entry(db, sec, DiaryInput(when, mode, sec, [hh], narrative="联系"))
    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, parse_period(f"{ago(30).isoformat()}..{TODAY.isoformat()}"), today=TODAY)
    assert cadre_row(out, "王建国")["走访户次"] == 1  # the call counts now; the meeting does not


def test_a_monthly_quota_is_prorated_like_a_yearly_one(db, village, tmp_path):
    from fractions import Fraction
    from math import ceil

    services.setup.set_setting(
        db, None, "visit_quotas", {"secretary": {"visits": 10, "period": "month"}}
    )
    start = ago(60)
    share = Fraction(0)
    for year in range(start.year, TODAY.year + 1):
        first, last = max(start, dt.date(year, 1, 1)), min(TODAY, dt.date(year, 12, 31))
        share += Fraction((last - first).days + 1, 366 if year % 4 == 0 else 365)
    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, parse_period(f"{start.isoformat()}..{TODAY.isoformat()}"), today=TODAY)
    row = cadre_row(out, "王建国")
    assert row["任务要求"] == "≥10户次/月"
    assert row["期内应完成"] == ceil(10 * 12 * share)  # about 20 for 61 days
