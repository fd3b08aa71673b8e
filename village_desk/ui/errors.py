"""Mistakes and bugs, told apart (qutebrowser's ``misc/sql.py`` and crash dialog).

* A **user's mistake** or refusal — a ``ServiceError`` (validation included),
  a database written by a newer version, a file that cannot be read or
  written — gets a plain message (:func:`describe`) where the user acts.
* A **bug** — any other exception — is logged with its traceback and opens
  the error dialog (:func:`show_bug`): what happened, where the log is, and
  复制详情 to send it to whoever supports the village.

:func:`install` routes uncaught exceptions (including those raised in Qt
slots) and Qt's own warnings into the log.
"""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from village_desk.ui.widgets.modal import run_modal

log = logging.getLogger(__name__)
qt_log = logging.getLogger("village_desk.qt")


def is_user_error(err: BaseException) -> bool:
    """A refusal or a problem with the user's files or data, not a bug."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    from village_desk.core.domain.errors import ServiceError
    from village_desk.core.storage.migrate import NewerSchemaError

    return isinstance(err, ServiceError | NewerSchemaError | OSError | OperationalError) or (
        isinstance(err, DatabaseError) and "malformed" in str(err)
    )


def describe(err: BaseException) -> str:
    """A user-facing sentence for ``err``.

    Core errors (``ServiceError``, ``NewerSchemaError``) already carry Chinese
    messages meant for people; database driver errors get a generic hint.
    """
    from sqlalchemy.exc import DatabaseError, OperationalError

    from village_desk.core.domain.errors import ServiceError
    from village_desk.core.storage.migrate import NewerSchemaError

    if isinstance(err, ServiceError | NewerSchemaError):
        return str(err)
    if isinstance(err, OperationalError | DatabaseError | OSError):
        # told by its cause (locked, disk full, read-only, damaged…): only a
        # damaged file gets the advice to restore a backup
        from village_desk.core.storage.failures import explain

        told = explain(err)
        if told:
            return told
    if isinstance(err, OperationalError | DatabaseError):
        return QCoreApplication.translate(
            "Errors",
            "The database could not be opened or read. The file may be damaged: "
            "run “village-desk check” or restore a backup.",
        )
    if isinstance(err, OSError):
        return QCoreApplication.translate(
            "Errors", "The data folder could not be used: {reason}"
        ).format(reason=err.strerror or str(err))
    return QCoreApplication.translate("Errors", "An unexpected error occurred: {reason}").format(
        reason=str(err) or type(err).__name__
    )


def technical_detail(err: BaseException) -> str:
    """The driver's own one-line message, for the “Show details” part."""
    orig = getattr(err, "orig", None)
    return str(orig if orig is not None else err)


def show_error(parent: QWidget | None, title: str, err: BaseException) -> QMessageBox:
    """A user's problem, explained (no traceback)."""
    box = QMessageBox(
        QMessageBox.Icon.Critical, title, describe(err), QMessageBox.StandardButton.Ok, parent
    )
    detail = technical_detail(err)
    if detail and detail != box.text():
        box.setDetailedText(detail)
    run_modal(box)
    return box


def bug_report(err: BaseException) -> str:
    """Traceback, versions and the recent log, as the error dialog copies them."""
    from village_desk import __version__
    from village_desk.core import logs

    parts = [
        f"Village Desk {__version__}, Python {sys.version.split()[0]}, {sys.platform}",
        "".join(traceback.format_exception(type(err), err, err.__traceback__)).rstrip(),
    ]
    setup = logs.current()
    if setup is not None and setup.ring.lines:
        parts.append("--- recent log ---\n" + setup.ring.text())
    return "\n\n".join(parts)


class ErrorDialog(QDialog):
    """The error dialog for a bug: what happened, where the log is, the
    details (traceback and recent log) and 复制详情."""

    def __init__(self, parent: QWidget | None, err: BaseException):
        from village_desk.core import logs

        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(QCoreApplication.translate("Errors", "Program error"))
        self.resize(620, 420)
        setup = logs.current()
        self.log_path = str(setup.file) if setup is not None and setup.file else ""
        text = QLabel(
            QCoreApplication.translate(
                "Errors",
                "Village Desk hit an error it did not expect. What you saved before is safe; "
                "the last action may not have been completed.",
            )
        )
        text.setWordWrap(True)
        info = QCoreApplication.translate("Errors", "Error: {reason}").format(
            reason=str(err) or type(err).__name__
        )
        if self.log_path:
            info += "\n" + QCoreApplication.translate("Errors", "Log file: {path}").format(
                path=self.log_path
            )
        self.info = QLabel(info)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(bug_report(err))
        self.details.setReadOnly(True)
        self.copy_button = QPushButton(QCoreApplication.translate("Errors", "Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        close = QPushButton(QCoreApplication.translate("Errors", "Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.info)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(QCoreApplication.translate("Errors", "Copied"))


_open_dialogs: set[ErrorDialog] = set()  # alive while shown (no parent may own them)


def show_bug(parent: QWidget | None, err: BaseException) -> ErrorDialog | None:
    """Open the error dialog (application-modal, not blocking: it may open
    from inside a slot); returns it."""
    if QApplication.instance() is None:
        return None
    dialog = ErrorDialog(parent, err)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    _open_dialogs.add(dialog)
    dialog.finished.connect(lambda _result: _open_dialogs.discard(dialog))
    dialog.show()
    return dialog


def _excepthook(kind, value, tb) -> None:
    if not issubclass(kind, Exception):
        sys.__excepthook__(kind, value, tb)
        return
    log.error("uncaught exception", exc_info=(kind, value, tb))
    if value.__traceback__ is None:
        value = value.with_traceback(tb)
    show_bug(QApplication.activeWindow(), value)


def _qt_message(mode, context, message) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }.get(mode, logging.WARNING)
    where = f" ({context.file}:{context.line})" if context is not None and context.file else ""
    qt_log.log(level, "%s%s", message, where)


def install():
    """Route uncaught exceptions and Qt messages into the log (and the error
    dialog); returns a function that puts the previous hooks back."""
    previous_hook = sys.excepthook
    sys.excepthook = _excepthook
    previous_handler = qInstallMessageHandler(_qt_message)

    def restore() -> None:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)

    return restore
