"""会议记录 page: a 院坝说事会 is recorded with a villager found by pinyin
initials, one point solved on the spot and one put into the ledger (a
matter for the host); the kinds' schedule shows the monthly 民主议政日
overdue until one is held; the minutes open in the preview."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.ui.helpers import click, exposed, settle, type_chinese
from tests.ui.printing.test_printing import close_preview, open_preview
from village_desk.core.storage.models import Matter
from village_desk.ui.pages.meetings.dialogs import MeetingDialog
from village_desk.ui.pages.meetings.page import MeetingsPage

TODAY = dt.date.today()


@pytest.fixture
def ctx(db, village, settings):
    from village_desk.ui.context import AppContext

    context = AppContext(db, settings, operator_id=village["secretary"])
    yield context
    context.close()


@pytest.fixture
def page(ctx, qtbot):
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    exposed(page)
    return page


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def due_state(page, kind_label: str) -> list[str]:
    rows = [cells(page.due, r) for r in range(page.due.rowCount())]
    return next(r for r in rows if r[0] == kind_label)


def test_record_a_courtyard_meeting_and_print_its_minutes(page, ctx, db, village, qtbot, modal):
    assert page.table.rowCount() == 0
    # never held, and held monthly by default: overdue
    assert due_state(page, "民主议政日")[4] == "从未召开"

    def fill(dialog: MeetingDialog) -> None:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("courtyard"))
        dialog.host_combo.setCurrentIndex(dialog.host_combo.findText("李秀英"))
        type_chinese(dialog.place_edit, "一组张家院坝")
        qtbot.keyClicks(dialog.attendee_search, "zsf")  # 张三丰 by pinyin initials
        qtbot.keyClick(dialog.attendee_search, Qt.Key.Key_Return)
        assert dialog.attendee_list.count() == 1
        assert dialog.attendee_list.item(0).text() == "张三丰（01-001）"
        dialog.head_spin.setValue(23)
        # without topics the meeting is refused, the message under the topics
        click(qtbot, dialog.save_button)
        settle(qtbot, ctx)
        assert dialog.isVisible()
        assert dialog.errors.label_for("meeting.topics").text() == "必须填写"
        type_chinese(dialog.topics_edit, "垃圾清运")
        type_chinese(dialog.point_edit, "路灯坏了两盏")
        type_chinese(dialog.solution_edit, "当场联系电工修好")
        click(qtbot, dialog.add_point_button)
        type_chinese(dialog.point_edit, "申请危房改造")
        dialog.raised_by_combo.setCurrentIndex(1)  # 张三丰
        dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData("matter"))
        dialog.matter_kind_combo.setCurrentIndex(dialog.matter_kind_combo.findData("hardship"))
        click(qtbot, dialog.add_point_button)
        assert dialog.points_list.count() == 2
        type_chinese(dialog.decisions_edit, "每周二清运")
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with modal.expect(fill, MeetingDialog):
        click(qtbot, page.new_button)
    settle(qtbot, ctx)
    assert page.table.rowCount() == 1
    assert cells(page.table, 0)[:8] == [
        TODAY.isoformat(),
        "院坝说事会",
        "一组张家院坝",
        "李秀英",
        "23",
        "1",
        "1",
        "垃圾清运",
    ]
    with db.reading() as s:
        matter = s.scalars(select(Matter)).one()
        assert (matter.content, matter.responsible_id, matter.applicant_name) == (
            "申请危房改造",
            village["grid"],
            "张三丰",
        )
    page.table.selectRow(0)
    detail = page.detail_label.text()
    assert "路灯坏了两盏" in detail and "当场解决：当场联系电工修好" in detail
    assert f"转入台账，编号 {matter.number}" in detail
    # a 院坝说事会 is due again in three months: in time
    assert due_state(page, "院坝说事会")[2] == TODAY.isoformat()
    assert due_state(page, "院坝说事会")[4] == "按时"

    page.print_minutes()
    dialog = open_preview(qtbot, page.last_print)
    assert dialog.page_count() == 1
    close_preview(qtbot, dialog)


def test_frequencies_change_what_is_overdue(page, ctx, qtbot, modal):
    from village_desk.ui.pages.meetings.dialogs import FrequencyDialog

    assert due_state(page, "村民代表会议")[1:] == ["每 3 个月", "—", "—", "从未召开"]

    def no_rhythm(dialog: FrequencyDialog) -> None:
        dialog.spins["representatives"].setValue(0)
        assert dialog.spins["representatives"].text() == "不定期"
        dialog.spins["council_day"].setValue(2)
        click(qtbot, dialog.save_button)

    with modal.expect(no_rhythm, FrequencyDialog):
        click(qtbot, page.frequency_button)
    settle(qtbot, ctx)
    assert (
        due_state(page, "村民代表会议")[1] == "—" and due_state(page, "村民代表会议")[4] == "不定期"
    )
    assert due_state(page, "民主议政日")[1] == "每 2 个月"


def test_a_refused_point_is_said_and_can_be_taken_back(page, ctx, db, village, qtbot, modal):
    def fill(dialog: MeetingDialog) -> None:
        type_chinese(dialog.place_edit, "村部会议室")
        type_chinese(dialog.topics_edit, "通报本月待办事项")
        type_chinese(dialog.point_edit, "修桥")
        dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData("matter"))
        click(qtbot, dialog.add_point_button)  # no category chosen
        click(qtbot, dialog.save_button)
        settle(qtbot, ctx)
        assert dialog.isVisible()
        assert dialog.errors.general.text() == "第1项事项类别：请选择事项类别"
        dialog.points_list.setCurrentRow(0)
        click(qtbot, dialog.remove_point_button)
        assert dialog.points_list.count() == 0
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with modal.expect(fill, MeetingDialog):
        click(qtbot, page.new_button)
    settle(qtbot, ctx)
    assert cells(page.table, 0)[1:3] == ["民主议政日", "村部会议室"]
    assert cells(page.table, 0)[5:7] == ["0", "0"]
    with db.reading() as s:
        assert s.scalars(select(Matter)).all() == []
