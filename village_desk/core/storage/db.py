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
import datetime as dt
import logging
import secrets
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from . import derived, journal
from .changes import Changes
from .clock import HybridClock
from .journal import JournalContext
from .models import Change, LocalDevice

log = logging.getLogger(__name__)
T = TypeVar("T")


class JournaledSession(Session):
    pass


journal.install(JournaledSession)
derived.install(JournaledSession)

DEVICE_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I/O/0/1: read aloud safely


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # A save the user saw succeed survives a power cut.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(
            engine, class_=JournaledSession, expire_on_commit=False, future=True
        )
        self.device: LocalDevice | None = None
        self.clock: HybridClock | None = None
        self._listeners: list[Callable[[Changes], None]] = []
        self._local = threading.local()  # per thread: open collect_changes() blocks

    @classmethod
    def open(cls, url: str, *, device_name: str | None = None, migrate: bool = True) -> Database:
        from .migrate import upgrade_if_needed

        engine = make_engine(url)
        if migrate:
            upgrade_if_needed(engine)
        db = cls(engine)
        db._load_device(device_name)
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

    def _load_device(self, device_name: str | None) -> None:
        with self._sessions() as s, s.begin():
            device = s.scalars(select(LocalDevice)).first()
            if device is None:
                device = LocalDevice(
                    id=uuid.uuid4(),
                    name=device_name or socket.gethostname() or "本机",
                    code="".join(secrets.choice(DEVICE_CODE_ALPHABET) for _ in range(3)),
                    created=dt.datetime.now().isoformat(timespec="seconds"),
                )
                s.add(device)
            last = s.scalar(select(func.max(Change.hlc)).where(Change.device_id == device.id))
        self.device = device
        self.clock = HybridClock(device.id.hex[:8], last)

    def rename_device(self, name: str, code: str | None = None) -> None:
        with self._sessions() as s, s.begin():
            device = s.get(LocalDevice, self.device.id)
            device.name = name
            if code:
                device.code = code
        self.device.name, self.device.code = name, code or self.device.code

    @contextlib.contextmanager
    def transaction(self, actor_id: uuid.UUID | None = None) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back everything on error."""
        session = self._sessions()
        ctx = JournalContext(self.device.id, actor_id, self.clock)
        session.info["journal"] = ctx
        try:
            with session.begin():
                yield session
        finally:
            session.close()
        if ctx.rows:
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
