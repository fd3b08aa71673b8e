"""The first-run wizard: village profile, cadres, then demo data or an empty start."""

from __future__ import annotations

import types

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QPushButton

from tests.ui.helpers import exposed, type_chinese
from village_desk.core import queries
from village_desk.ui.context import AppContext
from village_desk.ui.first_run import DEFAULT_DEMO_HOUSEHOLDS, FirstRunDialog


def open_dialog(db, qtbot):
    dialog = FirstRunDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    return dialog


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_last_step(dialog, qtbot, village="桃花村"):
    type_chinese(dialog.village_edit, village)
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.step() == dialog.STEP_CADRES)
    click(qtbot, dialog.next_button)
    assert dialog.step() == dialog.STEP_START
    assert dialog.start_button.text() == "开始使用"


def test_empty_village_name_is_refused_at_the_field(empty_db, qtbot):
    dialog = open_dialog(empty_db, qtbot)
    assert dialog.next_button.text() == "下一步"
    qtbot.keyClicks(dialog.village_edit, "   ")
    click(qtbot, dialog.next_button)

    assert dialog.step() == dialog.STEP_PROFILE
    assert dialog.village_error.isVisible()
    assert "村" in dialog.village_error.text()
    # The message sits right under the village field.
    edit_bottom = dialog.village_edit.mapTo(dialog, QPoint(0, 0)).y()
    edit_bottom += dialog.village_edit.height()
    error_top = dialog.village_error.mapTo(dialog, QPoint(0, 0)).y()
    assert 0 <= error_top - edit_bottom < 30
    assert not empty_db.read(queries.reference.is_initialized)

    type_chinese(dialog.village_edit, "桃")  # typing clears the message
    assert not dialog.village_error.isVisible()


def test_bad_service_phone_is_shown_next_to_its_field(empty_db, qtbot):
    dialog = open_dialog(empty_db, qtbot)
    type_chinese(dialog.village_edit, "桃花村")
    qtbot.keyClicks(dialog.phone_edit, "12345")
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(dialog.phone_error.isVisible)
    assert dialog.step() == dialog.STEP_PROFILE
    assert "11位" in dialog.phone_error.text()
    assert not empty_db.read(queries.reference.is_initialized)


def test_cadres_are_added_with_inline_errors(empty_db, qtbot):
    dialog = open_dialog(empty_db, qtbot)
    type_chinese(dialog.village_edit, "桃花村")
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.step() == dialog.STEP_CADRES)
    assert empty_db.read(queries.reference.is_initialized)
    click(qtbot, dialog.add_cadre_button)  # no name
    qtbot.waitUntil(dialog.cadre_name_error.isVisible)
    type_chinese(dialog.cadre_name, "李书记")
    qtbot.keyClicks(dialog.cadre_phone, "139")
    click(qtbot, dialog.add_cadre_button)
    qtbot.waitUntil(dialog.cadre_phone_error.isVisible)
    assert dialog.cadre_list.count() == 0
    dialog.cadre_phone.clear()
    qtbot.keyClicks(dialog.cadre_phone, "13900001111")
    click(qtbot, dialog.add_cadre_button)
    qtbot.waitUntil(lambda: dialog.cadre_list.count() == 1)
    assert "李书记" in dialog.cadre_list.item(0).text()
    with empty_db.reading() as s:
        assert [c.name for c in queries.reference.cadres(s)] == ["李书记"]


def test_roster_import_opens_the_import_dialog_after_the_profile(empty_db, qtbot):
    from village_desk.ui.pages.exchange.roster_import import RosterImportDialog

    dialog = open_dialog(empty_db, qtbot)
    to_last_step(dialog, qtbot)
    assert dialog.import_radio.isEnabled()
    assert "花名册" in dialog.import_radio.toolTip()
    radio = dialog.import_radio
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: getattr(dialog, "roster_dialog", None) is not None)
    roster = dialog.roster_dialog
    assert isinstance(roster, RosterImportDialog)
    exposed(roster)
    assert empty_db.read(queries.reference.is_initialized)  # the profile is saved before the import
    with qtbot.waitSignal(dialog.completed):
        click(qtbot, roster.close_button)  # importing nothing still finishes the wizard
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_demo_choice_generates_households_in_the_background(empty_db, qtbot):
    dialog = open_dialog(empty_db, qtbot)
    type_chinese(dialog.township_edit, "青山镇")
    to_last_step(dialog, qtbot)
    dialog.households_spin.setValue(25)
    with qtbot.waitSignal(dialog.completed, timeout=60000):
        click(qtbot, dialog.start_button)
        # The dialog returns at once: the work happens on another thread.
        assert dialog._op is not None
        assert not dialog.start_button.isEnabled()

    assert dialog.result() == QDialog.DialogCode.Accepted
    with empty_db.reading() as s:
        assert queries.households.household_count(s) == 25
        profile = queries.reference.profile(s)
    assert (profile.village, profile.township) == ("桃花村", "青山镇")


