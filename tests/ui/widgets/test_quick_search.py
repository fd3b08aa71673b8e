"""Quick search in the tool bar: Ctrl+F, pinyin initials, Enter selects the household."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from tests.ui.helpers import type_chinese
from village_desk.core import queries
from village_desk.core.queries.households import HouseholdFilter
from village_desk.core.storage.derived import search_index
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.households.model import Col
from village_desk.ui.widgets.quick_search import HIT_ROLE

MOBILE = re.compile(r"1[3-9]\d{9}")


def initials(name: str) -> str:
    return "".join(syllable[0] for syllable in search_index.name_readings(name)[0])


def pick_head(db, index: int):
    """A generated household head from the end of the list (not loaded at first)."""
    with db.reading() as s:
        rows = queries.households.household_page(s, HouseholdFilter(), 0, 100)
    return rows[index]


def popup_rows(edit):
    model = edit.popup.model()
    return [model.index(r, 0) for r in range(model.rowCount())]


def test_ctrl_f_focuses_the_search_box(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.households_page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_edit.hasFocus)


def test_initials_find_a_person_and_enter_selects_their_household(window, demo_db, qtbot):
    head = pick_head(demo_db, 37)
    edit = window.search_edit
    edit.setFocus()
    qtbot.keyClicks(edit, initials(head.head_name))

    assert edit.popup.isVisible()
    rows = popup_rows(edit)
    wanted = [i for i in rows if i.data(HIT_ROLE).household_id == head.id]
    assert wanted, [i.data() for i in rows]
    shown = wanted[0].data()
    assert head.head_name in shown and head.number in shown
    assert not any(MOBILE.search(i.data()) for i in rows)  # phones masked in the list
    # The popup is placed under the search box, inside the window.
    assert edit.popup.geometry().top() >= edit.mapTo(window, edit.rect().bottomLeft()).y()
    assert window.rect().contains(edit.popup.geometry().topLeft())

    for _ in range(wanted[0].row()):
        qtbot.keyClick(edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit, Qt.Key.Key_Return)

    assert not edit.popup.isVisible()
    page = window.households_page
    assert window.stack.currentWidget() is page
    assert page.selected_household_id() == head.id
    current = page.table.currentIndex()
    assert page.model.index(current.row(), Col.NUMBER).data() == head.number
    assert page.model.index(current.row(), Col.HEAD).data() == head.head_name
    # The selected row is scrolled into view.
    assert page.table.viewport().rect().intersects(page.table.visualRect(current))


def test_search_clears_a_filter_that_hides_the_household(window, demo_db, qtbot):
    head = pick_head(demo_db, 0)
    page = window.households_page
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    with demo_db.reading() as s:
        other = next(g for g in queries.reference.groups(s) if g.name != head.group_name)
    page.group_combo.setCurrentIndex(page.group_combo.findText(other.name))
    assert page.model.row_of(head.id) == -1

    edit = window.search_edit
    edit.setFocus()
    type_chinese(edit, head.head_name)
    qtbot.waitUntil(edit.popup.isVisible)
    index = next(i for i in popup_rows(edit) if i.data(HIT_ROLE).household_id == head.id)
    edit.popup.setCurrentIndex(index)
    qtbot.keyClick(edit, Qt.Key.Key_Enter)

    assert page.group_combo.currentIndex() == 0
    assert page.selected_household_id() == head.id


def test_escape_closes_the_list_and_nonsense_finds_nothing(window, qtbot):
    edit = window.search_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "1")
    qtbot.keyClicks(edit, "3")
    qtbot.keyClicks(edit, "9")
    assert edit.popup.isVisible()
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert not edit.popup.isVisible()
    edit.clear()
    qtbot.keyClicks(edit, "qqqqxxzz")
    assert not edit.popup.isVisible()
    assert edit.popup.model().rowCount() == 0
