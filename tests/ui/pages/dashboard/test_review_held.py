"""Changes held for a far-future stamp (another laptop's clock ran ahead):
the 冲突与待核对 dialog says so and merges them only when the cadre confirms."""

from __future__ import annotations

import sqlite3
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.helpers import click, exposed, wait_ops
from village_desk.core import queries, services
from village_desk.core.queries.households import HouseholdFilter
from village_desk.core.services.households import HouseholdInput
from village_desk.core.storage import merge
from village_desk.core.storage.db import Database
from village_desk.ui.pages.dashboard.review import ReviewDialog, review_count

DAY_MS = 24 * 3600 * 1000


class Answer:
    """Click ``button`` of the next modal message box; records its text."""

    def __init__(self, button: QMessageBox.StandardButton):
        self.button = button
        self.seen: str | None = None
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.timer.stop()
            self.seen = box.text()
            box.button(self.button).click()


def held_phone_change(ctx, tmp_path) -> tuple:
    """Another laptop changes a phone; this computer receives it while its
    own clock reads three days earlier than the stamp (as if that laptop's
    clock ran ahead)."""
    hid = ctx.read(queries.households.household_page, HouseholdFilter())[0].id
    source, path = sqlite3.connect(ctx.db.sqlite_path), tmp_path / "other.sqlite3"
    target = sqlite3.connect(path)
    source.backup(target)
    source.close(), target.close()
    other = Database.open(f"sqlite:///{path}", device_name="时钟不准的笔记本")
    h = other.read(queries.households.household, hid)
    services.households.update_household(
        other,
        None,
        hid,
        HouseholdInput(
            number=h.number, group_id=h.group_id, phone="13911112222", categories=h.categories
        ),
    )
    changes = merge.export_changes(other)
    other.close()
    report = merge.merge(ctx.db, changes, now_ms=int(time.time() * 1000) - 3 * DAY_MS)
    assert report.quarantined > 0
    return hid, report.quarantined


def test_held_changes_are_shown_and_merged_only_after_confirmation(ctx, qtbot, tmp_path):
    hid, held = held_phone_change(ctx, tmp_path)
    assert ctx.read(queries.households.household, hid).phone != "13911112222"
    assert ctx.read(review_count) == 1  # the held changes count as one item
    dialog = ReviewDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    assert dialog.held_box.isVisible()
    assert f"{held} 条" in dialog.held_label.text()

    no = Answer(QMessageBox.StandardButton.No)
    click(qtbot, dialog.accept_held_button)
    qtbot.waitUntil(lambda: no.seen is not None, timeout=5000)
    wait_ops(qtbot, ctx)
    assert ctx.read(queries.households.household, hid).phone != "13911112222"

    yes = Answer(QMessageBox.StandardButton.Yes)
    click(qtbot, dialog.accept_held_button)
    qtbot.waitUntil(lambda: yes.seen is not None, timeout=5000)
    wait_ops(qtbot, ctx)
    assert ctx.read(queries.households.household, hid).phone == "13911112222"
    qtbot.waitUntil(lambda: not dialog.held_box.isVisible(), timeout=5000)
    assert ctx.read(review_count) == 0
