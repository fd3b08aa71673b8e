"""Backups of the SQLite database: made, listed, checked, rotated, restored.

A backup is a consistent copy taken with SQLite's online backup API (the
program may keep working meanwhile), written under a temporary name, checked
(``PRAGMA integrity_check``) and renamed: a backup that exists is whole. Files
are owner-only. Names say when and why::

    backups/village-desk-20261130-081502-daily.sqlite3
    backups/village-desk-20261130-093011-before-exchange-import.sqlite3

They live in ``backups/`` next to the database unless another folder (a USB
stick) is set (:data:`FOLDER_SETTING`, a per-computer setting). Rotation keeps
the newest backup of each of the last :data:`KEEP_DAILY` days that have one and
of each of the last :data:`KEEP_WEEKLY` weeks; older ones are deleted.

**Attached files** (photos and scans, ``blobs.py``) are backed up beside the
databases in one shared content-addressed folder, ``attachments/ab/abcd…``
inside the backup folder: a file is stored under the SHA-256 of its bytes and
never changes, so each backup copies only the files its database names
(attachments deleted or not: a deletion can be undone) that the folder does
not hold yet — a hard link when the folder is on the same disk as the data,
a copy checked against its hash otherwise (a USB stick). The backup made
before an exchange import does not copy files: an import only adds files,
never removes one, and it must stay quick (the next daily or manual backup
copies what it brought). Rotation removes from the shared folder only files
that no kept backup names any more (which happens only after an older state
was restored); when a kept backup cannot be read, or another backup is being
made, it removes nothing.

**Restoring** first backs up the current database (``before-restore``), then
copies the backup over it with the same API, and brings back from the backup
folder every file the restored database names that the data folder lacks
(it never deletes or replaces a file there). The restored database is an
older state of this copy: the next time it is opened, the installation's
identity record (``storage/replica.py``) sees stamps it issued that the
database does not hold and re-keys it as a new device, so nothing it writes
from then on — matter numbers included — can clash with what the lost state
already sent to other copies.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import ServiceError

log = logging.getLogger(__name__)

FOLDER_SETTING = "backup_folder"  # local_setting key
KEEP_DAILY = 14
KEEP_WEEKLY = 8
PREFIX = "village-desk-"
SUFFIX = ".sqlite3"
FILES = "attachments"  # the shared folder of attached files in a backup folder
# Written in that folder when backups start using it: rotation removes files
# only from a folder that has it (never from the data folder's own store,
# should someone choose the data folder itself as the backup folder).
MARKER = ".village-desk-backup-files"
_NAME = re.compile(r"^village-desk-(\d{8}-\d{6})-([a-z0-9-]+)\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    created: dt.datetime
    reason: str
    size: int


def default_folder(database: Path) -> Path:
    return database.parent / "backups"


def backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first (other files are ignored)."""
    out = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        m = _NAME.match(path.name)
        if not m:
            continue
        try:
            created = dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
            st = path.stat()
        except (ValueError, OSError):
            continue
        out.append((Backup(path, created, m.group(2), st.st_size), st.st_mtime_ns))
    # Two backups made in one second (…-manual and …-manual-2): the one
    # written last is the newer.
    out.sort(key=lambda bm: (bm[0].created, bm[1], bm[0].path.name), reverse=True)
    return [b for b, _mtime in out]


def copy_database(source: Path, target: Path) -> None:
    """``source`` → ``target`` with the online backup API (consistent even
    while others write to ``source``); the copy is one owner-only file."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # A single file (no -wal beside it): safe to copy to a stick.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    with contextlib.suppress(OSError):  # (no POSIX modes on a FAT stick)
        os.chmod(target, 0o600)


def verify(path: Path) -> list[str]:
    """Problems found in a backup file (empty: it is whole and readable)."""
    if not path.is_file() or path.stat().st_size == 0:
        return [f"{path.name}：文件不存在或是空的"]
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            results = [r[0] for r in con.execute("PRAGMA integrity_check")]
            version = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as err:
        return [f"{path.name}：无法作为数据库读取（{err}）"]
    problems = [f"{path.name}：{r}" for r in results if r != "ok"][:20]
    if version is None:
        problems.append(f"{path.name}：没有结构版本")
    return problems


class FilesNotSaved(ServiceError):
    """The database was backed up (``path``) but not every attached file it
    names could be copied into the backup folder."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def create(database: Path, folder: Path, reason: str, *, now: dt.datetime | None = None) -> Path:
    """A checked backup of ``database`` in ``folder`` and the attached files
    it names (:func:`save_files`); returns its path. ``FilesNotSaved`` when
    the database was backed up but files could not be copied."""
    pending = start(database, folder, reason, now=now, check_now=True)
    made = pending.finish()
    save_files(database, made, folder)
    return made


