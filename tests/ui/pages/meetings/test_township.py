"""会议记录 at a township office: 桃花村 held every kind of meeting five days
ago; 杏花村 held the other kinds five days ago but its monthly 民主议政日
last more than two months ago. Counted over all villages the 民主议政日
would look on time (桃花村's); the page counts each village on its own
meetings: with 全部村 only 杏花村's 民主议政日 is listed as overdue, and
choosing a village shows its own kinds and meetings only."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.exchange.test_package import OFFICE, Copy
from tests.core.queries.test_township import TAOHUA, XINGHUA
from tests.ui.helpers import exposed
from village_desk.core import services
from village_desk.core.services.meetings import MeetingInput
from village_desk.ui.pages.meetings.page import COL_VILLAGE, MeetingsPage

TODAY = dt.date.today()
RECENT = TODAY - dt.timedelta(days=5)
# 民主议政日 is monthly: held on a day that every month has, well over a month ago
OLD = (TODAY - dt.timedelta(days=75)).replace(day=10)
KINDS = ("council_day", "democratic_talk", "courtyard", "representatives")


def hold(copy: Copy, host, kind: str, day: dt.date, place: str) -> None:
    services.meetings.record_meeting(
        copy.db,
        host,
        MeetingInput(kind=kind, date=day, host_id=host, place=place, topics="村务", head_count=9),
    )


@pytest.fixture
def township(tmp_path, settings):
    from village_desk.ui.context import AppContext

    a, b = Copy(tmp_path, "a", **TAOHUA), Copy(tmp_path, "b", **XINGHUA)
    t = Copy(tmp_path, "t", **OFFICE)
    wang = services.setup.add_cadre(a.db, None, "王建国", "secretary", "13907310001")
    liu = services.setup.add_cadre(b.db, None, "刘桂兰", "secretary", "13907310002")
    for kind in KINDS:
        hold(a, wang, kind, RECENT, "桃花村村部")
        hold(b, liu, kind, OLD if kind == "council_day" else RECENT, "杏花村村部")
    t.take(a.export(tmp_path / "a.vdx").path)
    t.take(b.export(tmp_path / "b.vdx").path)
    a.db.close()
    b.db.close()
    context = AppContext(t.db, settings)
    yield context
    context.close()
    t.db.close()


def rows(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_each_village_is_due_on_its_own_meetings(township, qtbot):
    page = MeetingsPage(township)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.year_combo.setCurrentIndex(page.year_combo.findData(OLD.year))
    page.show()
    exposed(page)
    assert page.village_combo.isVisible()
    # 全部村: the one overdue kind, named with its village; the rest in time
    due = dt.date(OLD.year + OLD.month // 12, OLD.month % 12 + 1, 10)  # a month after
    assert page.behind.isVisible() and not page.due.isVisible()
    assert rows(page.behind) == [
        [
            "杏花村",
            "民主议政日",
            "每 1 个月",
            OLD.isoformat(),
            due.isoformat(),
            f"已逾期 {(TODAY - due).days} 天",
        ]
    ]
    assert "2 个村中 1 个村有逾期" in page.due_note.text()
    # the list holds both villages' meetings of the year, each named
    listed = {(r[COL_VILLAGE], r[1]) for r in rows(page.table)}
    assert ("杏花村", "民主议政日") in listed
    if RECENT.year == OLD.year:
        assert ("桃花村", "民主议政日") in listed
    assert not page.table.isColumnHidden(COL_VILLAGE)

    # 桃花村 alone: every kind in time, only its own meetings
    page.village_combo.setCurrentIndex(page.village_combo.findText("桃花村"))
    assert page.due.isVisible() and not page.behind.isVisible()
    assert [(r[0], r[4]) for r in rows(page.due)] == [
        ("民主议政日", "按时"),
        ("民主恳谈会", "按时"),
        ("院坝说事会", "按时"),
        ("村民代表会议", "按时"),
    ]
    assert {r[COL_VILLAGE] for r in rows(page.table)} <= {"桃花村"}

    # 杏花村 alone: its 民主议政日 overdue; its meetings only
    page.village_combo.setCurrentIndex(page.village_combo.findText("杏花村"))
    council = next(r for r in rows(page.due) if r[0] == "民主议政日")
    assert council[2:] == [OLD.isoformat(), due.isoformat(), f"已逾期 {(TODAY - due).days} 天"]
    assert {r[COL_VILLAGE] for r in rows(page.table)} == {"杏花村"}
    assert ("杏花村", "民主议政日") in {(r[COL_VILLAGE], r[1]) for r in rows(page.table)}


def test_a_meeting_recorded_at_the_office_is_held_in_a_chosen_village(
    township, qtbot, modal, tmp_path
):
    """The office's meeting form asks which village the meeting was held in
    (the page's chosen village to start with) and offers that village's
    groups only; without a village it is refused at that field and nothing
    is saved; saved, it counts in that village's list."""
    from village_desk.core import queries
    from village_desk.ui.pages.meetings.dialogs import MeetingDialog, select_data

    villages = {v.village: v.id for v in township.read(queries.reference.village_profiles)}
    xinghua = next(vid for name, vid in villages.items() if name.startswith("杏花村"))
    page = MeetingsPage(township)
    qtbot.addWidget(page)
    page.show()
    exposed(page)
    page.village_combo.setCurrentIndex(page.village_combo.findData(str(xinghua)))
    before = len(
        township.read(queries.meetings.meetings, dt.date(TODAY.year, 1, 1), TODAY, village=xinghua)
    )
    groups = {g.id: g.village_id for g in township.read(queries.reference.groups)}

    def fill(dialog: MeetingDialog) -> None:
        assert dialog.village_combo is not None
        assert dialog.village_combo.currentData() == xinghua  # the page's village
        offered = [dialog.group_combo.itemData(i) for i in range(1, dialog.group_combo.count())]
        assert all(groups[g] == xinghua for g in offered)
        dialog.village_combo.setCurrentIndex(0)  # no village: refused
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("courtyard"))
        dialog.place_edit.setText("杏花村村部")
        dialog.topics_edit.setPlainText("灌溉水渠清淤")
        dialog.save_button.click()
        qtbot.waitUntil(lambda: dialog.errors.label_for("meeting.village_id").text() != "")
        assert "村" in dialog.errors.label_for("meeting.village_id").text()
        select_data(dialog.village_combo, xinghua)
        dialog.save_button.click()
        qtbot.waitUntil(lambda: not dialog.isVisible())

    with modal.expect(fill, MeetingDialog):
        page.new_meeting()
    after = township.read(
        queries.meetings.meetings, dt.date(TODAY.year, 1, 1), TODAY, village=xinghua
    )
    assert len(after) == before + 1
    assert any(m.topics == "灌溉水渠清淤" for m in after)


