"""The first start of a day backs the database up, once, without getting in
the way (a reader thread; the status bar says where it went)."""

from __future__ import annotations

from tests.ui.helpers import wait_ops
from village_desk.core.storage import backup
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
