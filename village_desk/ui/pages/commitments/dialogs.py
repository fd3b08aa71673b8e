"""The forms of the 公开承诺 page: a commitment, a progress note, the review.

Each saves through the services on the writer thread (``ctx.op``); a refusal
lands under its field (the core's field keys, ``commitment.*``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import services
from village_desk.core.domain.commitments import KINDS, OUTCOMES
from village_desk.core.services.commitments import CommitmentInput
from village_desk.ui.i18n import current_language
from village_desk.ui.widgets.forms import (
    EditDialog,
    FieldErrors,
    add_choose_entry,
    error_label,
    scrolling,
    set_combo_data,
)
from village_desk.ui.widgets.sizing import fit_lines

KINDS_EN = {"service": "Service commitment", "one_line": "One-sentence commitment"}
OUTCOMES_EN = {"kept": "Kept", "partly": "Partly kept", "not_kept": "Not kept"}


def kind_label(code: str) -> str:
    if current_language().startswith("en"):
        return KINDS_EN.get(code, code)
    return KINDS.get(code, code)


def outcome_text(code: str) -> str:
    if current_language().startswith("en"):
        return OUTCOMES_EN.get(code, code)
    return OUTCOMES.get(code, code)


def _date_edit(value: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(value) if value else QDate.currentDate())
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


def _text(lines: float = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    fit_lines(edit, lines)
    return edit


class _Form(EditDialog):
    """A dialog with a form whose fields show the core's refusals."""

    def __init__(self, ctx, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.errors = FieldErrors(error_label())
        self.buttons = self.save_cancel_buttons()
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addLayout(self.form)
        column.addStretch(1)  # rows keep their height; the room left stays below
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(content), 1)  # a small screen scrolls the form
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)

    def add_field(self, label: str, widget: QWidget, key: str) -> QWidget:
        message = error_label()
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(widget)
        inner.addWidget(message)
        self.form.addRow(label, box)
        self.errors.register(key, widget, message)
        return widget

    def submit(self, work) -> None:
        self.errors.clear()
        self.ctx.op(self, work).errors(self.errors).busy(self.save_button).success(
            lambda _result: self.isVisible() and self.accept()
        ).run()


