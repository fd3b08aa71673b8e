"""The app lock (core/storage/lock.py) and the inspector's read-only role
(core/storage/roles.py), without Qt, on a fresh database."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from village_desk.core import queries, services
from village_desk.core.domain.errors import ValidationError
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage import merge, roles
from village_desk.core.storage.db import Database
from village_desk.core.storage.lock import AppLock
from village_desk.core.storage.models import Change, LocalSetting


class Clock:
    def __init__(self, t: float = 1_800_000_000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def lock(db, clock):
    return AppLock(db, now=clock)


def stored(db, key):
    with db.reading() as s:
        return s.scalar(select(LocalSetting.value).where(LocalSetting.key == key))


# ------------------------------------------------------------------ passwords


def test_a_new_database_has_no_lock(lock):
    assert not lock.enabled
    assert lock.idle_minutes == 0
    # nothing unlocks a lock that is not there
    assert lock.try_password("").role is None


def test_the_password_is_kept_only_as_an_argon2_hash(db, lock):
    lock.set_password("桃花村2026")
    value = stored(db, "lock.password")
    assert value.startswith("$argon2id$")
    assert "桃花村2026" not in value
    assert lock.try_password("桃花村2026").role == roles.FULL
    assert lock.try_password("桃花村2025").role is None


def test_a_short_password_is_refused_with_the_minimum(lock):
    with pytest.raises(ValidationError, match="至少 6 个字符"):
        lock.set_password("12345")
    assert not lock.enabled


def test_changing_or_removing_needs_the_current_password(lock):
    lock.set_password("first-pass")
    with pytest.raises(ValidationError, match="当前密码不对"):
        lock.set_password("second-pass", current="wrong-pass")
    with pytest.raises(ValidationError, match="当前密码不对"):
        lock.remove_password("wrong-pass")
    assert lock.try_password("first-pass").role == roles.FULL
    lock.set_password("second-pass", current="first-pass")
    assert lock.try_password("first-pass").role is None
    assert lock.try_password("second-pass").role == roles.FULL
    lock.remove_password("second-pass")
    assert not lock.enabled


def test_the_inspector_password_opens_the_inspector_role(lock):
    with pytest.raises(ValidationError, match="请先设置启动密码"):
        lock.set_inspector("inspect-1", current="")
    lock.set_password("cadre-pass")
    with pytest.raises(ValidationError, match="不能和启动密码相同"):
        lock.set_inspector("cadre-pass", current="cadre-pass")
    lock.set_inspector("inspect-1", current="cadre-pass")
    assert lock.try_password("inspect-1").role == roles.INSPECTOR
    assert lock.try_password("cadre-pass").role == roles.FULL
    # removing the lock removes the inspector's way in too
    lock.remove_password("cadre-pass")
    assert lock.try_password("inspect-1").role is None


def test_a_hash_made_with_weaker_parameters_is_replaced_at_the_next_unlock(db, lock):
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("old-hash-pw")
    db.set_local("lock.password", weak)
    assert lock.try_password("old-hash-pw").role == roles.FULL
    renewed = stored(db, "lock.password")
    assert renewed != weak and not PasswordHasher().check_needs_rehash(renewed)
    assert lock.try_password("old-hash-pw").role == roles.FULL


def test_idle_minutes_are_kept_and_checked(lock):
    lock.set_idle_minutes(10)
    assert lock.idle_minutes == 10
    with pytest.raises(ValidationError, match="0 到 240"):
        lock.set_idle_minutes(-1)
    lock.set_idle_minutes(0)
    assert lock.idle_minutes == 0


# ------------------------------------------------------------------ wrong tries


def test_five_wrong_passwords_then_a_30_second_wait_that_doubles(lock, clock):
    lock.set_password("right-pass")
    for _ in range(4):
        assert lock.try_password("wrong").wait == 0
    fifth = lock.try_password("wrong")
    assert (fifth.role, fifth.wait, fifth.failures) == (None, 30, 5)
    # during the wait even the right password is not checked
    clock.t += 10
    early = lock.try_password("right-pass")
    assert early.role is None and early.wait == 20
    clock.t += 20
    sixth = lock.try_password("wrong")
    assert sixth.wait == 60
    clock.t += 60
    assert lock.try_password("right-pass").role == roles.FULL
    # a right password clears the count
    assert lock.try_password("wrong").wait == 0


def test_the_count_of_wrong_passwords_survives_a_restart(tmp_path, clock):
    url = f"sqlite:///{tmp_path / 'v.sqlite3'}"
    db = Database.open(url)
    services.setup.initialize(db, village="桃花村")
    AppLock(db, now=clock).set_password("right-pass")
    for _ in range(5):
        AppLock(db, now=clock).try_password("wrong")
    db.close()
    again = Database.open(url)
    try:
        clock.t += 5
        lock = AppLock(again, now=clock)
        assert lock.wait_seconds() == 25
        assert lock.try_password("right-pass").role is None
    finally:
        again.close()


def test_a_clock_set_back_does_not_make_the_wait_endless(lock, clock):
    lock.set_password("right-pass")
    for _ in range(5):
        lock.try_password("wrong")
    clock.t -= 86400  # the laptop's clock went back a day
    assert lock.wait_seconds() == 30
    clock.t += 30
    assert lock.try_password("right-pass").role == roles.FULL


def test_reset_removes_the_lock_and_keeps_the_data(db, lock, village):
    lock.set_password("right-pass")
    lock.set_inspector("inspect-1", current="right-pass")
    for _ in range(6):
        lock.try_password("wrong")
    assert lock.reset() is True
    assert not lock.enabled and not lock.has_inspector and lock.wait_seconds() == 0
    assert db.read(queries.households.household, village["hh"]) is not None


# ------------------------------------------------------------------ the inspector's role


def journal_size(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(Change))


def test_the_inspector_cannot_write_a_record_through_any_service(db, village):
    before = journal_size(db)
    db.role = roles.INSPECTOR
    with pytest.raises(roles.ReadOnlyRole, match="只读（检查人员）"):
        services.households.update_household(
            db, village["secretary"], village["hh"], HouseholdInput(number="01-009")
        )
    with pytest.raises(roles.ReadOnlyRole):
        services.setup.add_group(db, None, "三组")
    with pytest.raises(roles.ReadOnlyRole):
        services.households.create_household(
            db, None, HouseholdInput(number="01-002"), PersonInput(name="李四")
        )
    assert journal_size(db) == before
    assert db.read(queries.households.household, village["hh"]).number == "01-001"


def test_the_inspector_cannot_change_this_computers_settings(db):
    db.role = roles.INSPECTOR
    with pytest.raises(roles.ReadOnlyRole):
        db.set_local("backup_folder", "/tmp/elsewhere")
    with pytest.raises(roles.ReadOnlyRole):
        AppLock(db).set_idle_minutes(1)
    with pytest.raises(roles.ReadOnlyRole):
        db.rename_device("检查机")


def test_the_inspector_writes_what_inspector_writable_allows(db, village, monkeypatch):
    """The spot-check tables come from another branch: the mechanism is
    checked with a table that exists here, let through by the constant."""
    db.role = roles.INSPECTOR
    monkeypatch.setattr(roles, "INSPECTOR_WRITABLE", frozenset({"villager_group"}))
    group = services.setup.add_group(db, None, "三组")
    assert group in {g.id for g in db.read(queries.reference.groups)}
    with pytest.raises(roles.ReadOnlyRole):
        services.households.update_household(
            db, village["secretary"], village["hh"], HouseholdInput(number="01-009")
        )


def test_the_inspector_cannot_merge_an_exchange_file(db, tmp_path, village):
    """A merge writes journal rows with Core statements, past the ORM hook."""
    path = db.sqlite_path
    other_path = tmp_path / "other.sqlite3"
    db.close()
    shutil.copy(path, other_path)
    other = Database.open(f"sqlite:///{other_path}")
    services.setup.add_group(other, None, "四组")
    rows = merge.export_changes(other)
    other.close()
    mine = Database.open(f"sqlite:///{path}")
    try:
        before = journal_size(mine)
        mine.role = roles.INSPECTOR
        with pytest.raises(roles.ReadOnlyRole):
            merge.merge(mine, rows)
        assert journal_size(mine) == before
        assert "四组" not in {g.name for g in mine.read(queries.reference.groups)}
        mine.role = roles.FULL
        merge.merge(mine, rows)
        assert "四组" in {g.name for g in mine.read(queries.reference.groups)}
    finally:
        mine.close()


def test_the_inspector_still_counts_wrong_passwords(db, clock):
    lock = AppLock(db, now=clock)
    lock.set_password("right-pass")
    db.role = roles.INSPECTOR  # an inspector's window locked itself
    for _ in range(5):
        lock.try_password("wrong")
    assert lock.wait_seconds() == 30
