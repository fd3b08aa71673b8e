"""Exporting the township ledger workbook (导出台账) from the 数据交换 page.

:class:`LedgerExportPanel` holds the choices — the period (month, quarter,
year or a custom range; this month by default), 制表人 (the current operator)
and whether ID numbers and phones are shown in full (not by default, and only
after a warning) — asks where to save, and runs
:func:`village_desk.core.excel.ledger_export.export_ledger` as a task
(``ctx.task``, a reader thread) with a progress dialog (shown after ~0.5 s).
Cancel stops the export through its :class:`~village_desk.core.jobs.Job`; the
core then removes its temporary file, so nothing is left behind.

The file dialogs, the warning and "open the folder" go through attributes
(:attr:`LedgerExportPanel.ask_save_path` …) that tests replace.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QProcess, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.core.domain.validation import ValidationError
from village_desk.core.excel import Period
from village_desk.core.jobs import Job
from village_desk.ui.errors import describe
from village_desk.ui.lock import is_inspector
from village_desk.ui.ops import Task
from village_desk.ui.widgets.files import start_folder
from village_desk.ui.widgets.forms import ERROR_STYLE, HINT_STYLE, error_label

LAST_EXPORT_KEY = "exchange/last_export"  # read by the main window's status bar
LAST_FOLDER_KEY = "exchange/last_folder"
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|]')


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> dt.date:
    return d.toPython()


def show_in_folder(path: Path) -> None:
    """Open the folder holding ``path`` (with the file selected on Windows)."""
    if sys.platform == "win32":
        QProcess.startDetached("explorer.exe", ["/select,", str(path)])
    else:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class PeriodChooser(QWidget):
    """Month / quarter / year / custom range; :meth:`period` gives the core's Period."""

    changed = Signal()
    MONTH, QUARTER, YEAR, CUSTOM = range(4)

    def __init__(self, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(
            [self.tr("Month"), self.tr("Quarter"), self.tr("Year"), self.tr("Custom range")]
        )
        self.kind_combo.setAccessibleName(self.tr("Kind of period"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.year_spin.setSuffix(self.tr(" (year)"))
        self.month_combo = QComboBox()
        for m in range(1, 13):
            self.month_combo.addItem(self.tr("{n} (month)").format(n=m), m)
        self.month_combo.setCurrentIndex(today.month - 1)
        self.quarter_combo = QComboBox()
        for q, name in enumerate(
            [self.tr("Q1"), self.tr("Q2"), self.tr("Q3"), self.tr("Q4")], start=1
        ):
            self.quarter_combo.addItem(name, q)
        self.quarter_combo.setCurrentIndex((today.month - 1) // 3)
        self.start_edit = QDateEdit(_qdate(today.replace(day=1)))
        self.end_edit = QDateEdit(_qdate(today))
        self.range_sep = QLabel(self.tr("to"))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.span_label = QLabel()
        self.span_label.setStyleSheet(HINT_STYLE)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for w in (
            self.kind_combo,
            self.year_spin,
            self.month_combo,
            self.quarter_combo,
            self.start_edit,
            self.range_sep,
            self.end_edit,
        ):
            row.addWidget(w)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.span_label)

        self.kind_combo.currentIndexChanged.connect(self._update)
        self.year_spin.valueChanged.connect(self._update)
        self.month_combo.currentIndexChanged.connect(self._update)
        self.quarter_combo.currentIndexChanged.connect(self._update)
        self.start_edit.dateChanged.connect(self._update)
        self.end_edit.dateChanged.connect(self._update)
        self._update()

    def set_kind(self, kind: int) -> None:
        self.kind_combo.setCurrentIndex(kind)

    def period(self) -> Period:
        """The chosen period; :class:`ValidationError` for an impossible range."""
        kind = self.kind_combo.currentIndex()
        year = self.year_spin.value()
        if kind == self.MONTH:
            return Period.month(year, self.month_combo.currentData())
        if kind == self.QUARTER:
            return Period.quarter(year, self.quarter_combo.currentData())
        if kind == self.YEAR:
            return Period.year(year)
        return Period.custom(_pydate(self.start_edit.date()), _pydate(self.end_edit.date()))

    @Slot()
    def _update(self) -> None:
        kind = self.kind_combo.currentIndex()
        self.year_spin.setVisible(kind != self.CUSTOM)
        self.month_combo.setVisible(kind == self.MONTH)
        self.quarter_combo.setVisible(kind == self.QUARTER)
        for w in (self.start_edit, self.range_sep, self.end_edit):
            w.setVisible(kind == self.CUSTOM)
        try:
            period = self.period()
        except ValidationError as err:
            self.span_label.setText(err.message)
            self.span_label.setStyleSheet(ERROR_STYLE)
        else:
            self.span_label.setText(
                self.tr("{label}: {start} to {end}").format(
                    label=period.label,
                    start=f"{period.start:%Y-%m-%d}",
                    end=f"{period.end:%Y-%m-%d}",
                )
            )
            self.span_label.setStyleSheet(HINT_STYLE)
        self.changed.emit()


class LedgerExportPanel(QGroupBox):
    """The 导出台账 box: choices, save dialog, export in the background, result."""

    exported = Signal(str)  # when, as shown in the status bar ("2026-11-05 14:30")

    def __init__(self, ctx, today: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Export the ledger workbook (Excel)"))
        self.ctx = ctx
        self.prefs = ctx.prefs
        self.today = today or dt.date.today()
        self.job: Task | None = None  # the export under way
        self.last_path: Path | None = None
        self._operator_name = ""
        # Replaced in tests; each stands for a dialog the user answers.
        self.ask_save_path: Callable[[str], str] = self._ask_save_path
        self.confirm_unmasked: Callable[[], bool] = self._confirm_unmasked
        self.open_folder: Callable[[Path], None] = show_in_folder

        intro = QLabel(
            self.tr(
                "One workbook for the township: matters, overdue matters, visit diary, contact "
                "households, cadre visit statistics, pairing checks, a summary, public "
                "commitments, meetings, disputes and the cadres' yearly assessment, for the chosen period."
            )
        )
        intro.setWordWrap(True)
        self.period_chooser = PeriodChooser(self.today)
        self.prepared_by_edit = QLineEdit()
        self.prepared_by_edit.setAccessibleName(self.tr("Prepared by"))
        self.prepared_by_edit.setMaximumWidth(240)
        self.unmasked_check = QCheckBox(self.tr("Show full ID numbers and phone numbers"))
        self.unmasked_check.setToolTip(
            self.tr("By default the middle digits are hidden, e.g. 430521********1234.")
        )
        self.unmasked_check.toggled.connect(self._unmasked_toggled)
        # An inspector's read-only session exports masked numbers only.
        self.unmasked_check.setEnabled(not is_inspector(ctx))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.period_chooser)
        form.addRow(self.tr("Prepared by"), self.prepared_by_edit)
        form.addRow("", self.unmasked_check)

        # the result of the last export, with a way to the file
        self.result_frame = QFrame()
        self.result_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.result_frame.setStyleSheet("QFrame { background: #eaf5ea; }")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.open_folder_button = QPushButton(self.tr("Open the folder"))
        self.open_folder_button.clicked.connect(self._open_folder)
        result_row = QHBoxLayout(self.result_frame)
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.open_folder_button)
        self.result_frame.hide()

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.result_frame)
        self.period_chooser.changed.connect(self.error.hide)

    # ------------------------------------------------------------ choices

    def set_operator_name(self, name: str) -> None:
        """The current operator becomes 制表人 unless the user typed someone else."""
        current = self.prepared_by_edit.text().strip()
        if not current or current == self._operator_name:
            self.prepared_by_edit.setText(name)
        self._operator_name = name

    @Slot(bool)
    def _unmasked_toggled(self, checked: bool) -> None:
        if checked and not self.confirm_unmasked():
            self.unmasked_check.setChecked(False)

    def _confirm_unmasked(self) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Full ID numbers and phones"),
            self.tr(
                "The workbook will contain villagers' full ID numbers and phone numbers. "
                "These are personal data: send the file only to those who need it, do not "
                "post it in chat groups, and delete copies you no longer need.\n\n"
                "Export the full numbers?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def default_file_name(self, period: Period) -> str:
        profile = self.ctx.read(queries.reference.profile)
        village = profile.village if profile else ""
        name = self.tr("{village}ledger-{period}.xlsx").format(village=village, period=period.label)
        return _NOT_IN_FILE_NAMES.sub("-", name)

    def _ask_save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the ledger workbook"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        return path

    def _start_folder(self) -> str:
        return start_folder(self.prefs, "ledger")  # the last export's folder, else Documents

    # ------------------------------------------------------------ export

    @Slot()
    def export(self) -> None:
        """Ask where to save, then export in the background."""
        self.error.hide()
        try:
            period = self.period_chooser.period()
        except ValidationError as err:
            self._show_error(err.message)
            return
        suggested = str(Path(self._start_folder()) / self.default_file_name(period))
        chosen = self.ask_save_path(suggested)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self.export_to(path, period)

    def export_to(self, path: Path, period: Period) -> Task:
        from village_desk.core.excel.ledger_export import export_ledger

        db = self.ctx.db
        unmasked = self.unmasked_check.isChecked() and not is_inspector(self.ctx)
        prepared_by, today = self.prepared_by_edit.text().strip(), self.today
        actor_id = self.ctx.operator_id

        def work(job: Job):
            return export_ledger(
                db,
                path,
                period,
                unmasked=unmasked,
                prepared_by=prepared_by,
                today=today,
                job=job,
                actor_id=actor_id,
            )

        self.result_frame.hide()
        self.job = (
            self.ctx.task(self, work)
            .progress(self.tr("Exporting the ledger for {period}…").format(period=period.label))
            .busy(self.export_button)
            .always(self._ended)
            .success(self._exported)
            .failure(self._failed)
            .cancelled(
                lambda: self._show_error(
                    self.tr("Export cancelled; no file was written."), hint=True
                )
            )
            .run()
        )
        self.job.dialog.setWindowTitle(self.title())
        return self.job

    def _ended(self) -> None:
        self.job = None

    def _exported(self, summary) -> None:
        self.last_path = Path(summary.path)
        self.prefs.setValue(LAST_FOLDER_KEY, str(self.last_path.parent))
        when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        self.prefs.setValue(LAST_EXPORT_KEY, when)
        masked = (
            self.tr("ID numbers and phones are masked.")
            if summary.masked
            else self.tr("Full ID numbers and phones: keep the file safe.")
        )
        self.result_label.setText(
            self.tr(
                "Exported {period}: {matters} matters, {entries} diary entries, "
                "{households} households, {cadres} cadres. {masked}\nFile: {path}"
            ).format(
                period=summary.period.label,
                matters=summary.matters,
                entries=summary.diary_entries,
                households=summary.households,
                cadres=summary.cadres,
                masked=masked,
                path=self.last_path,
            )
        )
        self.result_frame.show()
        self.open_folder_button.setFocus()
        self.exported.emit(when)

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, OSError):
            reason = self.tr("The file could not be written: {reason}").format(
                reason=err.strerror or str(err)
            )
        else:
            reason = describe(err)
        self._show_error(
            self.tr("The ledger could not be exported: {reason}").format(reason=reason)
        )

    def _show_error(self, message: str, hint: bool = False) -> None:
        self.error.setText(message)
        self.error.setStyleSheet(HINT_STYLE if hint else ERROR_STYLE)
        self.error.show()

    @Slot()
    def _open_folder(self) -> None:
        if self.last_path is not None:
            self.open_folder(self.last_path)
