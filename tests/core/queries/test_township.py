"""The township office's figures: each village counted as its own laptop
counts it (DOMAIN.md §7; definitions in README "Township figures").

Two villages send their month to the township office. What happened is
set up by hand, so every expected figure is counted here from the story:
桃花村 has 3 households, two visited at home and one phoned (a phone call
does not count toward visits by default), and two matters — one done on
time with a satisfied return visit, one still open past its deadline at the
month's end; 杏花村 has 1 household visited at home twice, and one matter
done late with an unsatisfied return visit."""

from __future__ import annotations

import calendar
import datetime as dt
import math

from openpyxl import load_workbook

from tests.core.exchange.test_package import OFFICE, Copy, add_household
from village_desk.core import queries, services
from village_desk.core.excel.ledger_export import export_ledger
from village_desk.core.excel.period import Period
from village_desk.core.services.diary import DiaryInput
from village_desk.core.services.ledger import MatterInput

TAOHUA = {"village": "桃花村", "township": "青山镇", "county": "隆回县"}
XINGHUA = {"village": "杏花村", "township": "青山镇", "county": "隆回县"}


def last_month() -> tuple[dt.date, dt.date]:
    end = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def visit(copy: Copy, cadre, day: dt.date, mode: str, households: list) -> None:
    services.diary.write_entry(
        copy.db,
        cadre,
        DiaryInput(
            date=day, mode=mode, author_id=cadre, household_ids=households, narrative="走访"
        ),
    )


def matter(copy: Copy, cadre, hid, received: dt.date, deadline: dt.date) -> object:
    return services.ledger.register_matter(
        copy.db,
        cadre,
        MatterInput(
            content="申请临时救助",
            responsible_id=cadre,
            household_id=hid,
            applicant_name="户主",
            received_date=received,
            deadline=deadline,
            kind="hardship",
        ),
    )


def finish(copy: Copy, cadre, mid, done: dt.date, satisfaction: str) -> None:
    act = services.ledger.apply_action
    act(copy.db, cadre, mid, "start", when=done)
    act(copy.db, cadre, mid, "complete", text="已办好", when=done)
    act(
        copy.db,
        cadre,
        mid,
        "feedback",
        when=done + dt.timedelta(days=1),
        satisfaction=satisfaction,
        mode="visit",
        respondent="户主本人",
    )


def test_the_township_sees_each_village_as_it_counts_itself(tmp_path):
    start, end = last_month()
    a, b = Copy(tmp_path, "a", **TAOHUA), Copy(tmp_path, "b", **XINGHUA)
    t = Copy(tmp_path, "t", **OFFICE)
    try:
        wang = services.setup.add_cadre(a.db, None, "王建国", "secretary", "13907310001")
        h1, h2, h3 = (
            add_household(a, f"01-00{n}", name)
            for n, name in ((1, "张一"), (2, "张二"), (3, "张三"))
        )
        visit(a, wang, start + dt.timedelta(days=1), "home_visit", [h1, h2])
        visit(a, wang, start + dt.timedelta(days=2), "phone", [h3])
        on_time = matter(a, wang, h1, start, start + dt.timedelta(days=5))
        finish(a, wang, on_time, start + dt.timedelta(days=3), "satisfied")
        matter(a, wang, h2, start, start + dt.timedelta(days=5))  # open: overdue at the end

        liu = services.setup.add_cadre(b.db, None, "刘桂兰", "secretary", "13907310002")
        g1 = add_household(b, "01-001", "陈五")
        visit(b, liu, start + dt.timedelta(days=1), "home_visit", [g1])
        visit(b, liu, start + dt.timedelta(days=9), "home_visit", [g1])
        late = matter(b, liu, g1, start, start + dt.timedelta(days=2))
        finish(b, liu, late, start + dt.timedelta(days=6), "unsatisfied")

        t.take(a.export(tmp_path / "a.vdx").path)
        t.take(b.export(tmp_path / "b.vdx").path)
        figures = t.db.read(queries.township.township_figures, start, end)
        book = tmp_path / "township.xlsx"
        export_ledger(t.db, book, Period.month(start.year, start.month))
    finally:
        for copy in (a, b, t):
            copy.db.close()

    by_name = {v.name: v for v in figures.villages}
    assert set(by_name) == {"桃花村", "杏花村"}
    taohua, xinghua = by_name["桃花村"], by_name["杏花村"]
    assert (taohua.households, taohua.visited, taohua.visits) == (3, 2, 2)
    assert taohua.coverage == 2 / 3
    assert (taohua.matters, taohua.done, taohua.on_time, taohua.overdue) == (2, 1, 1, 1)
    assert (taohua.done_rate, taohua.on_time_rate, taohua.satisfaction_rate) == (0.5, 1.0, 1.0)
    assert (xinghua.households, xinghua.visited, xinghua.visits) == (1, 1, 2)
    assert (xinghua.matters, xinghua.done, xinghua.on_time, xinghua.overdue) == (1, 1, 0, 0)
    assert (xinghua.on_time_rate, xinghua.satisfaction_rate) == (0.0, 0.0)
    total = figures.total
    assert (total.households, total.visited, total.visits, total.matters, total.overdue) == (
        4,
        3,
        4,
        3,
        1,
    )
    assert total.satisfaction_rate == 0.5
    cadres = {
        f.visits.name: (f.village, f.visits.households, f.visits.visits) for f in figures.cadres
    }
    assert cadres == {"王建国": ("桃花村", 2, 2), "刘桂兰": ("杏花村", 1, 2)}
    # a 书记's 200 户次 a year, prorated to the (finished) month, rounded up
    days_in_year = 366 if calendar.isleap(start.year) else 365
    expected = math.ceil(200 * ((end - start).days + 1) / days_in_year)
    wang = next(f for f in figures.cadres if f.visits.name == "王建国")
    assert wang.expected == expected and wang.completion == 2 / expected

    # The township's workbook has them side by side on 各村汇总.
    ws = load_workbook(book, read_only=True)["各村汇总"]
    rows = {
        r[0]: r[1:]
        for r in ws.iter_rows(values_only=True)
        if r and r[0] in ("桃花村", "杏花村", "合计")
    }
    assert rows["桃花村"] == (3, 2, 2, 2 / 3, 2, 1, 0.5, 1.0, 1.0, 1)
    assert rows["杏花村"] == (1, 1, 2, 1.0, 1, 1, 1.0, 0.0, 0.0, 0)
    assert rows["合计"][:3] == (4, 3, 4) and rows["合计"][-1] == 1
    # Its ledger and roster sheets name each row's village after the 序号.
    wb = load_workbook(book, read_only=True)
    ledger = list(wb["民情台账"].iter_rows(values_only=True))
    header = next(i for i, r in enumerate(ledger) if r and r[0] == "序号")
    assert ledger[header][1] == "村（社区）"
    listed = sorted(r[1] for r in ledger[header + 1 :] if r and isinstance(r[0], int))
    assert listed == ["杏花村", "桃花村", "桃花村"]
    roster = list(wb["联系户花名册"].iter_rows(values_only=True))
    header = next(i for i, r in enumerate(roster) if r and r[0] == "序号")
    by_village = sorted((r[1], r[2]) for r in roster[header + 1 :] if r and isinstance(r[0], int))
    assert by_village == [
        ("杏花村", "01-001"),
        ("桃花村", "01-001"),
        ("桃花村", "01-002"),
        ("桃花村", "01-003"),
    ]
