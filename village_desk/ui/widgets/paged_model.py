"""A table model that loads its rows lazily, a page at a time, from a core query.

Subclasses give the headers and three reads: :meth:`load_context` (labels and
settings the cells need), :meth:`count` and :meth:`page`. The view asks for
more rows as it scrolls (``canFetchMore``/``fetchMore``), so tens of thousands
of rows open instantly; filtering is done in SQL by replacing ``filter``.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy.orm import Session

from village_desk.core.storage.db import Database

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    def __init__(self, db: Database, flt, headers: list[str], page_size: int = 200, parent=None):
        super().__init__(parent)
        self.db = db
        self.page_size = page_size
        self.filter = flt
        self._headers = headers
        self._rows: list = []
        self._total = 0
        self.refresh()

    # ------------------------------------------------------------ to override

    def load_context(self, s: Session) -> None:
        """Read what the cells need besides the rows (labels, settings)."""

    def count(self, s: Session) -> int:
        raise NotImplementedError

    def page(self, s: Session, offset: int, limit: int) -> list:
        raise NotImplementedError

    # ------------------------------------------------------------ loading

    @property
    def total(self) -> int:
        """Rows matching the filter (loaded or not)."""
        return self._total

    def set_filter(self, flt) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self) -> None:
        def load(s: Session) -> tuple[int, list]:
            self.load_context(s)
            return self.count(s), self.page(s, 0, self.page_size)

        self.beginResetModel()
        self._total, self._rows = self.db.read(load)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self.db.read(self.page, len(self._rows), self.page_size)
        if not page:
            self._total = len(self._rows)  # rows vanished meanwhile: stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def row_of(self, record_id) -> int:
        """The row showing this record, fetching pages as needed; -1 if absent."""
        start = 0
        while True:
            for i in range(start, len(self._rows)):
                if self._rows[i].id == record_id:
                    return i
            start = len(self._rows)
            if not self.canFetchMore():
                return -1
            self.fetchMore()
            if len(self._rows) == start:
                return -1

    def row_item(self, row: int):
        return self._rows[row]

    # ------------------------------------------------------------ model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
