"""Running slow core operations off the GUI thread.

A :class:`Task` wraps a plain function (a core service call) and runs it on
``QThreadPool.globalInstance()``. The function receives a ``progress(stage,
fraction)`` callable; progress, the result and any error come back to the GUI
thread as queued signals, so widgets are only ever touched on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskCancelled(Exception):
    """Raise from inside a task's work to stop it (reported via ``failed``)."""


class TaskSignals(QObject):
    progress = Signal(str, float)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception


class Task(QRunnable):
    """``fn(progress)`` on a pool thread; results via :attr:`signals`."""

    def __init__(self, fn: Callable[[Callable[[str, float], None]], Any]):
        super().__init__()
        self.fn = fn
        # Owned by the GUI thread (created there), so connected slots run there.
        self.signals = TaskSignals()
        self.setAutoDelete(False)

    def _progress(self, stage: str, fraction: float) -> None:
        self.signals.progress.emit(stage, float(fraction))

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except TaskCancelled as err:
            self.signals.failed.emit(err)
        except Exception as err:  # reported to the user by the GUI
            log.exception("background task failed")
            self.signals.failed.emit(err)
        else:
            self.signals.succeeded.emit(result)

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self)
