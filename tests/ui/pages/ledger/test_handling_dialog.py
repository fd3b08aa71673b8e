"""Registering a 即办 matter in the GUI: the deadline is the day received and
cannot be moved, and the result typed with the registration makes it 已办结."""

from __future__ import annotations

import datetime as dt

from tests.ui.helpers import on_modal, raise_problems, settle, type_chinese
from village_desk.core import queries
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.ledger.matter import MatterDialog


def test_an_immediate_matter_is_done_at_registration(window, qtbot):
    ctx, problems = window.ctx, []
    page = window.ledger_page
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    seen = {}

    def fill(dialog):
        assert isinstance(dialog, MatterDialog)
        handlings = [
            dialog.handling_combo.itemText(i) for i in range(dialog.handling_combo.count())
        ]
        seen["handlings"] = handlings
        type_chinese(dialog.applicant_name, "赵即办")
        type_chinese(dialog.content_edit, "开具居住证明")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("实际困难"))
        assert not dialog.result_edit.isEnabled()  # 承诺办理 by default
        dialog.handling_combo.setCurrentIndex(dialog.handling_combo.findText("即办"))
        assert not dialog.deadline_edit.isEnabled()
        assert dialog.deadline_edit.date() == dialog.received_edit.date()
        dialog.result_edit.setFocus()
        type_chinese(dialog.result_edit, "当场开具证明")
        dialog.save()

    on_modal(qtbot, fill, problems)
    dialog = page.new_matter()
    raise_problems(problems)
    settle(qtbot, ctx)
    assert seen["handlings"] == ["即办", "承诺办理"]
    saved = ctx.read(queries.matters.matter, dialog.saved_id)
    assert (saved.handling, saved.status, saved.result) == ("immediate", "done", "当场开具证明")
    assert saved.deadline == saved.received_date == saved.done_date == dt.date.today()
