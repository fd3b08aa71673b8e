"""The forms of the 考核 page: drawing a spot-check, entering the 三评.

Each saves through the services on the writer thread (``ctx.op``); a refusal
lands under its field (the core's field keys, ``spot_check.*`` and
``assessment.*``). A number typed into a text box that is not a whole
number is refused at its field here, before anything is sent.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.assessment import SAMPLE_MAX, SCORE_MAX, SEED_MAX
from village_desk.core.services.assessment import AssessmentInput, SpotCheckInput
from village_desk.ui.widgets.forms import (
    HINT_STYLE,
    EditDialog,
    FieldErrors,
    error_label,
    scrolling,
)
from village_desk.ui.widgets.sizing import fit_lines

DEFAULT_SAMPLE = 10


def date_edit(value: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(value) if value else QDate.currentDate())
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


def text_box(lines: float = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    fit_lines(edit, lines)
    return edit


class NotANumber(ValueError):
    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


def whole_number(edit: QLineEdit, field: str) -> int | None:
    """The whole number typed into ``edit`` (None: left empty); a sign is
    kept so that the core can say what range is allowed."""
    text = edit.text().strip().replace("＋", "+").replace("－", "-")
    if not text:
        return None
    digits = text[1:] if text[:1] in "+-" else text
    if not digits.isdigit() or not digits.isascii():
        raise NotANumber(field)
    return int(text)


class AssessmentForm(EditDialog):
    """A dialog with a form whose fields show the core's refusals."""

    def __init__(self, ctx, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.errors = FieldErrors(error_label())
        self.buttons = self.save_cancel_buttons()
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.content = QWidget()
        self.column = QVBoxLayout(self.content)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(self.content), 1)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)

    def add_field(self, form: QFormLayout, label: str, widget: QWidget, key: str) -> QWidget:
        message = error_label()
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(widget)
        inner.addWidget(message)
        form.addRow(label, box)
        self.errors.register(key, widget, message)
        return widget

    def not_a_number(self, field: str) -> None:
        # (named context: self.tr would look under the subclass's name)
        self.errors.show(
            field, QCoreApplication.translate("AssessmentForm", "Please enter a whole number")
        )

    def submit(self, work) -> None:
        self.ctx.op(self, work).errors(self.errors).busy(self.save_button).success(
            lambda result: self.isVisible() and self.done_with(result)
        ).run()

    def done_with(self, result) -> None:
        self.result_value = result
        self.accept()


