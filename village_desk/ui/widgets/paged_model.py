"""A table model that loads its rows lazily, a page at a time, from a core query.

Subclasses give the headers and three reads: :meth:`load_context` (labels and
settings the cells need), :meth:`count` and :meth:`page`. The view asks for
more rows as it scrolls (``canFetchMore``/``fetchMore``), so tens of thousands
of rows open instantly; filtering is done in SQL by replacing ``filter``.

Given an executor (:attr:`PagedTableModel.read_ahead`, the context's), the
model reads the page after the loaded rows on a reader thread while the user
looks at them, so scrolling on finds it ready instead of waiting for the
database; a page read before the rows changed is not used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy.orm import Session

from village_desk.core.storage.db import Database

Index = QModelIndex | QPersistentModelIndex
log = logging.getLogger(__name__)


class PagedTableModel(QAbstractTableModel):
    def __init__(self, db: Database, flt, headers: list[str], page_size: int = 200, parent=None):
        super().__init__(parent)
        self.db = db
        self.page_size = page_size
        self.filter = flt
        self._headers = headers
        self._rows: list = []
        self._total = 0
        self._loads = 0  # counts refreshes: a page read before one is not used after it
        self._ahead: tuple | None = None  # ((loads, rows loaded), page or None while read)
        self.read_ahead = None  # an Executor: the next page is read on its reader threads
        self.refresh()

    # ------------------------------------------------------------ to override

    def load_context(self, s: Session) -> None:
        """Read what the cells need besides the rows (labels, settings)."""

    def count(self, s: Session) -> int:
        raise NotImplementedError

    def page(self, s: Session, offset: int, limit: int) -> list:
        raise NotImplementedError

    def next_page(self) -> Callable[[Session], list]:
        """The read of the page after the rows loaded now, made here (on the GUI
        thread) so that it can run on another."""
        offset, limit = len(self._rows), self.page_size
        return lambda s: self.page(s, offset, limit)

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

        self._loads += 1
        self._ahead = None
        self.beginResetModel()
        self._total, self._rows = self.db.read(load)
        self.endResetModel()
        self._read_ahead()

    def read_ahead_with(self, executor) -> None:
        """Read each next page ahead on ``executor``'s reader threads."""
        self.read_ahead = executor
        self._read_ahead()

    def _read_ahead(self) -> None:
        if self.read_ahead is None or not self.canFetchMore():
            return
        key = (self._loads, len(self._rows))
        self._ahead = (key, None)
        read, db = self.next_page(), self.db

        def done(page: list) -> None:
            if shiboken6.isValid(self) and self._ahead is not None and self._ahead[0] == key:
                self._ahead = (key, page)

        def failed(err: BaseException) -> None:  # fetchMore reads it itself then
            log.warning("reading ahead failed", exc_info=err)

        self.read_ahead.submit(lambda: db.read(read), writes=False, on_done=done, on_failed=failed)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] == (self._loads, len(self._rows)) and ahead[1]:
            page = ahead[1]  # read while the user looked at the rows before
        else:
            page = self.db.read(self.next_page())
        if not page:
            self._total = len(self._rows)  # rows vanished meanwhile: stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()
        self._read_ahead()

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
