"""The 户情 page: a filter row over a lazily loaded household table, and the
household page (:class:`HouseholdView`) it opens.

Both redraw themselves from ``AppContext.data_changed``: the list (keeping its
filters, selection and scroll position) when households, members, pairings,
visits or matters change, the household page when what it shows changes.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.queries.households import HouseholdFilter
from village_desk.ui.pages.base import HOUSEHOLD_TABLES, Page
from village_desk.ui.pages.households.forms import HouseholdDialog
from village_desk.ui.pages.households.model import Col, HouseholdTableModel
from village_desk.ui.pages.households.view import HouseholdView
from village_desk.ui.printing.dialogs import CardPrintDialog, print_cards, remembered_card_format
from village_desk.ui.printing.preview import PrintRun
from village_desk.ui.widgets.filter_bar import FilterBar, describe, with_value
from village_desk.ui.widgets.forms import refill_combo
from village_desk.ui.widgets.modal import run_modal
from village_desk.ui.widgets.sizing import fit_header
from village_desk.ui.widgets.undo_bar import UndoBar
from village_desk.ui.widgets.village_choice import VillageFilter, group_choices

DEFAULT_NOT_VISITED_DAYS = 90
NEVER_DAYS = 100 * 365  # "never visited" as queries.stats.dashboard counts it
COLUMN_WIDTHS = {
    Col.NUMBER: 90,
    Col.HEAD: 90,
    Col.GROUP: 70,
    Col.PHONE: 120,
    Col.CATEGORIES: 220,
    Col.CADRES: 130,
    Col.LAST_VISIT: 100,
    Col.OPEN_MATTERS: 110,
    Col.VILLAGE: 80,
}
UNDO_SECONDS = 30
HEADER_KEY = "households/header"


class HouseholdsPage(Page):
    # The list shows households with their head, group, categories, paired
    # cadres, last visit and open matters.
    watches = HOUSEHOLD_TABLES | {
        "diary_entry",
        "diary_household",
        "matter",
        "villager_group",
        "cadre",
        "vocab_term",
    }
    filter_changed = Signal()

    def __init__(self, ctx, page_size: int = 200, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        db = ctx.db
        self._days_setting: int | None = None

        self.village_combo = VillageFilter(ctx)  # a township office's villages
        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName(self.tr("Group"))
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(self.tr("Category"))
        self.category_combo.setMaxVisibleItems(25)
        self.cadre_combo = QComboBox()
        self.cadre_combo.setAccessibleName(self.tr("Paired cadre"))
        self.cadre_combo.setMaxVisibleItems(25)
        self.overdue_check = QCheckBox(self.tr("Has overdue matter"))
        self.new_button = QPushButton(self.tr("New household…"))
        self.new_button.setToolTip(self.tr("New household (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("Open"))
        self.print_button = QPushButton(self.tr("Print contact cards…"))
        self.print_button.setToolTip(
            self.tr("Cards for the selected households, the filtered group or category, or all")
        )
        # The same words as the dashboard's tile that opens this filter.
        self.never_check = QCheckBox(
            QCoreApplication.translate("DashboardPage", "Households never visited")
        )
        self.not_visited_check = QCheckBox(self.tr("Not visited for over"))
        self.not_visited_spin = QSpinBox()
        self.not_visited_spin.setRange(1, 3650)
        self.not_visited_spin.setSuffix(self.tr(" days"))
        self.not_visited_spin.setEnabled(False)
        self.count_label = QLabel()
        self.reload_choices()

        filters = QHBoxLayout()
        filters.addWidget(self.village_combo.label)
        filters.addWidget(self.village_combo)
        filters.addWidget(QLabel(self.tr("Group")))
        filters.addWidget(self.group_combo)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Category")))
        filters.addWidget(self.category_combo)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Cadre")))
        filters.addWidget(self.cadre_combo)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        filters.addWidget(self.open_button)
        actions = QHBoxLayout()
        actions.addWidget(self.never_check)
        actions.addSpacing(12)
        actions.addWidget(self.not_visited_check)
        actions.addWidget(self.not_visited_spin)
        actions.addSpacing(12)
        actions.addWidget(self.overdue_check)
        actions.addSpacing(12)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        for combo in (self.group_combo, self.category_combo, self.cadre_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(7)

        # undo bar (after a deletion)
        self.filter_bar = FilterBar()  # says so when the list is filtered
        self.clear_button = self.filter_bar.button  # 清除筛选, where the filters are named
        self.undo_bar = UndoBar(UNDO_SECONDS)
        self.undo_label = self.undo_bar.label
        self.undo_button = self.undo_bar.button

        self.model = HouseholdTableModel(db, page_size=page_size, parent=self)
        self.model.read_ahead_with(ctx.executor)  # scrolling on finds the next page read
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        fit_header(self.table, COLUMN_WIDTHS)  # never narrower than the header text
        self.model.village_names = self.village_combo.names
        if self.village_combo.township:  # 村 first at a township office
            header.moveSection(Col.VILLAGE, 0)
        else:
            self.table.setColumnHidden(Col.VILLAGE, True)

        list_page = QWidget()
        layout = QVBoxLayout(list_page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)

        self.detail = HouseholdView(ctx)
        self.views = QStackedWidget()
        self.views.addWidget(list_page)
        self.views.addWidget(self.detail)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.views)

        self.village_combo.currentIndexChanged.connect(self._village_changed)
        self.group_combo.currentIndexChanged.connect(self.apply_filter)
        self.category_combo.currentIndexChanged.connect(self.apply_filter)
        self.cadre_combo.currentIndexChanged.connect(self.apply_filter)
        self.overdue_check.toggled.connect(self.apply_filter)
        self.never_check.toggled.connect(self._never_toggled)
        self.new_button.clicked.connect(self.new_household)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(self.open_selected)
        self.table.activated.connect(self.open_selected)
        self.undo_bar.undo_requested.connect(self.undo_delete)
        self.print_button.clicked.connect(self.print_cards)
        self.detail.print_card_requested.connect(self.print_household_card)
        self.detail.back_requested.connect(self.show_list)
        self.detail.deleted.connect(self._on_deleted)
        self.not_visited_check.toggled.connect(self.not_visited_spin.setEnabled)
        self.not_visited_check.toggled.connect(self._days_toggled)
        self.not_visited_spin.valueChanged.connect(self._on_days_changed)
        self.filter_bar.show_all_requested.connect(self.clear_filters)
        self._update_count()

    # ------------------------------------------------------------ filters

    def reload_choices(self) -> None:
        """The filters offer the groups, categories and cadres there are now;
        what is chosen stays chosen (a retired category or an inactive cadre
        too, as old records still have them)."""
        read = self.ctx.read
        village_kept = self.village_combo.reload()
        categories = read(queries.reference.vocabulary, "household_category")
        category_labels = read(queries.reference.labels, "household_category")
        cadres = read(queries.reference.cadres)
        cadre_names = read(queries.reference.cadre_names)
        days = int(read(queries.reference.get_setting, "long_unvisited_days") or 0)
        kept = [
            village_kept,
            self.refill_groups(),
            refill_combo(
                self.category_combo,
                [(self.tr("All categories"), None)] + [(t.label, t.code) for t in categories],
                keep=category_labels,
            ),
            refill_combo(
                self.cadre_combo,
                [(self.tr("All cadres"), None)] + [(c.name, str(c.id)) for c in cadres],
                keep={str(cid): name for cid, name in cadre_names.items()},
            ),
        ]
        # The "not visited for" days follow the setting, unless the user is using them.
        if days != self._days_setting:
            self._days_setting = days
            if not self.not_visited_check.isChecked():
                self.not_visited_spin.blockSignals(True)
                self.not_visited_spin.setValue(days or DEFAULT_NOT_VISITED_DAYS)
                self.not_visited_spin.blockSignals(False)
        if not all(kept) and hasattr(self, "model"):  # a chosen group is gone
            self.apply_filter()

    def refill_groups(self) -> bool:
        """The group filter offers the chosen village's groups (a township
        office's); returns whether the chosen group stayed."""
        groups = self.ctx.read(queries.reference.groups)
        return refill_combo(
            self.group_combo,
            [(self.tr("All groups"), None)] + group_choices(groups, self.village_combo),
        )

    @Slot()
    def _village_changed(self) -> None:
        self.refill_groups()
        self.apply_filter()

    def current_filter(self) -> HouseholdFilter:
        group = self.group_combo.currentData()
        cadre = self.cadre_combo.currentData()
        days = self.not_visited_spin.value() if self.not_visited_check.isChecked() else None
        if self.never_check.isChecked():
            days = NEVER_DAYS
        return HouseholdFilter(
            village_id=self.village_combo.village_id(),
            group_id=uuid.UUID(group) if group else None,
            category=self.category_combo.currentData() or None,
            cadre_id=uuid.UUID(cadre) if cadre else None,
            not_visited_days=days,
            has_overdue=self.overdue_check.isChecked(),
        )

    def has_filter(self) -> bool:
        return (
            self.village_combo.currentIndex() > 0
            or self.group_combo.currentIndex() > 0
            or self.category_combo.currentIndex() > 0
            or self.cadre_combo.currentIndex() > 0
            or self.never_check.isChecked()
            or self.not_visited_check.isChecked()
            or self.overdue_check.isChecked()
        )

    def show_filter(
        self,
        not_visited_days: int | None = None,
        has_overdue: bool = False,
        never_visited: bool = False,
    ) -> None:
        """Show the list filtered as the dashboard asks (other filters cleared)."""
        self.show_list()
        widgets = (
            self.village_combo,
            self.group_combo,
            self.category_combo,
            self.cadre_combo,
            self.never_check,
            self.not_visited_check,
            self.not_visited_spin,
            self.overdue_check,
        )
        for w in widgets:
            w.blockSignals(True)
        self.village_combo.setCurrentIndex(0)
        self.refill_groups()
        self.group_combo.setCurrentIndex(0)
        self.category_combo.setCurrentIndex(0)
        self.cadre_combo.setCurrentIndex(0)
        self.never_check.setChecked(never_visited)
        self.not_visited_check.setChecked(not_visited_days is not None)
        self.not_visited_spin.setEnabled(not_visited_days is not None)
        if not_visited_days is not None:
            self.not_visited_spin.setValue(not_visited_days)
        self.overdue_check.setChecked(has_overdue)
        for w in widgets:
            w.blockSignals(False)
        self.apply_filter()

    @Slot()
    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()
        self.filter_changed.emit()

    @Slot(bool)
    def _days_toggled(self, on: bool) -> None:
        if on and self.never_check.isChecked():
            self.never_check.blockSignals(True)
            self.never_check.setChecked(False)
            self.never_check.blockSignals(False)
        self.apply_filter()

    @Slot(bool)
    def _never_toggled(self, never: bool) -> None:
        """“Never visited” and “not visited for N days” exclude each other."""
        if never and self.not_visited_check.isChecked():
            self.not_visited_check.blockSignals(True)
            self.not_visited_check.setChecked(False)
            self.not_visited_spin.setEnabled(False)
            self.not_visited_check.blockSignals(False)
        self.apply_filter()

    @Slot()
    def _on_days_changed(self) -> None:
        if self.not_visited_check.isChecked():
            self.apply_filter()

    @Slot()
    def clear_filters(self) -> None:
        widgets = (
            self.village_combo,
            self.group_combo,
            self.category_combo,
            self.cadre_combo,
            self.never_check,
            self.not_visited_check,
            self.overdue_check,
        )
        for w in widgets:
            w.blockSignals(True)
        self.village_combo.setCurrentIndex(0)
        self.refill_groups()
        self.group_combo.setCurrentIndex(0)
        self.category_combo.setCurrentIndex(0)
        self.cadre_combo.setCurrentIndex(0)
        self.never_check.setChecked(False)
        self.not_visited_check.setChecked(False)
        self.not_visited_spin.setEnabled(False)
        self.overdue_check.setChecked(False)
        for w in widgets:
            w.blockSignals(False)
        self.apply_filter()

    def refresh(self) -> None:
        """Re-read the rows (data changed): the filters, the selection and the
        scroll position stay."""
        selection = self.table.selectionModel()
        current = self.selected_household_id()
        selected = set(self.selected_household_ids())
        loaded = self.model.rowCount()
        scroll = self.table.verticalScrollBar().value()
        self.model.refresh()
        while self.model.rowCount() < loaded and self.model.canFetchMore():
            self.model.fetchMore()
        flags = QItemSelectionModel.SelectionFlag
        for row in range(self.model.rowCount()):
            hid = self.model.household(row).id
            if hid in selected:
                index = self.model.index(row, Col.NUMBER)
                command = flags.Select | flags.Rows
                if hid == current:
                    selection.setCurrentIndex(index, command)
                else:
                    selection.select(index, command)
        self.table.verticalScrollBar().setValue(scroll)
        self._update_count()

    def filter_summary(self) -> list[str]:
        """The filters that are on, in words (for the bar above the list)."""
        return describe(
            [
                (self.tr("Village"), self.village_combo),
                (self.tr("Group"), self.group_combo),
                (self.tr("Category"), self.category_combo),
                (self.tr("Cadre"), self.cadre_combo),
                ("", self.never_check),
                with_value(self.not_visited_check, self.not_visited_spin),
                ("", self.overdue_check),
            ]
        )

    def _update_count(self) -> None:
        self.filter_bar.set_filters(self.filter_summary())
        total = self.model.total
        if self.has_filter():
            self.count_label.setText(self.tr("{n} matching households").format(n=total))
        else:
            self.count_label.setText(self.tr("{n} households").format(n=total))

    # ------------------------------------------------------------ selection

    def select_household(self, household_id: uuid.UUID) -> bool:
        """Select and show the household's row; clears filters that hide it."""
        self.show_list()
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

    def selected_household_ids(self) -> list[uuid.UUID]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.household(r).id for r in rows]

    # ------------------------------------------------------------ printing

    def card_print_dialog(self) -> CardPrintDialog:
        group = category = None
        if self.group_combo.currentIndex() > 0:
            name = self.group_combo.currentText()
            group = (name, name)
        if self.category_combo.currentIndex() > 0:
            category = (self.category_combo.currentData(), self.category_combo.currentText())
        flt = self.current_filter()
        filtered = self.has_filter()
        total = self.ctx.read(queries.households.household_count, HouseholdFilter())
        listed = self.ctx.read(queries.households.household_count, flt) if filtered else None
        return CardPrintDialog(
            self.ctx,
            selected_ids=self.selected_household_ids(),
            group=group,
            category=category,
            total=total,
            list_filter=flt if filtered else None,
            listed=listed,
            parent=self,
        )

    @Slot()
    def print_cards(self) -> PrintRun | None:
        """打印联系卡: the dialog (scope, layout, size), then the preview."""
        dialog = self.card_print_dialog()
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return None
        self.last_print = dialog.start(self)
        return self.last_print

    @Slot(object)
    def print_household_card(self, household_id: uuid.UUID) -> PrintRun:
        layout, size = remembered_card_format()
        number = self.detail.household.number if self.detail.household else ""
        self.last_print = print_cards(
            self,
            self.ctx,
            household_ids=[household_id],
            layout=layout,
            size=size,
            title=self.tr("Contact card {number}").format(number=number),
        )
        return self.last_print

    def print_in_context(self) -> PrintRun | None:
        if self.is_showing_detail():
            return self.print_household_card(self.detail.household_id)
        return self.print_cards()

    # ------------------------------------------------------------ household page

    def is_showing_detail(self) -> bool:
        return self.views.currentWidget() is self.detail

    @Slot()
    def show_list(self) -> None:
        self.views.setCurrentIndex(0)

    def open_household(self, household_id: uuid.UUID) -> bool:
        if not self.detail.show_household(household_id):
            return False
        self.views.setCurrentWidget(self.detail)
        return True

    @Slot()
    def open_selected(self) -> None:
        hid = self.selected_household_id()
        if hid is not None:
            self.open_household(hid)

    @Slot()
    def new_household(self) -> HouseholdDialog | None:
        dialog = HouseholdDialog(self.ctx, None, self, village_id=self.village_combo.village_id())
        self._last_dialog = dialog
        if run_modal(dialog) and dialog.saved_id:
            self.open_household(dialog.saved_id)
        return dialog

    @Slot(object, str)
    def _on_deleted(self, household_id: uuid.UUID, description: str) -> None:
        self.undo_bar.offer(household_id, description)
        self.show_list()

    @Slot(object)
    def undo_delete(self, hid: uuid.UUID) -> None:
        self.ctx.op(
            self, lambda db: services.households.restore_household(db, self.ctx.operator_id, hid)
        ).success(lambda _: self.select_household(hid)).run()

    def save_state(self, settings) -> None:
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def restore_state(self, settings) -> None:
        state = settings.value(HEADER_KEY)
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
