"""The forms of the 矛盾纠纷 page: registering a dispute with its parties,
recording a mediation session, recording the outcome.

Parties are added one by one to the 申请方 or the 被申请方: a registered
villager found by name (pinyin initials work), or an outsider by name.
Each form saves through ``core/services/disputes.py`` on the writer thread;
a refusal lands under its field (the core's field keys ``dispute.*``,
``mediation_session.*``), one about the n-th party under the party list.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.disputes import (
    IN_MEDIATION,
    MAX_OVERDUE_DAYS,
    OUTCOMES,
    SIDES,
    TYPES,
)
from village_desk.core.services.disputes import DisputeInput, PartyInput, SessionInput
from village_desk.ui.i18n import current_language
from village_desk.ui.widgets.forms import (
    HINT_STYLE,
    EditDialog,
    FieldErrors,
    add_choose_entry,
    error_label,
    scrolling,
    set_combo_data,
)
from village_desk.ui.widgets.pickers import CadreChecklist
from village_desk.ui.widgets.quick_search import QuickSearchEdit
from village_desk.ui.widgets.sizing import fit_lines

TYPES_EN = {
    "neighbour": "Neighbours",
    "family": "Marriage and family",
    "land": "Land",
    "forest": "Forest",
    "homestead": "Homestead",
    "labour": "Wages and labour",
    "debt": "Debt",
    "damage": "Damages",
    "other": "Other",
}
OUTCOMES_EN = {
    "success": "Settled",
    "judicial": "To the justice office",
    "petition": "To the petition office",
    "failed": "Not settled",
}
SIDES_EN = {"applicant": "Applicant", "respondent": "Respondent"}


def _english() -> bool:
    return current_language().startswith("en")


def type_text(code: str) -> str:
    return TYPES_EN.get(code, code) if _english() else TYPES.get(code, code)


def outcome_text(code: str) -> str:
    """An outcome, or 调解中 for none yet."""
    if not code:
        return "Under mediation" if _english() else IN_MEDIATION
    return OUTCOMES_EN.get(code, code) if _english() else OUTCOMES.get(code, code)


def side_text(code: str) -> str:
    return SIDES_EN.get(code, code) if _english() else SIDES.get(code, code)


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

    def hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(HINT_STYLE)
        label.setWordWrap(True)
        self.form.addRow("", label)
        return label

    def submit(self, work) -> None:
        self.errors.clear()
        self.ctx.op(self, work).failure(self.refused).busy(self.save_button).success(
            lambda _result: self.isVisible() and self.accept()
        ).run()

    def refused(self, err: BaseException) -> None:
        self.errors.show_error(err)


@dataclass
class _Party:
    side: str
    label: str
    person_id: object = None
    name: str = ""  # an outsider


PARTY_FIELD = re.compile(r"^dispute\.party\.(\d+)\.")


class DisputeDialog(_Form):
    """登记纠纷: type, what it is about, the cadre in charge, the date, and the
    parties of both sides."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Register a dispute"), parent)
        self.parties: list[_Party] = []
        self.type_combo = QComboBox()
        add_choose_entry(self.type_combo)
        for code in TYPES:
            self.type_combo.addItem(type_text(code), code)
        self.add_field(self.tr("Kind of dispute"), self.type_combo, "dispute.type")
        self.date_edit = self.add_field(
            self.tr("Received on"), _date_edit(), "dispute.received_date"
        )
        self.channel_combo = QComboBox()
        for code, label in ctx.read(queries.reference.choices, "channel"):
            self.channel_combo.addItem(label, code)
        set_combo_data(self.channel_combo, "office_duty")
        self.add_field(self.tr("How it came"), self.channel_combo, "matter.channel")
        self.responsible_combo = QComboBox()
        add_choose_entry(self.responsible_combo)
        for c in ctx.read(queries.reference.cadres):
            self.responsible_combo.addItem(c.name, c.id)
        if ctx.operator_id is not None:
            for i in range(self.responsible_combo.count()):
                if self.responsible_combo.itemData(i) == ctx.operator_id:
                    self.responsible_combo.setCurrentIndex(i)
        self.add_field(self.tr("Cadre in charge"), self.responsible_combo, "dispute.responsible_id")
        self.village_combo: QComboBox | None = None
        if ctx.read(queries.reference.is_township):
            self.village_combo = QComboBox()
            add_choose_entry(self.village_combo)
            for v in ctx.read(queries.reference.village_profiles):
                self.village_combo.addItem(v.village, v.id)
            self.add_field(self.tr("Village"), self.village_combo, "dispute.village_id")
            self.errors.register(
                "matter.village_id",
                self.village_combo,
                self.errors.label_for("dispute.village_id"),
            )
        self.summary_edit = self.add_field(self.tr("What it is about"), _text(3), "dispute.summary")

        # the parties
        self.party_list = QListWidget()
        self.party_list.setProperty("notAnInput", True)
        self.party_list.setAccessibleName(self.tr("Parties"))
        fit_lines(self.party_list, 4)
        self.side_combo = QComboBox()
        for code in SIDES:
            self.side_combo.addItem(side_text(code), code)
        self.side_combo.setAccessibleName(self.tr("Side"))
        self.person_search = QuickSearchEdit(ctx.db)
        self.person_search.setPlaceholderText(self.tr("A villager: type a name"))
        self.outsider_edit = QLineEdit()
        self.outsider_edit.setPlaceholderText(self.tr("Or someone not on the list: name"))
        self.add_outsider_button = QPushButton(self.tr("Add"))
        self.remove_party_button = QPushButton(self.tr("Remove"))
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        side_row = QHBoxLayout()
        side_row.addWidget(QLabel(self.tr("Add to")))
        side_row.addWidget(self.side_combo)
        side_row.addWidget(self.person_search, 1)
        inner.addLayout(side_row)
        outsider_row = QHBoxLayout()
        outsider_row.addWidget(self.outsider_edit, 1)
        outsider_row.addWidget(self.add_outsider_button)
        inner.addLayout(outsider_row)
        list_row = QHBoxLayout()
        list_row.addWidget(self.party_list, 1)
        list_row.addWidget(self.remove_party_button, 0, Qt.AlignmentFlag.AlignTop)
        inner.addLayout(list_row)
        self.add_field(self.tr("Parties"), box, "dispute.parties")
        self.hint(
            self.tr(
                "At least one applicant and one respondent. The first applicant is the "
                "applicant of the matter in the ledger; the dispute is not posted on the "
                "notice board."
            )
        )
        self.person_search.hit_chosen.connect(self.add_person)
        self.add_outsider_button.clicked.connect(self.add_outsider)
        self.outsider_edit.returnPressed.connect(self.add_outsider)
        self.remove_party_button.clicked.connect(self.remove_party)
        self.want_size(640, 600)

    # ------------------------------------------------------------ parties

    def _add(self, party: _Party) -> None:
        self.parties.append(party)
        item = QListWidgetItem(f"{side_text(party.side)}：{party.label}")
        self.party_list.addItem(item)
        self.errors.clear("dispute.parties")

    def add_person(self, hit) -> None:
        side = self.side_combo.currentData()
        self._add(_Party(side, f"{hit.name}（{hit.household_number}）", person_id=hit.person_id))
        self.person_search.clear()

    def add_outsider(self) -> None:
        name = self.outsider_edit.text().strip()
        if not name:
            self.errors.show("dispute.parties", self.tr("Type the name first."))
            return
        side = self.side_combo.currentData()
        self._add(_Party(side, self.tr("{name} (not on the list)").format(name=name), name=name))
        self.outsider_edit.clear()

    def remove_party(self) -> None:
        row = self.party_list.currentRow()
        if 0 <= row < len(self.parties):
            del self.parties[row]
            self.party_list.takeItem(row)

    # ------------------------------------------------------------ saving

    def data(self) -> DisputeInput:
        return DisputeInput(
            type=self.type_combo.currentData() or "",
            summary=self.summary_edit.toPlainText(),
            responsible_id=self.responsible_combo.currentData() or None,
            parties=[PartyInput(p.side, person_id=p.person_id, name=p.name) for p in self.parties],
            received_date=self.date_edit.date().toPython(),
            channel=self.channel_combo.currentData() or "office_duty",
            village_id=(self.village_combo.currentData() or None) if self.village_combo else None,
        )

    def save(self) -> None:
        if self.outsider_edit.text().strip():
            self.add_outsider()  # typed but not added: it was meant to be saved too
        actor, data = self.ctx.operator_id, self.data()
        self.submit(lambda db: services.disputes.register_dispute(db, actor, data))

    def refused(self, err: BaseException) -> None:
        """A refusal about the n-th party shows under the party list, naming it."""
        field = getattr(err, "field", "") or ""
        found = PARTY_FIELD.match(field)
        if found:
            n = int(found.group(1))
            who = self.parties[n - 1].label if 0 < n <= len(self.parties) else ""
            self.errors.show("dispute.parties", f"{who}：{err.message}" if who else err.message)
            if 0 < n <= self.party_list.count():
                self.party_list.setCurrentRow(n - 1)
            return
        self.errors.show_error(err)


