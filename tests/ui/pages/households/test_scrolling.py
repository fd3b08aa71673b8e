"""Scrolling the household list to its end lists every household once, in
户号 order, however many pages it takes (pages after the first are read from
the last row shown, not by counting rows from the top)."""

from __future__ import annotations

from sqlalchemy import select

from tests.ui.helpers import settle
from village_desk.core import services
from village_desk.core.storage.models import Household
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.households.model import Col


def numbers_in(db) -> list[str]:
    with db.reading() as s:
        return sorted(s.scalars(select(Household.number).where(~Household.deleted)))


def listed_numbers(qtbot, page) -> list[str]:
    table, model = page.table, page.model

    def at_end() -> bool:
        bar = table.verticalScrollBar()
        bar.setValue(bar.maximum())
        return not model.canFetchMore()

    qtbot.waitUntil(at_end, timeout=5000)
    return [model.index(r, Col.NUMBER).data() for r in range(model.rowCount())]


def test_scrolling_to_the_end_lists_each_household_once_in_number_order(window, demo_db, qtbot):
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    page = window.households_page  # 10 rows a page (the window fixture)
    assert page.model.rowCount() < 40
    assert listed_numbers(qtbot, page) == numbers_in(demo_db)
    assert len(numbers_in(demo_db)) == 40


def test_a_household_deleted_between_pages_does_not_shift_the_rest(window, demo_db, qtbot):
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    page = window.households_page
    first_page = [page.model.household(r) for r in range(page.model.rowCount())]
    assert len(first_page) == 10
    # another cadre deletes a household already on screen; the list is not
    # redrawn yet when the user scrolls on
    page.ctx.data_changed.disconnect(page._on_data_changed)
    try:
        gone = first_page[3].id
        window.ctx.op(None, lambda db: services.households.delete_household(db, None, gone)).run()
        settle(qtbot, window.ctx)
        numbers = listed_numbers(qtbot, page)
    finally:
        page.ctx.data_changed.connect(page._on_data_changed)
    # nothing after the deleted row is skipped or shown twice
    assert numbers == [r.number for r in first_page] + numbers_in(demo_db)[9:]


def test_a_page_read_ahead_before_the_list_changed_is_not_shown(
    window, demo_db, qtbot, monkeypatch
):
    """The next page is read on a reader thread; one that arrives after the
    list was read again (a household added meanwhile) belongs to the old list
    and is not shown."""
    import threading

    from village_desk.core import queries
    from village_desk.core.services.households import HouseholdInput, PersonInput

    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    page = window.households_page
    settle(qtbot, window.ctx)
    release = threading.Event()
    real = queries.households.household_page

    ahead: list[int] = []

    def held(*args, **kwargs):  # the first read ahead waits; the others do not
        rows = real(*args, **kwargs)
        if threading.current_thread() is not threading.main_thread():
            ahead.append(1)
            if len(ahead) == 1:
                assert release.wait(10)
        return rows

    monkeypatch.setattr(queries.households, "household_page", held)
    page.model.refresh()  # its next page is read ahead (held back)
    # a household that sorts first is added: the list is read again
    window.ctx.op(
        None,
        lambda db: services.households.create_household(
            db, None, HouseholdInput(number="0000"), PersonInput(name="新户主")
        ),
    ).run()
    qtbot.waitUntil(lambda: page.model.total == 41 and len(ahead) >= 2, timeout=5000)
    qtbot.wait(100)  # the new list's pages read ahead have arrived meanwhile
    release.set()  # the page read for the old list arrives now
    settle(qtbot, window.ctx)
    assert listed_numbers(qtbot, page) == numbers_in(demo_db)
    assert numbers_in(demo_db)[0] == "0000" and len(numbers_in(demo_db)) == 41
