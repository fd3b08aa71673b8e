"""First run: the village profile, then demo data or an empty start.

The dialog calls the core services itself (``setup.initialize`` and, if the
user asks for it, ``demo.generate``). Demo generation runs on the thread pool
with a progress dialog; the dialog accepts itself when everything is done and
emits :attr:`FirstRunDialog.completed`.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import setup
from village_desk.core.db import Database
from village_desk.core.validation import ValidationError

from .errors import describe
from .workers import Task, TaskCancelled

ERROR_STYLE = "color: #b00020;"
DEFAULT_DEMO_HOUSEHOLDS = 300


class DemoCancelled(TaskCancelled):
    """Raised from the progress callback; demo.generate then rolls back."""


class FirstRunDialog(QDialog):
    completed = Signal()  # profile saved (and demo data generated, if chosen)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self._task: Task | None = None
        self._progress: QProgressDialog | None = None
        self.setWindowTitle(self.tr("Welcome to Village Desk"))
        self.setMinimumWidth(480)

        intro = QLabel(
            self.tr(
                "This computer has no village data yet. Enter your village, then "
                "choose whether to start with demonstration data to try things out."
            )
        )
        intro.setWordWrap(True)

        self.village_edit = QLineEdit()
        self.village_edit.setPlaceholderText(self.tr("e.g. Taohua Village"))
        self.village_edit.setAccessibleName(self.tr("Village name"))
        self.village_error = QLabel()
        self.village_error.setStyleSheet(ERROR_STYLE)
        self.village_error.setWordWrap(True)
        self.village_error.hide()
        self.township_edit = QLineEdit()
        self.county_edit = QLineEdit()

        form = QFormLayout()
        form.addRow(self.tr("Village (community) *"), self.village_edit)
        form.addRow("", self.village_error)
        form.addRow(self.tr("Township"), self.township_edit)
        form.addRow(self.tr("County"), self.county_edit)

        self.demo_radio = QRadioButton(self.tr("Load demonstration data"))
        self.empty_radio = QRadioButton(self.tr("Start empty"))
        self.demo_radio.setChecked(True)
        choice = QButtonGroup(self)
        choice.addButton(self.demo_radio)
        choice.addButton(self.empty_radio)
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
        demo_note.setStyleSheet("color: palette(mid);")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addLayout(demo_row)
        layout.addWidget(self.empty_radio)
        layout.addWidget(demo_note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.village_edit.textEdited.connect(self._clear_village_error)

    # ------------------------------------------------------------ validation

    def _show_village_error(self, message: str) -> None:
        self.village_error.setText(message)
        self.village_error.show()
        self.village_edit.setStyleSheet("border: 1px solid #b00020;")
        self.village_edit.setFocus()

    @Slot()
    def _clear_village_error(self) -> None:
        self.village_error.hide()
        self.village_edit.setStyleSheet("")

    # ------------------------------------------------------------ actions

    @Slot()
    def submit(self) -> None:
        village = self.village_edit.text().strip()
        if not village:
            self._show_village_error(
                self.tr(
                    "Please enter the name of the village (community); it appears on cards and reports."
                )
            )
            return
        try:
            setup.initialize(
                self.db,
                village=village,
                township=self.township_edit.text(),
                county=self.county_edit.text(),
            )
        except ValidationError as err:
            if err.field == "村名":
                self._show_village_error(err.message)
            else:
                QMessageBox.warning(self, self.windowTitle(), str(err))
            return
        except Exception as err:
            QMessageBox.critical(self, self.windowTitle(), describe(err))
            return
        if self.demo_radio.isChecked():
            self._start_demo(self.households_spin.value())
        else:
            self._finish()

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

        self.buttons.setEnabled(False)
        self._progress = QProgressDialog(
            self.tr("Creating demonstration data…"), self.tr("Cancel"), 0, 1000, self
        )
        self._progress.setWindowTitle(self.windowTitle())
        self._progress.canceled.connect(cancel.set)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
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
        self.buttons.setEnabled(True)

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