def test_a_group_of_another_village_is_refused(tmp_path):
    """At the office, a meeting held in 杏花村 cannot name 桃花村's group;
    and a meeting without a village is refused (it would count for none)."""
    from village_desk.core import queries
    from village_desk.core.domain.errors import ValidationError

    a, b = Copy(tmp_path, "a", **TAOHUA), Copy(tmp_path, "b", **XINGHUA)
    t = Copy(tmp_path, "t", **OFFICE)
    services.setup.add_group(a.db, None, "一组")
    liu = services.setup.add_cadre(b.db, None, "刘桂兰", "secretary", "13907310002")
    t.take(a.export(tmp_path / "a.vdx").path)
    t.take(b.export(tmp_path / "b.vdx").path)
    try:
        villages = {v.village: v.id for v in t.db.read(queries.reference.village_profiles)}
        xinghua = next(vid for name, vid in villages.items() if name.startswith("杏花村"))
        (group,) = t.db.read(queries.reference.groups)
        data = MeetingInput(
            kind="courtyard",
            date=TODAY,
            host_id=liu,
            place="杏花村村部",
            topics="村务",
            group_id=group.id,
            village_id=xinghua,
        )
        with pytest.raises(ValidationError) as err:
            services.meetings.record_meeting(t.db, liu, data)
        assert err.value.field == "meeting.group_id"
        data.group_id, data.village_id = None, None
        with pytest.raises(ValidationError) as err:
            services.meetings.record_meeting(t.db, liu, data)
        assert err.value.field == "meeting.village_id"
        data.village_id = xinghua
        services.meetings.record_meeting(t.db, liu, data)
    finally:
        for c in (a, b, t):
            c.db.close()


def test_frequencies_are_set_for_the_chosen_village(township, qtbot, modal):
    """At the office 会议频次… is for one village (greyed with 全部村): making
    杏花村's 民主议政日 every three months puts its old one back in time,
    and 桃花村 keeps the default monthly rhythm."""
    from village_desk.core import queries
    from village_desk.ui.pages.meetings.dialogs import FrequencyDialog

    villages = {v.village: v.id for v in township.read(queries.reference.village_profiles)}
    xinghua = next(vid for name, vid in villages.items() if name.startswith("杏花村"))
    taohua = next(vid for name, vid in villages.items() if name.startswith("桃花村"))
    page = MeetingsPage(township)
    qtbot.addWidget(page)
    page.show()
    exposed(page)
    assert not page.frequency_button.isEnabled()  # 全部村
    page.village_combo.setCurrentIndex(page.village_combo.findData(str(xinghua)))
    assert page.frequency_button.isEnabled()

    def three_months(dialog: FrequencyDialog) -> None:
        assert "杏花村" in dialog.windowTitle()
        assert dialog.spins["council_day"].value() == 1
        dialog.spins["council_day"].setValue(3)
        dialog.save_button.click()
        qtbot.waitUntil(lambda: not dialog.isVisible())

    with modal.expect(three_months, FrequencyDialog):
        page.set_frequencies()
    assert township.read(queries.meetings.frequencies, xinghua)["council_day"] == 3
    assert township.read(queries.meetings.frequencies, taohua)["council_day"] == 1
    # 75 days ago is within three months: 杏花村's 民主议政日 is in time now
    due = {s.kind: s for s in township.read(queries.meetings.schedule, None, xinghua)}
    assert not due["council_day"].overdue
