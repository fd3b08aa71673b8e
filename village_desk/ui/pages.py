"""The work-bench (dashboard) page and placeholders for pages still to come."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from village_desk.core import queries
from village_desk.core.db import Database


class PlaceholderPage(QWidget):
    """A page whose feature is not built yet: says so, shows no invented data."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        note = QLabel(self.tr("This part of Village Desk is coming in a later version."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addStretch(1)


class _Tile(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, value: int, alert: bool = False) -> None:
        self.value.setText(str(value))
        self.value.setStyleSheet("color: #b00020;" if alert and value else "")


class DashboardPage(QWidget):
    """Real counts from ``queries.dashboard``: what needs attention today."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        heading = QLabel(self.tr("Needs attention"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        self.overdue = _Tile(self.tr("Overdue matters"))
        self.due_soon = _Tile(self.tr("Matters due soon"))
        self.awaiting = _Tile(self.tr("Done, awaiting return visit"))
        self.open = _Tile(self.tr("Open matters"))
        self.never = _Tile(self.tr("Households never visited"))
        self.long_unvisited = _Tile("")
        self.households = _Tile(self.tr("Households"))
        grid = QGridLayout()
        grid.setSpacing(12)
        tiles = [
            self.overdue,
            self.due_soon,
            self.awaiting,
            self.open,
            self.never,
            self.long_unvisited,
            self.households,
        ]
        for i, tile in enumerate(tiles):
            grid.addWidget(tile, i // 4, i % 4)
        for c in range(4):
            grid.setColumnStretch(c, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def refresh(self) -> None:
        """Re-count (called whenever the page is shown)."""
        with self.db.reading() as s:
            d = queries.dashboard(s)
        self.overdue.set_value(d.overdue, alert=True)
        self.due_soon.set_value(d.due_soon, alert=True)
        self.awaiting.set_value(d.awaiting_return_visit)
        self.open.set_value(d.open_matters)
        self.never.set_value(d.never_visited, alert=True)
        self.long_unvisited.caption.setText(
            self.tr("Households not visited for {days} days").format(days=d.long_unvisited_days)
        )
        self.long_unvisited.set_value(d.long_unvisited)
        self.households.set_value(d.households)
