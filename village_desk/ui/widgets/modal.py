"""Modal dialogs that are deleted when they close."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """Show ``dialog`` modally and return its result (``exec()``); afterwards
    the dialog is deleted on the next event-loop turn, so the caller can still
    read its fields.

    PySide hands a dialog over to Python when ``exec()`` returns. One caught
    in a reference cycle (a lambda connected to its own signals) was then
    deleted whenever the garbage collector happened to run — on the writer
    thread too, which crashed the program. Deleting it here, on the GUI
    thread, leaves nothing to chance (and no closed dialogs pile up under
    their parent)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
