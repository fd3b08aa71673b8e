"""The matter page: every field, the append-only progress notes, and buttons
for exactly the life-cycle actions ``lifecycle.available_actions`` allows now."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain import lifecycle
from village_desk.core.domain.fields import field_label
from village_desk.core.domain.lifecycle import is_overdue
from village_desk.core.domain.validation import mask_phone
from village_desk.core.queries.history import matter_history
from village_desk.core.services.ledger import MatterInput
from village_desk.core.storage.changes import Changes
from village_desk.ui.labels import action_label, status_label
from village_desk.ui.pages.base import REFERENCE_TABLES, DataView
from village_desk.ui.pages.ledger.model import STATUS_COLORS
from village_desk.ui.pages.ledger.signoff import SignOffTab
from village_desk.ui.widgets.forms import (
    ERROR_STYLE,
    HINT_STYLE,
    EditDialog,
    FieldErrors,
    add_choose_entry,
    destructive,
    error_label,
    heading,
    scrolling,
    seen_now,
    set_combo_data,
)
from village_desk.ui.widgets.history import HistoryView
from village_desk.ui.widgets.modal import run_modal
from village_desk.ui.widgets.pickers import CadreChecklist, HouseholdPicker
from village_desk.ui.widgets.sizing import fit_lines, relative_font

# The life cycle's main path, on the first row of step buttons (DOMAIN.md §4).
MAIN_PATH = ("start", "forward", "result", "complete", "feedback", "close")


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class ActionDialog(EditDialog):
    """The inputs one life-cycle action declares (``domain.lifecycle``), as a
    form; the service decides, and its refusals appear at their fields.

    ``matter`` is a row of ``queries.matters.matter`` (its ``id`` and ``number``)."""

    def __init__(self, ctx, matter, action: str, parent=None):
        super().__init__(parent)
        self.ctx, self.matter, self.action = ctx, matter, action
        act = lifecycle.ACTIONS[action]
        self.setWindowTitle(
            self.tr("{action}: {number}").format(action=action_label(action), number=matter.number)
        )
        self.setMinimumWidth(460)
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        self.inputs: dict[str, QWidget] = {}
        form = QFormLayout()
        for spec in act.inputs:
            widget = self._input_widget(spec)
            self.inputs[spec.name] = widget
            label = field_label(spec.field) + (" *" if spec.required else "")
            form.addRow(label, widget)
            err = error_label()
            form.addRow("", err)
            self.errors.register(spec.field, widget, err)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action_label(action))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        if act.intro:
            label = QLabel(act.intro)
            label.setWordWrap(True)
            inner.addWidget(label)
        inner.addLayout(form)
        inner.addWidget(self.general_error)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(content), 1)
        layout.addWidget(self.buttons)

    def _input_widget(self, spec) -> QWidget:
        if spec.kind == "date":
            edit = QDateEdit(QDate.currentDate())
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setMaximumDate(QDate.currentDate())
            return edit
        if spec.kind == "line":
            return QLineEdit()
        if spec.kind == "choice":
            combo = QComboBox()
            if spec.options:
                for code, label in spec.options:
                    combo.addItem(label, code)
            else:
                for t in self.ctx.read(queries.reference.vocabulary, spec.vocabulary):
                    if t.code not in spec.exclude:
                        combo.addItem(t.label, t.code)
            if spec.required:  # no default: the person must pick (e.g. satisfaction)
                add_choose_entry(combo)
            return combo
        edit = QPlainTextEdit()  # text, lines
        fit_lines(edit, 5 if spec.kind == "lines" else 4)
        if spec.kind == "lines":
            edit.setPlaceholderText(self.tr("One per line"))
        return edit

    def values(self) -> dict:
        """The entered inputs as ``apply_action`` keywords."""
        out: dict = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QDateEdit):
                out[name] = widget.date().toPython()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentData() or ""
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text()
            elif name == "reasons":
                out[name] = [r for r in widget.toPlainText().splitlines() if r.strip()]
            else:
                out[name] = widget.toPlainText()
        return out

    @Slot()
    def submit(self) -> None:
        """One op: the service checks the inputs; a refusal stays in the dialog."""
        self.errors.clear()
        actor, matter_id, action, values = (
            self.ctx.operator_id,
            self.matter.id,
            self.action,
            self.values(),
        )
        (
            self.ctx.op(
                self,
                lambda db: services.ledger.apply_action(db, actor, matter_id, action, **values),
            )
            .errors(self.errors)
            .busy(self.buttons)
            .success(lambda _: self.accept())
            .run()
        )


class MatterDialog(EditDialog):
    """Register a new matter (申办事项, applicant, deadline, responsible…), or
    correct the registration details of one (``matter_id``): only the fields in
    ``services.ledger.EDITABLE`` can change; the life cycle changes only by actions.

    Saving is one op; on success the dialog is accepted and :attr:`saved_id`
    holds the matter's id."""

    def __init__(
        self,
        ctx,
        household_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        matter_id: uuid.UUID | None = None,
        village_id: uuid.UUID | None = None,
    ):
        """``village_id``: at a township office, the village a new matter is
        offered in (the one the list shows)."""
        super().__init__(parent)
        self.ctx = ctx
        matter = ctx.read(queries.matters.matter, matter_id) if matter_id else None
        self.matter = matter  # the row as it was when the dialog opened
        # what the user was shown of each field: only fields changed from it are
        # saved, and one changed underneath too is refused (services.ledger.update_matter)
        self._base = dict(matter._mapping) if matter is not None else None
        self.setWindowTitle(
            self.tr("Edit matter {number}").format(number=matter.number)
            if matter
            else self.tr("Register a matter")
        )
        self.setMinimumWidth(620)
        self.saved_id: uuid.UUID | None = None
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        vocab = {
            kind: ctx.read(queries.reference.choices, kind)
            for kind in ("channel", "matter_kind", "service_type", "level", "handling")
        }
        cadres = ctx.read(queries.reference.cadres)
        if matter is not None:  # a retired responsible cadre stays choosable
            cadres += [
                c
                for c in ctx.read(queries.reference.cadres, include_inactive=True)
                if c.id == matter.responsible_id and c not in cadres
            ]
        self._deadline_days = ctx.read(queries.reference.get_setting, "default_deadline_days") or {}

        def combo(kind: str, blank: bool = False) -> QComboBox:
            c = QComboBox()
            if blank:
                c.addItem(self.tr("(none)"), "")
            for code, label in vocab[kind]:
                c.addItem(label, code)
            return c

        # A township office holds many villages: a matter received there
        # (上级交办) is for one of them, chosen here, or the office's own (no
        # village, as before); one with an applicant household is its
        # household's village. Fixed once registered.
        self.township = bool(ctx.read(queries.reference.is_township))
        self.village_combo = QComboBox()
        self.village_combo.setAccessibleName(self.tr("Village"))
        if self.township:
            self.village_combo.addItem(self.tr("(the township office's own)"), None)
            for v in ctx.read(queries.reference.village_profiles):
                self.village_combo.addItem(v.village, str(v.id))
            chosen = matter.village_id if matter is not None else village_id
            set_combo_data(self.village_combo, str(chosen) if chosen else None)
            self.village_combo.setEnabled(matter is None)
        self.applicant = HouseholdPicker(ctx.db, multiple=False)
        self.applicant_name = QLineEdit()
        self.applicant_name.setPlaceholderText(self.tr("If not a registered household"))
        self.phone_edit = QLineEdit()
        self.content_edit = QPlainTextEdit()
        fit_lines(self.content_edit, 3)
        self.channel_combo = combo("channel")
        self.kind_combo = combo("matter_kind")
        add_choose_entry(self.kind_combo)  # required, no default: the cadre picks it
        self.service_combo = combo("service_type", blank=True)
        self.level_combo = combo("level")
        self.handling_combo = combo("handling")
        if matter is None or matter.handling in services.ledger.INTAKE_HANDLING:
            # 即办 or 承诺办理 at intake; 上报 and 退回 follow from the actions
            for code in ("forwarded", "returned"):
                if (i := self.handling_combo.findData(code)) >= 0:
                    self.handling_combo.removeItem(i)
        set_combo_data(self.handling_combo, "promised")
        # 即办 = done at intake: the result can be written with the registration
        self.result_edit = QLineEdit()
        self.result_edit.setPlaceholderText(self.tr("What was done (leave empty to finish later)"))
        self.received_edit = QDateEdit(QDate.currentDate())
        self.received_edit.setMaximumDate(QDate.currentDate())
        self.deadline_edit = QDateEdit()
        for d in (self.received_edit, self.deadline_edit):
            d.setDisplayFormat("yyyy-MM-dd")
            d.setCalendarPopup(True)
        self.responsible_combo = QComboBox()
        for c in cadres:
            self.responsible_combo.addItem(c.name, str(c.id))
        if ctx.operator_id:
            set_combo_data(self.responsible_combo, str(ctx.operator_id))
        self.co_handlers = CadreChecklist(ctx.db)
        self.public_check = QComboBox()
        self.public_check.addItem(self.tr("Post publicly (masked)"), True)
        self.public_check.addItem(self.tr("Do not post"), False)

        form = QFormLayout()

        def row(label: str, widget: QWidget, *fields: str) -> None:
            form.addRow(label, widget)
            if fields:
                err = error_label()
                form.addRow("", err)
                for f in fields:
                    self.errors.register(f, widget, err)

        if self.township:
            row(self.tr("Village"), self.village_combo, "matter.village_id")
        row(self.tr("Applicant household"), self.applicant, "matter.household_id")
        row(self.tr("Applicant name"), self.applicant_name, "matter.applicant_name")
        row(self.tr("Applicant phone"), self.phone_edit, "matter.applicant_phone")
        row(self.tr("Matter *"), self.content_edit, "matter.content")
        row(self.tr("Received"), self.received_edit, "matter.received_date")
        row(self.tr("Channel"), self.channel_combo, "matter.channel")
        row(self.tr("Kind *"), self.kind_combo, "matter.kind")
        row(self.tr("Service type"), self.service_combo, "matter.service_type")
        row(self.tr("Level"), self.level_combo, "matter.level")
        row(self.tr("Handling"), self.handling_combo, "matter.handling")
        if matter is None:
            row(self.tr("Result (done at once)"), self.result_edit, "matter.result")
        row(self.tr("Deadline"), self.deadline_edit, "matter.deadline")
        row(self.tr("Responsible"), self.responsible_combo, "matter.responsible_id")
        row(self.tr("Co-handlers"), self.co_handlers, "matter.co_handler_ids")
        row(self.tr("Public notice"), self.public_check, "matter.public")
        # A finished matter's intake details are locked: a correction says why,
        # and the reason goes into its progress notes (services.ledger.update_matter).
        self.locked = matter is not None and matter.status in lifecycle.FINISHED_STATUSES
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why the registration is corrected"))
        if self.locked:
            hint = QLabel(
                self.tr(
                    "This matter is finished: its registration is locked. A correction "
                    "needs a reason and is recorded in the progress notes."
                )
            )
            hint.setWordWrap(True)
            form.addRow("", hint)
            row(self.tr("Reason for correction *"), self.reason_edit, "matter.correction_reason")
        elif matter is not None:  # an open matter: a change of handling type says why
            self.reason_edit.setPlaceholderText(self.tr("Needed when the handling type changes"))
            row(self.tr("Reason for correction"), self.reason_edit, "matter.correction_reason")
        else:
            self.reason_edit.hide()
        content = QWidget()
        cl = QVBoxLayout(content)
        cl.addLayout(form)
        cl.addWidget(self.general_error)
        cl.addStretch(1)
        self.buttons = self.save_cancel_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(content), 1)  # Save/Cancel stay visible on a small screen
        layout.addWidget(self.buttons)
        self.want_size(680, 680)
        if matter is not None:
            self._load(matter)
            return
        if household_id:
            self.applicant.add(household_id)
        self.village_combo.currentIndexChanged.connect(
            lambda: self.errors.clear("matter.village_id")
        )
        self.kind_combo.currentIndexChanged.connect(self._default_deadline)
        self.received_edit.dateChanged.connect(self._default_deadline)
        self.handling_combo.currentIndexChanged.connect(self._default_deadline)
        self._default_deadline()

    def _load(self, m) -> None:
        """Edit mode: the registration as it is; what cannot change is read-only."""
        if m.household_id:
            self.applicant.add(m.household_id)
        self.applicant_name.setText(m.applicant_name)
        self.phone_edit.setText(m.applicant_phone)
        self.content_edit.setPlainText(m.content)
        self.received_edit.setMinimumDate(_qdate(m.received_date))
        self.received_edit.setDate(_qdate(m.received_date))
        for combo, kind, code in (
            (self.channel_combo, "channel", m.channel),
            (self.kind_combo, "matter_kind", m.kind),
            (self.service_combo, "service_type", m.service_type),
            (self.level_combo, "level", m.level),
            (self.handling_combo, "handling", m.handling),
        ):
            if code and combo.findData(code) < 0:  # a retired term stays as it is
                label = self.ctx.read(queries.reference.labels, kind).get(code, code)
                combo.addItem(label, code)
            set_combo_data(combo, code)
        self.deadline_edit.setMinimumDate(_qdate(m.received_date))
        self.deadline_edit.setDate(_qdate(m.deadline))
        set_combo_data(self.responsible_combo, str(m.responsible_id))
        self.co_handlers.set_ids(m.co_handler_ids)
        set_combo_data(self.public_check, bool(m.public))
        # the applicant's household is shown, not searched for
        self.applicant.edit.hide()
        self.applicant.remove_button.hide()
        self.applicant.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        fixed = self.tr("Set at registration; cannot be changed here")
        fixed_widgets = [self.applicant, self.applicant_name, self.received_edit]
        if m.handling not in services.ledger.INTAKE_HANDLING:
            fixed_widgets.append(self.handling_combo)  # set by 上报 / 退回
        for w in fixed_widgets:
            w.setEnabled(False)
            w.setToolTip(fixed)

    def changed_fields(self) -> dict:
        """The editable fields whose value differs from the matter's."""
        m = self.matter
        data = self.value()
        now = {
            "content": data.content,
            "kind": data.kind,
            "handling": data.handling,
            "service_type": data.service_type,
            "level": data.level,
            "deadline": data.deadline,
            "responsible_id": data.responsible_id,
            "co_handler_ids": data.co_handler_ids,
            "public": data.public,
            "applicant_phone": data.applicant_phone,
            "channel": data.channel,
        }
        assert set(now) <= services.ledger.EDITABLE
        before = {
            "content": m.content,
            "kind": m.kind,
            "handling": m.handling,
            "service_type": m.service_type,
            "level": m.level,
            "deadline": m.deadline,
            "responsible_id": m.responsible_id,
            "co_handler_ids": [uuid.UUID(str(c)) for c in m.co_handler_ids],
            "public": bool(m.public),
            "applicant_phone": m.applicant_phone,
            "channel": m.channel,
        }
        return {k: v for k, v in now.items() if v != before[k]}

    def _default_deadline(self) -> None:
        immediate = self.handling_combo.currentData() == "immediate"
        self.result_edit.setEnabled(immediate)
        self.deadline_edit.setEnabled(not immediate)  # 即办: due the day received
        if immediate:
            self.deadline_edit.setMinimumDate(self.received_edit.date())
            self.deadline_edit.setDate(self.received_edit.date())
            return
        kind = self.kind_combo.currentData() or ""
        days = int(self._deadline_days.get(kind, self._deadline_days.get("", 15)))
        self.deadline_edit.setMinimumDate(self.received_edit.date())
        self.deadline_edit.setDate(self.received_edit.date().addDays(days))

    def value(self) -> MatterInput:
        hids = self.applicant.household_ids()
        return MatterInput(
            content=self.content_edit.toPlainText(),
            responsible_id=uuid.UUID(self.responsible_combo.currentData())
            if self.responsible_combo.currentData()
            else None,
            received_date=_pydate(self.received_edit.date()),
            channel=self.channel_combo.currentData(),
            applicant_name=self.applicant_name.text(),
            household_id=hids[0] if hids else None,
            applicant_phone=self.phone_edit.text(),
            kind=self.kind_combo.currentData(),
            service_type=self.service_combo.currentData(),
            level=self.level_combo.currentData(),
            handling=self.handling_combo.currentData(),
            result=self.result_edit.text() if self.matter is None else "",
            deadline=_pydate(self.deadline_edit.date()),
            co_handler_ids=self.co_handlers.ids(),
            public=bool(self.public_check.currentData()),
            village_id=self._village(),
        )

    def _village(self) -> uuid.UUID | None:
        chosen = self.village_combo.currentData() if self.township else None
        return uuid.UUID(chosen) if chosen else None

    @Slot()
    def save(self) -> None:
        self.errors.clear()
        actor = self.ctx.operator_id
        if self.matter is not None:
            matter_id, fields, base = self.matter.id, self.changed_fields(), dict(self._base)
            if not fields:
                self._saved(matter_id)
                return
            reason = self.reason_edit.text()
            op = (
                self.ctx.op(
                    self,
                    lambda db: services.ledger.update_matter(
                        db, actor, matter_id, base=base, reason=reason, **fields
                    ),
                )
                .errors(self.errors)
                .busy(self.buttons)
                .success(lambda _: self._saved(matter_id))
            )
            op.always(lambda: self._seen_now(op.error)).run()
            return
        data = self.value()
        if data.responsible_id is None:
            self.errors.show("matter.responsible_id", self.tr("Add a cadre in Settings first."))
            return
        if self.township and data.household_id:
            # the matter goes to its household's village: one chosen must be it
            household = self.ctx.read(queries.households.household, data.household_id)
            chosen = data.village_id
            if household is not None and chosen and household.village_id != chosen:
                names = {str(v.id): v.village for v in self._villages()}
                self.errors.show(
                    "matter.village_id",
                    self.tr("The applicant household is in {village}.").format(
                        village=names.get(str(household.village_id), "")
                    ),
                )
                return
        if data.household_id and not data.applicant_name.strip():
            label = self.ctx.read(queries.households.household_labels, [data.household_id])
            data.applicant_name = label.get(data.household_id, "").split("（")[0]
        self._run(lambda db: services.ledger.register_matter(db, actor, data), self._saved)

    def _villages(self):
        return self.ctx.read(queries.reference.village_profiles)

    def _run(self, fn, on_success) -> None:
        self.ctx.op(self, fn).errors(self.errors).busy(self.buttons).success(on_success).run()

    def _seen_now(self, err: BaseException | None) -> None:
        if err is not None:
            now = self.ctx.read(queries.matters.matter, self.matter.id)
            seen_now(self._base, err, "matter", now)

    def _saved(self, matter_id: uuid.UUID) -> None:
        self.saved_id = matter_id
        self.accept()