class DrawDialog(AssessmentForm):
    """抽查民情日记: the scope, the period and the sample size; the draw is
    made by the core (a seed typed in draws an earlier sample again)."""

    inspector_may_open = True  # the spot-check is the inspector's own record

    def __init__(self, ctx, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(ctx, self.tr("New spot-check of diaries"), parent)
        today = today or dt.date.today()
        self.result_value = None
        form = QFormLayout()
        self.column.addLayout(form)
        self.village_combo = QComboBox()
        self.village_combo.setAccessibleName(self.tr("Village checked"))
        villages = ctx.read(queries.reference.village_profiles)
        if len(villages) != 1:
            self.village_combo.addItem(self.tr("Every village's diaries"), None)
        for v in villages:
            self.village_combo.addItem(v.village, v.id)
        self.add_field(form, self.tr("Village"), self.village_combo, "spot_check.scope_village_id")
        self.cadre_combo = QComboBox()
        self.cadre_combo.setAccessibleName(self.tr("Cadre checked"))
        self.cadre_combo.addItem(self.tr("Every cadre's diary"), None)
        for c in ctx.read(queries.reference.cadres, True):
            name = c.name if c.active else self.tr("{name} (left)").format(name=c.name)
            self.cadre_combo.addItem(name, c.id)
        self.add_field(form, self.tr("Cadre"), self.cadre_combo, "spot_check.cadre_id")
        start = today - dt.timedelta(days=90)
        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        self.start_edit = date_edit(start)
        self.end_edit = date_edit(today)
        row.addWidget(self.start_edit)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end_edit)
        row.addStretch(1)
        self.add_field(form, self.tr("Diaries written"), period, "spot_check.period_start")
        end_message = error_label()
        form.addRow("", end_message)
        self.errors.register("spot_check.period_end", self.end_edit, end_message)
        self.size_spin = QSpinBox()
        self.size_spin.setRange(1, SAMPLE_MAX)
        self.size_spin.setValue(DEFAULT_SAMPLE)
        self.size_spin.setSuffix(self.tr(" entries"))
        self.add_field(form, self.tr("Sample size"), self.size_spin, "spot_check.sample_size")
        self.inspector_edit = self.add_field(
            form, self.tr("Inspector"), QLineEdit(), "spot_check.inspector"
        )
        self.inspector_edit.setPlaceholderText(self.tr("e.g. 镇纪委 刘明"))
        self.date_edit = self.add_field(
            form, self.tr("Checked on"), date_edit(today), "spot_check.date"
        )
        self.seed_edit = self.add_field(form, self.tr("Seed"), QLineEdit(), "spot_check.seed")
        self.seed_edit.setPlaceholderText(self.tr("empty: a new random draw"))
        self.note_edit = self.add_field(form, self.tr("Note"), text_box(2), "spot_check.note")
        hint = QLabel(
            self.tr(
                "The entries in scope are ordered by date and record number and a random "
                "sample is drawn with the seed; the record prints the seed, so anyone can "
                "draw the same entries again. Type an earlier seed to repeat its draw."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.column.addWidget(hint)
        self.column.addStretch(1)
        self.want_size(560, 600)

    def save(self) -> None:
        self.errors.clear()
        seed_text = self.seed_edit.text().strip()
        seed = None
        if seed_text:
            if not seed_text.isdigit() or not seed_text.isascii():
                self.errors.show(
                    "spot_check.seed",
                    self.tr("A whole number from 0 to {max}").format(max=SEED_MAX),
                )
                return
            seed = int(seed_text)
        data = SpotCheckInput(
            inspector=self.inspector_edit.text(),
            period_start=self.start_edit.date().toPython(),
            period_end=self.end_edit.date().toPython(),
            sample_size=self.size_spin.value(),
            village_id=self.village_combo.currentData(),
            cadre_id=self.cadre_combo.currentData(),
            date=self.date_edit.date().toPython(),
            seed=seed,
            note=self.note_edit.toPlainText(),
        )
        actor = self.ctx.operator_id
        self.submit(lambda db: services.assessment.draw_spot_check(db, actor, data))


# form field → the key of its refusal (the core's)
VOTES = ("poll_satisfied", "poll_basic", "poll_unsatisfied")


class AssessmentDialog(AssessmentForm):
    """The 三评 of one cadre's year: 自评, 领导点评, 群众测评. Whatever is
    left empty is not entered (emptying an evaluation takes it back)."""

    def __init__(self, ctx, row, year: int, parent: QWidget | None = None):
        super().__init__(
            ctx, self.tr("Evaluations {year}: {name}").format(year=year, name=row.name), parent
        )
        self.row, self.year = row, year
        e = row.entered
        self.shown = {
            "self_score": e.self_score,
            "self_text": e.self_text,
            "leader_score": e.leader_score,
            "leader_name": e.leader_name,
            "leader_comment": e.leader_comment,
            "poll_satisfied": e.poll_satisfied,
            "poll_basic": e.poll_basic,
            "poll_unsatisfied": e.poll_unsatisfied,
            "poll_date": e.poll_date,
        }
        who = QLabel(
            self.tr("{name}, {role}, {village}").format(
                name=row.name, role=row.role, village=row.village
            )
        )
        self.column.addWidget(who)

        own = QGroupBox(self.tr("Self-evaluation"))
        form = QFormLayout(own)
        self.self_score_edit = self.add_field(
            form, self.tr("Score"), self._number(e.self_score), "assessment.self_score"
        )
        self.self_text_edit = self.add_field(
            form, self.tr("Self-evaluation"), text_box(3), "assessment.self_text"
        )
        self.self_text_edit.setPlainText(e.self_text)
        self.column.addWidget(own)

        leader = QGroupBox(self.tr("Leader's comment"))
        form = QFormLayout(leader)
        self.leader_score_edit = self.add_field(
            form, self.tr("Score"), self._number(e.leader_score), "assessment.leader_score"
        )
        self.leader_name_edit = self.add_field(
            form, self.tr("Commented by"), QLineEdit(e.leader_name), "assessment.leader_name"
        )
        self.leader_comment_edit = self.add_field(
            form, self.tr("Comment"), text_box(3), "assessment.leader_comment"
        )
        self.leader_comment_edit.setPlainText(e.leader_comment)
        self.column.addWidget(leader)

        poll = QGroupBox(self.tr("Villagers' evaluation (votes)"))
        form = QFormLayout(poll)
        self.satisfied_edit = self.add_field(
            form, self.tr("Satisfied"), self._number(e.poll_satisfied), "assessment.poll_satisfied"
        )
        self.basic_edit = self.add_field(
            form,
            self.tr("Basically satisfied"),
            self._number(e.poll_basic),
            "assessment.poll_basic",
        )
        self.unsatisfied_edit = self.add_field(
            form,
            self.tr("Not satisfied"),
            self._number(e.poll_unsatisfied),
            "assessment.poll_unsatisfied",
        )
        default_day = min(dt.date.today(), dt.date(year, 12, 31))
        self.poll_date_edit = self.add_field(
            form,
            self.tr("Polled on"),
            date_edit(e.poll_date or default_day),
            "assessment.poll_date",
        )
        self.rate_label = QLabel()
        self.rate_label.setStyleSheet(HINT_STYLE)
        form.addRow("", self.rate_label)
        self.column.addWidget(poll)
        for edit in (self.satisfied_edit, self.basic_edit, self.unsatisfied_edit):
            edit.textChanged.connect(self._show_rate)
        self._show_rate()
        self.column.addStretch(1)
        self.want_size(560, 720)

    def _number(self, value: int | None) -> QLineEdit:
        edit = QLineEdit("" if value is None else str(value))
        edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 12 + 16)
        edit.setPlaceholderText(self.tr("not entered"))
        return edit

    def _show_rate(self) -> None:
        try:
            votes = [
                whole_number(e, "")
                for e in (self.satisfied_edit, self.basic_edit, self.unsatisfied_edit)
            ]
        except NotANumber:
            votes = [None]
        if any(v is None or v < 0 for v in votes) or not sum(votes):
            self.rate_label.setText(
                self.tr("Satisfaction = (satisfied + basically satisfied) ÷ votes")
            )
            return
        rate = (votes[0] + votes[1]) / sum(votes)
        self.rate_label.setText(
            self.tr("{votes} votes; satisfaction {rate}").format(
                votes=sum(votes), rate=f"{rate * 100:.1f}%"
            )
        )

    def values(self) -> dict:
        """What the form holds, as the service takes it (raises NotANumber)."""
        numbers = {
            "self_score": (self.self_score_edit, "assessment.self_score"),
            "leader_score": (self.leader_score_edit, "assessment.leader_score"),
            "poll_satisfied": (self.satisfied_edit, "assessment.poll_satisfied"),
            "poll_basic": (self.basic_edit, "assessment.poll_basic"),
            "poll_unsatisfied": (self.unsatisfied_edit, "assessment.poll_unsatisfied"),
        }
        values = {key: whole_number(edit, field) for key, (edit, field) in numbers.items()}
        polled = any(values[k] is not None for k in VOTES)
        values.update(
            self_text=self.self_text_edit.toPlainText(),
            leader_name=self.leader_name_edit.text(),
            leader_comment=self.leader_comment_edit.toPlainText(),
            poll_date=self.poll_date_edit.date().toPython() if polled else None,
        )
        return values

    def save(self) -> None:
        self.errors.clear()
        try:
            values = self.values()
        except NotANumber as err:
            self.not_a_number(err.field)
            return
        data = AssessmentInput(cadre_id=self.row.cadre_id, year=self.year, **values)
        actor, base = self.ctx.operator_id, dict(self.shown)
        self.submit(lambda db: services.assessment.save_assessment(db, actor, data, base=base))


__all__ = ["SCORE_MAX", "AssessmentDialog", "DrawDialog", "NotANumber", "whole_number"]
