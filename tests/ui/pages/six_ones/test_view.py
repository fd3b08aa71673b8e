"""六个一: a cadre's checklist fills in as the year's records arrive — a
diary entry ticks 记录一本民情日记, a 宣讲活动 recorded in the form ticks
开展一次宣讲活动 for every cadre ticked on it; a form without the cadres
who did it is refused at that list and writes nothing; a deleted activity
no longer counts."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from tests.ui.helpers import click, exposed, settle, type_chinese
from village_desk.core import services
from village_desk.core.storage.models import Activity
from village_desk.ui.pages.six_ones.dialogs import ActivityDialog
from village_desk.ui.pages.six_ones.view import SixOnesView

TODAY = dt.date.today()


@pytest.fixture
def ctx(db, village, settings):
    from village_desk.ui.context import AppContext

    context = AppContext(db, settings, operator_id=village["secretary"])
    yield context
    context.close()


@pytest.fixture
def view(ctx, qtbot):
    view = SixOnesView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    exposed(view)
    return view


def checklist(view, name: str) -> list[str]:
    """The six cells and the total of the cadre's row, as shown."""
    for r in range(view.table.rowCount()):
        if view.table.item(r, view.item_column - 2).text() == name:
            return [
                view.table.item(r, c).text()
                for c in range(view.item_column, view.table.columnCount())
            ]
    raise AssertionError(f"{name} not listed")


def tick(dialog: ActivityDialog, *names: str) -> None:
    for i in range(dialog.cadre_list.count()):
        item = dialog.cadre_list.item(i)
        wanted = item.text() in names
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


def test_a_talk_recorded_in_the_form_ticks_both_cadres(view, ctx, db, village, qtbot, modal):
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert headers[view.item_column :] == [
        "记录一本民情日记",
        "开展一次宣讲活动",
        "搭建一次联动服务",
        "组织一次民主恳谈",
        "化解一批矛盾纠纷",
        "落实一批实事工程",
        "完成",
    ]
    assert checklist(view, "李秀英") == ["—"] * 6 + ["0/6"]

    # a diary entry she wrote ticks the diary, and nothing else
    services.diary.write_entry(
        db,
        village["grid"],
        services.diary.DiaryInput(
            date=TODAY,
            mode="home_visit",
            author_id=village["grid"],
            household_ids=[village["hh"]],
            narrative="入户了解情况",
        ),
    )
    settle(qtbot, ctx)
    assert checklist(view, "李秀英")[0] == "✓ 1篇"
    assert checklist(view, "李秀英")[-1] == "1/6"

    def fill(dialog: ActivityDialog) -> None:
        assert dialog.kind_combo.currentText() == "宣讲活动"
        type_chinese(dialog.title_edit, "宣讲医保缴费新政策")
        type_chinese(dialog.place_edit, "村委会会议室")
        tick(dialog)  # nobody: refused at the cadres' list
        click(qtbot, dialog.save_button)
        settle(qtbot, ctx)
        assert dialog.isVisible()
        assert (
            dialog.errors.label_for("activity.cadre_ids").text()
            == "请至少选择一名开展这项活动的干部"
        )
        tick(dialog, "李秀英", "王建国")
        dialog.head_spin.setValue(35)
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with modal.expect(fill, ActivityDialog):
        click(qtbot, view.new_button)
    settle(qtbot, ctx)
    assert checklist(view, "李秀英")[:2] == ["✓ 1篇", "✓ 1次"]
    assert checklist(view, "李秀英")[-1] == "2/6"
    assert checklist(view, "王建国") == ["—", "✓ 1次", "—", "—", "—", "—", "1/6"]
    listed = [
        view.activity_table.item(0, c).text() for c in range(view.activity_table.columnCount())
    ]
    assert listed == [
        TODAY.isoformat(),
        "宣讲活动",
        "宣讲医保缴费新政策",
        "村委会会议室",
        "李秀英、王建国",
        "35",
    ]
    with db.reading() as s:
        assert len(s.scalars(select(Activity)).all()) == 1


def test_deleting_an_activity_asks_first_and_then_it_no_longer_counts(
    view, ctx, db, village, qtbot, modal
):
    services.activities.record_activity(
        db,
        None,
        services.activities.ActivityInput(
            kind="project",
            date=TODAY,
            title="二组通组路硬化",
            place="二组",
            cadre_ids=[village["grid"]],
        ),
    )
    settle(qtbot, ctx)
    assert checklist(view, "李秀英")[5] == "✓ 1项"
    view.activity_table.selectRow(0)

    def answer(no: bool):
        def fn(box: QMessageBox) -> None:
            assert "二组通组路硬化" in box.text()
            box.done(QMessageBox.StandardButton.No if no else QMessageBox.StandardButton.Yes)

        return fn

    with modal.expect(answer(no=True), QMessageBox):
        click(qtbot, view.delete_button)
    settle(qtbot, ctx)
    assert checklist(view, "李秀英")[5] == "✓ 1项"
    with modal.expect(answer(no=False), QMessageBox):
        click(qtbot, view.delete_button)
    settle(qtbot, ctx)
    assert checklist(view, "李秀英")[5] == "—"
    assert view.activity_table.rowCount() == 0
