"""The 民情日记 list by household (pinyin search, or from the household page)
and by a date range with an end."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from tests.ui.helpers import click
from village_desk.core import queries
from village_desk.core.queries.diary import DiaryFilter, diary_count, diary_page
from village_desk.core.queries.households import HouseholdFilter
from village_desk.core.storage.derived import search_index
from village_desk.ui.main_window import MainWindow

HOUSEHOLDS_COLUMN = 3


def initials(name: str) -> str:
    return "".join(syllable[0] for syllable in search_index.name_readings(name)[0])


def visited_household(db, index: int = 0):
    """A household with several diary entries (most visited first)."""
    with db.reading() as s:
        rows = queries.households.household_page(s, HouseholdFilter(), 0, 100)
        counted = [(diary_count(s, DiaryFilter(household_id=h.id)), h) for h in rows]
    counted.sort(key=lambda c: -c[0])
    n, household = counted[index]
    assert n >= 2
    return household, n


def listed(page) -> list[tuple[str, str]]:
    model = page.model
    while model.canFetchMore():
        model.fetchMore()
    return [
        (model.index(r, 0).data(), model.index(r, HOUSEHOLDS_COLUMN).data())
        for r in range(model.rowCount())
    ]


def test_household_page_opens_its_diary_entries(window, demo_db, qtbot):
    household, n = visited_household(demo_db)
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    window.households_page.open_household(household.id)
    detail = window.households_page.detail
    assert detail.diary_list_button.text() == "查看此户民情日记"

    click(qtbot, detail.diary_list_button)

    page = window.diary_page
    assert window.stack.currentWidget() is page and not page.is_editing()
    label = f"{household.head_name}（{household.number}）"
    assert page.household_edit.text() == label
    assert page.count_label.text() == f"符合条件 {n} 篇"
    rows = listed(page)
    assert len(rows) == n
    assert all(label in households for _, households in rows), rows


def test_household_filter_finds_the_household_by_pinyin_initials(window, demo_db, qtbot):
    household, n = visited_household(demo_db, 1)
    window.nav.setCurrentRow(MainWindow.PAGE_DIARY)
    page = window.diary_page
    with demo_db.reading() as s:
        everything = diary_count(s, DiaryFilter())
    assert page.count_label.text() == f"共 {everything} 篇"

    edit = page.household_edit
    edit.setFocus()
    qtbot.keyClicks(edit, initials(household.head_name))
    assert edit.popup.isVisible()
    model = edit.popup.model()
    hits = [model.hit(r).household_id for r in range(model.rowCount())]
    assert household.id in hits
    for _ in range(hits.index(household.id)):
        qtbot.keyClick(edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit, Qt.Key.Key_Return)

    assert not edit.popup.isVisible()
    assert edit.household_id() == household.id
    assert page.model.total == n
    label = f"{household.head_name}（{household.number}）"
    assert all(label in households for _, households in listed(page))

    # Clearing the box (its clear button, or deleting the text) ends the filter.
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.household_id() is None
    assert page.model.total == everything


def test_date_range_with_an_end_and_clear_filters(window, demo_db, qtbot):
    window.nav.setCurrentRow(MainWindow.PAGE_DIARY)
    page = window.diary_page
    with demo_db.reading() as s:
        newest = diary_page(s, DiaryFilter(), 0, 1)[0].date
    since, until = newest - dt.timedelta(days=60), newest - dt.timedelta(days=30)
    with demo_db.reading() as s:
        expected = diary_count(s, DiaryFilter(since=since, until=until))
    assert expected > 0

    assert not page.until_edit.isEnabled()
    click(qtbot, page.since_check)
    page.since_edit.setDate(QDate(since.year, since.month, since.day))
    click(qtbot, page.until_check)
    assert page.until_check.text() == "截止日期" and page.until_edit.isEnabled()
    page.until_edit.setDate(QDate(until.year, until.month, until.day))

    rows = listed(page)
    assert len(rows) == page.model.total == expected
    assert all(since.isoformat() <= date <= until.isoformat() for date, _ in rows)

    click(qtbot, page.clear_button)
    assert not page.since_check.isChecked() and not page.until_check.isChecked()
    with demo_db.reading() as s:
        assert page.model.total == diary_count(s, DiaryFilter())
