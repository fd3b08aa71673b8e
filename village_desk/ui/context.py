"""The application object the pages share (Vorta's App, Anki's ``mw``).

One :class:`AppContext` per open database: the database, this computer's
preferences, who is entering data, the executor that runs every write on one
thread, and typed signals. Pages receive it instead of reaching for globals,
and talk to each other only through its signals:

* :attr:`AppContext.data_changed` (:class:`~village_desk.core.storage.changes.Changes`)
  after every committed transaction — whichever page, dialog or job caused it;
  each page decides from the changed tables whether to redraw.
* :attr:`AppContext.operator_changed` when another cadre takes the keyboard.
* :attr:`AppContext.lock_changed` when 设置 → 安全 changed the lock (the
  window's lock controller re-reads its minutes).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from village_desk.core.jobs import Job
from village_desk.core.storage.changes import Changes
from village_desk.core.storage.db import Database
from village_desk.ui.ops import Executor, Op, Task

log = logging.getLogger(__name__)
T = TypeVar("T")


class AppContext(QObject):
    data_changed = Signal(object)  # Changes
    operator_changed = Signal(object)  # cadre id or None
    lock_changed = Signal()  # 设置 → 安全 saved
    _committed = Signal(object)  # from whichever thread committed

    def __init__(
        self,
        db: Database,
        prefs: QSettings | None = None,
        operator_id: uuid.UUID | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.prefs = prefs if prefs is not None else QSettings()
        self._operator_id = operator_id
        self.executor = Executor(self)
        # Commits may happen on the writer thread: hop to the GUI thread first.
        self._committed.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._unlisten = db.listen(self._committed.emit)

    # ------------------------------------------------------------ who

    @property
    def operator_id(self) -> uuid.UUID | None:
        return self._operator_id

    def set_operator(self, operator_id: uuid.UUID | None) -> None:
        self._operator_id = operator_id
        self.operator_changed.emit(operator_id)

    # ------------------------------------------------------------ data

    def read(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """A read-only query (``queries.*``) in a session of its own."""
        return self.db.read(query, *args, **kwargs)

    def op(self, parent: QWidget | None, fn: Callable[[Database], T]) -> Op:
        """A write: ``fn(db)`` calls services on the writer thread (see :class:`Op`)."""
        return Op(self.executor, self.db, parent, fn)

    def task(self, parent: QWidget | None, fn: Callable[[Job], T]) -> Task:
        """Work that only reads or writes files: ``fn(job)`` on a reader thread."""
        return Task(self.executor, parent, fn)

    @Slot(object)
    def _deliver(self, changes: Changes) -> None:
        log.debug("data changed: %r", changes)
        self.data_changed.emit(changes)

    def close(self) -> None:
        """Finish queued writes and stop listening (before the database closes)."""
        self.executor.wait_idle()
        self._unlisten()
