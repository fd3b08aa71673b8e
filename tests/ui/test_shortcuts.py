"""The keyboard walk: Ctrl+F from every page, Ctrl+N in context, Ctrl+S in
editors and dialogs, Esc closing dialogs and editors (the draft is kept)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import activate, on_modal, raise_problems, settle, type_chinese
from village_desk.core import queries
from village_desk.core.queries.diary import DiaryFilter, diary_count
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.households.forms import HouseholdDialog
from village_desk.ui.pages.ledger.matter import MatterDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot, widget, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard focus is (as a user types)."""
    qtbot.keyClick(widget, k, modifier)


def focused(qtbot, dialog):
    """Where the keyboard focus is in a dialog that was just opened (shortcuts
    go to the active window)."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog.focusWidget() or dialog


def test_ctrl_f_reaches_the_quick_search_from_every_page(window, qtbot):
    activate(window, qtbot)
    inside = {
        MainWindow.PAGE_HOUSEHOLDS: window.households_page.table,
        MainWindow.PAGE_DIARY: window.diary_page.household_edit,
        MainWindow.PAGE_LEDGER: window.ledger_page.table,
        MainWindow.PAGE_SETTINGS: window.settings_page.tabs,
    }
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        start = inside.get(row, window.nav)
        start.setFocus()
        qtbot.waitUntil(start.hasFocus)
        key(qtbot, start, Qt.Key.Key_F, CTRL)
        assert window.search_edit.hasFocus(), window.nav.item(row).text()
    # also from inside the diary editor's text
    window.nav.setCurrentRow(MainWindow.PAGE_DIARY)
    editor = window.diary_page.new_entry()
    editor.narrative_edit.setFocus()
    qtbot.waitUntil(editor.narrative_edit.hasFocus)
    key(qtbot, editor.narrative_edit, Qt.Key.Key_F, CTRL)
    assert window.search_edit.hasFocus()
    assert editor.narrative_edit.toPlainText() == ""  # no stray "f" typed


def test_ctrl_n_ctrl_s_and_esc_walk(window, demo_db, qtbot):
    problems: list = []
    activate(window, qtbot)
    with demo_db.reading() as s:
        households_before = queries.households.household_count(s)
        matters_before = queries.matters.matter_count(s, queries.matters.MatterFilter())

    # 户情: Ctrl+N opens a new household; Esc closes it without saving.
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    seen = []

    def escape(dialog):
        seen.append(type(dialog))
        key(qtbot, focused(qtbot, dialog), Qt.Key.Key_Escape)

    on_modal(qtbot, escape, problems)
    key(qtbot, window.households_page.table, Qt.Key.Key_N, CTRL)
    raise_problems(problems)
    assert seen == [HouseholdDialog]
    with demo_db.reading() as s:
        assert queries.households.household_count(s) == households_before

    # … and Ctrl+S in the dialog saves it.
    def fill_and_save(dialog):
        qtbot.keyClicks(dialog.number_edit, "K-0001")
        type_chinese(dialog.head_form.name_edit, "王快键")
        key(qtbot, focused(qtbot, dialog), Qt.Key.Key_S, CTRL)
        settle(qtbot, window.ctx)  # the save runs on the writer thread
        assert dialog.result() == dialog.DialogCode.Accepted, dialog.visible_errors()

    activate(window, qtbot)
    on_modal(qtbot, fill_and_save, problems)
    key(qtbot, window.households_page.table, Qt.Key.Key_N, CTRL)
    raise_problems(problems)
    page = window.households_page
    assert page.is_showing_detail() and "K-0001" in page.detail.title.text()
    with demo_db.reading() as s:
        assert queries.households.household_count(s) == households_before + 1
    household_id = page.detail.household_id

    # Esc on the household page goes back to the list.
    activate(window, qtbot)
    key(qtbot, page.detail.tabs, Qt.Key.Key_Escape)
    assert not page.is_showing_detail()

    # 民情台账: Ctrl+N registers a matter; Ctrl+S with nothing written is refused
    # in the form; Esc closes it.
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    seen.clear()

    def refuse_then_escape(dialog):
        seen.append(type(dialog))
        key(qtbot, focused(qtbot, dialog), Qt.Key.Key_S, CTRL)
        settle(qtbot, window.ctx)  # the refusal comes back from the writer thread
        assert dialog.isVisible()
        assert "必须填写" in dialog.errors.visible_messages()  # next to the empty field
        key(qtbot, focused(qtbot, dialog), Qt.Key.Key_Escape)

    on_modal(qtbot, refuse_then_escape, problems)
    key(qtbot, window.ledger_page.table, Qt.Key.Key_N, CTRL)
    raise_problems(problems)
    assert seen == [MatterDialog]
    with demo_db.reading() as s:
        assert queries.matters.matter_count(s, queries.matters.MatterFilter()) == matters_before

    # 民情日记: Ctrl+N starts an entry; Esc keeps it as a draft; Ctrl+S saves.
    window.nav.setCurrentRow(MainWindow.PAGE_DIARY)
    diary = window.diary_page
    activate(window, qtbot)
    key(qtbot, diary.table, Qt.Key.Key_N, CTRL)
    assert diary.is_editing()
    editor = diary.editor
    editor.picker.add(household_id)
    type_chinese(editor.narrative_edit, "快捷键测试走访。")
    key(qtbot, editor.narrative_edit, Qt.Key.Key_Escape)
    assert not diary.is_editing()
    assert diary.drafts_list.count() == 1 and "王快键" in diary.drafts_list.item(0).text()
    diary.resume_selected_draft()
    assert editor.narrative_edit.toPlainText() == "快捷键测试走访。"
    key(qtbot, editor.narrative_edit, Qt.Key.Key_S, CTRL)
    settle(qtbot, window.ctx)
    assert not diary.is_editing()
    assert diary.drafts_list.count() == 0
    with demo_db.reading() as s:
        assert diary_count(s, DiaryFilter(household_id=household_id)) == 1

    # 设置: Ctrl+S saves the tab on screen.
    window.nav.setCurrentRow(MainWindow.PAGE_SETTINGS)
    settings = window.settings_page
    settings.tabs.setCurrentIndex(0)
    township = settings.profile_edits["township"]
    township.clear()
    type_chinese(township, "快键镇")
    key(qtbot, township, Qt.Key.Key_S, CTRL)
    settle(qtbot, window.ctx)
    with demo_db.reading() as s:
        assert queries.reference.profile(s).township == "快键镇"

    # On the work bench Ctrl+N writes a diary entry (the most common new thing).
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    key(qtbot, window.nav, Qt.Key.Key_N, CTRL)
    assert window.stack.currentWidget() is diary and diary.is_editing()
    key(qtbot, editor.picker.edit, Qt.Key.Key_Escape)
    assert not diary.is_editing()


def test_ctrl_n_on_commitments_meetings_and_six_ones(window, qtbot):
    """公开承诺 and 会议记录 open their own new-record form on Ctrl+N (not a
    diary entry), and 考核 → 六个一 its 登记活动; each button says so."""
    from village_desk.ui.pages.commitments.dialogs import CommitmentDialog
    from village_desk.ui.pages.meetings.dialogs import MeetingDialog
    from village_desk.ui.pages.six_ones.dialogs import ActivityDialog

    problems: list = []
    seen: list = []

    def close(dialog):
        seen.append(type(dialog))
        key(qtbot, focused(qtbot, dialog), Qt.Key.Key_Escape)

    for row, page, dialog_type in (
        (MainWindow.PAGE_COMMITMENTS, lambda: window.commitments_page, CommitmentDialog),
        (MainWindow.PAGE_MEETINGS, lambda: window.meetings_page, MeetingDialog),
        (MainWindow.PAGE_ASSESSMENT, lambda: window.assessment_page.six_ones, ActivityDialog),
    ):
        window.nav.setCurrentRow(row)
        if row == MainWindow.PAGE_ASSESSMENT:
            window.assessment_page.show_six_ones()
        target = page()
        assert "Ctrl+N" in target.new_button.toolTip()
        activate(window, qtbot)
        seen.clear()
        on_modal(qtbot, close, problems)
        key(qtbot, target.new_button, Qt.Key.Key_N, CTRL)
        raise_problems(problems)
        assert seen == [dialog_type]
        assert not window.diary_page.is_editing()  # no diary entry started instead
