"""Commitments and meetings travel between the laptops of one village like every record:
two laptops that each edit the same commitment offline converge after
exchanging files, progress notes from both are kept, and a year-end review
made on both comes whole from one of them (never one laptop's outcome with
the other's explanation)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.core.exchange.test_package import Copy
from village_desk.core import queries, services
from village_desk.core.domain.commitments import OUTCOMES
from village_desk.core.services.commitments import CommitmentInput
from village_desk.core.storage.models import Person

TODAY = dt.date.today()


def test_two_laptops_edit_one_commitment_offline_and_converge(tmp_path):
    a, b = Copy(tmp_path, "a"), Copy(tmp_path, "b")
    wang = services.setup.add_cadre(a.db, None, "王建国", "secretary", "13907310001")
    cid = services.commitments.add_commitment(
        a.db,
        wang,
        CommitmentInput(
            year=TODAY.year,
            cadre_id=wang,
            content="为五保户修缮住房2户",
            measures="申请危房改造资金",
            target="雨季前完工",
            deadline=dt.date(TODAY.year, 12, 31),
        ),
    )
    b.take(a.export(tmp_path / "1.vdx").path)
    a.take(b.export(tmp_path / "2.vdx").path)

    # offline: A corrects the target and notes progress; B posts it no more
    # and notes its own progress
    services.commitments.update_commitment(a.db, wang, cid, target="汛期前完工")
    services.commitments.add_progress(a.db, wang, cid, "第一户已完工")
    services.commitments.update_commitment(b.db, wang, cid, public=False)
    services.commitments.add_progress(b.db, wang, cid, "第二户材料已到位")

    b.take(a.export(tmp_path / "3.vdx").path)
    a.take(b.export(tmp_path / "4.vdx").path)
    assert a.digest == b.digest
    seen = a.db.read(queries.commitments.commitment, cid)
    assert seen.target == "汛期前完工" and seen.public is False
    assert sorted(n.text for n in seen.notes) == ["第一户已完工", "第二户材料已到位"]

    # both review it offline: the review comes whole from one laptop
    services.commitments.review_commitment(a.db, wang, cid, "kept", "两户均已入住")
    services.commitments.review_commitment(b.db, wang, cid, "partly", "一户未完工")
    b.take(a.export(tmp_path / "5.vdx").path)
    a.take(b.export(tmp_path / "6.vdx").path)
    assert a.digest == b.digest
    on_a = a.db.read(queries.commitments.commitment, cid)
    on_b = b.db.read(queries.commitments.commitment, cid)
    assert (on_a.outcome, on_a.review_text) == (on_b.outcome, on_b.review_text)
    assert (on_a.outcome, on_a.review_text) in {("kept", "两户均已入住"), ("partly", "一户未完工")}
    assert on_a.outcome in OUTCOMES
    for copy in (a, b):
        copy.db.close()


def test_two_laptops_edit_one_meeting_offline_and_converge(tmp_path):
    """A adds an attendee and the decisions, B adds the same attendee,
    corrects the head count and records a point raised: after the exchange
    both hold all of it, the attendee once."""
    from tests.core.exchange.test_package import add_household
    from village_desk.core.services.meetings import MeetingInput, RaisedPoint

    a, b = Copy(tmp_path, "a"), Copy(tmp_path, "b")
    host = services.setup.add_cadre(a.db, None, "李秀英", "grid", "13907310002")
    add_household(a, "01-001", "张三丰")
    add_household(a, "01-002", "李四")
    people = dict(a.db.read(lambda s: s.execute(select(Person.name, Person.id)).all()))
    zhang, li = people["张三丰"], people["李四"]

    def data(**kw):
        values = dict(
            kind="courtyard",
            date=TODAY,
            host_id=host,
            place="一组院坝",
            attendee_ids=[zhang],
            head_count=12,
            topics="垃圾清运",
        )
        values.update(kw)
        return MeetingInput(**values)

    mid, _ = services.meetings.record_meeting(a.db, host, data())
    b.take(a.export(tmp_path / "1.vdx").path)
    a.take(b.export(tmp_path / "2.vdx").path)

    services.meetings.update_meeting(
        a.db, host, mid, data(attendee_ids=[zhang, li], decisions="每周二清运一次")
    )
    services.meetings.update_meeting(
        b.db,
        host,
        mid,
        data(
            attendee_ids=[zhang, li],  # B adds 李四 too
            head_count=15,
            points=[RaisedPoint("路灯坏了", "solved", solution="当场报修")],
        ),
    )
    b.take(a.export(tmp_path / "3.vdx").path)
    a.take(b.export(tmp_path / "4.vdx").path)
    assert a.digest == b.digest
    seen = b.db.read(queries.meetings.meeting, mid)
    assert sorted(x.name for x in seen.attendees) == ["张三丰", "李四"]
    assert (seen.head_count, seen.decisions) == (15, "每周二清运一次")
    assert [p.text for p in seen.points] == ["路灯坏了"]
    # taking 李四 off the list again takes off both laptops' records of him
    services.meetings.update_meeting(b.db, host, mid, data(head_count=15))
    assert [x.name for x in b.db.read(queries.meetings.meeting, mid).attendees] == ["张三丰"]
    for copy in (a, b):
        copy.db.close()
