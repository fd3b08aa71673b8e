"""Pickers: households by name/pinyin/phone (core search), cadres by check box,
and a one-household filter box for lists."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.core.queries.search import Hit
from village_desk.core.storage.db import Database
from village_desk.ui.widgets.quick_search import QuickSearchEdit
from village_desk.ui.widgets.sizing import fit_lines

ID_ROLE = Qt.ItemDataRole.UserRole + 30


def household_labels(db: Database, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """'户主（户号）' for households (reads only)."""
    return db.read(queries.households.household_labels, ids)


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
        fit_lines(self.results, 5, maximum=True)
        self.results.hide()
        self.results.setProperty("notAnInput", True)  # search hits are not a change
        self.chosen = QListWidget()
        fit_lines(self.chosen, 3 if multiple else 1, maximum=True)
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
        hits = self.db.read(queries.search.search, text, limit=30)
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


class CadreChecklist(QWidget):
    """Several cadres (companions, co-handlers): a field showing the chosen
    names that opens a check-box list of the cadres.

    Retired cadres are listed only when already chosen (an old record keeps
    them); they can be unticked like the others.
    """

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.button = QPushButton()
        self.button.setObjectName("cadreChecklistButton")
        self.button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.button.setStyleSheet("QPushButton { text-align: left; padding: 3px 8px; }")
        self.button.setAccessibleName(self.tr("Choose cadres"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.popup = QFrame(self, Qt.WindowType.Popup)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = QListWidget()
        self.list.setObjectName("cadreChecklist")
        hint = QLabel(self.tr("Tick everyone who took part:"))
        hint.setContentsMargins(4, 2, 4, 0)
        popup_layout = QVBoxLayout(self.popup)
        popup_layout.setContentsMargins(2, 2, 2, 2)
        popup_layout.setSpacing(2)
        popup_layout.addWidget(hint)
        popup_layout.addWidget(self.list)
        self.db = db
        self._active: set[uuid.UUID] = set()
        self.reload()
        self.list.itemChanged.connect(self._update_text)
        self.list.itemActivated.connect(self._toggle)
        self.button.clicked.connect(self.show_popup)
        self._update_text()

    def reload(self) -> None:
        """Re-read the cadres (one was added, renamed or retired); ticks stay."""
        chosen = set(self.ids())
        cadres = self.db.read(queries.reference.cadres, include_inactive=True)
        self.list.blockSignals(True)
        self.list.clear()
        self._active = set()
        for c in cadres:
            item = QListWidgetItem(c.name)
            item.setData(ID_ROLE, c.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            checked = c.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            if c.active:
                self._active.add(c.id)
            else:
                item.setHidden(not checked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._elide()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def names(self) -> list[str]:
        return [i.text() for i in self._items() if i.checkState() == Qt.CheckState.Checked]

    @Slot()
    def _update_text(self) -> None:
        names = self.names()
        self.button.setToolTip("、".join(names))
        self._elide()
        self.changed.emit()

    def _elide(self) -> None:
        names = self.names()
        full = "、".join(names) if names else self.tr("(none, click to choose)")
        width = max(self.button.width() - 24, 40)
        self.button.setText(
            self.button.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, width) + "  ▾"
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    @Slot(QListWidgetItem)
    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    @Slot()
    def show_popup(self) -> None:
        visible = [i for i in self._items() if not i.isHidden()]
        rows = max(1, min(len(visible), 12))
        row_height = self.list.sizeHintForRow(0) if self.list.count() else 20
        self.list.setFixedHeight(rows * max(row_height, 18) + 2 * self.list.frameWidth() + 4)
        self.popup.adjustSize()
        width = max(self.button.width(), self.list.sizeHintForColumn(0) + 48, 180)
        self.popup.resize(width, self.popup.sizeHint().height())
        below = self.button.mapToGlobal(QPoint(0, self.button.height()))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and below.y() + self.popup.height() > screen.bottom():
            below = self.button.mapToGlobal(QPoint(0, -self.popup.height()))
        self.popup.move(below)
        self.popup.show()
        self.list.setFocus()
        if self.list.currentRow() < 0 and visible:
            self.list.setCurrentItem(visible[0])

    def set_ids(self, ids) -> None:
        wanted = {uuid.UUID(str(i)) for i in ids}
        self.list.blockSignals(True)
        for item in self._items():
            cid = item.data(ID_ROLE)
            item.setCheckState(Qt.CheckState.Checked if cid in wanted else Qt.CheckState.Unchecked)
            item.setHidden(cid not in self._active and cid not in wanted)
        self.list.blockSignals(False)
        self._update_text()

    def ids(self) -> list[uuid.UUID]:
        return [i.data(ID_ROLE) for i in self._items() if i.checkState() == Qt.CheckState.Checked]


class HouseholdFilterEdit(QuickSearchEdit):
    """One household for filtering a list: type a name, pinyin initials, phone or
    户号, pick from the list under the box; the box then shows '户主（户号）'.
    Editing or clearing the text removes the filter."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(db, parent)
        self._household_id: uuid.UUID | None = None
        self.setPlaceholderText(self.tr("Household: name, pinyin initials, phone…"))
        self.setToolTip(self.tr("Show only the entries of one household"))
        self.setAccessibleName(self.tr("Household filter"))
        self.setMinimumWidth(200)
        self.hit_chosen.connect(self._on_hit)
        self.textChanged.connect(self._on_text_changed)

    def household_id(self) -> uuid.UUID | None:
        return self._household_id

    def set_household(self, household_id: uuid.UUID | None, notify: bool = True) -> None:
        """Filter by this household (None: no household filter)."""
        self._household_id = household_id
        label = (
            household_labels(self.db, [household_id]).get(household_id, "") if household_id else ""
        )
        self.blockSignals(True)
        self.setText(label)
        self.setCursorPosition(0)
        self.blockSignals(False)
        self.hide_popup()
        if notify:
            self.changed.emit()

    @Slot(object)
    def _on_hit(self, hit: Hit) -> None:
        self.set_household(hit.household_id)

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        # Typing over a chosen household (or clearing the box) ends the filter.
        if self._household_id is not None:
            self._household_id = None
            self.changed.emit()
            if not text.strip():
                self.hide_popup()
