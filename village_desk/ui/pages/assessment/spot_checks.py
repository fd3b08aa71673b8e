"""日记抽查: the township's spot-checks of diaries (镇党委不定期抽查民情日记).

Above, the spot-checks made (newest first) with their counts; below, the
entries the selected one drew, each as it was written, and beside them the
finding for the selected entry: 真实 / 不够具体 / 未回访 / 不实, with a note
(required for anything but 真实). New draws, findings and deletions write
only the spot-check tables, so all of it works in the read-only inspector's
session too (``core/storage/roles.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.assessment import FINDINGS, pct
from village_desk.core.jobs import Job
from village_desk.ui.i18n import current_language
from village_desk.ui.pages.assessment.dialogs import DrawDialog, text_box
from village_desk.ui.pages.base import DataView
from village_desk.ui.printing.preview import PrintRun, generate_and_preview
from village_desk.ui.widgets.forms import (
    HINT_STYLE,
    FieldErrors,
    add_choose_entry,
    destructive,
    error_label,
    heading,
    set_combo_data,
)
from village_desk.ui.widgets.modal import run_modal

FINDINGS_EN = {
    "true": "True",
    "vague": "Not specific enough",
    "no_follow_up": "Not followed up",
    "false": "Not true",
}


def finding_text(code: str) -> str:
    if not code:
        return ""
    if current_language().startswith("en"):
        return FINDINGS_EN.get(code, code)
    return FINDINGS.get(code, code)


def item(value, number: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(str(value))
    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


def table(headers: list[str], stretch: int | None = None) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.setWordWrap(True)
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return t


class SpotChecksTab(DataView):
    watches = frozenset(
        {"spot_check", "spot_check_item", "diary_entry", "diary_household", "cadre"}
    )
    shown = Signal()  # the lists show the latest data

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.checks: list = []
        self.entries: list = []
        self.last_print: PrintRun | None = None
        self.new_button = QPushButton(self.tr("New spot-check…"))
        self.print_button = QPushButton(self.tr("Print record…"))
        self.delete_button = destructive(QPushButton(self.tr("Delete spot-check")))
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Spot-checks of diaries"), 1.2))
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.print_button)
        top.addSpacing(24)
        top.addWidget(self.delete_button)

        self.check_table = table(
            [
                self.tr("Checked on"),
                self.tr("Diaries of"),
                self.tr("Written"),
                self.tr("Inspector"),
                self.tr("In scope"),
                self.tr("Drawn"),
                self.tr("With a finding"),
                self.tr("True rate"),
                self.tr("Seed"),
                self.tr("Record no."),
            ],
            stretch=1,
        )
        self.check_table.setAccessibleName(self.tr("Spot-checks"))
        self.entry_table = table(
            [
                self.tr("No."),
                self.tr("Date"),
                self.tr("Written by"),
                self.tr("Mode"),
                self.tr("Households"),
                self.tr("What was written"),
                self.tr("Finding"),
                self.tr("Note"),
            ],
            stretch=5,
        )
        self.entry_table.setAccessibleName(self.tr("Entries drawn"))
        # what was written and what was found share the width (wrapped)
        self.entry_table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(HINT_STYLE)

        # the finding of the selected entry
        panel = QWidget()
        side = QVBoxLayout(panel)
        side.setContentsMargins(8, 0, 0, 0)
        side.addWidget(heading(self.tr("Finding"), 1.1))
        self.entry_view = QPlainTextEdit()
        self.entry_view.setReadOnly(True)
        self.entry_view.setProperty("notAnInput", True)
        self.entry_view.setAccessibleName(self.tr("The entry as written"))
        side.addWidget(self.entry_view, 1)
        form = QFormLayout()
        self.errors = FieldErrors(error_label())
        self.finding_combo = QComboBox()
        self.finding_combo.setAccessibleName(self.tr("Finding"))
        add_choose_entry(self.finding_combo)
        for code in FINDINGS:
            self.finding_combo.addItem(finding_text(code), code)
        self.note_edit = text_box(3)
        self.note_edit.setAccessibleName(self.tr("What was found"))
        self.note_edit.setPlaceholderText(
            self.tr("Required unless the entry is true: what was found")
        )
        for label, widget, key in (
            (self.tr("Finding"), self.finding_combo, "spot_check_item.finding"),
            (self.tr("What was found"), self.note_edit, "spot_check_item.note"),
        ):
            message = error_label()
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(widget)
            inner.addWidget(message)
            form.addRow(label, box)
            self.errors.register(key, widget, message)
        side.addLayout(form)
        side.addWidget(self.errors.general)
        self.save_finding_button = QPushButton(self.tr("Save finding"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_finding_button)
        side.addLayout(buttons)

        lower = QSplitter(Qt.Orientation.Horizontal)
        entries = QWidget()
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        entries_layout.addWidget(self.summary_label)
        entries_layout.addWidget(self.entry_table, 1)
        lower.addWidget(entries)
        lower.addWidget(panel)
        lower.setStretchFactor(0, 2)
        lower.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.check_table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_check)
        self.print_button.clicked.connect(self.print_record)
        self.delete_button.clicked.connect(self.delete_check)
        self.save_finding_button.clicked.connect(self.save_finding)
        self.check_table.itemSelectionChanged.connect(self.show_entries)
        self.entry_table.itemSelectionChanged.connect(self.show_entry)
        self.refresh()

    # ------------------------------------------------------------ reading

    def refresh(self) -> None:
        chosen = self.selected_check()
        self.checks = self.ctx.read(queries.assessment.spot_checks)
        self.check_table.blockSignals(True)
        self.check_table.setRowCount(len(self.checks))
        for r, c in enumerate(self.checks):
            values = [
                c.date.isoformat(),
                c.scope if c.village or c.cadre else self.tr("All diaries"),
                f"{c.period_start.isoformat()} – {c.period_end.isoformat()}",
                c.inspector,
                c.population,
                c.drawn,
                c.checked,
                pct(c.true_rate),
                c.seed,
                c.id.hex[:8],  # (print-spot-check --check takes it)
            ]
            for col, value in enumerate(values):
                self.check_table.setItem(r, col, item(value, number=4 <= col <= 8))
        self.check_table.blockSignals(False)
        wanted = chosen.id if chosen is not None else (self.checks[0].id if self.checks else None)
        if wanted is None or not self.select_check(wanted):
            self.check_table.clearSelection()
        self.show_entries()
        self.shown.emit()

    def selected_check(self):
        r = self.check_table.currentRow()
        if 0 <= r < len(self.checks) and self.check_table.selectionModel().hasSelection():
            return self.checks[r]
        return None

    def select_check(self, check_id) -> bool:
        for r, c in enumerate(self.checks):
            if c.id == check_id:
                self.check_table.selectRow(r)
                return True
        return False

    def selected_entry(self):
        r = self.entry_table.currentRow()
        if 0 <= r < len(self.entries) and self.entry_table.selectionModel().hasSelection():
            return self.entries[r]
        return None

    def select_entry(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.entry_table.selectRow(row)

    def show_entries(self) -> None:
        check = self.selected_check()
        before = self.selected_entry()
        self.print_button.setEnabled(check is not None)
        self.delete_button.setEnabled(check is not None)
        self.entries = self.ctx.read(queries.assessment.checked_entries, check.id) if check else []
        self.entry_table.blockSignals(True)
        self.entry_table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            text = e.text.replace("\n", "；")
            if e.entry_deleted:
                text = self.tr("(deleted since) {text}").format(text=text)
            values = [
                e.position,
                e.date.isoformat(),
                e.author,
                e.mode,
                e.households,
                text,
                finding_text(e.finding) or self.tr("Not yet"),
                e.note,
            ]
            for col, value in enumerate(values):
                self.entry_table.setItem(r, col, item(value, number=col == 0))
        self.entry_table.resizeRowsToContents()
        self.entry_table.blockSignals(False)
        if check is None:
            self.summary_label.setText(
                self.tr("No spot-check yet: “New spot-check…” draws diary entries to check.")
                if not self.checks
                else self.tr("Choose a spot-check to see the entries it drew.")
            )
        else:
            counts = "，".join(
                f"{finding_text(code)} {check.findings.get(code, 0)}" for code in FINDINGS
            )
            self.summary_label.setText(
                self.tr(
                    "{drawn} of {population} entries drawn with seed {seed}; "
                    "{checked} with a finding ({counts}); true rate {rate}."
                ).format(
                    drawn=check.drawn,
                    population=check.population,
                    seed=check.seed,
                    checked=check.checked,
                    counts=counts,
                    rate=pct(check.true_rate),
                )
                + (f"\n{check.note}" if check.note else "")
            )
        row = next(
            (r for r, e in enumerate(self.entries) if before and e.item_id == before.item_id), 0
        )
        if self.entries:
            self.select_entry(row)
        self.show_entry()

    def show_entry(self) -> None:
        e = self.selected_entry()
        self.errors.clear()
        for w in (self.finding_combo, self.note_edit, self.save_finding_button):
            w.setEnabled(e is not None)
        if e is None:
            self.entry_view.setPlainText("")
            self.finding_combo.setCurrentIndex(0)
            self.note_edit.setPlainText("")
            return
        head = f"{e.position}. {e.date.isoformat()} {e.author}　{e.mode}"
        lines = [head]
        if e.households:
            lines.append(self.tr("Households: {text}").format(text=e.households))
        if e.place:
            lines.append(self.tr("Place: {text}").format(text=e.place))
        lines.append("")
        lines.append(e.text or self.tr("(nothing written)"))
        self.entry_view.setPlainText("\n".join(lines))
        set_combo_data(self.finding_combo, e.finding or "")
        self.note_edit.setPlainText(e.note)

    # ------------------------------------------------------------ writing

    def new_check(self) -> None:
        dialog = DrawDialog(self.ctx, parent=self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted and dialog.result_value:
            check_id = dialog.result_value
            self.refresh()
            self.select_check(check_id)

    def save_finding(self) -> None:
        e = self.selected_entry()
        if e is None:
            return
        self.errors.clear()
        finding = self.finding_combo.currentData() or ""
        note = self.note_edit.toPlainText()
        actor, item_id, row = self.ctx.operator_id, e.item_id, self.entry_table.currentRow()

        def next_one(_result) -> None:
            # on to the next entry still without a finding (the lists redrew)
            later = [r for r, x in enumerate(self.entries) if r > row and not x.finding]
            if later:
                self.select_entry(later[0])

        self.ctx.op(
            self,
            lambda db: services.assessment.record_finding(db, actor, item_id, finding, note),
        ).errors(self.errors).busy(self.save_finding_button).success(next_one).run()

    def delete_check(self) -> None:
        check = self.selected_check()
        if check is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete spot-check"),
            self.tr(
                "Delete the spot-check of {date} ({scope}) with its {n} findings? "
                "Its findings no longer count in the assessment."
            ).format(date=check.date.isoformat(), scope=check.scope, n=check.checked),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if run_modal(box) != QMessageBox.StandardButton.Yes:
            return
        actor, cid = self.ctx.operator_id, check.id
        self.ctx.op(self, lambda db: services.assessment.delete_spot_check(db, actor, cid)).run()

    # ------------------------------------------------------------ printing

    def print_record(self) -> PrintRun | None:
        check = self.selected_check()
        if check is None:
            return None
        db, check_id = self.db, check.id

        def generate(path: str, job: Job) -> None:
            from village_desk.core.printing import print_spot_check

            print_spot_check(db, path, check_id, job=job)

        title = self.tr("Spot-check record {date}").format(date=check.date.isoformat())
        self.last_print = generate_and_preview(self.ctx, self, title, f"{title}.pdf", generate)
        return self.last_print