def test_start_empty_creates_no_households(empty_db, qtbot):
    dialog = open_dialog(empty_db, qtbot)
    to_last_step(dialog, qtbot, "石门村")
    radio = dialog.empty_radio
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()
    assert not dialog.households_spin.isEnabled()
    with qtbot.waitSignal(dialog.completed, timeout=5000):
        click(qtbot, dialog.start_button)
    assert empty_db.read(queries.reference.is_initialized)
    with empty_db.reading() as s:
        assert queries.households.household_count(s) == 0


def test_cancelling_demo_generation_writes_no_households(empty_db, qtbot):
    dialog = open_dialog(empty_db, qtbot)
    to_last_step(dialog, qtbot)
    dialog.households_spin.setValue(5000)
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(
        lambda: (
            dialog._op is not None
            and dialog._op.dialog is not None
            and dialog._op.dialog.isVisible()
        ),
        timeout=10000,
    )
    op = dialog._op
    cancel = op.dialog.findChild(QPushButton)
    assert cancel.text() == "取消"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: op.finished, timeout=60000)
    assert op.result is None  # it did not complete

    assert dialog.isVisible()  # back to the form, can choose again
    assert dialog.start_button.isEnabled()
    with empty_db.reading() as s:
        assert queries.households.household_count(s) == 0
    assert not any(p.isVisible() for p in dialog.findChildren(QProgressDialog))


def test_demo_data_can_be_loaded_straight_from_the_first_step(empty_db, qtbot):
    """No village name needed to look around: the demo village brings its own."""
    dialog = open_dialog(empty_db, qtbot)
    assert dialog.step() == dialog.STEP_PROFILE
    button = dialog.quick_demo_button
    assert button.text() == "直接载入示范数据"
    with qtbot.waitSignal(dialog.completed, timeout=60000):
        click(qtbot, button)
        # Off the GUI thread; the wizard cannot be left half-way meanwhile.
        assert dialog._op is not None
        assert not button.isEnabled() and not dialog.next_button.isEnabled()
        assert not dialog.village_error.isVisible()  # an empty name is fine here

    assert dialog.result() == QDialog.DialogCode.Accepted
    with empty_db.reading() as s:
        assert queries.households.household_count(s) == DEFAULT_DEMO_HOUSEHOLDS
        assert queries.reference.profile(s).village == "桃花村（示范数据）"
        assert queries.reference.cadres(s)  # ready for the operator choice


def test_first_start_on_an_empty_folder_goes_from_demo_data_to_the_main_window(
    app, tmp_path, qtbot
):
    """run_gui: wizard (demo data from step 1) → who is working → the main window."""
    from village_desk.ui.app import run_gui
    from village_desk.ui.main_window import MainWindow
    from village_desk.ui.operator import OperatorDialog

    seen: list[str] = []

    def drive():
        modal = QApplication.activeModalWidget()
        if isinstance(modal, FirstRunDialog) and "wizard" not in seen:
            seen.append("wizard")
            qtbot.mouseClick(modal.quick_demo_button, Qt.MouseButton.LeftButton)
        elif isinstance(modal, OperatorDialog) and "operator" not in seen:
            seen.append("operator")
            seen.append(modal.combo.currentText())
            modal.accept()
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if windows and windows[0].isVisible():
            seen.append(windows[0].windowTitle())
            seen.append(str(windows[0].households_page.model.total))
            windows[0].close()  # the last window: run_gui returns
            return
        QTimer.singleShot(50, drive)

    QTimer.singleShot(0, drive)
    code = run_gui(types.SimpleNamespace(data_dir=str(tmp_path), db_url=None))
    assert code == 0
    assert seen[0] == "wizard" and seen[1] == "operator"
    assert "（" in seen[2]  # a demo cadre with their role
    assert seen[3] == "村务民情台账 — 桃花村（示范数据）"
    assert seen[4] == str(DEFAULT_DEMO_HOUSEHOLDS)


