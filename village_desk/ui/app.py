"""GUI start-up: application, translation, database, first run, main window.

Start-up stays lean: nothing here imports openpyxl, reportlab, alembic or
pypinyin (``Database.open`` imports Alembic only when a migration is due).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from village_desk.core import queries
from village_desk.core.resources import resource_path
from village_desk.ui.i18n import DEFAULT_LANGUAGE, install_translators
from village_desk.ui.prefs import (
    ENV_LANGUAGE,
    LANGUAGE_KEY,
    LARGE_FONT_KEY,
    apply_font_size,
    is_true,
)
from village_desk.ui.widgets.modal import run_modal

log = logging.getLogger(__name__)

APP_NAME = "village-desk"
ORGANIZATION = "village-desk"
EXIT_DB_ERROR = 1
_translators: list = []  # installed translators, kept alive for the process


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names set (QSettings depend on them) and translations."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    prefs = QSettings()
    language = os.environ.get(ENV_LANGUAGE) or str(prefs.value(LANGUAGE_KEY) or DEFAULT_LANGUAGE)
    _translators[:] = install_translators(app, language)
    apply_font_size(app, is_true(prefs.value(LARGE_FONT_KEY, False)))
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Village Desk"))
    app.setWindowIcon(QIcon(str(resource_path("icons", "village-desk.png"))))
    return app


def open_database(url: str):
    """Open (and migrate) the database; on failure explain it and return None.

    The explanation names the cause — locked, disk full, read-only, damaged
    (with the newest whole backup), a newer program's database — so that
    nobody restores an old backup over good data because of a locked file."""
    from village_desk.core.storage.db import Database, sqlite_file
    from village_desk.core.storage.failures import explain
    from village_desk.ui.errors import describe, technical_detail

    try:
        return Database.open(url)
    except Exception as err:  # shown to the user below; kept in the log with its traceback
        log.warning("cannot open database %s", url, exc_info=True)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("App", "Cannot open the data"),
            explain(err, sqlite_file(url)) or describe(err),
            QMessageBox.StandardButton.Ok,
        )
        box.setInformativeText(
            QCoreApplication.translate("App", "Data location: {url}").format(url=url)
        )
        box.setDetailedText(technical_detail(err))
        run_modal(box)
        return None


def run_gui(args) -> int:
    """The ``village-desk`` command without a subcommand; returns the exit code.

    Logging starts first: a file in the user's log folder, Qt's messages and
    uncaught exceptions routed into it (and exceptions into the error
    dialog); a crash the last run left behind is shown once."""
    from village_desk.core import logs
    from village_desk.ui import errors

    crash = logs.previous_crash()
    setup = logs.setup()
    app = create_application()
    restore = errors.install()
    log.info("log file: %s", setup.file)
    if crash:
        show_previous_crash(crash, setup)
    try:
        return _run(app, args)
    except Exception:
        log.exception("the GUI stopped on an error")
        raise
    finally:
        restore()


def show_previous_crash(text: str, setup) -> None:
    """The last run ended in a crash: say so, with what it left behind."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("App", "Village Desk closed unexpectedly last time"),
        QCoreApplication.translate(
            "App",
            "The last session ended with a crash. Data saved before it is safe. "
            "If it happens again, send the details to whoever supports your village.",
        ),
        QMessageBox.StandardButton.Ok,
    )
    if setup.folder is not None:
        box.setInformativeText(
            QCoreApplication.translate("App", "Log folder: {path}").format(path=setup.folder)
        )
    box.setDetailedText(text)
    run_modal(box)


ENV_START_PAGE = "VILLAGE_DESK_START_PAGE"  # hidden: open a page at start (screenshots)
# hidden: at the first event-loop turn with the main window shown, write the
# time (time.time()) to this file and quit (packaging/measure-startup)
ENV_STARTUP_PROBE = "VILLAGE_DESK_STARTUP_PROBE"


def _startup_reached(path: str, app: QApplication) -> None:
    Path(path).write_text(repr(time.time()), encoding="utf-8")
    app.quit()


def choose_operator(db):
    """The start-up choice of the current cadre: their id, None (no cadres yet),
    or False when the user cancelled."""
    from village_desk.ui.operator import OperatorDialog, remembered_operator

    settings = QSettings()

    cadres = db.read(queries.reference.cadres)
    if not cadres:
        return None
    if os.environ.get(ENV_START_PAGE):
        return remembered_operator(db, settings) or cadres[0].id
    dialog = OperatorDialog(db, settings)
    if run_modal(dialog) != QDialog.DialogCode.Accepted:
        return False
    return dialog.selected()


