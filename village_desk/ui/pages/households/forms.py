"""Edit forms for households and their members, validating as the user types.

Every field that the core can refuse has a red message label right under it;
the same check runs as you type (ID check digit, phone) and on save, where the
service's own :class:`ValidationError` is shown next to the field it names.

The dialogs take the :class:`~village_desk.ui.context.AppContext`: what they
show is read through ``queries``, and Save runs the service as an op on the
writer thread; on success the dialog is accepted and ``saved_id`` names the
record. A term that was retired since a record was entered (a category, a
tag, a relation) stays chosen when the record is edited.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.validation import ValidationError, optional_phone, parse_id_number
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.ui.widgets.forms import (
    HINT_STYLE,
    EditDialog,
    FieldErrors,
    error_label,
    keep_space,
    refill_combo,
    scrolling,
    seen_now,
    set_combo_data,
)
from village_desk.ui.widgets.sizing import fit_lines


def _vocab(ctx, kind: str) -> list[tuple[str, str]]:
    """(code, label) of the terms offered for new records."""
    return ctx.read(queries.reference.choices, kind)


def _choose(combo: QComboBox, code: str, labels: dict[str, str]) -> None:
    """Choose ``code``; a retired term the record still has is added back."""
    if code and combo.findData(code) < 0:
        combo.addItem(labels.get(code, code), code)
    set_combo_data(combo, code)


class CheckGrid(QWidget):
    """Check boxes for a multi-valued vocabulary (household categories, tags)."""

    def __init__(self, items: list[tuple[str, str]], columns: int = 4, parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = columns
        self.boxes: dict[str, QCheckBox] = {}
        for code, label in items:
            self._add(code, label)

    def _add(self, code: str, label: str) -> QCheckBox:
        i = len(self.boxes)
        box = QCheckBox(label)
        self.boxes[code] = box
        self.grid.addWidget(box, i // self.columns, i % self.columns)
        return box

    def set_codes(self, codes, labels: dict[str, str] | None = None) -> None:
        """Check these codes; one no longer offered (retired) gets its box back
        (labelled from ``labels``), so saving the record keeps it."""
        for code in codes:
            if code not in self.boxes:
                self._add(code, (labels or {}).get(code, code))
        for code, box in self.boxes.items():
            box.setChecked(code in codes)

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]


class PersonForm(QWidget):
    """The fields of one person, with inline checks of the ID number and phone."""

    def __init__(self, ctx, head: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.relation_combo = QComboBox()
        for code, label in _vocab(ctx, "relation"):
            self.relation_combo.addItem(label, code)
        if head:
            set_combo_data(self.relation_combo, "head")
            self.relation_combo.setEnabled(False)
        else:
            set_combo_data(self.relation_combo, "spouse")
        self.gender_combo = QComboBox()
        self.gender_combo.addItem(self.tr("(unknown)"), "")
        self.gender_combo.addItem("男", "男")
        self.gender_combo.addItem("女", "女")
        self.id_edit = QLineEdit()
        self.id_edit.setAccessibleName(self.tr("ID number"))
        self.id_edit.setPlaceholderText(self.tr("18 digits (last may be X); may be left empty"))
        self.id_hint = QLabel()
        self.id_hint.setStyleSheet(HINT_STYLE)
        # Its line is kept from the start: the fields below do not move when
        # "出生于…" appears at the eighteenth digit.
        fit_lines(self.id_hint, 1)
        keep_space(self.id_hint)
        self.id_hint.hide()
        self.birth_check = QCheckBox(self.tr("Known"))
        self.birth_edit = QDateEdit()
        self.birth_edit.setDisplayFormat("yyyy-MM-dd")
        self.birth_edit.setCalendarPopup(True)
        self.birth_edit.setMaximumDate(QDate.currentDate())
        self.birth_edit.setDate(QDate(1970, 1, 1))
        self.birth_edit.setEnabled(False)
        self.birth_check.toggled.connect(self.birth_edit.setEnabled)
        self.phone_edit = QLineEdit()
        self.phone_edit.setAccessibleName(self.tr("Phone"))
        self.status_combo = QComboBox()
        for code, label in _vocab(ctx, "person_status"):
            self.status_combo.addItem(label, code)
        self.party_check = QCheckBox(self.tr("Party member"))
        self.tags = CheckGrid(_vocab(ctx, "person_tag"), columns=4)
        self.notes_edit = QLineEdit()

        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)

        def row(label: str, widget: QWidget, *fields: str) -> None:
            form.addRow(label, widget)
            if fields:
                err = error_label()
                form.addRow("", err)
                for f in fields:
                    self.errors.register(f, widget, err)

        row(self.tr("Name *"), self.name_edit, "person.name")
        row(self.tr("Relation to head"), self.relation_combo, "person.relation")
        id_box = QWidget()
        id_layout = QVBoxLayout(id_box)
        id_layout.setContentsMargins(0, 0, 0, 0)
        id_layout.setSpacing(2)
        id_layout.addWidget(self.id_edit)
        id_layout.addWidget(self.id_hint)
        form.addRow(self.tr("ID number"), id_box)
        self.id_error = error_label()
        form.addRow("", self.id_error)
        self.errors.register("person.id_number", self.id_edit, self.id_error)
        row(self.tr("Gender"), self.gender_combo, "person.gender")
        birth = QWidget()
        birth_layout = QHBoxLayout(birth)
        birth_layout.setContentsMargins(0, 0, 0, 0)
        birth_layout.addWidget(self.birth_check)
        birth_layout.addWidget(self.birth_edit)
        birth_layout.addStretch(1)
        row(self.tr("Birth date"), birth, "person.birth_date")
        row(self.tr("Phone"), self.phone_edit, "person.phone")
        row(self.tr("Status"), self.status_combo, "person.status")
        form.addRow("", self.party_check)
        row(self.tr("Tags"), self.tags, "person.tags")
        form.addRow(self.tr("Notes"), self.notes_edit)
        form.addRow(self.general_error)

        self.id_edit.textChanged.connect(self._check_id)
        self.id_edit.editingFinished.connect(self._id_left)
        self.phone_edit.textChanged.connect(self._check_phone)
        self.name_edit.textEdited.connect(lambda: self.errors.clear("person.name"))

    # ------------------------------------------------------------ as you type

    @Slot(str)
    def _check_id(self, text: str) -> None:
        self.errors.clear("person.id_number")
        self.id_hint.hide()
        digits = text.strip()
        if not digits:
            return
        # Complain while typing only once the number is complete (18 digits);
        # 15 digits may be an old number or the first 15 of a new one: its
        # birth date is shown if it is a valid old number, nothing said if not.
        if len(digits) == 18 or len(digits) > 18:
            self._judge_id(digits)
        elif len(digits) == 15:
            self._judge_id(digits, quiet=True)

    @Slot()
    def _id_left(self) -> None:
        """Leaving the field: a number of any length is judged now (a 17-digit
        number would otherwise be refused only on Save)."""
        digits = self.id_edit.text().strip()
        if digits and self.errors.label_for("person.id_number").isHidden():
            self._judge_id(digits)

    def _judge_id(self, digits: str, quiet: bool = False) -> None:
        try:
            parsed = parse_id_number(digits)
        except ValidationError as err:
            if not quiet:
                self.errors.show(err.field, err.message, focus=False)
            return
        self.id_hint.setText(
            self.tr("Born {date}, {gender}").format(
                date=parsed.birth_date.isoformat(), gender=parsed.gender
            )
        )
        self.id_hint.show()
        set_combo_data(self.gender_combo, parsed.gender)
        self.birth_check.setChecked(True)
        d = parsed.birth_date
        self.birth_edit.setDate(QDate(d.year, d.month, d.day))

    @Slot(str)
    def _check_phone(self, text: str) -> None:
        self.errors.clear("person.phone")
        if len(text.strip()) < 11:
            return
        try:
            optional_phone(text, "person.phone")
        except ValidationError as err:
            self.errors.show(err.field, err.message, focus=False)

    # ------------------------------------------------------------ values

    def value(self) -> PersonInput:
        birth = None
        if self.birth_check.isChecked():
            d = self.birth_edit.date()
            birth = d.toPython()
        return PersonInput(
            name=self.name_edit.text(),
            relation=self.relation_combo.currentData(),
            gender=self.gender_combo.currentData(),
            birth_date=birth,
            id_number=self.id_edit.text(),
            phone=self.phone_edit.text(),
            status=self.status_combo.currentData(),
            party_member=self.party_check.isChecked(),
            tags=self.tags.codes(),
            notes=self.notes_edit.text(),
        )

    def load(self, p) -> None:
        """Show a person (a row of ``queries.households.person``/``members``)."""
        read = self.ctx.read
        self.name_edit.setText(p.name)
        _choose(self.relation_combo, p.relation, read(queries.reference.labels, "relation"))
        self.relation_combo.setEnabled(True)
        self.id_edit.setText(p.id_number)
        set_combo_data(self.gender_combo, p.gender)
        if p.birth_date:
            self.birth_check.setChecked(True)
            self.birth_edit.setDate(QDate(p.birth_date.year, p.birth_date.month, p.birth_date.day))
        self.phone_edit.setText(p.phone)
        _choose(self.status_combo, p.status, read(queries.reference.labels, "person_status"))
        self.party_check.setChecked(p.party_member)
        self.tags.set_codes(p.tags, read(queries.reference.labels, "person_tag"))
        self.notes_edit.setText(p.notes)

    def show_error(self, err: BaseException) -> None:
        if isinstance(err, ValidationError):
            # Messages for a named member arrive as "姓名：…"; the field is enough here.
            message = err.message
            self.errors.show(err.field, message)
        else:
            self.errors.show_error(err)


class PersonDialog(EditDialog):
    """Add or edit one member; the service's refusal is shown at the field."""

    def __init__(
        self,
        ctx,
        household_id: uuid.UUID,
        person_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.household_id, self.person_id = ctx, household_id, person_id
        self.person = ctx.read(queries.households.person, person_id) if person_id else None
        # The member as the form showed it: only what the user changes is
        # written, and a field changed underneath too is refused at the field.
        self._base = dict(self.person._mapping) if self.person is not None else None
        self.setWindowTitle(self.tr("Edit member") if person_id else self.tr("Add member"))
        self.form = PersonForm(ctx)
        if self.person is not None:
            self.form.load(self.person)
        self.buttons = self.save_cancel_buttons()
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(self.form), 1)  # the buttons stay visible
        layout.addWidget(self.buttons)
        self.saved_id: uuid.UUID | None = None

    def _write(self, db, data: PersonInput, base: dict | None) -> uuid.UUID:
        actor = self.ctx.operator_id
        if self.person_id is None:
            return services.households.add_person(db, actor, self.household_id, data)
        services.households.update_person(db, actor, self.person_id, data, base=base)
        return self.person_id

    @Slot()
    def save(self) -> None:
        self.form.errors.clear()
        data, base = self.form.value(), dict(self._base) if self._base is not None else None
        self.ctx.op(self, lambda db: self._write(db, data, base)).failure(self._refused).busy(
            self.save_button
        ).success(self._saved).run()

    def _refused(self, err: BaseException) -> None:
        self.form.show_error(err)
        if self.person_id is not None:
            seen_now(
                self._base, err, "person", self.ctx.read(queries.households.person, self.person_id)
            )

    def _saved(self, person_id: uuid.UUID) -> None:
        self.saved_id = person_id
        self.accept()


