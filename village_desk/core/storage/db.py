"""The database facade: one object serves GUI, command line and sync alike.

``Database.open(url)`` connects, runs migrations (backing the file up first),
makes sure this installation has a device identity, and hands out
transactions. ``with db.transaction(actor) as s:`` is one all-or-nothing unit
of work whose writes are journaled under this device and the acting cadre;
after it commits, its :class:`~.changes.Changes` go to the listeners
(:meth:`Database.listen`) and to any :meth:`Database.collect_changes` block
around it. ``db.read(query, ...)`` runs a read-only query in its own session.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import ServiceError
from . import derived, journal, roles
from .changes import Changes
from .clock import HybridClock
from .files import make_private_folder
from .journal import JournalContext
from .models import Change, LocalClock, LocalDevice, LocalSetting
from .replica import DEVICE_CODE_ALPHABET, Identity, IdentityStore, resolve

__all__ = ["DEVICE_CODE_ALPHABET", "Database", "make_engine"]

log = logging.getLogger(__name__)
T = TypeVar("T")
WRITE = "village_write"  # execution option: this transaction writes


class JournaledSession(Session):
    pass


journal.install(JournaledSession)
derived.install(JournaledSession)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # We issue BEGIN ourselves (see _sqlite_begin): the driver must not.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # A save the user saw succeed survives a power cut.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _sqlite_begin(conn) -> None:
    """Writers take the write lock when they begin (BEGIN IMMEDIATE), so what
    they read before writing cannot change under them, and stamps and sequence
    numbers issued inside follow commit order. Readers begin a snapshot."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            make_private_folder(Path(path).parent)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        if path and path != ":memory:":
            event.listen(engine, "connect", lambda *_: _owner_only_files(Path(path)))
        return engine
    return create_engine(url, pool_pre_ping=True)


def _owner_only(path: Path, mode: int) -> None:
    # (a file system without POSIX modes, a FAT stick: nothing to do)
    with contextlib.suppress(OSError):
        os.chmod(path, mode)


def _owner_only_files(database: Path) -> None:
    """The database and its write-ahead log readable by their owner only
    (SQLite creates them with the process's default mode)."""
    for suffix in ("", "-wal", "-shm"):
        target = Path(f"{database}{suffix}")
        try:
            if target.exists() and target.stat().st_mode & 0o077:
                os.chmod(target, 0o600)
        except OSError:
            pass


