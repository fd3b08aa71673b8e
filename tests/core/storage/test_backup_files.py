"""Backups keep the attached photos and scans too (issue 16 item 4): one
shared folder of files in the backup folder, each file copied once; a
restore brings back the files the restored records name; rotation never
removes a file a kept backup still names, nor anything in the data folder.
Expected bytes are the ones attached, read back by their hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os

import pytest
from PIL import Image

from village_desk.core import queries, services
from village_desk.core.services import attachments as att
from village_desk.core.services.diary import DiaryInput
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage import backup
from village_desk.core.storage.blobs import BlobStore
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database

TODAY = dt.datetime.now().replace(microsecond=0)


def photo(color: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), color).save(out, "JPEG", quality=90)
    return out.getvalue()


class Village:
    def __init__(self, tmp_path):
        self.path = tmp_path / "data" / "village-desk.sqlite3"
        self.db = Database.open(f"sqlite:///{self.path}")
        services.setup.initialize(self.db, village="桃花村", township="青山镇")
        self.cadre = services.setup.add_cadre(self.db, None, "王建国", "secretary", "")
        hid = services.households.create_household(
            self.db, None, HouseholdInput(number="01-001"), PersonInput(name="张三丰")
        )
        self.entry, _ = services.diary.write_entry(
            self.db,
            self.cadre,
            DiaryInput(
                date=TODAY.date(),
                mode="home_visit",
                author_id=self.cadre,
                household_ids=[hid],
                narrative="入户走访",
            ),
        )

    def attach(self, color: str) -> tuple[str, bytes]:
        prepared = att.prepare_bytes(photo(color), f"{color}.jpg")
        att.add_prepared(self.db, self.cadre, "diary_entry", self.entry, prepared)
        return hashlib.sha256(prepared.data).hexdigest(), prepared.data

    @property
    def live(self) -> BlobStore:
        return queries.attachments.store(self.db)

    def reopen(self) -> None:
        self.db = Database.open(f"sqlite:///{self.path}")


@pytest.fixture
def village(tmp_path):
    v = Village(tmp_path)
    yield v
    v.db.close()


def shared(folder) -> dict[str, bytes]:
    files = BlobStore(folder / backup.FILES)
    return {sha: files.path(sha).read_bytes() for sha in files.hashes()}


def test_a_backup_keeps_the_photos_and_a_restore_brings_back_a_lost_one(village):
    sha, data = village.attach("red")
    folder = backup.default_folder(village.path)
    made = backup.backup_now(village.path, "manual")
    assert shared(folder) == {sha: data}
    village.attach("red")  # the same photo again, and another
    other, other_data = village.attach("blue")
    backup.create(village.path, folder, "manual", now=TODAY + dt.timedelta(seconds=5))
    assert shared(folder) == {sha: data, other: other_data}  # each stored once
    # The data folder's photos are lost (deleted by hand, a bad disk sector).
    village.live.path(sha).unlink()
    village.live.path(other).unlink()
    village.db.close()
    backup.restore(village.path, made, folder)
    village.reopen()
    # The restored records name the first photo: it is back, byte for byte.
    assert village.live.path(sha).read_bytes() == data
    assert not village.live.has(other)  # (only what the restored state names)
    assert run_check(village.db).problems == []


def test_a_backup_on_another_disk_holds_copies_not_links(village, tmp_path, monkeypatch):
    sha, data = village.attach("red")

    def no_links(*_args):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    usb = tmp_path / "usb"
    backup.backup_now(village.path, "manual", usb)
    assert shared(usb) == {sha: data}
    copy = BlobStore(usb / backup.FILES).path(sha)
    assert not os.path.samefile(copy, village.live.path(sha))
    village.live.path(sha).write_bytes(b"damaged")  # the original goes bad later
    assert copy.read_bytes() == data


def test_rotation_keeps_every_file_a_kept_backup_names(village):
    folder = backup.default_folder(village.path)
    first = backup.create(village.path, folder, "daily", now=TODAY - dt.timedelta(days=10))
    sha, data = village.attach("red")
    backup.create(village.path, folder, "daily", now=TODAY - dt.timedelta(days=9))
    # The state of day 1 (before the photo) is restored; work goes on.
    village.db.close()
    backup.restore(village.path, first, folder)  # ("before-restore" backup: now)
    village.reopen()
    for days in (1, 2):
        backup.create(village.path, folder, "daily", now=TODAY + dt.timedelta(days=days))
    # Kept: the two newest and the "before-restore" backup, which names the photo.
    backup.rotate(folder, keep_daily=3, keep_weekly=0)
    assert len(backup.backups(folder)) == 3
    assert shared(folder) == {sha: data}
    # Once no kept backup names it, the backup folder lets it go — the data
    # folder keeps it (a restore never deletes files there).
    backup.rotate(folder, keep_daily=2, keep_weekly=0)
    assert shared(folder) == {}
    assert village.live.path(sha).read_bytes() == data


def test_rotation_never_removes_a_photo_from_the_data_folder(village):
    data_folder = village.path.parent  # the data folder chosen as backup folder
    backup.create(village.path, data_folder, "daily", now=TODAY - dt.timedelta(days=3))
    backup.create(village.path, data_folder, "daily", now=TODAY - dt.timedelta(days=2))
    sha, data = village.attach("red")  # after every backup
    assert backup.rotate(data_folder, keep_daily=1, keep_weekly=0)
    assert village.live.path(sha).read_bytes() == data
    assert run_check(village.db).problems == []


def test_files_that_cannot_be_copied_are_reported_and_the_database_is_still_backed_up(
    village, tmp_path
):
    village.attach("red")
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / backup.FILES).write_bytes(b"")  # a file where the folder should be
    with pytest.raises(backup.FilesNotSaved, match="1 个附件文件没能复制") as failed:
        backup.backup_now(village.path, "manual", usb)
    assert [b.path for b in backup.backups(usb)] == [failed.value.path]
    assert backup.verify(failed.value.path) == []
