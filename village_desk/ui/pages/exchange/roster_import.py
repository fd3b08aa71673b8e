"""The 导入花名册 dialog: file → sheet → columns → dry run → import → result.

Step 1 chooses the file (.xlsx/.xls/.ods) and a sheet (or all sheets) and
shows the columns the importer recognised, each with a combo box to correct
it; corrections are remembered through the core's ``roster_header_map``
setting when the import is applied. Step 2 is the dry run
(:func:`~village_desk.core.excel.roster_import.plan_import`): every row with
its result and reason, colour-coded, counts on top, and a check box on each
row that would be created or updated. 导入 applies the ticked rows in one
transaction (:func:`~village_desk.core.excel.roster_import.apply_import`);
保存未导入的行… writes the refused rows with their reasons for correction.

Reading, planning and saving the refused rows are tasks (``ctx.task``, a
reader thread); the import is an op on the writer thread (``ctx.op``) with
progress and Cancel, and stores the column corrections in its own
transaction. A bad file shows the core's message in the dialog and changes
nothing; a cancelled import writes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.core.excel.roster_read import FIELDS
from village_desk.core.jobs import Job
from village_desk.ui.errors import describe
from village_desk.ui.ops import Op
from village_desk.ui.pages.exchange.roster_model import (
    ACTION_COLORS,
    ACTIONS,
    ActionFilter,
    MappingRow,
    RosterResultModel,
    SheetPreview,
    inspect_roster,
    mapping_rows,
)
from village_desk.ui.widgets.files import start_folder
from village_desk.ui.widgets.forms import ERROR_STYLE, HINT_STYLE, error_label, heading
from village_desk.ui.widgets.sizing import fit_to_screen

LAST_FOLDER_KEY = "exchange/roster_folder"


class RosterImportDialog(QDialog):
    imported = Signal(object)  # the applied ImportPlan
    STEP_FILE, STEP_REVIEW = range(2)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.prefs = ctx.prefs
        self.path: Path | None = None
        self.previews: list[SheetPreview] = []
        self.mapping: list[MappingRow] = []
        self.plan = None
        self.applied = False
        self.job: Op | None = None  # the task or op under way
        self._busy = self._cancellable = False
        # Replaced in tests; each stands for a file dialog the user answers.
        self.ask_open_path: Callable[[str], str] = self._ask_open_path
        self.ask_save_path: Callable[[str], str] = self._ask_save_path
        self.labels = {
            "created": self.tr("New"),
            "updated": self.tr("Update"),
            "unchanged": self.tr("Unchanged"),
            "refused": self.tr("Not imported"),
            "skipped": self.tr("Skipped"),
        }
        self.setWindowTitle(self.tr("Import a household roster"))
        fit_to_screen(self, QSize(1000, 640))  # smaller on a small screen

        self.error = error_label()
        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_step())
        self.stack.addWidget(self._review_step())

        self.back_button = QPushButton(self.tr("Back"))
        self.check_button = QPushButton(self.tr("Check (dry run)"))
        self.rejects_button = QPushButton(self.tr("Save rows not imported…"))
        self.import_button = QPushButton(self.tr("Import"))
        self.close_button = QPushButton(self.tr("Close"))
        self.back_button.clicked.connect(self.back)
        self.check_button.clicked.connect(self.dry_run)
        self.rejects_button.clicked.connect(self.save_rejects)
        self.import_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for b in (self.rejects_button, self.check_button, self.import_button, self.close_button):
            buttons.addWidget(b)
            b.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._go(self.STEP_FILE)

    # ------------------------------------------------------------ step 1

    def _file_step(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Choose the roster file (.xlsx, .xls or .ods). Title rows above the header, "
                "several sheets, blank and subtotal rows are fine. People already registered "
                "are matched by ID number; nothing is written until you press Import."
            )
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File")))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        # A township office holds many villages: a roster is one village's.
        self.township = bool(self.ctx.read(queries.reference.is_township))
        self.village_combo = QComboBox()
        self.village_combo.setAccessibleName(self.tr("Village"))
        self.village_combo.setMaxVisibleItems(25)
        self.village_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.village_combo.addItem(self.tr("Choose the roster's village…"), None)
        if self.township:
            for v in self.ctx.read(queries.reference.village_profiles):
                self.village_combo.addItem(v.village, str(v.id))
        self.village_combo.currentIndexChanged.connect(self.error.hide)
        village_row = QHBoxLayout()
        self.village_label = QLabel(self.tr("Village"))
        village_row.addWidget(self.village_label)
        village_row.addWidget(self.village_combo)
        village_row.addStretch(1)
        self.village_label.setVisible(self.township)
        self.village_combo.setVisible(self.township)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(24)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(QLabel(self.tr("Sheet")))
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addStretch(1)
        self.mapping_note = QLabel(
            self.tr(
                "Columns found in the file and what they are imported as. Correct a wrong "
                "one with its list; the correction is remembered for the next roster."
            )
        )
        self.mapping_note.setWordWrap(True)
        self.mapping_note.setStyleSheet(HINT_STYLE)
        self.mapping_table = QTableWidget(0, 4)
        self.mapping_table.setHorizontalHeaderLabels(
            [
                self.tr("Column in the file"),
                self.tr("Where"),
                self.tr("Example"),
                self.tr("Import as"),
            ]
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping_error = error_label()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("1. File and columns"), 1.3))
        layout.addWidget(intro)
        layout.addLayout(village_row)
        layout.addLayout(file_row)
        layout.addLayout(sheet_row)
        layout.addWidget(self.mapping_note)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.mapping_error)
        return page

    def _ask_open_path(self, folder: str) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a household roster"),
            folder,
            self.tr("Spreadsheets (*.xlsx *.xls *.ods);;All files (*)"),
        )
        return path

    def _folder(self) -> str:
        return start_folder(self.prefs, "roster")  # the last roster's folder, else Documents

    @Slot()
    def choose_file(self) -> None:
        chosen = self.ask_open_path(self._folder())
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path) -> Op:
        """Read the file's sheets and headers (a task)."""
        self.error.hide()
        db = self.ctx.db

        def work(_job: Job):
            return inspect_roster(db, path)

        def done(previews):
            self.path = path
            self.prefs.setValue(LAST_FOLDER_KEY, str(path.parent))
            self.path_edit.setText(str(path))
            self._show_previews(previews)

        return self._run(
            self.tr("Reading {name}…").format(name=path.name), work, done, indeterminate=True
        )

    def _show_previews(self, previews: list[SheetPreview]) -> None:
        self.previews = previews
        self.plan = None
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        usable = [p for p in previews if p.header is not None]
        if len(usable) > 1:
            self.sheet_combo.addItem(
                self.tr("All sheets ({n} with a roster)").format(n=len(usable)), None
            )
        for p in previews:
            if p.header is None:
                self.sheet_combo.addItem(
                    self.tr("{sheet} (no roster header found)").format(sheet=p.name), p.name
                )
                item = self.sheet_combo.model().item(self.sheet_combo.count() - 1)
                item.setEnabled(False)
            else:
                self.sheet_combo.addItem(
                    self.tr("{sheet} ({n} rows)").format(sheet=p.name, n=p.data_rows), p.name
                )
        self.sheet_combo.setCurrentIndex(0)
        self.sheet_combo.blockSignals(False)
        self._sheet_changed()

    def sheet(self) -> str | None:
        """The chosen sheet's name, or None for all sheets."""
        return self.sheet_combo.currentData()

    def village_id(self) -> uuid.UUID | None:
        """At a township office, the village chosen for the roster."""
        data = self.village_combo.currentData()
        return uuid.UUID(data) if data else None

    @Slot()
    def _sheet_changed(self) -> None:
        sheet = self.sheet()
        chosen = [p for p in self.previews if sheet is None or p.name == sheet]
        self.mapping = mapping_rows(chosen)
        self.mapping_table.setRowCount(len(self.mapping))
        for i, m in enumerate(self.mapping):
            for col, text in enumerate((m.text, m.where, m.sample)):
                self.mapping_table.setItem(i, col, QTableWidgetItem(text))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            for key, label in FIELDS.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(m.detected), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(i, 3, combo)
        self._mapping_changed()

    def field_combo(self, header_text: str) -> QComboBox:
        """The combo box choosing what the column ``header_text`` is imported as."""
        for i, m in enumerate(self.mapping):
            if m.text == header_text:
                return self.mapping_table.cellWidget(i, 3)
        raise KeyError(header_text)

    def corrections(self) -> dict[str, str]:
        """header → field for the columns the user changed (the core's mapping)."""
        out = {}
        for i, m in enumerate(self.mapping):
            chosen = self.mapping_table.cellWidget(i, 3).currentData()
            if chosen != m.detected:
                out[m.key] = chosen
        return out

    @Slot()
    def _mapping_changed(self) -> None:
        self.plan = None
        chosen = [
            self.mapping_table.cellWidget(i, 3).currentData() for i in range(len(self.mapping))
        ]
        twice = sorted({FIELDS[f] for f in chosen if f and chosen.count(f) > 1})
        if self.path is not None and "name" not in chosen:
            self.mapping_error.setText(self.tr("One column must be imported as 姓名 (name)."))
            self.mapping_error.setStyleSheet(ERROR_STYLE)
            self.mapping_error.show()
        elif twice:
            self.mapping_error.setText(
                self.tr("Several columns are imported as {fields}; only the first is used.").format(
                    fields="、".join(twice)
                )
            )
            self.mapping_error.setStyleSheet(HINT_STYLE)
            self.mapping_error.show()
        else:
            self.mapping_error.hide()
        self._update_buttons()

    # ------------------------------------------------------------ step 2

    def _review_step(self) -> QWidget:
        page = QWidget()
        self.review_heading = heading(self.tr("2. Check before importing"), 1.3)
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.counts_label.setWordWrap(True)
        self.selection_label = QLabel()
        self.selection_label.setWordWrap(True)
        self.selection_label.setStyleSheet(HINT_STYLE)
        self.filter_combo = QComboBox()
        self.filter_combo.addItem(self.tr("All rows"), None)
        for action in ACTIONS:
            self.filter_combo.addItem(self.labels[action], action)
        self.filter_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_action(self.filter_combo.currentData())
        )
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.counts_label, 1)
        filter_row.addWidget(QLabel(self.tr("Show")))
        filter_row.addWidget(self.filter_combo)
        self.model = RosterResultModel(
            self.labels,
            [
                self.tr("Import"),
                self.tr("Sheet"),
                self.tr("Row"),
                self.tr("Household no."),
                self.tr("Name"),
                self.tr("Result"),
                self.tr("Reason"),
            ],
            self,
        )
        self.model.selection_changed.connect(self._selection_changed)
        self.proxy = ActionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.review_heading)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.selection_label)
        return page

    def _run(
        self,
        label: str,
        work: Callable[[Job], object],
        done: Callable,
        *,
        indeterminate: bool = False,
        cancellable: bool = True,
    ) -> Op:
        """A task that only reads or writes files, with a progress dialog.

        ``indeterminate``: the work reports no progress (a busy indicator
        instead). Cancel — or closing this dialog — drops the result."""

        def run(job: Job):
            result = work(job)
            if cancellable:
                job.check()  # cancelled while it ran: the result is dropped
            return result

        task = self.ctx.task(self, run)
        return self._start(task, label, done, indeterminate, cancellable)

    def _start(self, op: Op, label: str, done, indeterminate: bool, cancellable: bool) -> Op:
        self._set_busy(True)
        # Closing this dialog cancels reading and checking, not writing.
        self._cancellable = cancellable and not op.writes
        self.job = op.progress(label).always(self._ended).success(done)
        op.failure(self._show_error_of).run()
        op.dialog.setWindowTitle(self.windowTitle())
        if indeterminate:
            op.dialog.setRange(0, 0)
        if not cancellable:
            op.dialog.setCancelButton(None)
        return op

    def _ended(self) -> None:
        self.job = None
        self._set_busy(False)

    @Slot()
    def dry_run(self) -> Op | None:
        if self.path is None:
            return None
        self.error.hide()
        village = self.village_id()
        if self.township and village is None:
            self._show_error(self.tr("Choose the village the roster is of."))
            self.village_combo.setFocus()
            return None
        db, path, sheet, mapping = self.ctx.db, self.path, self.sheet(), self.corrections()

        def work(job: Job):
            from village_desk.core.excel.roster_import import plan_import

            return plan_import(db, path, sheet=sheet, mapping=mapping, job=job, village_id=village)

        def done(plan):
            self.plan, self.applied = plan, False
            self.model.set_plan(plan)
            self._show_plan()
            self._go(self.STEP_REVIEW)

        return self._run(self.tr("Checking {name}…").format(name=path.name), work, done)

    def _show_plan(self) -> None:
        counts = self.plan.counts()
        parts = [
            f'<span style="background:{ACTION_COLORS[a]}">&nbsp;{self.labels[a]} '
            f"<b>{counts.get(a, 0)}</b>&nbsp;</span>"
            for a in ACTIONS
        ]
        prefix = self.tr("Imported:") if self.applied else self.tr("Dry run (nothing written yet):")
        self.counts_label.setText(prefix + " " + "&nbsp; ".join(parts))
        ignored = [
            self.tr("Sheet “{sheet}” not imported: {why}").format(sheet=s, why=why)
            for s, why in self.plan.ignored_sheets.items()
        ]
        self.table.setColumnHidden(RosterResultModel.COL_SHEET, len(self.plan.headers) < 2)
        self.table.setColumnHidden(RosterResultModel.COL_CHECK, self.applied)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(
            RosterResultModel.COL_REASON,
            max(self.table.columnWidth(RosterResultModel.COL_REASON), 200),
        )
        heading_text = (
            self.tr("3. Result") if self.applied else self.tr("2. Check before importing")
        )
        if self.township:  # which village the rows go to, in sight while checking them
            heading_text += " · " + self.village_combo.currentText()
        self.review_heading.setText(heading_text)
        self._selection_changed(extra=ignored)

    @Slot()
    def _selection_changed(self, extra: list[str] | None = None) -> None:
        if self.plan is None:
            return
        if self.applied:
            text = self.tr(
                "The import is done. Rows not imported can be saved, corrected and imported again."
            )
        else:
            left_out = len(self.model.excluded)
            text = self.tr(
                "{n} rows will be imported. Untick a row to leave it out; leaving out the "
                "head of a new household leaves out its members too."
            ).format(n=self.model.to_import())
            if left_out:
                text += " " + self.tr("({n} left out)").format(n=left_out)
        self.selection_label.setText("\n".join([text, *(extra or [])]))
        self._update_buttons()

    @Slot()
    def apply(self) -> Op | None:
        """Import the ticked rows (an op: one transaction, with Cancel)."""
        if self.plan is None or self.applied or self.path is None:
            return None
        self.error.hide()
        # the dry run's village: the choice is on step 1, which a new dry run leaves
        actor, path, village = self.ctx.operator_id, self.path, self.village_id()
        sheet, mapping, exclude = self.sheet(), self.corrections(), self.model.exclude()

        def work(db, job: Job):
            from village_desk.core.excel.roster_import import apply_import
            from village_desk.core.storage import backup

            if db.sqlite_path is not None:  # a copy to go back to, should the roster be wrong
                backup.backup_now(db.sqlite_path, "before-roster-import")
            return apply_import(
                db,
                path,
                actor,
                sheet=sheet,
                mapping=mapping,
                exclude=exclude,
                remember=True,
                job=job,
                village_id=village,
            )

        def done(plan):
            self.plan, self.applied = plan, True
            self.model.set_plan(plan, editable=False)
            self._show_plan()
            self.imported.emit(plan)

        def cancelled():
            self.error.setText(self.tr("Import cancelled; nothing was written."))
            self.error.setStyleSheet(HINT_STYLE)
            self.error.show()

        op = self.ctx.op(self, work).cancelled(cancelled)
        label = self.tr("Importing {name}…").format(name=path.name)
        return self._start(op, label, done, False, True)

    def _ask_save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save rows not imported"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        return path

    @Slot()
    def save_rejects(self) -> Op | None:
        if self.plan is None or self.path is None:
            return None
        suggested = self.path.with_name(
            self.tr("{name}-not imported.xlsx").format(name=self.path.stem)
        )
        chosen = self.ask_save_path(str(suggested))
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        plan = self.plan

        def work(_job: Job):
            from village_desk.core.excel.roster_import import write_rejects

            return write_rejects(plan, target)

        def done(n):
            self.selection_label.setText(
                self.tr("{n} rows not imported were saved to {path}.").format(n=n, path=target)
            )

        return self._run(
            self.tr("Saving rows not imported…"), work, done, indeterminate=True, cancellable=False
        )

    # ------------------------------------------------------------ state

    @Slot()
    def back(self) -> None:
        if not self.applied:
            self._go(self.STEP_FILE)

    def step(self) -> int:
        return self.stack.currentIndex()

    def _go(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self._update_buttons()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._busy
        review = self.step() == self.STEP_REVIEW
        names = [
            self.mapping_table.cellWidget(i, 3).currentData() for i in range(len(self.mapping))
        ]
        self.check_button.setVisible(not review)
        self.check_button.setEnabled(not busy and self.path is not None and "name" in names)
        self.choose_button.setEnabled(not busy)
        self.back_button.setVisible(review and not self.applied)
        self.import_button.setVisible(review)
        self.import_button.setEnabled(
            not busy and self.plan is not None and not self.applied and self.model.to_import() > 0
        )
        self.rejects_button.setVisible(review)
        self.rejects_button.setEnabled(
            not busy and self.plan is not None and bool(self.plan.refused)
        )
        self.close_button.setEnabled(not busy)
        self.close_button.setText(self.tr("Close") if self.applied else self.tr("Cancel"))
        (self.import_button if review else self.check_button).setDefault(True)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.show()

    def _show_error_of(self, err: BaseException) -> None:
        self._show_error(describe(err))

    def reject(self) -> None:
        if self.job is not None:
            if not self._cancellable:
                return  # an import (its progress dialog has Cancel) or a file being written
            self.job.cancel()  # reading or checking: its result is dropped
        super().reject()
