"""The diary list: a lazy table model over ``queries.diary.diary_page``."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from village_desk.core import queries
from village_desk.core.queries.diary import DiaryFilter, DiaryRow, diary_count, diary_page
from village_desk.core.storage.db import Database
from village_desk.ui.widgets.paged_model import PagedTableModel

_Index = QModelIndex | QPersistentModelIndex
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 20


VILLAGE_COLUMN = 6


class DiaryTableModel(PagedTableModel):
    def __init__(self, db: Database, page_size: int = 200, parent=None):
        self._modes: dict[str, str] = {}
        headers = [
            self.tr("Date"),
            self.tr("Cadre"),
            self.tr("Mode"),
            self.tr("Households / place"),
            self.tr("Summary"),
            self.tr("Raised"),
            self.tr("Village"),  # a township office's; hidden on a village laptop
        ]
        self.village_names: dict = {}  # village id → name (a township office's)
        super().__init__(db, DiaryFilter(), headers, page_size, parent)

    def load_context(self, s) -> None:
        self._modes = queries.reference.labels(s, "visit_mode")

    def count(self, s) -> int:
        return diary_count(s, self.filter)

    def page(self, s, offset: int, limit: int) -> list[DiaryRow]:
        return diary_page(s, self.filter, offset, limit)

    def entry(self, row: int) -> DiaryRow:
        return self._rows[row]

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ENTRY_ID_ROLE:
            return row.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        col = index.column()
        if col == 0:
            return row.date.isoformat()
        if col == 1:
            return row.author
        if col == 2:
            return self._modes.get(row.mode, row.mode)
        if col == 3:
            return "、".join(row.households) or row.place
        if col == 4:
            return row.summary
        if col == 5:
            parts = []
            if row.solved:
                parts.append(self.tr("{n} solved").format(n=row.solved))
            if row.matters:
                parts.append(self.tr("{n} to ledger").format(n=row.matters))
            return "，".join(parts)
        if col == VILLAGE_COLUMN:
            return self.village_names.get(row.village_id, "")
        return None