def unlock(db) -> str | None:
    """The start-up lock (设置 → 安全), before any personal data is shown:
    the role the password opens (the cadre's, or the read-only
    inspector's), the cadre's when none is set, None when the user quit."""
    from village_desk.ui.lock import unlock_at_start

    profile = db.read(queries.reference.profile)
    return unlock_at_start(db, profile.village if profile else "")


DAILY_BACKUP_DELAY_MS = 3000  # after the first screen is up
# Then every half hour: a window left open for days (a laptop put to sleep,
# not shut down) backs up each day, and a failed backup is tried again.
DAILY_BACKUP_CHECK_MS = 30 * 60 * 1000


def daily_backup(ctx, window):
    """The first start of a day backs the database up (on a reader thread;
    a failure is logged and shown in the status bar, never in the way).
    Asked again later (:func:`schedule_daily_backups`), it backs up when the
    day has no backup yet — a new day, or the earlier try failed — and none
    is being made."""
    from village_desk.core.storage import backup

    path = ctx.db.sqlite_path
    if path is None:
        return None
    running = getattr(window, "daily_backup_task", None)
    if running is not None and not running.finished:
        return None
    folder = backup.folder_for(path)
    if backup.made_today(folder):
        return None

    def work(_job):
        return backup.backup_now(path, "daily", folder)

    def failed(err: BaseException) -> None:
        log.warning("daily backup failed", exc_info=err)
        window.statusBar().showMessage(
            QCoreApplication.translate("App", "The daily backup failed: {reason}").format(
                reason=str(err)
            ),
            15000,
        )

    task = (
        ctx.task(window, work)
        .success(
            lambda made: window.statusBar().showMessage(
                QCoreApplication.translate("App", "Backed up: {path}").format(path=made), 8000
            )
        )
        .failure(failed)
    )
    window.daily_backup_task = task
    return task.run()


def schedule_daily_backups(ctx, window) -> QTimer:
    """The day's backup shortly after the first screen is up, then a look
    every :data:`DAILY_BACKUP_CHECK_MS` (the window owns the timers: a window
    closed before then — a restore — backs up nothing)."""
    QTimer.singleShot(DAILY_BACKUP_DELAY_MS, window, lambda: daily_backup(ctx, window))
    timer = QTimer(window)
    timer.setInterval(DAILY_BACKUP_CHECK_MS)
    timer.timeout.connect(lambda: daily_backup(ctx, window))
    timer.start()
    return timer


EXIT_ALREADY_RUNNING = 3  # another start holds the data folder and did not answer


def claim_data_folder(url: str):
    """This start's hold on the data folder (:mod:`village_desk.ui.instance`)
    and 0; or, when another running start has it, None and the exit code:
    that one is asked to bring its window forward, and the user is told
    which process it is (in a message box too when it did not answer)."""
    from village_desk.ui.instance import SingleInstance, running_message

    guard = SingleInstance.for_url(url)
    if guard.claim():
        return guard, 0
    holder = guard.holder()
    raised = guard.ask_holder_to_raise()
    message = running_message(holder, guard.lock.path.parent, raised)
    log.info("data folder held by process %s (answered: %s)", holder, raised)
    print(message, file=sys.stderr)
    if raised:
        return None, 0
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("App", "Village Desk"),
        message,
        QMessageBox.StandardButton.Ok,
    )
    run_modal(box)
    return None, EXIT_ALREADY_RUNNING


def restore_now(url: str, backup_file: Path) -> str:
    """Restore ``backup_file`` over the (closed) database of ``url``; the
    sentence to show afterwards. A failure is explained and changes nothing."""
    from village_desk.core.domain.errors import ServiceError
    from village_desk.core.storage import backup
    from village_desk.core.storage.db import sqlite_file

    database = sqlite_file(url)
    try:
        safety = backup.restore(database, backup_file, backup.folder_for(database))
    except ServiceError as err:
        log.warning("restore of %s failed: %s", backup_file, err)
        return QCoreApplication.translate("App", "The backup was not restored: {reason}").format(
            reason=str(err)
        )
    log.info("restored %s (the data before it: %s)", backup_file, safety)
    return QCoreApplication.translate(
        "App",
        "Restored from {name}. The data as it was before is kept in {safety}. "
        "This computer goes on as a new device, so no number given out before is used again.",
    ).format(name=backup_file.name, safety=safety or "-")


