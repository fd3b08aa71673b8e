"""修改纠纷: correct a registered dispute's kind, what it is about and its
parties (``services.disputes.update_dispute``: the parties shown are the
whole list, those removed are removed). The date received and the cadre in
charge belong to its matter and are changed in the 民情台账.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import services
from village_desk.core.domain.disputes import SIDES, TYPES
from village_desk.core.services.disputes import PartyInput
from village_desk.ui.pages.disputes.dialogs import PARTY_FIELD, _Form, _text, side_text, type_text
from village_desk.ui.widgets.forms import set_combo_data
from village_desk.ui.widgets.quick_search import QuickSearchEdit
from village_desk.ui.widgets.sizing import fit_lines


@dataclass
class _Party:
    side: str
    label: str
    person_id: object = None
    household_id: object = None  # a household party (its head speaks for it)
    name: str = ""  # an outsider, or a household party's name as recorded

    def data(self) -> PartyInput:
        return PartyInput(
            self.side, person_id=self.person_id, household_id=self.household_id, name=self.name
        )


class EditDisputeDialog(_Form):
    """The dispute's kind, summary and parties, as registered, to correct."""

    def __init__(self, ctx, row, parent: QWidget | None = None):
        super().__init__(
            ctx, self.tr("Correct the dispute {number}").format(number=row.number), parent
        )
        self.row = row
        self.type_combo = QComboBox()
        for code in TYPES:
            self.type_combo.addItem(type_text(code), code)
        set_combo_data(self.type_combo, row.type)
        self.add_field(self.tr("Kind of dispute"), self.type_combo, "dispute.type")
        self.summary_edit = self.add_field(self.tr("What it is about"), _text(3), "dispute.summary")
        self.summary_edit.setPlainText(row.summary)

        self.parties: list[_Party] = []
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
        self.switch_side_button = QPushButton(self.tr("Other side"))
        self.switch_side_button.setToolTip(
            self.tr("Move the chosen party to the other side (applicant ↔ respondent)")
        )
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
        buttons = QVBoxLayout()
        buttons.addWidget(self.switch_side_button)
        buttons.addWidget(self.remove_party_button)
        buttons.addStretch(1)
        list_row.addLayout(buttons)
        inner.addLayout(list_row)
        self.add_field(self.tr("Parties"), box, "dispute.parties")
        self.hint(
            self.tr(
                "At least one applicant and one respondent. The date received and the cadre "
                "in charge are changed in the ledger."
            )
        )
        for p in row.parties:
            if p.person_id is not None:
                label = f"{p.name}（{p.household}）" if p.household else p.name
            elif p.household_id is not None:
                label = f"{p.name}（{p.household}）"
            else:
                label = self.tr("{name} (not on the list)").format(name=p.name)
            self._add(_Party(p.side, label, p.person_id, p.household_id, p.name))
        self.mark_clean()
        self.person_search.hit_chosen.connect(self.add_person)
        self.add_outsider_button.clicked.connect(self.add_outsider)
        self.outsider_edit.returnPressed.connect(self.add_outsider)
        self.remove_party_button.clicked.connect(self.remove_party)
        self.switch_side_button.clicked.connect(self.switch_side)
        self.want_size(640, 560)

    # ------------------------------------------------------------ parties

    def _text(self, party: _Party) -> str:
        return f"{side_text(party.side)}：{party.label}"

    def _add(self, party: _Party) -> None:
        self.parties.append(party)
        self.party_list.addItem(self._text(party))
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

    def switch_side(self) -> None:
        row = self.party_list.currentRow()
        if 0 <= row < len(self.parties):
            party = self.parties[row]
            party.side = "respondent" if party.side == "applicant" else "applicant"
            self.party_list.item(row).setText(self._text(party))
            self.errors.clear("dispute.parties")

    # ------------------------------------------------------------ saving

    def save(self) -> None:
        if self.outsider_edit.text().strip():
            self.add_outsider()  # typed but not added: it was meant to be saved too
        actor, did = self.ctx.operator_id, self.row.id
        kind = self.type_combo.currentData() or ""
        summary = self.summary_edit.toPlainText()
        parties = [p.data() for p in self.parties]
        self.submit(
            lambda db: services.disputes.update_dispute(
                db, actor, did, type=kind, summary=summary, parties=parties
            )
        )

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
