"""Village meetings: a 院坝说事会 with the villagers who came and what they
raised — one point solved on the spot, one turned into a ledger matter whose
first responsible person is the host — and when each kind is next due."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from village_desk.core import queries, services
from village_desk.core.domain.errors import ValidationError
from village_desk.core.services.meetings import MeetingInput, RaisedPoint
from village_desk.core.storage.models import Change, Matter, Meeting, Person

TODAY = dt.date.today()


def people(db) -> dict[str, object]:
    return dict(db.read(lambda s: s.execute(select(Person.name, Person.id)).all()))


def courtyard(village, db, **kw) -> MeetingInput:
    who = people(db)
    values = dict(
        kind="courtyard",
        date=TODAY,
        host_id=village["grid"],
        place="一组张家院坝",
        group_id=village["g1"],
        attendee_ids=[who["张三丰"], who["刘桂兰"]],
        head_count=23,
        topics="通组公路硬化筹资；垃圾清运",
        decisions="每户出工3天",
        points=[
            RaisedPoint("路灯坏了两盏", "solved", solution="当场联系电工，下午修好"),
            RaisedPoint("申请低保复核", "matter", raised_by_id=who["张三丰"], kind="hardship"),
        ],
    )
    values.update(kw)
    return MeetingInput(**values)


def refused(fn, field: str) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        fn()
    assert err.value.field == field
    return err.value


def test_a_meeting_with_attendees_and_raised_points(db, village):
    mid, matters = services.meetings.record_meeting(db, village["grid"], courtyard(village, db))
    found = db.read(queries.meetings.meeting, mid)
    assert (found.kind_label, found.host, found.group, found.head_count) == (
        "院坝说事会",
        "李秀英",
        "一组",
        23,
    )
    assert sorted(a.name for a in found.attendees) == ["刘桂兰", "张三丰"]
    solved, to_ledger = found.points
    assert (solved.outcome, solved.solution, solved.matter_id) == (
        "solved",
        "当场联系电工，下午修好",
        None,
    )
    # the raised point became a matter: the host answers for it first (首访负责制)
    assert len(matters) == 1 and to_ledger.matter_id == matters[0]
    with db.reading() as s:
        m = s.get(Matter, matters[0])
        assert (m.responsible_id, m.channel, m.applicant_name) == (
            village["grid"],
            "forum",
            "张三丰",
        )
        assert m.household_id == village["hh"] and m.received_date == TODAY
        assert s.scalar(select(func.count()).where(Change.entity == "meeting_item")) == 2
    assert to_ledger.matter_number.startswith(f"{TODAY.year}-")


def test_a_point_raised_by_nobody_in_particular_names_the_meeting(db, village):
    data = courtyard(village, db, points=[RaisedPoint("组里水渠堵了", "matter", kind="hardship")])
    _mid, (matter,) = services.meetings.record_meeting(db, None, data)
    with db.reading() as s:
        assert s.get(Matter, matter).applicant_name == "院坝说事会（一组张家院坝）"


def test_what_a_meeting_must_state(db, village):
    rec = services.meetings.record_meeting
    refused(lambda: rec(db, None, courtyard(village, db, kind="party")), "meeting.kind")
    refused(lambda: rec(db, None, courtyard(village, db, place=" ")), "meeting.place")
    refused(lambda: rec(db, None, courtyard(village, db, host_id=None)), "meeting.host_id")
    refused(lambda: rec(db, None, courtyard(village, db, topics="")), "meeting.topics")
    refused(
        lambda: rec(db, None, courtyard(village, db, date=TODAY + dt.timedelta(days=1))),
        "meeting.date",
    )
    err = refused(lambda: rec(db, None, courtyard(village, db, head_count=1)), "meeting.head_count")
    assert "2人" in err.message
    err = refused(
        lambda: rec(db, None, courtyard(village, db, points=[RaisedPoint("路灯坏了", "solved")])),
        "meeting.item.1.solution",
    )
    assert err.label == "第1项解决情况"
    err = refused(
        lambda: rec(
            db,
            None,
            courtyard(
                village, db, points=[RaisedPoint("x", "solved", "y"), RaisedPoint("修桥", "matter")]
            ),
        ),
        "meeting.item.2.kind",
    )
    assert err.message == "请选择事项类别"
    with db.reading() as s:  # nothing was written by the refused calls
        assert s.scalar(select(func.count()).select_from(Meeting)) == 0
        assert s.scalar(select(func.count()).select_from(Matter)) == 0


def test_correcting_keeps_recorded_points_and_changes_attendees(db, village):
    mid, _ = services.meetings.record_meeting(db, None, courtyard(village, db))
    who = people(db)
    data = courtyard(village, db, attendee_ids=[who["张三丰"]], head_count=25, points=[])
    services.meetings.update_meeting(db, None, mid, data)
    found = db.read(queries.meetings.meeting, mid)
    assert [a.name for a in found.attendees] == ["张三丰"] and found.head_count == 25
    assert len(found.points) == 2  # the points recorded before stay
    services.meetings.delete_meeting(db, None, mid)
    assert db.read(queries.meetings.meeting, mid) is None
    with db.reading() as s:  # the matter made from it stays in the ledger
        assert (
            s.scalar(select(func.count()).select_from(Matter).where(Matter.deleted.is_(False))) == 1
        )


def test_each_kind_is_due_after_its_frequency(db, village):
    day = dt.date(2026, 1, 31)
    rec = services.meetings.record_meeting
    rec(db, None, courtyard(village, db, kind="council_day", date=day, points=[]))
    rec(
        db,
        None,
        courtyard(village, db, kind="democratic_talk", date=dt.date(2026, 1, 10), points=[]),
    )
    due = {k.kind: k for k in db.read(queries.meetings.schedule, dt.date(2026, 3, 1))}
    # 民主议政日 monthly: due 2026-02-28 (no 31 February), overdue on 1 March
    assert due["council_day"].due == dt.date(2026, 2, 28) and due["council_day"].overdue
    assert due["council_day"].days_overdue == 1
    on_the_day = {k.kind: k for k in db.read(queries.meetings.schedule, dt.date(2026, 2, 28))}
    assert not on_the_day["council_day"].overdue  # held by the due day is in time
    # 民主恳谈会 every two months: due 2026-03-10, not yet overdue
    assert due["democratic_talk"].due == dt.date(2026, 3, 10) and not due["democratic_talk"].overdue
    # never held and with a rhythm: overdue
    assert due["representatives"].last is None and due["representatives"].overdue
    services.meetings.set_frequencies(db, None, {"council_day": 2, "representatives": 0})
    due = {k.kind: k for k in db.read(queries.meetings.schedule, dt.date(2026, 3, 1))}
    assert due["council_day"].due == dt.date(2026, 3, 31) and not due["council_day"].overdue
    assert not due["representatives"].overdue  # no fixed rhythm
    with pytest.raises(ValidationError, match="0至24个月"):
        services.meetings.set_frequencies(db, None, {"council_day": -1})
