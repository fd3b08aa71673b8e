"""The 统计 page shows at once and draws its charts when the numbers are
counted (on a reader thread); a late, older count never replaces a newer one."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from tests.ui.helpers import exposed, settle
from village_desk.core import services
from village_desk.core.storage.models import Matter
from village_desk.ui.pages.stats import page as stats_module
from village_desk.ui.pages.stats.page import StatsPage


def registered(db) -> int:
    """Matters in 登记受理, counted from the rows."""
    with db.reading() as s:
        return s.scalar(
            select(func.count())
            .select_from(Matter)
            .where(~Matter.deleted, Matter.status == "registered")
        )


def held_counts(monkeypatch, first_only: bool = False):
    release = threading.Event()
    real = stats_module.read_stats
    calls: list[int] = []

    def slow(session, today, *year):
        calls.append(1)
        data = real(session, today, *year)
        if not first_only or len(calls) == 1:
            assert release.wait(10)
        return data

    monkeypatch.setattr(stats_module, "read_stats", slow)
    return release


def test_the_page_shows_before_the_numbers_are_counted(ctx, demo_db, qtbot, monkeypatch):
    release = held_counts(monkeypatch)
    page = StatsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    exposed(page)  # on screen while counting
    assert page.counting and page.counting_label.isVisible()
    assert page.views == []
    with qtbot.waitSignal(page.drawn, timeout=10000):
        release.set()
    assert not page.counting_label.isVisible()
    assert len(page.views) == 5
    assert dict(page.data["by_status"])["登记受理"] == registered(demo_db)


def test_a_late_older_count_does_not_replace_a_newer_one(ctx, demo_db, qtbot, monkeypatch):
    before = registered(demo_db)
    release = held_counts(monkeypatch, first_only=True)
    page = StatsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    exposed(page)  # the first count is held back
    with demo_db.reading() as s:
        mid = s.scalars(
            select(Matter.id).where(~Matter.deleted, Matter.status == "registered")
        ).first()
    with qtbot.waitSignal(page.drawn, timeout=10000):  # counted again, drawn first
        ctx.op(None, lambda db: services.ledger.apply_action(db, None, mid, "start")).run()
    assert dict(page.data["by_status"])["登记受理"] == before - 1
    release.set()  # the older count arrives now
    settle(qtbot, ctx)
    assert dict(page.data["by_status"])["登记受理"] == before - 1
    assert not page.counting
