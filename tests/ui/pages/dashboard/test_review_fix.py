"""冲突与待核对 fixes what two laptops registered twice, as a cadre does it:
one family registered on both becomes one household (合并为一户), and two
families given one 户号 get their own numbers again (改户号)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from sqlalchemy import select

from tests.helpers import make_id
from tests.ui.helpers import click, exposed, wait_ops
from village_desk.core import queries, services
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage import merge
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Household
from village_desk.ui.pages.dashboard.review import ReviewDialog


class Answer:
    """Answer the next modal dialog with ``fn(dialog)``; records that one came."""

    def __init__(self, kind, fn):
        self.kind, self.fn, self.seen = kind, fn, None
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, self.kind):
            self.timer.stop()
            self.seen = dialog
            self.fn(dialog)


def registered_on_two_laptops(ctx, tmp_path, same_family: bool) -> str:
    """Another laptop (a copy of this one) and this one register 户号 99-001
    offline — the same family, or two different ones — and exchange."""
    source, path = sqlite3.connect(ctx.db.sqlite_path), tmp_path / "other.sqlite3"
    target = sqlite3.connect(path)
    source.backup(target)
    source.close(), target.close()
    other = Database.open(f"sqlite:///{path}", device_name="另一台笔记本")
    for db, born, name in ((ctx.db, "19500101", "钱一"), (other, "19520202", "孙二")):
        services.households.create_household(
            db,
            None,
            HouseholdInput(number="99-001"),
            PersonInput(
                name="钱一" if same_family else name,
                id_number=make_id("19500101" if same_family else born, "071"),
            ),
        )
    merge.merge(other, merge.export_changes(ctx.db))
    merge.merge(ctx.db, merge.export_changes(other))
    other.close()
    return "99-001"


def open_dialog(ctx, qtbot, kind: str) -> ReviewDialog:
    dialog = ReviewDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    [index] = [i for i, v in enumerate(dialog.violations) if v.kind == kind]
    dialog.problem_tree.setCurrentItem(dialog.problem_tree.topLevelItem(index))
    return dialog


def live_numbered(ctx, number: str) -> list:
    with ctx.db.reading() as s:
        return s.scalars(
            select(Household.id).where(Household.number == number, Household.deleted.is_(False))
        ).all()


def test_one_family_registered_twice_becomes_one_household(ctx, qtbot, tmp_path):
    number = registered_on_two_laptops(ctx, tmp_path, same_family=True)
    kinds = {v.kind for v in ctx.read(queries.rules.violations)}
    assert {"household_number", "id_number"} <= kinds
    dialog = open_dialog(ctx, qtbot, "household_number")
    assert dialog.merge_button.isEnabled()

    def keep_first(box: QMessageBox) -> None:
        [button] = [b for b in box.buttons() if b.text() == "保留 1"]
        button.click()

    answer = Answer(QMessageBox, keep_first)
    click(qtbot, dialog.merge_button)
    qtbot.waitUntil(lambda: answer.seen is not None, timeout=5000)
    wait_ops(qtbot, ctx)
    assert len(live_numbered(ctx, number)) == 1
    assert ctx.read(queries.rules.violations) == []
    [kept] = live_numbered(ctx, number)
    assert [m.name for m in ctx.read(queries.households.members, kept)] == ["钱一"]
    qtbot.waitUntil(lambda: dialog.no_problems.isVisible(), timeout=5000)


def test_two_families_with_one_number_get_their_own(ctx, qtbot, tmp_path):
    number = registered_on_two_laptops(ctx, tmp_path, same_family=False)
    dialog = open_dialog(ctx, qtbot, "household_number")
    top = dialog.problem_tree.currentItem()
    dialog.problem_tree.setCurrentItem(top.child(1))  # the second of the two
    assert dialog.renumber_button.isEnabled()

    def new_number(box: QInputDialog) -> None:
        box.setTextValue("99-002")
        box.accept()

    answer = Answer(QInputDialog, new_number)
    click(qtbot, dialog.renumber_button)
    qtbot.waitUntil(lambda: answer.seen is not None, timeout=5000)
    wait_ops(qtbot, ctx)
    assert len(live_numbered(ctx, number)) == 1
    assert len(live_numbered(ctx, "99-002")) == 1
    assert ctx.read(queries.rules.violations) == []
