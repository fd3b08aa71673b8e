"""冲突与待核对: the work-bench tile counts what a merge left, and its dialog
settles a real conflict (two copies of the demo village that both changed a
household's phone) the way a cadre does it."""

from __future__ import annotations

import sqlite3
import time

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from tests.ui.helpers import click, exposed, on_modal, raise_problems, settle
from village_desk.core import queries, services
from village_desk.core.queries.households import HouseholdFilter
from village_desk.core.services.households import HouseholdInput
from village_desk.core.storage import merge
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import ConflictSettlement
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.dashboard.review import ReviewDialog
from village_desk.ui.prefs import apply_font_size
from village_desk.ui.widgets import sizing

MINE = "13800000001"  # typed on this computer first
THEIRS = "13800000002"  # typed later on the other laptop: it wins the merge
OTHER_COMPUTER = "李书记的笔记本"


def fork(db: Database, path) -> Database:
    """A copy of the open database, as a second laptop (a copied folder
    becomes a new device). The backup API also copies what is still in the
    write-ahead log."""
    source, target = sqlite3.connect(db.sqlite_path), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return Database.open(f"sqlite:///{path}", device_name=OTHER_COMPUTER)


def change_phone(db: Database, hid, phone: str) -> None:
    h = db.read(queries.households.household, hid)
    services.households.update_household(
        db,
        None,
        hid,
        HouseholdInput(
            number=h.number,
            group_id=h.group_id,
            address=h.address,
            phone=phone,
            categories=list(h.categories),
            situation=h.situation,
            notes=h.notes,
        ),
    )


def make_clash(ctx, tmp_path, here_first: bool = True):
    """Both copies change one household's phone offline (this computer
    first unless ``here_first`` is false), then exchange their changes both
    ways: the later phone is the record's, the earlier one the value that lost."""
    assert ctx.read(queries.sync.open_conflicts) == []
    assert ctx.read(queries.rules.violations) == []
    hid = ctx.read(queries.households.household_page, HouseholdFilter())[0].id
    other = fork(ctx.db, tmp_path / "other.sqlite3")
    try:
        edits = [(ctx.db, MINE), (other, THEIRS)]
        for db, value in edits if here_first else edits[::-1]:
            change_phone(db, hid, value)
            time.sleep(0.002)
        merge.merge(other, merge.export_changes(ctx.db))
        merge.merge(ctx.db, merge.export_changes(other))
    finally:
        other.close()
    return hid


@pytest.fixture
def clash(ctx, tmp_path):
    """Here the other laptop's phone (THEIRS, newer) is the record's; this
    computer's (MINE) is the value that lost."""
    return make_clash(ctx, tmp_path)


def choices(ctx) -> list[str]:
    """How the conflicts here were settled (the settlement records)."""
    with ctx.db.reading() as s:
        return list(s.scalars(select(ConflictSettlement.choice)))


def phone(ctx, hid) -> str:
    return ctx.read(queries.households.household, hid).phone


def rows(dialog: ReviewDialog) -> list[list[str]]:
    t = dialog.conflict_table
    if dialog.conflict_stack.currentWidget() is not t:
        return []
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def open_dialog(ctx, qtbot) -> ReviewDialog:
    dialog = ReviewDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    return dialog


def answer_yes(problems, seen: list):
    def fn(box):
        assert isinstance(box, QMessageBox), box
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    return fn


def test_the_tile_counts_the_conflict_and_opens_the_dialog_listing_both_values(
    window, clash, qtbot
):
    ctx = window.ctx
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    settle(qtbot, ctx)
    tile = window.dashboard_page.tiles["review"]
    assert tile.value.text() == "1"
    assert tile.caption.text() == "冲突与待核对"

    problems: list = []
    seen: list = []

    def look(dialog):
        assert isinstance(dialog, ReviewDialog)
        seen.append(rows(dialog))
        assert dialog.no_problems.isVisible()
        assert dialog.no_problems.text() == "没有发现问题"
        dialog.close_button.click()

    on_modal(qtbot, look, problems)
    click(qtbot, tile)
    raise_problems(problems)
    [[what, field, now, other, source]] = seen[0]
    number = ctx.read(queries.households.household, clash).number
    assert number in what
    assert field == "家庭电话"
    assert (now, other) == (THEIRS, MINE)
    # the value that lost was typed here, not on the other laptop
    assert source == f"{ctx.db.device.name}（本机）"


def test_a_value_that_lost_on_the_other_laptop_says_so(ctx, tmp_path, qtbot):
    hid = make_clash(ctx, tmp_path, here_first=False)
    assert phone(ctx, hid) == MINE
    dialog = open_dialog(ctx, qtbot)
    # (this copy does not know the other laptop's name: it is not exchanged)
    assert [r[2:] for r in rows(dialog)] == [[MINE, THEIRS, "另一台电脑"]]


def test_using_the_other_value_asks_then_writes_it_and_the_conflict_goes(window, clash, qtbot):
    ctx = window.ctx
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    settle(qtbot, ctx)
    tile = window.dashboard_page.tiles["review"]
    assert tile.value.text() == "1"
    dialog = open_dialog(ctx, qtbot)
    assert phone(ctx, clash) == THEIRS
    assert [r[2:4] for r in rows(dialog)] == [[THEIRS, MINE]]

    # answered No: nothing changes
    problems: list = []
    on_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.No).click(), problems)
    click(qtbot, dialog.take_button)
    raise_problems(problems)
    settle(qtbot, ctx)
    assert phone(ctx, clash) == THEIRS
    assert len(rows(dialog)) == 1

    seen: list = []
    on_modal(qtbot, answer_yes(problems, seen), problems)
    click(qtbot, dialog.take_button)
    raise_problems(problems)
    settle(qtbot, ctx)
    assert MINE in seen[0] and THEIRS in seen[0]
    assert phone(ctx, clash) == MINE
    assert ctx.read(queries.sync.open_conflicts) == []
    assert choices(ctx) == ["loser"]
    assert rows(dialog) == []
    assert dialog.no_conflicts.isVisible() and dialog.no_conflicts.text() == "没有冲突"
    assert not dialog.keep_button.isEnabled()
    assert tile.value.text() == "0"


