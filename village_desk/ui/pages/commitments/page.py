"""公开承诺: the year's public commitments of cadres and party members.

The list shows who promised what, by when, and how it stands (the latest
progress, or the year-end review); below it the selected commitment's
progress notes, and each person's 践诺率 (已践诺 ÷ 承诺件数). Buttons add a
commitment, note progress, review it, correct or delete it, and print the
公示 sheet for the notice board. Everything is read from
``core/queries/commitments.py`` and written through
``core/services/commitments.py`` on the writer thread.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.jobs import Job
from village_desk.ui.pages.base import Page
from village_desk.ui.pages.commitments.dialogs import (
    CommitmentDialog,
    ProgressDialog,
    ReviewDialog,
    kind_label,
    outcome_text,
)
from village_desk.ui.printing.preview import PrintRun, generate_and_preview
from village_desk.ui.widgets.attachments import AttachmentPanel, beside
from village_desk.ui.widgets.forms import HINT_STYLE, destructive, heading
from village_desk.ui.widgets.modal import run_modal


def _item(value, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CommitmentsPage(Page):
    watches = frozenset({"commitment", "commitment_note", "cadre", "person", "vocab_term"})
    shown = Signal()  # the list shows the latest data

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.rows: list = []
        self.last_print: PrintRun | None = None
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("Year"))
        self.new_button = QPushButton(self.tr("New commitment…"))
        self.new_button.setToolTip(self.tr("Record a public commitment (Ctrl+N)"))
        self.print_button = QPushButton(self.tr("Print public notice…"))
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Public commitments")))
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year_combo)
        top.addWidget(self.new_button)
        top.addWidget(self.print_button)

        self.table = _table(
            [
                self.tr("Committed by"),
                self.tr("Role"),
                self.tr("Kind"),
                self.tr("What is promised"),
                self.tr("Deadline"),
                self.tr("How it stands"),
            ]
        )
        self.table.setAccessibleName(self.tr("Commitment list"))
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.detail_label = QLabel(self.tr("Choose a commitment to see its progress."))
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_button = QPushButton(self.tr("Note progress…"))
        self.review_button = QPushButton(self.tr("Review…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = destructive(QPushButton(self.tr("Delete")))
        actions = QHBoxLayout()
        for b in (self.progress_button, self.review_button, self.edit_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)

        self.rates = _table(
            [
                self.tr("Committed by"),
                self.tr("Role"),
                self.tr("Commitments"),
                self.tr("Kept"),
                self.tr("Partly kept"),
                self.tr("Not kept"),
                self.tr("Not reviewed"),
                self.tr("Keeping rate"),
            ]
        )
        self.rates.setAccessibleName(self.tr("Keeping rate per person"))
        self.rates.horizontalHeader().setStretchLastSection(False)
        hint = QLabel(
            self.tr(
                "Keeping rate = commitments kept ÷ all commitments of the year "
                "(partly kept ones and those not reviewed yet count as not kept)."
            )
        )
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        self.attachments = AttachmentPanel(ctx, "commitment", self, compact=True)
        lower_layout.addLayout(beside(self.detail_label, self.attachments))
        lower_layout.addSpacing(6)
        lower_layout.addWidget(heading(self.tr("Keeping rate per person"), 1.1))
        lower_layout.addWidget(self.rates, 1)
        lower_layout.addWidget(hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_commitment)
        self.print_button.clicked.connect(self.print_notice)
        self.progress_button.clicked.connect(self.note_progress)
        self.review_button.clicked.connect(self.review)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.table.itemSelectionChanged.connect(self.show_detail)
        self.table.cellActivated.connect(lambda _r, _c: self.note_progress())
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.fill_years()
        self.refresh()

    # ------------------------------------------------------------ reading

    @property
    def year(self) -> int:
        return self.year_combo.currentData() or dt.date.today().year

    def fill_years(self) -> None:
        current = self.year_combo.currentData()
        years = self.ctx.read(queries.commitments.years)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(self.tr("{year}").format(year=y), y)
        i = self.year_combo.findData(current)
        self.year_combo.setCurrentIndex(max(i, 0))
        self.year_combo.blockSignals(False)

    def refresh(self) -> None:
        chosen = self.selected()
        year = self.year
        self.rows = self.ctx.read(queries.commitments.commitments, year)
        rates = self.ctx.read(queries.commitments.keeping_rates, year)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = [
                row.name,
                row.role,
                kind_label(row.kind),
                row.content,
                row.deadline.isoformat() if row.deadline else "",
                self.standing(row),
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, _item(value))
        self.table.resizeRowsToContents()
        self.rates.setRowCount(len(rates))
        for r, k in enumerate(rates):
            rate = "—" if k.rate is None else f"{k.rate * 100:.1f}%"
            values = [k.name, k.role, k.total, k.kept, k.partly, k.not_kept, k.unreviewed, rate]
            for c, value in enumerate(values):
                self.rates.setItem(r, c, _item(value, number=c >= 2))
        if chosen is not None:
            self.select(chosen.id)
        self.show_detail()
        self.shown.emit()

    def standing(self, row) -> str:
        if row.outcome:
            return f"{outcome_text(row.outcome)}：{row.review_text}"
        last = row.last_note
        if last is None:
            return self.tr("Under way")
        return self.tr("Under way ({date}): {text}").format(
            date=last.date.isoformat(), text=last.text
        )

    def selected(self):
        r = self.table.currentRow()
        if 0 <= r < len(self.rows) and self.table.selectionModel().hasSelection():
            return self.rows[r]
        return None

    def select(self, commitment_id) -> bool:
        for r, row in enumerate(self.rows):
            if row.id == commitment_id:
                self.table.selectRow(r)
                return True
        return False

    def show_detail(self) -> None:
        row = self.selected()
        for b in (self.progress_button, self.review_button, self.edit_button, self.delete_button):
            b.setEnabled(row is not None)
        self.attachments.set_owner(row.id if row else None, editable=row is not None)
        if row is None:
            self.detail_label.setText(self.tr("Choose a commitment to see its progress."))
            return
        self.progress_button.setEnabled(not row.outcome)
        self.edit_button.setEnabled(True)
        lines = [f"{row.name}（{row.role}）：{row.content}"]
        if row.measures:
            lines.append(self.tr("Measures: {text}").format(text=row.measures))
        if row.target:
            lines.append(self.tr("Target: {text}").format(text=row.target))
        for note in row.notes:
            lines.append(
                f"{note.date.isoformat()}  {note.text}"
                + (f"（{note.author}）" if note.author else "")
            )
        if not row.notes:
            lines.append(self.tr("No progress noted yet."))
        if row.outcome:
            lines.append(
                self.tr("Reviewed on {date}: {outcome}. {text}").format(
                    date=row.review_date.isoformat() if row.review_date else "",
                    outcome=outcome_text(row.outcome),
                    text=row.review_text,
                )
            )
        self.detail_label.setText("\n".join(lines))

    # ------------------------------------------------------------ writing

    def _open(self, dialog: QDialog) -> bool:
        return run_modal(dialog) == QDialog.DialogCode.Accepted

    def new_commitment(self) -> None:
        dialog = CommitmentDialog(self.ctx, self.year, parent=self)
        if self._open(dialog) and dialog.year_spin.value() != self.year:
            self.fill_years()
            i = self.year_combo.findData(dialog.year_spin.value())
            if i >= 0:
                self.year_combo.setCurrentIndex(i)

    def edit(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(CommitmentDialog(self.ctx, row.year, row, parent=self))

    def note_progress(self) -> None:
        row = self.selected()
        if row is not None and not row.outcome:
            self._open(ProgressDialog(self.ctx, row, parent=self))

    def review(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(ReviewDialog(self.ctx, row, parent=self))

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete commitment"),
            self.tr("Delete {name}'s commitment “{content}” with its progress notes?").format(
                name=row.name, content=row.content
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if run_modal(box) != QMessageBox.StandardButton.Yes:
            return
        actor, cid = self.ctx.operator_id, row.id
        self.ctx.op(self, lambda db: services.commitments.delete_commitment(db, actor, cid)).run()

    # ------------------------------------------------------------ printing

    def print_notice(self) -> PrintRun:
        year, db = self.year, self.db

        def generate(path: str, job: Job) -> None:
            from village_desk.core.printing import print_commitment_notice

            print_commitment_notice(db, path, year, job=job)

        title = self.tr("Public commitments {year}").format(year=year)
        self.last_print = generate_and_preview(self.ctx, self, title, f"{title}.pdf", generate)
        return self.last_print
