"""run_gui: a database it cannot use is explained in Chinese and exits non-zero."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from village_desk.core.storage.db import Database
from village_desk.ui.app import EXIT_DB_ERROR, run_gui

ROOT = Path(__file__).resolve().parents[2]


def args_for(data_dir):
    return types.SimpleNamespace(data_dir=str(data_dir), db_url=None)


def close_message_box_later(seen: list):
    """Record the text of the message box that run_gui shows, then press OK."""

    def close():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close)
            return
        seen.append((box.windowTitle(), box.text(), box.informativeText()))
        box.accept()

    QTimer.singleShot(0, close)


def make_newer_schema(data_dir):
    path = data_dir / "village-desk.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()


def make_damaged(data_dir):
    data_dir.mkdir(exist_ok=True)
    (data_dir / "village-desk.sqlite3").write_bytes(b"this is not a database" * 200)


@pytest.mark.parametrize(
    ("make", "expected"),
    [(make_newer_schema, "更新版本"), (make_damaged, "已损坏")],
)
def test_unusable_database_is_explained_and_exits_non_zero(app, tmp_path, make, expected):
    make(tmp_path)
    seen: list = []
    close_message_box_later(seen)
    code = run_gui(args_for(tmp_path))
    assert code == EXIT_DB_ERROR != 0
    assert len(seen) == 1
    title, text, informative = seen[0]
    assert title == "无法打开数据"
    assert expected in text
    assert "Traceback" not in text
    assert str(tmp_path) in informative


def test_start_up_does_not_import_heavy_libraries(demo_db):
    """Opening the main window (and searching) loads no Excel/PDF/migration/pinyin code."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from village_desk.core.storage.db import Database\n"
        "from village_desk.ui.app import create_application\n"
        "from village_desk.ui.main_window import MainWindow\n"
        "app = create_application([])\n"
        f"db = Database.open({demo_db.url!r})\n"
        "from village_desk.ui.context import AppContext\n"
        "win = MainWindow(AppContext(db, QSettings('unused.ini', QSettings.Format.IniFormat)))\n"
        "win.show(); app.processEvents()\n"
        "assert win.search_edit.run_search('zs')\n"
        "heavy = [m for m in ('openpyxl', 'reportlab', 'alembic', 'pypinyin') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=env)
