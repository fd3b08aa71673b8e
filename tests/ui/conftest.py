"""GUI test fixtures (helpers are in ``helpers.py``): the app (in Chinese, as users get it), temp databases,
and Qt warnings turned into test failures (ENGINEERING.md habit 9)."""

from __future__ import annotations

import contextlib
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QSettings,
    QtMsgType,
    qInstallMessageHandler,
)

from tests.ui.helpers import ARMED, ExpectedModal, exposed
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


class ModalDialogs:
    """The ``modal`` fixture: ``with modal.expect(fn): <what opens it>``.

    ``fn(dialog)`` runs on the first modal dialog opened after the block
    starts. Leaving the block waits (up to ``timeout`` ms) for that dialog,
    then fails the test if it never appeared or if ``fn`` failed; dialogs
    opened after the block are not touched."""

    def __init__(self, qtbot):
        self.qtbot = qtbot

    @contextlib.contextmanager
    def expect(self, fn, kind: type | None = None, timeout: int = 5000):
        expected = ExpectedModal(fn, kind)
        try:
            yield expected
        except BaseException:
            expected.stop()
            raise
        with contextlib.suppress(self.qtbot.TimeoutError):
            self.qtbot.waitUntil(lambda: expected.seen, timeout=timeout)
        expected.check()


@pytest.fixture
def modal(qtbot):
    return ModalDialogs(qtbot)


@pytest.fixture(autouse=True)
def modal_dialogs_checked(app):
    """A dialog expectation the test armed and never checked (``on_modal``
    without ``raise_problems``) fails the test: its assertions may never have
    run."""
    yield
    left, ARMED[:] = list(ARMED), []
    for expected in left:
        expected.stop()
    if left:
        names = ", ".join(e.name for e in left)
        pytest.fail(f"dialog expectations never checked (raise_problems missing?): {names}")


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
    photos = _demo_template.parent / "attachments"  # the demo's photos, as a copied folder has
    if photos.is_dir():
        shutil.copytree(photos, tmp_path / "attachments")
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
    exposed(win)
    return win
