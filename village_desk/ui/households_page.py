"""The 户情 page: a filter row over a lazily loaded household table."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import setup
from village_desk.core.db import Database
from village_desk.core.queries import HouseholdFilter

from .models import Col, HouseholdTableModel

DEFAULT_NOT_VISITED_DAYS = 90
COLUMN_WIDTHS = {
    Col.NUMBER: 90,
    Col.HEAD: 90,
    Col.GROUP: 70,
    Col.PHONE: 120,
    Col.CATEGORIES: 220,
    Col.CADRES: 130,
    Col.LAST_VISIT: 100,
    Col.OPEN_MATTERS: 110,
}


class HouseholdsPage(QWidget):
    filter_changed = Signal()

    def __init__(self, db: Database, page_size: int = 200, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db

        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName(self.tr("Group"))
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(self.tr("Category"))
        self.category_combo.setMaxVisibleItems(25)
        self.not_visited_check = QCheckBox(self.tr("Not visited for over"))
        self.not_visited_spin = QSpinBox()
        self.not_visited_spin.setRange(1, 3650)
        self.not_visited_spin.setSuffix(self.tr(" days"))
        self.not_visited_spin.setEnabled(False)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.count_label = QLabel()
        self._load_choices()

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Group")))
        filters.addWidget(self.group_combo)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Category")))
        filters.addWidget(self.category_combo)
        filters.addSpacing(12)
        filters.addWidget(self.not_visited_check)
        filters.addWidget(self.not_visited_spin)
        filters.addSpacing(12)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.model = HouseholdTableModel(db, page_size=page_size, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Categories are the longest text: that column takes the spare width.
        header.setSectionResizeMode(Col.CATEGORIES, QHeaderView.ResizeMode.Stretch)
        for col, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(col, width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.group_combo.currentIndexChanged.connect(self.apply_filter)
        self.category_combo.currentIndexChanged.connect(self.apply_filter)
        self.not_visited_check.toggled.connect(self.not_visited_spin.setEnabled)
        self.not_visited_check.toggled.connect(self.apply_filter)
        self.not_visited_spin.valueChanged.connect(self._on_days_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self._update_count()

    # ------------------------------------------------------------ filters

    def _load_choices(self) -> None:
        with self.db.reading() as s:
            groups = setup.groups(s)
            categories = setup.vocabulary(s, "household_category")
            days = setup.get_setting(s, "long_unvisited_days")
        for combo in (self.group_combo, self.category_combo):
            combo.blockSignals(True)
            combo.clear()
        self.group_combo.addItem(self.tr("All groups"), None)
        for g in groups:
            self.group_combo.addItem(g.name, str(g.id))
        self.category_combo.addItem(self.tr("All categories"), None)
        for term in categories:
            self.category_combo.addItem(term.label, term.code)
        for combo in (self.group_combo, self.category_combo):
            combo.blockSignals(False)
        self.not_visited_spin.blockSignals(True)
        self.not_visited_spin.setValue(int(days or DEFAULT_NOT_VISITED_DAYS))
        self.not_visited_spin.blockSignals(False)

    def current_filter(self) -> HouseholdFilter:
        group = self.group_combo.currentData()
        return HouseholdFilter(
            group_id=uuid.UUID(group) if group else None,
            category=self.category_combo.currentData() or None,
            not_visited_days=(
                self.not_visited_spin.value() if self.not_visited_check.isChecked() else None
            ),
        )

    def has_filter(self) -> bool:
        return (
            self.group_combo.currentIndex() > 0
            or self.category_combo.currentIndex() > 0
            or self.not_visited_check.isChecked()
        )

    @Slot()
    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()
        self.filter_changed.emit()

    @Slot()
    def _on_days_changed(self) -> None:
        if self.not_visited_check.isChecked():
            self.apply_filter()

    @Slot()
    def clear_filters(self) -> None:
        for w in (self.group_combo, self.category_combo, self.not_visited_check):
            w.blockSignals(True)
        self.group_combo.setCurrentIndex(0)
        self.category_combo.setCurrentIndex(0)
        self.not_visited_check.setChecked(False)
        self.not_visited_spin.setEnabled(False)
        for w in (self.group_combo, self.category_combo, self.not_visited_check):
            w.blockSignals(False)
        self.apply_filter()

    def refresh(self) -> None:
        """Reload choices and rows (after data changed elsewhere)."""
        group, category = self.group_combo.currentData(), self.category_combo.currentData()
        self._load_choices()
        for combo, value in ((self.group_combo, group), (self.category_combo, category)):
            i = combo.findData(value)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)
        self.apply_filter()

    def _update_count(self) -> None:
        total = self.model.total
        if self.has_filter():
            self.count_label.setText(self.tr("{n} matching households").format(n=total))
        else:
            self.count_label.setText(self.tr("{n} households").format(n=total))

    # ------------------------------------------------------------ selection

    def select_household(self, household_id: uuid.UUID) -> bool:
        """Select and show the household's row; clears filters that hide it."""
        row = self.model.row_of(household_id)
        if row < 0 and self.has_filter():
            self.clear_filters()
            row = self.model.row_of(household_id)
        if row < 0:
            return False
        index = self.model.index(row, Col.NUMBER)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus()
        return True

    def selected_household_id(self) -> uuid.UUID | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.household(index.row()).id
