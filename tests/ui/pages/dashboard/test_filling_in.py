"""The work bench shows at once and fills in its figures when they are
counted (on a reader thread: at township scale the counting takes a while);
an older count that arrives late never replaces a newer one."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from tests.ui.helpers import exposed, settle
from village_desk.core import services
from village_desk.core.storage.models import Household
from village_desk.ui.pages.dashboard import page as dashboard_module
from village_desk.ui.pages.dashboard.page import DashboardPage


def households_in(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(Household).where(~Household.deleted))


def held_counts(monkeypatch, first_only: bool = False):
    """Counting waits for the returned event (only the first count if ``first_only``)."""
    release = threading.Event()
    real = dashboard_module.read_figures
    calls: list[int] = []

    def slow(session):
        calls.append(1)
        figures = real(session)
        if not first_only or len(calls) == 1:
            assert release.wait(10)
        return figures

    monkeypatch.setattr(dashboard_module, "read_figures", slow)
    return release


def test_the_page_shows_before_the_figures_are_counted(ctx, demo_db, qtbot, monkeypatch):
    release = held_counts(monkeypatch)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    exposed(page)  # on screen while the count is still running
    assert page.counting
    assert page.tiles["households"].value.text() == "–"
    with qtbot.waitSignal(page.filled, timeout=10000):
        release.set()
    assert not page.counting
    assert page.tiles["households"].value.text() == str(households_in(demo_db))


def test_a_late_older_count_does_not_replace_a_newer_one(ctx, demo_db, qtbot, monkeypatch):
    before = households_in(demo_db)
    release = held_counts(monkeypatch, first_only=True)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    exposed(page)  # the first count (all households) is held back
    with demo_db.reading() as s:
        hid = s.scalars(select(Household.id).where(~Household.deleted)).first()
    # a household deleted meanwhile: counted again, and this count comes first
    with qtbot.waitSignal(page.filled, timeout=10000):
        ctx.op(None, lambda db: services.households.delete_household(db, None, hid)).run()
    assert page.tiles["households"].value.text() == str(before - 1)
    release.set()  # now the first, older count arrives
    settle(qtbot, ctx)
    assert page.tiles["households"].value.text() == str(before - 1)
    assert not page.counting


def test_closing_the_window_does_not_wait_for_a_count(ctx, qtbot, monkeypatch):
    """A count still running when the user closes the window (just after the
    start, at township scale) does not keep the window on screen."""
    from village_desk.ui.main_window import MainWindow

    release = held_counts(monkeypatch)
    counted = threading.Event()
    holding = dashboard_module.read_figures

    def noted(session):
        try:
            return holding(session)
        finally:
            counted.set()

    monkeypatch.setattr(dashboard_module, "read_figures", noted)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    window.show()
    exposed(window)
    assert window.dashboard_page.counting
    window.close()
    assert not window.isVisible()
    assert not counted.is_set()  # closed while the count was still running
    release.set()
    settle(qtbot, ctx)
