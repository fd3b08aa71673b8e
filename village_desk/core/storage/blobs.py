"""The content-addressed store of attached files (photos and scans).

A file is stored under the SHA-256 of its bytes — ``attachments/ab/abcd…``
in the data folder — so the same photo attached to two records, or brought
again by an exchange package, is stored once, and a file whose bytes no
longer match its name is known to be damaged (:meth:`BlobStore.read` refuses
it, ``check`` reports it). Files are written under a temporary name, flushed
and renamed (a kill never leaves half a photo under a real name), owner-only,
and never changed afterwards: a backup copies each stored file once
(``backup.py``).

Where: next to the SQLite database; for a PostgreSQL (township server)
database, the folder named by ``VILLAGE_DESK_ATTACHMENTS_DIR`` (several
office PCs point it at one shared folder), else ``attachments`` in this
computer's data folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..domain.errors import ServiceError
from .files import explain_output, make_private_folder
from .paths import data_dir

ENV_FOLDER = "VILLAGE_DESK_ATTACHMENTS_DIR"
FOLDER = "attachments"
_HASH = re.compile(r"^[0-9a-f]{64}$")
PIECE = 1 << 20  # bytes read or written at a time (memory stays bounded)
_PART = ".part-"  # temporary names (a kill may leave one; never a real name)


def folder_for(sqlite_path: Path | None) -> Path:
    """The store of a database: ``attachments`` beside its SQLite file, else
    the folder of :data:`ENV_FOLDER`, else this computer's data folder's."""
    if sqlite_path is not None:
        return sqlite_path.parent / FOLDER
    env = os.environ.get(ENV_FOLDER)
    if env:
        return Path(env).expanduser().resolve()
    return data_dir() / FOLDER


def is_hash(text: str) -> bool:
    return bool(_HASH.match(text or ""))


class DamagedFile(ServiceError):
    """A stored file whose bytes no longer match its SHA-256."""


class BlobStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, sha: str) -> Path:
        if not is_hash(sha):
            raise ValueError(f"not a SHA-256: {sha!r}")
        return self.root / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return is_hash(sha) and self.path(sha).is_file()

    def put(self, data: bytes) -> str:
        """Store ``data``; its SHA-256. Already there: nothing is written."""
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if target.is_file() and target.stat().st_size == len(data):
            return sha
        try:
            make_private_folder(self.root)
            target.parent.mkdir(mode=0o700, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=_PART)
        except OSError as err:
            raise ServiceError(explain_output(err, target)) from None
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except OSError as err:
            raise ServiceError(explain_output(err, target)) from None
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return sha

    def read(self, sha: str) -> bytes:
        """The file's bytes, checked against its name. Missing: ``FileNotFoundError``;
        damaged: :class:`DamagedFile`."""
        data = self.path(sha).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            raise DamagedFile(f"附件文件已损坏（内容与校验值不符）：{self.path(sha)}")
        return data

    def intact(self, sha: str) -> bool:
        try:
            self.read(sha)
        except (OSError, DamagedFile):
            return False
        return True

    def hashes(self) -> Iterator[str]:
        """Every stored file's SHA-256 (by its name)."""
        try:
            subfolders = sorted(self.root.iterdir())
        except OSError:
            return
        for sub in subfolders:
            if len(sub.name) != 2 or not sub.is_dir():
                continue
            for f in sorted(sub.iterdir()):
                if is_hash(f.name) and f.name.startswith(sub.name):
                    yield f.name

    def total_size(self) -> int:
        total = 0
        for sha in self.hashes():
            try:
                total += self.path(sha).stat().st_size
            except OSError:
                continue
        return total

    def remove_leftovers(self, older_than: float = 3600.0) -> int:
        """Remove the temporary files (``.part-…``) of writes that a kill
        interrupted, once older than ``older_than`` seconds (younger ones may
        be another program's write in progress). Returns how many."""
        import time

        limit = time.time() - older_than
        removed = 0
        try:
            subfolders = [p for p in self.root.iterdir() if p.is_dir()]
        except OSError:
            return 0
        for sub in subfolders:
            for part in sub.glob(f"{_PART}*"):
                with contextlib.suppress(OSError):
                    if part.stat().st_mtime < limit:
                        part.unlink()
                        removed += 1
        return removed

    def pieces(self, sha: str, size: int = PIECE) -> Iterator[bytes]:
        """The stored file's bytes a piece at a time, unchecked (a caller
        hashing them compares with ``sha``). Missing: ``FileNotFoundError``."""
        with open(self.path(sha), "rb") as f:
            while piece := f.read(size):
                yield piece

    def hash_of(self, sha: str) -> str | None:
        """The SHA-256 of the file stored as ``sha``, read a piece at a time
        (equal to ``sha`` when it is whole); None when it cannot be read."""
        h = hashlib.sha256()
        try:
            for piece in self.pieces(sha):
                h.update(piece)
        except (OSError, ValueError):
            return None
        return h.hexdigest()

    def receive(self, sha: str) -> Incoming:
        """A file arriving in pieces (an exchange package, a backup): see
        :class:`Incoming`."""
        return Incoming(self, sha)

    def put_pieces(self, sha: str, pieces: Iterable[bytes]) -> bool:
        """Store the file made of ``pieces`` under ``sha`` if its bytes hash to
        it; False (nothing stored) when they do not."""
        incoming = self.receive(sha)
        try:
            for piece in pieces:
                incoming.write(piece)
        except BaseException:
            incoming.abort()
            raise
        return incoming.finish()

    def copy_from(self, other: BlobStore, sha: str, *, link: bool = True) -> bool:
        """Bring ``other``'s whole file ``sha`` here: a hard link when both
        stores are on one disk and ``link`` (stored files are never changed,
        so sharing one is safe), else a copy checked as it is written. False
        when ``other``'s file is damaged (nothing is stored); ``OSError`` /
        ``ServiceError`` when this store cannot be written."""
        if link:
            if other.hash_of(sha) != sha:
                return False
            target = self.path(sha)
            try:
                make_private_folder(self.root)
                target.parent.mkdir(mode=0o700, exist_ok=True)
                tmp = target.parent / f"{_PART}{os.getpid()}-{sha[:16]}"
                tmp.unlink(missing_ok=True)
                os.link(other.path(sha), tmp)
            except OSError:
                pass  # another disk, or links not allowed: copy instead
            else:
                try:
                    os.replace(tmp, target)
                finally:
                    tmp.unlink(missing_ok=True)
                return True
        return self.put_pieces(sha, other.pieces(sha))


