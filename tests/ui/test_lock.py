"""The lock screen, auto-lock and the inspector's read-only window (ui/lock.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import click, wait_ops
from village_desk.core import queries
from village_desk.core.storage import roles
from village_desk.core.storage.lock import AppLock
from village_desk.ui.lock import Curtain, LockController, LockPanel


def test_the_lock_panel_takes_the_right_password_and_refuses_a_wrong_one(qtbot, demo_db):
    AppLock(demo_db).set_password("right-pass")
    panel = LockPanel(AppLock(demo_db), "桃花村")
    qtbot.addWidget(panel)
    panel.show()
    qtbot.keyClicks(panel.password_edit, "wrong-pass")
    qtbot.keyClick(panel.password_edit, Qt.Key.Key_Return)
    assert panel.message.isVisible() and panel.message.text() in ("密码不对。", "Wrong password.")
    with qtbot.waitSignal(panel.unlocked) as got:
        qtbot.keyClicks(panel.password_edit, "right-pass")
        click(qtbot, panel.unlock_button)
    assert got.args == [roles.FULL]


def test_five_wrong_passwords_disable_the_field_with_a_countdown(qtbot, demo_db):
    AppLock(demo_db).set_password("right-pass")
    panel = LockPanel(AppLock(demo_db))
    qtbot.addWidget(panel)
    panel.show()
    for _ in range(5):
        qtbot.keyClicks(panel.password_edit, "wrong")
        qtbot.keyClick(panel.password_edit, Qt.Key.Key_Return)
    assert not panel.unlock_button.isEnabled() and not panel.password_edit.isEnabled()
    assert "30" in panel.message.text()
    # a new lock screen (a restart) still waits
    again = LockPanel(AppLock(demo_db))
    qtbot.addWidget(again)
    assert not again.unlock_button.isEnabled()


def test_idle_auto_lock_covers_the_window(qtbot, window):
    AppLock(window.ctx.db).set_password("right-pass")
    controller = LockController(window)
    controller.set_idle_ms(30)
    qtbot.waitUntil(lambda: controller.is_locked, timeout=5000)
    curtain = window.findChild(Curtain)
    assert curtain is not None and curtain.isVisible()
    assert curtain.geometry() == window.rect()
    center = window.rect().center()
    hit = window.childAt(center)
    assert hit is curtain or curtain.isAncestorOf(hit)
    with qtbot.waitSignal(controller.locked_changed):
        qtbot.keyClicks(controller.dialog.panel.password_edit, "right-pass")
        click(qtbot, controller.dialog.panel.unlock_button)
    qtbot.waitUntil(
        lambda: window.findChild(Curtain) is None or not window.findChild(Curtain).isVisible()
    )
    controller.set_idle_ms(0)


def test_the_inspector_cannot_save_a_household_edit(qtbot, window, modal):
    window.ctx.db.role = roles.INSPECTOR
    try:
        LockController(window)
        assert window.menuWidget().isVisible()
        page = window.households_page
        first = page.model.household(0).id
        page.open_household(first)
        seen = []
        with modal.expect(lambda box: (seen.append(box.text()), box.accept())):
            page.detail.edit_household()
        assert "只读" in seen[0] or "read-only" in seen[0]
        assert not page.detail.phones_button.isVisible()
        # nor are phones shown another way (a shortcut, a stale button): none
        # in full, and no 完整号码查看记录 the inspector could not write anyway
        before = window.ctx.read(queries.disclosures.disclosures)
        page.detail.toggle_phones()
        wait_ops(qtbot, window.ctx)
        assert not page.detail.phones_shown
        assert window.ctx.read(queries.disclosures.disclosures) == before
    finally:
        window.ctx.db.role = roles.FULL
