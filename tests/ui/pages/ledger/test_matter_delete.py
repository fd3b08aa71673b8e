"""Deleting a matter asks first: "No" keeps it, "Yes" deletes it (with undo)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.ui.helpers import click, settle
from village_desk.core import queries
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui.main_window import MainWindow


def reply(qtbot, button, number):
    def fn(box):
        assert number in box.text()  # the question names the matter
        click(qtbot, box.button(button))

    return fn


def test_deleting_a_matter_asks_first_and_no_keeps_it(window, qtbot, modal):
    ctx, page = window.ctx, window.ledger_page
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    m = ctx.read(queries.matters.matter_page, MatterFilter(statuses=("registered",)))[0]
    total = ctx.read(queries.matters.matter_count)
    page.open_matter(m.id)

    with modal.expect(reply(qtbot, QMessageBox.StandardButton.No, m.number), kind=QMessageBox):
        click(qtbot, page.detail.delete_button)
    settle(qtbot, ctx)
    assert not ctx.read(queries.matters.matter, m.id).deleted
    assert ctx.read(queries.matters.matter_count) == total
    assert page.is_showing_detail() and not page.undo_bar.isVisible()

    with modal.expect(reply(qtbot, QMessageBox.StandardButton.Yes, m.number), kind=QMessageBox):
        click(qtbot, page.detail.delete_button)
    settle(qtbot, ctx)
    assert ctx.read(queries.matters.matter_count) == total - 1
    assert not page.is_showing_detail() and page.undo_bar.isVisible()
