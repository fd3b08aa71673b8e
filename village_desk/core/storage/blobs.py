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

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..domain.errors import ServiceError
from .failures import explain_output
from .files import make_private_folder
from .paths import data_dir

ENV_FOLDER = "VILLAGE_DESK_ATTACHMENTS_DIR"
FOLDER = "attachments"
_HASH = re.compile(r"^[0-9a-f]{64}$")


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
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
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
