"""First run: a short wizard — village profile, cadres, then how to start.

Step 1 saves the village profile (``services.setup.initialize``, which also seeds the
vocabularies), step 2 adds cadres one by one (``services.setup.add_cadre``), step 3
chooses demo data, an empty start, or a roster import (the roster import
dialog opens once the profile is saved; the wizard finishes when it closes).
Step 1 also offers the demo village straight away (``demo.generate`` sets up
its own profile and cadres), for someone who first wants to look around.
Demo data go only into an empty database: once a cadre was added in step 2
(the village is real), both offers are unavailable and say why; the first
cadre added is remembered as the one at the keyboard (the operator dialog
preselects them).
Every save is an operation on the writer thread (``ui/ops.py``); demo
generation shows a progress dialog with Cancel. The dialog accepts itself
when everything is done and emits :attr:`FirstRunDialog.completed`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from village_desk import demo
from village_desk.core import queries, services
from village_desk.ui.errors import describe
from village_desk.ui.operator import remember_operator
from village_desk.ui.ops import Op
from village_desk.ui.widgets.forms import HINT_STYLE, FieldErrors, error_label, heading, hline

DEFAULT_DEMO_HOUSEHOLDS = 300
TITLE_BAR_BUTTONS = 160  # px a title bar needs beside the title (icon, close button)


class FirstRunDialog(QDialog):
    completed = Signal()  # profile saved (and demo data generated, if chosen)
    STEP_PROFILE, STEP_CADRES, STEP_START = range(3)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.db = ctx.db
        self._op: Op | None = None  # demo data being written
        self.setWindowTitle(self.tr("Welcome to Village Desk"))
        self.setMinimumWidth(560)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._profile_step())
        self.stack.addWidget(self._cadres_step())
        self.stack.addWidget(self._start_step())
        self.step_label = QLabel()

        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setDefault(True)
        self.start_button = QPushButton(self.tr("Start"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.start_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step_label)
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.start_button, self.cancel_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._go(self.STEP_PROFILE)

    # ------------------------------------------------------------ steps

    def _profile_step(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "This computer has no village data yet. Enter your village; "
                "it appears on cards and reports."
            )
        )
        intro.setWordWrap(True)
        self.village_edit = QLineEdit()
        self.village_edit.setPlaceholderText(self.tr("e.g. Taohua Village"))
        self.village_edit.setAccessibleName(self.tr("Village name"))
        self.village_error = error_label()
        self.township_edit = QLineEdit()
        self.township_error = error_label()
        # 乡镇汇总: the township office's computer holds all its villages.
        self.office_check = QCheckBox(
            self.tr("This is the township office's computer (it collects all its villages)")
        )
        self.office_check.setToolTip(
            self.tr(
                "The villages' laptops send their exchange files here; this computer shows "
                "them side by side. Only the township's name is needed."
            )
        )
        self.county_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("e.g. 0731-84123456"))
        self.phone_error = error_label()
        self.hotline_edit = QLineEdit()
        # The code in this laptop's matter numbers: the village's part from
        # the township, a letter of this laptop's own.
        code = self.ctx.db.device.code if self.ctx.db.device else ""
        self.village_code_edit = QLineEdit(code[:2])
        self.village_code_edit.setMaxLength(2)
        self.village_code_edit.setAccessibleName(self.tr("Village code"))
        self.letter_edit = QLineEdit(code[2:])
        self.letter_edit.setMaxLength(1)
        self.letter_edit.setAccessibleName(self.tr("Laptop letter"))
        for edit in (self.village_code_edit, self.letter_edit):
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("WW") * 2 + 16)
        self.number_preview = QLabel()
        self.number_preview.setStyleSheet(HINT_STYLE)
        self.number_preview.setWordWrap(True)
        self.code_error = error_label()
        self.profile_general = error_label()
        self.profile_errors = FieldErrors(self.profile_general)
        self.profile_errors.register("profile.village", self.village_edit, self.village_error)
        self.profile_errors.register("profile.township", self.township_edit, self.township_error)
        self.profile_errors.register("profile.service_phone", self.phone_edit, self.phone_error)
        self.profile_errors.register("device.village_code", self.village_code_edit, self.code_error)
        self.profile_errors.register("device.letter", self.letter_edit, self.code_error)
        form = QFormLayout()
        form.addRow("", self.office_check)
        form.addRow(self.tr("Village (community) *"), self.village_edit)
        form.addRow("", self.village_error)
        form.addRow(self.tr("Township"), self.township_edit)
        form.addRow("", self.township_error)
        form.addRow(self.tr("County"), self.county_edit)
        form.addRow(self.tr("Service station phone"), self.phone_edit)
        form.addRow("", self.phone_error)
        form.addRow(self.tr("Secretary mailbox / hotline"), self.hotline_edit)
        code_row = QHBoxLayout()
        code_row.addWidget(self.village_code_edit)
        code_row.addWidget(QLabel(self.tr("+ this laptop's letter")))
        code_row.addWidget(self.letter_edit)
        code_row.addStretch(1)
        form.addRow(self.tr("Matter numbers: village code"), code_row)
        form.addRow("", self.number_preview)
        form.addRow("", self.code_error)
        # Someone who first wants to look around needs no village name.
        self.quick_demo_button = QPushButton(self.tr("Load demonstration data now"))
        self.quick_demo_button.setObjectName("quickDemoButton")
        self.quick_demo_button.setToolTip(
            self.tr(
                "An invented village with {n} households, cadres, visits and matters; "
                "no need to fill in this form"
            ).format(n=DEFAULT_DEMO_HOUSEHOLDS)
        )
        quick_note = QLabel(
            self.tr(
                "Just want to look around first? Load the invented demonstration village "
                "and skip the set-up. Use a separate data folder for real work."
            )
        )
        quick_note.setWordWrap(True)
        quick_note.setStyleSheet(HINT_STYLE)
        quick_row = QHBoxLayout()
        quick_row.addWidget(self.quick_demo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        quick_row.addSpacing(8)
        quick_row.addWidget(quick_note, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("1. Village")))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.profile_general)
        layout.addStretch(1)
        layout.addWidget(hline())
        layout.addLayout(quick_row)
        self.quick_demo_button.clicked.connect(self.load_demo_now)
        self.office_check.toggled.connect(self._office_toggled)
        self.township_edit.textEdited.connect(lambda: self.profile_errors.clear("profile.township"))
        self.village_edit.textEdited.connect(self._clear_village_error)
        self.phone_edit.textEdited.connect(
            lambda: self.profile_errors.clear("profile.service_phone")
        )
        for edit in (self.village_code_edit, self.letter_edit):
            edit.textEdited.connect(self._code_edited)
        self._show_number_preview()
        return page

    @Slot(bool)
    def _office_toggled(self, office: bool) -> None:
        """A township office names no village."""
        self.village_edit.setEnabled(not office)
        if office:
            self._clear_village_error()

    def number_code(self) -> str:
        return (self.village_code_edit.text() + self.letter_edit.text()).strip().upper()

    def _code_shown(self) -> str:
        """The code as typed so far, a ? for each character still missing."""
        village = self.village_code_edit.text().strip().upper()
        letter = self.letter_edit.text().strip().upper()
        return village.ljust(2, "?")[:2] + (letter or "?")[:1]

    @Slot()
    def _code_edited(self) -> None:
        for edit in (self.village_code_edit, self.letter_edit):
            upper = edit.text().upper()
            if upper != edit.text():
                edit.setText(upper)
        self.profile_errors.clear("device.village_code")
        self.profile_errors.clear("device.letter")
        self._show_number_preview()

    def _show_number_preview(self) -> None:
        self.number_preview.setText(
            self.tr(
                "Matters registered on this laptop are numbered {example}. The township "
                "gives each village its code; each laptop of a village takes its own "
                "letter (B, C… for the second and third), so that no two numbers are alike."
            ).format(example=f"{dt.date.today().year}-{self._code_shown()}-0001")
        )

    def _cadres_step(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Add yourself first, then the other cadres who will use this computer "
                "(you can add more later in Settings)."
            )
        )
        intro.setWordWrap(True)
        self.cadre_name = QLineEdit()
        self.cadre_name.setAccessibleName(self.tr("Cadre name"))
        self.cadre_role = QComboBox()
        self.cadre_phone = QLineEdit()
        self.add_cadre_button = QPushButton(self.tr("Add cadre"))
        self.cadre_name_error = error_label()
        self.cadre_phone_error = error_label()
        self.cadre_general = error_label()
        self.cadre_errors = FieldErrors(self.cadre_general)
        self.cadre_errors.register("cadre.name", self.cadre_name, self.cadre_name_error)
        self.cadre_errors.register("cadre.phone", self.cadre_phone, self.cadre_phone_error)
        form = QFormLayout()
        form.addRow(self.tr("Name *"), self.cadre_name)
        form.addRow("", self.cadre_name_error)
        form.addRow(self.tr("Role"), self.cadre_role)
        form.addRow(self.tr("Phone"), self.cadre_phone)
        form.addRow("", self.cadre_phone_error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_cadre_button)
        self.cadre_list = QListWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("2. Cadres")))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.cadre_general)
        layout.addWidget(QLabel(self.tr("Cadres added:")))
        layout.addWidget(self.cadre_list, 1)
        self.add_cadre_button.clicked.connect(self.add_cadre)
        self.cadre_name.returnPressed.connect(self.add_cadre)
        self.cadre_name.textEdited.connect(lambda: self.cadre_errors.clear("cadre.name"))
        self.cadre_phone.textEdited.connect(lambda: self.cadre_errors.clear("cadre.phone"))
        return page

    def _start_step(self) -> QWidget:
        page = QWidget()
        self.demo_radio = QRadioButton(self.tr("Load demonstration data"))
        self.empty_radio = QRadioButton(self.tr("Start empty"))
        self.import_radio = QRadioButton(self.tr("Import a household roster (Excel)"))
        self.import_radio.setToolTip(
            self.tr(
                "Import households and members from the roster the village keeps in Excel, "
                "after this step"
            )
        )
        self.demo_radio.setChecked(True)
        choice = QButtonGroup(self)
        for b in (self.demo_radio, self.empty_radio, self.import_radio):
            choice.addButton(b)
        self.households_spin = QSpinBox()
        self.households_spin.setRange(1, 20000)
        self.households_spin.setValue(DEFAULT_DEMO_HOUSEHOLDS)
        self.households_spin.setSuffix(self.tr(" households"))
        self.demo_radio.toggled.connect(self.households_spin.setEnabled)
        demo_row = QHBoxLayout()
        demo_row.addWidget(self.demo_radio)
        demo_row.addWidget(self.households_spin)
        demo_row.addStretch(1)
        demo_note = QLabel(
            self.tr(
                "Demonstration data are invented households, visits and matters. "
                "Use a separate data folder for real work."
            )
        )
        demo_note.setWordWrap(True)
        demo_note.setStyleSheet(HINT_STYLE)
        self.demo_note = demo_note
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("3. How to start")))
        layout.addLayout(demo_row)
        layout.addWidget(demo_note)
        layout.addWidget(self.empty_radio)
        layout.addWidget(self.import_radio)
        layout.addStretch(1)
        return page

    def _go(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.step_label.setText(self.tr("Step {n} of 3").format(n=step + 1))
        self.back_button.setVisible(step > self.STEP_PROFILE)
        self.next_button.setVisible(step < self.STEP_START)
        self.start_button.setVisible(step == self.STEP_START)
        self.start_button.setDefault(step == self.STEP_START)
        self.next_button.setDefault(step < self.STEP_START)
        if step == self.STEP_PROFILE:
            self.village_edit.setFocus()
        elif step == self.STEP_CADRES:
            self._load_roles()
            self.cadre_name.setFocus()
        self._offer_demo()

    def step(self) -> int:
        return self.stack.currentIndex()

    def has_own_data(self) -> bool:
        """Cadres (or households, groups) of a real village are in the database."""
        if self.cadre_list.count():
            return True
        read = self.ctx.read
        return bool(
            read(queries.reference.cadres, include_inactive=True)
            or read(queries.reference.groups)
            or read(queries.households.household_count)
        )

    def _offer_demo(self) -> None:
        """Demo data only into an empty database: never mixed into a real village."""
        if not self.has_own_data():
            return
        why = self.tr(
            "Not available: you have added your own cadres. Demonstration data go only "
            "into an empty data folder; to look around, start the program with another one."
        )
        for widget in (self.demo_radio, self.households_spin, self.quick_demo_button):
            widget.setEnabled(False)
            widget.setToolTip(why)
        self.demo_note.setText(why)
        if self.demo_radio.isChecked():
            self.empty_radio.setChecked(True)

    # ------------------------------------------------------------ validation

    def _show_village_error(self, message: str) -> None:
        self.profile_errors.show("profile.village", message)

    @Slot()
    def _clear_village_error(self) -> None:
        self.profile_errors.clear("profile.village")

    # ------------------------------------------------------------ actions

    @Slot()
    def back(self) -> None:
        if self.step() > self.STEP_PROFILE:
            self._go(self.step() - 1)

    @Slot()
    def next(self) -> None:
        if self.step() == self.STEP_PROFILE:
            self.save_profile(then=lambda: self._go(self.STEP_CADRES))
            return
        self._go(min(self.step() + 1, self.STEP_START))

    def save_profile(self, then: Callable[[], None]) -> Op | None:
        """Save step 1 on the writer thread; ``then()`` once it is saved."""
        village = self.village_edit.text().strip()
        office = self.office_check.isChecked()
        if office and not self.township_edit.text().strip():
            self.profile_errors.show(
                "profile.township",
                self.tr("Please enter the township's name: this computer collects its villages."),
            )
            return None
        if not village and not office:
            self._show_village_error(
                self.tr(
                    "Please enter the name of the village (community); it appears on cards and reports."
                )
            )
            return None
        values = dict(
            village="" if office else village,
            township_office=office,
            township=self.township_edit.text(),
            county=self.county_edit.text(),
            service_phone=self.phone_edit.text(),
            hotline=self.hotline_edit.text(),
        )
        village_code, letter = self.village_code_edit.text(), self.letter_edit.text()
        self.profile_errors.clear()

        def save(db):
            services.setup.set_number_code(db, village_code, letter)  # checked first
            return services.setup.initialize(db, **values)

        return (
            self.ctx.op(self, save)
            .errors(self.profile_errors)
            .busy(self.next_button, self.start_button)
            .success(lambda _id: then())
            .run()
        )

    def _load_roles(self) -> None:
        if self.cadre_role.count():
            return
        for code, label in self.ctx.read(queries.reference.choices, "role"):
            self.cadre_role.addItem(label, code)

    @Slot()
    def add_cadre(self) -> Op:
        self.cadre_errors.clear()
        name, role = self.cadre_name.text(), self.cadre_role.currentData()
        phone, role_label = self.cadre_phone.text(), self.cadre_role.currentText()

        def added(cadre_id) -> None:
            if not self.cadre_list.count():  # the first one is the person at the keyboard
                remember_operator(self.ctx.prefs, cadre_id)
            self.cadre_list.addItem(f"{name.strip()}（{role_label}）")
            self.cadre_name.clear()
            self.cadre_phone.clear()
            self.cadre_name.setFocus()

        return (
            self.ctx.op(self, lambda db: services.setup.add_cadre(db, None, name, role, phone))
            .errors(self.cadre_errors)
            .busy(self.add_cadre_button)
            .success(added)
            .run()
        )

    @Slot()
    def submit(self) -> None:
        if not self.ctx.read(queries.reference.is_initialized):
            if self.save_profile(then=self._start) is None:
                self._go(self.STEP_PROFILE)
            return
        self._start()

    def _start(self) -> None:
        if self.demo_radio.isChecked():
            self._start_demo(self.households_spin.value())
        elif self.import_radio.isChecked():
            self.import_roster()
        else:
            self._finish()

    @Slot()
    def load_demo_now(self) -> None:
        """Step 1's shortcut: the demo village without filling in the wizard."""
        self.profile_errors.clear()
        self._start_demo(DEFAULT_DEMO_HOUSEHOLDS)

    def import_roster(self) -> None:
        """The roster import dialog; the village starts as it left it (import or not)."""
        from village_desk.ui.pages.exchange.roster_import import RosterImportDialog

        self.roster_dialog = RosterImportDialog(self.ctx, parent=self)
        self.roster_dialog.finished.connect(lambda _result: self._finish())
        self.roster_dialog.open()

    def _set_busy(self, busy: bool) -> None:
        buttons = (
            self.back_button,
            self.next_button,
            self.start_button,
            self.cancel_button,
            self.quick_demo_button,
        )
        for b in buttons:
            b.setEnabled(not busy)

    def _start_demo(self, households: int) -> Op:
        """Demo data on the writer thread, with progress and Cancel. Nothing is
        committed before the end: a cancelled run leaves no household."""
        self._set_busy(True)

        def generate(db, job):
            return demo.generate(db, households=households, job=job)

        op = self._op = (
            self.ctx.op(self, generate)
            .progress(self.tr("Creating demonstration data…"))
            .always(self._demo_ended)
            .success(self._on_demo_done)
            .failure(self._on_demo_failed)
            .cancelled(self._on_demo_cancelled)
            .run()
        )
        if op.dialog is not None:  # a short title of its own, wide enough to read whole
            title = self.tr("Demonstration data")
            op.dialog.setWindowTitle(title)
            room = op.dialog.fontMetrics().horizontalAdvance(title) + TITLE_BAR_BUTTONS
            op.dialog.setMinimumWidth(max(op.dialog.minimumWidth(), room, 360))
        return op

    def _demo_ended(self) -> None:
        self._op = None
        self._set_busy(False)

    def _on_demo_done(self, _summary) -> None:
        self._finish()

    def _on_demo_cancelled(self) -> None:
        pass  # back to the form; the village profile is already saved

    def _on_demo_failed(self, err) -> None:
        QMessageBox.critical(
            self,
            self.windowTitle(),
            self.tr("The demonstration data could not be created: {reason}").format(
                reason=describe(err)
            ),
        )

    def reject(self) -> None:
        if self._op is not None:  # demo data are being written: let it finish
            return
        super().reject()

    def _finish(self) -> None:
        self.completed.emit()
        self.accept()
