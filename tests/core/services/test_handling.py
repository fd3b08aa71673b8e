"""四个办理 mean what they say (001 L15): 即办 is done at intake (its deadline
is the day received, and the result can be recorded with the registration);
承诺办理 posts its promised date on the notice sheet; the handling type can
change, with a stated reason that goes into the progress notes."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from sqlalchemy import select

from tests.core.printing.pdfcheck import all_text
from village_desk.core import services
from village_desk.core.domain.errors import ValidationError
from village_desk.core.printing import print_notice
from village_desk.core.services.ledger import MatterInput, update_matter
from village_desk.core.storage.models import Matter, MatterNote

TODAY = dt.date.today()


def register(db, village, **kw):
    sec = village["secretary"]
    data = dict(
        content="开具居住证明",
        responsible_id=sec,
        received_date=TODAY,
        applicant_name="张三丰",
        household_id=village["hh"],
        kind="hardship",
    )
    data.update(kw)
    return services.ledger.register_matter(db, sec, MatterInput(**data))


def state(db, mid):
    with db.reading() as s:
        m = s.get(Matter, mid)
        notes = s.scalars(
            select(MatterNote).where(MatterNote.matter_id == mid).order_by(MatterNote.hlc)
        ).all()
        return (
            m.status,
            m.deadline,
            m.done_date,
            m.result,
            m.handling,
            [(n.action, n.text) for n in notes],
        )


def test_an_immediate_matter_is_due_the_day_received_and_done_at_once(db, village):
    mid = register(db, village, handling="immediate", result="当场开具证明")
    status, deadline, done, result, _, notes = state(db, mid)
    assert (status, deadline, done, result) == ("done", TODAY, TODAY, "当场开具证明")
    assert notes == [("complete", "当场开具证明")]
    later = register(db, village, handling="immediate")  # result to follow
    assert state(db, later)[:3] == ("registered", TODAY, None)


def test_an_immediate_matter_with_a_later_deadline_is_refused(db, village):
    with pytest.raises(ValidationError) as err:
        register(db, village, handling="immediate", deadline=TODAY + dt.timedelta(days=5))
    assert err.value.field == "matter.deadline"
    with pytest.raises(ValidationError) as err:
        register(db, village, handling="promised", result="已办")
    assert err.value.field == "matter.result"
    with pytest.raises(ValidationError) as err:
        register(db, village, handling="forwarded")
    assert err.value.field == "matter.handling"


def test_changing_the_handling_type_needs_a_reason_and_a_deadline(db, village):
    sec = village["secretary"]
    mid = register(db, village, handling="immediate")
    promised = TODAY + dt.timedelta(days=10)
    with pytest.raises(ValidationError) as err:
        update_matter(db, sec, mid, handling="promised", deadline=promised)
    assert err.value.field == "matter.correction_reason"
    with pytest.raises(ValidationError) as err:
        update_matter(db, sec, mid, handling="promised", reason="需要镇里盖章")
    assert err.value.field == "matter.deadline"
    update_matter(db, sec, mid, handling="promised", deadline=promised, reason="需要镇里盖章")
    status, deadline, _, _, handling, notes = state(db, mid)
    assert (handling, deadline) == ("promised", promised)
    action, text = notes[-1]
    assert action == "correct"
    assert "办理方式由“即办”改为“承诺办理”" in text and "理由：需要镇里盖章" in text
    with pytest.raises(ValidationError) as err:  # 上报 is an action, not an edit
        update_matter(db, sec, mid, handling="forwarded", reason="上报")
    assert err.value.field == "matter.handling"


def test_the_notice_sheet_shows_the_promised_date(db, village):
    promised = TODAY + dt.timedelta(days=12)
    register(db, village, handling="promised", deadline=promised, content="修缮村道路灯")
    register(db, village, handling="immediate", result="当场办结", content="开具证明")
    buf = io.BytesIO()
    print_notice(db, buf, TODAY.year, TODAY.month, today=TODAY)
    text = re.sub(r"\s+", "", all_text(buf.getvalue()))
    assert f"承诺{promised.month}月{promised.day}日前办结" in text
    assert text.count("承诺") == 1  # not on the 即办 matter, done at once
