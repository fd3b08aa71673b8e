"""The 修改记录 tab on the household page and the matter page: an edit made in
the page shows up there at once, with the cadre, the computer and the field
from what to what."""

from __future__ import annotations

from tests.ui.helpers import click, on_modal, raise_problems, settle, type_chinese
from tests.ui.pages.households.test_actions import open_household_page
from tests.ui.pages.ledger.test_matter import first_matter
from village_desk.core import queries


def rows(view) -> list[list[str]]:
    t = view.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_an_edit_on_the_household_page_is_in_its_change_history(window, qtbot):
    _page, detail, _household_id = open_household_page(window)
    old = detail.household.address
    problems: list = []

    def edit(dialog):
        dialog.address_edit.clear()
        type_chinese(dialog.address_edit, "东村三组12号")
        click(qtbot, dialog.save_button)

    on_modal(qtbot, edit, problems)
    click(qtbot, detail.edit_button)
    raise_problems(problems)
    settle(qtbot, window.ctx)
    detail.tabs.setCurrentWidget(detail.history)
    assert detail.tabs.tabText(detail.tabs.currentIndex()) == "修改记录"
    qtbot.waitUntil(lambda: detail.history.table.rowCount() > 0)
    when, cadre, computer, what, changes = rows(detail.history)[0]
    assert what == f"修改 户 {detail.household.number}"
    assert changes == f"地址：{old or '（空）'} → 东村三组12号"
    assert computer == window.ctx.db.device.name
    operator = window.ctx.operator_id
    names = window.ctx.read(queries.reference.cadre_names)
    assert cadre == (names.get(operator) if operator else "（未选择干部）")
    assert when[:4].isdigit()
    # creation of the household and its members is there too, oldest last
    assert rows(detail.history)[-1][3].startswith("新增 ")


def test_a_step_on_the_matter_page_is_in_its_change_history(window, qtbot):
    ctx, problems = window.ctx, []
    m = first_matter(ctx, "registered")
    window.open_matter(m.id)
    view = window.ledger_page.detail
    view.side_tabs.setCurrentWidget(view.history)
    qtbot.waitUntil(lambda: view.history.table.rowCount() > 0)
    before = view.history.table.rowCount()

    def answer(dialog):
        type_chinese(dialog.inputs["text"], "已电话联系申请人")
        click(qtbot, dialog.ok_button)

    on_modal(qtbot, answer, problems)
    click(qtbot, view.action_buttons["start"])
    raise_problems(problems)
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: view.history.table.rowCount() > before)
    shown = rows(view.history)
    assert any(
        r[3] == f"修改 事项 {m.number}" and "办理状态：登记受理 → 办理中" in r[4] for r in shown
    )
    assert any(r[3] == "新增 办理情况" and "已电话联系申请人" in r[4] for r in shown)
