"""A matter's 附件与签收 tab: the applicant's sign-off on completion (办结签收,
the fourth of the 四登记) — a tick with who signed and when, or a photo of
the signed slip — and the photos and scans attached to the matter."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.attachments import SIGNOFF_STATUSES
from village_desk.ui.widgets.attachments import AttachmentPanel
from village_desk.ui.widgets.forms import EditDialog, FieldErrors, error_label
from village_desk.ui.widgets.modal import run_modal


class SignOffDialog(EditDialog):
    """Who signed the completion slip, and when (not before 办结)."""

    def __init__(self, ctx, matter, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.matter = matter
        self.setWindowTitle(self.tr("Record sign-off"))
        self.errors = FieldErrors(error_label())
        self.by_edit = QLineEdit(matter.signoff_by or matter.applicant_name)
        self.by_edit.setAccessibleName(self.tr("Signed by"))
        self.date_edit = QDateEdit(
            QDate(matter.signoff_date) if matter.signoff_date else QDate.currentDate()
        )
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate.currentDate())
        if matter.done_date:
            self.date_edit.setMinimumDate(QDate(matter.done_date))
        form = QFormLayout()
        for label, widget, key in (
            (self.tr("Signed by *"), self.by_edit, "matter.signoff_by"),
            (self.tr("Date"), self.date_edit, "matter.signoff_date"),
        ):
            message = error_label()
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(widget)
            inner.addWidget(message)
            form.addRow(label, box)
            self.errors.register(key, widget, message)
        hint = QLabel(
            self.tr(
                "The applicant signs the completion slip (办结签收). Record who signed; "
                "a photo of the signed slip can be added on the tab as well."
            )
        )
        hint.setWordWrap(True)
        self.buttons = self.save_cancel_buttons()
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.want_size(420, 240)

    def save(self) -> None:
        self.errors.clear()
        actor, mid = self.ctx.operator_id, self.matter.id
        by, date = self.by_edit.text(), self.date_edit.date().toPython()
        self.ctx.op(
            self, lambda db: services.attachments.sign_off(db, actor, mid, by=by, date=date)
        ).errors(self.errors).busy(self.save_button).success(
            lambda _r: self.isVisible() and self.accept()
        ).run()


class SignOffTab(QWidget):
    """The sign-off line with its buttons, above the matter's attachments."""

    count_changed = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.matter = None
        box = QGroupBox(self.tr("Sign-off on completion (办结签收)"))
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.sign_button = QPushButton(self.tr("Record sign-off…"))
        self.photo_button = QPushButton(self.tr("Add photo of the signed slip…"))
        self.clear_button = QPushButton(self.tr("Take back sign-off"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.photo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        bl = QVBoxLayout(box)
        bl.addWidget(self.state_label)
        bl.addLayout(buttons)
        self.panel = AttachmentPanel(ctx, "matter", self)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.panel, 1)
        self.sign_button.clicked.connect(self.record)
        self.photo_button.clicked.connect(self.add_photo)
        self.clear_button.clicked.connect(self.take_back)
        self.panel.changed.connect(lambda _n: self._show_state())
        self.panel.changed.connect(self.count_changed)

    def show_matter(self, matter) -> None:
        self.matter = matter
        self.panel.set_owner(matter.id)
        self._show_state()

    def _show_state(self) -> None:
        m = self.matter
        if m is None:
            return
        state = self.ctx.read(queries.attachments.sign_off, m.id)
        finished = m.status in SIGNOFF_STATUSES
        if state.by:
            text = self.tr("Signed by {who} on {date}.").format(
                who=state.by, date=state.date.isoformat() if state.date else ""
            )
        elif state.photos:
            text = self.tr("Signed slip attached.")
        elif finished:
            text = self.tr("Not signed off yet: the applicant signs the completion slip.")
        else:
            text = self.tr("Signed off after the matter is done.")
        if state.by and state.photos:
            text += " " + self.tr("Photo of the signed slip attached.")
        self.state_label.setText(text)
        self.state_label.setStyleSheet("color: #b00020;" if finished and not state.done else "")
        self.sign_button.setEnabled(finished)
        self.photo_button.setEnabled(finished)
        self.clear_button.setVisible(bool(state.by))

    def record(self) -> None:
        if self.matter is not None:
            run_modal(SignOffDialog(self.ctx, self.matter, self))

    def add_photo(self) -> None:
        self.panel.choose_files(kind="signoff")

    def take_back(self) -> None:
        m = self.matter
        if m is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Take back sign-off"),
            self.tr(
                "Remove the sign-off by {who}? Use this only for one recorded by mistake."
            ).format(who=m.signoff_by),
        )
        if answer == QMessageBox.StandardButton.Yes:
            actor = self.ctx.operator_id
            self.ctx.op(self, lambda db: services.attachments.clear_sign_off(db, actor, m.id)).run()
