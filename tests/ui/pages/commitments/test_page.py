"""公开承诺 page: a cadre's commitment is entered, refused while its measures
are missing (the message under the field), progress is noted, the year-end
review makes the keeping rate 100 %, and the 公示 sheet opens in the preview."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ui.helpers import click, exposed, settle, type_chinese
from tests.ui.printing.test_printing import close_preview, open_preview
from village_desk.core import queries
from village_desk.ui.pages.commitments.dialogs import (
    CommitmentDialog,
    ProgressDialog,
    ReviewDialog,
)
from village_desk.ui.pages.commitments.page import CommitmentsPage

YEAR = dt.date.today().year


@pytest.fixture
def ctx(db, village, settings):
    from village_desk.ui.context import AppContext

    context = AppContext(db, settings, operator_id=village["secretary"])
    yield context
    context.close()


@pytest.fixture
def page(ctx, qtbot):
    page = CommitmentsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    exposed(page)
    return page


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_enter_note_progress_review_and_print(page, ctx, qtbot, modal):
    assert page.table.rowCount() == 0 and page.year == YEAR

    def first_without_measures(dialog: CommitmentDialog) -> None:
        i = next(
            i
            for i in range(dialog.committer_combo.count())
            if dialog.committer_combo.itemText(i).startswith("王建国")
        )
        dialog.committer_combo.setCurrentIndex(i)
        type_chinese(dialog.content_edit, "硬化三组通组公路1.2公里")
        type_chinese(dialog.target_edit, "年底前全线通车")
        click(qtbot, dialog.save_button)
        settle(qtbot, ctx)
        # refused: the message stands under the measures, the dialog stays open
        assert dialog.isVisible()
        assert dialog.errors.label_for("commitment.measures").text() == "服务承诺须写明采取的措施"
        assert not dialog.errors.label_for("commitment.measures").isHidden()
        type_chinese(dialog.measures_edit, "争取一事一议资金，组织群众投工投劳")
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with modal.expect(first_without_measures, CommitmentDialog):
        click(qtbot, page.new_button)
    settle(qtbot, ctx)
    assert page.table.rowCount() == 1
    row = cells(page.table, 0)
    assert row[0] == "王建国" and row[1] == "村党组织书记" and row[2] == "服务承诺"
    assert row[3] == "硬化三组通组公路1.2公里" and row[4] == f"{YEAR}-12-31"
    assert row[5] == "践诺中"

    page.table.selectRow(0)

    def progress(dialog: ProgressDialog) -> None:
        type_chinese(dialog.text_edit, "路基已完成0.8公里")
        click(qtbot, dialog.save_button)

    with modal.expect(progress, ProgressDialog):
        click(qtbot, page.progress_button)
    settle(qtbot, ctx)
    assert "路基已完成0.8公里" in cells(page.table, 0)[5]
    assert "路基已完成0.8公里" in page.detail_label.text()
    assert cells(page.rates, 0)[2:] == ["1", "0", "0", "0", "1", "0.0%"]

    def review(dialog: ReviewDialog) -> None:
        dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData("kept"))
        type_chinese(dialog.text_edit, "全线1.2公里已通车")
        click(qtbot, dialog.save_button)

    page.table.selectRow(0)
    with modal.expect(review, ReviewDialog):
        click(qtbot, page.review_button)
    settle(qtbot, ctx)
    assert cells(page.table, 0)[5] == "已践诺：全线1.2公里已通车"
    assert cells(page.rates, 0) == ["王建国", "村党组织书记", "1", "1", "0", "0", "0", "100.0%"]
    page.table.selectRow(0)
    assert not page.progress_button.isEnabled()  # reviewed: no more progress
    stored = ctx.read(queries.commitments.commitments, YEAR)
    assert [(c.outcome, [n.text for n in c.notes]) for c in stored] == [
        ("kept", ["路基已完成0.8公里"])
    ]

    page.print_notice()
    dialog = open_preview(qtbot, page.last_print)
    assert dialog.page_count() == 1
    close_preview(qtbot, dialog)


def test_a_reviewed_promise_stays_as_promised_and_a_mistake_is_deleted(
    page, ctx, db, village, qtbot, modal
):
    from PySide6.QtWidgets import QMessageBox

    from village_desk.core import services
    from village_desk.core.services.commitments import CommitmentInput

    wang = village["secretary"]
    for content in ("为两户五保户修缮住房", "录错的一条"):
        cid = services.commitments.add_commitment(
            db, wang, CommitmentInput(year=YEAR, cadre_id=wang, kind="one_line", content=content)
        )
    services.commitments.review_commitment(db, wang, cid, "kept", "误评")
    settle(qtbot, ctx)
    rows = [cells(page.table, r)[3] for r in range(page.table.rowCount())]
    assert rows == ["为两户五保户修缮住房", "录错的一条"]

    page.table.selectRow(1)

    def correct(dialog: CommitmentDialog) -> None:
        dialog.content_edit.setPlainText("")
        type_chinese(dialog.content_edit, "改过的内容")
        click(qtbot, dialog.save_button)
        settle(qtbot, ctx)
        # refused, said in the form: the promise was already reviewed
        assert dialog.isVisible()
        assert "已评定为“已践诺”，承诺的内容不能再修改" in dialog.errors.general.text()
        dialog.mark_clean()
        dialog.reject()

    with modal.expect(correct, CommitmentDialog):
        click(qtbot, page.edit_button)

    def yes(box: QMessageBox) -> None:
        assert "录错的一条" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    page.table.selectRow(1)
    with modal.expect(yes, QMessageBox):
        click(qtbot, page.delete_button)
    settle(qtbot, ctx)
    assert [cells(page.table, r)[3] for r in range(page.table.rowCount())] == [
        "为两户五保户修缮住房"
    ]
    assert [r.total for r in ctx.read(queries.commitments.keeping_rates, YEAR)] == [1]
