"""The ledger table: lazy pages of matters with status colours, overdue in red
and matters due within a few days highlighted. Rows are the immutable rows of
``queries.matters.matter_page``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from sqlalchemy import Row

from village_desk.core import queries
from village_desk.core.domain.lifecycle import OPEN_STATUSES, is_overdue
from village_desk.core.queries.matters import MatterFilter
from village_desk.core.storage.db import Database
from village_desk.ui.labels import status_label
from village_desk.ui.widgets.paged_model import PagedTableModel

_Index = QModelIndex | QPersistentModelIndex
MATTER_ID_ROLE = Qt.ItemDataRole.UserRole + 50
OVERDUE_COLOR = QColor("#b00020")
DUE_SOON_COLOR = QColor("#ffe9a8")
STATUS_COLORS = {
    "registered": "#e3ecfb",
    "in_progress": "#fff4d6",
    "forwarded": "#ece4f7",
    "result_returned": "#dff3f6",
    "done": "#e1f3e5",
    "feedback": "#d3edd9",
    "closed": "#eeeeee",
    "returned": "#f6e3df",
    "unresolvable": "#f8e0e6",
}


class Col:
    NUMBER, RECEIVED, APPLICANT, CONTENT, KIND, RESPONSIBLE, DEADLINE, STATUS = range(8)
    VILLAGE = 8  # a township office's; hidden on a village laptop


class MatterTableModel(PagedTableModel):
    def __init__(self, db: Database, page_size: int = 200, parent=None):
        self._kinds: dict[str, str] = {}
        self._cadres: dict = {}
        self.due_soon_days = 3
        headers = [
            self.tr("No."),
            self.tr("Received"),
            self.tr("Applicant"),
            self.tr("Matter"),
            self.tr("Kind"),
            self.tr("Responsible"),
            self.tr("Deadline"),
            self.tr("Status"),
            self.tr("Village"),
        ]
        self.village_names: dict = {}  # village id → name (a township office's)
        super().__init__(db, MatterFilter(), headers, page_size, parent)

    def refresh(self) -> None:
        self.filter.today = dt.date.today()  # overdue / due soon as of now
        super().refresh()

    def load_context(self, s) -> None:
        self._kinds = queries.reference.labels(s, "matter_kind")
        self._cadres = {c.id: c.name for c in queries.reference.cadres(s, include_inactive=True)}
        self.due_soon_days = int(queries.reference.get_setting(s, "due_soon_days") or 3)

    def count(self, s) -> int:
        return queries.matters.matter_count(s, self.filter)

    def page(self, s, offset: int, limit: int) -> list[Row]:
        return queries.matters.matter_page(s, self.filter, offset, limit)

    def matter(self, row: int) -> Row:
        return self._rows[row]

    def is_due_soon(self, m: Row) -> bool:
        today = dt.date.today()
        return (
            not is_overdue(m, today)
            and m.status in OPEN_STATUSES
            and m.deadline <= today + dt.timedelta(days=self.due_soon_days)
        )

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        m = self._rows[index.row()]
        col = index.column()
        if role == MATTER_ID_ROLE:
            return m.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(m, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Col.CONTENT:
                return m.content
            if col == Col.DEADLINE and is_overdue(m):
                return self.tr("Overdue")
            if col == Col.DEADLINE and self.is_due_soon(m):
                return self.tr("Due within {n} days").format(n=self.due_soon_days)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == Col.DEADLINE and self.is_due_soon(m):
                return QBrush(DUE_SOON_COLOR)
            if col == Col.STATUS:
                return QBrush(QColor(STATUS_COLORS.get(m.status, "#ffffff")))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if is_overdue(m):
                return QBrush(OVERDUE_COLOR)
            if m.status == "closed":
                return QBrush(QColor("#666666"))
            return None
        if role == Qt.ItemDataRole.FontRole and is_overdue(m) and col in (Col.DEADLINE, Col.STATUS):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, m: Row, col: int) -> str:
        if col == Col.NUMBER:
            return m.number
        if col == Col.RECEIVED:
            return m.received_date.isoformat()
        if col == Col.APPLICANT:
            return m.applicant_name
        if col == Col.CONTENT:
            return m.content
        if col == Col.KIND:
            return self._kinds.get(m.kind, m.kind)
        if col == Col.RESPONSIBLE:
            return self._cadres.get(m.responsible_id, "")
        if col == Col.DEADLINE:
            return m.deadline.isoformat()
        if col == Col.VILLAGE:
            return self.village_names.get(m.village_id, "")
        if col == Col.STATUS:
            label = status_label(m.status)
            if is_overdue(m):
                return self.tr("{status} (overdue)").format(status=label)
            return label
        return ""
