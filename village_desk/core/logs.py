"""Logging: a rotating file in the user's log folder, a ring buffer of recent
records for the error dialog, and a crash file for faults Python cannot catch.

``setup()`` is called once by the GUI (and the command line) at start. Every
module logs to ``logging.getLogger(__name__)`` (``village_desk.core…``,
``village_desk.ui…``); caught unexpected errors are logged with their
traceback. ``faulthandler`` writes a hard crash (a segfault in Qt, say) to
``crash.txt``; the next start finds it (:func:`previous_crash`) and shows it.

The folder is ``platformdirs.user_log_dir("village-desk")`` (e.g.
``~/.local/state/village-desk/log`` on Linux, ``%LOCALAPPDATA%\\village-desk\\Logs``
on Windows), or ``VILLAGE_DESK_LOG_DIR``.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import faulthandler
import logging
import logging.handlers
import os
import threading
from dataclasses import dataclass
from pathlib import Path

ENV_LOG_DIR = "VILLAGE_DESK_LOG_DIR"
LOG_FILE = "village-desk.log"
CRASH_FILE = "crash.txt"
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"


def log_dir() -> Path:
    env = os.environ.get(ENV_LOG_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir("village-desk", appauthor=False))


class RingBuffer(logging.Handler):
    """The last ``capacity`` log lines, for the error dialog's details."""

    def __init__(self, capacity: int = 200):
        super().__init__(logging.DEBUG)
        self.lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self._guard = threading.Lock()
        self.setFormatter(logging.Formatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:  # a bad log call must not raise
            line = record.getMessage()
        with self._guard:
            self.lines.append(line)

    def text(self) -> str:
        with self._guard:
            return "\n".join(self.lines)


@dataclass
class LogSetup:
    folder: Path | None
    file: Path | None
    crash_file: Path | None
    ring: RingBuffer


_current: LogSetup | None = None
_crash_handle = None


def current() -> LogSetup | None:
    return _current


def setup(level: int = logging.INFO, folder: Path | None = None) -> LogSetup:
    """Log to a rotating file (1 MB × 5) and the ring buffer; enable the crash
    file. Without a writable folder, logging still fills the ring buffer."""
    global _current, _crash_handle
    if _current is not None:
        return _current
    root = logging.getLogger("village_desk")
    root.setLevel(level)
    ring = RingBuffer()
    root.addHandler(ring)
    folder = folder or log_dir()
    file = crash = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file = folder / LOG_FILE
        handler = logging.handlers.RotatingFileHandler(
            file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
        crash = folder / CRASH_FILE
        _crash_handle = open(crash, "a", encoding="utf-8")  # noqa: SIM115 (open for the process)
        faulthandler.enable(file=_crash_handle, all_threads=True)
    except OSError as err:
        root.warning("cannot write logs to %s: %s", folder, err)
        folder = None
    _current = LogSetup(folder, file, crash, ring)
    root.info("Village Desk started (pid %s)", os.getpid())
    return _current


def previous_crash(folder: Path | None = None) -> str | None:
    """What the last run's crash file holds (then moved aside), or None.

    Call before :func:`setup`, which starts a new crash file."""
    folder = folder or log_dir()
    path = folder / CRASH_FILE
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None
    if not text:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    with contextlib.suppress(OSError):
        path.rename(folder / f"crash-{stamp}.txt")
    return text
