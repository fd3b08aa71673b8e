"""The toolbar's quick search: name, pinyin, initials, phone or ID digits.

Results appear in a list under the box while the user types. The list is a
plain child widget of the window (not a separate popup window), so keyboard
focus stays in the box: Up/Down move through the results, Enter picks the
highlighted one (the first by default), Escape closes the list.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QWidget

from village_desk.core import queries
from village_desk.core.domain.validation import mask_phone
from village_desk.core.queries.search import Hit
from village_desk.core.storage.db import Database

HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
MAX_HITS = 20
MAX_VISIBLE_ROWS = 10


class SearchHitModel(QAbstractListModel):
    """Quick-search results: name, 户号, 组 and the masked phone."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._relations: dict[str, str] = {}

    def set_hits(self, hits: list[Hit], relations: dict[str, str]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._relations = relations
        self.endResetModel()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(hit)
        if role == HIT_ROLE:
            return hit
        if role == HOUSEHOLD_ID_ROLE:
            return hit.household_id
        return None

    def display_text(self, hit: Hit) -> str:
        name = hit.name
        if hit.relation != "head":
            relation = self._relations.get(hit.relation, hit.relation)
            name = self.tr("{name} ({relation})").format(name=hit.name, relation=relation)
        parts = [
            name,
            self.tr("No. {number}").format(number=hit.household_number),
        ]
        if hit.group_name:
            parts.append(hit.group_name)
        if hit.phone:
            parts.append(mask_phone(hit.phone))
        return "  ·  ".join(parts)


class QuickSearchEdit(QLineEdit):
    """A line edit with a result list; emits :attr:`hit_chosen`."""

    hit_chosen = Signal(object)  # Hit

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self._relations: dict[str, str] | None = None
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Find: name, pinyin initials, phone, ID…"))
        self.setToolTip(self.tr("Quick search (Ctrl+F)"))
        self.setMinimumWidth(280)

        self.hits = SearchHitModel(self)
        self.popup = QListView(self)  # moved onto the window on first use
        self.popup.setObjectName("quickSearchPopup")
        self.popup.setModel(self.hits)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.popup.setUniformItemSizes(True)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.setFrameShape(QListView.Shape.Box)
        self.popup.setStyleSheet("QListView#quickSearchPopup::item { padding: 4px 6px; }")
        self.popup.clicked.connect(self._choose_index)
        self.popup.hide()

        self.textEdited.connect(self._on_text_edited)

    # ------------------------------------------------------------ placing the list

    def _attach_popup(self) -> None:
        window = self.window()
        if self.popup.parent() is not window:
            self.popup.setParent(window)
            window.installEventFilter(self)

    def _place_popup(self) -> None:
        window = self.popup.parentWidget()
        if window is None:
            return
        rows = min(self.hits.rowCount(), MAX_VISIBLE_ROWS)
        row_height = self.popup.sizeHintForRow(0) if rows else 0
        frame = 2 * self.popup.frameWidth()
        width = max(self.width(), self.popup.sizeHintForColumn(0) + frame + 24)
        below = self.mapTo(window, QPoint(0, self.height()))
        x = min(below.x(), max(window.width() - width, 0))
        self.popup.setGeometry(x, below.y(), width, rows * row_height + frame)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moved = event.type() in (QEvent.Type.Resize, QEvent.Type.Move)
        if moved and watched is self.popup.parentWidget() and self.popup.isVisible():
            self._place_popup()
        return super().eventFilter(watched, event)

    def forget_labels(self) -> None:
        """Relation names are read again on the next search (settings changed)."""
        self._relations = None

    def popup_visible(self) -> bool:
        return self.popup.isVisible()

    def hide_popup(self) -> None:
        self.popup.hide()

    # ------------------------------------------------------------ searching

    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        self.run_search(text)

    def run_search(self, text: str) -> list[Hit]:
        if not text.strip():
            self.hits.set_hits([], {})
            self.hide_popup()
            return []
        if self._relations is None:
            self._relations = self.db.read(queries.reference.labels, "relation")
        found = self.db.read(queries.search.search, text, limit=MAX_HITS)
        self.hits.set_hits(found, self._relations)
        if found:
            self._attach_popup()
            self.popup.setCurrentIndex(self.hits.index(0, 0))
            self._place_popup()
            self.popup.show()
            self.popup.raise_()
        else:
            self.hide_popup()
        return found

    # ------------------------------------------------------------ keyboard

    def event(self, event: QEvent) -> bool:
        # Escape closes the result list before the window's Esc shortcut sees it.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and self.popup.isVisible()
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.popup.isVisible():
            current = self.popup.currentIndex().row()
            count = self.hits.rowCount()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = (current + step) % count if current >= 0 else 0
                self.popup.setCurrentIndex(self.hits.index(row, 0))
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_index(self.popup.currentIndex())
                return
            if key == Qt.Key.Key_Escape:
                self.hide_popup()
                return
        elif (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.text().strip()
            and self.run_search(self.text())
        ):
            return  # the list was closed: Enter opens it again
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        self.hide_popup()
        super().focusOutEvent(event)

    @Slot()
    def _choose_index(self, index=None) -> None:
        if index is None or not index.isValid():
            if not self.hits.rowCount():
                return
            index = self.hits.index(0, 0)
        hit = self.hits.hit(index.row())
        self.hide_popup()
        self.hit_chosen.emit(hit)
