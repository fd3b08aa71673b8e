"""The app lock: a start-up password, an inspector's password, auto-lock
after idle minutes, and a limit on wrong passwords.

**Where it is kept.** In the database itself, in ``local_setting`` rows
(``lock.*``): the per-computer table that is never journaled, never put in
an exchange file and never merged, so the lock stays this laptop's and is
not synced to the township or other laptops. Not in the config folder (where
the signing key and the window's preferences live): deleting or editing a
preferences file there would open the data without the password, whereas
the lock in the database can only be removed by someone who can already
write the database file — and who can therefore read it without the program
anyway. The lock travels with the data: a copied data folder or a backup
asks for the password that was set when it was made.

Passwords are kept only as Argon2id hashes (argon2-cffi's
``PasswordHasher``; a hash made with weaker parameters than the library's
current ones is replaced at the next right password).

**Wrong passwords** are counted in the database too, so a restart does not
reset the count: after :data:`FREE_ATTEMPTS` wrong ones in a row each
further try waits :func:`delay_after` seconds (30 s, doubling, at most 15
minutes). A right password clears the count.

**A forgotten password** is not recoverable — only its hash is kept. The
lock can be removed with ``village-desk lock reset`` by someone logged in
to this computer's account with access to the data folder (the same access
that reads the database file directly); the reset is written to the log.
The data stay as they are.

What the lock is not: disk encryption. The database file is readable by
whoever can read the disk (unless the operating system encrypts it).
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..domain.errors import ServiceError, ValidationError
from . import roles
from .models import LocalSetting

log = logging.getLogger(__name__)

PASSWORD_KEY = "lock.password"
INSPECTOR_KEY = "lock.inspector"
IDLE_KEY = "lock.idle_minutes"
FAILURES_KEY = "lock.failures"
KEYS = (PASSWORD_KEY, INSPECTOR_KEY, IDLE_KEY, FAILURES_KEY)

MIN_LENGTH = 6
MAX_LENGTH = 128
MAX_IDLE_MINUTES = 240
FREE_ATTEMPTS = 5  # wrong passwords before the first wait
FIRST_DELAY = 30  # seconds
MAX_DELAY = 15 * 60


def delay_after(failures: int) -> int:
    """Seconds to wait before the next try after ``failures`` wrong
    passwords in a row: none for the first :data:`FREE_ATTEMPTS`, then 30 s,
    doubling with each further wrong one, at most 15 minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(FIRST_DELAY * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY)


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def check_new_password(password: str, field: str = "lock.password") -> str:
    """A password as it will be set, or ``ValidationError`` saying why not."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(field, f"密码至少 {MIN_LENGTH} 个字符", label="密码")
    if len(password) > MAX_LENGTH:
        raise ValidationError(field, f"密码最多 {MAX_LENGTH} 个字符", label="密码")
    if password.strip() != password:
        raise ValidationError(field, "密码的开头和结尾不能是空格", label="密码")
    return password


@dataclass(frozen=True)
class Attempt:
    """What a try at the lock screen gave: the role it unlocks (None: wrong
    or not tried), and the seconds to wait before the next try."""

    role: str | None
    wait: int = 0
    failures: int = 0


class AppLock:
    """The lock settings of one database (see the module doc).

    ``now`` is the clock (seconds); tests pass their own."""

    def __init__(self, db, now: Callable[[], float] = time.time):
        self.db = db
        self.now = now

    # ------------------------------------------------------------ reading

    def _get(self, key: str) -> str:
        from sqlalchemy import select

        with self.db.reading() as s:
            return s.scalar(select(LocalSetting.value).where(LocalSetting.key == key)) or ""

    @property
    def enabled(self) -> bool:
        """Is a start-up password set?"""
        return bool(self._get(PASSWORD_KEY))

    @property
    def has_inspector(self) -> bool:
        return bool(self._get(INSPECTOR_KEY))

    @property
    def idle_minutes(self) -> int:
        """Minutes without input before the window locks (0: never)."""
        try:
            minutes = int(self._get(IDLE_KEY) or 0)
        except ValueError:
            return 0
        return max(0, min(minutes, MAX_IDLE_MINUTES))

    def _failures(self) -> tuple[int, float]:
        try:
            data = json.loads(self._get(FAILURES_KEY) or "{}")
            return int(data.get("count", 0)), float(data.get("last", 0.0))
        except (ValueError, TypeError, AttributeError):
            # a damaged count is not a way around the limit
            return FREE_ATTEMPTS, 0.0

    def _set_failures(self, count: int, last: float) -> None:
        value = json.dumps({"count": count, "last": last}) if count else None
        try:
            self.db.set_local(FAILURES_KEY, value, any_role=True)
        except ServiceError:  # a database opened read-only: the lock still holds
            log.warning("app lock: cannot record wrong passwords", exc_info=True)

    def wait_seconds(self) -> int:
        """Seconds before the next password may be tried (0: now)."""
        count, last = self._failures()
        delay = delay_after(count)
        if not delay:
            return 0
        now = self.now()
        if now < last:
            # The clock was set back: wait the whole delay from now, not
            # until the old time comes round again.
            self._set_failures(count, now)
            return delay
        return max(0, min(delay, math.ceil(last + delay - now)))

    # ------------------------------------------------------------ unlocking

    def try_password(self, password: str) -> Attempt:
        """Check ``password`` against the start-up and inspector passwords.

        Refused without checking while a wait is due (``role`` None and the
        seconds left). A wrong password counts; a right one clears the count
        and returns its role (:data:`roles.FULL` or :data:`roles.INSPECTOR`)."""
        from argon2.exceptions import InvalidHashError, VerificationError

        wait = self.wait_seconds()
        if wait:
            return Attempt(None, wait, self._failures()[0])
        hasher = _hasher()
        for key, role in ((PASSWORD_KEY, roles.FULL), (INSPECTOR_KEY, roles.INSPECTOR)):
            stored = self._get(key)
            if not stored:
                continue
            try:
                hasher.verify(stored, password)
            except (VerificationError, InvalidHashError):
                continue
            if hasher.check_needs_rehash(stored):
                self.db.set_local(key, hasher.hash(password), any_role=True)
            if self._failures()[0]:
                self._set_failures(0, 0.0)
            log.info("app lock: unlocked (%s)", role)
            return Attempt(role)
        count = self._failures()[0] + 1
        self._set_failures(count, self.now())
        log.warning("app lock: wrong password (%d in a row)", count)
        return Attempt(None, delay_after(count), count)

    def verify(self, key: str, password: str) -> bool:
        """Is ``password`` the one stored under ``key``? (No counting: the
        settings ask for the current password only in an unlocked window.)"""
        from argon2.exceptions import InvalidHashError, VerificationError

        stored = self._get(key)
        if not stored:
            return False
        try:
            return _hasher().verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False

    # ------------------------------------------------------------ changing

    def _require_current(self, current: str) -> None:
        if not self.verify(PASSWORD_KEY, current):
            raise ValidationError("lock.current", "当前密码不对", label="当前密码")

    def set_password(self, new: str, current: str | None = None) -> None:
        """Set the start-up password; changing one needs the ``current``."""
        if self.enabled:
            self._require_current(current or "")
        check_new_password(new)
        if self.verify(INSPECTOR_KEY, new):
            raise ValidationError("lock.password", "不能和检查人员密码相同", label="密码")
        self.db.set_local(PASSWORD_KEY, hash_password(new))
        log.info("app lock: start-up password %s", "changed" if current else "set")

    def remove_password(self, current: str) -> None:
        """Remove the lock (and with it the inspector password): the program
        opens without a password again."""
        self._require_current(current)
        for key in (PASSWORD_KEY, INSPECTOR_KEY, FAILURES_KEY):
            self.db.set_local(key, None)
        log.info("app lock: start-up password removed")

    def set_inspector(self, new: str | None, current: str) -> None:
        """Set (or with ``new`` None remove) the inspector's password; asks
        for the start-up password, which must be set first."""
        if not self.enabled:
            raise ValidationError(
                "lock.inspector", "请先设置启动密码，再设置检查人员密码", label="检查人员密码"
            )
        self._require_current(current)
        if new is None:
            self.db.set_local(INSPECTOR_KEY, None)
            log.info("app lock: inspector password removed")
            return
        check_new_password(new, "lock.inspector")
        if self.verify(PASSWORD_KEY, new):
            raise ValidationError("lock.inspector", "不能和启动密码相同", label="检查人员密码")
        self.db.set_local(INSPECTOR_KEY, hash_password(new))
        log.info("app lock: inspector password set")

    def set_idle_minutes(self, minutes: int) -> None:
        if not 0 <= minutes <= MAX_IDLE_MINUTES:
            raise ValidationError(
                "lock.idle",
                f"请填写 0 到 {MAX_IDLE_MINUTES} 分钟（0 表示不自动锁定）",
                label="自动锁定",
            )
        self.db.set_local(IDLE_KEY, str(minutes) if minutes else None)

    def reset(self) -> bool:
        """Remove every lock setting (``village-desk lock reset``, for a
        forgotten password); True when there was a lock. Logged."""
        had = self.enabled
        for key in KEYS:
            self.db.set_local(key, None, any_role=True)
        log.warning("app lock: reset from the command line (a lock was set: %s)", had)
        return had
