"""First run: a short wizard — village profile, cadres, then how to start.

Step 1 saves the village profile (``setup.initialize``, which also seeds the
vocabularies), step 2 adds cadres one by one (``setup.add_cadre``), step 3
chooses demo data, an empty start, or a roster import (the roster import
dialog opens once the profile is saved; the wizard finishes when it closes).
Step 1 also offers the demo village straight away (``demo.generate`` sets up
its own profile and cadres), for someone who first wants to look around.
Demo generation runs on the thread pool with a progress dialog; the dialog
accepts itself when everything is done and emits
:attr:`FirstRunDialog.completed`.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import setup
from village_desk.core.db import Database
from village_desk.core.validation import ValidationError

from .errors import describe
from .widgets import HINT_STYLE, FieldErrors, error_label, heading, hline
from .workers import Task, TaskCancelled

DEFAULT_DEMO_HOUSEHOLDS = 300


class DemoCancelled(TaskCancelled):
    """Raised from the progress callback; demo.generate then rolls back."""


class FirstRunDialog(QDialog):
    completed = Signal()  # profile saved (and demo data generated, if chosen)
    STEP_PROFILE, STEP_CADRES, STEP_START = range(3)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self._task: Task | None = None
        self._progress: QProgressDialog | None = None
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
        self.county_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("e.g. 0731-84123456"))
        self.phone_error = error_label()
        self.hotline_edit = QLineEdit()
        self.profile_general = error_label()
        self.profile_errors = FieldErrors(self.profile_general)
        self.profile_errors.register("村名", self.village_edit, self.village_error)
        self.profile_errors.register("村服务电话", self.phone_edit, self.phone_error)
        form = QFormLayout()
        form.addRow(self.tr("Village (community) *"), self.village_edit)
        form.addRow("", self.village_error)
        form.addRow(self.tr("Township"), self.township_edit)
        form.addRow(self.tr("County"), self.county_edit)
        form.addRow(self.tr("Service station phone"), self.phone_edit)
        form.addRow("", self.phone_error)
        form.addRow(self.tr("Secretary mailbox / hotline"), self.hotline_edit)
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
        self.village_edit.textEdited.connect(self._clear_village_error)
        self.phone_edit.textEdited.connect(lambda: self.profile_errors.clear("村服务电话"))
        return page

    def _cadres_step(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Add the cadres who will use this computer (you can add more later "
                "in Settings). Demonstration data bring their own cadres."
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
        self.cadre_errors.register("干部姓名", self.cadre_name, self.cadre_name_error)
        self.cadre_errors.register("干部电话", self.cadre_phone, self.cadre_phone_error)
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
        self.cadre_name.textEdited.connect(lambda: self.cadre_errors.clear("干部姓名"))
        self.cadre_phone.textEdited.connect(lambda: self.cadre_errors.clear("干部电话"))
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

    def step(self) -> int:
        return self.stack.currentIndex()

    # ------------------------------------------------------------ validation

    def _show_village_error(self, message: str) -> None:
        self.profile_errors.show("村名", message)

    @Slot()
    def _clear_village_error(self) -> None:
        self.profile_errors.clear("村名")

    # ------------------------------------------------------------ actions

    @Slot()
    def back(self) -> None:
        if self.step() > self.STEP_PROFILE:
            self._go(self.step() - 1)

    @Slot()
    def next(self) -> None:
        if self.step() == self.STEP_PROFILE and not self.save_profile():
            return
        self._go(min(self.step() + 1, self.STEP_START))

    def save_profile(self) -> bool:
        village = self.village_edit.text().strip()
        if not village:
            self._show_village_error(
                self.tr(
                    "Please enter the name of the village (community); it appears on cards and reports."
                )
            )
            return False
        try:
            setup.initialize(
                self.db,
                village=village,
                township=self.township_edit.text(),
                county=self.county_edit.text(),
                service_phone=self.phone_edit.text(),
                hotline=self.hotline_edit.text(),
            )
        except ValidationError as err:
            self.profile_errors.show_error(err)
            return False
        except Exception as err:
            QMessageBox.critical(self, self.windowTitle(), describe(err))
            return False
        return True

    def _load_roles(self) -> None:
        if self.cadre_role.count():
            return
        with self.db.reading() as s:
            for term in setup.vocabulary(s, "role"):
                self.cadre_role.addItem(term.label, term.code)

    @Slot()
    def add_cadre(self) -> None:
        self.cadre_errors.clear()
        name = self.cadre_name.text()
        try:
            setup.add_cadre(
                self.db, None, name, self.cadre_role.currentData(), self.cadre_phone.text()
            )
        except Exception as err:
            self.cadre_errors.show_error(err)
            return
        self.cadre_list.addItem(f"{name.strip()}（{self.cadre_role.currentText()}）")
        self.cadre_name.clear()
        self.cadre_phone.clear()
        self.cadre_name.setFocus()

    @Slot()
    def submit(self) -> None:
        if not setup.is_initialized(self.db) and not self.save_profile():
            self._go(self.STEP_PROFILE)
            return
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
        from .roster_import import RosterImportDialog

        self.roster_dialog = RosterImportDialog(self.db, None, parent=self)
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

    def _start_demo(self, households: int) -> None:
        from village_desk.core import demo

        db = self.db
        cancel = threading.Event()

        def work(progress):
            def report(stage: str, fraction: float) -> None:
                # Until the final step nothing is committed: stopping is safe.
                if cancel.is_set() and fraction < 1.0:
                    raise DemoCancelled
                progress(stage, fraction)

            return demo.generate(db, households=households, progress=report)

        self._set_busy(True)
        self._progress = QProgressDialog(
            self.tr("Creating demonstration data…"), self.tr("Cancel"), 0, 1000, self
        )
        self._progress.setWindowTitle(self.windowTitle())
        self._progress.canceled.connect(cancel.set)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(500)
        self._progress.setAutoClose(False)
        self._progress.setAutoReset(False)
        self._progress.setValue(0)
        self._task = Task(work)
        self._task.signals.progress.connect(self._on_progress)
        self._task.signals.succeeded.connect(self._on_demo_done)
        self._task.signals.failed.connect(self._on_demo_failed)
        self._task.start()

    @Slot(str, float)
    def _on_progress(self, stage: str, fraction: float) -> None:
        if self._progress is not None:
            self._progress.setLabelText(
                self.tr("Creating demonstration data: {stage}").format(stage=stage)
            )
            self._progress.setValue(round(max(0.0, min(fraction, 1.0)) * 1000))

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self._task = None
        self._set_busy(False)

    @Slot(object)
    def _on_demo_done(self, _summary) -> None:
        self._close_progress()
        self._finish()

    @Slot(object)
    def _on_demo_failed(self, err) -> None:
        self._close_progress()
        if isinstance(err, DemoCancelled):
            return  # back to the form; the village profile is already saved
        QMessageBox.critical(
            self,
            self.windowTitle(),
            self.tr("The demonstration data could not be created: {reason}").format(
                reason=describe(err)
            ),
        )

    def reject(self) -> None:
        if self._task is not None:  # demo data are being written: let it finish
            return
        super().reject()

    def _finish(self) -> None:
        self.completed.emit()
        self.accept()
