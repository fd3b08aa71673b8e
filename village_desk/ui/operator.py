"""Who is entering data: several cadres share one laptop.

At start-up the cadre picks their name (the last choice is remembered and
preselected, so Enter is enough); every write is journaled under them.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.core.storage.db import Database

OPERATOR_KEY = "operator/id"


def remembered_operator(db: Database, settings: QSettings) -> uuid.UUID | None:
    """The remembered cadre if still active, else None."""
    raw = settings.value(OPERATOR_KEY)
    active = {c.id for c in db.read(queries.reference.cadres)}
    try:
        cid = uuid.UUID(str(raw)) if raw else None
    except ValueError:
        cid = None
    return cid if cid in active else None


def remember_operator(settings: QSettings, cadre_id: uuid.UUID | None) -> None:
    settings.setValue(OPERATOR_KEY, str(cadre_id) if cadre_id else "")
    settings.sync()


class OperatorDialog(QDialog):
    def __init__(self, db: Database, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.setWindowTitle(self.tr("Who is working?"))
        self.setMinimumWidth(380)
        intro = QLabel(self.tr("Choose your name. What you enter is recorded under it."))
        intro.setWordWrap(True)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Current operator"))
        roles = db.read(queries.reference.labels, "role")
        for c in db.read(queries.reference.cadres):
            self.combo.addItem(f"{c.name}（{roles.get(c.role, c.role)}）", str(c.id))
        current = remembered_operator(db, settings)
        if current is not None:
            self.combo.setCurrentIndex(self.combo.findData(str(current)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def selected(self) -> uuid.UUID | None:
        data = self.combo.currentData()
        return uuid.UUID(data) if data else None

    def accept(self) -> None:
        remember_operator(self.settings, self.selected())
        super().accept()
