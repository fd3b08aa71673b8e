"""The 民情日记 page: the list of entries (by date, cadre, mode, household),
the drafts waiting to be finished, and the editor.

The list redraws from ``ctx.data_changed`` (whoever wrote the entry); deleting
and restoring an entry are ops, saving one is the editor's.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.queries.diary import DiaryFilter
from village_desk.ui.pages.base import DIARY_TABLES, Page
from village_desk.ui.pages.diary.drafts import DraftStore, drafts_dir
from village_desk.ui.pages.diary.editor import DiaryEditor
from village_desk.ui.pages.diary.model import ENTRY_ID_ROLE, VILLAGE_COLUMN, DiaryTableModel
from village_desk.ui.printing.dialogs import DiaryPrintDialog
from village_desk.ui.printing.preview import PrintRun
from village_desk.ui.widgets.filter_bar import FilterBar, describe, with_value
from village_desk.ui.widgets.forms import destructive, refill_combo
from village_desk.ui.widgets.modal import run_modal
from village_desk.ui.widgets.pickers import HouseholdFilterEdit
from village_desk.ui.widgets.sizing import fit_header, fit_lines
from village_desk.ui.widgets.undo_bar import UndoBar
from village_desk.ui.widgets.village_choice import VillageFilter

DRAFT_ROLE = Qt.ItemDataRole.UserRole + 40
HEADER_KEY = "diary/header"
UNDO_SECONDS = 30


class DiaryPage(Page):
    # entries, and what the list shows of others: household labels, cadre
    # names, mode labels
    watches = DIARY_TABLES | {"household", "person", "cadre", "vocab_term"}
    open_matter_requested = Signal(object)

    def __init__(
        self,
        ctx,
        drafts: DraftStore | None = None,
        page_size: int = 200,
        parent: QWidget | None = None,
    ):
        super().__init__(ctx, parent)
        db = ctx.db
        self.last_message = ""
        self.drafts = drafts or DraftStore(drafts_dir(db))

        self.village_combo = VillageFilter(ctx)  # a township office's villages
        self.cadre_combo = QComboBox()
        self.mode_combo = QComboBox()
        self.household_edit = HouseholdFilterEdit(db)
        self.household_edit.setMinimumWidth(160)
        self.household_edit.setMaximumWidth(300)
        self.since_check = QCheckBox(self.tr("From"))
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1))
        self.until_check = QCheckBox(self.tr("Until"))
        self.until_edit = QDateEdit(QDate.currentDate())
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.new_button = QPushButton(self.tr("New entry…"))
        self.new_button.setToolTip(self.tr("New diary entry (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("Open"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.print_button = QPushButton(self.tr("Print visit diary…"))
        self.print_button.setToolTip(
            self.tr("A cadre's entries for a period, for the township's spot check (Ctrl+P)")
        )
        self.undo_bar = UndoBar(UNDO_SECONDS)
        self.filter_bar = FilterBar()  # says so when the list is filtered
        self.clear_button = self.filter_bar.button  # 清除筛选, where the filters are named
        self.count_label = QLabel()
        self._load_choices()
        filters = QHBoxLayout()
        filters.addWidget(self.village_combo.label)
        filters.addWidget(self.village_combo)
        filters.addWidget(QLabel(self.tr("Cadre")))
        filters.addWidget(self.cadre_combo)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Mode")))
        filters.addWidget(self.mode_combo)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Household")))
        filters.addWidget(self.household_edit)
        filters.addStretch(1)
        dates = QHBoxLayout()
        dates.addWidget(self.since_check)
        dates.addWidget(self.since_edit)
        dates.addSpacing(12)
        dates.addWidget(self.until_check)
        dates.addWidget(self.until_edit)
        dates.addSpacing(12)
        dates.addStretch(1)
        dates.addWidget(self.count_label)
        actions = QHBoxLayout()
        for b in (self.new_button, self.open_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addSpacing(24)
        actions.addWidget(destructive(self.delete_button))  # last, apart

        self.drafts_label = QLabel()
        self.drafts_list = QListWidget()
        fit_lines(self.drafts_list, 3, maximum=True)
        self.resume_button = QPushButton(self.tr("Continue draft"))
        drafts_row = QHBoxLayout()
        drafts_row.addWidget(self.drafts_list, 1)
        drafts_row.addWidget(self.resume_button, 0, Qt.AlignmentFlag.AlignTop)
        self.drafts_box = QWidget()
        dl = QVBoxLayout(self.drafts_box)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.drafts_label)
        dl.addLayout(drafts_row)

        self.model = DiaryTableModel(db, page_size=page_size, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        fit_header(self.table, (100, 80, 110, 230, 300))
        # 反映问题 (“2 当场解决，1 转入台账”) is shown whole
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.ResizeToContents)
        self.model.village_names = self.village_combo.names
        if self.village_combo.township:  # 村 first at a township office
            header.moveSection(VILLAGE_COLUMN, 0)
        else:
            self.table.setColumnHidden(VILLAGE_COLUMN, True)

        list_page = QWidget()
        layout = QVBoxLayout(list_page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addLayout(actions)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.drafts_box)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)

        self.editor = DiaryEditor(ctx, self.drafts)
        self.views = QStackedWidget()
        self.views.addWidget(list_page)
        self.views.addWidget(self.editor)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.views)

        self.village_combo.currentIndexChanged.connect(self.apply_filter)
        self.cadre_combo.currentIndexChanged.connect(self.apply_filter)
        self.mode_combo.currentIndexChanged.connect(self.apply_filter)
        self.household_edit.changed.connect(self.apply_filter)
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            check.toggled.connect(self.apply_filter)
            edit.dateChanged.connect(self.apply_filter)
        self.filter_bar.show_all_requested.connect(self.clear_filters)
        self.new_button.clicked.connect(lambda: self.new_entry())
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(self.open_selected)
        self.table.activated.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button.clicked.connect(self.print_diary)
        self.undo_bar.undo_requested.connect(self.undo_delete)
        self.editor.delete_requested.connect(self.delete_entry)
        self.resume_button.clicked.connect(self.resume_selected_draft)
        self.drafts_list.itemDoubleClicked.connect(self.resume_selected_draft)
        self.editor.saved.connect(self._on_saved)
        self.editor.closed.connect(self.show_list)
        self.editor.open_matter_requested.connect(self.open_matter_requested)
        self._update_count()
        self.refresh_drafts()

    def _load_choices(self) -> None:
        """Fill the cadre and mode filters; a chosen entry stays chosen."""
        cadres = self.ctx.read(queries.reference.cadres, include_inactive=True)
        modes = self.ctx.read(queries.reference.vocabulary, "visit_mode", include_retired=True)
        refill_combo(
            self.cadre_combo,
            [(self.tr("All cadres"), None)] + [(c.name, str(c.id)) for c in cadres],
        )
        refill_combo(
            self.mode_combo, [(self.tr("All modes"), None)] + [(t.label, t.code) for t in modes]
        )
        if hasattr(self, "village_combo"):
            self.village_combo.reload()

    def reload_choices(self) -> None:
        """After a settings change: filters and the editor offer the new choices."""
        before = self.current_filter()
        self._load_choices()
        self.editor.reload_choices()
        if self.current_filter() != before:  # a chosen cadre or mode is gone
            self.apply_filter()

    def current_filter(self) -> DiaryFilter:
        cadre = self.cadre_combo.currentData()
        since = None
        if self.since_check.isChecked():
            d = self.since_edit.date()
            since = d.toPython()
        until = None
        if self.until_check.isChecked():
            d = self.until_edit.date()
            until = d.toPython()
        return DiaryFilter(
            village_id=self.village_combo.village_id(),
            author_id=uuid.UUID(cadre) if cadre else None,
            mode=self.mode_combo.currentData(),
            since=since,
            until=until,
            household_id=self.household_edit.household_id(),
        )

    def has_filter(self) -> bool:
        return self.current_filter() != DiaryFilter()

    @Slot()
    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()

    def _set_filters(self, household_id: uuid.UUID | None = None) -> None:
        widgets = (
            self.village_combo,
            self.cadre_combo,
            self.mode_combo,
            self.since_check,
            self.until_check,
        )
        for w in widgets:
            w.blockSignals(True)
        self.village_combo.setCurrentIndex(0)
        self.cadre_combo.setCurrentIndex(0)
        self.mode_combo.setCurrentIndex(0)
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            check.setChecked(False)
            edit.setEnabled(False)
        for w in widgets:
            w.blockSignals(False)
        self.household_edit.set_household(household_id, notify=False)
        self.apply_filter()

    @Slot()
    def clear_filters(self) -> None:
        self._set_filters()

    def show_household(self, household_id: uuid.UUID) -> None:
        """All diary entries of one household (other filters cleared)."""
        if self.is_editing():
            self.editor.close_editor()
        self.show_list()
        self._set_filters(household_id)

    def refresh(self) -> None:
        """Re-read the list (the selected entry and the scroll stay) and drafts."""
        selected = self._selected_id()
        scroll = self.table.verticalScrollBar().value()
        self.model.refresh()
        if selected is not None:
            row = self.model.row_of(selected)
            if row >= 0:
                self.table.selectRow(row)
        self.table.verticalScrollBar().setValue(scroll)
        self._update_count()
        self.refresh_drafts()

    def filter_summary(self) -> list[str]:
        """The filters that are on, in words (for the bar above the list)."""
        household = self.household_edit.text().strip()
        return describe(
            [
                (self.tr("Village"), self.village_combo),
                (self.tr("Cadre"), self.cadre_combo),
                (self.tr("Mode"), self.mode_combo),
                f"{self.tr('Household')}：{household}"
                if self.household_edit.household_id() and household
                else "",
                with_value(self.since_check, self.since_edit),
                with_value(self.until_check, self.until_edit),
            ]
        )

    def _update_count(self) -> None:
        self.filter_bar.set_filters(self.filter_summary())
        total = self.model.total
        if self.has_filter():
            self.count_label.setText(self.tr("{n} matching entries").format(n=total))
        else:
            self.count_label.setText(self.tr("{n} entries").format(n=total))

    def refresh_drafts(self) -> None:
        self.drafts_list.clear()
        drafts = self.drafts.list()
        for draft_id, data in drafts:
            who = "、".join(data.get("household_labels") or []) or data.get("place") or ""
            text = self.tr("Draft of {date}: {who} (saved {saved})").format(
                date=data.get("date", ""), who=who, saved=data.get("saved_at", "")[11:16]
            )
            item = QListWidgetItem(text)
            item.setData(DRAFT_ROLE, draft_id)
            self.drafts_list.addItem(item)
        self.drafts_label.setText(
            self.tr("{n} unfinished drafts (saved automatically):").format(n=len(drafts))
        )
        self.drafts_box.setVisible(bool(drafts))
        if drafts:
            self.drafts_list.setCurrentRow(0)

    # ------------------------------------------------------------ navigation

    def is_editing(self) -> bool:
        return self.views.currentWidget() is self.editor

    @Slot()
    def show_list(self) -> None:
        self.views.setCurrentIndex(0)
        self.refresh_drafts()

    def new_entry(self, household_ids: list[uuid.UUID] = ()) -> DiaryEditor:
        if self.editor.is_saving():  # the entry on screen is being saved
            return self.editor
        if self.is_editing():
            self.editor.save_draft()
        self.editor.start_new(list(household_ids))
        self.views.setCurrentWidget(self.editor)
        return self.editor

    def open_entry(self, entry_id: uuid.UUID) -> bool:
        if self.editor.is_saving():
            return False
        if self.is_editing():
            self.editor.save_draft()
        if not self.editor.open_entry(entry_id):
            return False
        self.views.setCurrentWidget(self.editor)
        return True

    def _selected_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return index.data(ENTRY_ID_ROLE)

    @Slot()
    def open_selected(self) -> None:
        eid = self._selected_id()
        if eid is not None:
            self.open_entry(eid)

    @Slot()
    def resume_selected_draft(self) -> None:
        item = self.drafts_list.currentItem()
        if item is None or self.editor.is_saving():
            return
        if self.editor.resume_draft(item.data(DRAFT_ROLE)):
            self.views.setCurrentWidget(self.editor)

    @Slot()
    def delete_selected(self) -> None:
        eid = self._selected_id()
        if eid is not None:
            self.delete_entry(eid)

    @Slot(object)
    def delete_entry(self, eid: uuid.UUID):
        """Delete after asking; the undo bar can bring it back. Returns the op
        (None when the entry is gone or the user said no)."""
        entry = self.ctx.read(queries.diary.entry, eid)
        if entry is None or entry.deleted:
            return None
        households = self.ctx.read(queries.diary.entry_households, eid)
        labels = self.ctx.read(queries.households.household_labels, households)
        answer = QMessageBox.question(
            self,
            self.tr("Delete entry"),
            self.tr(
                "Delete this diary entry? Matters created from it stay in the ledger. "
                "You can undo this right afterwards."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        who = "、".join(labels[h] for h in households if h in labels) or entry.place
        description = self.tr("diary entry of {date} {who}").format(
            date=entry.date.isoformat(), who=who
        )
        actor = self.ctx.operator_id

        def deleted(_tx) -> None:
            self.undo_bar.offer(eid, description)
            if self.is_editing() and self.editor.entry_id == eid:
                self.editor.forget()  # no draft of a deleted entry
                self.show_list()

        return (
            self.ctx.op(self, lambda db: services.diary.delete_entry(db, actor, eid))
            .busy(self.delete_button, self.editor.delete_button)
            .success(deleted)
            .run()
        )

    @Slot(object)
    def undo_delete(self, eid: uuid.UUID):
        actor = self.ctx.operator_id
        return self.ctx.op(self, lambda db: services.diary.restore_entry(db, actor, eid)).run()

    # ------------------------------------------------------------ printing

    def diary_print_dialog(self) -> DiaryPrintDialog:
        cadre = self.cadre_combo.currentData() or (
            self.editor.author_combo.currentData() if self.is_editing() else None
        )
        return DiaryPrintDialog(self.ctx, cadre or self.ctx.operator_id, parent=self)

    @Slot()
    def print_diary(self) -> PrintRun | None:
        """打印民情日记: cadre and period, then the preview."""
        dialog = self.diary_print_dialog()
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return None
        self.last_print = dialog.start(self)
        return self.last_print

    @Slot(object, list)
    def _on_saved(self, entry_id, matter_ids: list) -> None:
        """Back to the list (which redraws from ``data_changed``), with a
        message naming the matters its items became."""
        self.show_list()
        matters = [self.ctx.read(queries.matters.matter, mid) for mid in matter_ids]
        numbers = "、".join(m.number for m in matters if m is not None)
        if numbers:
            message = self.tr("The diary entry was saved. Entered in the ledger: {numbers}")
            message = message.format(numbers=numbers)
        else:
            message = self.tr("The diary entry was saved.")
        self.last_message = message
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 8000)

    def save_state(self, settings) -> None:
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
        if self.is_editing():
            self.editor.save_draft()

    def restore_state(self, settings) -> None:
        state = settings.value(HEADER_KEY)
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
