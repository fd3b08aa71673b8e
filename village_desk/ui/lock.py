"""The lock screen: at start-up, after idle minutes, or on 锁定 (Ctrl+L).

The passwords, the count of wrong tries and the minutes live in the core
(:mod:`village_desk.core.storage.lock`); this module shows them:

* :class:`LockPanel` — password field, 解锁, what went wrong, the countdown
  after too many wrong passwords, and what to do about a forgotten one.
* :func:`unlock_at_start` — the panel as a dialog before any personal data
  is shown; it gives the role the password opened (the cadre's, or the
  read-only inspector's).
* :class:`LockController` — locks a running window: every top-level window
  of the program (the main window and any dialog open over it) is covered
  by an opaque :class:`Curtain`, and the panel opens on top. Nothing is
  closed or cancelled, so an unsaved form keeps its input and a save
  already queued finishes on the writer thread. An application-wide event
  filter restarts the idle timer on every key, click, wheel or touch.
  Only the password of the session's role, or the cadre's, unlocks it: an
  inspector cannot take over a cadre's locked window.
* In the inspector's role a banner 只读（检查人员） runs across the window.
  The refusal itself is the core's (:mod:`village_desk.core.storage.roles`);
  the GUI adds that edit dialogs do not open (they would show full ID and
  phone numbers) and that phones are never shown in full.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from village_desk.core.storage import roles
from village_desk.core.storage.lock import AppLock
from village_desk.ui.widgets.forms import ERROR_STYLE, HINT_STYLE
from village_desk.ui.widgets.sizing import relative_font

log = logging.getLogger(__name__)

BANNER_STYLE = "background: #8a4b00; color: white; font-weight: bold; padding: 4px 12px;"
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


def is_inspector(ctx) -> bool:
    """Is the session the read-only inspector's?"""
    return getattr(ctx.db, "role", roles.FULL) == roles.INSPECTOR


