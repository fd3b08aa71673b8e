"""Logs and the error dialog: a real GUI start writes its log under the user
log folder, and a bug raised in a slot opens the error dialog and is logged
with its traceback. (A user's mistake is not a bug: it gets a plain message
and no error dialog.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from village_desk.core import logs
from village_desk.core.domain.errors import ValidationError
from village_desk.core.storage.paths import DB_FILENAME
from village_desk.ui import errors
from village_desk.ui.ops import handle_failure

CHILD = r"""
import sys, types
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from village_desk.ui.app import create_application, run_gui

create_application()  # timers need the application's event loop
seen = []

def planted_bug():
    raise RuntimeError("planted bug in a slot")

def look():
    dialogs = [w for w in QApplication.topLevelWidgets()
               if w.objectName() == "errorDialog" and w.isVisible()]
    if dialogs:
        seen.append(dialogs[0].details.toPlainText())
        QApplication.quit()
    else:
        QTimer.singleShot(50, look)

QTimer.singleShot(300, planted_bug)   # a slot called by Qt, as a button's would be
QTimer.singleShot(350, look)
QTimer.singleShot(20000, QApplication.quit)  # never hang the test
code = run_gui(types.SimpleNamespace(data_dir=sys.argv[1], db_url=None))
import platformdirs
print("LOGDIR=" + platformdirs.user_log_dir("village-desk", appauthor=False))
print("DIALOG=" + ("shown" if seen else "missing"))
print("DETAILS=" + (seen[0].replace("\n", "|") if seen else ""))
sys.exit(code)
"""


def test_a_gui_start_logs_to_the_user_log_dir_and_a_bug_opens_the_error_dialog(demo_db, tmp_path):
    home = tmp_path / "home"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VILLAGE_DESK_LOG_DIR", "XDG_STATE_HOME", "XDG_CACHE_HOME")
    }
    env.update(
        HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        VILLAGE_DESK_START_PAGE="dashboard",  # no operator question
        XDG_CONFIG_HOME=str(home / ".config"),
    )
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_FILENAME).write_bytes(Path(demo_db.sqlite_path).read_bytes())
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    assert done.returncode == 0, done.stdout + done.stderr
    log_dir = Path(out["LOGDIR"])
    assert home in log_dir.parents  # the user's own log folder
    log_file = log_dir / logs.LOG_FILE
    text = log_file.read_text(encoding="utf-8")
    assert "Village Desk started" in text
    assert out["DIALOG"] == "shown"
    assert "planted bug in a slot" in out["DETAILS"]  # the dialog carries the traceback
    assert "RuntimeError: planted bug in a slot" in text  # and the log has it
    assert "Traceback (most recent call last)" in text


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_is_logged_and_shown(app, qtbot):
    setup = logs.setup()
    restore = errors.install()
    try:
        button = QPushButton("x")
        qtbot.addWidget(button)

        def broken():
            raise ZeroDivisionError("planted in a click")

        button.clicked.connect(broken)
        button.click()
        qtbot.waitUntil(
            lambda: any(
                w.objectName() == "errorDialog" and w.isVisible()
                for w in QApplication.topLevelWidgets()
            )
        )
        dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "errorDialog")
        assert "planted in a click" in dialog.details.toPlainText()
        assert "planted in a click" in setup.ring.text()
        dialog.copy_details()
        assert "ZeroDivisionError" in QApplication.clipboard().text()
        dialog.close()
    finally:
        restore()


def test_a_users_mistake_gets_a_message_not_the_error_dialog(app, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(errors, "show_bug", lambda parent, err: shown.append(err))
    refused = []

    class Fields:
        def show_error(self, err):
            refused.append(err)

    handle_failure(ValidationError("matter.content", "必须填写"), None, field_errors=Fields())
    assert shown == [] and [str(e) for e in refused] == ["申办事项：必须填写"]
    handle_failure(KeyError("bug"), None)
    assert [type(e) for e in shown] == [KeyError]
