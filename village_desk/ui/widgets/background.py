"""Background work with a progress dialog (being replaced by ``ui.ops.Task``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from village_desk.ui.workers import Task, TaskCancelled

PROGRESS_INTERVAL = 0.05  # seconds between progress signals from a background job


class BackgroundJob(QObject):
    """Work on the thread pool with a progress dialog shown after ~0.5 s, and cancel.

    ``fn(progress, cancelled)`` gets a ``progress(stage, fraction)`` callable and
    a ``threading.Event`` set when the user presses Cancel; raising
    :class:`TaskCancelled` (or returning) ends the job.
    """

    finished = Signal(object)  # result
    failed = Signal(object)  # exception (TaskCancelled when cancelled)

    def __init__(self, parent: QWidget, label: str, fn: Callable, min_duration_ms: int = 500):
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self.dialog = QProgressDialog(
            label, QCoreApplication.translate("Widgets", "Cancel"), 0, 1000, parent
        )
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(min_duration_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel_event.set)
        self.dialog.setValue(0)
        self._label = label

        def work(progress):
            last = [0.0]

            def report(stage: str, fraction: float) -> None:
                if self.cancel_event.is_set():
                    raise TaskCancelled
                # at most ~20 updates a second reach the GUI thread
                now = time.monotonic()
                if now - last[0] >= PROGRESS_INTERVAL or fraction >= 1.0:
                    last[0] = now
                    progress(stage, fraction)

            return fn(report, self.cancel_event)

        self.task = Task(work)
        self.task.signals.progress.connect(self._on_progress)
        self.task.signals.succeeded.connect(self._on_done)
        self.task.signals.failed.connect(self._on_failed)

    def start(self) -> BackgroundJob:
        self.task.start()
        return self

    def _on_progress(self, stage: str, fraction: float) -> None:
        self.dialog.setLabelText(f"{self._label}\n{stage}" if stage else self._label)
        self.dialog.setValue(round(max(0.0, min(fraction, 1.0)) * 1000))

    def _close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()

    def _on_done(self, result) -> None:
        self._close()
        self.finished.emit(result)

    def _on_failed(self, err) -> None:
        self._close()
        self.failed.emit(err)
