"""The 修改记录 tab: a record's history from the journal
(:mod:`village_desk.core.queries.history`) — when, who, on which computer,
what was added, changed or deleted, each field from what to what.

It reads only while it is visible: a household or matter page refreshes it
with every change it shows, and a hidden tab only notes that it must read
again when it is next shown.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from village_desk.ui.widgets.forms import HINT_STYLE


class HistoryView(QWidget):
    """``HistoryView(ctx, queries.history.household_history)``; then
    :meth:`show_record` with the record's id."""

    def __init__(self, ctx, query: Callable, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.query = ctx, query
        self.record_id: uuid.UUID | None = None
        self._stale = True
        self.entries: list = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Cadre"),
                self.tr("Computer"),
                self.tr("What"),
                self.tr("Changes"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        hint = QLabel(
            self.tr(
                "Every change, newest first: who made it, on which computer, and each field "
                "from what to what. ID numbers and phones are masked."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)

    def show_record(self, record_id: uuid.UUID | None) -> None:
        """Show ``record_id``'s history (read now if visible, else when shown)."""
        self.record_id = record_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self.entries = [] if self.record_id is None else self.ctx.read(self.query, self.record_id)
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            if e.action == "新增":
                lines = [f"{c.field}：{c.new}" for c in e.changes]
            elif e.action == "删除":
                lines = []
            else:
                lines = [f"{c.field}：{c.old} → {c.new}" for c in e.changes]
            cells = (
                f"{e.when:%Y-%m-%d %H:%M}",
                e.who or self.tr("(no cadre chosen)"),
                e.device,
                f"{e.action} {e.what}",
                "\n".join(lines),
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
