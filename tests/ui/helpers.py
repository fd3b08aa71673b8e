"""What GUI tests do the way users do: type Chinese, click, answer dialogs,
and wait for work on the writer thread."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton


def type_chinese(widget, text: str) -> None:
    """Type Chinese the way users do: committed by the input method.

    (``qtbot.keyClicks`` can only synthesise ASCII keys.)
    """
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def exposed(widget) -> None:
    """Wait until ``widget``'s window is on screen (after ``show()``).

    (pytest-qt's ``qtbot.waitExposed`` is a context manager: called plainly it
    waits for nothing.)"""
    assert QTest.qWaitForWindowExposed(widget, 5000), widget


def wait_ops(qtbot, ctx, timeout: int = 10000) -> None:
    """Wait until every queued write and background task has finished and its
    result reached the GUI thread (ops run on the writer thread)."""
    qtbot.waitUntil(lambda: ctx.executor.pending == 0, timeout=timeout)


def settle(qtbot, ctx, timeout: int = 10000) -> None:
    """Wait for queued writes, then let their change reports reach the pages."""
    wait_ops(qtbot, ctx, timeout)
    QCoreApplication.processEvents()


class _NotSeen(AssertionError):
    """The modal dialog a test was waiting for never appeared."""


def on_modal(qtbot, fn, problems: list):
    """Run ``fn(dialog)`` on the next modal dialog; a failure closes it (no hang).

    Until the dialog appears, ``problems`` holds a marker, so
    :func:`raise_problems` fails a test whose dialog never came (and whose
    assertions inside ``fn`` therefore never ran)."""
    marker = _NotSeen(f"no modal dialog appeared for {getattr(fn, '__name__', fn)}")
    problems.append(marker)
    deadline = time.monotonic() + 20

    def run():
        widget = QApplication.activeModalWidget()
        if widget is None:
            if marker in problems and time.monotonic() < deadline:
                QTimer.singleShot(20, run)
            return
        problems.remove(marker)
        try:
            fn(widget)
        except BaseException as err:  # reported by the test after exec() returns
            problems.append(err)
            widget.done(0)  # not reject(): that may ask about unsaved changes

    QTimer.singleShot(0, run)


def raise_problems(problems: list) -> None:
    """Fail with the first problem: an error inside a dialog callback, or a
    dialog that never appeared."""
    for problem in problems:
        if isinstance(problem, _NotSeen):
            problems.remove(problem)  # stop polling for it
        raise problem


def activate(window, qtbot):
    """Keyboard shortcuts go to the active window (offscreen does not
    re-activate it after a dialog closes, a desktop does), and only there
    does focus move (a field left sends ``editingFinished``)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def click(qtbot, widget):
    """A user's click: the widget must be shown, enabled and laid out."""
    qtbot.waitUntil(lambda: widget.isVisible() and not widget.rect().isEmpty(), timeout=2000)
    assert widget.isEnabled(), widget
    if isinstance(widget, QCheckBox | QRadioButton):
        # A stretched check box reacts on its box and text, not on the empty right part.
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
        return
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
