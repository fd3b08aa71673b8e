"""The first start of a day backs the database up, once, without getting in
the way (a reader thread; the status bar says where it went); a window left
open looks again, so a new day or a failed try gets its backup."""

from __future__ import annotations

import datetime as dt
import time

from tests.ui.helpers import wait_ops
from village_desk.core.domain.errors import ServiceError
from village_desk.core.storage import backup
from village_desk.ui import app
from village_desk.ui.app import daily_backup


def test_the_first_start_of_a_day_backs_up_once(window, ctx, qtbot):
    folder = backup.folder_for(ctx.db.sqlite_path)
    assert backup.backups(folder) == []
    task = daily_backup(ctx, window)
    assert task is not None
    wait_ops(qtbot, ctx, 30000)
    [made] = backup.backups(folder)
    assert made.reason == "daily" and backup.verify(made.path) == []
    qtbot.waitUntil(lambda: made.path.name in window.statusBar().currentMessage(), timeout=5000)
    assert daily_backup(ctx, window) is None  # not twice a day
    assert len(backup.backups(folder)) == 1


def test_a_failed_backup_is_tried_again_at_the_next_look(window, ctx, qtbot, monkeypatch):
    folder = backup.folder_for(ctx.db.sqlite_path)
    real = backup.backup_now

    def full_disk(*_a, **_k):
        raise ServiceError("磁盘已满，无法备份")

    monkeypatch.setattr(backup, "backup_now", full_disk)
    daily_backup(ctx, window)
    wait_ops(qtbot, ctx, 30000)
    qtbot.waitUntil(lambda: "磁盘已满" in window.statusBar().currentMessage(), timeout=5000)
    assert backup.backups(folder) == []
    monkeypatch.setattr(backup, "backup_now", real)  # space was freed
    assert daily_backup(ctx, window) is not None
    wait_ops(qtbot, ctx, 30000)
    assert [b.reason for b in backup.backups(folder)] == ["daily"]


def test_a_window_left_open_overnight_backs_up_the_new_day(window, ctx, qtbot):
    folder = backup.folder_for(ctx.db.sqlite_path)
    yesterday = dt.datetime.now() - dt.timedelta(days=1)
    backup.create(ctx.db.sqlite_path, folder, "daily", now=yesterday)
    assert daily_backup(ctx, window) is not None
    wait_ops(qtbot, ctx, 30000)
    days = sorted(b.created.date() for b in backup.backups(folder))
    assert days == [yesterday.date(), dt.date.today()]


def test_the_quick_copy_before_an_exchange_import_is_not_the_day_s_backup(window, ctx, qtbot):
    # (it leaves the attached files out; the day's backup copies them)
    folder = backup.folder_for(ctx.db.sqlite_path)
    backup.start(ctx.db.sqlite_path, folder, "before-exchange-import", check_now=True).finish()
    assert daily_backup(ctx, window) is not None
    wait_ops(qtbot, ctx, 30000)
    # (rotation keeps the newest of a day: the whole one)
    assert [b.reason for b in backup.backups(folder)] == ["daily"]


def test_the_open_window_looks_again_and_never_makes_two_at_once(window, ctx, qtbot, monkeypatch):
    folder = backup.folder_for(ctx.db.sqlite_path)
    real, active, most = backup.backup_now, [0], [0]

    def slow(*args, **kwargs):  # a backup outlasting several looks
        active[0] += 1
        most[0] = max(most[0], active[0])
        try:
            time.sleep(0.5)
            return real(*args, **kwargs)
        finally:
            active[0] -= 1

    monkeypatch.setattr(backup, "backup_now", slow)
    monkeypatch.setattr(app, "DAILY_BACKUP_DELAY_MS", 10)
    monkeypatch.setattr(app, "DAILY_BACKUP_CHECK_MS", 100)
    timer = app.schedule_daily_backups(ctx, window)
    qtbot.waitUntil(lambda: len(backup.backups(folder)) == 1, timeout=30000)
    wait_ops(qtbot, ctx, 30000)
    qtbot.wait(400)  # several looks: the day has its backup
    [made] = backup.backups(folder)
    made.path.unlink()  # (as if the day had turned)
    qtbot.waitUntil(lambda: len(backup.backups(folder)) == 1, timeout=30000)
    timer.stop()
    wait_ops(qtbot, ctx, 30000)
    assert [b.reason for b in backup.backups(folder)] == ["daily"]
    assert most[0] == 1  # one at a time
    assert daily_backup(ctx, window) is None
