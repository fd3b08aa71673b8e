"""The dashboard's and the 统计 page's visit figures count as the township
workbook does: home and condolence visits (the default quota modes), credited
to the author and every companion; calls and meetings do not count."""

from __future__ import annotations

import datetime as dt

from village_desk.core import queries, services
from village_desk.core.services.diary import DiaryInput, write_entry

TODAY = dt.date.today()


def test_only_counted_modes_and_companions_are_credited(db, village):
    sec, grid, hh = village["secretary"], village["grid"], village["hh"]

    def entry(days, mode, author, companions=()):
        when = TODAY - dt.timedelta(days=days)
        write_entry(
            db,
            author,
            DiaryInput(when, mode, author, [hh], companion_ids=list(companions), narrative="联系"),
        )

    entry(5, "home_visit", sec, [grid])
    entry(4, "phone", sec)
    entry(3, "forum", grid, [sec])
    entry(2, "condolence", grid)
    with db.reading() as s:
        stats = {
            c.name: c for c in queries.stats.visit_stats(s, TODAY - dt.timedelta(days=30), TODAY)
        }
    assert (stats["王建国"].visits, stats["王建国"].households, stats["王建国"].entries) == (
        1,
        1,
        2,
    )
    assert (stats["李秀英"].visits, stats["李秀英"].households, stats["李秀英"].entries) == (
        2,
        1,
        2,
    )
    services.setup.set_setting(db, None, "quota_visit_modes", ["home_visit", "phone", "forum"])
    with db.reading() as s:
        stats = {
            c.name: c for c in queries.stats.visit_stats(s, TODAY - dt.timedelta(days=30), TODAY)
        }
    assert stats["王建国"].visits == 3 and stats["李秀英"].visits == 2