class HouseholdDialog(EditDialog):
    """New household (with its head) or edit of a household's own fields."""

    def __init__(
        self,
        ctx,
        household_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        village_id: uuid.UUID | None = None,
    ):
        """``village_id``: at a township office, the village a new household
        is offered in (the one the list shows)."""
        super().__init__(parent)
        self.ctx, self.household_id = ctx, household_id
        household = ctx.read(queries.households.household, household_id) if household_id else None
        self.household = household
        self._base = dict(household._mapping) if household is not None else None  # as shown
        editing = household_id is not None
        self.setWindowTitle(self.tr("Edit household") if editing else self.tr("New household"))
        self.number_edit = QLineEdit()
        self.number_edit.setAccessibleName(self.tr("Household no."))
        # A township office holds many villages: a household is in one of
        # them, chosen for a new household (its groups follow), fixed after.
        self.township = bool(ctx.read(queries.reference.is_township))
        self.village_combo = QComboBox()
        self.village_combo.setAccessibleName(self.tr("Village"))
        self._groups = ctx.read(queries.reference.groups)
        self.group_combo = QComboBox()
        if self.township:
            self.village_combo.addItem(self.tr("(choose a village)"), None)
            for v in ctx.read(queries.reference.village_profiles):
                self.village_combo.addItem(v.village, str(v.id))
            chosen = household.village_id if household is not None else village_id
            set_combo_data(self.village_combo, str(chosen) if chosen else None)
            self.village_combo.setEnabled(not editing)
        self._fill_groups()
        self.address_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.categories = CheckGrid(_vocab(ctx, "household_category"), columns=4)
        self.situation_edit = QPlainTextEdit()
        self.situation_edit.setPlaceholderText(
            self.tr("Work, schooling, medical care, old-age care, income, housing…")
        )
        fit_lines(self.situation_edit, 3)
        self.notes_edit = QLineEdit()
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)

        box = QGroupBox(self.tr("Household"))
        form = QFormLayout(box)

        def row(label: str, widget: QWidget, field: str = "") -> None:
            form.addRow(label, widget)
            if field:
                err = error_label()
                form.addRow("", err)
                self.errors.register(field, widget, err)

        if self.township:
            row(self.tr("Village *"), self.village_combo, "household.village_id")
        row(self.tr("Household no. *"), self.number_edit, "household.number")
        row(self.tr("Group"), self.group_combo, "household.group_id")
        row(self.tr("Address"), self.address_edit)
        row(self.tr("Household phone"), self.phone_edit, "household.phone")
        row(self.tr("Categories"), self.categories, "household.categories")
        row(self.tr("Situation"), self.situation_edit)
        row(self.tr("Notes"), self.notes_edit)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(box)
        self.head_form: PersonForm | None = None
        if not editing:
            head_box = QGroupBox(self.tr("Head of household"))
            head_layout = QVBoxLayout(head_box)
            self.head_form = PersonForm(ctx, head=True)
            head_layout.addWidget(self.head_form)
            layout.addWidget(head_box)
            note = QLabel(self.tr("Further members are added on the household page."))
            note.setStyleSheet(HINT_STYLE)
            layout.addWidget(note)
        elif household is not None:
            self.number_edit.setText(household.number)
            set_combo_data(
                self.group_combo, str(household.group_id) if household.group_id else None
            )
            self.address_edit.setText(household.address)
            self.phone_edit.setText(household.phone)
            self.categories.set_codes(
                household.categories, ctx.read(queries.reference.labels, "household_category")
            )
            self.situation_edit.setPlainText(household.situation)
            self.notes_edit.setText(household.notes)
        layout.addWidget(self.general_error)
        self.buttons = self.save_cancel_buttons()
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(content), 1)
        outer.addWidget(self.buttons)
        self.want_size(720, 640)  # smaller on a small screen: the form scrolls
        self.number_edit.textEdited.connect(lambda: self.errors.clear("household.number"))
        self.village_combo.currentIndexChanged.connect(self._village_chosen)
        self.saved_id: uuid.UUID | None = None
        self.number_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_groups(self) -> None:
        """The groups of the household's village (all, on a village laptop)."""
        chosen = self.village_combo.currentData()
        groups = [
            g
            for g in self._groups
            if not self.township or (chosen is not None and str(g.village_id) == chosen)
        ]
        refill_combo(
            self.group_combo,
            [(self.tr("(no group)"), None)] + [(g.name, str(g.id)) for g in groups],
        )

    @Slot()
    def _village_chosen(self) -> None:
        self.errors.clear("household.village_id")
        self._fill_groups()

    def value(self) -> HouseholdInput:
        group = self.group_combo.currentData()
        village = self.village_combo.currentData() if self.township else None
        return HouseholdInput(
            village_id=uuid.UUID(village) if village else None,
            number=self.number_edit.text(),
            group_id=uuid.UUID(group) if group else None,
            address=self.address_edit.text(),
            phone=self.phone_edit.text(),
            categories=self.categories.codes(),
            situation=self.situation_edit.toPlainText(),
            notes=self.notes_edit.text(),
        )

    def _write(
        self, db, data: HouseholdInput, head: PersonInput | None, base: dict | None
    ) -> uuid.UUID:
        actor = self.ctx.operator_id
        if self.household_id is None:
            return services.households.create_household(db, actor, data, head)
        services.households.update_household(db, actor, self.household_id, data, base=base)
        return self.household_id

    @Slot()
    def save(self) -> None:
        self.errors.clear()
        if self.head_form is not None:
            self.head_form.errors.clear()
        data = self.value()
        head = self.head_form.value() if self.head_form is not None else None
        base = dict(self._base) if self._base is not None else None
        self.ctx.op(self, lambda db: self._write(db, data, head, base)).failure(self._refused).busy(
            self.save_button
        ).success(self._saved).run()

    def _refused(self, err: BaseException) -> None:
        """A household field's refusal under that field, the head's under the head's."""
        if (
            isinstance(err, ValidationError)
            and self.head_form is not None
            and self.errors.label_for(err.field) is None
        ):
            self.head_form.show_error(err)
        else:
            self.errors.show_error(err)
        if self.household_id is not None:
            now = self.ctx.read(queries.households.household, self.household_id)
            seen_now(self._base, err, "household", now)

    def _saved(self, household_id: uuid.UUID) -> None:
        self.saved_id = household_id
        self.accept()

    def visible_errors(self) -> list[str]:
        out = self.errors.visible_messages()
        if self.head_form is not None:
            out += self.head_form.errors.visible_messages()
        return out


