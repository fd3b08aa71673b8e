"""Closing the data and opening it again, asked for by a page (a restore
from 设置 → 数据与备份) and carried out by the start-up code
(:mod:`village_desk.ui.app`) once the window and the database are closed.
A module of its own so that pages need not import the start-up code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

EXIT_REOPEN = 0x5EED  # app.exit code: close the data, do what is pending, open it again
pending: dict = {}  # what to do between closing the data and opening it again


def request_restore(backup: Path) -> None:
    """Put ``backup`` in place of the data (after the user confirmed): the
    window and the database are closed, the current state is backed up and
    the backup restored, then the data is opened again."""
    pending["restore"] = Path(backup)
    # Closing the window must not end the program: the data opens again.
    pending["quit_on_close"] = QApplication.quitOnLastWindowClosed()
    QApplication.setQuitOnLastWindowClosed(False)
    QCoreApplication.exit(EXIT_REOPEN)
