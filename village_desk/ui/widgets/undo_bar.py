"""The bar that offers Undo for a while after a deletion."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QLabel, QWidget


class UndoBar(QFrame):
    """“Deleted: …  [Undo]” for a while after a deletion.

    :meth:`offer` shows it with a description and remembers what to undo;
    :attr:`undo_requested` carries that back when Undo is pressed.
    """

    undo_requested = Signal(object)

    def __init__(self, seconds: int = 30, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QHBoxLayout, QPushButton

        self.setObjectName("undoBar")
        self.setStyleSheet("QFrame#undoBar { background: #fff4ce; border: 1px solid #e0c060; }")
        self.label = QLabel()
        self.button = QPushButton(QCoreApplication.translate("Widgets", "Undo"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.seconds = seconds
        self.subject = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.dismiss)
        self.button.clicked.connect(self._undo)
        self.hide()

    def offer(self, subject, description: str) -> None:
        self.subject = subject
        self.label.setText(
            QCoreApplication.translate("Widgets", "Deleted: {what}").format(what=description)
        )
        self.show()
        self.timer.start(self.seconds * 1000)

    def dismiss(self) -> None:
        self.timer.stop()
        self.subject = None
        self.hide()

    def _undo(self) -> None:
        subject = self.subject
        self.dismiss()
        if subject is not None:
            self.undo_requested.emit(subject)
