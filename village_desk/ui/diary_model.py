"""The diary list: a lazy table model over diary entries.

The core has no paged diary query yet, so the read query lives here (reads
only, through the ORM); it belongs in ``core.queries`` as ``diary_page``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy import and_, func, select

from village_desk.core import setup
from village_desk.core.db import Database
from village_desk.core.models import Cadre, DiaryEntry, DiaryHousehold, DiaryItem, Household, Person

_Index = QModelIndex | QPersistentModelIndex
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 20


@dataclass
class DiaryFilter:
    author_id: uuid.UUID | None = None
    mode: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    household_id: uuid.UUID | None = None


@dataclass
class DiaryRow:
    id: uuid.UUID
    date: dt.date
    author: str
    mode: str
    place: str
    summary: str
    households: list[str] = field(default_factory=list)
    solved: int = 0
    matters: int = 0


def _where(flt: DiaryFilter):
    conds = [DiaryEntry.deleted.is_(False)]
    if flt.author_id:
        conds.append(DiaryEntry.author_id == flt.author_id)
    if flt.mode:
        conds.append(DiaryEntry.mode == flt.mode)
    if flt.since:
        conds.append(DiaryEntry.date >= flt.since)
    if flt.until:
        conds.append(DiaryEntry.date <= flt.until)
    if flt.household_id:
        conds.append(
            select(DiaryHousehold.id)
            .where(
                DiaryHousehold.entry_id == DiaryEntry.id,
                DiaryHousehold.household_id == flt.household_id,
                DiaryHousehold.deleted.is_(False),
            )
            .exists()
        )
    return and_(*conds)


def diary_count(s, flt: DiaryFilter) -> int:
    return s.scalar(select(func.count()).select_from(DiaryEntry).where(_where(flt)))


def diary_page(s, flt: DiaryFilter, offset: int, limit: int) -> list[DiaryRow]:
    stmt = (
        select(DiaryEntry, Cadre.name)
        .join(Cadre, Cadre.id == DiaryEntry.author_id)
        .where(_where(flt))
        .order_by(DiaryEntry.date.desc(), DiaryEntry.hlc.desc())
        .offset(offset)
        .limit(limit)
    )
    rows = [
        DiaryRow(
            e.id,
            e.date,
            author,
            e.mode,
            e.place,
            (e.narrative or e.q_basic or e.q_hardship or e.help_given)[:60],
        )
        for e, author in s.execute(stmt)
    ]
    by_id = {r.id: r for r in rows}
    if not by_id:
        return rows
    links = s.execute(
        select(DiaryHousehold.entry_id, Household.number, Person.name)
        .join(Household, Household.id == DiaryHousehold.household_id)
        .outerjoin(
            Person,
            and_(
                Person.household_id == Household.id,
                Person.relation == "head",
                Person.deleted.is_(False),
            ),
        )
        .where(DiaryHousehold.entry_id.in_(by_id), DiaryHousehold.deleted.is_(False))
    )
    for entry_id, number, head in links:
        by_id[entry_id].households.append(f"{head or ''}（{number}）")
    items = s.execute(
        select(DiaryItem.entry_id, DiaryItem.outcome, func.count())
        .where(DiaryItem.entry_id.in_(by_id), DiaryItem.deleted.is_(False))
        .group_by(DiaryItem.entry_id, DiaryItem.outcome)
    )
    for entry_id, outcome, n in items:
        if outcome == "matter":
            by_id[entry_id].matters = n
        else:
            by_id[entry_id].solved = n
    return rows


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