def test_demo_data_are_not_offered_once_the_village_has_its_own_cadres(empty_db, qtbot):
    """李明 adds himself: demo data would add invented households and a second
    村党组织书记 to his village. Both demo offers become unavailable, and after
    the wizard the operator dialog has him chosen."""
    from PySide6.QtCore import QSettings

    from village_desk.ui.operator import OperatorDialog

    dialog = open_dialog(empty_db, qtbot)
    prefs = dialog.ctx.prefs = QSettings(
        str(empty_db.sqlite_path.parent / "prefs.ini"), QSettings.Format.IniFormat
    )
    assert dialog.quick_demo_button.isEnabled()
    type_chinese(dialog.village_edit, "桃花村")
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.step() == dialog.STEP_CADRES)
    for n, (name, role) in enumerate((("李明", "村党组织书记"), ("王芳", "网格员")), 1):
        type_chinese(dialog.cadre_name, name)
        dialog.cadre_role.setCurrentIndex(dialog.cadre_role.findText(role))
        click(qtbot, dialog.add_cadre_button)
        qtbot.waitUntil(lambda n=n: dialog.cadre_list.count() == n)
    click(qtbot, dialog.next_button)
    assert dialog.step() == dialog.STEP_START
    assert not dialog.demo_radio.isEnabled() and not dialog.demo_radio.isChecked()
    assert dialog.empty_radio.isChecked()
    click(qtbot, dialog.back_button)
    click(qtbot, dialog.back_button)
    assert dialog.step() == dialog.STEP_PROFILE
    assert not dialog.quick_demo_button.isEnabled()
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.step() == dialog.STEP_CADRES)
    click(qtbot, dialog.next_button)
    with qtbot.waitSignal(dialog.completed, timeout=5000):
        click(qtbot, dialog.start_button)
    with empty_db.reading() as s:
        assert queries.households.household_count(s) == 0
        cadres = queries.reference.cadres(s)
    assert sorted(c.name for c in cadres) == ["李明", "王芳"]

    operator = OperatorDialog(empty_db, prefs)
    qtbot.addWidget(operator)
    assert operator.combo.currentText().startswith("李明")


def test_the_wizard_sets_the_matter_number_code_and_shows_an_example(empty_db, qtbot):
    """The village's code from the township plus this laptop's letter make the
    code in matter numbers: 2026-K7B-0001 on the village's second laptop."""
    dialog = open_dialog(empty_db, qtbot)
    type_chinese(dialog.village_edit, "桃花村")
    dialog.village_code_edit.clear()
    qtbot.keyClicks(dialog.village_code_edit, "k")  # one character: refused at the field
    dialog.letter_edit.clear()
    qtbot.keyClicks(dialog.letter_edit, "b")
    assert "-K?B-0001" in dialog.number_preview.text()  # a character still missing
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.code_error.isVisible())
    assert "村代码应为乡镇分配的2位" in dialog.code_error.text()
    assert dialog.step() == dialog.STEP_PROFILE
    assert not empty_db.read(queries.reference.is_initialized)  # nothing saved
    qtbot.keyClicks(dialog.village_code_edit, "7")
    assert not dialog.code_error.isVisible()
    assert "-K7B-0001" in dialog.number_preview.text()
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.step() == dialog.STEP_CADRES)
    assert empty_db.device.code == "K7B"
    dialog.done(0)


def test_the_township_office_is_set_up_with_the_townships_name(empty_db, qtbot):
    dialog = open_dialog(empty_db, qtbot)
    qtbot.mouseClick(dialog.office_check, Qt.MouseButton.LeftButton)
    assert dialog.office_check.isChecked() and not dialog.village_edit.isEnabled()
    click(qtbot, dialog.next_button)  # no township name yet: said at its field
    assert dialog.township_error.isVisible() and "乡镇" in dialog.township_error.text()
    assert not empty_db.read(queries.reference.is_initialized)

    type_chinese(dialog.township_edit, "青山镇")
    assert not dialog.township_error.isVisible()
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.step() == dialog.STEP_CADRES)
    assert empty_db.read(queries.reference.is_township)
    assert empty_db.read(queries.reference.profile).village == "青山镇"
