"""Settings changes reach pages and editors that are already built: no restart
for a new visit mode, a renamed matter kind, a retired term or a new cadre."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from tests.ui.helpers import click, on_modal, raise_problems, settle, type_chinese
from village_desk.core.queries.diary import DiaryFilter
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.ledger.model import Col


def texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def choose_term(page, kind: str, label: str) -> None:
    page.tabs.setCurrentIndex(3)
    page.vocab_kind.setCurrentIndex(page.vocab_kind.findData(kind))
    row = next(i for i in range(page.vocab_list.count()) if page.vocab_list.item(i).text() == label)
    page.vocab_list.setCurrentRow(row)


def answer_name(qtbot, problems, name: str) -> None:
    def fill(dialog):
        edit = dialog.findChild(QLineEdit)
        edit.clear()
        type_chinese(edit, name)
        dialog.accept()

    on_modal(qtbot, fill, problems)


def test_settings_changes_reach_open_pages_and_the_diary_editor(window, demo_db, qtbot):
    problems: list = []
    # A half-written diary entry is open, with a raised item turned into a matter.
    window.nav.setCurrentRow(MainWindow.PAGE_DIARY)
    editor = window.diary_page.new_entry()
    editor.mode_combo.setCurrentIndex(editor.mode_combo.findText("院坝说事会"))
    type_chinese(editor.narrative_edit, "讨论修路。")
    row = editor.add_item()
    type_chinese(row.text_edit, "路面坑洼")
    row.set_outcome("matter")
    row.kind_combo.setCurrentIndex(row.kind_combo.findText("实际困难"))
    # The ledger list is filtered by that kind.
    ledger = window.ledger_page
    ledger.kind_combo.setCurrentIndex(ledger.kind_combo.findText("实际困难"))
    filtered = ledger.model.total
    assert filtered > 0
    # The households list is built, as is its cadre filter.
    households = window.households_page
    assert "新干部" not in texts(households.cadre_combo)

    window.nav.setCurrentRow(MainWindow.PAGE_SETTINGS)
    page = window.settings_page
    # a new visit mode
    choose_term(page, "visit_mode", "入户走访")
    answer_name(qtbot, problems, "微信走访")
    click(qtbot, page.vocab_add)
    raise_problems(problems)
    # a retired one
    choose_term(page, "visit_mode", "电话联系")
    click(qtbot, page.vocab_retire)
    # a renamed matter kind
    choose_term(page, "matter_kind", "实际困难")
    answer_name(qtbot, problems, "群众困难")
    click(qtbot, page.vocab_rename)
    raise_problems(problems)
    # a new cadre
    page.tabs.setCurrentIndex(2)

    def add_cadre(dialog):
        type_chinese(dialog.name_edit, "新干部")
        click(
            qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        )

    on_modal(qtbot, add_cadre, problems)
    click(qtbot, page.cadre_add)
    raise_problems(problems)
    settle(qtbot, window.ctx)

    # The open editor offers the new choices and kept what was written.
    window.nav.setCurrentRow(MainWindow.PAGE_DIARY)
    assert window.diary_page.is_editing()
    assert "微信走访" in texts(editor.mode_combo)
    assert "电话联系" not in texts(editor.mode_combo)
    assert editor.mode_combo.currentText() == "院坝说事会"
    assert "新干部" in texts(editor.author_combo)
    assert "新干部" in [
        editor.companions.list.item(i).text() for i in range(editor.companions.list.count())
    ]
    assert editor.narrative_edit.toPlainText() == "讨论修路。"
    assert row.kind_combo.currentText() == "群众困难"
    assert row.text_edit.text() == "路面坑洼"
    # The diary list's filters too (a retired mode still filters old entries).
    modes = texts(window.diary_page.mode_combo)
    assert "微信走访" in modes and "电话联系" in modes
    assert "新干部" in texts(window.diary_page.cadre_combo)

    # The ledger keeps its filter, under the new name, and shows the new name.
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    assert ledger.kind_combo.currentText() == "群众困难"
    assert ledger.model.total == filtered
    assert ledger.model.index(0, Col.KIND).data() == "群众困难"
    assert "新干部" in texts(ledger.cadre_combo)
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    assert "新干部" in texts(households.cadre_combo)

    # A new entry no longer offers the retired mode; an old one keeps it.
    window.nav.setCurrentRow(MainWindow.PAGE_DIARY)
    editor.close_editor()
    diary = window.diary_page
    diary.mode_combo.setCurrentIndex(diary.mode_combo.findText("电话联系"))
    assert diary.current_filter() == DiaryFilter(mode="phone")
    assert diary.model.total > 0
    diary.table.selectRow(0)
    diary.open_selected()
    assert editor.mode_combo.currentText() == "电话联系"
    editor.close_editor()
    diary.new_entry()
    assert "电话联系" not in texts(editor.mode_combo)
