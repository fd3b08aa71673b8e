"""One protocol for long work: progress reports and cancellation.

Every long core function (demo data, roster import, ledger export, printing)
takes a ``job: Job | None`` and calls ``job.report(stage, fraction)`` as it
goes. Reporting is also where cancellation happens: once someone called
:meth:`Job.cancel` (the GUI's Cancel button, Ctrl+C), the next report or
:meth:`Job.check` raises :class:`Cancelled`, and the function's transaction
rolls back — nothing it would have written is kept.

The command line prints reports; the GUI's job runner turns them into a
progress dialog. Nothing here knows about either.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Progress = Callable[[str, float], None]


class Cancelled(Exception):
    """The user cancelled long work; nothing it would have written was kept."""

    def __init__(self, message: str = "已取消，没有保存任何改动"):
        super().__init__(message)


class Job:
    """Progress and cancellation for one piece of long work.

    ``progress(stage, fraction)`` receives every report (fraction 0…1);
    ``part(start, end)`` gives a view whose fractions land in that range of
    the whole, sharing the cancellation.
    """

    def __init__(
        self,
        progress: Progress | None = None,
        cancel_event: threading.Event | None = None,
        _range: tuple[float, float] = (0.0, 1.0),
    ):
        self._progress = progress
        self._cancel = cancel_event or threading.Event()
        self._range = _range

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the work should stop."""
        if self._cancel.is_set():
            raise Cancelled

    def report(self, stage: str, fraction: float) -> None:
        """How far the work got; raises :class:`Cancelled` once cancelled."""
        self.check()
        if self._progress is not None:
            start, end = self._range
            fraction = min(max(float(fraction), 0.0), 1.0)
            self._progress(stage, start + (end - start) * fraction)

    def part(self, start: float, end: float) -> Job:
        """A sub-job reporting into ``[start, end]`` of this job's range."""
        lo, hi = self._range
        return Job(self._progress, self._cancel, (lo + (hi - lo) * start, lo + (hi - lo) * end))


def ensure(job: Job | None) -> Job:
    """``job``, or a silent job that is never cancelled."""
    return job if job is not None else Job()
