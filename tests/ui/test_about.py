"""关于 (About): the tool bar opens it; it shows the version the command line
reports, where the data are and the log folder."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from tests.ui.helpers import click, on_modal, raise_problems


def test_about_shows_version_data_location_and_icon(window, demo_db, qtbot):
    cli = subprocess.run(
        [sys.executable, "-m", "village_desk", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    version = cli.stdout.split()[-1]  # "village-desk 0.1.0"
    seen = {}
    problems: list = []

    def look(box):
        assert isinstance(box, QMessageBox)
        seen["title"] = box.windowTitle()
        seen["text"] = box.text()
        seen["info"] = box.informativeText()
        seen["icon"] = not box.iconPixmap().isNull()
        box.accept()

    on_modal(qtbot, look, problems)
    click(qtbot, window.toolbar.widgetForAction(window.about_action))
    raise_problems(problems)

    assert version in seen["text"]
    assert str(demo_db.sqlite_path) in seen["info"]
    assert seen["title"]
    assert seen["icon"]  # the program's icon, found in the resources
