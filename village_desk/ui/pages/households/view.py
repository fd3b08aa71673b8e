"""The household page: basic info, members, pairings and a timeline of
visits and matters, with the actions a cadre takes from here."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal, Slot
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

from village_desk.core import queries, services
from village_desk.core.domain.validation import mask_id_number, mask_phone
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Household, VillagerGroup
from village_desk.ui.pages.households.forms import (
    EndPairingDialog,
    HouseholdDialog,
    PairingDialog,
    PersonDialog,
)
from village_desk.ui.widgets.forms import HINT_STYLE, call_service, heading

ID_ROLE = Qt.ItemDataRole.UserRole + 10


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
    table.setRowCount(len(rows))
    for r, (rid, values) in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(ID_ROLE, rid)
            table.setItem(r, c, item)


class HouseholdView(QWidget):
    back_requested = Signal()
    deleted = Signal(object, str)  # household id, description
    changed = Signal()
    new_diary_requested = Signal(object)  # household id
    new_matter_requested = Signal(object)  # household id
    diary_list_requested = Signal(object)  # household id: its diary entries
    open_diary_requested = Signal(object)  # entry id
    open_matter_requested = Signal(object)  # matter id
    print_card_requested = Signal(object)  # household id

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor_id: uuid.UUID | None = None
        self.household_id: uuid.UUID | None = None
        self.household: Household | None = None
        self._members = {}

        self.back_button = QPushButton(self.tr("← Back to list"))
        self.title = heading("")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.diary_button = QPushButton(self.tr("New diary entry"))
        self.diary_list_button = QPushButton(self.tr("Diary entries of this household"))
        self.diary_list_button.setToolTip(
            self.tr("The 民情日记 list showing only this household's visits")
        )
        self.matter_button = QPushButton(self.tr("New matter"))
        self.card_button = QPushButton(self.tr("Print contact card…"))
        self.card_button.setToolTip(self.tr("Preview and print this household's card (Ctrl+P)"))
        self.delete_button = QPushButton(self.tr("Delete household"))
        title_row = QHBoxLayout()
        title_row.addWidget(self.back_button)
        title_row.addSpacing(12)
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.diary_list_button)
        top = QHBoxLayout()
        for b in (
            self.edit_button,
            self.diary_button,
            self.matter_button,
            self.card_button,
            self.delete_button,
        ):
            top.addWidget(b)
        top.addStretch(1)

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
        mb = QHBoxLayout()
        for b in (self.add_member_button, self.edit_member_button, self.remove_member_button):
            mb.addWidget(b)
        mb.addStretch(1)
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
        self.add_member_button.clicked.connect(self.add_member)
        self.edit_member_button.clicked.connect(self.edit_member)
        self.members_table.doubleClicked.connect(self.edit_member)
        self.remove_member_button.clicked.connect(self.remove_member)
        self.add_pairing_button.clicked.connect(self.add_pairing)
        self.end_pairing_button.clicked.connect(self.end_pairing)
        self.timeline_table.doubleClicked.connect(self._open_timeline_row)

    # ------------------------------------------------------------ loading

    def show_household(self, household_id: uuid.UUID) -> bool:
        self.household_id = household_id
        return self.reload()

    def reload(self) -> bool:
        hid = self.household_id
        with self.db.reading() as s:
            h = s.get(Household, hid)
            if h is None or h.deleted:
                return False
            group = s.get(VillagerGroup, h.group_id) if h.group_id else None
            cats = queries.reference.labels(s, "household_category")
            relations = queries.reference.labels(s, "relation")
            statuses = queries.reference.labels(s, "person_status")
            tags = queries.reference.labels(s, "person_tag")
            kinds = queries.reference.labels(s, "pairing_kind")
            members = queries.households.members(s, hid)
            pairs = queries.households.pairings(s, hid, current_only=False)
            cadre_names = {c.id: c.name for c in queries.reference.cadres(s, include_inactive=True)}
            timeline = queries.households.household_timeline(s, hid)
        self.household = h
        self._members = {p.id: p for p in members}
        head = next((p for p in members if p.relation == "head"), None)
        self.title.setText(
            self.tr("Household {number} · {head}").format(
                number=h.number, head=head.name if head else self.tr("(no head)")
            )
        )
        self.info["group"].setText(group.name if group else "")
        self.info["address"].setText(h.address)
        self.info["phone"].setText(mask_phone(h.phone))
        self.info["categories"].setText("、".join(cats.get(c, c) for c in h.categories))
        self.info["situation"].setText(h.situation)
        self.info["notes"].setText(h.notes)
        current = [p for p in pairs if p.end_date is None]
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
                        mask_phone(p.phone),
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
                for p in pairs
            ],
        )
        kind_labels = {"visit": self.tr("Visit"), "matter": self.tr("Matter")}
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

    @Slot()
    def edit_household(self) -> None:
        dialog = HouseholdDialog(self.db, self.actor_id, self.household, self)
        if dialog.exec():
            self.reload()
            self.changed.emit()

    @Slot()
    def delete_household(self) -> None:
        h = self.household
        answer = QMessageBox.question(
            self,
            self.tr("Delete household"),
            self.tr(
                "Delete household {number} with its members and pairings? "
                "Visits and matters stay. You can undo this right afterwards."
            ).format(number=h.number),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ok, _ = call_service(
            self, lambda: services.households.delete_household(self.db, self.actor_id, h.id)
        )
        if ok:
            self.deleted.emit(h.id, self.title.text())

    def open_person_dialog(self, person=None) -> PersonDialog:
        return PersonDialog(self.db, self.actor_id, self.household_id, person, self)

    @Slot()
    def add_member(self) -> None:
        if self.open_person_dialog().exec():
            self.reload()
            self.changed.emit()

    @Slot()
    def edit_member(self) -> None:
        pid = self._selected(self.members_table)
        if pid is None:
            return
        if self.open_person_dialog(self._members[pid]).exec():
            self.reload()
            self.changed.emit()

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
        ok, _ = call_service(
            self, lambda: services.households.delete_person(self.db, self.actor_id, pid)
        )
        if ok:
            self.reload()
            self.changed.emit()

    @Slot()
    def add_pairing(self) -> None:
        if PairingDialog(self.db, self.actor_id, self.household_id, self).exec():
            self.reload()
            self.changed.emit()

    @Slot()
    def end_pairing(self) -> None:
        pid = self._selected(self.pairings_table)
        if pid is None:
            return
        if EndPairingDialog(self.db, self.actor_id, pid, self).exec():
            self.reload()
            self.changed.emit()

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
