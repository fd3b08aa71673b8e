"""The tests' own modal-dialog fixture: it fails a test whose expected dialog
never appears, reports a failure inside its callback, and leaves later
dialogs alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from tests.ui.helpers import ARMED, DialogNotSeen, click, exposed, on_modal, raise_problems
from village_desk.ui.widgets.modal import run_modal


@pytest.fixture
def asker(qtbot):
    """A window whose button asks a question (or not, when ``ask`` is off)."""
    win = QWidget()
    win.button = QPushButton("删除", win)
    win.ask, win.answers = True, []

    def pressed():
        if win.ask:
            box = QMessageBox(QMessageBox.Icon.Question, "删除", "确定删除？", parent=win)
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            win.answers.append(QMessageBox.StandardButton(run_modal(box)))

    win.button.clicked.connect(pressed)
    qtbot.addWidget(win)
    win.show()
    exposed(win)
    return win


def answer(qtbot, calls: list, button=QMessageBox.StandardButton.Yes):
    def fn(box):
        calls.append(box.text())
        click(qtbot, box.button(button))

    return fn


def test_the_expected_dialog_is_answered(asker, qtbot, modal):
    calls: list = []
    with modal.expect(answer(qtbot, calls), kind=QMessageBox):
        click(qtbot, asker.button)
    assert calls == ["确定删除？"]
    assert asker.answers == [QMessageBox.StandardButton.Yes]


def test_a_dialog_that_never_appears_fails_the_test(asker, qtbot, modal):
    asker.ask = False  # the bug: the button acts without asking
    calls: list = []
    with (
        pytest.raises(DialogNotSeen, match="never appeared"),
        modal.expect(answer(qtbot, calls), timeout=300),
    ):
        click(qtbot, asker.button)
    assert calls == []
    assert ARMED == []  # and it no longer watches


def test_a_failure_inside_the_callback_fails_the_test_and_closes_the_dialog(asker, qtbot, modal):
    def wrong(box):
        assert "户号" in box.text(), box.text()

    with pytest.raises(AssertionError, match="确定删除"), modal.expect(wrong):
        click(qtbot, asker.button)
    assert QApplication.activeModalWidget() is None
    assert asker.answers == [0]  # closed by the fixture, not answered Yes


def test_a_dialog_of_another_kind_is_refused(asker, qtbot, modal):
    class Other(QWidget):
        pass

    with (
        pytest.raises(AssertionError, match="expected a Other"),
        modal.expect(lambda box: None, kind=Other),
    ):
        click(qtbot, asker.button)


def test_later_dialogs_are_left_alone(asker, qtbot, modal):
    calls: list = []
    with modal.expect(answer(qtbot, calls)):
        click(qtbot, asker.button)
    # A second question after the block: the fixture must not answer it.
    seen = []

    def look_then_close():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, look_then_close)
            return
        QTimer.singleShot(200, lambda: (seen.append(box.text()), box.done(0)))

    QTimer.singleShot(0, look_then_close)
    click(qtbot, asker.button)
    assert calls == ["确定删除？"]  # answered once, by the first expectation
    assert seen == ["确定删除？"]  # the second stayed open until closed here
    assert asker.answers == [QMessageBox.StandardButton.Yes, 0]


def test_on_modal_fails_at_raise_problems_when_the_dialog_never_came(asker, qtbot):
    asker.ask = False
    problems: list = []
    calls: list = []
    on_modal(qtbot, answer(qtbot, calls), problems)
    assert len(ARMED) == 1  # the autouse check would fail a test that stops here
    click(qtbot, asker.button)
    with pytest.raises(DialogNotSeen):
        raise_problems(problems)
    assert ARMED == [] and problems == [] and calls == []
