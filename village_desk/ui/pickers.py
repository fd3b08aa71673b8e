"""Pickers: households by name/pinyin/phone (core search), cadres by check box."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from village_desk.core import search, setup
from village_desk.core.db import Database
from village_desk.core.models import Household, Person

ID_ROLE = Qt.ItemDataRole.UserRole + 30


def household_labels(db: Database, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """'户主（户号）' for households (reads only)."""
    if not ids:
        return {}
    with db.reading() as s:
        rows = s.execute(
            select(Household.id, Household.number, Person.name)
            .outerjoin(
                Person,
                (Person.household_id == Household.id)
                & (Person.relation == "head")
                & Person.deleted.is_(False),
            )
            .where(Household.id.in_(ids))
        ).all()
    return {hid: f"{head or ''}（{number}）" for hid, number, head in rows}


class HouseholdPicker(QWidget):
    """Type a name, pinyin initials, phone or 户号; pick one or several households."""

    changed = Signal()

    def __init__(self, db: Database, multiple: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.multiple = multiple
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Name, pinyin initials, phone or household no."))
        self.edit.setAccessibleName(self.tr("Find household"))
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMaximumHeight(120)
        self.results.hide()
        self.chosen = QListWidget()
        self.chosen.setMaximumHeight(70 if multiple else 34)
        self.remove_button = QPushButton(self.tr("Remove"))
        chosen_row = QHBoxLayout()
        chosen_row.setContentsMargins(0, 0, 0, 0)
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.results)
        layout.addLayout(chosen_row)
        self.edit.textEdited.connect(self.run_search)
        self.edit.returnPressed.connect(self._choose_first)
        self.results.itemActivated.connect(self._choose_item)
        self.results.itemClicked.connect(self._choose_item)
        self.remove_button.clicked.connect(self._remove_selected)

    @Slot(str)
    def run_search(self, text: str) -> int:
        self.results.clear()
        if not text.strip():
            self.results.hide()
            return 0
        with self.db.reading() as s:
            hits = search.search(s, text, limit=30)
        seen = set()
        for hit in hits:
            if hit.household_id in seen:
                continue
            seen.add(hit.household_id)
            label = self.tr("{name} · household {number} {group}").format(
                name=hit.name, number=hit.household_number, group=hit.group_name
            )
            item = QListWidgetItem(label.strip())
            item.setData(ID_ROLE, hit.household_id)
            self.results.addItem(item)
        self.results.setVisible(bool(seen))
        if seen:
            self.results.setCurrentRow(0)
        return len(seen)

    @Slot()
    def _choose_first(self) -> None:
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._choose_item(item)

    @Slot(QListWidgetItem)
    def _choose_item(self, item: QListWidgetItem) -> None:
        self.add(item.data(ID_ROLE))
        self.edit.clear()
        self.results.clear()
        self.results.hide()

    def add(self, household_id: uuid.UUID) -> None:
        if household_id in self.household_ids():
            return
        if not self.multiple:
            self.chosen.clear()
        label = household_labels(self.db, [household_id]).get(household_id, str(household_id))
        item = QListWidgetItem(label)
        item.setData(ID_ROLE, household_id)
        self.chosen.addItem(item)
        self.changed.emit()

    def set_households(self, ids: list[uuid.UUID]) -> None:
        self.chosen.clear()
        labels = household_labels(self.db, ids)
        for hid in ids:
            if hid in labels:
                item = QListWidgetItem(labels[hid])
                item.setData(ID_ROLE, hid)
                self.chosen.addItem(item)
        self.changed.emit()

    @Slot()
    def _remove_selected(self) -> None:
        for item in self.chosen.selectedItems() or [self.chosen.currentItem()]:
            if item is not None:
                self.chosen.takeItem(self.chosen.row(item))
        self.changed.emit()

    def household_ids(self) -> list[uuid.UUID]:
        return [self.chosen.item(i).data(ID_ROLE) for i in range(self.chosen.count())]


class CadreChecklist(QToolButton):
    """A button with a menu of check-box cadres (companions, co-handlers)."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.actions_: dict[uuid.UUID, QAction] = {}
        with db.reading() as s:
            for c in setup.cadres(s):
                action = QAction(c.name, self)
                action.setCheckable(True)
                action.toggled.connect(self._update_text)
                self.menu_.addAction(action)
                self.actions_[c.id] = action
        self._update_text()

    def _update_text(self) -> None:
        names = [a.text() for a in self.actions_.values() if a.isChecked()]
        self.setText("、".join(names) if names else self.tr("(none)"))
        self.changed.emit()

    def set_ids(self, ids) -> None:
        wanted = {uuid.UUID(str(i)) for i in ids}
        for cid, action in self.actions_.items():
            action.setChecked(cid in wanted)

    def ids(self) -> list[uuid.UUID]:
        return [cid for cid, a in self.actions_.items() if a.isChecked()]
