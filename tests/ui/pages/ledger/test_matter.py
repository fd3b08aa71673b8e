"""The matter page: life-cycle buttons that do what they say, progress notes,
registration and correction as ops with errors at their fields, and a page
that follows changes made anywhere else."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from tests.ui.helpers import click, on_modal, raise_problems, settle, type_chinese, wait_ops
from village_desk.core import queries, services
from village_desk.core.domain import lifecycle
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.ledger.matter import ActionDialog, MatterDialog
from village_desk.ui.pages.ledger.model import Col


def first_matter(ctx, status: str):
    return ctx.read(queries.matters.matter_page, MatterFilter(statuses=(status,)))[0]


def shown_buttons(view) -> dict[str, str]:
    """The steps offered: their buttons are enabled."""
    return {code: b.text() for code, b in view.action_buttons.items() if b.isEnabled()}


def notes_shown(view) -> list[str]:
    return [view.notes_list.item(i).text() for i in range(view.notes_list.count())]


def test_a_life_cycle_button_moves_the_matter_on(window, qtbot):
    """办理 on a registered matter: its dialog, the database, then the page."""
    ctx, problems = window.ctx, []
    m = first_matter(ctx, "registered")
    window.open_matter(m.id)
    view = window.ledger_page.detail
    assert view.status_label.text().startswith("登记受理")
    assert shown_buttons(view) == {a.code: a.label for a in lifecycle.available_actions(m)}
    seen = {}

    def answer(dialog):
        assert isinstance(dialog, ActionDialog)
        seen["title"] = dialog.windowTitle()
        type_chinese(dialog.inputs["text"], "已电话联系申请人")
        click(qtbot, dialog.ok_button)

    on_modal(qtbot, answer, problems)
    click(qtbot, view.action_buttons["start"])
    raise_problems(problems)
    settle(qtbot, ctx)
    assert seen["title"] == f"办理：{m.number}"

    after = ctx.read(queries.matters.matter, m.id)
    assert after.status == "in_progress"
    notes = ctx.read(queries.matters.notes, m.id)
    assert [(n.action, n.text) for n in notes][-1] == ("start", "已电话联系申请人")

    assert view.status_label.text().startswith("办理中")
    assert shown_buttons(view) == {
        "forward": "上报",
        "complete": "办结",
        "return": "退回",
        "unresolvable": "暂不能解决",
    }
    assert not view.no_actions.isVisible()
    assert notes_shown(view)[-1].endswith("办理：已电话联系申请人")  # with the step it belongs to
    # and the list behind it says so too
    click(qtbot, view.back_button)
    page = window.ledger_page
    row = page.model.row_of(m.id)
    assert page.model.index(row, Col.STATUS).data().startswith("办理中")


def test_the_step_buttons_keep_their_order_and_place(window, qtbot):
    """Every step has its button in the same place whatever the status; the
    ones not legal now are disabled, not removed (a click cannot land on a
    different step than last time)."""
    ctx = window.ctx
    view = window.ledger_page.detail
    places = None
    for status in ("registered", "in_progress", "forwarded", "done", "feedback", "closed"):
        m = first_matter(ctx, status)
        window.open_matter(m.id)
        qtbot.waitUntil(view.isVisible)
        buttons = [b for b in view.actions_box.findChildren(QPushButton) if b.isVisible()]
        now = [(b.text(), b.mapTo(view, b.rect().topLeft())) for b in buttons]
        assert [t for t, _ in now] == [
            "办理",
            "上报",
            "结果返回",
            "办结",
            "回访",
            "销号",
            "退回",
            "暂不能解决",
            "重新办理",
        ]
        if places is not None:
            assert now == places, status
        places = now
        legal = {a.code for a in lifecycle.available_actions(m)}
        assert {c for c, b in view.action_buttons.items() if b.isEnabled()} == legal, status
        assert view.no_actions.isVisible() == (not legal)


def test_required_inputs_are_refused_at_their_declared_fields(window, qtbot):
    """Each action's form is lifecycle.ACTIONS[...].inputs; a missing required
    input is refused under its field key and nothing changes."""
    ctx, problems = window.ctx, []
    m = first_matter(ctx, "registered")
    notes_before = ctx.read(queries.matters.notes, m.id)
    window.open_matter(m.id)
    view = window.ledger_page.detail
    for code in ("complete", "return", "unresolvable", "forward"):
        act = lifecycle.ACTIONS[code]
        required = [i for i in act.inputs if i.required and i.kind != "date"]
        assert required, code

        def submit_empty(dialog, act=act, required=required):
            assert set(dialog.inputs) == {i.name for i in act.inputs}
            click(qtbot, dialog.ok_button)
            wait_ops(qtbot, ctx)
            label = dialog.errors.label_for(required[0].field)
            assert label is not None and not label.isHidden(), dialog.errors.visible_messages()
            assert dialog.isVisible()
            dialog.done(0)

        on_modal(qtbot, submit_empty, problems)
        click(qtbot, view.action_buttons[code])
        raise_problems(problems)
    assert ctx.read(queries.matters.matter, m.id).status == "registered"
    assert ctx.read(queries.matters.notes, m.id) == notes_before


def test_a_return_visit_asks_for_the_satisfaction_without_a_default(window, qtbot):
    """回访: nothing is preselected; the cadre must pick 满意 / 基本满意 / 不满意,
    and say how (电话/上门) and who answered; the progress note keeps all three."""
    ctx, problems = window.ctx, []
    m = first_matter(ctx, "done")
    window.open_matter(m.id)
    view = window.ledger_page.detail
    seen = {}

    def answer(dialog):
        combo = dialog.inputs["satisfaction"]
        seen["chosen"] = combo.currentData()
        seen["offered"] = [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i)]
        click(qtbot, dialog.ok_button)  # nothing picked: refused at 满意度
        wait_ops(qtbot, ctx)
        label = dialog.errors.label_for("action.satisfaction")
        assert label is not None and not label.isHidden() and label.text()
        assert dialog.isVisible()
        assert ctx.read(queries.matters.matter, m.id).status == "done"
        combo.setCurrentIndex(combo.findText("基本满意"))
        mode = dialog.inputs["mode"]
        seen["mode"] = mode.currentData()
        click(qtbot, dialog.ok_button)  # how, and who answered: asked too
        wait_ops(qtbot, ctx)
        assert not dialog.errors.label_for("action.feedback_mode").isHidden()
        assert dialog.isVisible()
        mode.setCurrentIndex(mode.findText("上门"))
        type_chinese(dialog.inputs["respondent"], "户主本人")
        click(qtbot, dialog.ok_button)

    on_modal(qtbot, answer, problems)
    click(qtbot, view.action_buttons["feedback"])
    raise_problems(problems)
    settle(qtbot, ctx)
    assert seen["chosen"] == ""
    assert seen["offered"] == list(lifecycle.SATISFACTION_LABELS.values())
    after = ctx.read(queries.matters.matter, m.id)
    assert (after.status, after.satisfaction) == ("feedback", "basic")
    assert seen["mode"] in ("", None)
    notes = [n.text for n in ctx.read(queries.matters.notes, m.id)]
    assert "回访（上门，户主本人）：基本满意" in notes


def test_adding_a_note_and_a_refused_note(window, qtbot):
    ctx = window.ctx
    m = first_matter(ctx, "in_progress")
    window.open_matter(m.id)
    view = window.ledger_page.detail
    before = len(ctx.read(queries.matters.notes, m.id))

    click(qtbot, view.note_button)  # nothing written: refused at the field
    wait_ops(qtbot, ctx)
    assert view.note_error.isVisible() and view.note_error.text()
    assert len(ctx.read(queries.matters.notes, m.id)) == before

    type_chinese(view.note_edit, "已上门核实情况")
    click(qtbot, view.note_button)
    settle(qtbot, ctx)
    assert not view.note_error.isVisible()
    assert view.note_edit.text() == ""
    assert len(ctx.read(queries.matters.notes, m.id)) == before + 1
    assert "已上门核实情况" in notes_shown(view)[-1]


def test_the_matter_page_follows_changes_made_elsewhere(window, qtbot):
    """Another page, dialog or cadre changes the matter: what is shown follows,
    at once when visible, when next shown otherwise."""
    ctx = window.ctx
    m = first_matter(ctx, "registered")
    window.open_matter(m.id)
    view = window.ledger_page.detail

    ctx.op(None, lambda db: services.ledger.add_note(db, None, m.id, "别处记下的进展")).run()
    settle(qtbot, ctx)
    assert "别处记下的进展" in notes_shown(view)[-1]

    ctx.op(None, lambda db: services.ledger.apply_action(db, None, m.id, "start")).run()
    settle(qtbot, ctx)
    assert view.status_label.text().startswith("办理中")
    assert "start" not in view.legal_actions() and "complete" in view.legal_actions()

    # a renamed cadre and a corrected matter
    cadre = next(c for c in ctx.read(queries.reference.cadres) if c.id == m.responsible_id)
    ctx.op(
        None,
        lambda db: services.setup.update_cadre(db, None, cadre.id, name="改名干部"),
    ).run()
    ctx.op(
        None, lambda db: services.ledger.update_matter(db, None, m.id, content="改过的事项")
    ).run()
    settle(qtbot, ctx)
    assert view.isVisible()
    assert view.fields["responsible"].text() == "改名干部"
    assert view.content_label.text() == "改过的事项"

    # changed while the ledger is hidden behind another page: 民情台账 in the
    # sidebar opens its list, which shows it already; so does the matter
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    ctx.op(
        None, lambda db: services.ledger.update_matter(db, None, m.id, content="再改过的事项")
    ).run()
    settle(qtbot, ctx)
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    page = window.ledger_page
    assert not page.is_showing_detail()
    assert page.model.index(page.model.row_of(m.id), Col.CONTENT).data() == "再改过的事项"
    window.open_matter(m.id)
    assert view.content_label.text() == "再改过的事项"

    # deleted elsewhere: back to the list
    ctx.op(None, lambda db: services.ledger.delete_matter(db, None, m.id)).run()
    settle(qtbot, ctx)
    assert not window.ledger_page.is_showing_detail()


def test_registering_a_matter_is_one_op_with_errors_at_the_field(window, qtbot):
    ctx, problems = window.ctx, []
    page = window.ledger_page
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    total = page.model.total

    def fill(dialog):
        assert isinstance(dialog, MatterDialog)
        type_chinese(dialog.applicant_name, "赵登记")
        dialog.save()  # no matter written: refused at its field
        wait_ops(qtbot, ctx)
        label = dialog.errors.label_for("matter.content")
        assert not label.isHidden() and label.text()
        assert dialog.isVisible() and dialog.saved_id is None
        type_chinese(dialog.content_edit, "申请危房改造")
        # no category chosen: refused at 事项类别, nothing written
        assert dialog.kind_combo.currentData() == ""
        dialog.save()
        wait_ops(qtbot, ctx)
        label = dialog.errors.label_for("matter.kind")
        assert not label.isHidden() and label.text() == "请选择事项类别"
        assert dialog.isVisible() and dialog.saved_id is None
        assert ctx.read(queries.matters.matter_count, MatterFilter()) == total
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("实际困难"))
        dialog.save()

    on_modal(qtbot, fill, problems)
    dialog = page.new_matter()
    raise_problems(problems)
    settle(qtbot, ctx)
    assert dialog.saved_id is not None
    saved = ctx.read(queries.matters.matter, dialog.saved_id)
    assert (saved.content, saved.applicant_name, saved.kind) == (
        "申请危房改造",
        "赵登记",
        "hardship",
    )
    assert page.is_showing_detail() and page.detail.matter_id == saved.id
    assert page.detail.content_label.text() == "申请危房改造"
    assert page.model.total == total + 1


def test_an_edit_of_a_field_changed_meanwhile_is_refused_at_the_field(window, qtbot):
    """The edit dialog is open while another page saves a new content: saving
    the dialog's own new content does not overwrite it unseen; it shows the
    content now at the field, and saving again (checked) writes the dialog's."""
    ctx, problems = window.ctx, []
    m = first_matter(ctx, "registered")
    window.open_matter(m.id)
    view = window.ledger_page.detail

    def edit(dialog):
        assert isinstance(dialog, MatterDialog)
        ctx.op(
            None, lambda db: services.ledger.update_matter(db, None, m.id, content="别处改的事项")
        ).run()
        settle(qtbot, ctx)
        dialog.content_edit.setFocus()
        dialog.content_edit.selectAll()
        type_chinese(dialog.content_edit, "对话框里改的事项")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        click(qtbot, save)
        wait_ops(qtbot, ctx)
        label = dialog.errors.label_for("matter.content")
        assert not label.isHidden()
        assert label.text() == "这条记录刚被别处修改，现在是“别处改的事项”；请核对后再保存"
        assert dialog.isVisible() and dialog.saved_id is None
        assert ctx.read(queries.matters.matter, m.id).content == "别处改的事项"
        click(qtbot, save)  # the user has seen the content now and keeps theirs
        wait_ops(qtbot, ctx)
        assert dialog.saved_id == m.id, dialog.errors.visible_messages()

    on_modal(qtbot, edit, problems)
    click(qtbot, view.edit_button)
    raise_problems(problems)
    settle(qtbot, ctx)
    assert ctx.read(queries.matters.matter, m.id).content == "对话框里改的事项"
    assert view.content_label.text() == "对话框里改的事项"


