"""The issue's whole flow, driven through the real widgets:

first-run wizard → demo data; a household with two members (an invalid ID
refused at the field); a diary entry with one item solved on the spot and one
turned into a matter (the draft survives closing the editor); the matter
through 办理 → 办结 → 回访(满意) → 销号 with only legal actions offered, and the
dashboard counts following along.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from tests.helpers import iso7064_check
from tests.ui.helpers import (
    activate,
    click,
    exposed,
    on_modal,
    raise_problems,
    type_chinese,
    wait_ops,
)
from village_desk.core import queries
from village_desk.core.storage.models import DiaryItem, Matter
from village_desk.ui.context import AppContext
from village_desk.ui.first_run import FirstRunDialog
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.diary.drafts import DraftStore

HEAD_ID17 = "43052419800307001"
MEMBER_ID17 = "43052419821112002"


def valid_id(first17: str) -> str:
    return first17 + iso7064_check(first17)


def wrong_id(first17: str) -> str:
    good = iso7064_check(first17)
    return first17 + ("1" if good != "1" else "2")


def dashboard_numbers(window):
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    page = window.dashboard_page
    for _ in range(2000):  # the counts come from a reader thread
        if not window.ctx.executor.pending:
            break
        QTest.qWait(5)
    QCoreApplication.processEvents()
    return {
        "open": int(page.open.value.text()),
        "awaiting": int(page.awaiting.value.text()),
        "households": int(page.households.value.text()),
    }


def test_the_daily_flow(empty_db, settings, qtbot, tmp_path):
    db = empty_db
    problems: list = []

    # ---- first run: village, (cadres step), demo data
    ctx = AppContext(db, settings)
    wizard = FirstRunDialog(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    type_chinese(wizard.village_edit, "桃花村")
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.step() == wizard.STEP_CADRES)
    click(qtbot, wizard.next_button)
    wizard.households_spin.setValue(20)
    with qtbot.waitSignal(wizard.completed, timeout=60000):
        click(qtbot, wizard.start_button)
    with db.reading() as s:
        operator = queries.reference.cadres(s)[0]

    ctx.set_operator(operator.id)
    window = MainWindow(ctx, page_size=10, drafts=DraftStore(tmp_path / "drafts"))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    exposed(window)
    activate(window, qtbot)
    assert operator.name in window.operator_label.text()
    before = dashboard_numbers(window)
    assert before["households"] == 20

    # ---- a new household with its head
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    page = window.households_page

    def fill_household(dialog):
        qtbot.keyClicks(dialog.number_edit, "T-0001")
        type_chinese(dialog.head_form.name_edit, "张测试")
        qtbot.keyClicks(dialog.head_form.id_edit, valid_id(HEAD_ID17))
        assert dialog.head_form.id_hint.isVisible()  # "出生于 1980-03-07，男"
        assert "1980-03-07" in dialog.head_form.id_hint.text()
        dialog.categories.boxes["dibao"].setChecked(True)
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    on_modal(qtbot, fill_household, problems)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    raise_problems(problems)
    assert page.is_showing_detail()
    detail = page.detail
    assert "T-0001" in detail.title.text() and "张测试" in detail.title.text()
    assert "低保户" in detail.info["categories"].text()

    # ---- a second member: the wrong check digit is refused at the field
    def add_member(dialog):
        form = dialog.form
        type_chinese(form.name_edit, "李测试")
        qtbot.keyClicks(form.id_edit, wrong_id(MEMBER_ID17))
        assert form.id_error.isVisible()  # as you type
        assert "校验码" in form.id_error.text()
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
        wait_ops(qtbot, ctx)
        assert dialog.isVisible()  # refused: still open, message next to the field
        assert form.id_error.isVisible() and "校验码" in form.id_error.text()
        edit_bottom = form.id_edit.mapTo(dialog, form.id_edit.rect().bottomLeft()).y()
        error_top = form.id_error.mapTo(dialog, form.id_error.rect().topLeft()).y()
        assert 0 <= error_top - edit_bottom < 60
        form.id_edit.clear()
        qtbot.keyClicks(form.id_edit, valid_id(MEMBER_ID17))
        assert not form.id_error.isVisible()
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    on_modal(qtbot, add_member, problems)
    click(qtbot, detail.add_member_button)
    raise_problems(problems)
    assert detail.members_table.rowCount() == 2
    assert sorted(detail.member_names()) == sorted(["张测试", "李测试"])
    ids = [detail.members_table.item(r, 4).text() for r in range(2)]
    assert all("*" in i for i in ids)  # masked on screen
    household_id = detail.household_id
    assert dashboard_numbers(window)["households"] == 21

    # ---- a diary entry from the household page
    window.open_household(household_id)
    click(qtbot, detail.diary_button)
    assert window.stack.currentWidget() is window.diary_page
    editor = window.diary_page.editor
    assert window.diary_page.is_editing()
    assert editor.picker.household_ids() == [household_id]
    type_chinese(editor.narrative_edit, "入户了解家庭情况。")
    click(qtbot, editor.sections["q_hardship"].toggle)
    type_chinese(editor.sections["q_hardship"].edit, "老人看病远。")
    click(qtbot, editor.add_item_button)
    solved = editor.item_rows[0]
    type_chinese(solved.text_edit, "咨询医保报销")
    type_chinese(solved.solution_edit, "当场讲解了政策")
    click(qtbot, editor.add_item_button)
    matter_row = editor.item_rows[1]
    type_chinese(matter_row.text_edit, "门前路灯坏了")
    matter_row.set_outcome("matter")
    qtbot.waitUntil(matter_row.kind_combo.isVisible)
    matter_row.kind_combo.setCurrentIndex(matter_row.kind_combo.findText("实际困难"))
    assert not matter_row.solution_edit.isVisible()

    # the draft survives closing the editor (Esc)
    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.diary_page.is_editing()
    drafts = window.diary_page.drafts_list
    assert drafts.isVisible() and drafts.count() == 1
    assert "张测试" in drafts.item(0).text()
    click(qtbot, window.diary_page.resume_button)
    assert window.diary_page.is_editing()
    assert editor.narrative_edit.toPlainText() == "入户了解家庭情况。"
    assert editor.sections["q_hardship"].edit.isVisible()
    assert [r.text_edit.text() for r in editor.item_rows] == ["咨询医保报销", "门前路灯坏了"]
    assert editor.item_rows[1].outcome_combo.currentData() == "matter"
    assert editor.picker.household_ids() == [household_id]

    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot, ctx)
    assert not window.diary_page.is_editing()
    assert window.diary_page.drafts_list.count() == 0
    with db.reading() as s:
        matters = queries.matters.matter_page(
            s, queries.matters.MatterFilter(household_id=household_id)
        )
        assert len(matters) == 1
        matter = matters[0]
        items = s.query(DiaryItem).filter(DiaryItem.text == "咨询医保报销").all()
    assert matter.content == "门前路灯坏了"
    assert matter.number in window.statusBar().currentMessage()  # 转入台账：its number
    assert matter.responsible_id == operator.id  # 首访负责制
    assert items[0].outcome == "solved" and items[0].matter_id is None
    after_diary = dashboard_numbers(window)
    assert after_diary["open"] == before["open"] + 1

    # ---- the matter: only legal actions, 办理 → 办结 → 回访(满意) → 销号
    window.open_matter(matter.id)
    view = window.ledger_page.detail
    assert window.ledger_page.is_showing_detail()
    assert view.source_button.isVisible()  # the link back to the diary
    offered = view.legal_actions()
    assert offered == {"start", "forward", "complete", "return", "unresolvable"}
    assert "close" not in offered and "feedback" not in offered  # illegal now

    def ok_button(dialog):
        return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)

    on_modal(qtbot, lambda d: click(qtbot, ok_button(d)), problems)
    click(qtbot, view.action_buttons["start"])
    raise_problems(problems)
    assert view.legal_actions() == {"forward", "complete", "return", "unresolvable"}

    def complete(dialog):
        click(qtbot, ok_button(dialog))  # no result: refused, shown in the dialog
        wait_ops(qtbot, ctx)
        assert dialog.isVisible()
        assert any("必须填写" in m for m in dialog.errors.visible_messages())
        type_chinese(dialog.inputs["text"], "已更换路灯")
        click(qtbot, ok_button(dialog))

    on_modal(qtbot, complete, problems)
    click(qtbot, view.action_buttons["complete"])
    raise_problems(problems)
    assert view.legal_actions() == {"feedback"}
    done = dashboard_numbers(window)
    assert done["open"] == before["open"]
    assert done["awaiting"] == before["awaiting"] + 1

    window.open_matter(matter.id)

    def feedback(dialog):
        combo = dialog.inputs["satisfaction"]
        combo.setCurrentIndex(combo.findData("satisfied"))
        mode = dialog.inputs["mode"]
        mode.setCurrentIndex(mode.findText("电话"))
        type_chinese(dialog.inputs["respondent"], "申请人本人")
        click(qtbot, ok_button(dialog))

    on_modal(qtbot, feedback, problems)
    click(qtbot, view.action_buttons["feedback"])
    raise_problems(problems)
    assert view.legal_actions() == {"close"}  # 满意: no 重新办理
    assert dashboard_numbers(window)["awaiting"] == before["awaiting"]

    window.open_matter(matter.id)
    on_modal(qtbot, lambda d: click(qtbot, ok_button(d)), problems)
    click(qtbot, view.action_buttons["close"])
    raise_problems(problems)
    assert view.legal_actions() == set()
    assert view.no_actions.isVisible()
    assert not view.note_button.isEnabled()  # a closed matter takes no more notes
    assert view.status_label.text() == "已销号"
    with db.reading() as s:
        assert s.get(Matter, matter.id).status == "closed"
    notes = [view.notes_list.item(i).text() for i in range(view.notes_list.count())]
    assert any("回访（电话，申请人本人）：满意" in n for n in notes) and any(
        "验收销号" in n for n in notes
    )
