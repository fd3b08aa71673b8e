"""User actions that change data, and long work, off the GUI thread.

Anki's operations, for Village Desk: a user action is a few lines ::

    ctx.op(self, lambda db: services.ledger.add_note(db, actor, mid, text)) \\
        .errors(self.errors).success(lambda _: self.note_edit.clear()).run()

* Every write runs on **one writer thread** (:class:`Executor`), so two
  writes never race, and the GUI never waits on the database.
* A refusal (``ServiceError``) is the user's to fix: it goes to the form's
  fields (:meth:`Op.errors`), a callback, or a message box. Anything else is
  a bug: it is logged with its traceback and the error dialog opens.
* What the write changed reaches every page through
  ``AppContext.data_changed`` (the database reports each commit), so the
  caller never has to tell other pages to refresh.
* Long work (:meth:`Op.progress`) gets a :class:`~village_desk.core.jobs.Job`
  and a progress dialog after half a second, with Cancel.

:class:`Task` is the same for work that only reads or writes files
(printing, a dry-run import, an export); it runs on a reader thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from village_desk.core.jobs import Cancelled, Job

log = logging.getLogger(__name__)
T = TypeVar("T")
PROGRESS_INTERVAL = 0.05  # seconds between progress signals reaching the GUI


class _Signals(QObject):
    progress = Signal(str, float)
    done = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals):
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as err:  # noqa: BLE001 (judged on the GUI thread, see Op)
            self.signals.failed.emit(err)
        else:
            self.signals.done.emit(result)


class Executor(QObject):
    """One writer thread for every change; a small pool for reads and files."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self.readers = QThreadPool(self)
        self.readers.setMaxThreadCount(2)
        self._pending = 0

    def submit(
        self,
        fn: Callable[[], T],
        *,
        writes: bool,
        on_done: Callable[[T], None],
        on_failed: Callable[[BaseException], None],
        on_progress: Callable[[str, float], None] | None = None,
        signals: _Signals | None = None,
    ) -> _Signals:
        # Created on the GUI thread, so its slots run there.
        signals = signals if signals is not None else _Signals()
        if on_progress is not None:
            signals.progress.connect(on_progress)
        self._pending += 1

        def finish(callback, value) -> None:
            self._pending -= 1
            signals.deleteLater()
            callback(value)

        signals.done.connect(lambda result: finish(on_done, result))
        signals.failed.connect(lambda err: finish(on_failed, err))
        (self.writer if writes else self.readers).start(_Runnable(fn, signals))
        return signals

    @property
    def pending(self) -> int:
        """Submitted work whose result has not reached the GUI thread yet."""
        return self._pending

    def wait_idle(self, msecs: int = -1) -> bool:
        """Block until the threads are done (closing the window; tests)."""
        return self.writer.waitForDone(msecs) and self.readers.waitForDone(msecs)