def test_keeping_the_value_now_leaves_the_household_as_it_is(window, clash, qtbot):
    ctx = window.ctx
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    settle(qtbot, ctx)
    before = ctx.read(queries.households.household, clash)
    assert before.phone == THEIRS
    dialog = open_dialog(ctx, qtbot)
    click(qtbot, dialog.keep_button)  # no question: nothing changes
    settle(qtbot, ctx)
    assert ctx.read(queries.households.household, clash) == before
    assert ctx.read(queries.sync.open_conflicts) == []
    assert choices(ctx) == ["winner"]
    assert rows(dialog) == []
    assert window.dashboard_page.tiles["review"].value.text() == "0"


def test_corrected_in_the_record_keeps_what_the_form_saved(ctx, clash, qtbot):
    dialog = open_dialog(ctx, qtbot)
    change_phone(ctx.db, clash, "13800000003")  # corrected in 户情 meanwhile
    settle(qtbot, ctx)
    assert len(rows(dialog)) == 1
    click(qtbot, dialog.edited_button)
    settle(qtbot, ctx)
    assert phone(ctx, clash) == "13800000003"
    assert choices(ctx) == ["edited"]
    assert rows(dialog) == []


def test_a_refusal_is_shown_as_a_message_and_the_list_is_read_again(ctx, clash, qtbot):
    dialog = open_dialog(ctx, qtbot)
    [c] = ctx.read(queries.sync.open_conflicts)
    # settled elsewhere (another window) before this dialog heard of it
    ctx.blockSignals(True)
    try:
        services.sync.settle_conflict(ctx.db, None, c.id, "winner")
    finally:
        ctx.blockSignals(False)
    assert len(rows(dialog)) == 1

    problems: list = []
    seen: list = []

    def refused(box):
        assert isinstance(box, QMessageBox), box
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    on_modal(qtbot, refused, problems)
    click(qtbot, dialog.keep_button)
    settle(qtbot, ctx)
    raise_problems(problems)
    assert seen == ["这条冲突已经处理过了"]
    assert rows(dialog) == []


def test_open_record_closes_the_dialog_and_shows_the_household(window, clash, qtbot):
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    problems: list = []

    def open_it(dialog):
        click(qtbot, dialog.open_conflict_button)

    on_modal(qtbot, open_it, problems)
    window.open_review()
    raise_problems(problems)
    assert QApplication.activeModalWidget() is None
    assert window.stack.currentWidget() is window.households_page
    assert window.households_page.detail.household_id == clash


def test_a_broken_rule_is_listed_with_its_records_and_opens_each(window, ctx, tmp_path, qtbot):
    """Each laptop renumbers another household to the same free 户号 (each
    valid alone); after the merge the number is taken twice."""
    [first, second] = ctx.read(queries.households.household_page, HouseholdFilter())[:2]
    number = "09-999"
    other = fork(ctx.db, tmp_path / "other.sqlite3")
    try:
        for db, hid in ((ctx.db, first.id), (other, second.id)):
            h = db.read(queries.households.household, hid)
            services.households.update_household(
                db,
                None,
                hid,
                HouseholdInput(number=number, group_id=h.group_id, categories=list(h.categories)),
                base=h._asdict(),
            )
        merge.merge(ctx.db, merge.export_changes(other))
    finally:
        other.close()
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    settle(qtbot, ctx)
    assert window.dashboard_page.tiles["review"].value.text() == "1"

    problems: list = []
    seen: list = []

    def open_second(dialog):
        tree = dialog.problem_tree
        [top] = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        seen.append((top.text(0), top.text(1), top.childCount()))
        assert dialog.no_conflicts.isVisible()
        child = top.child(1)  # the record listed second, not the one the problem opens
        heads = {first.head_name: first.id, second.head_name: second.id}
        [wanted] = [hid for head, hid in heads.items() if head in child.text(1)]
        seen.append(wanted)
        tree.setCurrentItem(child)
        click(qtbot, dialog.open_problem_button)

    on_modal(qtbot, open_second, problems)
    click(qtbot, window.dashboard_page.tiles["review"])
    raise_problems(problems)
    [(title, detail, children), wanted] = seen
    assert title == "户号重复" and number in detail and children == 2
    assert window.stack.currentWidget() is window.households_page
    assert window.households_page.detail.household_id == wanted


def test_the_dialog_fits_a_small_screen_with_large_text(ctx, clash, qtbot, monkeypatch):
    screen = QRect(0, 0, 1024, 600 - 40)
    monkeypatch.setattr(sizing, "available_geometry", lambda widget: QRect(screen))
    app = QApplication.instance()
    apply_font_size(app, True)
    try:
        dialog = open_dialog(ctx, qtbot)
        assert dialog.height() + 30 <= screen.height() and dialog.width() <= screen.width()
        for button in (dialog.close_button, dialog.take_button, dialog.open_problem_button):
            where = QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
            assert dialog.rect().contains(where), (button.text(), where, dialog.rect())
        dialog.done(0)
    finally:
        apply_font_size(app, False)
