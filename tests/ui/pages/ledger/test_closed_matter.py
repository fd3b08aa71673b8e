"""Correcting a closed matter in the GUI: the edit dialog says it is locked,
a changed deadline without a reason is refused at the reason field, and with
one the correction appears among the matter's progress notes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.helpers import click, on_modal, raise_problems, settle, type_chinese, wait_ops
from village_desk.core import queries
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui.pages.ledger.matter import MatterDialog


def test_a_closed_matters_deadline_needs_a_reason(window, qtbot):
    ctx, problems = window.ctx, []
    m = ctx.read(queries.matters.matter_page, MatterFilter(statuses=("closed",)))[0]
    later = m.deadline + dt.timedelta(days=5)
    window.open_matter(m.id)
    view = window.ledger_page.detail

    def edit(dialog):
        assert isinstance(dialog, MatterDialog)
        assert dialog.reason_edit.isVisible()
        dialog.deadline_edit.setDate(QDate(later.year, later.month, later.day))
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        click(qtbot, save)
        wait_ops(qtbot, ctx)
        label = dialog.errors.label_for("matter.correction_reason")
        assert not label.isHidden() and "理由" in label.text()
        assert dialog.isVisible() and dialog.saved_id is None
        assert ctx.read(queries.matters.matter, m.id).deadline == m.deadline
        dialog.reason_edit.setFocus()
        type_chinese(dialog.reason_edit, "镇里批复延期")
        click(qtbot, save)
        wait_ops(qtbot, ctx)
        assert dialog.saved_id == m.id, dialog.errors.visible_messages()

    on_modal(qtbot, edit, problems)
    click(qtbot, view.edit_button)
    raise_problems(problems)
    settle(qtbot, ctx)
    assert ctx.read(queries.matters.matter, m.id).deadline == later
    last = view.notes_list.item(view.notes_list.count() - 1).text()
    assert f"更正：办结时限由“{m.deadline.isoformat()}”改为“{later.isoformat()}”" in last
    assert "理由：镇里批复延期" in last


def test_an_open_matters_dialog_asks_a_reason_only_for_a_handling_change(window, qtbot):
    ctx, problems = window.ctx, []
    m = ctx.read(queries.matters.matter_page, MatterFilter(statuses=("in_progress",)))[0]
    window.open_matter(m.id)
    view = window.ledger_page.detail

    def look(dialog):
        assert isinstance(dialog, MatterDialog)
        assert not dialog.locked
        assert dialog.reason_edit.placeholderText() == "改变办理方式时必须填写"
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))

    on_modal(qtbot, look, problems)
    click(qtbot, view.edit_button)
    raise_problems(problems)
