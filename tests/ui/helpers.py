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


class DialogNotSeen(AssertionError):
    """The modal dialog a test was waiting for never appeared."""


# Expectations armed and not yet checked: the ``modal_dialogs_checked``
# fixture (tests/ui/conftest.py) fails a test that leaves one behind.
ARMED: list[ExpectedModal] = []


class ExpectedModal:
    """A modal dialog a test expects next: ``fn(dialog)`` runs on the first
    modal dialog that opens after it was armed (one already open then is not
    it); a failure inside ``fn`` closes the dialog (no hang) and is kept for
    :meth:`check`. Once it has run, or been checked, it stops watching:
    dialogs after it are left alone."""

    def __init__(self, fn, kind: type | None = None, timeout: float = 20):
        self.fn, self.kind = fn, kind
        self.name = getattr(fn, "__name__", repr(fn))
        self.before = QApplication.activeModalWidget()
        self.deadline = time.monotonic() + timeout
        self.seen = False
        self.stopped = False
        self.error: BaseException | None = None
        ARMED.append(self)
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        if self.stopped:
            return
        widget = QApplication.activeModalWidget()
        if widget is None or widget is self.before:
            if time.monotonic() < self.deadline:
                QTimer.singleShot(20, self._poll)
            return
        self.seen, self.stopped = True, True
        try:
            if self.kind is not None and not isinstance(widget, self.kind):
                raise AssertionError(
                    f"expected a {self.kind.__name__} for {self.name}, "
                    f"got {type(widget).__name__} {widget.windowTitle()!r}"
                )
            self.fn(widget)
        except BaseException as err:  # reported by check() after exec() returns
            self.error = err
            widget.done(0)  # not reject(): that may ask about unsaved changes

    def stop(self) -> None:
        self.stopped = True
        if self in ARMED:
            ARMED.remove(self)

    def check(self) -> None:
        """Stop watching; fail if the dialog never came or ``fn`` failed."""
        self.stop()
        if self.error is not None:
            raise self.error
        if not self.seen:
            raise DialogNotSeen(f"the dialog expected by {self.name} never appeared")


def on_modal(qtbot, fn, problems: list, kind: type | None = None) -> ExpectedModal:
    """Run ``fn(dialog)`` on the next modal dialog (of ``kind``, if given).

    ``problems`` keeps the expectation: :func:`raise_problems` fails a test
    whose dialog never came (so whose assertions inside ``fn`` never ran) or
    whose ``fn`` failed. (The ``modal`` fixture does the same as a ``with``
    block.)"""
    expected = ExpectedModal(fn, kind)
    problems.append(expected)
    return expected


def raise_problems(problems: list) -> None:
    """Fail with the first problem: an error inside a dialog callback, or a
    dialog that never appeared. Every expectation in ``problems`` stops
    watching, so none of them touches a later dialog."""
    pending, problems[:] = list(problems), []
    for item in pending:
        if isinstance(item, ExpectedModal):
            item.stop()
    for item in pending:
        if isinstance(item, ExpectedModal):
            item.check()
        else:
            raise item


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
