"""Leaving an edit dialog with unsaved changes asks first; the diary editor
offers 放弃草稿 only when there is a draft; new roles get a visit-quota row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QMessageBox
from sqlalchemy import select

from tests.ui.helpers import (
    click,
    exposed,
    on_modal,
    raise_problems,
    settle,
    type_chinese,
    wait_ops,
)
from village_desk.core import queries
from village_desk.core.storage.models import DiaryEntry, Household, Matter
from village_desk.ui.context import AppContext
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.diary.drafts import DraftStore
from village_desk.ui.pages.diary.page import DiaryPage
from village_desk.ui.pages.households.forms import (
    EndPairingDialog,
    HouseholdDialog,
    PairingDialog,
    PersonDialog,
)
from village_desk.ui.pages.ledger.matter import ActionDialog, MatterDialog
from village_desk.ui.pages.settings.page import CadreDialog


def first(db, model):
    with db.reading() as s:
        return s.scalars(select(model).order_by(model.id)).first()


def household(db):
    return first(db, Household)


def cadre(db):
    with db.reading() as s:
        return queries.reference.cadres(s)[0]


# (dialog factory, how the user changes something)
DIALOGS = {
    "new household": (
        lambda ctx: HouseholdDialog(ctx),
        lambda d: type_chinese(d.address_edit, "东村"),
    ),
    "edit household": (
        lambda ctx: HouseholdDialog(ctx, household(ctx.db).id),
        lambda d: type_chinese(d.notes_edit, "改了"),
    ),
    "member": (
        lambda ctx: PersonDialog(ctx, household(ctx.db).id),
        lambda d: type_chinese(d.form.findChild(QLineEdit), "李四"),
    ),
    "pairing": (
        lambda ctx: PairingDialog(ctx, household(ctx.db).id),
        lambda d: type_chinese(d.reason_edit, "结对帮扶"),
    ),
    "end pairing": (
        lambda ctx: EndPairingDialog(ctx, None),
        lambda d: type_chinese(d.reason_edit, "调离"),
    ),
    "new matter": (
        lambda ctx: MatterDialog(ctx),
        lambda d: type_chinese(d.content_edit, "申请低保"),
    ),
    "edit matter": (
        lambda ctx: MatterDialog(ctx, matter_id=first(ctx.db, Matter).id),
        lambda d: d.level_combo.setCurrentIndex((d.level_combo.currentIndex() + 1) % 2),
    ),
    "action": (
        lambda ctx: ActionDialog(
            ctx, ctx.read(queries.matters.matter, first(ctx.db, Matter).id), "complete"
        ),
        lambda d: type_chinese(d.inputs["text"], "已联系"),
    ),
    "cadre": (
        lambda ctx: CadreDialog(ctx, cadre(ctx.db)),
        lambda d: d.active_check.setChecked(not d.active_check.isChecked()),
    ),
}


def open_dialog(qtbot, db, name):
    make, change = DIALOGS[name]
    dialog = make(AppContext(db))
    qtbot.addWidget(dialog)
    asked: list[QDialog] = []
    answers: list[bool] = []

    def confirm(parent):
        asked.append(parent)
        return answers.pop(0)

    dialog.confirm_discard = confirm
    dialog.show()
    exposed(dialog)
    return dialog, change, asked, answers


@pytest.mark.parametrize("name", list(DIALOGS))
def test_esc_closes_an_unchanged_dialog_at_once(demo_db, qtbot, name):
    dialog, _change, asked, _answers = open_dialog(qtbot, demo_db, name)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize("name", list(DIALOGS))
def test_leaving_a_changed_dialog_asks_first(demo_db, qtbot, name):
    dialog, change, asked, answers = open_dialog(qtbot, demo_db, name)
    change(dialog)
    # Esc, 继续编辑: the dialog and what was typed stay
    answers.append(False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [dialog] and dialog.isVisible()
    assert dialog.has_changes()
    # 取消, 继续编辑
    answers.append(False)
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    click(qtbot, cancel)
    assert len(asked) == 2 and dialog.isVisible()
    # closing the window, 放弃
    answers.append(True)
    dialog.close()
    assert len(asked) == 3 and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_question_in_chinese_and_keep_editing(demo_db, qtbot):
    """The real question box: 放弃未保存的修改？ with 放弃 / 继续编辑."""
    problems: list = []
    dialog = HouseholdDialog(AppContext(demo_db), household(demo_db).id)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    type_chinese(dialog.address_edit, "新地址")
    seen: list[str] = []

    def answer(label):
        def fn(box):
            assert isinstance(box, QMessageBox)
            seen.append(box.text())
            buttons = {b.text(): b for b in box.buttons()}
            assert set(buttons) == {"放弃", "继续编辑"}
            click(qtbot, buttons[label])

        return fn

    on_modal(qtbot, answer("继续编辑"), problems)
    dialog.reject()
    raise_problems(problems)
    assert seen == ["放弃未保存的修改？"] and dialog.isVisible()
    on_modal(qtbot, answer("放弃"), problems)
    dialog.reject()
    raise_problems(problems)
    assert len(seen) == 2 and not dialog.isVisible()


def test_saving_does_not_ask(demo_db, qtbot):
    dialog, _change, asked, _answers = open_dialog(qtbot, demo_db, "cadre")
    dialog.name_edit.setText(dialog.name_edit.text() + "甲")
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)  # saved, then closed
    assert asked == [] and not dialog.isVisible()


# ------------------------------------------------------------ diary: 放弃草稿


def test_discard_draft_shows_only_when_there_is_a_draft(demo_db, tmp_path, qtbot):
    store = DraftStore(tmp_path / "drafts")
    page = DiaryPage(AppContext(demo_db), drafts=store, page_size=10)
    qtbot.addWidget(page)
    page.show()
    editor = page.editor
    with demo_db.reading() as s:
        entry = s.scalars(select(DiaryEntry).where(DiaryEntry.deleted.is_(False))).first()

    # a saved entry, nothing changed: no draft, nothing to discard
    assert page.open_entry(entry.id)
    assert editor.isVisible() and not editor.discard_button.isVisible()
    click(qtbot, editor.close_button)
    assert store.list() == []  # closing it unchanged leaves no draft behind

    # a new entry shows the button once something is written
    editor = page.new_entry()
    assert not editor.discard_button.isVisible()
    type_chinese(editor.narrative_edit, "上门了解情况")
    assert editor.discard_button.isVisible()
    click(qtbot, editor.close_button)
    assert len(store.list()) == 1

    # the saved entry again: changing it makes a draft
    assert page.open_entry(entry.id)
    assert not editor.discard_button.isVisible()
    type_chinese(editor.help_edit, "讲解政策")
    assert editor.discard_button.isVisible()
    problems: list = []

    def yes(box):
        assert isinstance(box, QMessageBox)
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))

    on_modal(qtbot, yes, problems)
    click(qtbot, editor.discard_button)
    raise_problems(problems)
    assert not page.is_editing()
    assert len(store.list()) == 1  # only the new entry's draft

    # a restored draft can be discarded at once
    page.refresh_drafts()
    page.drafts_list.setCurrentRow(0)
    click(qtbot, page.resume_button)
    assert editor.discard_button.isVisible()


# ------------------------------------------------------------ settings: quota rows


def test_a_new_role_gets_a_visit_quota_row(window, demo_db, qtbot):
    problems: list = []
    page = window.settings_page
    window.nav.setCurrentRow(MainWindow.PAGE_SETTINGS)
    rows_before = page.quotas_table.rowCount()
    page.tabs.setCurrentIndex(3)  # vocabularies
    page.vocab_kind.setCurrentIndex(page.vocab_kind.findData("role"))

    def name_role(dialog):
        type_chinese(dialog.findChild(QLineEdit), "护林防火员")
        dialog.accept()

    on_modal(qtbot, name_role, problems)
    click(qtbot, page.vocab_add)
    raise_problems(problems)
    settle(qtbot, window.ctx)

    assert page.quotas_table.rowCount() == rows_before + 1
    labels = [page.quotas_table.item(r, 0).text() for r in range(page.quotas_table.rowCount())]
    assert labels[-1] == "护林防火员"
    with demo_db.reading() as s:
        code = next(
            t.code for t in queries.reference.vocabulary(s, "role") if t.label == "护林防火员"
        )
    unit, number, period = page.quota_widgets[code]
    page.tabs.setCurrentIndex(5)  # visit quotas
    assert unit.isVisible() and not number.isEnabled()
    unit.setCurrentIndex(unit.findData("visits"))
    number.setValue(12)
    click(qtbot, page.quotas_save)
    wait_ops(qtbot, window.ctx)
    with demo_db.reading() as s:
        assert queries.reference.get_setting(s, "visit_quotas")[code] == {
            "visits": 12,
            "period": "year",
        }


# --------------------------------------------------------------------------- stale forms


def _household_input(h, **changes):
    from village_desk.core.services.households import HouseholdInput

    values = dict(
        number=h.number,
        group_id=h.group_id,
        address=h.address,
        phone=h.phone,
        categories=list(h.categories),
        situation=h.situation,
        notes=h.notes,
    )
    values.update(changes)
    return HouseholdInput(**values)


def test_a_household_form_opened_before_another_edit_does_not_write_it_back(demo_db, qtbot):
    """Another page (or a merge) changed the phone while this form was open on
    the address: saving keeps the new phone."""
    from village_desk.core import services

    ctx = AppContext(demo_db)
    h = first(demo_db, Household)
    dialog = HouseholdDialog(ctx, h.id)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    services.households.update_household(
        demo_db, None, h.id, _household_input(h, phone="13912345678")
    )
    dialog.address_edit.clear()
    type_chinese(dialog.address_edit, "桃花村三组8号")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    after = demo_db.read(queries.households.household, h.id)
    assert (after.address, after.phone) == ("桃花村三组8号", "13912345678")


def test_the_same_field_changed_underneath_is_shown_then_saved_on_purpose(demo_db, qtbot):
    from village_desk.core import services

    ctx = AppContext(demo_db)
    h = first(demo_db, Household)
    dialog = HouseholdDialog(ctx, h.id)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    services.households.update_household(
        demo_db, None, h.id, _household_input(h, phone="13912345678")
    )
    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, "13800001111")
    click(qtbot, dialog.save_button)
    wait_ops(qtbot, ctx)
    assert dialog.isVisible()
    assert any("13912345678" in m and "别处修改" in m for m in dialog.visible_errors())
    assert demo_db.read(queries.households.household, h.id).phone == "13912345678"
    click(qtbot, dialog.save_button)  # seen: saving again writes the form's number
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert demo_db.read(queries.households.household, h.id).phone == "13800001111"


def test_a_member_form_opened_before_another_edit_does_not_write_it_back(demo_db, qtbot):
    from village_desk.core import services
    from village_desk.core.services.households import PersonInput

    ctx = AppContext(demo_db)
    h = first(demo_db, Household)
    member = demo_db.read(queries.households.members, h.id)[0]
    dialog = PersonDialog(ctx, h.id, member.id)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    underneath = PersonInput(
        name=member.name,
        relation=member.relation,
        id_number=member.id_number,
        gender=member.gender,
        birth_date=member.birth_date,
        phone="13712340000",
        status=member.status,
        party_member=member.party_member,
        tags=list(member.tags),
        notes=member.notes,
    )
    services.households.update_person(demo_db, None, member.id, underneath)
    dialog.form.notes_edit.clear()
    type_chinese(dialog.form.notes_edit, "常年在外务工")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    after = demo_db.read(queries.households.person, member.id)
    assert (after.notes, after.phone) == ("常年在外务工", "13712340000")