class SessionDialog(_Form):
    """记录调解: one mediation session of a dispute."""

    def __init__(self, ctx, row, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Mediation: {number}").format(number=row.number), parent)
        self.row = row
        about = QLabel(f"{type_text(row.type)}：{row.party_names}")
        about.setWordWrap(True)
        self.form.addRow(about)
        self.date_edit = self.add_field(self.tr("Date"), _date_edit(), "mediation_session.date")
        self.place_edit = self.add_field(self.tr("Place"), QLineEdit(), "mediation_session.place")
        self.mediators = CadreChecklist(ctx.db)
        if ctx.operator_id is not None:
            self.mediators.set_ids([ctx.operator_id])
        self.add_field(
            self.tr("Cadres mediating"), self.mediators, "mediation_session.mediator_ids"
        )
        self.others_edit = self.add_field(
            self.tr("Other mediators"), QLineEdit(), "mediation_session.other_mediators"
        )
        self.others_edit.setPlaceholderText(
            self.tr("By name: the justice office's mediator, an old party member…")
        )
        self.agreed_check = QCheckBox(self.tr("The parties agreed"))
        self.add_field("", self.agreed_check, "mediation_session.agreed")
        self.notes_edit = self.add_field(
            self.tr("What was said"), _text(4), "mediation_session.notes"
        )
        self.want_size(560, 520)

    def data(self) -> SessionInput:
        return SessionInput(
            date=self.date_edit.date().toPython(),
            place=self.place_edit.text(),
            mediator_ids=self.mediators.ids(),
            other_mediators=self.others_edit.text(),
            agreed=self.agreed_check.isChecked(),
            notes=self.notes_edit.toPlainText(),
        )

    def save(self) -> None:
        actor, did, data = self.ctx.operator_id, self.row.id, self.data()
        self.submit(lambda db: services.disputes.add_session(db, actor, did, data))


class OutcomeDialog(_Form):
    """调解结果: how the mediation ended, with the agreement or the explanation."""

    def __init__(self, ctx, row, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Outcome: {number}").format(number=row.number), parent)
        self.row = row
        about = QLabel(f"{type_text(row.type)}：{row.party_names}")
        about.setWordWrap(True)
        self.form.addRow(about)
        self.outcome_combo = QComboBox()
        add_choose_entry(self.outcome_combo)
        for code in OUTCOMES:
            self.outcome_combo.addItem(outcome_text(code), code)
        self.add_field(self.tr("Outcome"), self.outcome_combo, "dispute.outcome")
        self.date_edit = self.add_field(self.tr("Date"), _date_edit(), "dispute.outcome_date")
        self.agreement_edit = self.add_field(
            self.tr("Agreement"), _text(5), "dispute.agreement_text"
        )
        self.agreement_edit.setPlaceholderText(
            self.tr("What the parties agreed, item by item (printed on the agreement)")
        )
        self.note_edit = self.add_field(self.tr("Explanation"), _text(3), "dispute.outcome_note")
        self.hint(
            self.tr(
                "Settled: the matter in the ledger is done, the agreement its result. "
                "Referred: it is forwarded to that office. Not settled: it cannot be solved "
                "yet, and the explanation says what the parties were told."
            )
        )
        self.outcome_combo.currentIndexChanged.connect(lambda _i: self._outcome_changed())
        self._outcome_changed()
        self.want_size(560, 560)

    def _outcome_changed(self) -> None:
        self.agreement_edit.setEnabled(self.outcome_combo.currentData() in ("", "success"))

    def save(self) -> None:
        actor, did = self.ctx.operator_id, self.row.id
        outcome = self.outcome_combo.currentData() or ""
        when = self.date_edit.date().toPython()
        agreement = self.agreement_edit.toPlainText() if outcome in ("", "success") else ""
        note = self.note_edit.toPlainText()
        self.submit(
            lambda db: services.disputes.record_outcome(
                db, actor, did, outcome, when=when, agreement_text=agreement, note=note
            )
        )


class OverdueDaysDialog(_Form):
    """After how many days without an outcome a dispute is 久调不决."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Long unresolved disputes"), parent)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, MAX_OVERDUE_DAYS)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.setValue(ctx.read(queries.disputes.overdue_days))
        self.add_field(
            self.tr("Long unresolved after"), self.days_spin, "setting.dispute_overdue_days"
        )
        self.hint(
            self.tr(
                "A dispute still without an outcome this many days after it was received is "
                "flagged as long unresolved, here and on the work bench. New disputes get this "
                "many days as their deadline in the ledger."
            )
        )
        self.want_size(460, 260)

    def save(self) -> None:
        actor, days = self.ctx.operator_id, self.days_spin.value()
        self.submit(lambda db: services.disputes.set_overdue_days(db, actor, days))
