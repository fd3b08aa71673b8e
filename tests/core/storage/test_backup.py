"""Backups as a cadre relies on them: made whole, listed, rotated, and a
damaged database put back from one — which then continues as a new device so
that its matter numbers never repeat ones already given out."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest

from tests.helpers import make_id
from village_desk import cli
from village_desk.core import services
from village_desk.core.domain.errors import ServiceError
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage import backup, merge
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database


@pytest.fixture
def village(tmp_path):
    path = tmp_path / "data" / "village-desk.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    services.setup.initialize(db, village="桃花村", township="青山镇")
    services.households.create_household(
        db,
        None,
        HouseholdInput(number="01-001"),
        PersonInput(name="张三丰", id_number=make_id("19580312", "131")),
    )
    return db, path


def test_a_backup_is_a_whole_owner_only_copy(village):
    db, path = village
    folder = backup.default_folder(path)
    made = backup.create(path, folder, "manual")
    assert made.parent == folder and made.name.endswith("-manual.sqlite3")
    assert backup.verify(made) == []
    assert (made.stat().st_mode & 0o077) == 0
    copy = Database.open(f"sqlite:///{made}")
    assert merge.digest(copy) == merge.digest(db)
    copy.close()
    assert [b.path for b in backup.backups(folder)] == [made]
    assert not list(folder.glob(".backup-*"))  # no temporary file left


def test_rotation_keeps_the_newest_per_day_and_per_week(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = dt.datetime(2026, 9, 1, 8, 0, 0)
    made = []
    for day in range(90):  # three a day for 90 days
        for hour in (8, 12, 18):
            when = start + dt.timedelta(days=day, hours=hour - 8)
            p = folder / f"village-desk-{when:%Y%m%d-%H%M%S}-daily.sqlite3"
            p.write_bytes(b"x")
            made.append(when)
    backup.rotate(folder, keep_daily=14, keep_weekly=8)
    kept = sorted(b.created for b in backup.backups(folder))
    last_day = (start + dt.timedelta(days=89)).date()
    daily = {last_day - dt.timedelta(days=n) for n in range(14)}
    # each of the last 14 days: its 18:00 backup, and only that one
    assert {k.date() for k in kept if k.date() in daily} == daily
    assert all(k.hour == 18 for k in kept)
    weeks = {k.isocalendar()[:2] for k in kept}
    assert len(weeks) == 8  # older weeks are gone
    assert len(kept) <= 14 + 8


def test_of_two_backups_made_in_one_second_rotation_keeps_the_later(village):
    db, path = village
    folder = backup.default_folder(path)
    now = dt.datetime(2026, 12, 1, 9, 30, 0)
    backup.create(path, folder, "manual", now=now)
    services.households.create_household(
        db, None, HouseholdInput(number="01-002"), PersonInput(name="李四")
    )
    later = backup.create(path, folder, "manual", now=now)
    assert later.name.endswith("-manual-2.sqlite3")
    backup.rotate(folder)
    assert [b.path for b in backup.backups(folder)] == [later]


def test_a_damaged_database_is_put_back_from_a_backup(village, tmp_path):
    db, path = village
    good = merge.digest(db)
    folder = backup.default_folder(path)
    made = backup.create(path, folder, "manual")
    # Work goes on after the backup (and may have reached other copies).
    services.households.create_household(
        db, None, HouseholdInput(number="01-002"), PersonInput(name="李四")
    )
    code = db.device.id
    db.close()
    # The disk scrambles a page in the middle of the file.
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(size // 2)
        f.write(os.urandom(4096))
    assert not healthy(path)

    safety = backup.restore(path, made, folder)
    assert safety is not None and safety.exists()  # the damaged state kept too
    restored = Database.open(f"sqlite:///{path}")
    assert run_check(restored).ok
    assert merge.digest(restored) == good
    # What was written after the backup is lost here but may be elsewhere:
    # this copy goes on as a new device, so its new numbers cannot repeat.
    assert restored.device.id != code
    restored.close()


def healthy(path) -> bool:
    try:
        con = sqlite3.connect(path)
        try:
            return [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"]
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False


def test_a_bad_backup_is_not_restored(village, tmp_path):
    db, path = village
    before = merge.digest(db)
    bad = tmp_path / "village-desk-20261130-120000-manual.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ServiceError, match="不能用来恢复"):
        backup.restore(path, bad, tmp_path / "b")
    assert merge.digest(db) == before


def test_backup_commands(village, tmp_path, capsys, monkeypatch):
    db, path = village
    db.close()
    data = str(path.parent)
    assert cli.main(["--data-dir", data, "backup", "create"]) == 0
    assert "已备份" in capsys.readouterr().out
    assert cli.main(["--data-dir", data, "backup", "list"]) == 0
    listed = capsys.readouterr().out
    assert "manual" in listed
    assert cli.main(["--data-dir", data, "backup", "verify"]) == 0
    assert "完好" in capsys.readouterr().out
    [made] = backup.backups(backup.default_folder(path))
    assert cli.main(["--data-dir", data, "backup", "restore", made.path.name]) == 2
    assert "--yes" in capsys.readouterr().err
    assert cli.main(["--data-dir", data, "backup", "restore", "--yes", made.path.name]) == 0
    assert "已从" in capsys.readouterr().out
    usb = tmp_path / "usb"
    assert cli.main(["--data-dir", data, "backup", "create", "--folder", str(usb)]) == 0
    assert len(backup.backups(usb)) == 1


def test_an_empty_database_file_is_refused_and_the_latest_backup_named(village):
    db, path = village
    made = backup.create(path, backup.default_folder(path), "daily")
    db.close()
    path.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    with pytest.raises(ServiceError, match=f"空的.*{made.name}"):
        Database.open(f"sqlite:///{path}")
    assert path.stat().st_size == 0  # nothing written over it
