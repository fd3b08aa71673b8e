"""设置 → 数据与备份, used as a cadre would: where the data, logs and backups
are, a backup folder on a USB stick, 立即备份, checking a backup, and
restoring one — asked first, the current data backed up, the data opened
again as a new device."""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.helpers import make_id
from tests.ui.helpers import click, exposed, on_modal, raise_problems, wait_ops
from village_desk.core import services
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage import backup, merge
from village_desk.core.storage.db import Database
from village_desk.ui import app as app_module
from village_desk.ui import restart
from village_desk.ui.pages.settings.page import SettingsPage


@pytest.fixture
def page(ctx, qtbot):
    p = SettingsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    exposed(p)
    p.tabs.setCurrentWidget(p.data_tab)
    return p


def made_by_hand(page, qtbot, ctx):
    tab = page.data_tab
    click(qtbot, tab.backup_button)
    wait_ops(qtbot, ctx, 30000)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    return tab


def test_the_tab_says_where_data_logs_and_backups_live(page, demo_db):
    tab = page.data_tab
    assert page.tabs.tabText(page.tabs.currentIndex()) == "数据与备份"
    assert tab.data_label.text() == str(demo_db.sqlite_path.parent)
    assert tab.folder_label.text() == str(backup.default_folder(demo_db.sqlite_path))
    assert tab.log_label.text()
    assert tab.table.rowCount() == 0
    assert not tab.restore_button.isEnabled() and not tab.verify_button.isEnabled()


def test_back_up_now_lists_a_checked_backup(page, ctx, qtbot, demo_db):
    tab = made_by_hand(page, qtbot, ctx)
    [made] = backup.backups(backup.default_folder(demo_db.sqlite_path))
    assert made.reason == "manual" and backup.verify(made.path) == []
    assert tab.table.item(0, 1).text() == "手动备份"
    assert tab.table.item(0, 3).text() == "完好"
    assert made.path.name in tab.status.text()


def test_a_folder_on_a_usb_stick_is_chosen_and_used(
    page, ctx, qtbot, demo_db, tmp_path, monkeypatch
):
    tab = page.data_tab
    stick = tmp_path / "U盘" / "村务备份"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    click(qtbot, tab.choose_folder)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: tab.folder_label.text() == str(stick))
    assert backup.folder_for(demo_db.sqlite_path) == stick
    made_by_hand(page, qtbot, ctx)
    assert len(backup.backups(stick)) == 1
    assert backup.backups(backup.default_folder(demo_db.sqlite_path)) == []
    # a folder that cannot be written is refused where the user looks
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(blocked / "x"))
    click(qtbot, tab.choose_folder)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: "无法把备份放在" in tab.status.text())
    assert backup.folder_for(demo_db.sqlite_path) == stick
    click(qtbot, tab.default_folder)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(
        lambda: tab.folder_label.text() == str(backup.default_folder(demo_db.sqlite_path))
    )


def test_verify_tells_a_damaged_backup_from_a_whole_one(page, ctx, qtbot):
    tab = made_by_hand(page, qtbot, ctx)
    path = tab.found[0].path
    tab.checked.clear()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    tab.reload()
    tab.table.selectRow(0)
    click(qtbot, tab.verify_button)
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text().startswith("已损坏"))
    assert path.name in tab.status.text()


def test_restore_asks_first_and_can_be_cancelled(page, ctx, qtbot, monkeypatch):
    tab = made_by_hand(page, qtbot, ctx)
    asked: list[Path] = []
    monkeypatch.setattr(restart, "request_restore", asked.append)
    tab.table.selectRow(0)
    problems: list = []

    def cancel(box):
        assert "恢复" in box.windowTitle() and "先备份" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    on_modal(qtbot, cancel, problems, QMessageBox)
    click(qtbot, tab.restore_button)
    raise_problems(problems)
    assert asked == []

    def confirm(box):
        [restore] = [b for b in box.buttons() if b.text() == "恢复"]
        restore.click()

    on_modal(qtbot, confirm, problems, QMessageBox)
    click(qtbot, tab.restore_button)
    raise_problems(problems)
    assert asked == [tab.found[0].path]


def test_restoring_reopens_the_data_as_the_backup_on_a_new_device(
    app, qtbot, tmp_path, monkeypatch
):
    """The whole start: the window asks for a restore, the data closes, the
    current state is backed up, the backup is put in place and a new window
    opens on it."""
    data = tmp_path / "data"
    db = Database.open(f"sqlite:///{data / 'village-desk.sqlite3'}")
    services.setup.initialize(db, village="桃花村", township="青山镇")
    services.setup.add_cadre(db, None, "王建国", "secretary")
    path = db.sqlite_path
    made = backup.backup_now(path, "manual")
    good = merge.digest(db)
    services.households.create_household(
        db,
        None,
        HouseholdInput(number="01-009"),
        PersonInput(name="李四", id_number=make_id("19700101", "999")),
    )
    device = db.device.id
    db.close()
    monkeypatch.setenv(app_module.ENV_START_PAGE, "settings")
    windows: list = []
    messages: list[str] = []

    def step():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            messages.append(box.text())
            box.accept()
        else:
            shown = [
                w
                for w in QApplication.topLevelWidgets()
                if w.isVisible() and hasattr(w, "settings_page")
            ]
            for w in shown:
                if w not in windows:
                    windows.append(w)
                    if len(windows) == 1:
                        QTimer.singleShot(0, lambda: restart.request_restore(made))
                    else:
                        QTimer.singleShot(0, QApplication.quit)
        if len(windows) < 2 or QApplication.activeModalWidget() is not None:
            QTimer.singleShot(50, step)

    QTimer.singleShot(0, step)
    # (closing the first window must not post a quit that ends later tests' event loops)
    quits = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        code = app_module._run(app, types.SimpleNamespace(data_dir=str(data), db_url=None))
    finally:
        app.setQuitOnLastWindowClosed(quits)
    assert code == 0 and len(windows) == 2
    [message] = messages
    assert made.name in message
    [safety] = [
        b for b in backup.backups(backup.default_folder(path)) if b.reason == "before-restore"
    ]
    assert backup.verify(safety.path) == []
    reopened = Database.open(f"sqlite:///{path}")
    try:
        assert merge.digest(reopened) == good  # 李四 came after the backup
        assert reopened.device.id != device  # a new device: numbers never repeat
    finally:
        reopened.close()
    assert os.path.exists(data / "village-desk.lock")


def test_photos_folder_use_and_cap(page, ctx, qtbot, demo_db):
    from village_desk.core import queries
    from village_desk.core.domain.attachments import human_size

    tab = page.data_tab
    store = queries.attachments.store(demo_db)
    files = list(store.hashes())
    used = sum(store.path(h).stat().st_size for h in files)
    assert files  # the demo has photos
    text = tab.attachments_label.text()
    assert str(store.root) in text and human_size(used) in text and f"{len(files)}" in text
    assert "不在本机" not in text
    assert tab.cap_spin.value() == 4096
    tab.cap_spin.setValue(2048)
    tab.cap_spin.editingFinished.emit()
    wait_ops(qtbot, ctx)
    assert demo_db.read(queries.attachments.cap_bytes) == 2048 * 1024 * 1024
    assert tab.cap_message.text() == "已保存"
    # a file gone from the folder is said in red
    store.path(files[0]).unlink()
    tab.reload()
    assert "不在本机" in tab.attachments_label.text()