class Incoming:
    """A file written a piece at a time under a temporary name, hashed as it
    comes, and stored under its name by :meth:`finish` only if its bytes hash
    to that name (else removed): a kill, a damaged piece or a failure never
    leaves a wrong file under a real name. Already stored: the pieces are
    only hashed."""

    def __init__(self, store: BlobStore, sha: str):
        self.store, self.sha = store, sha
        self.target = store.path(sha)
        self._hash = hashlib.sha256()
        self._file = None
        self._tmp: str | None = None
        self.size = 0
        self.stored = False  # finish() wrote it (it was not here before)
        if not self.target.is_file():
            try:
                make_private_folder(store.root)
                self.target.parent.mkdir(mode=0o700, exist_ok=True)
                fd, self._tmp = tempfile.mkstemp(dir=self.target.parent, prefix=_PART)
            except OSError as err:
                raise ServiceError(explain_output(err, self.target)) from None
            self._file = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self._hash.update(data)
        self.size += len(data)
        if self._file is not None:
            try:
                self._file.write(data)
            except OSError as err:
                self.abort()
                raise ServiceError(explain_output(err, self.target)) from None

    def finish(self) -> bool:
        """True when the bytes hashed to the name (then stored, or already
        there); False when they did not (nothing stored)."""
        whole = self._hash.hexdigest() == self.sha
        if self._file is None:
            return whole
        try:
            if whole:
                self._file.flush()
                os.fsync(self._file.fileno())
            self._file.close()
            self._file = None
            if whole:
                os.replace(self._tmp, self.target)
                self.stored = True
        except OSError as err:
            raise ServiceError(explain_output(err, self.target)) from None
        finally:
            self.abort()
        return whole

    def abort(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                if os.path.exists(self._tmp):
                    os.unlink(self._tmp)
            self._tmp = None
