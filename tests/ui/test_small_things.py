"""Small things a new cadre trips over: a message that pushes the fields
below it down (and back up while one types), an ID number one digit short
that says nothing until Save, a wizard's progress title cut in half, table
headers cut off, statuses left in Chinese in the English GUI."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.helpers import iso7064_check
from tests.ui.helpers import activate, exposed, type_chinese
from village_desk.core import queries
from village_desk.core.domain.lifecycle import STATUS_LABELS
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui import labels
from village_desk.ui.context import AppContext
from village_desk.ui.first_run import FirstRunDialog
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.households.forms import PersonDialog
from village_desk.ui.pages.ledger.model import Col, MatterTableModel
from village_desk.ui.prefs import apply_font_size

FIRST17 = "43052419800307001"


def top_of(widget, dialog) -> int:
    return widget.mapTo(dialog, QPoint(0, 0)).y()


def person_dialog(ctx, qtbot) -> PersonDialog:
    household = ctx.read(queries.households.household_page, queries.households.HouseholdFilter())
    dialog = PersonDialog(ctx, household[0].id)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    activate(dialog, qtbot)  # a field is left (focus out) only in the active window
    return dialog


def test_fields_below_a_message_do_not_jump_back_while_typing(ctx, qtbot):
    dialog = person_dialog(ctx, qtbot)
    form = dialog.form
    type_chinese(form.name_edit, "李测试")
    wrong = FIRST17 + ("1" if iso7064_check(FIRST17) != "1" else "2")
    qtbot.keyClicks(form.id_edit, wrong)
    assert form.id_error.isVisible()  # the message appears, the fields move down once
    below = top_of(form.phone_edit, dialog)
    form.id_edit.setFocus()
    qtbot.keyClick(form.id_edit, Qt.Key.Key_Backspace)  # correcting it…
    assert not form.id_error.isVisible()
    assert top_of(form.phone_edit, dialog) == below  # …the phone field stays put
    qtbot.keyClicks(form.id_edit, iso7064_check(FIRST17))
    assert top_of(form.phone_edit, dialog) == below
    dialog.done(0)


def test_an_id_number_one_digit_short_is_refused_on_leaving_the_field(ctx, qtbot):
    dialog = person_dialog(ctx, qtbot)
    form = dialog.form
    form.id_edit.setFocus()
    for digit in FIRST17:  # nothing said while typing (its first 15 digits are
        qtbot.keyClicks(form.id_edit, digit)  # no valid old number either)
        assert not form.id_error.isVisible(), form.id_edit.text()
    form.phone_edit.setFocus()  # leaving the field
    qtbot.waitUntil(form.id_error.isVisible)
    assert "18位" in form.id_error.text() and "17位" in form.id_error.text()
    dialog.done(0)


def test_the_wizards_progress_dialog_has_a_title_that_fits(empty_db, qtbot):
    wizard = FirstRunDialog(AppContext(empty_db))
    qtbot.addWidget(wizard)
    wizard.show()
    op = wizard._start_demo(5)
    dialog = op.dialog
    assert dialog is not None
    title = dialog.windowTitle()
    assert title and title != wizard.windowTitle()  # not 「欢迎使用··· 情台账」
    assert dialog.minimumWidth() >= dialog.fontMetrics().horizontalAdvance(title) + 100
    with qtbot.waitSignal(wizard.completed, timeout=30000):
        pass


def test_table_headers_are_never_cut(window, qtbot):
    app = QApplication.instance()
    apply_font_size(app, True)
    try:
        rebuilt = MainWindow(window.ctx, page_size=10)  # built with large text, as after a restart
        qtbot.addWidget(rebuilt)
        for page in (rebuilt.households_page, rebuilt.diary_page, rebuilt.ledger_page):
            header = page.table.horizontalHeader()
            for col in range(header.count()):
                if header.sectionResizeMode(col) == header.ResizeMode.Interactive:
                    text = page.model.headerData(col, Qt.Orientation.Horizontal)
                    assert header.sectionSize(col) >= header.sectionSizeHint(col), text
    finally:
        apply_font_size(app, False)


def test_statuses_are_english_in_the_english_gui(ctx, monkeypatch):
    monkeypatch.setattr(labels, "current_language", lambda: "zh_CN")
    assert [labels.status_label(c) for c in STATUS_LABELS] == list(STATUS_LABELS.values())
    monkeypatch.setattr(labels, "current_language", lambda: "en")
    english = [labels.status_label(c) for c in STATUS_LABELS]
    assert english[:2] == ["Registered", "In progress"]
    assert not any("\u4e00" <= ch <= "\u9fff" for word in english for ch in word)
    model = MatterTableModel(ctx.db, page_size=5)
    model.set_filter(MatterFilter(statuses=("closed",)))
    assert model.index(0, Col.STATUS).data() == "Closed"
    assert labels.action_label("feedback") == "Return visit"


def test_a_locked_or_full_database_is_not_called_damaged():
    """A busy database or a full disk must not send a cadre to restore an old
    backup over good data; a damaged file may."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from village_desk.ui.errors import describe

    locked = describe(OperationalError("BEGIN", {}, sqlite3.OperationalError("database is locked")))
    full = describe(
        OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
    )
    damaged = describe(
        OperationalError("SELECT", {}, sqlite3.DatabaseError("database disk image is malformed"))
    )
    assert "占用" in locked and "不需要从备份恢复" in locked
    assert "磁盘已满" in full and "不需要从备份恢复" in full
    assert "已损坏" in damaged and "不需要" not in damaged
