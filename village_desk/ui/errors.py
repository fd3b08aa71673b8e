"""Turning exceptions into messages people can act on (no tracebacks)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def describe(err: BaseException) -> str:
    """A user-facing sentence for ``err``.

    Core errors (``ServiceError``, ``NewerSchemaError``) already carry Chinese
    messages meant for people; database driver errors get a generic hint.
    """
    from sqlalchemy.exc import DatabaseError, OperationalError

    from village_desk.core.errors import ServiceError
    from village_desk.core.migrate import NewerSchemaError

    if isinstance(err, ServiceError | NewerSchemaError):
        return str(err)
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
    box = QMessageBox(
        QMessageBox.Icon.Critical, title, describe(err), QMessageBox.StandardButton.Ok, parent
    )
    detail = technical_detail(err)
    if detail and detail != box.text():
        box.setDetailedText(detail)
    box.exec()
    return box