class Op(Generic[T]):
    """A write, built then run: ``.success(cb)``, ``.errors(form)``, ``.run()``."""

    writes = True

    def __init__(self, executor: Executor, db, parent: QWidget | None, fn: Callable[..., T]):
        self.executor = executor
        self.db = db
        self.parent = parent
        self.fn = fn
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._cancelled: Callable[[], None] | None = None
        self._always: Callable[[], None] | None = None
        self._errors = None  # a FieldErrors
        self._busy: tuple[QWidget, ...] = ()
        self._progress_label: str | None = None
        self._min_duration = 500
        self._title = ""
        self.job: Job | None = None
        self.dialog: QProgressDialog | None = None
        self.finished = False
        self.result: T | None = None
        self.error: BaseException | None = None

    # ------------------------------------------------------------ building

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        """Called with a refusal (``ServiceError``, a file problem) instead of
        the default message box."""
        self._failure = callback
        return self

    def errors(self, field_errors) -> Op[T]:
        """Show refusals at the form's fields (a ``widgets.forms.FieldErrors``)."""
        self._errors = field_errors
        return self

    def cancelled(self, callback: Callable[[], None]) -> Op[T]:
        self._cancelled = callback
        return self

    def always(self, callback: Callable[[], None]) -> Op[T]:
        """Called when the op ends, however it ends, before the other callbacks
        (``result`` or ``error`` is already set)."""
        self._always = callback
        return self

    def busy(self, *widgets: QWidget) -> Op[T]:
        """Disable these widgets (a Save button) until the op is done."""
        self._busy = widgets
        return self

    def titled(self, title: str) -> Op[T]:
        """The title of the message box a refusal is shown in."""
        self._title = title
        return self

    def progress(self, label: str, min_duration_ms: int = 500) -> Op[T]:
        """Long work: ``fn`` also gets a ``Job``; a dialog with Cancel appears
        after ``min_duration_ms``."""
        self._progress_label = label
        self._min_duration = min_duration_ms
        return self

    # ------------------------------------------------------------ running

    def _call(self) -> Callable[[], T]:
        if self._progress_label is not None:
            return lambda: self.fn(self.db, self.job)
        return lambda: self.fn(self.db)

    def run(self) -> Op[T]:
        for w in self._busy:
            w.setEnabled(False)
        signals = _Signals()
        on_progress = None
        if self._progress_label is not None:
            self.job = self._make_job(signals)
            on_progress = self._on_progress
        self.executor.submit(
            self._call(),
            writes=self.writes,
            on_done=self._done,
            on_failed=self._failed,
            on_progress=on_progress,
            signals=signals,
        )
        return self

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _make_job(self, signals: _Signals) -> Job:
        cancel = threading.Event()
        self.dialog = QProgressDialog(
            self._progress_label,
            QCoreApplication.translate("Ops", "Cancel"),
            0,
            1000,
            self.parent,
        )
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(self._min_duration)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(cancel.set)
        self.dialog.setValue(0)
        last = [0.0]

        def report(stage: str, fraction: float) -> None:  # on the worker thread
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL or fraction >= 1.0:
                last[0] = now
                signals.progress.emit(stage, fraction)

        return Job(report, cancel)

    def _on_progress(self, stage: str, fraction: float) -> None:
        if self.dialog is not None:
            label = self._progress_label or ""
            self.dialog.setLabelText(f"{label}\n{stage}" if stage else label)
            self.dialog.setValue(round(max(0.0, min(fraction, 1.0)) * 1000))

    def _end(self) -> None:
        self.finished = True
        for w in self._busy:
            w.setEnabled(True)
        if self.dialog is not None:
            # Closing a progress dialog reports a cancel: the work is over, ignore it.
            self.dialog.blockSignals(True)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self._always is not None:
            self._always()

    def _done(self, result: T) -> None:
        self.result = result
        self._end()
        if self._success is not None:
            self._success(result)

    def _failed(self, err: BaseException) -> None:
        self.error = err
        self._end()
        handle_failure(
            err,
            self.parent,
            failure=self._failure,
            field_errors=self._errors,
            cancelled=self._cancelled,
            title=self._title,
        )


class Task(Op[T]):
    """Long work that does not change records (printing, exports, dry runs):
    ``fn(job)`` on a reader thread, with the same progress and errors as :class:`Op`."""

    writes = False

    def __init__(self, executor: Executor, parent: QWidget | None, fn: Callable[[Job], T]):
        super().__init__(executor, None, parent, fn)

    def _call(self) -> Callable[[], T]:
        if self.job is None:
            self.job = Job()
        return lambda: self.fn(self.job)


def handle_failure(
    err: BaseException,
    parent: QWidget | None,
    *,
    failure: Callable[[BaseException], None] | None = None,
    field_errors=None,
    cancelled: Callable[[], None] | None = None,
    title: str = "",
) -> None:
    """A user's refusal gets a message; a bug is logged and gets the error dialog."""
    from village_desk.ui.errors import describe, is_user_error, show_bug

    if isinstance(err, Cancelled):
        if cancelled is not None:
            cancelled()
        return
    if not is_user_error(err):
        log.error("unexpected error", exc_info=(type(err), err, err.__traceback__))
        show_bug(parent, err)
        return
    log.info("refused: %s", err)
    if failure is not None:
        failure(err)
    elif field_errors is not None:
        field_errors.show_error(err)
    else:
        QMessageBox.warning(
            parent,
            title or QCoreApplication.translate("Ops", "Could not save"),
            describe(err),
        )
