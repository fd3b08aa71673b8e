"""Models behind the roster import dialog: what a file holds, and the dry run's rows.

:func:`inspect_roster` (no Qt) reads a file's sheets and the header the core
detects in each, with a sample value per column, for the column-mapping step.
:class:`RosterResultModel` shows a :class:`~village_desk.core.excel.roster_import.ImportPlan`
row by row, colour-coded, with a check box on each row that would be created
or updated, so the user can leave rows out of the import.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from village_desk.core.excel.roster_import import ImportPlan, RowResult, plan_import
from village_desk.core.excel.roster_read import (
    Header,
    find_header,
    header_key,
    learned_mapping,
    read_sheets,
)
from village_desk.core.storage.db import Database

ACTIONS = ("created", "updated", "unchanged", "refused", "skipped")
ACTION_COLORS = {
    "created": "#dff0d8",
    "updated": "#d9e8f6",
    "unchanged": "#f2f2f2",
    "refused": "#f8d7da",
    "skipped": "#fff3cd",
}
SELECTABLE = ("created", "updated")
_Index = QModelIndex | QPersistentModelIndex


# ---------------------------------------------------------------- the file


@dataclass
class SheetPreview:
    name: str
    header: Header | None
    samples: list[str] = field(default_factory=list)  # per column: first value below the header
    data_rows: int = 0


def _sample(value) -> str:
    text = str(value).strip() if value not in (None, "") else ""
    return text if len(text) <= 24 else text[:23] + "…"


def inspect_roster(db: Database, path: str | os.PathLike) -> list[SheetPreview]:
    """Each sheet with the header the importer would use (None if it finds none).

    Raises the core's :class:`ValidationError` for a file that is not a
    spreadsheet, and for one in which no sheet has a roster header.
    """
    learned = db.read(learned_mapping)
    previews = []
    for sheet in read_sheets(path):
        header = find_header(sheet.rows, learned)
        if header is None or "name" not in header.columns:
            previews.append(SheetPreview(sheet.name, None))
            continue
        data = sheet.rows[header.first_data_row :]
        samples = []
        for col in range(len(header.texts)):
            value = next((r[col] for r in data if col < len(r) and r[col] not in (None, "")), "")
            samples.append(_sample(value))
        previews.append(SheetPreview(sheet.name, header, samples, sum(1 for r in data if any(r))))
    if not any(p.header for p in previews):
        # The core's own explanation (it finds no header either).
        plan_import(db, path)
    return previews


@dataclass
class MappingRow:
    """One distinct column header across the chosen sheets."""

    key: str  # header_key(text): what the remembered mapping is keyed by
    text: str
    where: str  # e.g. "一组花名册!B"
    sample: str
    detected: str  # field the importer picked, "" = not imported


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def mapping_rows(previews: list[SheetPreview]) -> list[MappingRow]:
    rows: dict[str, MappingRow] = {}
    for p in previews:
        if p.header is None:
            continue
        by_column = {col: f for f, col in p.header.columns.items()}
        for col, text in enumerate(p.header.texts):
            key = header_key(text)
            if not key or key in rows:
                continue
            sample = p.samples[col] if col < len(p.samples) else ""
            rows[key] = MappingRow(
                key, text, f"{p.name}!{column_letter(col)}", sample, by_column.get(col, "")
            )
    return list(rows.values())


# ---------------------------------------------------------------- the dry run


class RosterResultModel(QAbstractTableModel):
    """The plan's rows; created/updated rows carry a check box (ticked = import)."""

    COL_CHECK, COL_SHEET, COL_ROW, COL_HOUSEHOLD, COL_NAME, COL_ACTION, COL_REASON = range(7)
    selection_changed = Signal()

    def __init__(self, labels: dict[str, str], headers: list[str], parent=None):
        super().__init__(parent)
        self.labels = labels  # action → shown word
        self.headers = headers
        self.plan: ImportPlan | None = None
        self.rows: list[RowResult] = []
        self.excluded: set[int] = set()  # indexes into rows
        self.members: dict[int, list[int]] = {}  # new household head → its new members
        self.head_of: dict[int, int] = {}
        self.editable = True

    def set_plan(self, plan: ImportPlan, editable: bool = True) -> None:
        self.beginResetModel()
        self.plan = plan
        self.rows = list(plan.rows)
        self.excluded = set()
        self.editable = editable
        position = {id(r): i for i, r in enumerate(self.rows)}
        self.members, self.head_of = {}, {}
        heads = {h["id"]: position[id(head)] for h, head in plan.new_households}
        for person, result in plan.new_persons:
            head = heads.get(person["household_id"])
            row = position.get(id(result))
            if head is not None and row is not None and row != head:
                self.members.setdefault(head, []).append(row)
                self.head_of[row] = head
        self.endResetModel()
        self.selection_changed.emit()

    def exclude(self) -> frozenset[tuple[str, int]]:
        return frozenset((self.rows[i].sheet, self.rows[i].row) for i in self.excluded)

    def to_import(self) -> int:
        return sum(
            1 for i, r in enumerate(self.rows) if r.action in SELECTABLE and i not in self.excluded
        )

    def set_included(self, row: int, included: bool) -> None:
        """Tick or untick a row; a new household's head and its members go together."""
        if self.rows[row].action not in SELECTABLE:
            return
        changed = {row}
        if not included:
            changed |= set(self.members.get(row, []))  # no head, no household
            self.excluded |= changed
        else:
            if row in self.head_of:
                changed.add(self.head_of[row])
            self.excluded -= changed
        for r in changed:
            index = self.index(r, self.COL_CHECK)
            self.dataChanged.emit(index, index.siblingAtColumn(self.COL_REASON))
        self.selection_changed.emit()

    def action(self, row: int) -> str:
        return self.rows[row].action

    # -------------------------------------------------------- Qt model API

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index: _Index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        r = self.rows[index.row()]
        if index.column() == self.COL_CHECK and self.editable and r.action in SELECTABLE:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        i, col = index.row(), index.column()
        r = self.rows[i]
        if role == Qt.ItemDataRole.CheckStateRole and col == self.COL_CHECK:
            if r.action not in SELECTABLE or not self.editable:
                return None
            return Qt.CheckState.Unchecked if i in self.excluded else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.COL_SHEET: r.sheet,
                self.COL_ROW: r.row,
                self.COL_HOUSEHOLD: r.household,
                self.COL_NAME: r.name,
                self.COL_ACTION: self.labels.get(r.action, r.action),
                self.COL_REASON: r.reason,
            }.get(col)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_REASON and r.reason:
            return r.reason
        if role == Qt.ItemDataRole.BackgroundRole:
            excluded = i in self.excluded
            return QBrush(QColor("#ffffff" if excluded else ACTION_COLORS.get(r.action, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole and i in self.excluded:
            return QBrush(QColor("#888888"))
        return None

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.COL_CHECK:
            return False
        if not self.editable:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_included(index.row(), checked)
        return True


class ActionFilter(QSortFilterProxyModel):
    """Shows only rows with one result (or all)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.action: str | None = None

    def set_action(self, action: str | None) -> None:
        self.beginFilterChange()
        self.action = action
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self.action is None:
            return True
        return self.sourceModel().action(source_row) == self.action
