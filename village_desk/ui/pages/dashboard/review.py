"""冲突与待核对: what merging another copy's changes left for a person.

Two lists (docs/sync.md): the **conflicts** — a value another change
overwrote without having seen it, kept by the merge
(``queries.sync.open_conflicts``), settled here one by one
(``services.sync.settle_conflict``: keep the current value, take the other
one, or "I corrected the record myself") — and the village **rules** the
merged records break now (``queries.rules.violations``: a duplicate 户号,
two heads…), which are fixed in the records themselves; 打开记录 goes there.

Both lists are read again after every change, so what was settled or
corrected disappears from them.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from village_desk.core import queries, services
from village_desk.core.queries.rules import Violation
from village_desk.core.queries.sync import OpenConflict
from village_desk.core.services.households import HouseholdInput
from village_desk.core.storage.changes import Changes
from village_desk.ui.pages.base import ALL_TABLES
from village_desk.ui.widgets.forms import HINT_STYLE, heading
from village_desk.ui.widgets.modal import run_modal
from village_desk.ui.widgets.sizing import fit_to_screen

TARGET_ROLE = Qt.ItemDataRole.UserRole
WARNING_STYLE = "color: #8a4b00; font-weight: bold;"
#: the tables whose changes can add or settle a conflict or a broken rule
REVIEW_TABLES = ALL_TABLES | {"sync_settlement"}
#: record kinds that 打开记录 can show (others are settled here or in 设置)
OPENABLE = ("household", "person", "matter", "matter_note")


def review_count(session: Session) -> int:
    """Open conflicts plus broken rules plus held changes (one item): the
    number on the work bench."""
    held = 1 if queries.sync.held_changes(session) is not None else 0
    return queries.sync.open_conflict_count(session) + len(queries.rules.violations(session)) + held


def record_target(session: Session, entity: str, record_id: uuid.UUID) -> tuple[str, uuid.UUID]:
    """Where a record is shown: ``("household", id)``, ``("matter", id)`` or
    ``("", record_id)`` when it has no page of its own (or is not here)."""
    if entity == "household":
        return "household", record_id
    if entity == "person":
        person = queries.households.person(session, record_id)
        return ("household", person.household_id) if person is not None else ("", record_id)
    if entity == "matter":
        return "matter", record_id
    if entity == "matter_note":
        matters = queries.matters.matters_of_notes(session, [record_id])
        return ("matter", next(iter(matters))) if matters else ("", record_id)
    return "", record_id


def record_words(session: Session, entity: str, record_id: uuid.UUID) -> str:
    """A record named in words, for the rows under a broken rule."""
    if entity == "household":
        label = queries.households.household_labels(session, [record_id]).get(record_id)
        return f"户 {label}" if label else "户"
    if entity == "person":
        person = queries.households.person(session, record_id)
        if person is None:
            return "家庭成员"
        label = queries.households.household_labels(session, [person.household_id])
        return f"{person.name}（户 {label.get(person.household_id, '')}）"
    if entity == "matter":
        matter = queries.matters.matter(session, record_id)
        return f"事项 {matter.number} {matter.content[:20]}" if matter is not None else "事项"
    return queries.sync.ENTITY_LABELS.get(entity, entity)


def _read(session: Session) -> tuple[list[OpenConflict], list[tuple[Violation, list[str]]]]:
    conflicts = queries.sync.open_conflicts(session)
    broken = [
        (v, [record_words(session, v.entity, rid) for rid in v.record_ids])
        for v in queries.rules.violations(session)
    ]
    return conflicts, broken


#: broken rules that two registrations of one family leave, settled by merging
MERGEABLE = ("household_number", "id_number")


def households_of(session: Session, violation: Violation) -> list[tuple[uuid.UUID, str]]:
    """The live households a duplicate-户号 or duplicate-ID rule is about,
    with their names in words (in the order of the rule's records)."""
    if violation.entity == "household":
        ids = list(violation.record_ids)
    else:
        ids = []
        for rid in violation.record_ids:
            person = queries.households.person(session, rid)
            if person is not None and person.household_id not in ids:
                ids.append(person.household_id)
    out = []
    for hid in ids:
        household = queries.households.household(session, hid)
        if household is not None and not household.deleted:
            members = len(queries.households.members(session, hid))
            out.append((hid, f"{record_words(session, 'household', hid)}（{members} 人）"))
    return out


def _empty_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet(HINT_STYLE)
    return label


class ReviewDialog(QDialog):
    """The conflicts and broken rules, with what a person can do about them.

    :attr:`open_household_requested` / :attr:`open_matter_requested` ask the
    main window to show a record (the dialog closes first)."""

    open_household_requested = Signal(object)
    open_matter_requested = Signal(object)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("Conflicts and checks"))
        self.conflicts: list[OpenConflict] = []
        self.violations: list[Violation] = []
        self._targets: list[tuple[str, uuid.UUID | None]] = []
        self._fitted = False

        hint = QLabel(
            self.tr(
                "After data from another computer was merged: where both computers "
                "changed the same thing, the newer value is used and the other one is "
                "kept here for you to decide. Below, the village rules the records "
                "break now (fix them in the records)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)

        # changes held for a far-future stamp
        self.held = None
        self.held_label = QLabel()
        self.held_label.setWordWrap(True)
        self.held_label.setStyleSheet(WARNING_STYLE)
        self.accept_held_button = QPushButton(self.tr("Merge them…"))
        self.accept_held_button.setToolTip(
            self.tr("Only once the other computer's clock is right and the changes are wanted")
        )
        self.accept_held_button.clicked.connect(self.accept_held)
        self.held_box = QWidget()
        held_row = QHBoxLayout(self.held_box)
        held_row.setContentsMargins(0, 0, 0, 0)
        held_row.addWidget(self.held_label, 1)
        held_row.addWidget(self.accept_held_button)

        # conflicts
        self.conflicts_title = heading("", 1.15)
        self.conflict_table = QTableWidget(0, 5)
        self.conflict_table.setObjectName("conflictTable")
        self.conflict_table.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("Content"),
                self.tr("Value now"),
                self.tr("Value not used"),
                self.tr("From"),
            ]
        )
        self._table_look(self.conflict_table)
        header = self.conflict_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in enumerate((170, 100)):
            self.conflict_table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.conflict_table.itemSelectionChanged.connect(self._update_buttons)
        self.conflict_table.itemDoubleClicked.connect(lambda _item: self.open_conflict_record())
        self.no_conflicts = _empty_label(self.tr("No conflicts"))
        self.conflict_stack = QStackedWidget()
        self.conflict_stack.addWidget(self.conflict_table)
        self.conflict_stack.addWidget(self.no_conflicts)

        self.keep_button = QPushButton(self.tr("Keep the value now"))
        self.keep_button.setToolTip(
            self.tr("The record stays as it is; the other value is dropped")
        )
        self.keep_button.clicked.connect(lambda: self.settle("winner"))
        self.take_button = QPushButton(self.tr("Use the other value"))
        self.take_button.setToolTip(self.tr("Write the other value to the record, like an edit"))
        self.take_button.clicked.connect(self.take_other)
        self.edited_button = QPushButton(self.tr("Corrected in the record"))
        self.edited_button.setToolTip(
            self.tr("You corrected the record in its own form: keep what it has now")
        )
        self.edited_button.clicked.connect(lambda: self.settle("edited"))
        self.open_conflict_button = QPushButton(self.tr("Open record"))
        self.open_conflict_button.setToolTip(self.tr("Show the household or matter to correct it"))
        self.open_conflict_button.clicked.connect(self.open_conflict_record)
        self.settle_buttons = (self.keep_button, self.take_button, self.edited_button)
        conflict_buttons = QHBoxLayout()
        for button in self.settle_buttons:
            conflict_buttons.addWidget(button)
        conflict_buttons.addStretch(1)
        conflict_buttons.addWidget(self.open_conflict_button)

        conflicts_box = QWidget()
        box = QVBoxLayout(conflicts_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.conflicts_title)
        box.addWidget(self.conflict_stack, 1)
        box.addLayout(conflict_buttons)

        # broken rules
        self.problems_title = heading("", 1.15)
        self.problem_tree = QTreeWidget()
        self.problem_tree.setObjectName("problemTree")
        self.problem_tree.setColumnCount(2)
        self.problem_tree.setHeaderLabels([self.tr("Problem"), self.tr("Details")])
        self.problem_tree.setAlternatingRowColors(True)
        self.problem_tree.setRootIsDecorated(True)
        self.problem_tree.setUniformRowHeights(True)
        self.problem_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_tree.header().setStretchLastSection(True)
        self.problem_tree.setColumnWidth(0, max(220, self.problem_tree.header().sectionSizeHint(0)))
        self.problem_tree.itemSelectionChanged.connect(self._update_buttons)
        self.problem_tree.itemDoubleClicked.connect(lambda *_: self.open_problem_record())
        self.no_problems = _empty_label(self.tr("No problems found"))
        self.problem_stack = QStackedWidget()
        self.problem_stack.addWidget(self.problem_tree)
        self.problem_stack.addWidget(self.no_problems)
        self.open_problem_button = QPushButton(self.tr("Open record"))
        self.open_problem_button.setToolTip(self.tr("Show the household or matter to correct it"))
        self.open_problem_button.clicked.connect(self.open_problem_record)
        self.merge_button = QPushButton(self.tr("Merge into one household…"))
        self.merge_button.setToolTip(
            self.tr("The same family registered twice: keep one household, move the rest to it")
        )
        self.merge_button.clicked.connect(self.merge_households)
        self.renumber_button = QPushButton(self.tr("Change 户号…"))
        self.renumber_button.setToolTip(
            self.tr("Two households with one 户号: give this one another")
        )
        self.renumber_button.clicked.connect(self.renumber)
        problem_buttons = QHBoxLayout()
        problem_buttons.addWidget(self.merge_button)
        problem_buttons.addWidget(self.renumber_button)
        problem_buttons.addStretch(1)
        problem_buttons.addWidget(self.open_problem_button)

        problems_box = QWidget()
        box = QVBoxLayout(problems_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.problems_title)
        box.addWidget(self.problem_stack, 1)
        box.addLayout(problem_buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(conflicts_box)
        splitter.addWidget(problems_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.held_box)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        ctx.data_changed.connect(self._data_changed)
        self.reload()

    @staticmethod
    def _table_look(t: QTableWidget) -> None:
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setWordWrap(False)
        t.verticalHeader().hide()
        t.setAlternatingRowColors(True)

    def showEvent(self, event) -> None:
        if not self._fitted:  # as large as wanted, as far as the screen allows
            self._fitted = True
            fit_to_screen(self, QSize(1040, 640))
        super().showEvent(event)

    # ------------------------------------------------------------ reading

    @Slot(object)
    def _data_changed(self, changes: Changes) -> None:
        if changes.touches(*REVIEW_TABLES):
            self.reload()

    def reload(self) -> None:
        """Read both lists again; the row chosen stays chosen (or the next one)."""
        self.conflicts, broken = self.ctx.read(_read)
        self.held = self.ctx.read(queries.sync.held_changes)
        if self.held is not None:
            self.held_label.setText(
                self.tr(
                    "{n} changes from another computer carry a time more than a day ahead of "
                    "this computer's clock (up to {latest}): its clock is probably wrong. They "
                    "are held, not merged, because they would win over every edit made here "
                    "until then."
                ).format(n=self.held.count, latest=f"{self.held.latest:%Y-%m-%d %H:%M}")
            )
        self.held_box.setVisible(self.held is not None)
        self.violations = [v for v, _words in broken]
        row = self.conflict_table.currentRow()
        self.conflict_table.setRowCount(len(self.conflicts))
        here = self.ctx.db.device.name if self.ctx.db.device is not None else None
        for r, c in enumerate(self.conflicts):
            source = c.other_device
            if source and source == here:  # this computer's own edit lost
                source = self.tr("{name} (this computer)").format(name=source)
            elif not source:  # names of other computers are not exchanged
                source = self.tr("another computer")
            values = [c.what, c.field_label, c.current, c.other, source]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.conflict_table.setItem(r, column, item)
        if self.conflicts:
            self.conflict_table.selectRow(min(max(row, 0), len(self.conflicts) - 1))
        self.conflict_stack.setCurrentWidget(
            self.conflict_table if self.conflicts else self.no_conflicts
        )
        self.conflicts_title.setText(
            self.tr("Conflicts ({n})").format(n=len(self.conflicts))
            if self.conflicts
            else self.tr("Conflicts")
        )

        self.problem_tree.clear()
        self._targets = []  # (entity, record id) by the index an item holds
        # rows as tall as the conflicts' (a tree's are tight)
        height = QSize(0, self.conflict_table.verticalHeader().defaultSectionSize())
        for v, words in broken:
            top = QTreeWidgetItem([v.title, v.detail])
            top.setData(0, TARGET_ROLE, len(self._targets))
            self._targets.append((v.entity, v.record_ids[0] if v.record_ids else None))
            top.setToolTip(1, v.detail)
            top.setSizeHint(0, height)
            if len(v.record_ids) > 1:  # each of the records, to open one by one
                for rid, text in zip(v.record_ids, words, strict=True):
                    child = QTreeWidgetItem(["", text])
                    child.setData(0, TARGET_ROLE, len(self._targets))
                    self._targets.append((v.entity, rid))
                    child.setToolTip(1, text)
                    child.setSizeHint(0, height)
                    top.addChild(child)
            self.problem_tree.addTopLevelItem(top)
            top.setExpanded(True)
        if broken:
            self.problem_tree.setCurrentItem(self.problem_tree.topLevelItem(0))
        self.problem_stack.setCurrentWidget(self.problem_tree if broken else self.no_problems)
        self.problems_title.setText(
            self.tr("Problems found by the checks ({n})").format(n=len(broken))
            if broken
            else self.tr("Problems found by the checks")
        )
        self._update_buttons()

    @Slot()
    def accept_held(self) -> None:
        """Merge the held changes, after a confirmation."""
        if self.held is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Merge the held changes"),
            self.tr(
                "Merge {n} held changes? They will count as newer than every edit made on "
                "this computer before {latest}. Do this only after the other computer's clock "
                "was corrected and its user confirmed the changes."
            ).format(n=self.held.count, latest=f"{self.held.latest:%Y-%m-%d %H:%M}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if run_modal(box) != QMessageBox.StandardButton.Yes:
            return
        self.ctx.op(self, services.sync.accept_held).success(lambda _r: self.reload()).run()

    def selected_conflict(self) -> OpenConflict | None:
        row = self.conflict_table.currentRow()
        if not self.conflicts or not (0 <= row < len(self.conflicts)):
            return None
        if not self.conflict_table.selectionModel().isRowSelected(row):
            return None
        return self.conflicts[row]

    def selected_problem(self) -> tuple[str, uuid.UUID | None] | None:
        item = self.problem_tree.currentItem()
        if item is None or not self.violations:
            return None
        return self._targets[item.data(0, TARGET_ROLE)]

    def selected_violation(self) -> Violation | None:
        item = self.problem_tree.currentItem()
        if item is None or not self.violations:
            return None
        top = item.parent() or item
        index = self.problem_tree.indexOfTopLevelItem(top)
        return self.violations[index] if 0 <= index < len(self.violations) else None

    @Slot()
    def _update_buttons(self) -> None:
        conflict = self.selected_conflict()
        for button in self.settle_buttons:
            button.setEnabled(conflict is not None)
        self.open_conflict_button.setEnabled(conflict is not None and conflict.entity in OPENABLE)
        problem = self.selected_problem()
        self.open_problem_button.setEnabled(
            problem is not None and problem[0] in OPENABLE and problem[1] is not None
        )
        violation = self.selected_violation()
        self.merge_button.setEnabled(violation is not None and violation.kind in MERGEABLE)
        self.renumber_button.setEnabled(
            violation is not None
            and violation.kind == "household_number"
            and problem is not None
            and problem[1] is not None
        )

    # ------------------------------------------------------------ settling

    def settle(self, choice: str, conflict: OpenConflict | None = None) -> None:
        """Settle the chosen conflict (``services.sync.SETTLE_CHOICES``)."""
        conflict = conflict or self.selected_conflict()
        if conflict is None:
            return
        actor, cid = self.ctx.operator_id, conflict.id
        op = self.ctx.op(self, lambda db: services.sync.settle_conflict(db, actor, cid, choice))
        op.busy(*self.settle_buttons).titled(self.tr("Could not settle the conflict"))
        op.always(self.reload).run()  # refused too: it may have been settled elsewhere

    @Slot()
    def take_other(self) -> None:
        """改用另一值: it changes the record, so ask first."""
        conflict = self.selected_conflict()
        if conflict is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Use the other value"),
            self.tr(
                "Change {what}, {field}, from “{current}” to “{other}”? "
                "It is saved like any other edit."
            ).format(
                what=conflict.what,
                field=conflict.field_label,
                current=conflict.current,
                other=conflict.other,
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.settle("loser", conflict)  # the one asked about, whatever the list shows now

    # ------------------------------------------------------------ fixing records

    def choose_kept(self, households: list[tuple[uuid.UUID, str]]) -> uuid.UUID | None:
        """Ask which of two households stays; None: cancelled."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Merge into one household"))
        box.setText(
            self.tr(
                "Which household stays? The other one's members, visits, matters and pairings "
                "move to it (a member in both is kept once) and the other household is "
                "deleted.\n\n1. {first}\n2. {second}"
            ).format(first=households[0][1], second=households[1][1])
        )
        keep_first = box.addButton(self.tr("Keep 1"), QMessageBox.ButtonRole.AcceptRole)
        keep_second = box.addButton(self.tr("Keep 2"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        run_modal(box)
        if box.clickedButton() is keep_first:
            return households[0][0]
        if box.clickedButton() is keep_second:
            return households[1][0]
        return None

    @Slot()
    def merge_households(self) -> None:
        violation = self.selected_violation()
        if violation is None or violation.kind not in MERGEABLE:
            return
        households = self.ctx.read(households_of, violation)
        if len(households) != 2:
            QMessageBox.information(
                self,
                self.tr("Merge into one household"),
                self.tr(
                    "This can be done for two households at a time; open the records to "
                    "correct them."
                ),
            )
            return
        keep = self.choose_kept(households)
        if keep is None:
            return
        drop = next(hid for hid, _words in households if hid != keep)
        actor = self.ctx.operator_id
        op = self.ctx.op(
            self, lambda db: services.duplicates.merge_households(db, actor, keep, drop)
        )
        op.busy(self.merge_button).titled(self.tr("Could not merge the households"))
        op.always(self.reload).run()

    @Slot()
    def renumber(self) -> None:
        problem = self.selected_problem()
        violation = self.selected_violation()
        if problem is None or problem[1] is None or violation is None:
            return
        hid = problem[1] if problem[0] == "household" else violation.record_ids[0]
        household = self.ctx.read(queries.households.household, hid)
        if household is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Change 户号"))
        dialog.setLabelText(
            self.tr("New 户号 for {household}:").format(
                household=self.ctx.read(record_words, "household", hid)
            )
        )
        dialog.setTextValue(household.number)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return
        number = dialog.textValue().strip()
        if number == household.number:
            return
        base = dict(household._mapping)
        data = HouseholdInput(
            number=number,
            group_id=household.group_id,
            address=household.address,
            phone=household.phone,
            categories=list(household.categories),
            situation=household.situation,
            notes=household.notes,
        )
        actor = self.ctx.operator_id
        op = self.ctx.op(
            self,
            lambda db: services.households.update_household(db, actor, hid, data, base=base),
        )
        op.busy(self.renumber_button).titled(self.tr("Could not change the 户号"))
        op.always(self.reload).run()

    # ------------------------------------------------------------ opening records

    def _open(self, entity: str, record_id: uuid.UUID) -> None:
        kind, target = self.ctx.read(record_target, entity, record_id)
        if not kind:
            return
        self.accept()
        if kind == "household":
            self.open_household_requested.emit(target)
        else:
            self.open_matter_requested.emit(target)

    @Slot()
    def open_conflict_record(self) -> None:
        conflict = self.selected_conflict()
        if conflict is not None and conflict.entity in OPENABLE:
            self._open(conflict.entity, conflict.record_id)

    @Slot()
    def open_problem_record(self) -> None:
        problem = self.selected_problem()
        if problem is not None and problem[0] in OPENABLE and problem[1] is not None:
            self._open(*problem)
