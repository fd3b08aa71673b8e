"""The first-run dialog: required village name, demo data off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QProgressDialog, QPushButton

from village_desk.core import queries, setup
from village_desk.ui.first_run import FirstRunDialog

from .conftest import type_chinese


def open_dialog(db, qtbot):
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_start(dialog, qtbot):
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button.text() == "开始使用"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_empty_village_name_is_refused_at_the_field(empty_db, qtbot):
    dialog = open_dialog(empty_db, qtbot)
    assert dialog.demo_radio.isChecked() and dialog.households_spin.value() == 300
    qtbot.keyClicks(dialog.village_edit, "   ")
    click_start(dialog, qtbot)

    assert dialog.isVisible()
    assert dialog.village_error.isVisible()
    assert "村" in dialog.village_error.text()
    # The message sits right under the village field.
    edit_bottom = dialog.village_edit.geometry().bottom()
    assert 0 <= dialog.village_error.geometry().top() - edit_bottom < 30
    assert not setup.is_initialized(empty_db)

    type_chinese(dialog.village_edit, "桃")  # typing clears the message
    assert not dialog.village_error.isVisible()


def test_demo_choice_generates_households_in_the_background(empty_db, qtbot):
    dialog = open_dialog(empty_db, qtbot)
    type_chinese(dialog.village_edit, "桃花村")
    type_chinese(dialog.township_edit, "青山镇")
    dialog.households_spin.setValue(25)
    with qtbot.waitSignal(dialog.completed, timeout=60000):
        click_start(dialog, qtbot)
        # The dialog returns at once: the work happens on another thread.
        assert dialog._task is not None
        assert not dialog.buttons.isEnabled()

    assert dialog.result() == QDialog.DialogCode.Accepted
    with empty_db.reading() as s:
        assert queries.household_count(s) == 25
        profile = setup.profile(s)
    assert (profile.village, profile.township) == ("桃花村", "青山镇")


def test_start_empty_creates_no_households(empty_db, qtbot):
    dialog = open_dialog(empty_db, qtbot)
    type_chinese(dialog.village_edit, "石门村")
    radio = dialog.empty_radio
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()
    assert not dialog.households_spin.isEnabled()
    with qtbot.waitSignal(dialog.completed, timeout=5000):
        click_start(dialog, qtbot)
    assert setup.is_initialized(empty_db)
    with empty_db.reading() as s:
        assert queries.household_count(s) == 0


def test_cancelling_demo_generation_writes_no_households(empty_db, qtbot):
    dialog = open_dialog(empty_db, qtbot)
    type_chinese(dialog.village_edit, "桃花村")
    dialog.households_spin.setValue(5000)
    click_start(dialog, qtbot)
    qtbot.waitUntil(
        lambda: dialog._progress is not None and dialog._progress.isVisible(), timeout=10000
    )
    task = dialog._task
    cancel = dialog._progress.findChild(QPushButton)
    assert cancel.text() == "取消"
    with qtbot.waitSignal(task.signals.failed, timeout=60000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()  # back to the form, can choose again
    assert dialog.buttons.isEnabled()
    with empty_db.reading() as s:
        assert queries.household_count(s) == 0
    assert not any(p.isVisible() for p in dialog.findChildren(QProgressDialog))
