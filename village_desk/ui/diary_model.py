"""The diary list: a lazy table model over ``core.diary_queries.diary_page``."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from village_desk.core import setup
from village_desk.core.db import Database
from village_desk.core.diary_queries import DiaryFilter, DiaryRow, diary_count, diary_page

_Index = QModelIndex | QPersistentModelIndex
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 20


class DiaryTableModel(QAbstractTableModel):
    def __init__(self, db: Database, page_size: int = 200, parent=None):
        super().__init__(parent)
        self.db = db
        self.page_size = page_size
        self.filter = DiaryFilter()
        self._rows: list[DiaryRow] = []
        self._total = 0
        self._modes: dict[str, str] = {}
        self._headers = [
            self.tr("Date"),
            self.tr("Cadre"),
            self.tr("Mode"),
            self.tr("Households / place"),
            self.tr("Summary"),
            self.tr("Raised"),
        ]
        self.refresh()

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, flt: DiaryFilter) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        with self.db.reading() as s:
            self._modes = setup.labels(s, "visit_mode")
            self._total = diary_count(s, self.filter)
            self._rows = diary_page(s, self.filter, 0, self.page_size)
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        with self.db.reading() as s:
            page = diary_page(s, self.filter, len(self._rows), self.page_size)
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def entry(self, row: int) -> DiaryRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

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
        return None
