"""The forms of the 会议记录 page: a meeting (with who came and the points
raised), and how often each kind should take place.

Attendees are found by name with the quick search (pinyin initials work);
a point raised is added below the meeting: solved on the spot (say how) or
turned into a ledger matter (choose its category; the host answers for it
first). Saving goes through the services on the writer thread; a refusal
lands under its field.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
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
from village_desk.core.domain.meetings import ITEM_OUTCOMES, KINDS
from village_desk.core.services.meetings import MAX_HEAD_COUNT, MeetingInput, RaisedPoint
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
from village_desk.ui.widgets.quick_search import QuickSearchEdit
from village_desk.ui.widgets.sizing import fit_lines

KINDS_EN = {
    "council_day": "Democratic council day",
    "democratic_talk": "Democratic talk",
    "courtyard": "Courtyard meeting",
    "representatives": "Villagers' representatives",
}


def kind_text(code: str) -> str:
    if current_language().startswith("en"):
        return KINDS_EN.get(code, code)
    return KINDS.get(code, code)


def select_data(combo: QComboBox, value) -> bool:
    """Choose the entry whose data equals ``value`` (ids are compared by value:
    Qt's ``findData`` matches a Python object only by identity)."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return True
    return False


def _text(lines: float = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    fit_lines(edit, lines)
    return edit


class MeetingDialog(EditDialog):
    """A new meeting, or correcting one (``row``: the meeting as listed)."""

    def __init__(
        self, ctx, row=None, parent: QWidget | None = None, village_id: uuid.UUID | None = None
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(self.tr("Edit meeting") if row else self.tr("New meeting"))
        self.errors = FieldErrors(error_label())
        self.form = QFormLayout()
        self.kind_combo = QComboBox()
        for code in KINDS:
            self.kind_combo.addItem(kind_text(code), code)
        self._field(self.tr("Kind"), self.kind_combo, "meeting.kind")
        # At a township office a new meeting is held in one of its villages
        # (it counts in that village's rhythm); a meeting keeps its village.
        self.village_combo: QComboBox | None = None
        if row is None and ctx.read(queries.reference.is_township):
            self.village_combo = QComboBox()
            self.village_combo.setAccessibleName(self.tr("Village"))
            self.village_combo.addItem(self.tr("Choose the village…"), None)
            for v in ctx.read(queries.reference.village_profiles):
                self.village_combo.addItem(v.village, v.id)
            if village_id is not None:
                select_data(self.village_combo, village_id)
            self._field(self.tr("Village *"), self.village_combo, "meeting.village_id")
        self.date_edit = QDateEdit(QDate(row.date) if row else QDate.currentDate())
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self._field(self.tr("Date"), self.date_edit, "meeting.date")
        self.place_edit = QLineEdit()
        self._field(self.tr("Place"), self.place_edit, "meeting.place")
        self.host_combo = QComboBox()
        for c in ctx.read(queries.reference.cadres):
            self.host_combo.addItem(c.name, c.id)
        if row is not None and not select_data(self.host_combo, row.host_id):
            self.host_combo.addItem(row.host, row.host_id)  # a host since deactivated
        self._field(self.tr("Host"), self.host_combo, "meeting.host_id")
        self.group_combo = QComboBox()
        self._fill_groups()
        self._field(self.tr("Group"), self.group_combo, "meeting.group_id")
        if self.village_combo is not None:
            self.village_combo.currentIndexChanged.connect(lambda _i: self._fill_groups())
        self.head_spin = QSpinBox()
        self.head_spin.setRange(0, MAX_HEAD_COUNT)
        self._field(self.tr("People present"), self.head_spin, "meeting.head_count")

        self.attendee_search = QuickSearchEdit(ctx.db)
        self.attendee_search.setPlaceholderText(self.tr("Add a villager who came: type a name"))
        self.attendee_list = QListWidget()
        fit_lines(self.attendee_list, 3)
        self.remove_attendee = QPushButton(self.tr("Remove"))
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.attendee_search)
        row_layout = QHBoxLayout()
        row_layout.addWidget(self.attendee_list, 1)
        row_layout.addWidget(self.remove_attendee)
        inner.addLayout(row_layout)
        self._field(self.tr("Villagers who came"), box, "meeting.attendees")
        self.topics_edit = self._field(self.tr("Topics"), _text(2), "meeting.topics")
        self.discussion_edit = self._field(self.tr("What was said"), _text(3), "meeting.discussion")
        self.decisions_edit = self._field(self.tr("Decisions"), _text(2), "meeting.decisions")

        # points raised
        self.points_list = QListWidget()
        self.points_list.setProperty("notAnInput", True)
        fit_lines(self.points_list, 3)
        self.point_edit = QLineEdit()
        self.point_edit.setPlaceholderText(self.tr("What was raised"))
        self.outcome_combo = QComboBox()
        self.outcome_combo.addItem(self.tr("Solved on the spot"), "solved")
        self.outcome_combo.addItem(self.tr("Into the ledger"), "matter")
        self.solution_edit = QLineEdit()
        self.solution_edit.setPlaceholderText(self.tr("How it was solved"))
        self.matter_kind_combo = QComboBox()
        add_choose_entry(self.matter_kind_combo)
        for code, label in ctx.read(queries.reference.choices, "matter_kind"):
            self.matter_kind_combo.addItem(label, code)
        self.raised_by_combo = QComboBox()
        self.add_point_button = QPushButton(self.tr("Add point"))
        self.remove_point_button = QPushButton(self.tr("Remove point"))
        self.remove_point_button.setToolTip(
            self.tr("Only points not saved yet can be removed here.")
        )
        point_box = QWidget()
        grid = QFormLayout(point_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addRow(self.points_list)
        grid.addRow(self.tr("Raised"), self.point_edit)
        grid.addRow(self.tr("Raised by"), self.raised_by_combo)
        grid.addRow(self.tr("Handled"), self.outcome_combo)
        grid.addRow(self.tr("How it was solved"), self.solution_edit)
        grid.addRow(self.tr("Matter category"), self.matter_kind_combo)
        point_buttons = QHBoxLayout()
        point_buttons.addWidget(self.add_point_button)
        point_buttons.addWidget(self.remove_point_button)
        grid.addRow("", point_buttons)
        self._field(self.tr("Points raised"), point_box, "meeting.points")
        hint = QLabel(
            self.tr("A point put into the ledger becomes a matter for the host to handle first.")
        )
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        self.form.addRow("", hint)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addLayout(self.form)
        column.addStretch(1)  # rows keep their height; the room left stays below
        self.buttons = self.save_cancel_buttons()
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(content), 1)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)

        self.new_points: list[RaisedPoint] = []
        self.attendees: dict[uuid.UUID, str] = {}
        self.attendee_search.hit_chosen.connect(self.add_attendee)
        self.remove_attendee.clicked.connect(self.remove_selected_attendee)
        self.add_point_button.clicked.connect(self.add_point)
        self.remove_point_button.clicked.connect(self.remove_point)
        self.outcome_combo.currentIndexChanged.connect(lambda _i: self._outcome_changed())
        if row is not None:
            set_combo_data(self.kind_combo, row.kind)
            self.place_edit.setText(row.place)
            select_data(self.host_combo, row.host_id)
            select_data(self.group_combo, row.group_id)
            self.head_spin.setValue(row.head_count)
            for a in row.attendees:
                self._add_attendee(a.person_id, f"{a.name}（{a.household}）")
            self.topics_edit.setPlainText(row.topics)
            self.discussion_edit.setPlainText(row.discussion)
            self.decisions_edit.setPlainText(row.decisions)
            for p in row.points:
                self.points_list.addItem(
                    self._point_text(p.text, p.outcome, p.solution or p.matter_number)
                )
        self._refresh_raisers()
        self._outcome_changed()
        self.want_size(640, 760)

    def _field(self, label: str, widget: QWidget, key: str) -> QWidget:
        message = error_label()
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(widget)
        inner.addWidget(message)
        self.form.addRow(label, box)
        self.errors.register(key, widget, message)
        return widget

    # ------------------------------------------------------------ attendees

    def _add_attendee(self, person_id, label: str) -> None:
        if person_id in self.attendees:
            return
        self.attendees[person_id] = label
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        self.attendee_list.addItem(item)
        self.head_spin.setValue(max(self.head_spin.value(), len(self.attendees)))
        self._refresh_raisers()

    def add_attendee(self, hit) -> None:
        self._add_attendee(hit.person_id, f"{hit.name}（{hit.household_number}）")
        self.attendee_search.clear()

    def remove_selected_attendee(self) -> None:
        item = self.attendee_list.currentItem()
        if item is None:
            return
        self.attendees.pop(item.data(Qt.ItemDataRole.UserRole), None)
        self.attendee_list.takeItem(self.attendee_list.row(item))
        self._refresh_raisers()

    def _refresh_raisers(self) -> None:
        current = self.raised_by_combo.currentData()
        self.raised_by_combo.clear()
        self.raised_by_combo.addItem(self.tr("(the meeting)"), None)
        for pid, label in self.attendees.items():
            self.raised_by_combo.addItem(label, pid)
        select_data(self.raised_by_combo, current)

    # ------------------------------------------------------------ points

    def _outcome_changed(self) -> None:
        solved = self.outcome_combo.currentData() == "solved"
        self.solution_edit.setEnabled(solved)
        self.matter_kind_combo.setEnabled(not solved)

    def _point_text(self, text: str, outcome: str, solution: str) -> str:
        how = ITEM_OUTCOMES.get(outcome, outcome)
        return f"{text} — {how}" + (f"：{solution}" if solution else "")

    def add_point(self) -> None:
        """Keep the point typed below for saving with the meeting (checked then)."""
        text = self.point_edit.text().strip()
        if not text:
            self.errors.show("meeting.points", self.tr("Type what was raised first."))
            return
        self.errors.clear("meeting.points")
        outcome = self.outcome_combo.currentData()
        point = RaisedPoint(
            text=text,
            outcome=outcome,
            solution=self.solution_edit.text() if outcome == "solved" else "",
            raised_by_id=self.raised_by_combo.currentData(),
            kind=self.matter_kind_combo.currentData() if outcome == "matter" else "",
        )
        self.new_points.append(point)
        label = self.matter_kind_combo.currentText() if outcome == "matter" else point.solution
        item = QListWidgetItem(self._point_text(text, outcome, label))
        item.setData(Qt.ItemDataRole.UserRole, point)  # not saved yet: removable
        self.points_list.addItem(item)
        self.point_edit.clear()
        self.solution_edit.clear()

    def remove_point(self) -> None:
        """Take back a point added in this form (saved points stay: a matter
        made from one lives on in the ledger)."""
        item = self.points_list.currentItem()
        point = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if point is None:
            return
        self.new_points = [p for p in self.new_points if p is not point]
        self.points_list.takeItem(self.points_list.row(item))

    def _fill_groups(self) -> None:
        """The groups of the chosen village (all of them on a village laptop)."""
        chosen = self.group_combo.currentData()
        village = self.village_combo.currentData() if self.village_combo is not None else None
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("Whole village"), None)
        for g in self.ctx.read(queries.reference.groups):
            if village is None or g.village_id == village:
                self.group_combo.addItem(g.name, g.id)
        select_data(self.group_combo, chosen)

    # ------------------------------------------------------------ saving

    def data(self) -> MeetingInput:
        return MeetingInput(
            kind=self.kind_combo.currentData(),
            date=self.date_edit.date().toPython(),
            host_id=self.host_combo.currentData(),
            place=self.place_edit.text(),
            group_id=self.group_combo.currentData(),
            attendee_ids=list(self.attendees),
            head_count=self.head_spin.value(),
            topics=self.topics_edit.toPlainText(),
            discussion=self.discussion_edit.toPlainText(),
            decisions=self.decisions_edit.toPlainText(),
            points=list(self.new_points),
            village_id=self.village_combo.currentData() if self.village_combo else None,
        )

    def save(self) -> None:
        if self.point_edit.text().strip():
            self.add_point()  # typed but not added: it was meant to be saved too
        self.errors.clear()
        actor, data, row = self.ctx.operator_id, self.data(), self.row
        if row is None:
            work = lambda db: services.meetings.record_meeting(db, actor, data)  # noqa: E731
        else:
            work = lambda db: services.meetings.update_meeting(db, actor, row.id, data)  # noqa: E731

        def saved(_result) -> None:
            self.new_points.clear()
            if self.isVisible():
                self.accept()

        self.ctx.op(self, work).failure(self.refused).busy(self.save_button).success(saved).run()

    def refused(self, err: BaseException) -> None:
        """A refusal under its field; one about a point raised (no field of
        its own) below the form, named as the service names it (第2项事项类别)."""
        self.errors.show_error(err)
        field = getattr(err, "field", "")
        if field.startswith("meeting.item.") and self.errors.label_for(field) is None:
            self.errors.general.setText(f"{err.label}：{err.message}")


