"""The household page and the 户情 list show what was saved elsewhere, at once
(or when shown again), without being reopened: a visit written in the diary,
a member added by an import, a household deleted on another page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.ui.helpers import activate, click, settle, type_chinese
from village_desk.core import queries, services
from village_desk.core.queries.households import HouseholdFilter
from village_desk.core.queries.matters import MatterFilter
from village_desk.core.services.diary import DiaryInput
from village_desk.core.services.households import PersonInput
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.households.model import Col

CTRL = Qt.KeyboardModifier.ControlModifier


def open_household_page(window, row: int = 0):
    page = window.households_page
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    household_id = page.model.household(row).id
    assert page.open_household(household_id)
    return page, page.detail, household_id


def timeline_details(detail) -> list[str]:
    table = detail.timeline_table
    return [table.item(r, 3).text() for r in range(table.rowCount())]


def write_visit(ctx, household_id, narrative: str) -> None:
    """A diary entry saved by someone else's page (or an import): an op."""
    cadre = ctx.read(queries.reference.cadres)[0]
    data = DiaryInput(
        date=dt.date.today(),
        mode="home_visit",
        author_id=cadre.id,
        household_ids=[household_id],
        narrative=narrative,
    )
    ctx.op(None, lambda db: services.diary.write_entry(db, None, data)).run()


def click_sidebar(window, qtbot, row: int) -> None:
    item = window.nav.item(row)
    qtbot.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualItemRect(item).center(),
    )


def test_a_visit_and_its_matter_saved_in_the_diary_show_when_going_back(window, qtbot):
    """The reported bug: after saving a visit and the matter raised in it from
    the household page, going back showed 「走访和事项（0）」 until the household
    was opened again; a cadre thinks the save failed."""
    page, detail, household_id = open_household_page(window)
    before = detail.timeline_table.rowCount()
    assert detail.tabs.tabText(2) == f"走访和事项（{before}）"
    open_before = page.model.household(page.model.row_of(household_id)).open_matters

    # 新建民情日记 on the household page: the diary editor, for this household
    click(qtbot, detail.diary_button)
    assert window.stack.currentWidget() is window.diary_page
    editor = window.diary_page.editor
    assert editor.picker.household_ids() == [household_id]
    type_chinese(editor.narrative_edit, "入户核实住房情况。")
    click(qtbot, editor.add_item_button)
    item = editor.item_rows[0]
    type_chinese(item.text_edit, "申请修缮危房")
    item.set_outcome("matter")
    item.kind_combo.setCurrentIndex(item.kind_combo.findText("实际困难"))
    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    settle(qtbot, window.ctx)
    assert not window.diary_page.is_editing()
    (matter,) = [
        m
        for m in window.ctx.read(
            queries.matters.matter_page, MatterFilter(household_id=household_id), 0, 999
        )
        if m.content == "申请修缮危房"
    ]
    assert matter.number in window.statusBar().currentMessage()

    # back to 户情 in the sidebar: its list, whose row shows the visit and the matter
    click_sidebar(window, qtbot, MainWindow.PAGE_HOUSEHOLDS)
    assert window.stack.currentWidget() is page and not page.is_showing_detail()
    row = page.model.row_of(household_id)
    assert page.model.index(row, Col.LAST_VISIT).data() == dt.date.today().isoformat()
    assert page.model.household(row).open_matters == open_before + 1

    # and the household page lists both
    page.table.selectRow(row)
    click(qtbot, page.open_button)
    assert page.is_showing_detail() and detail.household_id == household_id
    assert detail.tabs.tabText(2) == f"走访和事项（{before + 2}）"
    assert detail.timeline_table.rowCount() == before + 2
    shown = timeline_details(detail)
    assert "入户核实住房情况。" in shown
    assert any("申请修缮危房" in d for d in shown)


def test_the_visible_household_page_follows_changes_made_elsewhere(window, qtbot):
    page, detail, household_id = open_household_page(window, row=1)
    before = detail.timeline_table.rowCount()
    members = detail.members_table.rowCount()

    write_visit(window.ctx, household_id, "电话回访了解病情。")
    settle(qtbot, window.ctx)
    assert detail.isVisible()
    assert detail.tabs.tabText(2) == f"走访和事项（{before + 1}）"
    assert "电话回访了解病情。" in timeline_details(detail)

    # a member added elsewhere (a roster import) is listed
    window.ctx.op(
        None,
        lambda db: services.households.add_person(
            db, None, household_id, PersonInput(name="赵新成员", relation="child")
        ),
    ).run()
    settle(qtbot, window.ctx)
    assert detail.members_table.rowCount() == members + 1
    assert "赵新成员" in detail.member_names()
    assert detail.tabs.tabText(0) == f"家庭成员（{members + 1}）"

    # a visit to another household changes nothing here
    other = page.model.household(0).id
    write_visit(window.ctx, other, "走访另一户。")
    settle(qtbot, window.ctx)
    assert detail.household_id == household_id
    assert "走访另一户。" not in timeline_details(detail)


def test_a_household_deleted_elsewhere_leaves_its_page(window, qtbot):
    page, detail, household_id = open_household_page(window)
    window.ctx.op(
        None, lambda db: services.households.delete_household(db, None, household_id)
    ).run()
    settle(qtbot, window.ctx)
    assert not page.is_showing_detail()
    assert page.model.total == 39
    assert page.count_label.text() == "共 39 户"


def test_the_list_keeps_its_filter_and_selection_when_data_changes(window, qtbot):
    page = window.households_page
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    ctx = window.ctx
    group = ctx.read(queries.reference.groups)[1]
    page.group_combo.setCurrentIndex(page.group_combo.findText(group.name))
    expected = ctx.read(queries.households.household_count, HouseholdFilter(group_id=group.id))
    assert page.model.total == expected > 1
    page.table.selectRow(1)
    chosen = page.selected_household_id()
    assert chosen is not None

    write_visit(ctx, chosen, "顺路走访。")
    settle(qtbot, ctx)
    assert page.group_combo.currentText() == group.name
    assert page.model.total == expected
    assert page.count_label.text() == f"符合条件 {expected} 户"
    assert page.selected_household_id() == chosen
    row = page.table.selectionModel().currentIndex().row()
    assert page.model.index(row, Col.LAST_VISIT).data() == dt.date.today().isoformat()
