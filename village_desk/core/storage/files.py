"""Files the program writes: whole or not at all, readable by their owner only.

* :func:`atomic_output` — an export, PDF or rejects file is written under a
  temporary name in its own folder, flushed to the disk, then renamed: the
  real name never holds half a file (a full disk, a power cut, a kill), and
  the file is created owner-only (0600).
* :func:`private_temp` — temporary files (openpyxl's sheets, which hold
  whole ID numbers while an export runs; print previews) go to a private
  folder inside the data folder instead of the shared system one; what a
  killed run left there is removed at the next start, and so are the
  half-written outputs it noted there (:func:`note_output`).
* :class:`FileLock` — an advisory lock the operating system drops when its
  holder dies (one GUI per data folder; the private temp folders in use).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..domain.errors import ServiceError

__all__ = [
    "TEMP_FOLDER",
    "explain_output",
    "FileLock",
    "atomic_output",
    "forget_output",
    "make_private_folder",
    "note_output",
    "private_temp",
]

_QUOTA_FULL = getattr(errno, "EDQUOT", errno.ENOSPC)  # (no EDQUOT on Windows)


def explain_output(err: OSError, path: Path) -> str:
    """A file the user asked for (an export, a PDF) could not be written."""
    code = err.errno
    if code in (errno.ENOSPC, errno.EFBIG, _QUOTA_FULL):
        what = "磁盘空间不足，文件没有写完（未完成的文件已删除）；请腾出空间或换一个位置再试"
    elif code == errno.ENAMETOOLONG:
        what = "文件名或路径太长；请换一个短一些的名字"
    elif code == errno.EISDIR or os.path.isdir(path):
        what = "这个名字是一个文件夹；请换一个文件名"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = "没有权限写入（只读的文件夹或写保护的 U 盘？）；请换一个位置"
    elif code in (errno.ENOENT, errno.ENOTDIR):
        what = "文件夹不存在"
    else:
        what = f"无法写入（{err.strerror or err}）"
    return f"无法保存“{path}”：{what}。"


OUTPUT_PREFIX = ".写入中-"
TEMP_FOLDER = "tmp"  # inside the data folder
_LOCK_OFFSET = 1 << 20  # Windows locks bytes: lock one far from the text


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """``with atomic_output("台账.pdf") as f: f.write(...)`` — the file
    appears whole under its name when the block ends, or not at all (an
    earlier file of that name is then left as it was). Write failures
    (full disk, a folder of that name, a name too long, no permission)
    become a :class:`ServiceError` saying which and what to do."""
    target = Path(path)
    if os.path.isdir(target):
        raise ServiceError(explain_output(IsADirectoryError(errno.EISDIR, "dir"), target))
    try:
        fd, tmp_name = tempfile.mkstemp(
            dir=target.parent or ".", prefix=OUTPUT_PREFIX, suffix=target.suffix[:16]
        )
    except OSError as err:
        raise ServiceError(explain_output(err, target)) from None
    tmp = Path(tmp_name)
    note_output(tmp)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except OSError as err:
        if err.filename not in (None, tmp_name, str(target), os.fspath(path)):
            raise  # not the output: a font or input file, say
        raise ServiceError(explain_output(err, target)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        forget_output(tmp)


# Half-written outputs sit next to their target (a USB stick, the desktop),
# not in the private temp folder: a run that is killed leaves one there
# (holding full ID numbers when the export was unmasked). Each is noted in
# the run's private folder while it is written; the next start removes the
# ones a dead run noted (:func:`clean_temp`).
OUTPUTS_NOTE = ".outputs"
LEFTOVER_PREFIXES = (OUTPUT_PREFIX, ".导出中-")


def _note_file() -> Path | None:
    folder = tempfile.tempdir
    if folder is None or not (Path(folder) / ".in-use").exists():
        return None  # not inside private_temp: nothing cleans up after us anyway
    return Path(folder) / OUTPUTS_NOTE


def note_output(tmp: Path) -> None:
    """Remember ``tmp`` (a half-written output) until :func:`forget_output`."""
    note = _note_file()
    if note is not None:
        line = (os.fspath(Path(tmp).absolute()) + "\n").encode("utf-8")
        with contextlib.suppress(OSError):
            fd = os.open(note, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)


def forget_output(tmp: Path) -> None:
    note = _note_file()
    if note is None:
        return
    with contextlib.suppress(OSError):
        kept = [
            line
            for line in note.read_text(encoding="utf-8").splitlines()
            if line and line != os.fspath(Path(tmp).absolute())
        ]
        note.write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")


def _remove_noted_outputs(folder: Path) -> None:
    """Remove the half-written outputs a dead run noted in ``folder`` (only
    files named like one: the note is not trusted to name anything else)."""
    with contextlib.suppress(OSError):
        for line in (folder / OUTPUTS_NOTE).read_text(encoding="utf-8").splitlines():
            path = Path(line)
            if path.name.startswith(LEFTOVER_PREFIXES):
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open folders)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class FileLock:
    """An exclusive advisory lock on ``path`` holding this process's id.

    ``lock()`` returns False when another process holds it (:meth:`holder`
    reads its id). The operating system releases the lock when the holder
    exits or dies, so a lock file left behind by a crash is never in the way.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._file = None

    def lock(self) -> bool:
        f = open(self.path, "a+b")  # noqa: SIM115 (kept open while held)
        try:
            _lock(f)
        except OSError:
            f.close()
            return False
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)
        f.seek(0)
        f.truncate()
        f.write(f"{os.getpid()}\n".encode())
        f.flush()
        self._file = f
        return True

    def holder(self) -> int | None:
        """The process id written by the holder (None if unreadable)."""
        try:
            text = self.path.read_text(encoding="ascii", errors="replace")
            return int(text.split()[0])
        except (OSError, ValueError, IndexError):
            return None

    @property
    def held(self) -> bool:
        return self._file is not None

    def release(self) -> None:
        if self._file is None:
            return
        with contextlib.suppress(OSError):
            self._file.seek(0)
            self._file.truncate()
            _unlock(self._file)
        self._file.close()
        self._file = None