def test_the_list_keeps_the_chosen_matter_when_it_redraws(window, qtbot):
    """A change elsewhere redraws the list; the rows loaded, the scroll position
    and the chosen matter stay."""
    ctx = window.ctx
    page = window.ledger_page
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    first = page.model.matter(0)

    def change_elsewhere(content: str) -> None:
        ctx.op(
            None,
            lambda db: services.ledger.update_matter(
                db, None, first.id, content=content, reason="核对后更正"
            ),
        ).run()
        settle(qtbot, ctx)
        assert page.model.index(0, Col.CONTENT).data() == content

    bar = page.table.verticalScrollBar()

    def scroll_down() -> bool:  # scrolling down fetches more pages
        bar.setValue(bar.maximum())
        return page.model.rowCount() >= 3 * page.model.page_size and bar.value() > 0

    # (until three pages are in: the view fetches when it gets round to it,
    # and the first twenty rows barely overflow the table)
    qtbot.waitUntil(scroll_down, timeout=5000)
    loaded, scrolled = page.model.rowCount(), bar.value()
    assert loaded > page.model.page_size and scrolled > 0
    change_elsewhere("别处改的")
    assert page.model.rowCount() >= loaded and bar.value() == scrolled

    page.table.selectRow(loaded - 2)
    chosen = page.model.matter(loaded - 2)
    change_elsewhere("别处又改了")
    current = page.table.currentIndex()
    assert current.isValid() and current.data(Qt.ItemDataRole.UserRole + 50) == chosen.id


def test_month_end_review_note_and_changes_elsewhere(window, qtbot, monkeypatch):
    ctx = window.ctx
    page = window.ledger_page
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    click(qtbot, page.review_button)
    review = page.review
    needs = review.groups["needs_note"]
    n = needs.childCount()
    assert n > 0
    item = needs.child(0)
    m = item.data(0, Qt.ItemDataRole.UserRole + 60)[1]
    review.tree.setCurrentItem(item)

    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("本月已跟进", True))
    click(qtbot, review.note_button)
    settle(qtbot, ctx)
    assert review.groups["needs_note"].childCount() == n - 1
    notes = ctx.read(queries.matters.notes, m.id)
    assert notes[-1].text == "本月已跟进" and notes[-1].date == dt.date.today()

    # closed from the matter page meanwhile: the review follows
    closable = review.groups["closable"]
    c = closable.childCount()
    m2 = closable.child(0).data(0, Qt.ItemDataRole.UserRole + 60)[1]
    ctx.op(None, lambda db: services.ledger.apply_action(db, None, m2.id, "close")).run()
    settle(qtbot, ctx)
    assert review.groups["closable"].childCount() == c - 1
