"""The 民情台账 page: the filtered matter table, the matter page and the
month-end review (月底销号)."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain import lifecycle
from village_desk.core.domain.lifecycle import OPEN_STATUSES, STATUS_LABELS
from village_desk.core.queries.matters import MatterFilter
from village_desk.core.storage.changes import Changes
from village_desk.ui.labels import status_label
from village_desk.ui.pages.base import LEDGER_TABLES, DataView, Page
from village_desk.ui.pages.ledger.matter import (
    ActionDialog,
    MatterDialog,
    MatterView,
)
from village_desk.ui.pages.ledger.model import MATTER_ID_ROLE, Col, MatterTableModel
from village_desk.ui.printing.dialogs import LedgerPrintDialog, ReferralDialog
from village_desk.ui.printing.preview import PrintRun
from village_desk.ui.widgets.filter_bar import FilterBar, describe
from village_desk.ui.widgets.forms import HINT_STYLE, heading, refill_combo
from village_desk.ui.widgets.modal import run_modal
from village_desk.ui.widgets.sizing import fit_header
from village_desk.ui.widgets.undo_bar import UndoBar
from village_desk.ui.widgets.village_choice import VillageFilter

HEADER_KEY = "ledger/header"
OPEN = "__open__"
AWAITING = "__awaiting__"  # 已办结, waiting for the return visit (the dashboard's tile)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 60
UNDO_SECONDS = 30


class MonthEndView(DataView):
    """Before the month's last day: close what is finished, note the rest.

    Shows rows of ``queries.matters.month_end_review`` and redraws itself when
    matters, their notes or the cadres' names change."""

    back_requested = Signal()
    open_matter_requested = Signal(object)
    print_requested = Signal(object)  # (year, month)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.back_button = QPushButton(self.tr("← Back to list"))
        self.title = heading(self.tr("Month-end review"))
        self.month_combo = QComboBox()
        today = dt.date.today()
        y, m = today.year, today.month
        for _ in range(12):
            self.month_combo.addItem(f"{y}-{m:02d}", (y, m))
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        intro = QLabel(
            self.tr(
                "Close (销号) matters visited back with satisfaction, visit back finished "
                "ones, and add a progress note to every open matter without one this month."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("Matter"), self.tr("Applicant"), self.tr("Deadline"), self.tr("Status")]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.close_button = QPushButton(self.tr("Close (销号)"))
        self.feedback_button = QPushButton(self.tr("Return visit…"))
        self.note_button = QPushButton(self.tr("Add progress note…"))
        self.open_button = QPushButton(self.tr("Open matter"))
        self.print_button = QPushButton(self.tr("Print month-end ledger…"))
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title)
        top.addWidget(self.month_combo)
        top.addStretch(1)
        top.addWidget(self.print_button)
        buttons = QHBoxLayout()
        for b in (self.close_button, self.feedback_button, self.note_button, self.open_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self.back_button.clicked.connect(self.back_requested)
        self.month_combo.currentIndexChanged.connect(self.reload)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(self._open)
        self.open_button.clicked.connect(self._open)
        self.close_button.clicked.connect(lambda: self._act("close"))
        self.feedback_button.clicked.connect(lambda: self._act("feedback"))
        self.note_button.clicked.connect(self._note)
        self.print_button.clicked.connect(
            lambda: self.print_requested.emit(self.month_combo.currentData())
        )
        self.groups: dict[str, QTreeWidgetItem] = {}
        self._loaded = False

    def affected_by(self, changes: Changes) -> bool:
        return self._loaded and changes.touches(*LEDGER_TABLES, "cadre", "vocab_term")

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the review of the chosen month; the chosen matter stays chosen."""
        year, month = self.month_combo.currentData()
        review = self.ctx.read(queries.matters.month_end_review, year, month)
        cadres = self.ctx.read(queries.reference.cadre_names)
        key, current = self._current()
        scroll = self.tree.verticalScrollBar().value()
        self.stale, self._loaded = False, True
        self.tree.blockSignals(True)
        self.tree.clear()
        self.groups = {}
        sections = [
            ("closable", self.tr("Can be closed ({n})"), review.closable),
            (
                "awaiting",
                self.tr("Done, awaiting return visit ({n})"),
                review.awaiting_return_visit,
            ),
            (
                "needs_note",
                self.tr("Open, no progress note this month ({n})"),
                review.needs_progress_note,
            ),
            ("overdue", self.tr("Overdue ({n})"), review.overdue),
        ]
        chosen = []
        for section, title, matters in sections:
            group = QTreeWidgetItem([title.format(n=len(matters))])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setData(0, ITEM_ROLE, (section, None))
            self.tree.addTopLevelItem(group)
            self.groups[section] = group
            for m in matters:
                item = QTreeWidgetItem(
                    [
                        f"{m.number}  {m.content}",
                        f"{m.applicant_name}（{cadres.get(m.responsible_id, '')}）",
                        m.deadline.isoformat(),
                        status_label(m.status),
                    ]
                )
                item.setData(0, ITEM_ROLE, (section, m))
                group.addChild(item)
                if current is not None and m.id == current.id:
                    chosen.append((section != key, item))  # same section first
            group.setExpanded(True)
        if chosen:
            self.tree.setCurrentItem(min(chosen, key=lambda c: c[0])[1])
        self.tree.blockSignals(False)
        self.tree.verticalScrollBar().setValue(scroll)
        self._update_buttons()

    def _current(self):
        item = self.tree.currentItem()
        if item is None:
            return None, None
        return item.data(0, ITEM_ROLE)

    def _update_buttons(self) -> None:
        _key, m = self._current()
        legal = {a.code for a in lifecycle.available_actions(m)} if m is not None else set()
        self.close_button.setEnabled("close" in legal)
        self.feedback_button.setEnabled("feedback" in legal)
        self.note_button.setEnabled(m is not None and m.status != "closed")
        self.open_button.setEnabled(m is not None)

    def _act(self, code: str) -> None:
        _key, m = self._current()
        if m is None:
            return
        if code != "close":
            run_modal(ActionDialog(self.ctx, m, code, self))  # redrawn from ctx.data_changed
            return
        actor = self.ctx.operator_id
        (
            self.ctx.op(self, lambda db: services.ledger.apply_action(db, actor, m.id, "close"))
            .busy(self.close_button)
            .always(self._update_buttons)
            .run()
        )

    def _note(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        _key, m = self._current()
        if m is None:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Progress note"), self.tr("Progress of {number}:").format(number=m.number)
        )
        if not ok:
            return
        actor = self.ctx.operator_id
        (
            self.ctx.op(self, lambda db: services.ledger.add_note(db, actor, m.id, text))
            .busy(self.note_button)
            .always(self._update_buttons)
            .run()
        )

    def _open(self) -> None:
        _key, m = self._current()
        if m is not None:
            self.open_matter_requested.emit(m.id)


class LedgerPage(Page):
    """The matter list; the matter view and the month-end review redraw
    themselves from ``ctx.data_changed`` (see ``pages/base.DataView``)."""

    watches = LEDGER_TABLES
    open_diary_requested = Signal(object)
    open_household_requested = Signal(object)

    def __init__(self, ctx, page_size: int = 200, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.village_combo = VillageFilter(ctx)  # a township office's villages
        self.status_combo = QComboBox()
        self.kind_combo = QComboBox()
        self.level_combo = QComboBox()
        self.cadre_combo = QComboBox()
        self.month_combo = QComboBox()
        self.overdue_check = QCheckBox(self.tr("Overdue"))
        self.due_soon_check = QCheckBox(self.tr("Due soon"))
        self.new_button = QPushButton(self.tr("Register matter…"))
        self.new_button.setToolTip(self.tr("Register a matter (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("Open"))
        self.review_button = QPushButton(self.tr("Month-end review…"))
        self.notice_button = QPushButton(self.tr("Print public notice…"))
        self.notice_button.setToolTip(
            self.tr("公示 sheet of a month for the notice board (Ctrl+P)")
        )
        self.sheet_button = QPushButton(self.tr("Print month-end ledger…"))
        self.undo_bar = UndoBar(UNDO_SECONDS)
        self.filter_bar = FilterBar()  # says so when the list is filtered
        self.clear_button = self.filter_bar.button  # 清除筛选, where the filters are named
        self.count_label = QLabel()
        self._load_choices()
        filters = QHBoxLayout()
        filters2 = QHBoxLayout()
        filters.addWidget(self.village_combo.label)
        filters.addWidget(self.village_combo)
        for row, label, w in (
            (filters, self.tr("Status"), self.status_combo),
            (filters, self.tr("Kind"), self.kind_combo),
            (filters, self.tr("Level"), self.level_combo),
            (filters, self.tr("Responsible"), self.cadre_combo),
            (filters2, self.tr("Month"), self.month_combo),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(w)
            row.addSpacing(6)
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(6)
        filters.addStretch(1)
        filters2.addWidget(self.overdue_check)
        filters2.addWidget(self.due_soon_check)
        filters2.addSpacing(12)
        legend = QLabel(self.tr("Red: overdue · yellow deadline: due within a few days"))
        legend.setStyleSheet(HINT_STYLE)
        legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        filters2.addWidget(legend, 1)
        actions = QHBoxLayout()
        for b in (
            self.new_button,
            self.open_button,
            self.review_button,
            self.notice_button,
            self.sheet_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.count_label)

        self.model = MatterTableModel(ctx.db, page_size=page_size, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(Col.CONTENT, QHeaderView.ResizeMode.Stretch)
        fit_header(self.table, (130, 95, 80, 300, 80, 70, 95, 120, 80))  # no 「Responsibl」
        self.model.village_names = self.village_combo.names
        if self.village_combo.township:  # 村 first at a township office
            header.moveSection(Col.VILLAGE, 0)
        else:
            self.table.setColumnHidden(Col.VILLAGE, True)

        list_page = QWidget()
        layout = QVBoxLayout(list_page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addLayout(filters2)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        self.detail = MatterView(ctx)
        self.review = MonthEndView(ctx)
        self.views = QStackedWidget()
        self.views.addWidget(list_page)
        self.views.addWidget(self.detail)
        self.views.addWidget(self.review)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.views)

        for combo in (
            self.village_combo,
            self.status_combo,
            self.kind_combo,
            self.level_combo,
            self.cadre_combo,
            self.month_combo,
        ):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.overdue_check.toggled.connect(self.apply_filter)
        self.due_soon_check.toggled.connect(self.apply_filter)
        self.filter_bar.show_all_requested.connect(self.clear_filters)
        self.new_button.clicked.connect(lambda: self.new_matter())
        self.open_button.clicked.connect(self.open_selected)
        self.review_button.clicked.connect(self.show_review)
        self.notice_button.clicked.connect(lambda: self.print_month(LedgerPrintDialog.NOTICE))
        self.sheet_button.clicked.connect(lambda: self.print_month(LedgerPrintDialog.SHEET))
        self.undo_bar.undo_requested.connect(self.undo_delete)
        self.detail.deleted.connect(self._on_deleted)
        self.detail.print_referral_requested.connect(self.print_referral)
        self.review.print_requested.connect(
            lambda month: self.print_month(LedgerPrintDialog.SHEET, month)
        )
        self.table.doubleClicked.connect(self.open_selected)
        self.table.activated.connect(self.open_selected)
        self.detail.back_requested.connect(self.show_list)
        self.detail.open_diary_requested.connect(self.open_diary_requested)
        self.detail.open_household_requested.connect(self.open_household_requested)
        self.review.back_requested.connect(self.show_list)
        self.review.open_matter_requested.connect(self.open_matter)
        self._update_count()

    def _load_choices(self) -> None:
        read = self.ctx.read
        kinds = read(queries.reference.vocabulary, "matter_kind", include_retired=True)
        levels = read(queries.reference.vocabulary, "level", include_retired=True)
        cadres = read(queries.reference.cadres, include_inactive=True)
        combos = (
            self.status_combo,
            self.kind_combo,
            self.level_combo,
            self.cadre_combo,
            self.month_combo,
        )
        today = dt.date.today()
        y, m = today.year, today.month
        months = []
        for _ in range(24):
            months.append((f"{y}-{m:02d}", (y, m)))
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        awaiting = QCoreApplication.translate("DashboardPage", "Done, awaiting return visit")
        items = (
            [(self.tr("All"), None), (self.tr("Open (not done)"), OPEN), (awaiting, AWAITING)]
            + [(status_label(code), code) for code in STATUS_LABELS],
            [(self.tr("All kinds"), None)] + [(t.label, t.code) for t in kinds],
            [(self.tr("All levels"), None)] + [(t.label, t.code) for t in levels],
            [(self.tr("All cadres"), None)] + [(c.name, str(c.id)) for c in cadres],
            [(self.tr("All months"), None)] + months,
        )
        for combo, choices in zip(combos, items, strict=True):
            refill_combo(combo, choices)  # a chosen filter stays chosen
        if hasattr(self, "village_combo"):
            self.village_combo.reload()

    def reload_choices(self) -> None:
        """After a settings change: new filter choices, and the table shows the
        new names (the matter view and the review redraw themselves)."""
        before = self.current_filter()
        self._load_choices()
        if self.current_filter() != before:
            self.apply_filter()
        elif self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def current_filter(self) -> MatterFilter:
        status = self.status_combo.currentData()
        statuses = {OPEN: OPEN_STATUSES, AWAITING: ("done",)}.get(
            status, (status,) if status else ()
        )
        cadre = self.cadre_combo.currentData()
        month = self.month_combo.currentData()
        return MatterFilter(
            village_id=self.village_combo.village_id(),
            statuses=tuple(statuses),
            kind=self.kind_combo.currentData(),
            level=self.level_combo.currentData(),
            cadre_id=uuid.UUID(cadre) if cadre else None,
            overdue=self.overdue_check.isChecked(),
            due_within_days=self.model.due_soon_days if self.due_soon_check.isChecked() else None,
            month=tuple(month) if month else None,
        )

    @Slot()
    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()

    def _set_filters(self, status=None, overdue=False, due_soon=False) -> None:
        widgets = (
            self.village_combo,
            self.status_combo,
            self.kind_combo,
            self.level_combo,
            self.cadre_combo,
            self.month_combo,
            self.overdue_check,
            self.due_soon_check,
        )
        for w in widgets:
            w.blockSignals(True)
        for c in widgets[:6]:
            c.setCurrentIndex(0)
        if status:
            self.status_combo.setCurrentIndex(max(self.status_combo.findData(status), 0))
        self.overdue_check.setChecked(overdue)
        self.due_soon_check.setChecked(due_soon)
        for w in widgets:
            w.blockSignals(False)
        self.apply_filter()

    @Slot()
    def clear_filters(self) -> None:
        self._set_filters()

    def show_filter(self, status=None, overdue=False, due_soon=False) -> None:
        """Show the list filtered as the dashboard asks."""
        self.show_list()
        self._set_filters(status, overdue, due_soon)

    def filter_summary(self) -> list[str]:
        """The filters that are on, in words (for the bar above the list)."""
        return describe(
            [
                (self.tr("Village"), self.village_combo),
                (self.tr("Status"), self.status_combo),
                (self.tr("Kind"), self.kind_combo),
                (self.tr("Level"), self.level_combo),
                (self.tr("Responsible"), self.cadre_combo),
                (self.tr("Month"), self.month_combo),
                ("", self.overdue_check),
                ("", self.due_soon_check),
            ]
        )

    def _update_count(self) -> None:
        self.filter_bar.set_filters(self.filter_summary())
        self.count_label.setText(self.tr("{n} matters").format(n=self.model.total))

    def refresh(self) -> None:
        """Re-read the list: the rows loaded so far, the chosen matter and the
        scroll position stay."""
        current = self.table.currentIndex()
        chosen = current.data(MATTER_ID_ROLE) if current.isValid() else None
        loaded = self.model.rowCount()
        scroll = self.table.verticalScrollBar().value()
        self.model.refresh()
        while self.model.rowCount() < loaded and self.model.canFetchMore():
            self.model.fetchMore()
        row = next(
            (r for r in range(self.model.rowCount()) if self.model.matter(r).id == chosen), -1
        )
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, current.column()))
        self.table.verticalScrollBar().setValue(scroll)
        self._update_count()

    # ------------------------------------------------------------ navigation

    @Slot()
    def show_list(self) -> None:
        self.views.setCurrentIndex(0)

    def is_showing_detail(self) -> bool:
        return self.views.currentWidget() is not self.views.widget(0)

    def open_matter(self, matter_id) -> bool:
        if not self.detail.show_matter(matter_id):
            return False
        self.views.setCurrentWidget(self.detail)
        return True

    @Slot()
    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_matter(index.data(MATTER_ID_ROLE))

    @Slot()
    def show_review(self) -> None:
        self.review.reload()
        self.views.setCurrentWidget(self.review)

    def new_matter(self, household_id=None) -> MatterDialog:
        dialog = MatterDialog(
            self.ctx, household_id, self, village_id=self.village_combo.village_id()
        )
        self._last_dialog = dialog
        if run_modal(dialog) and dialog.saved_id:
            self.open_matter(dialog.saved_id)
        return dialog

    # ------------------------------------------------------------ delete / undo

    @Slot(object, str)
    def _on_deleted(self, matter_id, description: str) -> None:
        self.undo_bar.offer(matter_id, description)
        self.show_list()

    @Slot(object)
    def undo_delete(self, matter_id) -> None:
        actor = self.ctx.operator_id
        self.ctx.op(self, lambda db: services.ledger.restore_matter(db, actor, matter_id)).run()

    # ------------------------------------------------------------ printing

    def print_dialog(self, kind: str, month=None) -> LedgerPrintDialog:
        return LedgerPrintDialog(
            self.ctx, kind, month or self.month_combo.currentData(), parent=self
        )

    def print_month(self, kind: str, month=None) -> PrintRun | None:
        """打印公示 / 打印月底台账: choose the month, then the preview."""
        dialog = self.print_dialog(kind, month)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return None
        self.last_print = dialog.start(self)
        return self.last_print

    @Slot(object)
    def print_referral(self, matter) -> PrintRun | None:
        dialog = ReferralDialog(self.ctx, matter.number, parent=self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return None
        self.last_print = dialog.start(self)
        return self.last_print

    def print_in_context(self) -> PrintRun | None:
        current = self.views.currentWidget()
        if current is self.detail and self.detail.can_print_referral():
            return self.print_referral(self.detail.matter)
        if current is self.review:
            return self.print_month(LedgerPrintDialog.SHEET, self.review.month_combo.currentData())
        return self.print_month(LedgerPrintDialog.NOTICE)

    def save_state(self, settings) -> None:
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def restore_state(self, settings) -> None:
        state = settings.value(HEADER_KEY)
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
