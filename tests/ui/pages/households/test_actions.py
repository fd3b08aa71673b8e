"""What a cadre does on the household page: the dialogs save on the writer
thread, a refusal lands at its field with the dialog still open, removing a
member asks first, and the page shows each change at once."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.ui.helpers import click, on_modal, raise_problems, settle, type_chinese
from village_desk.core import queries
from village_desk.ui.main_window import MainWindow


def open_household_page(window, row: int = 0):
    page = window.households_page
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    household_id = page.model.household(row).id
    assert page.open_household(household_id)
    return page, page.detail, household_id


def pairing_rows(detail) -> list[list[str]]:
    t = detail.pairings_table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_a_taken_household_number_is_refused_at_its_field(window, qtbot):
    page = window.households_page
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    taken = page.model.household(0).number
    total = page.model.total
    problems: list = []

    def fill(dialog):
        qtbot.keyClicks(dialog.number_edit, taken)
        type_chinese(dialog.head_form.name_edit, "钱新户")
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: bool(dialog.visible_errors()))
        assert dialog.isVisible()  # refused: still open, the message under 户号
        number_error = dialog.errors.label_for("household.number")
        assert number_error.isVisible() and taken in number_error.text()
        assert dialog.saved_id is None
        dialog.number_edit.clear()
        qtbot.keyClicks(dialog.number_edit, "Z-0001")
        click(qtbot, dialog.save_button)

    on_modal(qtbot, fill, problems)
    dialog = page.new_household()
    raise_problems(problems)
    assert dialog.saved_id is not None
    assert page.is_showing_detail() and page.detail.household_id == dialog.saved_id
    assert "Z-0001" in page.detail.title.text() and "钱新户" in page.detail.title.text()
    assert page.model.total == total + 1
    assert page.count_label.text() == f"共 {total + 1} 户"


def test_editing_the_household_shows_at_once(window, qtbot):
    _page, detail, household_id = open_household_page(window)
    problems: list = []

    def edit(dialog):
        assert dialog.number_edit.text() == detail.household.number
        dialog.address_edit.clear()
        type_chinese(dialog.address_edit, "东村三组12号")
        click(qtbot, dialog.save_button)

    on_modal(qtbot, edit, problems)
    click(qtbot, detail.edit_button)
    raise_problems(problems)
    assert detail.info["address"].text() == "东村三组12号"
    assert window.ctx.read(queries.households.household, household_id).address == "东村三组12号"


def test_removing_a_member_asks_first_and_the_head_stays(window, qtbot):
    _page, detail, household_id = open_household_page(window)
    members = window.ctx.read(queries.households.members, household_id)
    assert len(members) >= 2 and members[0].relation == "head"
    problems: list = []

    def answer(button, name):
        def fn(box):
            assert isinstance(box, QMessageBox) and name in box.text()
            click(qtbot, box.button(button))

        return fn

    # the head cannot go while others are in the household: a message, nothing changes
    detail.members_table.selectRow(0)
    on_modal(qtbot, answer(QMessageBox.StandardButton.Yes, members[0].name), problems)
    click(qtbot, detail.remove_member_button)
    raise_problems(problems)
    seen: list[str] = []

    def ok(box):
        seen.append(box.text())
        click(qtbot, box.button(QMessageBox.StandardButton.Ok))

    on_modal(qtbot, ok, problems)
    settle(qtbot, window.ctx)
    raise_problems(problems)
    assert seen and "不能删除户主" in seen[0]
    assert detail.members_table.rowCount() == len(members)

    # another member: "No" keeps them, "Yes" removes them
    last = len(members) - 1
    detail.members_table.selectRow(last)
    on_modal(qtbot, answer(QMessageBox.StandardButton.No, members[last].name), problems)
    click(qtbot, detail.remove_member_button)
    raise_problems(problems)
    settle(qtbot, window.ctx)
    assert detail.members_table.rowCount() == len(members)

    detail.members_table.selectRow(last)
    on_modal(qtbot, answer(QMessageBox.StandardButton.Yes, members[last].name), problems)
    click(qtbot, detail.remove_member_button)
    raise_problems(problems)
    settle(qtbot, window.ctx)
    assert detail.members_table.rowCount() == len(members) - 1
    assert members[last].name not in detail.member_names()
    assert detail.tabs.tabText(0) == f"家庭成员（{len(members) - 1}）"


def test_pairing_a_cadre_and_ending_it(window, qtbot):
    _page, detail, household_id = open_household_page(window)
    ctx = window.ctx
    current = {
        p.cadre_id for p in ctx.read(queries.households.pairings, household_id, current_only=True)
    }
    cadres = ctx.read(queries.reference.cadres)
    paired = next(c for c in cadres if c.id in current)
    free = next(c for c in cadres if c.id not in current)
    before = detail.pairings_table.rowCount()
    detail.tabs.setCurrentIndex(1)  # 结对干部
    problems: list = []

    def pair(dialog):
        # one already paired with the household: refused under 结对干部
        dialog.cadre_combo.setCurrentIndex(dialog.cadre_combo.findText(paired.name))
        click(qtbot, dialog.save_button)
        error = dialog.errors.label_for("pairing.cadre_id")
        qtbot.waitUntil(error.isVisible)
        assert dialog.isVisible() and paired.name in error.text()
        dialog.cadre_combo.setCurrentIndex(dialog.cadre_combo.findText(free.name))
        type_chinese(dialog.reason_edit, "新结对")
        click(qtbot, dialog.save_button)

    on_modal(qtbot, pair, problems)
    click(qtbot, detail.add_pairing_button)
    raise_problems(problems)
    assert detail.pairings_table.rowCount() == before + 1
    assert free.name in detail.info["cadres"].text()

    row = next(i for i, r in enumerate(pairing_rows(detail)) if r[0] == free.name)

    def end(dialog):
        click(qtbot, dialog.save_button)  # no reason given
        error = dialog.errors.label_for("pairing.end_reason")
        qtbot.waitUntil(error.isVisible)
        assert dialog.isVisible()
        type_chinese(dialog.reason_edit, "工作调动")
        click(qtbot, dialog.save_button)

    detail.pairings_table.selectRow(row)
    on_modal(qtbot, end, problems)
    click(qtbot, detail.end_pairing_button)
    raise_problems(problems)
    ended = next(r for r in pairing_rows(detail) if r[0] == free.name)
    assert ended[3] != "在结对" and "工作调动" in ended[4]
    assert free.name not in detail.info["cadres"].text()
