"""Deleting diary entries and matters with undo, correcting a matter's
registration, visit quotas and print settings, and the companions picker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from tests.ui.helpers import click, on_modal, raise_problems, settle, type_chinese, wait_ops
from village_desk.core import queries
from village_desk.core.storage.models import DiaryEntry, Matter
from village_desk.ui.context import AppContext
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.settings.page import SettingsPage


def answer_yes(qtbot, expect: str = ""):
    def fn(box):
        assert isinstance(box, QMessageBox)
        assert expect in box.text()
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))

    return fn


def live_entries(db) -> int:
    with db.reading() as s:
        return len(list(s.scalars(select(DiaryEntry.id).where(DiaryEntry.deleted.is_(False)))))


def test_deleting_a_diary_entry_can_be_undone(window, demo_db, qtbot):
    problems: list = []
    page = window.diary_page
    window.nav.setCurrentRow(MainWindow.PAGE_DIARY)
    before, shown = live_entries(demo_db), page.model.total
    entry = page.model.entry(0)
    page.table.selectRow(0)
    on_modal(qtbot, answer_yes(qtbot, "撤销"), problems)
    click(qtbot, page.delete_button)
    raise_problems(problems)
    settle(qtbot, window.ctx)
    assert live_entries(demo_db) == before - 1
    assert page.model.total == shown - 1
    assert page.undo_bar.isVisible()
    assert entry.date.isoformat() in page.undo_bar.label.text()

    click(qtbot, page.undo_bar.button)
    settle(qtbot, window.ctx)
    assert not page.undo_bar.isVisible()
    assert live_entries(demo_db) == before and page.model.total == shown
    assert page.open_entry(entry.id)  # whole again, with its households
    assert page.editor.picker.household_ids()


def test_deleting_from_the_editor_closes_it_and_offers_undo(window, demo_db, qtbot):
    problems: list = []
    page = window.diary_page
    window.nav.setCurrentRow(MainWindow.PAGE_DIARY)
    entry = page.model.entry(0)
    page.new_entry()
    assert not page.editor.delete_button.isVisible()  # nothing saved to delete yet
    page.open_entry(entry.id)
    on_modal(qtbot, answer_yes(qtbot), problems)
    click(qtbot, page.editor.delete_button)
    raise_problems(problems)
    settle(qtbot, window.ctx)
    assert not page.is_editing() and page.undo_bar.isVisible()
    assert page.drafts.list() == []  # no draft left of the deleted entry
    click(qtbot, page.undo_bar.button)
    settle(qtbot, window.ctx)
    with demo_db.reading() as s:
        assert not s.get(DiaryEntry, entry.id).deleted


def test_deleting_a_matter_can_be_undone(window, demo_db, qtbot):
    problems: list = []
    page = window.ledger_page
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    total = page.model.total
    matter = page.model.matter(0)
    page.open_matter(matter.id)
    on_modal(qtbot, answer_yes(qtbot, matter.number), problems)
    click(qtbot, page.detail.delete_button)
    raise_problems(problems)
    settle(qtbot, window.ctx)
    assert not page.is_showing_detail()
    assert page.model.total == total - 1
    assert page.undo_bar.isVisible() and matter.number in page.undo_bar.label.text()

    click(qtbot, page.undo_bar.button)
    settle(qtbot, window.ctx)
    assert page.model.total == total
    with demo_db.reading() as s:
        assert not s.get(Matter, matter.id).deleted
    assert page.open_matter(matter.id)


def test_editing_a_matter_shows_errors_at_the_field(window, demo_db, qtbot):
    problems: list = []
    page = window.ledger_page
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    matter = next(
        page.model.matter(r)
        for r in range(page.model.rowCount())
        if page.model.matter(r).status in ("registered", "in_progress", "forwarded")
    )
    page.open_matter(matter.id)
    seen = {}

    def edit(dialog):
        assert dialog.content_edit.toPlainText() == matter.content
        assert not dialog.received_edit.isEnabled()  # not editable after registration
        dialog.content_edit.clear()
        dialog.save()
        wait_ops(qtbot, window.ctx)
        seen["content"] = dialog.errors.label_for("matter.content")
        assert not seen["content"].isHidden() and seen["content"].text()
        assert dialog.isVisible()  # refused: the dialog stays open

        dialog.content_edit.setPlainText("修缮村道路灯（已核实）")
        dialog.phone_edit.setText("12345")
        dialog.save()
        wait_ops(qtbot, window.ctx)
        phone_error = dialog.errors.label_for("matter.applicant_phone")
        assert not phone_error.isHidden() and phone_error.text()
        assert dialog.errors.label_for("matter.content").isHidden()
        assert dialog.isVisible()

        dialog.phone_edit.setText("13800138000")
        dialog.save()  # accepted

    on_modal(qtbot, edit, problems)
    click(qtbot, page.detail.edit_button)
    raise_problems(problems)
    settle(qtbot, window.ctx)
    with demo_db.reading() as s:
        m = s.get(Matter, matter.id)
        assert (m.content, m.applicant_phone) == ("修缮村道路灯（已核实）", "13800138000")
        assert m.received_date == matter.received_date
    assert page.detail.content_label.text() == "修缮村道路灯（已核实）"


def test_visit_quotas_and_print_settings_round_trip(demo_db, settings, qtbot, tmp_path):
    with demo_db.reading() as s:
        role = queries.reference.cadres(s)[0].role
    other = next(r for r in ("secretary", "director") if r != role)
    page = SettingsPage(AppContext(demo_db, settings))
    qtbot.addWidget(page)
    unit, number, period = page.quota_widgets[role]
    unit.setCurrentIndex(unit.findData("households"))
    number.setValue(45)
    period.setCurrentIndex(period.findData("month"))
    other_unit = page.quota_widgets[other][0]
    other_unit.setCurrentIndex(other_unit.findData(""))  # no quota
    page.save_quotas()
    wait_ops(qtbot, page.ctx)
    assert page.quotas_message.text() == "已保存。"
    with demo_db.reading() as s:
        quotas = queries.reference.get_setting(s, "visit_quotas")
    assert quotas[role] == {"households": 45, "period": "month"}
    assert other not in quotas

    again = SettingsPage(AppContext(demo_db, settings))
    qtbot.addWidget(again)
    unit, number, period = again.quota_widgets[role]
    assert (unit.currentData(), number.value(), period.currentData()) == (
        "households",
        45,
        "month",
    )
    assert not again.quota_widgets[other][1].isEnabled()
    with demo_db.reading() as s:
        import datetime as dt

        stats = queries.stats.visit_stats(s, dt.date(2000, 1, 1), dt.date.today())
    mine = [v for v in stats if v.role == role]
    assert mine and all((v.quota, v.quota_unit) == (45, "households") for v in mine)

    # card title and print font: refused at the field, saved when right
    page.card_title_edit.clear()
    type_chinese(page.card_title_edit, "干群连心卡")
    otf = tmp_path / "font.otf"
    otf.write_bytes(b"OTTO")
    page.font_edit.setText(str(otf))
    page.save_card()
    font_error = page.card_errors.label_for("setting.print_font_path")
    assert not font_error.isHidden() and ".ttf" in font_error.text()
    page.font_edit.setText(str(tmp_path / "missing.ttf"))
    page.save_card()
    assert not font_error.isHidden()
    page.font_edit.clear()
    page.save_card()
    wait_ops(qtbot, page.ctx)
    assert font_error.isHidden()
    with demo_db.reading() as s:
        assert queries.reference.get_setting(s, "card_title") == "干群连心卡"
        assert queries.reference.get_setting(s, "print_font_path") == ""


def test_companions_are_chosen_from_a_checkable_list(window, demo_db, qtbot):
    page = window.diary_page
    window.nav.setCurrentRow(MainWindow.PAGE_DIARY)
    editor = page.new_entry()
    companions = editor.companions
    assert companions.button.width() > 150  # a field, not a tiny button
    assert "（无" in companions.button.text()
    click(qtbot, companions.button)
    qtbot.waitUntil(companions.popup.isVisible, timeout=2000)
    first = companions.list.item(0)
    rect = companions.list.visualItemRect(first)
    # the check box sits at the left of the row
    qtbot.mouseClick(companions.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if first.checkState() != Qt.CheckState.Checked:  # a click on the text selects only
        qtbot.keyClick(companions.list, Qt.Key.Key_Space)
    assert first.checkState() == Qt.CheckState.Checked
    assert first.text() in companions.button.text()
    with demo_db.reading() as s:
        names = {c.id: c.name for c in queries.reference.cadres(s)}
    assert [names[i] for i in companions.ids()] == [first.text()]
    companions.popup.hide()
    companions.set_ids([])
    assert companions.ids() == [] and "（无" in companions.button.text()


def test_the_six_questions_title_is_not_cut_off(window, qtbot):
    from PySide6.QtWidgets import QLabel

    page = window.diary_page
    window.nav.setCurrentRow(MainWindow.PAGE_DIARY)
    editor = page.new_entry()
    title = next(w for w in editor.findChildren(QLabel) if w.text().startswith("“六问”"))
    qtbot.waitUntil(lambda: title.isVisible() and title.width() > 0)
    assert title.text().endswith("）")
    assert title.width() >= title.fontMetrics().horizontalAdvance(title.text())
