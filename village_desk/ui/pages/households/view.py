"""The household page: basic info, members, pairings and a timeline of
visits and matters, with the actions a cadre takes from here.

What it shows is read through ``queries`` as plain rows. It redraws itself
when a change that concerns it is committed (``AppContext.data_changed``),
whichever page caused it: a visit written in the diary, a matter's new status
in the ledger, a renamed group or category in the settings. When it is hidden
it redraws when next shown.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Row
from sqlalchemy.orm import Session

from village_desk.core import queries, services
from village_desk.core.domain.validation import mask_id_number, mask_phone
from village_desk.core.queries.history import household_history
from village_desk.core.queries.households import TimelineEvent
from village_desk.core.storage.changes import Changes
from village_desk.ui.lock import is_inspector
from village_desk.ui.pages.base import DataView
from village_desk.ui.pages.households.forms import (
    EndPairingDialog,
    HouseholdDialog,
    PairingDialog,
    PersonDialog,
)
from village_desk.ui.widgets.forms import HINT_STYLE, destructive, heading
from village_desk.ui.widgets.history import HistoryView
from village_desk.ui.widgets.modal import run_modal

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 10
# Any change to these tables may change what a household page shows (its
# members, pairings and timeline; the labels of groups, cadres and terms).
# The household's own row counts only when it is this household.
SHOWN_TABLES = (
    "person",
    "pairing",
    "diary_entry",
    "diary_household",
    "matter",
    "villager_group",
    "cadre",
    "vocab_term",
)


@dataclass(frozen=True)
class Shown:
    """Everything one household page shows, read in one session."""

    household: Row
    group: str
    members: list[Row]
    pairings: list[Row]
    timeline: list[TimelineEvent]
    cadre_names: dict[uuid.UUID, str]
    labels: dict[str, dict[str, str]]  # vocabulary kind → code → label


def read_shown(s: Session, household_id: uuid.UUID) -> Shown | None:
    """The household page's data; None when the household is gone (deleted)."""
    h = queries.households.household(s, household_id)
    if h is None or h.deleted:
        return None
    groups = {g.id: g.name for g in queries.reference.groups(s)}
    kinds = ("household_category", "relation", "person_status", "person_tag", "pairing_kind")
    return Shown(
        household=h,
        group=groups.get(h.group_id, "") if h.group_id else "",
        members=queries.households.members(s, household_id),
        pairings=queries.households.pairings(s, household_id, current_only=False),
        timeline=queries.households.household_timeline(s, household_id),
        cadre_names=queries.reference.cadre_names(s),
        labels={kind: queries.reference.labels(s, kind) for kind in kinds},
    )


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setStretchLastSection(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return t


def _fill(table: QTableWidget, rows: list[tuple[object, list[str]]]) -> None:
    """Show these rows; the selected record stays selected, the scroll stays."""
    chosen = table.selectionModel().selectedRows()
    selected = table.item(chosen[0].row(), 0).data(ID_ROLE) if chosen else None
    scroll = table.verticalScrollBar().value()
    table.clearSelection()
    table.setRowCount(len(rows))
    for r, (rid, values) in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(ID_ROLE, rid)
            table.setItem(r, c, item)
        if selected is not None and rid == selected:
            table.selectRow(r)
    table.verticalScrollBar().setValue(scroll)


class HouseholdView(DataView):
    back_requested = Signal()
    deleted = Signal(object, str)  # household id, description
    new_diary_requested = Signal(object)  # household id
    new_matter_requested = Signal(object)  # household id
    diary_list_requested = Signal(object)  # household id: its diary entries
    open_diary_requested = Signal(object)  # entry id
    open_matter_requested = Signal(object)  # matter id
    print_card_requested = Signal(object)  # household id

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.household_id: uuid.UUID | None = None
        self.household: Row | None = None  # the household's own fields, as shown
        # Phones are masked everywhere; on its own page a household's are one
        # click away (a cadre needs to call), until another household is shown.
        self.phones_shown = False
        self._members: dict[uuid.UUID, Row] = {}

        self.back_button = QPushButton(self.tr("← Back to list"))
        self.title = heading("")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.diary_button = QPushButton(self.tr("New diary entry"))
        self.diary_list_button = QPushButton(self.tr("Diary entries of this household"))
        self.diary_list_button.setToolTip(
            self.tr("The 民情日记 list showing only this household's visits")
        )
        self.matter_button = QPushButton(self.tr("New matter"))
        self.phones_button = QPushButton(self.tr("Show phone numbers"))
        self.phones_button.setToolTip(
            self.tr("Phone numbers are masked; show this household's in full to call them")
        )
        self.card_button = QPushButton(self.tr("Print contact card…"))
        self.card_button.setToolTip(self.tr("Preview and print this household's card (Ctrl+P)"))
        self.delete_button = QPushButton(self.tr("Delete household"))
        title_row = QHBoxLayout()
        title_row.addWidget(self.back_button)
        title_row.addSpacing(12)
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.diary_list_button)
        destructive(self.delete_button)
        top = QHBoxLayout()
        for b in (
            self.edit_button,
            self.diary_button,
            self.matter_button,
            self.card_button,
            self.phones_button,
        ):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(self.delete_button)  # apart from the common ones

        # basic info
        self.info = {
            key: QLabel()
            for key in ("group", "address", "phone", "categories", "situation", "notes", "cadres")
        }
        for label in self.info.values():
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        info = QFormLayout()
        info.addRow(self.tr("Group"), self.info["group"])
        info.addRow(self.tr("Address"), self.info["address"])
        info.addRow(self.tr("Phone"), self.info["phone"])
        info.addRow(self.tr("Categories"), self.info["categories"])
        info2 = QFormLayout()
        info2.addRow(self.tr("Paired cadres"), self.info["cadres"])
        info2.addRow(self.tr("Situation"), self.info["situation"])
        info2.addRow(self.tr("Notes"), self.info["notes"])
        info_row = QHBoxLayout()
        info_row.addLayout(info, 1)
        info_row.addSpacing(24)
        info_row.addLayout(info2, 1)

        # members
        self.members_table = _table(
            [
                self.tr("Name"),
                self.tr("Relation"),
                self.tr("Gender"),
                self.tr("Birth date"),
                self.tr("ID number"),
                self.tr("Phone"),
                self.tr("Status"),
                self.tr("Party member"),
                self.tr("Tags"),
            ]
        )
        self.add_member_button = QPushButton(self.tr("Add member…"))
        self.edit_member_button = QPushButton(self.tr("Edit member…"))
        self.remove_member_button = QPushButton(self.tr("Remove member"))
        members_page = QWidget()
        ml = QVBoxLayout(members_page)
        destructive(self.remove_member_button)
        mb = QHBoxLayout()
        for b in (self.add_member_button, self.edit_member_button):
            mb.addWidget(b)
        mb.addStretch(1)
        mb.addWidget(self.remove_member_button)
        ml.addLayout(mb)
        ml.addWidget(self.members_table)

        # pairings
        self.pairings_table = _table(
            [
                self.tr("Cadre"),
                self.tr("Kind"),
                self.tr("Start"),
                self.tr("End"),
                self.tr("Reason"),
            ]
        )
        self.add_pairing_button = QPushButton(self.tr("Pair a cadre…"))
        self.end_pairing_button = QPushButton(self.tr("End pairing…"))
        pairings_page = QWidget()
        pl = QVBoxLayout(pairings_page)
        pb = QHBoxLayout()
        pb.addWidget(self.add_pairing_button)
        pb.addWidget(self.end_pairing_button)
        pb.addStretch(1)
        pl.addLayout(pb)
        pl.addWidget(self.pairings_table)

        # timeline
        self.timeline_table = _table(
            [self.tr("Date"), self.tr("Type"), self.tr("What"), self.tr("Details")]
        )
        timeline_page = QWidget()
        tl = QVBoxLayout(timeline_page)
        hint = QLabel(self.tr("Double-click a row to open the diary entry or matter."))
        hint.setStyleSheet(HINT_STYLE)
        tl.addWidget(hint)
        tl.addWidget(self.timeline_table)

        self.tabs = QTabWidget()
        self.tabs.addTab(members_page, self.tr("Members"))
        self.tabs.addTab(pairings_page, self.tr("Paired cadres"))
        self.tabs.addTab(timeline_page, self.tr("Timeline"))
        self.history = HistoryView(ctx, household_history)
        self.tabs.addTab(self.history, self.tr("Change history"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(title_row)
        layout.addLayout(top)
        layout.addLayout(info_row)
        layout.addWidget(self.tabs, 1)

        self.back_button.clicked.connect(self.back_requested)
        self.edit_button.clicked.connect(self.edit_household)
        self.delete_button.clicked.connect(self.delete_household)
        self.diary_button.clicked.connect(lambda: self.new_diary_requested.emit(self.household_id))
        self.diary_list_button.clicked.connect(
            lambda: self.diary_list_requested.emit(self.household_id)
        )
        self.matter_button.clicked.connect(
            lambda: self.new_matter_requested.emit(self.household_id)
        )
        self.card_button.clicked.connect(lambda: self.print_card_requested.emit(self.household_id))
        self.phones_button.clicked.connect(self.toggle_phones)
        self.add_member_button.clicked.connect(self.add_member)
        self.edit_member_button.clicked.connect(self.edit_member)
        self.members_table.doubleClicked.connect(self.edit_member)
        self.remove_member_button.clicked.connect(self.remove_member)
        self.add_pairing_button.clicked.connect(self.add_pairing)
        self.end_pairing_button.clicked.connect(self.end_pairing)
        self.timeline_table.doubleClicked.connect(self._open_timeline_row)

    # ------------------------------------------------------------ loading

    def show_household(self, household_id: uuid.UUID) -> bool:
        if household_id != self.household_id:
            self.phones_shown = False
        self.household_id = household_id
        return self.reload()

    @Slot()
    def toggle_phones(self) -> None:
        """Show this household's phone numbers in full, or mask them again.
        Showing them is recorded (完整号码导出/查看记录: whose, who) in the
        background; the inspector never gets here (the button is hidden)."""
        if is_inspector(self.ctx):
            return
        self.phones_shown = not self.phones_shown
        self.reload()
        if self.phones_shown and self.household_id is not None:
            actor, hid = self.ctx.operator_id, self.household_id
            self.ctx.op(
                self, lambda db: services.disclosures.record_phone_reveal(db, actor, hid)
            ).failure(self._reveal_not_recorded).run()

    @staticmethod
    def _reveal_not_recorded(err: BaseException) -> None:
        # a read-only folder, say: the numbers are shown, the log has it
        log.warning("could not record showing a household's phones: %s", err, exc_info=err)

    def _phone(self, number: str) -> str:
        # (an inspector's read-only session sees phones masked only)
        shown = self.phones_shown and not is_inspector(self.ctx)
        return number if shown else mask_phone(number)

    def affected_by(self, changes: Changes) -> bool:
        """Whether a committed change may alter what this page shows."""
        if self.household_id is None:
            return False
        return self.household_id in changes.ids("household") or changes.touches(*SHOWN_TABLES)

    def refresh(self) -> None:
        """Re-read the household; when it is gone (deleted elsewhere), go back
        (after this event: the stack may be in the middle of showing us)."""
        if self.household_id is None or self.reload():
            return
        QTimer.singleShot(0, self, self.back_requested.emit)

    def reload(self) -> bool:
        """Re-read and show the household; False when it no longer exists."""
        shown = self.ctx.read(read_shown, self.household_id)
        if shown is None:
            return False
        self.stale = False
        h = shown.household
        members = shown.members
        labels = shown.labels
        cats, relations = labels["household_category"], labels["relation"]
        statuses, tags, kinds = (
            labels["person_status"],
            labels["person_tag"],
            labels["pairing_kind"],
        )
        cadre_names = shown.cadre_names
        self.household = h
        self._members = {p.id: p for p in members}
        self.history.show_record(h.id)
        head = next((p for p in members if p.relation == "head"), None)
        self.title.setText(
            self.tr("Household {number} · {head}").format(
                number=h.number, head=head.name if head else self.tr("(no head)")
            )
        )
        self.info["group"].setText(shown.group)
        self.info["address"].setText(h.address)
        self.info["phone"].setText(self._phone(h.phone))
        self.phones_button.setText(
            self.tr("Hide phone numbers") if self.phones_shown else self.tr("Show phone numbers")
        )
        self.phones_button.setVisible(not is_inspector(self.ctx))
        self.info["categories"].setText("、".join(cats.get(c, c) for c in h.categories))
        self.info["situation"].setText(h.situation)
        self.info["notes"].setText(h.notes)
        current = [p for p in shown.pairings if p.end_date is None]
        self.info["cadres"].setText(
            "、".join(
                f"{cadre_names.get(p.cadre_id, '')}（{kinds.get(p.kind, p.kind)}）" for p in current
            )
        )
        yes = self.tr("Yes")
        _fill(
            self.members_table,
            [
                (
                    p.id,
                    [
                        p.name,
                        relations.get(p.relation, p.relation),
                        p.gender,
                        p.birth_date.isoformat() if p.birth_date else "",
                        mask_id_number(p.id_number),
                        self._phone(p.phone),
                        statuses.get(p.status, p.status),
                        yes if p.party_member else "",
                        "、".join(tags.get(t, t) for t in p.tags),
                    ],
                )
                for p in members
            ],
        )
        _fill(
            self.pairings_table,
            [
                (
                    p.id,
                    [
                        cadre_names.get(p.cadre_id, ""),
                        kinds.get(p.kind, p.kind),
                        p.start_date.isoformat(),
                        p.end_date.isoformat() if p.end_date else self.tr("current"),
                        p.reason,
                    ],
                )
                for p in shown.pairings
            ],
        )
        kind_labels = {"visit": self.tr("Visit"), "matter": self.tr("Matter")}
        timeline = shown.timeline
        _fill(
            self.timeline_table,
            [
                ((e.kind, e.id), [e.date.isoformat(), kind_labels[e.kind], e.title, e.detail])
                for e in timeline
            ],
        )
        self.tabs.setTabText(2, self.tr("Timeline ({n})").format(n=len(timeline)))
        self.tabs.setTabText(0, self.tr("Members ({n})").format(n=len(members)))
        return True

    def member_names(self) -> list[str]:
        return [p.name for p in self._members.values()]

    def _selected(self, table: QTableWidget):
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        return table.item(rows[0].row(), 0).data(ID_ROLE)

    # ------------------------------------------------------------ actions
    # Saving needs no redraw here: the committed change comes back through
    # ctx.data_changed, to this page and every other.

    @Slot()
    def edit_household(self) -> HouseholdDialog:
        dialog = HouseholdDialog(self.ctx, self.household_id, self)
        run_modal(dialog)
        return dialog

    @Slot()
    def delete_household(self) -> None:
        hid, number, title = self.household_id, self.household.number, self.title.text()
        answer = QMessageBox.question(
            self,
            self.tr("Delete household"),
            self.tr(
                "Delete household {number} with its members and pairings? "
                "Visits and matters stay. You can undo this right afterwards."
            ).format(number=number),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.op(
            self,
            lambda db: services.households.delete_household(db, self.ctx.operator_id, hid),
        ).busy(self.delete_button).success(lambda _: self.deleted.emit(hid, title)).run()

    def open_person_dialog(self, person_id: uuid.UUID | None = None) -> PersonDialog:
        return PersonDialog(self.ctx, self.household_id, person_id, self)

    @Slot()
    def add_member(self) -> None:
        run_modal(self.open_person_dialog())

    @Slot()
    def edit_member(self) -> None:
        pid = self._selected(self.members_table)
        if pid is None:
            return
        run_modal(self.open_person_dialog(pid))

    @Slot()
    def remove_member(self) -> None:
        pid = self._selected(self.members_table)
        if pid is None:
            return
        person = self._members[pid]
        answer = QMessageBox.question(
            self,
            self.tr("Remove member"),
            self.tr("Remove {name} from this household?").format(name=person.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.op(
            self, lambda db: services.households.delete_person(db, self.ctx.operator_id, pid)
        ).busy(self.remove_member_button).run()

    @Slot()
    def add_pairing(self) -> None:
        run_modal(PairingDialog(self.ctx, self.household_id, self))

    @Slot()
    def end_pairing(self) -> None:
        pid = self._selected(self.pairings_table)
        if pid is None:
            return
        run_modal(EndPairingDialog(self.ctx, pid, self))

    @Slot()
    def _open_timeline_row(self) -> None:
        data = self._selected(self.timeline_table)
        if data is None:
            return
        kind, rid = data
        if kind == "visit":
            self.open_diary_requested.emit(rid)
        else:
            self.open_matter_requested.emit(rid)