if os.name == "nt":  # pragma: no cover (Windows)
    import msvcrt

    def _lock(f) -> None:
        f.seek(_LOCK_OFFSET)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(f) -> None:
        f.seek(_LOCK_OFFSET)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(f) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(f) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def make_private_folder(folder: Path) -> None:
    """``folder`` (a data folder) created owner-only if it does not exist; a
    file in its place or a folder that cannot be made is refused."""
    folder = Path(folder)
    if folder.is_dir():
        return
    if folder.exists():
        raise ServiceError(f"数据目录“{folder}”是一个文件，不是文件夹；请换一个数据目录。")
    try:
        folder.mkdir(parents=True)
    except OSError as err:
        raise ServiceError(
            f"无法创建数据目录“{folder}”（{err.strerror or err}）；请换一个可以写入的位置。"
        ) from None
    with contextlib.suppress(OSError):  # (no POSIX modes on a FAT stick)
        os.chmod(folder, 0o700)


@contextlib.contextmanager
def private_temp(data_dir: Path) -> Iterator[Path]:
    """``with private_temp(data_dir):`` — this process's temporary files go
    to a folder of its own inside ``data_dir/tmp`` (owner-only) while the
    block runs, after the folders of runs that have ended (killed, crashed)
    are removed. When the data folder does not exist yet or cannot be
    written, a private folder (0700) in the system temp folder is used
    instead. Sets :data:`tempfile.tempdir` for the block; the folder is
    removed when it ends."""
    root = Path(data_dir) / TEMP_FOLDER
    try:
        if not Path(data_dir).is_dir():
            raise FileNotFoundError(data_dir)
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(root, 0o700)
        clean_temp(root)
        folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=root))
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix="village-desk-"))
    lock = FileLock(folder / ".in-use")
    lock.lock()
    previous, tempfile.tempdir = tempfile.tempdir, str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = previous
        lock.release()
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: str) -> bool:
    if not pid.isdigit():
        return False
    if os.name != "posix":  # pragma: no cover
        return True  # (no cheap check: leave young folders be)
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_temp(root: Path) -> list[Path]:
    """Remove what ended runs left in ``root`` (a folder whose lock nobody
    holds, stray files); folders of running processes stay. Returns what
    was removed."""
    removed = []
    now = time.time()
    for entry in list(root.iterdir()):
        with contextlib.suppress(OSError):
            if now - entry.stat().st_mtime < 60 and _alive(entry.name.split("-")[0]):
                continue  # just made: its process may not have locked it yet
        if entry.is_dir():
            lock = FileLock(entry / ".in-use")
            try:
                free = lock.lock()
            except OSError:
                continue
            if not free:
                continue  # a running process's folder
            lock.release()
            _remove_noted_outputs(entry)
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()
        removed.append(entry)
    return removed