def named_files(database: Path) -> set[str] | None:
    """The SHA-256 of every file the attachments of a SQLite database
    (deleted ones too) point to; None when the file cannot be read."""
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            rows = con.execute("SELECT DISTINCT sha256 FROM attachment").fetchall()
        except sqlite3.OperationalError as err:
            if "no such table" in str(err):  # (a database from before attachments)
                return set()
            raise
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return {r[0] for r in rows if isinstance(r[0], str)}


def save_files(database: Path, made: Path, folder: Path) -> int:
    """Copy into ``folder``'s shared :data:`FILES` folder the attached files
    that the backup ``made`` names and that are not there yet; returns how
    many were copied. A file missing (or damaged) in the data folder is
    skipped (``check`` reports it there); a full disk or a folder that
    cannot be written raises :class:`FilesNotSaved` naming the backup."""
    from .blobs import BlobStore
    from .blobs import folder_for as files_folder

    names = named_files(made) or set()
    if not names:
        return 0
    live = BlobStore(files_folder(database))
    kept = BlobStore(folder / FILES)
    if _same_folder(kept.root, live.root):
        return 0  # (the backup folder is the data folder: the files are there)
    copied = skipped = 0
    try:
        kept.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        (kept.root / MARKER).touch()
    except OSError:
        pass  # (reported below, when a file cannot be copied)
    for sha in sorted(names):
        if kept.has(sha):
            continue
        if not live.has(sha):
            skipped += 1
            continue
        try:
            if kept.copy_from(live, sha):
                copied += 1
            else:
                skipped += 1
        except (OSError, ServiceError) as err:
            why = getattr(err, "strerror", None) or err
            left = len([x for x in names if not kept.has(x)])
            raise FilesNotSaved(
                f"数据库已备份为“{made.name}”，但有 {left} 个附件文件没能复制到"
                f"“{kept.root}”（{why}）；请腾出空间或换一个备份文件夹后再备份一次",
                made,
            ) from None
    if skipped:
        log.warning("backup %s: %d attached files missing or damaged here", made.name, skipped)
    return copied


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def restore_files(database: Path, backup: Path) -> tuple[int, int]:
    """Bring back from ``backup``'s folder the attached files the database
    names that its data folder lacks (nothing there is deleted or replaced).
    Returns (files brought back, files found in neither place)."""
    from .blobs import BlobStore
    from .blobs import folder_for as files_folder

    names = named_files(database) or set()
    live = BlobStore(files_folder(database))
    kept = BlobStore(backup.parent / FILES)
    back = lacking = 0
    for sha in sorted(names):
        if live.has(sha):
            continue
        try:
            ok = kept.has(sha) and live.copy_from(kept, sha)
        except (OSError, ServiceError):
            log.exception("could not bring back attached file %s", sha)
            ok = False
        if ok:
            back += 1
        else:
            lacking += 1
    if back or lacking:
        log.info("restore: %d attached files brought back, %d missing", back, lacking)
    return back, lacking


