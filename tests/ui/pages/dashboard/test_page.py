"""The work bench counts follow changes made anywhere while it is shown, and
are counted again when it is shown."""

from __future__ import annotations

from tests.ui.helpers import exposed, settle
from village_desk.core import queries, services
from village_desk.core.queries.households import HouseholdFilter
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.dashboard.page import DashboardPage


def shown(window) -> dict[str, str]:
    return {key: tile.value.text() for key, tile in window.dashboard_page.tiles.items()}


def test_the_counts_follow_changes_while_shown(window, demo_db, qtbot):
    ctx = window.ctx
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    settle(qtbot, ctx)  # counted on a reader thread
    before = demo_db.read(queries.stats.dashboard)
    assert shown(window)["households"] == str(before.households)
    household = demo_db.read(queries.households.household_page, HouseholdFilter())[0]
    matter = demo_db.read(queries.matters.matter_page, MatterFilter(statuses=("done",)))[0]

    # another cadre's work, written while the work bench is on screen
    ctx.op(None, lambda db: services.households.delete_household(db, None, household.id)).run()
    ctx.op(
        None,
        lambda db: services.ledger.apply_action(
            db,
            None,
            matter.id,
            "feedback",
            satisfaction="satisfied",
            mode="phone",
            respondent="户主本人",
        ),
    ).run()
    settle(qtbot, ctx)
    assert shown(window)["households"] == str(before.households - 1)
    assert shown(window)["awaiting"] == str(before.awaiting_return_visit - 1)


def test_counts_changed_while_hidden_are_fresh_when_shown(ctx, demo_db, qtbot):
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    exposed(page)
    settle(qtbot, ctx)
    before = demo_db.read(queries.stats.dashboard)
    assert page.tiles["households"].value.text() == str(before.households)
    page.hide()
    households = demo_db.read(queries.households.household_page, HouseholdFilter())
    ctx.op(None, lambda db: services.households.delete_household(db, None, households[0].id)).run()
    settle(qtbot, ctx)
    assert page.tiles["households"].value.text() == str(before.households)  # not redrawn hidden
    page.show()
    settle(qtbot, ctx)
    assert page.tiles["households"].value.text() == str(before.households - 1)
