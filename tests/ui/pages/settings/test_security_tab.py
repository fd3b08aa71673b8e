"""设置 → 安全, used as a cadre would: set a start-up password, change it
with the old one (a wrong old one is refused at its field), remove it, set
the inspector's password and the idle minutes. What is checked is what the
lock screen will then do: which password opens the program, and as whom."""

from __future__ import annotations

import pytest

from tests.ui.helpers import click, exposed, wait_ops
from village_desk.core.storage import roles
from village_desk.core.storage.lock import AppLock
from village_desk.ui.pages.settings.page import SettingsPage

OLD = "taohua2026"
NEW = "lihua2027"
INSPECTOR = "jiancha88"


@pytest.fixture
def page(ctx, qtbot):
    p = SettingsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1000, 900)
    p.show()
    exposed(p)
    p.tabs.setCurrentIndex(p.tabs.indexOf(p.security_tab.parentWidget().parentWidget()))
    return p


@pytest.fixture
def tab(page):
    return page.security_tab


def locked_with(db, password: str) -> AppLock:
    AppLock(db).set_password(password)
    return AppLock(db)


def opens_as(db, password: str) -> str | None:
    """The role the lock screen would open with ``password`` (None: refused)."""
    return AppLock(db).try_password(password).role


def type_into(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def error_under(tab, field: str) -> str:
    label = tab.errors.label_for(field)
    return label.text() if label is not None and label.isVisible() else ""


def test_the_tab_is_named_and_says_there_is_no_password(page, tab):
    assert page.tabs.tabText(page.tabs.currentIndex()) == "安全"
    assert tab.status.text().startswith("没有设置启动密码")
    assert not tab.current_edit.isVisible()
    assert not tab.remove_button.isEnabled()
    # minutes and the inspector need a start-up password first
    assert not tab.idle_spin.isEnabled() and not tab.inspector_box.isEnabled()


def test_setting_a_start_up_password(tab, ctx, qtbot, demo_db):
    changed = []
    ctx.lock_changed.connect(lambda: changed.append(True))
    type_into(qtbot, tab.new_edit, OLD)
    type_into(qtbot, tab.confirm_edit, OLD)
    click(qtbot, tab.set_button)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: tab.current_edit.isVisible())
    assert opens_as(demo_db, OLD) == roles.FULL
    assert opens_as(demo_db, "wrong-one") is None
    assert tab.general.isVisible() and tab.general.text().startswith("密码已设置")
    assert tab.status.text() == "已设置启动密码。"
    assert changed
    # the fields are emptied, and the tab now offers to change or remove
    assert tab.new_edit.text() == "" and tab.confirm_edit.text() == ""
    assert tab.remove_button.isEnabled() and tab.idle_spin.isEnabled()


def test_two_different_entries_are_refused_at_the_second_field(tab, ctx, qtbot, demo_db):
    type_into(qtbot, tab.new_edit, OLD)
    type_into(qtbot, tab.confirm_edit, OLD + "x")
    click(qtbot, tab.set_button)
    wait_ops(qtbot, ctx)
    assert "两次输入的密码不一样" in error_under(tab, "lock.confirm")
    assert not AppLock(demo_db).enabled


def test_a_too_short_password_is_refused_at_its_field(tab, ctx, qtbot, demo_db):
    type_into(qtbot, tab.new_edit, "12345")
    type_into(qtbot, tab.confirm_edit, "12345")
    click(qtbot, tab.set_button)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: "至少" in error_under(tab, "lock.password"))
    assert not AppLock(demo_db).enabled


def test_changing_the_password_with_the_old_one(page, ctx, qtbot, demo_db):
    locked_with(demo_db, OLD)
    tab = page.security_tab
    tab.reload()
    assert tab.current_edit.isVisible()
    type_into(qtbot, tab.current_edit, OLD)
    type_into(qtbot, tab.new_edit, NEW)
    type_into(qtbot, tab.confirm_edit, NEW)
    click(qtbot, tab.set_button)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: tab.general.text() == "密码已修改。")
    assert opens_as(demo_db, NEW) == roles.FULL
    assert opens_as(demo_db, OLD) is None
    assert tab.current_edit.text() == ""