class FrequencyDialog(EditDialog):
    """How often each kind of meeting should take place (months)."""

    def __init__(
        self,
        ctx,
        parent: QWidget | None = None,
        village_id: uuid.UUID | None = None,
        village_name: str = "",
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.village_id = village_id  # a township office: the village's own
        title = self.tr("How often meetings are held")
        self.setWindowTitle(f"{title}（{village_name}）" if village_name else title)
        self.errors = FieldErrors(error_label())
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        scope = village_id if village_id is not None else False
        for kind, months in ctx.read(queries.meetings.frequencies, scope).items():
            spin = QSpinBox()
            spin.setRange(0, 24)
            spin.setSpecialValueText(self.tr("No fixed rhythm"))
            spin.setSuffix(self.tr(" months"))
            spin.setValue(months)
            self.spins[kind] = spin
            form.addRow(kind_text(kind), spin)
        self.buttons = self.save_cancel_buttons()
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        actor = self.ctx.operator_id
        months = {kind: spin.value() for kind, spin in self.spins.items()}
        village = self.village_id
        self.ctx.op(
            self, lambda db: services.meetings.set_frequencies(db, actor, months, village)
        ).errors(self.errors).busy(self.save_button).success(
            lambda _r: self.isVisible() and self.accept()
        ).run()
