"""The pages beyond the main flow: delete with undo, filters, dashboard links,
drafts after a crash, month-end review, settings, operator, statistics."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.helpers import click, on_modal, raise_problems, settle, type_chinese
from village_desk.core import queries, services
from village_desk.core.queries.households import HouseholdFilter
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui.context import AppContext
from village_desk.ui.main_window import MainWindow
from village_desk.ui.operator import OperatorDialog, remembered_operator
from village_desk.ui.pages.diary.drafts import DraftStore
from village_desk.ui.pages.diary.page import DiaryPage
from village_desk.ui.pages.ledger.model import OVERDUE_COLOR, Col


def scroll_to_end(qtbot, table):
    model = table.model()

    def at_end():
        bar = table.verticalScrollBar()
        bar.setValue(bar.maximum())
        return not model.canFetchMore()

    qtbot.waitUntil(at_end, timeout=5000)


def test_deleting_a_household_asks_first_and_can_be_undone(window, demo_db, qtbot):
    problems: list = []
    page = window.households_page
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    row = page.model.household(0)
    page.open_household(row.id)

    def answer(no_or_yes):
        def fn(box):
            assert isinstance(box, QMessageBox)
            assert row.number in box.text()
            click(qtbot, box.button(no_or_yes))

        return fn

    on_modal(qtbot, answer(QMessageBox.StandardButton.No), problems)
    click(qtbot, page.detail.delete_button)
    raise_problems(problems)
    assert page.is_showing_detail()  # "No" changes nothing
    with demo_db.reading() as s:
        assert queries.households.household_count(s) == 40

    on_modal(qtbot, answer(QMessageBox.StandardButton.Yes), problems)
    click(qtbot, page.detail.delete_button)
    raise_problems(problems)
    settle(qtbot, window.ctx)
    assert not page.is_showing_detail()
    assert page.model.total == 39
    assert page.count_label.text() == "共 39 户"
    assert page.undo_bar.isVisible() and row.number in page.undo_label.text()

    click(qtbot, page.undo_button)
    assert not page.undo_bar.isVisible()
    settle(qtbot, window.ctx)
    assert page.model.total == 40
    assert page.count_label.text() == "共 40 户"
    assert page.selected_household_id() == row.id


def test_cadre_and_overdue_filters(window, demo_db, qtbot):
    page = window.households_page
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    with demo_db.reading() as s:
        cadre = queries.reference.cadres(s)[0]
        paired = queries.households.household_count(s, HouseholdFilter(cadre_id=cadre.id))
        overdue = queries.households.household_count(s, HouseholdFilter(has_overdue=True))
    page.cadre_combo.setCurrentIndex(page.cadre_combo.findText(cadre.name))
    scroll_to_end(qtbot, page.table)
    assert page.model.rowCount() == paired > 0
    assert all(cadre.name in page.model.household(r).cadres for r in range(page.model.rowCount()))
    click(qtbot, page.clear_button)
    click(qtbot, page.overdue_check)
    assert page.model.total == overdue > 0
    assert page.count_label.text() == f"符合条件 {overdue} 户"


def test_dashboard_numbers_open_the_filtered_lists(window, demo_db, qtbot):
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    with demo_db.reading() as s:
        d = queries.stats.dashboard(s)
    tile = window.dashboard_page.tiles["overdue"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.ledger_page
    ledger_page = window.ledger_page
    assert ledger_page.overdue_check.isChecked()
    assert ledger_page.model.total == d.overdue > 0
    model = ledger_page.model
    status = model.index(0, Col.STATUS)
    assert "逾期" in status.data()
    assert model.index(0, Col.NUMBER).data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOR

    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    qtbot.mouseClick(window.dashboard_page.tiles["awaiting"], Qt.MouseButton.LeftButton)
    # the list says what the tile said: 已办结待回访, not just 已办结
    assert ledger_page.status_combo.currentText() == "已办结待回访"
    assert ledger_page.status_combo.currentText() == window.dashboard_page.awaiting.caption.text()
    assert not ledger_page.overdue_check.isChecked()
    assert ledger_page.model.total == d.awaiting_return_visit
    assert {ledger_page.model.matter(r).status for r in range(ledger_page.model.rowCount())} == {
        "done"
    }

    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    qtbot.mouseClick(window.dashboard_page.tiles["never"], Qt.MouseButton.LeftButton)
    page = window.households_page
    assert window.stack.currentWidget() is page
    # 从未走访的户, not 「超过 3650 天未走访」
    assert page.never_check.isChecked() and page.never_check.text() == "从未走访的户"
    assert page.never_check.text() == window.dashboard_page.never.caption.text()
    assert not page.not_visited_check.isChecked()
    assert page.model.total == d.never_visited

    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    qtbot.mouseClick(window.dashboard_page.tiles["long_unvisited"], Qt.MouseButton.LeftButton)
    page = window.households_page
    assert window.stack.currentWidget() is page
    assert page.not_visited_check.isChecked()
    assert page.not_visited_spin.value() == d.long_unvisited_days
    assert page.model.total == d.long_unvisited


def test_due_soon_matters_are_highlighted(window, demo_db):
    with demo_db.reading() as s:
        soon = queries.matters.matter_count(s, MatterFilter(due_within_days=3))
    assert soon > 0
    window.ledger_page.show_filter(due_soon=True)
    model = window.ledger_page.model
    assert model.total == soon
    deadline = model.index(0, Col.DEADLINE)
    assert deadline.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "天内到期" in deadline.data(Qt.ItemDataRole.ToolTipRole)


def test_a_draft_survives_a_crash(demo_db, tmp_path, qtbot):
    """Autosave writes the draft without closing anything; a new window finds it."""
    store = DraftStore(tmp_path / "drafts")
    page = DiaryPage(AppContext(demo_db), drafts=store, page_size=10)
    qtbot.addWidget(page)
    page.show()
    editor = page.new_entry()
    type_chinese(editor.narrative_edit, "写到一半，电脑没电了")
    qtbot.waitUntil(lambda: bool(store.list()), timeout=3000)  # autosaved
    assert "草稿已自动保存" in editor.draft_label.text()
    # "crash": the page is never closed; a fresh page over the same folder
    again = DiaryPage(AppContext(demo_db), drafts=DraftStore(tmp_path / "drafts"), page_size=10)
    qtbot.addWidget(again)
    again.show()
    assert again.drafts_box.isVisible() and again.drafts_list.count() == 1
    click(qtbot, again.resume_button)
    assert again.editor.narrative_edit.toPlainText() == "写到一半，电脑没电了"


def test_month_end_review_offers_closing_only_where_legal(window, demo_db, qtbot):
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    click(qtbot, window.ledger_page.review_button)
    review = window.ledger_page.review
    today = dt.date.today()
    with demo_db.reading() as s:
        expected = queries.matters.month_end_review(s, today.year, today.month)
    closable = review.groups["closable"]
    assert closable.childCount() == len(expected.closable) > 0
    assert review.groups["needs_note"].childCount() == len(expected.needs_progress_note)
    review.tree.setCurrentItem(closable.child(0))
    assert review.close_button.isEnabled() and not review.feedback_button.isEnabled()
    awaiting = review.groups["awaiting"]
    assert awaiting.childCount() == len(expected.awaiting_return_visit) > 0
    review.tree.setCurrentItem(awaiting.child(0))
    assert review.feedback_button.isEnabled() and not review.close_button.isEnabled()
    review.tree.setCurrentItem(closable.child(0))
    matter = closable.child(0).data(0, Qt.ItemDataRole.UserRole + 60)[1]
    click(qtbot, review.close_button)
    settle(qtbot, window.ctx)
    assert review.groups["closable"].childCount() == len(expected.closable) - 1
    with demo_db.reading() as s:
        from village_desk.core.storage.models import Matter

        assert s.get(Matter, matter.id).status == "closed"


def test_service_refusal_is_shown_not_a_traceback(window, demo_db, qtbot):
    """A matter changed while its dialog was open: the stale action is refused
    with a message, and the matter page shows what happened meanwhile."""
    problems: list = []
    with demo_db.reading() as s:
        m = queries.matters.matter_page(s, MatterFilter(statuses=("registered",)))[0]
    window.open_matter(m.id)
    view = window.ledger_page.detail

    def press_ok(dialog):
        from PySide6.QtWidgets import QDialogButtonBox

        services.ledger.apply_action(demo_db, None, m.id, "start")  # another cadre got there first
        box = dialog.findChild(QDialogButtonBox)
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))
        qtbot.waitUntil(lambda: bool(dialog.errors.visible_messages()))
        messages = dialog.errors.visible_messages()
        assert messages and "不能" in messages[0] and "Traceback" not in messages[0]
        assert dialog.isVisible()
        dialog.reject()

    on_modal(qtbot, press_ok, problems)
    click(qtbot, view.action_buttons["start"])
    raise_problems(problems)
    settle(qtbot, window.ctx)
    assert view.status_label.text() == "办理中" and "start" not in view.legal_actions()


def test_settings_group_and_large_font(window, demo_db, qtbot):
    problems: list = []
    page = window.settings_page
    window.nav.setCurrentRow(MainWindow.PAGE_SETTINGS)

    def name_group(dialog):
        from PySide6.QtWidgets import QLineEdit

        type_chinese(dialog.findChild(QLineEdit), "十一组")
        dialog.accept()

    on_modal(qtbot, name_group, problems)
    page.tabs.setCurrentIndex(1)
    click(qtbot, page.group_add)
    raise_problems(problems)
    settle(qtbot, window.ctx)
    assert "十一组" in [page.groups_list.item(i).text() for i in range(page.groups_list.count())]
    assert window.households_page.group_combo.findText("十一组") > 0

    app = QApplication.instance()
    size = app.font().pointSizeF()
    page.tabs.setCurrentWidget(page.display_tab)
    click(qtbot, page.large_font_check)
    assert app.font().pointSizeF() > size
    assert page.prefs.value("ui/large_font") in (True, "true")
    click(qtbot, page.large_font_check)
    assert app.font().pointSizeF() == size


def test_retiring_a_category_keeps_old_records(window, demo_db, qtbot):
    page = window.settings_page
    window.nav.setCurrentRow(MainWindow.PAGE_SETTINGS)
    page.tabs.setCurrentIndex(3)
    page.vocab_kind.setCurrentIndex(page.vocab_kind.findData("household_category"))
    row = next(
        i for i in range(page.vocab_list.count()) if page.vocab_list.item(i).text() == "低保户"
    )
    page.vocab_list.setCurrentRow(row)
    click(qtbot, page.vocab_retire)
    settle(qtbot, window.ctx)
    assert page.vocab_list.item(row).text() == "低保户（已停用）"
    with demo_db.reading() as s:
        assert "dibao" not in [
            t.code for t in queries.reference.vocabulary(s, "household_category")
        ]
        assert queries.reference.labels(s, "household_category")["dibao"] == "低保户"

    # A 低保户 household keeps it: shown on its page, checked when editing, kept on saving.
    problems: list = []
    ctx = window.ctx
    hid = ctx.read(queries.households.household_page, HouseholdFilter(category="dibao"), 0, 1)[0].id
    window.open_household(hid)
    detail = window.households_page.detail
    assert "低保户" in detail.info["categories"].text()

    def edit(dialog):
        assert dialog.categories.boxes["dibao"].isChecked()
        assert dialog.categories.boxes["dibao"].text() == "低保户"
        type_chinese(dialog.notes_edit, "已核对")
        click(qtbot, dialog.save_button)

    on_modal(qtbot, edit, problems)
    click(qtbot, detail.edit_button)
    raise_problems(problems)
    settle(qtbot, ctx)
    household = ctx.read(queries.households.household, hid)
    assert household.notes.endswith("已核对") and "dibao" in household.categories
    assert "低保户" in detail.info["categories"].text()
    assert detail.info["notes"].text() == household.notes


def test_operator_choice_is_remembered(demo_db, tmp_path, qtbot):
    prefs = QSettings(str(tmp_path / "op.ini"), QSettings.Format.IniFormat)
    dialog = OperatorDialog(demo_db, prefs)
    qtbot.addWidget(dialog)
    dialog.combo.setCurrentIndex(2)
    chosen = uuid.UUID(dialog.combo.currentData())
    dialog.accept()
    assert remembered_operator(demo_db, prefs) == chosen
    again = OperatorDialog(demo_db, prefs)
    qtbot.addWidget(again)
    assert again.selected() == chosen  # preselected: Enter is enough


def test_statistics_match_the_queries(window, demo_db, qtbot):
    window.nav.setCurrentRow(MainWindow.PAGE_STATS)
    page = window.stats_page
    settle(qtbot, window.ctx)  # counted on a reader thread
    assert len(page.views) == 5  # four on 走访与事项, the 践诺率 chart on its own tab
    with demo_db.reading() as s:
        closed = queries.matters.matter_count(s, MatterFilter(statuses=("closed",)))
    assert ("已销号", closed) in page.data["by_status"]
    assert len(page.data["visits"]) == 12
    assert sum(n for _, n in page.data["visits"]) > 0