class Pending:
    """A backup copied and being checked (:func:`start`): :meth:`finish`
    waits for the check and gives the backup's path, or raises
    ``ServiceError`` when the copy is not whole (the file is then removed)."""

    def __init__(self, tmp: Path, target: Path, folder: Path):
        self.tmp, self.target, self.folder = tmp, target, folder
        self._problems: list[str] | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._done: Path | None = None

    def _check(self) -> None:
        try:
            self._problems = verify(self.tmp)
        except BaseException as err:  # handed to the waiting thread  # noqa: BLE001
            self._error = err

    def finish(self) -> Path:
        if self._done is not None:
            return self._done
        try:
            if self._thread is not None:
                self._thread.join()
            if self._error is not None:
                raise self._error
            if self._problems:
                raise ServiceError("备份检查没有通过：" + "；".join(self._problems[:3]))
            with open(self.tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(self.tmp, self.target)
        except (OSError, sqlite3.Error) as err:
            raise _failed(err, self.folder) from None
        finally:
            self.tmp.unlink(missing_ok=True)
        self._done = self.target
        return self.target

    def discard(self) -> None:
        """Wait for the check and remove the unfinished copy (nothing was
        done that needed it)."""
        if self._thread is not None:
            self._thread.join()
        if self._done is None:
            self.tmp.unlink(missing_ok=True)


def start(
    database: Path,
    folder: Path,
    reason: str,
    *,
    now: dt.datetime | None = None,
    check_now: bool = False,
) -> Pending:
    """Copy ``database`` now (a consistent snapshot, under a temporary name)
    and check the copy in a background thread — the check of a large
    database takes longer than the copy, and the work the backup protects
    can start meanwhile; :meth:`Pending.finish` waits for it. ``check_now``:
    check before returning."""
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    now = now or dt.datetime.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
    except OSError as err:
        raise ServiceError(f"无法使用备份文件夹“{folder}”：{err.strerror or err}") from None
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{PREFIX}{stamp}-{reason}{SUFFIX}"
    n = 1
    while target.exists():  # two backups in one second
        n += 1
        target = folder / f"{PREFIX}{stamp}-{reason}-{n}{SUFFIX}"
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".backup-", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    pending = Pending(tmp, target, folder)
    try:
        copy_database(database, tmp)
    except (OSError, sqlite3.Error) as err:
        tmp.unlink(missing_ok=True)
        raise _failed(err, folder) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if check_now:
        pending._check()
    else:
        pending._thread = threading.Thread(target=pending._check, name="backup-check", daemon=True)
        pending._thread.start()
    return pending


def _failed(err: BaseException, folder: Path) -> ServiceError:
    why = getattr(err, "strerror", None) or err
    if _disk_full(err):
        return ServiceError(f"磁盘已满，无法备份到“{folder}”（{why}）；请腾出空间后再试")
    return ServiceError(f"无法备份到“{folder}”（{why}），请检查磁盘或 U 盘")


def _disk_full(err: BaseException) -> bool:
    if isinstance(err, OSError):
        return err.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC))
    return getattr(err, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(err)


def rotate(
    folder: Path, *, keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY
) -> list[Path]:
    """Delete backups beyond the newest per day (last ``keep_daily`` days that
    have one) and per ISO week (last ``keep_weekly`` weeks). Returns the
    deleted paths."""
    found = backups(folder)
    keep: set[Path] = set()
    days: dict[dt.date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    for b in found:  # newest first: the first seen of a day or week is its newest
        days.setdefault(b.created.date(), b.path)
        weeks.setdefault(b.created.isocalendar()[:2], b.path)
    keep.update(days[d] for d in sorted(days, reverse=True)[:keep_daily])
    keep.update(weeks[w] for w in sorted(weeks, reverse=True)[:keep_weekly])
    deleted = []
    for b in found:
        if b.path not in keep:
            try:
                b.path.unlink()
                deleted.append(b.path)
            except OSError:
                pass
    if deleted:
        prune_files(folder)
    return deleted


def prune_files(folder: Path) -> int:
    """Remove from ``folder``'s shared :data:`FILES` folder the files no
    backup in ``folder`` names; nothing when a backup cannot be read (what it
    needs is unknown) or another backup is being made. Returns how many."""
    from .blobs import BlobStore

    kept = BlobStore(folder / FILES)
    if not (kept.root / MARKER).is_file() or any(folder.glob(".backup-*.tmp")):
        return 0
    needed: set[str] = set()
    for b in backups(folder):
        names = named_files(b.path)
        if names is None:
            return 0
        needed |= names
    removed = 0
    for sha in list(kept.hashes()):
        if sha not in needed:
            with contextlib.suppress(OSError):
                kept.path(sha).unlink()
                removed += 1
    return removed


def folder_for(database: Path) -> Path:
    """The backup folder set for this database (a per-computer setting, read
    without opening the database through the program), else the default."""
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            row = con.execute(
                "SELECT value FROM local_setting WHERE key = ?", (FOLDER_SETTING,)
            ).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        row = None
    value = row[0] if row else ""
    if value.startswith('"'):  # (a value written JSON-encoded, as other settings are)
        value = json.loads(value)
    return Path(value) if value else default_folder(database)


def set_folder(db, folder: Path | None) -> Path:
    """Make ``folder`` (a USB stick, say) this computer's backup folder for
    ``db``; None goes back to ``backups/`` beside the database. The folder
    must be one this program can write to. Returns the folder now in use."""
    database = db.sqlite_path
    if database is None:
        raise ServiceError("服务器数据库（PostgreSQL）请用数据库自己的备份工具（如 pg_dump）")
    if folder is not None:
        folder = Path(folder).expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".backup-probe-"):
                pass  # (a folder that lets us list it may still refuse files)
        except OSError as err:
            raise ServiceError(
                f"无法把备份放在“{folder}”（{err.strerror or err}）；请选择一个可以写入的文件夹"
            ) from None
    db.set_local(FOLDER_SETTING, str(folder) if folder is not None else None)
    return folder_for(database)


def backup_now(database: Path, reason: str, folder: Path | None = None) -> Path:
    """A checked backup in ``folder`` (else this database's backup folder),
    then the rotation: what every automatic backup does."""
    folder = folder or folder_for(database)
    try:
        made = create(database, folder, reason)
    except FilesNotSaved:
        rotate(folder)  # (the database is backed up; rotation may free space)
        raise
    rotate(folder)
    return made


def latest_good(folder: Path) -> Backup | None:
    """The newest backup in ``folder`` that passes :func:`verify`."""
    return next((b for b in backups(folder) if not verify(b.path)), None)


def restore_advice(database: Path) -> str:
    """What to tell someone whose database is damaged or empty: the newest
    whole backup and the command that puts it back, or that there is none."""
    folders = dict.fromkeys([folder_for(database), default_folder(database)])
    found = [b for b in (latest_good(f) for f in folders) if b is not None]
    if not found:
        return "没有找到完好的备份；如有别的电脑或乡镇的交换文件，可以在新的数据目录里重新导入。"
    best = max(found, key=lambda b: b.created)
    return (
        f"最新的完好备份是 {best.path.name}（{best.created:%Y-%m-%d %H:%M}，在 {best.path.parent}），"
        f'可以运行 village-desk backup restore "{best.path}" 恢复'
        "（恢复前会自动保留当前文件）；备份之后录入的内容需要重新录入或从交换文件导入。"
    )


# Made without the attached files (an exchange import's, kept quick): not the
# day's backup — the daily one still copies what the import brought.
WITHOUT_FILES = frozenset({"before-exchange-import"})


def made_today(folder: Path, today: dt.date | None = None) -> bool:
    """Whether ``folder`` holds a whole backup (database and files) of today."""
    today = today or dt.date.today()
    return any(
        b.created.date() == today and re.sub(r"-\d+$", "", b.reason) not in WITHOUT_FILES
        for b in backups(folder)
    )


def restore(database: Path, backup: Path, folder: Path) -> Path | None:
    """Put ``backup`` in place of ``database`` (nothing may have it open);
    the current state is backed up first (copied as it is if it is too
    damaged to back up). Returns that safety copy."""
    problems = verify(backup)
    if problems:
        raise ServiceError("这个备份不能用来恢复：" + "；".join(problems[:3]))
    safety = None
    if database.exists():
        try:
            safety = create(database, folder, "before-restore")
        except FilesNotSaved as err:
            safety = err.path  # (its files stay in the data folder: nothing removes them)
        except ServiceError:
            safety = _raw_copy(database, folder)
    fd, tmp_name = tempfile.mkstemp(dir=database.parent, prefix=".restore-", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        copy_database(backup, tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        # The old write-ahead log belongs to the old file: it must not be
        # applied to the restored one.
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, database)
    except (OSError, sqlite3.Error) as err:
        reason = getattr(err, "strerror", None) or err
        where = f"。恢复前的数据在“{safety}”" if safety else ""
        raise ServiceError(f"恢复失败（{reason}）{where}") from None
    finally:
        tmp.unlink(missing_ok=True)
    restore_files(database, backup)
    return safety


def _raw_copy(database: Path, folder: Path) -> Path:
    """The damaged database as it is (with its write-ahead log), for experts."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{PREFIX}{stamp}-before-restore-damaged{SUFFIX}"
    try:
        shutil.copyfile(database, target)
        os.chmod(target, 0o600)
        wal = Path(f"{database}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(f"{target}-wal"))
    except OSError as err:
        raise ServiceError(
            f"无法保存恢复前的数据（{err.strerror or err}），为安全起见没有恢复"
        ) from None
    return target