def test_a_wrong_old_password_is_refused_at_its_field(page, ctx, qtbot, demo_db):
    locked_with(demo_db, OLD)
    tab = page.security_tab
    tab.reload()
    type_into(qtbot, tab.current_edit, "not-the-old-one")
    type_into(qtbot, tab.new_edit, NEW)
    type_into(qtbot, tab.confirm_edit, NEW)
    click(qtbot, tab.set_button)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: "当前密码不对" in error_under(tab, "lock.current"))
    assert opens_as(demo_db, OLD) == roles.FULL
    assert opens_as(demo_db, NEW) is None
    # what was typed stays, so the user only fixes the old password
    assert tab.new_edit.text() == NEW


def test_removing_the_password(page, ctx, qtbot, demo_db):
    locked_with(demo_db, OLD)
    AppLock(demo_db).set_inspector(INSPECTOR, OLD)
    tab = page.security_tab
    tab.reload()
    # a wrong current password removes nothing
    type_into(qtbot, tab.current_edit, "not-the-old-one")
    click(qtbot, tab.remove_button)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: "当前密码不对" in error_under(tab, "lock.current"))
    assert AppLock(demo_db).enabled
    type_into(qtbot, tab.current_edit, OLD)
    click(qtbot, tab.remove_button)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: not tab.current_edit.isVisible())
    lock = AppLock(demo_db)
    assert not lock.enabled and not lock.has_inspector
    assert tab.general.text().startswith("密码已取消")
    assert not tab.remove_button.isEnabled()


def test_setting_the_inspector_password(page, ctx, qtbot, demo_db):
    locked_with(demo_db, OLD)
    tab = page.security_tab
    tab.reload()
    assert tab.inspector_box.isEnabled() and not tab.inspector_remove.isEnabled()
    assert tab.inspector_state.text() == "未设置"
    # it needs the current start-up password
    type_into(qtbot, tab.inspector_edit, INSPECTOR)
    type_into(qtbot, tab.inspector_confirm, INSPECTOR)
    click(qtbot, tab.inspector_button)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: "当前密码不对" in error_under(tab, "lock.current"))
    assert not AppLock(demo_db).has_inspector
    # and may not be the start-up password itself
    type_into(qtbot, tab.current_edit, OLD)
    type_into(qtbot, tab.inspector_edit, OLD)
    type_into(qtbot, tab.inspector_confirm, OLD)
    click(qtbot, tab.inspector_button)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: "不能和启动密码相同" in error_under(tab, "lock.inspector"))
    type_into(qtbot, tab.inspector_edit, INSPECTOR)
    type_into(qtbot, tab.inspector_confirm, INSPECTOR)
    click(qtbot, tab.inspector_button)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: tab.inspector_remove.isEnabled())
    assert opens_as(demo_db, INSPECTOR) == roles.INSPECTOR
    assert opens_as(demo_db, OLD) == roles.FULL
    assert tab.inspector_state.text() == "已设置"
    # removed again with the start-up password
    type_into(qtbot, tab.current_edit, OLD)
    click(qtbot, tab.inspector_remove)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: not tab.inspector_remove.isEnabled())
    assert opens_as(demo_db, INSPECTOR) is None
    assert tab.inspector_state.text() == "未设置"


def test_idle_minutes_are_saved(page, ctx, qtbot, demo_db):
    locked_with(demo_db, OLD)
    tab = page.security_tab
    tab.reload()
    assert tab.idle_spin.value() == 0 and tab.idle_spin.text() == "不自动锁定"
    tab.idle_spin.setFocus()
    tab.idle_spin.lineEdit().selectAll()
    qtbot.keyClicks(tab.idle_spin, "15")
    assert tab.idle_spin.value() == 15
    click(qtbot, tab.idle_save)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: AppLock(demo_db).idle_minutes == 15)
    # a fresh tab (the next time settings open) shows what was saved
    tab.reload()
    assert tab.idle_spin.value() == 15