def _run(app: QApplication, args) -> int:
    from village_desk.core.storage.files import private_temp
    from village_desk.core.storage.paths import database_url
    from village_desk.ui import restart

    url = database_url(args.data_dir, args.db_url)
    guard, code = claim_data_folder(url)
    if guard is None:
        return code
    with contextlib.ExitStack() as holding:
        holding.callback(guard.release)
        # Temporary files (print previews, export sheets) stay in the data folder.
        holding.enter_context(private_temp(guard.lock.path.parent))
        while True:
            with contextlib.ExitStack() as stack:
                code = _run_holding(app, guard, url, stack)
            if code != restart.EXIT_REOPEN:
                return code
            restore = restart.pending.pop("restore", None)
            if restore is not None:
                box = QMessageBox(
                    QMessageBox.Icon.Information,
                    QCoreApplication.translate("App", "Restore a backup"),
                    restore_now(url, restore),
                    QMessageBox.StandardButton.Ok,
                )
                run_modal(box)
            QApplication.setQuitOnLastWindowClosed(restart.pending.pop("quit_on_close", True))


def _run_holding(app: QApplication, guard, url: str, stack: contextlib.ExitStack) -> int:
    """The start, with the data folder held: whatever is opened is closed
    (in reverse order) by ``stack``."""
    from village_desk.core.storage import roles
    from village_desk.ui.context import AppContext
    from village_desk.ui.errors import describe
    from village_desk.ui.instance import bring_forward
    from village_desk.ui.lock import LockController
    from village_desk.ui.main_window import MainWindow

    shown: list = []  # the main window, once there is one

    def come_forward() -> None:
        _came_forward(bring_forward(app, shown[0] if shown else None))

    guard.raise_requested.connect(come_forward)
    stack.callback(guard.raise_requested.disconnect, come_forward)
    db = open_database(url)
    if db is None:
        return EXIT_DB_ERROR
    stack.callback(db.close)
    try:
        initialized = db.read(queries.reference.is_initialized)
    except Exception as err:  # a damaged or foreign file: tell the user, log it
        log.warning("cannot read database %s", db.url, exc_info=True)
        QMessageBox.critical(
            None, QCoreApplication.translate("App", "Cannot open the data"), describe(err)
        )
        return EXIT_DB_ERROR
    role = unlock(db) if initialized else roles.FULL
    if role is None:
        return 0  # quit at the lock screen
    db.role = role
    ctx = AppContext(db)
    stack.callback(ctx.close)
    if not initialized:
        from village_desk.ui.first_run import FirstRunDialog

        dialog = FirstRunDialog(ctx)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return 0  # the user chose not to set up now
    # (an inspector is nobody's operator: what they may write is their own)
    operator = choose_operator(db) if role == roles.FULL else None
    if operator is False:
        return 0
    ctx.set_operator(operator)
    window = MainWindow(ctx)
    shown.append(window)
    stack.callback(_close_window, window)
    window.lock_controller = LockController(window, village=window.village)
    ctx.lock_changed.connect(window.lock_controller.settings_changed)
    start_page = os.environ.get(ENV_START_PAGE)
    if start_page:
        window.open_start_page(start_page)
    if window.first_start:
        window.showMaximized()  # no remembered geometry: use the whole screen
    else:
        window.show()
    window.raise_()
    window.activateWindow()
    probe = os.environ.get(ENV_STARTUP_PROBE)
    if probe:
        QTimer.singleShot(0, window, lambda: _startup_reached(probe, app))
    schedule_daily_backups(ctx, window)
    return app.exec()


def _close_window(window) -> None:
    """(Before the data closes: a restore opens a new window on it.)"""
    window.close()
    window.deleteLater()


def _came_forward(widget) -> None:
    """Tell the user, in the window that came forward, why it did."""
    bar = getattr(widget, "statusBar", None)
    if callable(bar):
        bar().showMessage(
            QCoreApplication.translate(
                "App", "Village Desk is already open here: no second window was started."
            ),
            10000,
        )
