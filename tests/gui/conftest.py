"""GUI test fixtures: the app (in Chinese, as users get it), temp databases,
and Qt warnings turned into test failures (ENGINEERING.md habit 9)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton

from village_desk import demo
from village_desk.core.storage.db import Database

GUI_DIR = Path(__file__).resolve().parent

# What Qt's headless "offscreen" platform says about features it lacks. These
# are not defects of the program, so they alone do not fail a test.
PLATFORM_NOISE = [
    re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),
    # popups (Qt.Popup windows, e.g. the cadre check list) raise and grab input
    re.compile(r"^This plugin does not support raise\(\)$"),
    re.compile(r"^This plugin does not support grabbing the (keyboard|mouse)$"),
]

FAILING_TYPES = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)


def pytest_collection_modifyitems(config, items):
    # pytest-qt's own capture stops before fixture teardown; ours (below)
    # covers set-up, the test and teardown, so switch pytest-qt's off here.
    for item in items:
        if GUI_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.no_qt_log)


@pytest.fixture(scope="session")
def app(qapp, tmp_path_factory):
    """The QApplication configured like ``run_gui`` does (zh_CN translation)."""
    from village_desk.ui.app import create_application

    settings_dir = tmp_path_factory.mktemp("qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(settings_dir))
    return create_application()


@pytest.fixture(autouse=True)
def qt_warnings_fail(app):
    """Any Qt warning or critical message during the test fails it."""
    problems: list[str] = []

    def handler(mode, context, message):
        if mode in FAILING_TYPES and not any(p.search(message) for p in PLATFORM_NOISE):
            where = f" ({context.file}:{context.line})" if context and context.file else ""
            problems.append(f"{mode.name}: {message}{where}")

    previous = qInstallMessageHandler(handler)
    try:
        yield problems
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    finally:
        qInstallMessageHandler(previous)
    if problems:
        pytest.fail("Qt printed warnings:\n" + "\n".join(problems), pytrace=False)


def type_chinese(widget, text: str) -> None:
    """Type Chinese the way users do: committed by the input method.

    (``qtbot.keyClicks`` can only synthesise ASCII keys.)
    """
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def empty_db(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'empty.sqlite3'}", device_name="测试机")
    yield db
    db.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory):
    """One generated demo village (40 households, seed 3), copied per test."""
    path = tmp_path_factory.mktemp("demo") / "template.sqlite3"
    db = Database.open(f"sqlite:///{path}", device_name="测试机")
    demo.generate(db, households=40, seed=3)
    db.close()
    return path


@pytest.fixture
def demo_db(_demo_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    path.write_bytes(_demo_template.read_bytes())
    db = Database.open(f"sqlite:///{path}")
    yield db
    db.close()


@pytest.fixture
def ctx(demo_db, settings):
    """The application context on the demo village."""
    from village_desk.ui.context import AppContext

    context = AppContext(demo_db, settings)
    yield context
    context.close()


@pytest.fixture
def window(ctx, qtbot):
    """The main window on the demo village, households fetched 10 at a time."""
    from village_desk.ui.main_window import MainWindow

    win = MainWindow(ctx, page_size=10)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def wait_ops(qtbot, ctx, timeout: int = 10000) -> None:
    """Wait until every queued write and background task has finished and its
    result reached the GUI thread (ops run on the writer thread)."""
    qtbot.waitUntil(lambda: ctx.executor.pending == 0, timeout=timeout)


def settle(qtbot, ctx, timeout: int = 10000) -> None:
    """Wait for queued writes, then let their change reports reach the pages."""
    wait_ops(qtbot, ctx, timeout)
    QCoreApplication.processEvents()


def on_modal(qtbot, fn, problems: list):
    """Run ``fn(dialog)`` on the next modal dialog; a failure closes it (no hang)."""

    def run():
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, run)
            return
        try:
            fn(widget)
        except BaseException as err:  # reported by the test after exec() returns
            problems.append(err)
            widget.done(0)  # not reject(): that may ask about unsaved changes

    QTimer.singleShot(0, run)


def raise_problems(problems: list) -> None:
    if problems:
        raise problems[0]


def activate(window, qtbot):
    """Keyboard shortcuts go to the active window (offscreen does not
    re-activate it after a dialog closes, a desktop does)."""
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