class MatterView(DataView):
    """One matter: its fields, notes and the life-cycle buttons. It keeps the
    matter's id and an immutable row (``queries.matters.matter``), never a
    database object, and redraws when that matter, its notes or the names it
    shows change."""

    back_requested = Signal()
    deleted = Signal(object, str)  # matter id, description
    print_referral_requested = Signal(object)  # the matter (a row)
    open_diary_requested = Signal(object)
    open_household_requested = Signal(object)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.matter_id: uuid.UUID | None = None
        self.matter = None  # the row shown (queries.matters.matter)
        self._labels: dict[str, dict[str, str]] = {}
        self._cadres: dict = {}
        self._reference_stale = True
        self.back_button = QPushButton(self.tr("← Back to list"))
        self.title = heading("")
        self.status_label = QLabel()
        self.status_label.setContentsMargins(8, 2, 8, 2)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title)
        top.addWidget(self.status_label)
        top.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Correct the registration details"))
        self.referral_button = QPushButton(self.tr("Print referral form…"))
        self.referral_button.setToolTip(
            self.tr("办理申请 for a matter forwarded to the township or county (Ctrl+P)")
        )
        self.delete_button = QPushButton(self.tr("Delete matter"))
        self.delete_button.setToolTip(self.tr("For a matter registered by mistake"))
        top.addWidget(destructive(self.delete_button))  # apart from the common ones
        tools = QHBoxLayout()  # (a row of their own: the page fits a small screen)
        tools.addWidget(self.edit_button)
        tools.addWidget(self.referral_button)
        tools.addStretch(1)

        self.actions_box = QGroupBox(self.tr("Next step"))
        self.actions_layout = QGridLayout(self.actions_box)
        self.actions_layout.setVerticalSpacing(4)
        # Every step has its button, always in the life cycle's order and
        # place: the main path on the first row, the side exits (退回, 暂不能解决)
        # and 重新办理 on the second. Steps not legal now are disabled.
        self.action_buttons: dict[str, QPushButton] = {}
        exits = 0
        for code in lifecycle.ACTIONS:
            button = QPushButton(action_label(code))
            button.setObjectName(f"action_{code}")
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, code=code: self.run_action(code))
            if code in MAIN_PATH:
                self.actions_layout.addWidget(button, 0, MAIN_PATH.index(code))
            else:
                self.actions_layout.addWidget(button, 1, exits)
                exits += 1
            self.action_buttons[code] = button
        self.no_actions = QLabel(self.tr("No further steps: this matter is finished."))
        self.no_actions.setStyleSheet(HINT_STYLE)
        self.no_actions.hide()
        self.actions_layout.addWidget(self.no_actions, 1, exits, 1, len(MAIN_PATH) - exits)
        self.actions_layout.setColumnStretch(len(MAIN_PATH), 1)

        self.fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = [
            ("applicant", self.tr("Applicant")),
            ("phone", self.tr("Phone")),
            ("household", self.tr("Household")),
            ("received", self.tr("Received")),
            ("channel", self.tr("Channel")),
            ("kind", self.tr("Kind")),
            ("service_type", self.tr("Service type")),
            ("level", self.tr("Level")),
            ("handling", self.tr("Handling")),
            ("deadline", self.tr("Deadline")),
            ("responsible", self.tr("Responsible")),
            ("co_handlers", self.tr("Co-handlers")),
            ("forwarded", self.tr("Forwarded to")),
            ("result", self.tr("Result")),
            ("done_date", self.tr("Done on")),
            ("return_reasons", self.tr("Return reasons")),
            ("explanation", self.tr("Explanation")),
            ("satisfaction", self.tr("Return visit")),
            ("closed_date", self.tr("Closed on")),
            ("public", self.tr("Public notice")),
        ]
        for i, (key, label) in enumerate(names):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            caption = QLabel(label + "：")
            caption.setStyleSheet(HINT_STYLE)
            grid.addWidget(caption, i // 2, (i % 2) * 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.content_label = relative_font(QLabel(), 1.15)
        self.content_label.setWordWrap(True)
        self.source_button = QPushButton()
        self.source_button.setFlat(True)
        self.source_button.setStyleSheet("text-align: left; color: palette(link);")
        self.household_button = QPushButton(self.tr("Open household"))
        details = QGroupBox(self.tr("Matter"))
        fields = QWidget()
        fl = QVBoxLayout(fields)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.content_label)
        fl.addSpacing(8)
        fl.addLayout(grid)
        fl.addStretch(1)
        dl = QVBoxLayout(details)
        dl.addWidget(scrolling(fields), 1)  # a small screen scrolls the fields
        links = QHBoxLayout()
        links.addWidget(self.source_button)
        links.addStretch(1)
        links.addWidget(self.household_button)
        dl.addLayout(links)

        self.notes_list = QListWidget()
        self.notes_list.setWordWrap(True)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(
            self.tr("Add a progress note (notes are never overwritten)")
        )
        self.note_button = QPushButton(self.tr("Add note"))
        self.note_error = error_label()
        self.note_errors = FieldErrors(self.note_error)
        self.note_errors.register("note.text", self.note_edit, self.note_error)
        self._errors_for: uuid.UUID | None = None
        notes = QGroupBox(self.tr("Progress notes"))
        nl = QVBoxLayout(notes)
        nl.addWidget(self.notes_list, 1)
        add = QHBoxLayout()
        add.addWidget(self.note_edit, 1)
        add.addWidget(self.note_button)
        nl.addLayout(add)
        nl.addWidget(self.note_error)

        self.history = HistoryView(ctx, matter_history)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(notes, self.tr("Progress notes"))
        self.side_tabs.addTab(self.history, self.tr("Change history"))
        self.signoff_tab = SignOffTab(ctx, self)
        # (scrolls on a small screen rather than making the window taller)
        self.signoff_scroll = scrolling(self.signoff_tab)
        self.side_tabs.addTab(self.signoff_scroll, self.tr("Sign-off and photos"))
        self.signoff_tab.count_changed.connect(self._photos_counted)
        body = QHBoxLayout()
        body.addWidget(details, 3)
        body.addWidget(self.side_tabs, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.actions_box)
        layout.addLayout(body, 1)

        self.back_button.clicked.connect(self.back_requested)
        self.edit_button.clicked.connect(self.edit_matter)
        self.delete_button.clicked.connect(self.delete_matter)
        self.referral_button.clicked.connect(
            lambda: self.print_referral_requested.emit(self.matter)
        )
        self.note_button.clicked.connect(self.add_note)
        self.note_edit.returnPressed.connect(self.add_note)
        self.source_button.clicked.connect(self._open_source)
        self.household_button.clicked.connect(
            lambda: self.open_household_requested.emit(self.matter.household_id)
        )
        self._source_entry: uuid.UUID | None = None
        self._source_entry_ids: set[uuid.UUID] = set()

    # ------------------------------------------------------------ reading

    def _load_reference(self) -> None:
        self._labels = {
            k: self.ctx.read(queries.reference.labels, k)
            for k in ("channel", "matter_kind", "service_type", "level", "handling", "satisfaction")
        }
        self._cadres = self.ctx.read(queries.reference.cadre_names)
        self._reference_stale = False

    def affected_by(self, changes: Changes) -> bool:
        if changes.touches(*REFERENCE_TABLES):
            self._reference_stale = True  # names and labels it shows
        m = self.matter
        if m is None:
            return False
        if self._reference_stale or changes.everything or m.id in changes.ids("matter"):
            return True
        if changes.touches("matter_note") and m.id in self.ctx.read(
            queries.matters.matters_of_notes, changes.ids("matter_note")
        ):
            return True
        if m.household_id is not None and (
            m.household_id in changes.ids("household") or changes.touches("person")
        ):
            return True  # the household's label
        return changes.touches("diary_item") or bool(
            self._source_entry_ids & changes.ids("diary_entry")
        )

    def refresh(self) -> None:
        """Show the matter as it is now; gone (deleted elsewhere): back to the list."""
        if self.matter_id is not None and not self.show_matter(self.matter_id):
            self.matter = None
            self.back_requested.emit()

    def show_matter(self, matter_id: uuid.UUID) -> bool:
        m = self.ctx.read(queries.matters.matter, matter_id)
        if m is None or m.deleted:
            return False
        if self._reference_stale:
            self._load_reference()
        notes = self.ctx.read(queries.matters.notes, matter_id)
        items = self.ctx.read(queries.matters.diary_items_for_matter, matter_id)
        entry = self.ctx.read(queries.diary.entry, items[0].entry_id) if items else None
        self.stale = False
        self.matter_id, self.matter = matter_id, m
        self.history.show_record(matter_id)
        self.signoff_tab.show_matter(m)
        labels, cadres = self._labels, self._cadres
        self.title.setText(self.tr("Matter {number}").format(number=m.number))
        overdue = is_overdue(m)
        status = status_label(m.status)
        if overdue:
            status = self.tr("{status} (overdue)").format(status=status)
        self.status_label.setText(status)
        self.status_label.setStyleSheet(
            f"background: {STATUS_COLORS.get(m.status, '#fff')}; border-radius: 4px;"
            + (" color: #b00020; font-weight: bold;" if overdue else "")
        )
        self.content_label.setText(m.content)
        f = self.fields
        f["applicant"].setText(m.applicant_name)
        f["phone"].setText(mask_phone(m.applicant_phone))
        f["household"].setText("")
        if m.household_id:
            f["household"].setText(
                self.ctx.read(queries.households.household_labels, [m.household_id]).get(
                    m.household_id, ""
                )
            )
        f["received"].setText(m.received_date.isoformat())
        f["channel"].setText(labels["channel"].get(m.channel, m.channel))
        f["kind"].setText(labels["matter_kind"].get(m.kind, m.kind))
        f["service_type"].setText(labels["service_type"].get(m.service_type, m.service_type))
        f["level"].setText(labels["level"].get(m.level, m.level))
        f["handling"].setText(labels["handling"].get(m.handling, m.handling))
        f["deadline"].setText(m.deadline.isoformat())
        f["deadline"].setStyleSheet(ERROR_STYLE if overdue else "")
        f["responsible"].setText(cadres.get(m.responsible_id, ""))
        f["co_handlers"].setText("、".join(cadres.get(uuid.UUID(c), "") for c in m.co_handler_ids))
        f["forwarded"].setText(
            f"{m.forwarded_to}（{m.forwarded_date.isoformat()}）" if m.forwarded_date else ""
        )
        f["result"].setText(m.result)
        f["done_date"].setText(m.done_date.isoformat() if m.done_date else "")
        f["return_reasons"].setText(m.return_reasons)
        f["explanation"].setText(m.explanation)
        f["satisfaction"].setText(
            " ".join(
                p
                for p in (
                    labels["satisfaction"].get(m.satisfaction, m.satisfaction),
                    m.feedback,
                    m.feedback_date.isoformat() if m.feedback_date else "",
                )
                if p
            )
        )
        f["closed_date"].setText(m.closed_date.isoformat() if m.closed_date else "")
        f["public"].setText(self.tr("Yes") if m.public else self.tr("No"))
        self.household_button.setVisible(m.household_id is not None)
        self._source_entry = entry.id if entry else None
        self._source_entry_ids = {i.entry_id for i in items}
        self.source_button.setVisible(entry is not None)
        if entry is not None:
            self.source_button.setText(
                self.tr("From the visit diary of {date} →").format(date=entry.date.isoformat())
            )
        self.notes_list.clear()
        for n in notes:
            who = cadres.get(n.author_id, "") if n.author_id else ""
            line = lifecycle.progress_line(n.action, n.text)  # with its step: 办结：…
            self.notes_list.addItem(f"{n.date.isoformat()}  {who}  {line}")
        if self.matter_id != self._errors_for:
            self.note_errors.clear()  # another matter: the last one's refusal goes
        self._errors_for = self.matter_id
        self._update_enabled()
        self._build_actions(m)
        return True

    def _photos_counted(self, count: int) -> None:
        index = self.side_tabs.indexOf(self.signoff_scroll)
        title = self.tr("Sign-off and photos")
        self.side_tabs.setTabText(index, f"{title} ({count})" if count else title)

    def _update_enabled(self) -> None:
        closed = self.matter is None or self.matter.status == "closed"
        self.note_edit.setEnabled(not closed)
        self.note_button.setEnabled(not closed)
        # A finished (even closed) matter can be corrected, with a stated reason.
        self.edit_button.setEnabled(self.matter is not None)
        self.referral_button.setEnabled(self.can_print_referral())

    def _build_actions(self, m) -> None:
        """Enable exactly the steps legal now (``lifecycle.available_actions``)."""
        legal = {act.code for act in lifecycle.available_actions(m)}
        status = status_label(m.status)
        for code, button in self.action_buttons.items():
            button.setEnabled(code in legal)
            button.setToolTip(
                ""
                if code in legal
                else self.tr("Not possible while the matter is “{status}”").format(status=status)
            )
        self.no_actions.setVisible(not legal)

    def legal_actions(self) -> set[str]:
        """The steps offered now (their buttons are enabled)."""
        return {code for code, b in self.action_buttons.items() if b.isEnabled()}

    def can_print_referral(self) -> bool:
        """Only a matter forwarded to a higher level has a referral form."""
        m = self.matter
        return m is not None and (m.forwarded_date is not None or m.status == "forwarded")

    # ------------------------------------------------------------ changing

    def edit_dialog(self) -> MatterDialog:
        return MatterDialog(self.ctx, parent=self, matter_id=self.matter_id)

    @Slot()
    def edit_matter(self) -> None:
        run_modal(self.edit_dialog())  # the view redraws from ctx.data_changed

    @Slot()
    def delete_matter(self) -> None:
        m = self.matter
        answer = QMessageBox.question(
            self,
            self.tr("Delete matter"),
            self.tr(
                "Delete matter {number} with its progress notes? "
                "Use this only for a matter registered by mistake. "
                "You can undo this right afterwards."
            ).format(number=m.number),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.ctx.operator_id
        (
            self.ctx.op(self, lambda db: services.ledger.delete_matter(db, actor, m.id))
            .busy(self.delete_button)
            .always(self._update_enabled)
            .success(lambda _tx: self.deleted.emit(m.id, f"{m.number} {m.content[:30]}"))
            .run()
        )

    def action_dialog(self, code: str) -> ActionDialog:
        return ActionDialog(self.ctx, self.matter, code, self)

    @Slot(str)
    def run_action(self, code: str) -> None:
        if code not in self.legal_actions():
            return
        run_modal(self.action_dialog(code))  # the view redraws from ctx.data_changed

    @Slot()
    def add_note(self) -> None:
        if self.matter is None or not self.note_button.isEnabled():
            return  # closed, or the last note is still being saved
        self.note_errors.clear()
        actor, matter_id, text = self.ctx.operator_id, self.matter.id, self.note_edit.text()
        (
            self.ctx.op(self, lambda db: services.ledger.add_note(db, actor, matter_id, text))
            .errors(self.note_errors)
            .busy(self.note_button)
            .always(self._update_enabled)
            .success(lambda _id: self.note_edit.clear())
            .run()
        )

    @Slot()
    def _open_source(self) -> None:
        if self._source_entry:
            self.open_diary_requested.emit(self._source_entry)
