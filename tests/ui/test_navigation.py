"""Sidebar entries open their list, never the record last open there; a
button that deletes never sits where the list has a common button, and looks
different (red)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton

from tests.ui.helpers import click, type_chinese
from village_desk.core import queries
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def click_sidebar(window, qtbot, row: int) -> None:
    item = window.nav.item(row)
    qtbot.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualItemRect(item).center(),
    )


def in_window(window, widget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def visible_buttons(window, root) -> dict[str, QRect]:
    return {
        b.text(): in_window(window, b)
        for b in root.findChildren(QAbstractButton)
        if b.isVisible() and b.text()
    }


def red_pixels(widget) -> int:
    """Pixels of the button as drawn that are clearly red (its text)."""
    image = widget.grab().toImage()
    red = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = QColor(image.pixel(x, y))
            red += c.red() > 140 and c.green() < 90 and c.blue() < 90
    return red


def test_the_sidebar_opens_the_household_list_not_the_last_household(window, qtbot):
    page = window.households_page
    household = page.model.household(0).id
    window.open_household(household)
    assert page.is_showing_detail()

    click_sidebar(window, qtbot, MainWindow.PAGE_DIARY)
    click_sidebar(window, qtbot, MainWindow.PAGE_HOUSEHOLDS)
    assert window.stack.currentWidget() is page and not page.is_showing_detail()

    window.open_household(household)  # clicking 户情 while on a household
    click_sidebar(window, qtbot, MainWindow.PAGE_HOUSEHOLDS)
    assert not page.is_showing_detail()

    window.open_household(household)  # Ctrl+2 is the sidebar's shortcut
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert not page.is_showing_detail()


def test_the_sidebar_opens_the_matter_list_and_keeps_a_diary_draft(window, qtbot):
    ledger = window.ledger_page
    matter = window.ctx.read(queries.matters.matter_page, MatterFilter(), 0, 1)[0]
    window.open_matter(matter.id)
    click_sidebar(window, qtbot, MainWindow.PAGE_LEDGER)
    assert not ledger.is_showing_detail()

    # An entry opened only to read it: back to 民情日记 shows the list.
    diary = window.diary_page
    window.open_diary_entry(diary.model.entry(0).id)
    click_sidebar(window, qtbot, MainWindow.PAGE_HOUSEHOLDS)
    click_sidebar(window, qtbot, MainWindow.PAGE_DIARY)
    assert not diary.is_editing()

    # An entry being written is work in progress: coming back returns to it.
    click(qtbot, diary.new_button)
    editor = diary.editor
    editor.picker.add(window.households_page.model.household(0).id)
    type_chinese(editor.narrative_edit, "写了一半的日记")
    click_sidebar(window, qtbot, MainWindow.PAGE_HOUSEHOLDS)
    click_sidebar(window, qtbot, MainWindow.PAGE_DIARY)
    assert diary.is_editing() and editor.narrative_edit.toPlainText() == "写了一半的日记"
    # 民情日记 clicked while writing: the list, the entry kept as a draft
    click_sidebar(window, qtbot, MainWindow.PAGE_DIARY)
    assert not diary.is_editing()
    assert diary.drafts_list.count() == 1  # nothing written is lost
    click(qtbot, diary.resume_button)
    assert editor.narrative_edit.toPlainText() == "写了一半的日记"


def test_delete_buttons_are_red_and_never_where_the_list_has_a_common_button(window, qtbot):
    window.resize(1280, 720)
    pages = window.households_page, window.ledger_page, window.diary_page
    matter = window.ctx.read(queries.matters.matter_page, MatterFilter(), 0, 1)[0]
    entry = window.diary_page.model.entry(0).id
    openers = (
        (MainWindow.PAGE_HOUSEHOLDS, lambda: window.open_household(pages[0].model.household(0).id)),
        (MainWindow.PAGE_LEDGER, lambda: window.open_matter(matter.id)),
        (MainWindow.PAGE_DIARY, lambda: window.open_diary_entry(entry)),
    )
    for (row, open_record), page in zip(openers, pages, strict=True):
        click_sidebar(window, qtbot, row)
        qtbot.waitUntil(lambda page=page: page.isVisible())
        list_view = page.views.widget(0)
        common = visible_buttons(window, list_view)
        assert common
        list_deletes = [
            b
            for b in list_view.findChildren(QAbstractButton)
            if b.isVisible() and b.property("destructive")
        ]
        open_record()
        record_view = page.views.currentWidget()
        assert record_view is not list_view
        deletes = [
            b
            for b in record_view.findChildren(QAbstractButton)
            if b.isVisible() and b.property("destructive")
        ]
        assert deletes, page
        for button in deletes + list_deletes:
            where = in_window(window, button)
            for text, rect in common.items():
                if text != button.text():
                    assert not where.intersects(rect), (button.text(), text)
            assert red_pixels(button) > 20, button.text()
        # a common button is not red
        ordinary = next(
            b
            for b in record_view.findChildren(QAbstractButton)
            if b.isVisible() and b.text() and not b.property("destructive")
        )
        assert red_pixels(ordinary) == 0, ordinary.text()


def test_a_filtered_list_says_so_when_one_comes_back_to_it(window, qtbot):
    """Filters stay when one leaves a page; coming back, a bar names them and
    clears them, so a filtered list is never taken for the whole village."""
    page = window.households_page
    click_sidebar(window, qtbot, MainWindow.PAGE_HOUSEHOLDS)
    assert not page.filter_bar.isVisible()
    total = page.model.total
    group = window.ctx.read(queries.reference.groups)[1].name
    page.group_combo.setCurrentIndex(page.group_combo.findText(group))
    page.overdue_check.setChecked(True)

    click_sidebar(window, qtbot, MainWindow.PAGE_LEDGER)
    click_sidebar(window, qtbot, MainWindow.PAGE_HOUSEHOLDS)
    assert page.filter_bar.isVisible()
    said = page.filter_bar.label.text()
    assert group in said and "有逾期事项" in said
    click(qtbot, page.filter_bar.button)
    assert page.model.total == total
    assert not page.filter_bar.isVisible()
    assert page.group_combo.currentIndex() == 0 and not page.overdue_check.isChecked()

    ledger = window.ledger_page
    click_sidebar(window, qtbot, MainWindow.PAGE_LEDGER)
    ledger.overdue_check.setChecked(True)
    assert ledger.filter_bar.isVisible() and "逾期" in ledger.filter_bar.label.text()
    diary = window.diary_page
    click_sidebar(window, qtbot, MainWindow.PAGE_DIARY)
    diary.mode_combo.setCurrentIndex(diary.mode_combo.findText("入户走访"))
    assert diary.filter_bar.isVisible() and "入户走访" in diary.filter_bar.label.text()
