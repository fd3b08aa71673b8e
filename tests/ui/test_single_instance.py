"""One running window per data folder: a second start does not open the
database a second time; it asks the first to come forward and says which
process holds the folder. A lock left by a crashed start is no obstacle."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget

from tests.cli.sandbox import environment
from tests.ui.test_app import close_message_box_later
from village_desk.ui.app import EXIT_ALREADY_RUNNING, claim_data_folder
from village_desk.ui.instance import LOCK_NAME, SingleInstance, bring_forward

HOLD_THE_LOCK = """
import sys, time
from pathlib import Path
from village_desk.core.storage.files import FileLock
lock = FileLock(Path(sys.argv[1]))
assert lock.lock()
print("locked", flush=True)
time.sleep(120)
"""


def hold_the_lock(data: Path, tmp_path: Path) -> subprocess.Popen:
    """Another process holding the folder's lock, without a window to raise."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(data / LOCK_NAME)],
        env=environment(tmp_path),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    return holder


def url_of(folder: Path) -> str:
    return f"sqlite:///{folder / 'village-desk.sqlite3'}"


def test_a_second_start_brings_the_first_forward_and_opens_nothing(app, qtbot, tmp_path):
    data = tmp_path / "data"
    first = SingleInstance.for_url(url_of(data))
    assert first.claim()
    try:
        asked = []
        first.raise_requested.connect(lambda: asked.append(True))
        env = environment(tmp_path, QT_QPA_PLATFORM="offscreen")
        second = subprocess.Popen(
            [sys.executable, "-m", "village_desk", "--data-dir", str(data)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
        finally:
            if second.poll() is None:
                second.kill()
            _, err = second.communicate()
        assert second.returncode == 0, err
        assert asked == [True]
        assert str(os.getpid()) in err and str(data) in err  # which process holds it
        assert sorted(p.name for p in data.iterdir()) == [LOCK_NAME]  # no database opened
    finally:
        first.release()


def test_a_holder_that_does_not_answer_is_named_in_a_message(app, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    holder = hold_the_lock(data, tmp_path)
    try:
        seen: list = []
        close_message_box_later(seen)
        guard, code = claim_data_folder(url_of(data))
        assert guard is None and code == EXIT_ALREADY_RUNNING
        [(_title, text, _info)] = seen
        assert str(holder.pid) in text
        assert not (data / "village-desk.sqlite3").exists()
    finally:
        holder.kill()
        holder.communicate()


def test_a_lock_left_by_a_killed_start_is_taken_over(app, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    holder = hold_the_lock(data, tmp_path)
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate()
    assert (data / LOCK_NAME).read_text().strip() == str(holder.pid)  # left behind
    guard, code = claim_data_folder(url_of(data))
    try:
        assert guard is not None and code == 0
        assert guard.holder() == os.getpid()
    finally:
        guard.release()


def test_the_window_asked_to_come_forward_is_shown_again(app, qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    assert bring_forward(app, window) is window
    assert window.isVisible() and not window.isMinimized()