def sqlite_file(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL (None for another database or memory)."""
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(path) if path and path != ":memory:" else None


def writable(path: Path) -> bool:
    """Can this process write the database file, its folder (the journal and
    write-ahead log are created beside it) and a write-ahead log left there?"""
    wal = Path(f"{path}-wal")
    return (
        os.access(path, os.W_OK)
        and os.access(path.parent, os.W_OK | os.X_OK)
        and (not wal.exists() or os.access(wal, os.W_OK))
    )


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change a byte of ``path``.

    ``mode=ro`` still needs the write-ahead log's index (``-shm``) beside
    the file; when that cannot be made (a read-only folder) and no log is
    pending, the file is opened as immutable."""
    con = sqlite3.connect(f"{_uri(path)}?mode=ro", uri=True, check_same_thread=False)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        con.close()
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise  # its latest saves are in the log: immutable would hide them
        con = sqlite3.connect(
            f"{_uri(path)}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
    con.isolation_level = None  # BEGIN is ours (see _sqlite_begin)
    con.execute("PRAGMA query_only=1")
    return con


def _uri(path: Path) -> str:
    return Path(os.path.abspath(path)).as_uri()  # special characters percent-encoded


def peek_revision(path: Path) -> str | None:
    """The schema version stored in ``path``, read without writing to it
    (None: no version table, e.g. a new or foreign file). A file SQLite
    cannot read raises ``sqlite3.DatabaseError``."""
    con = connect_read_only(path)
    try:
        if not con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone():
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def _read_only_engine(path: Path) -> Engine:
    # (a file URL, for a pool of connections as on any file database)
    engine = create_engine(f"sqlite:///{path}", creator=lambda: connect_read_only(path))
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _refuse_empty_file(url: str) -> None:
    """A database file of 0 bytes is not a new database: it was cut off
    (a full disk, a copy interrupted). Refuse it and name the latest backup
    instead of starting an empty village over it."""
    path = sqlite_file(url)
    if path is None:
        return
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return
    if not empty:
        return
    from .backup import restore_advice

    raise ServiceError(
        f"数据库文件“{path}”是空的（0 字节），可能在写入时被中断，没有打开。" + restore_advice(path)
    )


class Database:
    def __init__(self, engine: Engine, identities: IdentityStore | None = None):
        self.engine = engine
        self._sessions = sessionmaker(
            engine, class_=JournaledSession, expire_on_commit=False, future=True
        )
        self.identities = identities or IdentityStore()
        self.identity: Identity | None = None
        self.device: LocalDevice | None = None
        self.clock: HybridClock | None = None
        self._listeners: list[Callable[[Changes], None]] = []
        self._local = threading.local()  # per thread: open collect_changes() blocks
        self.read_only = False  # opened with read_only: no device, no transactions
        # Who is at the keyboard (roles.py): an inspector's writes are refused
        # below every service. Set by the GUI after its lock screen.
        self.role = roles.FULL

    @classmethod
    def open(
        cls,
        url: str,
        *,
        device_name: str | None = None,
        migrate: bool = True,
        identities: IdentityStore | None = None,
        read_only: bool | None = False,
    ) -> Database:
        """Open ``url``: migrate it (backing the file up first) and load this
        installation's device, ready to write.

        A SQLite file is first looked at without writing a byte: a database
        written by a newer program is refused before anything (not even the
        journal mode) is changed in it. ``read_only=True`` opens it for
        reading only (no migration, no device, no transactions);
        ``read_only=None`` does so only when the file cannot be written (a
        read-only folder or a write-protected stick)."""
        from .migrate import HEAD, REVISIONS, NewerSchemaError, current_revision, upgrade_if_needed

        _refuse_empty_file(url)
        path = sqlite_file(url)
        if path is not None and path.exists():
            revision = peek_revision(path)
            if revision is not None and revision not in REVISIONS:
                raise NewerSchemaError(revision)
            if read_only is None:
                read_only = not writable(path)
            if read_only:
                if revision != HEAD:
                    raise ServiceError(
                        f"数据库“{path}”需要升级到本程序的结构版本 {HEAD}（现在是 {revision}），"
                        "但它只能读取、不能写入（文件夹只读？）；请在可以写入的位置打开一次。"
                    )
                db = cls(_read_only_engine(path), identities)
                db.read_only = True
                return db
        elif read_only:
            raise ServiceError(f"没有数据库：{path or url}")
        engine = make_engine(url)
        if migrate:
            upgrade_if_needed(engine)
        db = cls(engine, identities)
        if migrate or current_revision(engine) == HEAD:
            db._load_device(device_name)
        # else: an older schema opened to look at, not to write
        return db

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def sqlite_path(self) -> Path | None:
        if self.engine.dialect.name != "sqlite":
            return None
        db = self.engine.url.database
        return Path(db) if db and db != ":memory:" else None

    @property
    def _replica_key(self) -> str:
        if self.sqlite_path is not None:
            return str(self.identity.replica_id)
        return f"server:{self.url}"

    def _load_device(self, device_name: str | None) -> None:
        """Which device this process writes as (``storage/replica.py``): a
        copied folder or a restored backup becomes a new device first."""
        with self._write_session() as s:
            path = self.sqlite_path
            identity = resolve(
                s,
                str(path) if path is not None else self.url,
                self.identities,
                sqlite_file=path is not None,
                device_name=device_name,
            )
            device = s.get(LocalDevice, identity.device_id)
            if device_name and device.name != device_name and not identity.rekeyed:
                device.name = device_name
            clock = s.get(LocalClock, 1)
            if clock is None:
                clock = LocalClock(id=1, max_stamp="", next_seq=1)
                s.add(clock)
            last = clock.max_stamp
        self.identity, self.device = identity, device
        self.clock = HybridClock(device.id.hex, last)

    def set_local(self, key: str, value: str | None, *, any_role: bool = False) -> None:
        """A setting of this computer (``local_setting``: not journaled,
        never exchanged); None removes it. The inspector's role may not
        change one, unless ``any_role`` (the lock's count of wrong passwords,
        kept whoever typed them)."""
        if not any_role:
            self._refuse_for_role("local_setting")
        with self._write_session() as s:
            row = s.get(LocalSetting, key)
            if value is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(LocalSetting(key=key, value=value))
            else:
                row.value = value

    def rename_device(self, name: str, code: str | None = None) -> None:
        self._refuse_for_role("local_device")
        with self._write_session() as s:
            device = s.get(LocalDevice, self.device.id)
            device.name = name
            if code:
                device.code = code
        self.device.name, self.device.code = name, code or self.device.code

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise ServiceError(
                f"数据库“{self.sqlite_path}”是以只读方式打开的（文件夹或文件不能写入），"
                "只能查看、检查和导出，不能修改。"
            )

    def _refuse_for_role(self, table: str) -> None:
        roles.check_tables(self.role, [table])

    @contextlib.contextmanager
    def _write_session(self) -> Iterator[Session]:
        """A session holding the write lock, for local (unjournaled) state."""
        self._refuse_if_read_only()
        session = self._sessions()
        try:
            with session.begin():
                session.connection(execution_options={WRITE: True})
                yield session
        finally:
            session.close()

    @contextlib.contextmanager
    def transaction(self, actor_id: uuid.UUID | None = None) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back everything on error.

        It holds the write lock from its start (SQLite ``BEGIN IMMEDIATE``,
        PostgreSQL a row lock on ``local_clock``), so stamps and the change
        sequence follow commit order even with several processes writing."""
        self._refuse_if_read_only()
        session = self._sessions()
        ctx = JournalContext(self.device.id, actor_id, self.clock)
        session.info["journal"] = ctx
        role = session.info["role"] = self.role
        try:
            with session.begin():
                session.connection(execution_options={WRITE: True})
                state = session.execute(
                    select(LocalClock).where(LocalClock.id == 1).with_for_update()
                ).scalar_one()
                self.clock.advance_to(state.max_stamp)
                ctx.next_seq = first_seq = state.next_seq
                yield session
                session.flush()
                if role == roles.INSPECTOR and ctx.next_seq != first_seq:
                    # (journal rows written with Core statements, a merge's)
                    roles.check_tables(
                        role,
                        session.scalars(
                            select(Change.entity).where(Change.seq >= first_seq).distinct()
                        ),
                    )
                if ctx.next_seq != first_seq:
                    state.max_stamp = max(state.max_stamp, self.clock.current())
                    state.next_seq = ctx.next_seq
                    session.flush()
        finally:
            session.close()
        if ctx.rows:
            self.identities.note_stamp(self._replica_key, self.clock.current())
            self._announce(Changes.from_rows(ctx.rows))

    # ------------------------------------------------------------ change reports

    def listen(self, callback: Callable[[Changes], None]) -> Callable[[], None]:
        """Call ``callback(changes)`` after every committed transaction (in the
        committing thread). Returns a function that stops listening."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    @contextlib.contextmanager
    def collect_changes(self) -> Iterator[list[Changes]]:
        """Gather the changes committed by this thread inside the block:
        ``with db.collect_changes() as got: ...``, then ``got[0]``."""
        stack = self._local.__dict__.setdefault("stack", [])
        got: list[Changes] = [Changes()]
        stack.append(got)
        try:
            yield got
        finally:
            stack.remove(got)

    def announce(self, changes: Changes) -> None:
        """Report changes made outside :meth:`transaction` (a restored backup,
        records written by another program)."""
        self._announce(changes)

    def _announce(self, changes: Changes) -> None:
        for got in self._local.__dict__.get("stack", ()):
            got[0] = got[0] | changes
        for callback in list(self._listeners):
            try:
                callback(changes)
            except Exception:  # a listener's bug must not undo a saved change
                log.exception("change listener failed")

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; it cannot write records (no journal context).

        Objects loaded here stay readable after the block (closing detaches them
        without expiring their loaded attributes).
        """
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()

    def read(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``query(session, *args, **kwargs)`` in a read-only session of its own."""
        with self.reading() as s:
            return query(s, *args, **kwargs)

    def close(self) -> None:
        self.engine.dispose()