class PairingDialog(EditDialog):
    """Pair a cadre with the household (kind, start date, reason)."""

    def __init__(self, ctx, household_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.household_id = ctx, household_id
        self.setWindowTitle(self.tr("Pair a cadre"))
        self.cadre_combo = QComboBox()
        for c in ctx.read(queries.reference.cadres):
            self.cadre_combo.addItem(c.name, str(c.id))
        if ctx.operator_id:  # most often the cadre at the keyboard pairs themself
            set_combo_data(self.cadre_combo, str(ctx.operator_id))
        self.kind_combo = QComboBox()
        for code, label in _vocab(ctx, "pairing_kind"):
            self.kind_combo.addItem(label, code)
        self.start_edit = QDateEdit(QDate.currentDate())
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit.setCalendarPopup(True)
        self.reason_edit = QLineEdit()
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        cadre_error = error_label()
        self.errors.register("pairing.cadre_id", self.cadre_combo, cadre_error)
        form = QFormLayout()
        form.addRow(self.tr("Cadre"), self.cadre_combo)
        form.addRow("", cadre_error)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Start date"), self.start_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        buttons = self.save_cancel_buttons()
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.saved_id: uuid.UUID | None = None

    @Slot()
    def save(self) -> None:
        self.errors.clear()
        cadre = self.cadre_combo.currentData()
        if cadre is None:  # no active cadre to choose from
            self.errors.show("pairing.cadre_id", self.tr("Add a cadre in Settings first."))
            return
        household_id, cadre_id = self.household_id, uuid.UUID(cadre)
        kind, start = self.kind_combo.currentData(), self.start_edit.date().toPython()
        reason = self.reason_edit.text()
        self.ctx.op(
            self,
            lambda db: services.households.pair_cadre(
                db, self.ctx.operator_id, household_id, cadre_id, kind, start, reason
            ),
        ).errors(self.errors).busy(self.save_button).success(self._saved).run()

    def _saved(self, pairing_id: uuid.UUID) -> None:
        self.saved_id = pairing_id
        self.accept()


class EndPairingDialog(EditDialog):
    """End a pairing (能进能出): the date and why."""

    def __init__(self, ctx, pairing_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.pairing_id = ctx, pairing_id
        self.setWindowTitle(self.tr("End pairing"))
        self.end_edit = QDateEdit(QDate.currentDate())
        self.end_edit.setDisplayFormat("yyyy-MM-dd")
        self.end_edit.setCalendarPopup(True)
        self.reason_edit = QLineEdit()
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        reason_error, date_error = error_label(), error_label()
        self.errors.register("pairing.end_reason", self.reason_edit, reason_error)
        self.errors.register("pairing.end_date", self.end_edit, date_error)
        form = QFormLayout()
        form.addRow(self.tr("End date"), self.end_edit)
        form.addRow("", date_error)
        form.addRow(self.tr("Reason *"), self.reason_edit)
        form.addRow("", reason_error)
        buttons = self.save_cancel_buttons()
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.saved_id: uuid.UUID | None = None

    @Slot()
    def save(self) -> None:
        self.errors.clear()
        pairing_id, end = self.pairing_id, self.end_edit.date().toPython()
        reason = self.reason_edit.text()
        self.ctx.op(
            self,
            lambda db: services.households.end_pairing(
                db, self.ctx.operator_id, pairing_id, end, reason
            ),
        ).errors(self.errors).busy(self.save_button).success(self._saved).run()

    def _saved(self, _result) -> None:
        self.saved_id = self.pairing_id
        self.accept()
