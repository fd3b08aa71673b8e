"""A finished matter's intake fields are locked (issue: a 已销号 matter's
deadline moved from 11-15 to 11-20 made it "on time", silently): a correction
needs a stated reason, and it is kept as a progress note in the history."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from village_desk.core import queries, services
from village_desk.core.domain.errors import ValidationError
from village_desk.core.services.ledger import MatterInput, apply_action, update_matter
from village_desk.core.storage.models import Change, Matter, MatterNote

TODAY = dt.date.today()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def closed(db, village):
    """A matter done five days late, return-visited and closed."""
    sec = village["secretary"]
    mid = services.ledger.register_matter(
        db,
        sec,
        MatterInput(
            content="申请修缮危房",
            responsible_id=sec,
            received_date=ago(40),
            applicant_name="张三丰",
            household_id=village["hh"],
            kind="hardship",
            deadline=ago(25),
        ),
    )
    apply_action(db, sec, mid, "start", when=ago(39))
    apply_action(db, sec, mid, "complete", text="已完成修缮", when=ago(20))
    apply_action(
        db,
        sec,
        mid,
        "feedback",
        satisfaction="satisfied",
        mode="visit",
        respondent="户主本人",
        when=ago(18),
    )
    apply_action(db, sec, mid, "close", when=ago(10))
    return mid


def rows(db, mid):
    with db.reading() as s:
        m = s.get(Matter, mid)
        notes = s.scalars(
            select(MatterNote).where(MatterNote.matter_id == mid).order_by(MatterNote.hlc)
        ).all()
        return (m.deadline, m.content), [(n.action, n.text, n.date) for n in notes]


def test_moving_a_closed_matters_deadline_without_a_reason_is_refused(db, village, closed):
    before = rows(db, closed)
    with pytest.raises(ValidationError) as err:
        update_matter(db, village["secretary"], closed, deadline=ago(18))
    assert err.value.field == "matter.correction_reason"
    assert "已销号" in str(err.value) and "理由" in str(err.value)
    with pytest.raises(ValidationError):
        update_matter(db, village["secretary"], closed, deadline=ago(18), reason="   ")
    assert rows(db, closed) == before  # nothing written


def test_with_a_reason_the_correction_is_a_progress_note(db, village, closed):
    update_matter(
        db,
        village["secretary"],
        closed,
        deadline=ago(18),
        content="申请修缮危房（两间）",
        reason="登记时时限抄错，以镇里批复为准",
    )
    (deadline, content), notes = rows(db, closed)
    assert deadline == ago(18) and content == "申请修缮危房（两间）"
    action, text, date = notes[-1]
    assert action == "correct" and date == TODAY
    assert f"办结时限由“{ago(25).isoformat()}”改为“{ago(18).isoformat()}”" in text
    assert "申办事项由“申请修缮危房”改为“申请修缮危房（两间）”" in text
    assert "理由：登记时时限抄错，以镇里批复为准" in text
    shown = [n.text for n in db.read(queries.matters.notes, closed)]
    assert text in shown  # the matter's history on its page
    with db.reading() as s:  # and in the journal, as a change of the matter
        changes = s.scalars(
            select(Change).where(Change.record_id == closed, Change.op == "update")
        ).all()
    assert any("deadline" in c.changes for c in changes)


def test_the_responsible_cadre_is_named_in_the_note(db, village, closed):
    update_matter(
        db, village["secretary"], closed, responsible_id=village["grid"], reason="交接给网格员"
    )
    text = rows(db, closed)[1][-1][1]
    assert "责任人由“王建国”改为“李秀英”" in text


def test_an_open_matter_is_edited_freely_and_public_posting_needs_no_reason(db, village, closed):
    sec = village["secretary"]
    open_id = services.ledger.register_matter(
        db,
        sec,
        MatterInput(
            content="路灯不亮",
            responsible_id=sec,
            received_date=ago(3),
            applicant_name="李四",
            kind="hardship",
        ),
    )
    update_matter(db, sec, open_id, deadline=ago(-30))
    update_matter(db, sec, closed, public=False)
    assert [a for a, _, _ in rows(db, open_id)[1]] == []
    assert [a for a, _, _ in rows(db, closed)[1]][-1] == "close"
    with db.reading() as s:
        assert s.get(Matter, open_id).deadline == ago(-30)
        assert s.get(Matter, closed).public is False


def test_a_correction_does_not_hold_back_a_later_step(db, village):
    """A correction is dated today; a return visit dated before it is still
    accepted (a correction is not a life-cycle step)."""
    sec = village["secretary"]
    mid = services.ledger.register_matter(
        db,
        sec,
        MatterInput(
            content="低保复核",
            responsible_id=sec,
            received_date=ago(20),
            applicant_name="王五",
            kind="hardship",
        ),
    )
    apply_action(db, sec, mid, "complete", text="已复核", when=ago(10))
    update_matter(db, sec, mid, deadline=ago(3), reason="按新规定延长")
    assert rows(db, mid)[1][-1][0] == "correct"
    apply_action(
        db, sec, mid, "feedback", satisfaction="basic", mode="phone", respondent="本人", when=ago(2)
    )
    with db.reading() as s:
        assert s.get(Matter, mid).status == "feedback"
