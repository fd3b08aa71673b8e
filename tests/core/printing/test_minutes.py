"""Meeting minutes, read back: the meeting's facts, the points raised with how
each was handled (the ledger matter's number for one turned into a matter),
the decisions and the signature lines; numbers in the text are masked."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from sqlalchemy import select

from tests.core.printing.pdfcheck import all_text
from village_desk.core import services
from village_desk.core.domain.errors import NotFoundError
from village_desk.core.printing import print_minutes
from village_desk.core.services.meetings import MeetingInput, RaisedPoint
from village_desk.core.storage.models import Matter, Person


def test_minutes_of_a_courtyard_meeting(db, village):
    zhang = db.read(lambda s: s.scalar(select(Person.id).where(Person.name == "张三丰")))
    mid, (matter,) = services.meetings.record_meeting(
        db,
        None,
        MeetingInput(
            kind="courtyard",
            date=dt.date(2026, 11, 5),
            host_id=village["grid"],
            place="一组张家院坝",
            group_id=village["g1"],
            attendee_ids=[zhang],
            head_count=23,
            topics="垃圾清运",
            discussion="大家同意每周清运一次，联系电话13812345678",
            decisions="每周二清运",
            points=[
                RaisedPoint("路灯坏了两盏", "solved", solution="当场联系电工修好"),
                RaisedPoint("申请危房改造", "matter", raised_by_id=zhang, kind="hardship"),
            ],
        ),
    )
    number = db.read(lambda s: s.get(Matter, matter).number)
    buf = io.BytesIO()
    assert print_minutes(db, buf, mid) == 1
    text = re.sub(r"\s+", "", all_text(buf.getvalue()))
    assert "桃花村院坝说事会记录" in text
    assert "2026年11月5日" in text and "一组张家院坝" in text and "李秀英" in text
    assert "共23人，其中登记村民：张三丰" in text
    assert "当场解决：当场联系电工修好" in text
    assert f"转入民情台账（{number}），由李秀英首接负责" in text
    assert "每周二清运" in text and "主持人（签字）" in text and "记录人（签字）" in text
    assert "13812345678" not in text and "138****5678" in text
    services.meetings.delete_meeting(db, None, mid)
    with pytest.raises(NotFoundError):
        print_minutes(db, io.BytesIO(), mid)
