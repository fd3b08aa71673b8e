"""The 户情 table: counts from SQL, lazy fetching, filters, masked phones."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from village_desk.core import queries
from village_desk.core.queries.households import HouseholdFilter
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.households.model import Col

MOBILE = re.compile(r"1[3-9]\d{9}")


def show_households(window):
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    return window.households_page


def scroll_to_end(qtbot, table):
    """Scroll down like a user until the view stops growing."""
    model = table.model()

    def at_end():
        bar = table.verticalScrollBar()
        bar.setValue(bar.maximum())
        return not model.canFetchMore()

    qtbot.waitUntil(at_end, timeout=5000)


def cells(table):
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_headers_and_total_are_shown(window, demo_db):
    page = show_households(window)
    model = page.table.model()
    header = page.table.horizontalHeader()
    shown = sorted(
        (header.visualIndex(c), model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(model.columnCount())
        if not header.isSectionHidden(c)
    )
    # A village's own copy has no 村 column: every household is in this village.
    assert [h for _, h in shown] == [
        "户号",
        "户主",
        "组",
        "电话",
        "类别",
        "结对干部",
        "最近走访",
        "未办结事项",
    ]
    with demo_db.reading() as s:
        total = queries.households.household_count(s)
    assert total == 40
    assert page.count_label.text() == "共 40 户"


def test_rows_are_fetched_lazily_as_the_user_scrolls(window, demo_db, qtbot):
    page = show_households(window)
    table = page.table
    loaded_at_first = table.model().rowCount()
    assert 10 <= loaded_at_first < 40  # only the pages the viewport needs
    scroll_to_end(qtbot, table)
    assert table.model().rowCount() == 40
    with demo_db.reading() as s:
        expected = [
            r.number for r in queries.households.household_page(s, HouseholdFilter(), 0, 100)
        ]
    assert [row[Col.NUMBER] for row in cells(table)] == expected  # no gaps, no repeats


def test_group_filter_reduces_rows_to_that_group(window, demo_db, qtbot):
    page = show_households(window)
    with demo_db.reading() as s:
        group = queries.reference.groups(s)[1]
        expected = queries.households.household_count(s, HouseholdFilter(group_id=group.id))
    assert 0 < expected < 40
    combo = page.group_combo
    combo.setCurrentIndex(combo.findText(group.name))
    scroll_to_end(qtbot, page.table)
    rows = cells(page.table)
    assert len(rows) == expected
    assert {row[Col.GROUP] for row in rows} == {group.name}
    assert page.count_label.text() == f"符合条件 {expected} 户"

    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.total == 40
    assert combo.currentIndex() == 0


def test_category_and_not_visited_filters_query_the_database(window, demo_db, qtbot):
    page = show_households(window)
    with demo_db.reading() as s:
        label = queries.reference.labels(s, "household_category")["dibao"]
        dibao = queries.households.household_count(s, HouseholdFilter(category="dibao"))
        unvisited = queries.households.household_count(s, HouseholdFilter(not_visited_days=30))
    page.category_combo.setCurrentIndex(page.category_combo.findText(label))
    scroll_to_end(qtbot, page.table)
    rows = cells(page.table)
    assert len(rows) == dibao > 0
    assert all(label in row[Col.CATEGORIES] for row in rows)

    page.category_combo.setCurrentIndex(0)
    page.not_visited_spin.setValue(30)
    qtbot.mouseClick(page.not_visited_check, Qt.MouseButton.LeftButton)
    assert page.not_visited_check.isChecked()
    assert page.model.total == unvisited < 40


def test_phones_are_masked_in_every_cell(window, qtbot):
    page = show_households(window)
    scroll_to_end(qtbot, page.table)
    rows = cells(page.table)
    text = "\n".join(str(v) for row in rows for v in row if v is not None)
    assert not MOBILE.search(text)
    phones = [row[Col.PHONE] for row in rows if row[Col.PHONE]]
    assert phones and all("*" in p for p in phones), phones


def test_overdue_matters_are_marked(window, demo_db, qtbot):
    page = show_households(window)
    scroll_to_end(qtbot, page.table)
    with demo_db.reading() as s:
        rows = queries.households.household_page(s, HouseholdFilter(), 0, 100)
    overdue = [i for i, r in enumerate(rows) if r.overdue_matters]
    assert overdue, "the demo village should have an overdue matter"
    index = page.model.index(overdue[0], Col.OPEN_MATTERS)
    assert "逾期" in index.data()
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
