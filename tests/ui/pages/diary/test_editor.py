"""The diary editor saves through an op: the message names the matters its
items became, refusals land at their field (a raised item's under its row),
and the page and an open entry follow changes made elsewhere."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMainWindow

from tests.ui.helpers import click, exposed, settle, type_chinese
from village_desk.core import queries, services
from village_desk.core.queries.diary import DiaryFilter
from village_desk.core.queries.households import HouseholdFilter
from village_desk.core.queries.matters import MatterFilter
from village_desk.core.services.diary import DiaryInput
from village_desk.ui.pages.diary.drafts import DraftStore
from village_desk.ui.pages.diary.page import DiaryPage
from village_desk.ui.widgets.forms import set_combo_data

SUMMARY_COLUMN = 4


@pytest.fixture
def page(ctx, tmp_path, qtbot):
    """The diary page alone in a window with a status bar, a cadre at the keyboard."""
    ctx.set_operator(ctx.read(queries.reference.cadres)[0].id)
    window = QMainWindow()
    qtbot.addWidget(window)
    diary = DiaryPage(ctx, drafts=DraftStore(tmp_path / "drafts"), page_size=10)
    window.setCentralWidget(diary)
    window.resize(1280, 720)
    window.show()
    exposed(window)
    yield diary  # (the window stays referenced until the test ends)


@pytest.fixture
def household_id(ctx):
    return ctx.read(queries.households.household_page, HouseholdFilter(), 0, 1)[0].id


def texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def matter_number(ctx, household_id, content: str) -> str:
    matters = ctx.read(
        queries.matters.matter_page, MatterFilter(household_id=household_id), 0, 1000
    )
    return next(m.number for m in matters if m.content == content)


def write_elsewhere(ctx, qtbot, fn):
    """A change made by someone else (another page, an import): an op of its own."""
    ctx.op(None, fn).run()
    settle(qtbot, ctx)


def test_saving_names_the_matters_its_items_became(page, ctx, household_id, qtbot):
    status = page.window().statusBar()
    before = page.model.total
    editor = page.new_entry([household_id])
    type_chinese(editor.narrative_edit, "入户了解情况。")
    click(qtbot, editor.add_item_button)
    type_chinese(editor.item_rows[0].text_edit, "门前路灯坏了")
    editor.item_rows[0].set_outcome("matter")
    set_combo_data(editor.item_rows[0].kind_combo, "proposal")

    click(qtbot, editor.save_button)
    settle(qtbot, ctx)

    assert not page.is_editing()
    first = matter_number(ctx, household_id, "门前路灯坏了")
    assert first in status.currentMessage()
    assert page.model.total == before + 1  # the list redrew by itself
    assert page.model.index(0, SUMMARY_COLUMN).data() == "入户了解情况。"

    # Editing it: the item already in the ledger is shown with its number;
    # the message names only the matter made now.
    entry_id = page.model.entry(0).id
    assert page.open_entry(entry_id)
    links = [w.text() for w in editor.findChildren(type(editor.save_button)) if first in w.text()]
    assert links and "门前路灯坏了" in links[0]
    click(qtbot, editor.add_item_button)
    type_chinese(editor.item_rows[0].text_edit, "低保材料不会填")
    editor.item_rows[0].set_outcome("matter")
    set_combo_data(editor.item_rows[0].kind_combo, "hardship")
    click(qtbot, editor.save_button)
    settle(qtbot, ctx)

    assert not page.is_editing()
    second = matter_number(ctx, household_id, "低保材料不会填")
    assert second in status.currentMessage() and first not in status.currentMessage()
    assert page.model.total == before + 1
    items = ctx.read(queries.diary.entry_items, entry_id)
    assert [i.text for i in items] == ["门前路灯坏了", "低保材料不会填"]


def test_refusals_land_at_their_fields(page, ctx, household_id, qtbot):
    before = page.model.total
    editor = page.new_entry()
    set_combo_data(editor.mode_combo, "home_visit")
    type_chinese(editor.narrative_edit, "走访。")
    for text in ("咨询医保", ""):  # the second raised item says nothing
        click(qtbot, editor.add_item_button)
        if text:
            type_chinese(editor.item_rows[-1].text_edit, text)

    # No household for a home visit: at the household field.
    click(qtbot, editor.save_button)
    settle(qtbot, ctx)
    assert page.is_editing()
    households = editor.errors.label_for("diary.household_ids")
    assert households.isVisible() and "至少选择一户" in households.text()

    # With a household, the empty item is refused under its own row.
    editor.picker.add(household_id)
    click(qtbot, editor.save_button)
    settle(qtbot, ctx)
    first, second = editor.item_rows
    assert not households.isVisible()
    assert second.error.isVisible() and second.error.text() == "必须填写"
    assert "border" in second.text_edit.styleSheet()
    assert not first.error.isVisible() and first.text_edit.styleSheet() == ""
    assert page.is_editing() and page.model.total == before

    type_chinese(second.text_edit, "路面坑洼")
    click(qtbot, editor.save_button)
    settle(qtbot, ctx)
    assert not page.is_editing() and page.model.total == before + 1


def test_an_item_turned_into_a_matter_needs_its_category(page, ctx, household_id, qtbot):
    """转入台账 without a category is refused under that item's row; choosing
    one takes the message away, and the matter is registered with it."""
    before = ctx.read(queries.matters.matter_count, MatterFilter())
    editor = page.new_entry([household_id])
    type_chinese(editor.narrative_edit, "入户走访。")
    click(qtbot, editor.add_item_button)
    row = editor.item_rows[0]
    type_chinese(row.text_edit, "村道塌方需要修复")
    row.set_outcome("matter")
    qtbot.waitUntil(row.kind_combo.isVisible)
    assert row.kind_combo.currentData() == ""

    click(qtbot, editor.save_button)
    settle(qtbot, ctx)
    assert page.is_editing()
    assert row.error.isVisible() and row.error.text() == "请选择事项类别"
    assert "border" in row.kind_combo.styleSheet()
    assert ctx.read(queries.matters.matter_count, MatterFilter()) == before

    row.kind_combo.setCurrentIndex(row.kind_combo.findText("发展建议"))
    assert not row.error.isVisible() and row.kind_combo.styleSheet() == ""
    click(qtbot, editor.save_button)
    settle(qtbot, ctx)
    assert not page.is_editing()
    number = matter_number(ctx, household_id, "村道塌方需要修复")
    assert number in page.window().statusBar().currentMessage()
    matters = ctx.read(queries.matters.matter_page, MatterFilter(household_id=household_id), 0, 99)
    assert next(m.kind for m in matters if m.number == number) == "proposal"


def test_ctrl_s_twice_saves_once(page, ctx, household_id, qtbot):
    editor = page.new_entry([household_id])
    type_chinese(editor.narrative_edit, "只保存一次。")
    editor.save()  # what Ctrl+S does …
    editor.save()  # … pressed again before the first save has come back
    settle(qtbot, ctx)
    rows = ctx.read(queries.diary.diary_page, DiaryFilter(household_id=household_id))
    assert [r.summary for r in rows].count("只保存一次。") == 1


def test_the_list_shows_entries_written_elsewhere(page, ctx, household_id, qtbot):
    before = page.model.total
    author = ctx.operator_id
    data = DiaryInput(
        date=dt.date.today(),
        mode="home_visit",
        author_id=author,
        household_ids=[household_id],
        narrative="别处写的日记。",
    )
    write_elsewhere(ctx, qtbot, lambda db: services.diary.write_entry(db, author, data))
    assert page.model.total == before + 1
    assert str(before + 1) in page.count_label.text()
    assert page.model.index(0, SUMMARY_COLUMN).data() == "别处写的日记。"


def test_an_open_entry_shows_changes_made_elsewhere(page, ctx, qtbot):
    entry_id = page.model.entry(0).id
    assert page.open_entry(entry_id)
    editor = page.editor

    def change(narrative: str):
        data = editor.value()
        data.narrative = narrative
        data.items = []
        return lambda db: services.diary.update_entry(db, None, entry_id, data)

    # Unchanged here: it shows what was saved elsewhere, and is no draft.
    write_elsewhere(ctx, qtbot, change("另一台电脑补写的经过。"))
    assert editor.narrative_edit.toPlainText() == "另一台电脑补写的经过。"
    assert not editor.discard_button.isVisible()

    # Being changed here: what is typed stays.
    editor.help_edit.clear()
    type_chinese(editor.help_edit, "本机正在写")
    write_elsewhere(ctx, qtbot, change("又改了一次。"))
    assert editor.help_edit.toPlainText() == "本机正在写"
    assert editor.narrative_edit.toPlainText() == "另一台电脑补写的经过。"
    assert page.is_editing()


def test_an_open_entry_deleted_elsewhere_closes(page, ctx, qtbot):
    entry_id = page.model.entry(0).id
    assert page.open_entry(entry_id)
    write_elsewhere(ctx, qtbot, lambda db: services.diary.delete_entry(db, None, entry_id))
    assert not page.is_editing()
    assert page.model.row_of(entry_id) == -1
    assert page.drafts.list() == []


def test_choices_follow_the_settings_and_keep_what_is_chosen(page, ctx, qtbot):
    editor = page.new_entry()
    editor.mode_combo.setCurrentIndex(1)
    chosen = editor.mode_combo.currentText()
    type_chinese(editor.narrative_edit, "写了一半。")
    write_elsewhere(
        ctx,
        qtbot,
        lambda db: services.setup.add_vocab_term(db, None, "visit_mode", "视频走访"),
    )
    assert "视频走访" in texts(editor.mode_combo)
    assert editor.mode_combo.currentText() == chosen
    assert editor.narrative_edit.toPlainText() == "写了一半。"
    assert "视频走访" in texts(page.mode_combo)


def test_the_diary_printout_is_offered_for_the_cadre_at_the_keyboard(page, ctx, qtbot):
    cadres = ctx.read(queries.reference.cadres)
    dialog = page.diary_print_dialog()
    qtbot.addWidget(dialog)
    assert dialog.cadre_combo.currentData() == str(ctx.operator_id)
    # another cadre takes the keyboard: the next printout is theirs
    ctx.set_operator(cadres[1].id)
    dialog = page.diary_print_dialog()
    qtbot.addWidget(dialog)
    assert dialog.cadre_combo.currentText() == cadres[1].name
