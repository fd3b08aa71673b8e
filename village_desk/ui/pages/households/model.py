"""The household list's table model.

:class:`HouseholdTableModel` pages through ``queries.households.household_page`` lazily
(see :class:`~.paged_model.PagedTableModel`); filtering is done in SQL by
replacing the :class:`~village_desk.core.queries.HouseholdFilter`.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from village_desk.core import queries
from village_desk.core.domain.validation import mask_phone
from village_desk.core.queries.households import HouseholdFilter, HouseholdRow
from village_desk.core.storage.db import Database
from village_desk.ui.widgets.paged_model import PagedTableModel

HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOR = QColor("#b00020")

_Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    NUMBER = 0
    HEAD = 1
    GROUP = 2
    PHONE = 3
    CATEGORIES = 4
    CADRES = 5
    LAST_VISIT = 6
    OPEN_MATTERS = 7
    VILLAGE = 8  # a township office's; hidden on a village laptop


class HouseholdTableModel(PagedTableModel):
    def __init__(self, db: Database, page_size: int = 200, parent=None):
        self._category_labels: dict[str, str] = {}
        headers = [
            self.tr("Household no."),
            self.tr("Head"),
            self.tr("Group"),
            self.tr("Phone"),
            self.tr("Categories"),
            self.tr("Paired cadres"),
            self.tr("Last visit"),
            self.tr("Open matters"),
            self.tr("Village"),
        ]
        self.village_names: dict = {}  # village id → name (a township office's)
        super().__init__(db, HouseholdFilter(), headers, page_size, parent)

    def load_context(self, s) -> None:
        self._category_labels = queries.reference.labels(s, "household_category")

    def count(self, s) -> int:
        return queries.households.household_count(s, self.filter)

    def page(self, s, offset: int, limit: int) -> list[HouseholdRow]:
        return queries.households.household_page(s, self.filter, offset, limit)

    def next_page(self):
        """From the last row listed (户号, id), not by counting rows from the top."""
        if not self._rows:
            return super().next_page()
        flt, limit, last = self.filter, self.page_size, self._rows[-1]
        after = (last.number, last.id)
        return lambda s: queries.households.household_page(s, flt, limit=limit, after=after)

    def household(self, row: int) -> HouseholdRow:
        return self._rows[row]

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Col.OPEN_MATTERS and row.overdue_matters:
                return self.tr("{n} overdue").format(n=row.overdue_matters)
            if col in (Col.CATEGORIES, Col.CADRES):
                return self._display(row, col) or None
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Col.OPEN_MATTERS and row.overdue_matters:
                return QBrush(OVERDUE_COLOR)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.OPEN_MATTERS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == HOUSEHOLD_ID_ROLE:
            return row.id
        return None

    def _display(self, row: HouseholdRow, col: int) -> str:
        if col == Col.NUMBER:
            return row.number
        if col == Col.HEAD:
            return row.head_name
        if col == Col.GROUP:
            return row.group_name
        if col == Col.PHONE:
            return mask_phone(row.phone)
        if col == Col.CATEGORIES:
            return "、".join(self._category_labels.get(c, c) for c in row.categories)
        if col == Col.CADRES:
            return "、".join(row.cadres)
        if col == Col.LAST_VISIT:
            return row.last_visit.isoformat() if row.last_visit else self.tr("never")
        if col == Col.VILLAGE:
            return self.village_names.get(row.village_id, "")
        if col == Col.OPEN_MATTERS:
            if not row.open_matters:
                return ""
            if row.overdue_matters:
                return self.tr("{n} ({overdue} overdue)").format(
                    n=row.open_matters, overdue=row.overdue_matters
                )
            return str(row.open_matters)
        return ""