class LockPanel(QWidget):
    """Password, 解锁, messages; emits :attr:`unlocked` with the role."""

    unlocked = Signal(str)
    quit_requested = Signal()

    def __init__(self, lock: AppLock, village: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.lock = lock
        self.accepts = (roles.FULL, roles.INSPECTOR)  # which roles' passwords open it
        self.setObjectName("lockPanel")
        title = relative_font(QLabel(self.tr("Village Desk is locked")), 1.4, bold=True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        where = QLabel(village)
        where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.password_edit.setMinimumWidth(260)
        self.password_edit.returnPressed.connect(self.try_unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.clicked.connect(self.quit_requested)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        self.forgot_button = QPushButton(self.tr("Forgot the password?"))
        self.forgot_button.setFlat(True)
        self.forgot_button.clicked.connect(self.show_forgotten)
        self.forgotten = QLabel(
            self.tr(
                "The password cannot be recovered: only a fingerprint of it is kept. Your "
                "data stay as they are. Whoever looks after this computer can remove the "
                "lock: logged in to this computer's account, run “village-desk lock reset” "
                "(it needs the data folder and is written to the log), then set a new "
                "password in 设置 → 安全."
            )
        )
        self.forgotten.setWordWrap(True)
        self.forgotten.setStyleSheet(HINT_STYLE)
        self.forgotten.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.forgotten.hide()

        row = QHBoxLayout()
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.unlock_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.forgotten)
        layout.addLayout(buttons)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self._left = 0
        self._failures = 0
        self.reset()

    def reset(self) -> None:
        """Ready for a password (or still waiting, after a restart too)."""
        self.password_edit.clear()
        self.message.hide()
        wait = self.lock.wait_seconds()
        if wait:
            self._wait(wait)
        else:
            self._enable(True)

    @Slot()
    def try_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        attempt = self.lock.try_password(self.password_edit.text())
        self.password_edit.clear()
        if attempt.role is not None and attempt.role in self.accepts:
            self.message.hide()
            self.unlocked.emit(attempt.role)
            return
        if attempt.role is not None:  # an inspector at a cadre's window
            self._say(
                self.tr(
                    "The inspector's password does not open a window a cadre is using. "
                    "The cadre unlocks it, or quit and start the program again."
                )
            )
            return
        self._failures = attempt.failures
        if attempt.wait:
            self._wait(attempt.wait)
        else:
            self._say(self.tr("Wrong password."))
        self.password_edit.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _wait(self, seconds: int) -> None:
        self._left = seconds
        self._enable(False)
        self._show_wait()
        self._countdown.start()

    def _show_wait(self) -> None:
        self._say(
            self.tr("Too many wrong passwords. Try again in {seconds} s.").format(
                seconds=self._left
            )
        )

    def _tick(self) -> None:
        self._left = self.lock.wait_seconds()
        if self._left <= 0:
            self._countdown.stop()
            self.message.hide()
            self._enable(True)
            self.password_edit.setFocus()
        else:
            self._show_wait()

    def _enable(self, on: bool) -> None:
        self.password_edit.setEnabled(on)
        self.unlock_button.setEnabled(on)

    @property
    def waiting(self) -> bool:
        return self._countdown.isActive()

    @Slot()
    def show_forgotten(self) -> None:
        self.forgotten.setVisible(not self.forgotten.isVisible())


class LockDialog(QDialog):
    """The panel in a window of its own (at start-up, and over a locked window)."""

    def __init__(self, lock: AppLock, village: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Village Desk — locked"))
        self.setObjectName("lockDialog")
        self.role: str | None = None
        self.panel = LockPanel(lock, village, self)
        self.panel.unlocked.connect(self._unlocked)
        self.panel.quit_requested.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.panel)
        self.setMinimumWidth(460)

    def _unlocked(self, role: str) -> None:
        self.role = role
        self.accept()

    def reject(self) -> None:
        """Esc does not unlock: it asks to quit (the caller decides)."""
        self.role = None
        super().reject()


def unlock_at_start(db, village: str = "") -> str | None:
    """The role this start opens with: the cadre's when no password is set,
    else whichever password was typed; None when the user quit."""
    from village_desk.ui.widgets.modal import run_modal

    lock = AppLock(db)
    if not lock.enabled:
        return roles.FULL
    dialog = LockDialog(lock, village)
    if run_modal(dialog) != QDialog.DialogCode.Accepted:
        return None
    return dialog.role


class Curtain(QWidget):
    """An opaque cover over one window's contents while it is locked."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("lockCurtain")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockCurtain { background: #3b4a5a; }")
        label = relative_font(QLabel(self.tr("Locked")), 1.6, bold=True)
        label.setStyleSheet("color: white;")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.parent() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.ChildAdded,
        ):
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False

    def lift(self) -> None:
        self.parentWidget().removeEventFilter(self)
        self.hide()
        self.deleteLater()


class LockController(QObject):
    """Locks ``window`` after idle minutes or on request (see the module doc)."""

    locked_changed = Signal(bool)
    role_changed = Signal(str)

    def __init__(self, window: QMainWindow, lock: AppLock | None = None, village: str = ""):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.lock = lock or AppLock(self.ctx.db)
        self.village = village
        self.curtains: list[Curtain] = []
        self.dialog: LockDialog | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.lock_now)
        self._filtering = False

        self.lock_action = QAction(self.tr("Lock"), window)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(self.tr("Lock the window now (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock_now)
        window.addAction(self.lock_action)
        toolbar = getattr(window, "toolbar", None)
        if toolbar is not None:
            toolbar.addAction(self.lock_action)
        self.banner = QLabel(self.tr("Read-only (inspector): looking is allowed, changing is not"))
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        window.setMenuWidget(self.banner)
        self.settings_changed()
        self._show_role()
        window.destroyed.connect(self._stop_filter)

    # ------------------------------------------------------------ settings

    @Slot()
    def settings_changed(self) -> None:
        """The 安全 tab changed the password or the minutes."""
        enabled = self.lock.enabled
        self.lock_action.setVisible(enabled)
        minutes = self.lock.idle_minutes if enabled else 0
        self.set_idle_ms(minutes * 60_000)

    def set_idle_ms(self, ms: int) -> None:
        """Lock after ``ms`` without input (0: never). Tests use a few ms."""
        self._idle.stop()
        if ms > 0:
            self._idle.setInterval(ms)
            self._start_filter()
            if not self.is_locked:
                self._idle.start()
        else:
            self._stop_filter()

    def _start_filter(self) -> None:
        if not self._filtering:
            QApplication.instance().installEventFilter(self)
            self._filtering = True

    def _stop_filter(self, *_args) -> None:
        if self._filtering:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, watched, event) -> bool:
        if event.type() in INPUT_EVENTS and not self.is_locked and self._idle.interval() > 0:
            self._idle.start()  # from now
        return False

    # ------------------------------------------------------------ locking

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    @Slot()
    def lock_now(self) -> None:
        """Cover every window of the program and ask for the password."""
        if self.is_locked or not self.lock.enabled:
            return
        log.info("window locked")
        self._idle.stop()
        for widget in QApplication.topLevelWidgets():
            if (
                widget.isVisible()
                and widget.isWindow()
                and not isinstance(widget, LockDialog)
                and widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            ):
                self.curtains.append(Curtain(widget))
        self.dialog = LockDialog(self.lock, self.village)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        # The cadre's password opens any session; the inspector's only its own.
        current = self.ctx.db.role
        self.dialog.panel.accepts = (
            (roles.FULL, roles.INSPECTOR) if current == roles.INSPECTOR else (roles.FULL,)
        )
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.rejected.connect(self._quit)
        self.dialog.open()
        self.locked_changed.emit(True)

    def _unlocked(self) -> None:
        dialog, self.dialog = self.dialog, None
        role = dialog.role if dialog is not None else roles.FULL
        for curtain in self.curtains:
            curtain.lift()
        self.curtains = []
        if dialog is not None:
            dialog.deleteLater()
        if role != self.ctx.db.role:
            self.ctx.db.role = role
            self._show_role()
            self.role_changed.emit(role)
        log.info("window unlocked (%s)", role)
        self.locked_changed.emit(False)
        if self._idle.interval() > 0 and self._filtering:
            self._idle.start()

    def _quit(self) -> None:
        """Quit from the lock screen: the window closes (its queued saves
        finish first, see MainWindow.closeEvent) behind the curtain."""
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.locked_changed.emit(False)
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and isinstance(widget, QDialog) and widget.isVisible():
                widget.done(0)  # (its input is gone with the program anyway)
        self.window.close()

    def _show_role(self) -> None:
        inspector = is_inspector(self.ctx)
        self.banner.setVisible(inspector)
        if inspector:
            self.window.statusBar().showMessage(self.banner.text())


__all__ = [
    "Curtain",
    "LockController",
    "LockDialog",
    "LockPanel",
    "is_inspector",
    "unlock_at_start",
]
