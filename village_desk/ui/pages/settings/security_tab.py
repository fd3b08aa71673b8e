"""设置 → 安全: this computer's start-up password, auto-lock after idle
minutes, the read-only inspector's password, and the list of where full ID
numbers and phones were shown (完整号码导出/查看记录, ``disclosures_box``).

The passwords are hashed and kept by the core
(:class:`village_desk.core.storage.lock.AppLock`); every change runs as an
op on the writer thread (hashing takes a moment) and a refusal — the
current password wrong, too short, the two entries different — is shown at
its field. Changing or removing the password, and setting the inspector's,
need the current start-up password.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from village_desk.core.domain.errors import ValidationError
from village_desk.core.storage.lock import MAX_IDLE_MINUTES, MIN_LENGTH, AppLock
from village_desk.ui.lock import is_inspector
from village_desk.ui.pages.settings.disclosures_box import DisclosureList
from village_desk.ui.widgets.forms import HINT_STYLE, FieldErrors, error_label

SAVED_STYLE = "color: #1b7f3b;"


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


class SecurityTab(QWidget):
    """The 安全 tab of the settings page."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.lock = AppLock(ctx.db)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.general = error_label()
        self.errors = FieldErrors(self.general)

        # ---- the start-up password
        self.current_edit = _password_edit()
        self.new_edit = _password_edit()
        self.confirm_edit = _password_edit()
        self.set_button = QPushButton()
        self.remove_button = QPushButton(self.tr("Remove password"))
        self.set_button.clicked.connect(self.save_password)
        self.remove_button.clicked.connect(self.remove_password)
        box = QGroupBox(self.tr("Start-up password"))
        form = QFormLayout(box)
        self.current_label = QLabel(self.tr("Current password"))
        for label, widget, field in (
            (self.current_label, self.current_edit, "lock.current"),
            (self.tr("New password"), self.new_edit, "lock.password"),
            (self.tr("New password again"), self.confirm_edit, "lock.confirm"),
        ):
            err = error_label()
            form.addRow(label, widget)
            form.addRow("", err)
            self.errors.register(field, widget, err)
        hint = QLabel(
            self.tr(
                "At least {n} characters. Asked for when the program starts and when it "
                "was locked. Only a fingerprint of it is kept: a forgotten password cannot "
                "be shown, only removed (“village-desk lock reset” on this computer)."
            ).format(n=MIN_LENGTH)
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form.addRow("", hint)
        form.addRow("", self._row(self.set_button, self.remove_button))

        # ---- idle minutes
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(0, MAX_IDLE_MINUTES)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setSpecialValueText(self.tr("Off"))
        self.idle_save = QPushButton(self.tr("Save"))
        self.idle_save.clicked.connect(self.save_idle)
        idle_box = QGroupBox(self.tr("Lock automatically"))
        idle_form = QFormLayout(idle_box)
        idle_err = error_label()
        idle_form.addRow(
            self.tr("After minutes without use"), self._row(self.idle_spin, self.idle_save)
        )
        idle_form.addRow("", idle_err)
        self.errors.register("lock.idle", self.idle_spin, idle_err)
        idle_hint = QLabel(
            self.tr(
                "0 = never. Locking covers the window; what is being typed stays, and "
                "saves already under way finish. Lock at once with Ctrl+L."
            )
        )
        idle_hint.setWordWrap(True)
        idle_hint.setStyleSheet(HINT_STYLE)
        idle_form.addRow("", idle_hint)

        # ---- inspector
        self.inspector_edit = _password_edit()
        self.inspector_confirm = _password_edit()
        self.inspector_button = QPushButton(self.tr("Save inspector password"))
        self.inspector_remove = QPushButton(self.tr("Remove inspector password"))
        self.inspector_button.clicked.connect(self.save_inspector)
        self.inspector_remove.clicked.connect(self.remove_inspector)
        self.inspector_state = QLabel()
        inspector_box = QGroupBox(self.tr("Inspector (read-only)"))
        inspector_form = QFormLayout(inspector_box)
        inspector_hint = QLabel(
            self.tr(
                "For a township inspector spot-checking diaries on this computer: this "
                "password opens the program read-only — records can be looked at, nothing "
                "can be changed, ID numbers and phones stay masked. Needs the current "
                "start-up password above."
            )
        )
        inspector_hint.setWordWrap(True)
        inspector_hint.setStyleSheet(HINT_STYLE)
        inspector_form.addRow(inspector_hint)
        inspector_form.addRow(self.tr("State"), self.inspector_state)
        for label, widget, field in (
            (self.tr("Inspector password"), self.inspector_edit, "lock.inspector"),
            (self.tr("Inspector password again"), self.inspector_confirm, "lock.inspector_confirm"),
        ):
            err = error_label()
            inspector_form.addRow(label, widget)
            inspector_form.addRow("", err)
            self.errors.register(field, widget, err)
        inspector_form.addRow("", self._row(self.inspector_button, self.inspector_remove))
        self.inspector_box = inspector_box

        protects = QLabel(
            self.tr(
                "The password keeps people who use this computer from opening the village's "
                "data in this program. It is not disk encryption: whoever has the disk can "
                "copy the database file and read it with other tools, unless the operating "
                "system encrypts the disk (BitLocker, LUKS)."
            )
        )
        protects.setWordWrap(True)
        protects.setStyleSheet(HINT_STYLE)

        self.lock_boxes = (box, idle_box, inspector_box)
        self.disclosures = DisclosureList(ctx)  # read-only: the inspector may look

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(protects)
        layout.addWidget(box)
        layout.addWidget(idle_box)
        layout.addWidget(inspector_box)
        layout.addWidget(self.general)
        layout.addWidget(self.disclosures)
        layout.addStretch(1)
        self.reload()

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            row.addWidget(w)
        row.addStretch(1)
        return holder

    # ------------------------------------------------------------ state

    def reload(self) -> None:
        enabled = self.lock.enabled
        self.status.setText(
            self.tr("A start-up password is set.")
            if enabled
            else self.tr("No start-up password: anyone using this computer can open the data.")
        )
        self.current_label.setVisible(enabled)
        self.current_edit.setVisible(enabled)
        self.set_button.setText(self.tr("Change password") if enabled else self.tr("Set password"))
        self.remove_button.setEnabled(enabled)
        self.idle_spin.setValue(self.lock.idle_minutes)
        self.idle_spin.setEnabled(enabled)
        self.idle_save.setEnabled(enabled)
        self.inspector_state.setText(
            self.tr("set") if self.lock.has_inspector else self.tr("not set")
        )
        self.inspector_remove.setEnabled(self.lock.has_inspector)
        # The inspector changes nothing here (the core refuses it too), but may
        # read the list of full numbers shown.
        inspector = is_inspector(self.ctx)
        for b in self.lock_boxes:
            b.setEnabled(not inspector and (enabled or b is not self.inspector_box))

    def _done(self, message: str) -> None:
        for edit in (
            self.current_edit,
            self.new_edit,
            self.confirm_edit,
            self.inspector_edit,
            self.inspector_confirm,
        ):
            edit.clear()
        self.reload()
        self.general.setText(message)
        self.general.setStyleSheet(SAVED_STYLE)
        self.general.show()
        self.ctx.lock_changed.emit()

    def _run(self, work, message: str, button: QPushButton):
        self.errors.clear()
        self.general.setStyleSheet("")
        return (
            self.ctx.op(self, work)
            .errors(self.errors)
            .busy(button)
            .success(lambda _r: self._done(message))
            .run()
        )

    # ------------------------------------------------------------ actions

    @Slot()
    def save_password(self):
        new, again = self.new_edit.text(), self.confirm_edit.text()
        current = self.current_edit.text() if self.lock.enabled else None
        if new != again:
            self.errors.clear()
            self.errors.show_error(
                ValidationError("lock.confirm", "两次输入的密码不一样", label="再次输入")
            )
            return None
        changing = self.lock.enabled
        return self._run(
            lambda db: AppLock(db).set_password(new, current),
            self.tr("The password was changed.")
            if changing
            else self.tr("The password is set: it is asked for at the next start."),
            self.set_button,
        )

    @Slot()
    def remove_password(self):
        current = self.current_edit.text()
        return self._run(
            lambda db: AppLock(db).remove_password(current),
            self.tr("The password was removed: the program opens without one."),
            self.remove_button,
        )

    @Slot()
    def save_idle(self):
        minutes = self.idle_spin.value()
        return self._run(
            lambda db: AppLock(db).set_idle_minutes(minutes),
            self.tr("Saved."),
            self.idle_save,
        )

    @Slot()
    def save_inspector(self):
        new, again = self.inspector_edit.text(), self.inspector_confirm.text()
        current = self.current_edit.text()
        if new != again:
            self.errors.clear()
            self.errors.show_error(
                ValidationError("lock.inspector_confirm", "两次输入的密码不一样", label="再次输入")
            )
            return None
        return self._run(
            lambda db: AppLock(db).set_inspector(new, current),
            self.tr("The inspector password is set."),
            self.inspector_button,
        )

    @Slot()
    def remove_inspector(self):
        current = self.current_edit.text()
        return self._run(
            lambda db: AppLock(db).set_inspector(None, current),
            self.tr("The inspector password was removed."),
            self.inspector_remove,
        )