class CommitmentDialog(_Form):
    """New commitment, or correcting one (``row``: the commitment as listed)."""

    def __init__(self, ctx, year: int, row=None, parent: QWidget | None = None):
        super().__init__(
            ctx, self.tr("Edit commitment") if row else self.tr("New commitment"), parent
        )
        self.row = row
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, dt.date.today().year + 1)
        self.year_spin.setValue(row.year if row else year)
        self.year_spin.setEnabled(row is None)
        self.add_field(self.tr("Year"), self.year_spin, "commitment.year")
        self.committer_combo = QComboBox()
        self.committer_combo.setAccessibleName(self.tr("Committed by"))
        if row is None:
            add_choose_entry(self.committer_combo)
            for c in ctx.read(_committers):
                key = ("cadre", c.cadre_id) if c.cadre_id else ("person", c.person_id)
                self.committer_combo.addItem(f"{c.name}（{c.role}）", key)
        else:
            self.committer_combo.addItem(f"{row.name}（{row.role}）", None)
            self.committer_combo.setEnabled(False)
        self.add_field(self.tr("Committed by"), self.committer_combo, "commitment.committer")
        # a refusal about the cadre or the party member shows under the same choice
        committer_message = self.errors.label_for("commitment.committer")
        for key in ("commitment.cadre_id", "commitment.person_id"):
            self.errors.register(key, self.committer_combo, committer_message)
        self.kind_combo = QComboBox()
        for code in KINDS:
            self.kind_combo.addItem(kind_label(code), code)
        self.add_field(self.tr("Kind"), self.kind_combo, "commitment.kind")
        self.content_edit = self.add_field(
            self.tr("What is promised"), _text(2), "commitment.content"
        )
        self.measures_edit = self.add_field(self.tr("Measures"), _text(2), "commitment.measures")
        self.target_edit = self.add_field(self.tr("Target"), QLineEdit(), "commitment.target")
        self.deadline_edit = self.add_field(
            self.tr("Deadline"),
            _date_edit(dt.date(self.year_spin.value(), 12, 31)),
            "commitment.deadline",
        )
        self.public_check = QCheckBox(self.tr("Post on the notice board"))
        self.public_check.setChecked(True)
        self.form.addRow("", self.public_check)
        self.hint = QLabel(
            self.tr("A one-sentence commitment needs no measures, target or deadline.")
        )
        self.hint.setWordWrap(True)
        self.form.addRow("", self.hint)
        if row is not None:
            set_combo_data(self.kind_combo, row.kind)
            self.content_edit.setPlainText(row.content)
            self.measures_edit.setPlainText(row.measures)
            self.target_edit.setText(row.target)
            if row.deadline:
                self.deadline_edit.setDate(QDate(row.deadline))
            self.public_check.setChecked(row.public)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()
        self.want_size(560, 560)

    def _kind_changed(self) -> None:
        service = self.kind_combo.currentData() == "service"
        for w in (self.measures_edit, self.target_edit, self.deadline_edit):
            w.setEnabled(service)

    def values(self) -> dict:
        service = self.kind_combo.currentData() == "service"
        return {
            "kind": self.kind_combo.currentData(),
            "content": self.content_edit.toPlainText(),
            "measures": self.measures_edit.toPlainText() if service else "",
            "target": self.target_edit.text() if service else "",
            "deadline": self.deadline_edit.date().toPython() if service else None,
            "public": self.public_check.isChecked(),
        }

    def save(self) -> None:
        actor, values = self.ctx.operator_id, self.values()
        if self.row is not None:
            row = self.row
            base = {k: getattr(row, k) for k in values}
            self.submit(
                lambda db: services.commitments.update_commitment(
                    db, actor, row.id, base=base, **values
                )
            )
            return
        who = self.committer_combo.currentData() or (None, None)
        data = CommitmentInput(
            year=self.year_spin.value(),
            cadre_id=who[1] if who[0] == "cadre" else None,
            person_id=who[1] if who[0] == "person" else None,
            **values,
        )
        self.submit(lambda db: services.commitments.add_commitment(db, actor, data))


def _committers(session):
    from village_desk.core import queries

    return queries.commitments.committers(session)


class ProgressDialog(_Form):
    """A progress note (践诺进展) on a commitment."""

    def __init__(self, ctx, row, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Progress: {name}").format(name=row.name), parent)
        self.row = row
        self.form.addRow(QLabel(row.content))
        self.date_edit = self.add_field(self.tr("Date"), _date_edit(), "commitment_note.date")
        self.text_edit = self.add_field(self.tr("Progress"), _text(4), "commitment_note.text")
        self.want_size(480, 320)

    def save(self) -> None:
        actor, cid = self.ctx.operator_id, self.row.id
        text, when = self.text_edit.toPlainText(), self.date_edit.date().toPython()
        self.submit(lambda db: services.commitments.add_progress(db, actor, cid, text, when))


class ReviewDialog(_Form):
    """The year-end review: kept, partly kept or not kept, with an explanation."""

    def __init__(self, ctx, row, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Review: {name}").format(name=row.name), parent)
        self.row = row
        self.form.addRow(QLabel(row.content))
        self.outcome_combo = QComboBox()
        add_choose_entry(self.outcome_combo)
        for code in OUTCOMES:
            self.outcome_combo.addItem(outcome_text(code), code)
        if row.outcome:
            set_combo_data(self.outcome_combo, row.outcome)
        self.add_field(self.tr("Outcome"), self.outcome_combo, "commitment.outcome")
        self.text_edit = self.add_field(self.tr("Explanation"), _text(4), "commitment.review_text")
        self.text_edit.setPlainText(row.review_text)
        self.date_edit = self.add_field(
            self.tr("Reviewed on"), _date_edit(row.review_date), "commitment.review_date"
        )
        self.want_size(480, 360)

    def save(self) -> None:
        actor, cid = self.ctx.operator_id, self.row.id
        outcome = self.outcome_combo.currentData() or ""
        text, when = self.text_edit.toPlainText(), self.date_edit.date().toPython()
        self.submit(
            lambda db: services.commitments.review_commitment(db, actor, cid, outcome, text, when)
        )
