"""Village meetings: recording one with its attendees and the points raised,
correcting it, deleting it, and how often each kind should take place.

A raised point is solved on the spot (kept in the meeting record, never in
the ledger) or turned into a ledger matter whose first responsible person is
the host (首访负责制), channel 座谈会, applicant the villager who raised it
(or the meeting itself, named by its kind and place); the point keeps the
link to the matter. Matters made from a meeting stay when it is deleted.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import ServiceError, ValidationError
from ..domain.meetings import FREQUENCY_SETTING, ITEM_OUTCOMES, KINDS, item_field
from ..domain.validation import not_future, require
from ..storage import villages
from ..storage.db import Database
from ..storage.models import (
    Cadre,
    Meeting,
    MeetingAttendee,
    MeetingItem,
    Person,
    VillagerGroup,
)
from . import ledger
from .common import get_live, live_village, tx_id
from .setup import set_setting_in

MAX_HEAD_COUNT = 10000


@dataclass
class RaisedPoint:
    text: str
    outcome: str = "solved"  # "solved" (当场解决) or "matter" (转入台账)
    solution: str = ""
    raised_by_id: uuid.UUID | None = None  # the villager who raised it
    # For outcome == "matter":
    kind: str = ""  # 事项类别, required
    deadline: dt.date | None = None


@dataclass
class MeetingInput:
    kind: str
    date: dt.date
    host_id: uuid.UUID
    place: str = ""
    group_id: uuid.UUID | None = None
    attendee_ids: list[uuid.UUID] = field(default_factory=list)
    head_count: int = 0
    topics: str = ""
    discussion: str = ""
    decisions: str = ""
    # new points only: points already recorded stay as they are
    points: list[RaisedPoint] = field(default_factory=list)
    village_id: uuid.UUID | None = None  # a township office: the village it was held in


def _item_error(index: int, part: str, message: str, label: str) -> ValidationError:
    return ValidationError(item_field(index, part), message, label=label.format(n=index))


def _check(s: Session, data: MeetingInput, meeting: Meeting | None = None) -> None:
    if data.kind not in KINDS:
        raise ValidationError("meeting.kind", "请选择会议类型")
    if not isinstance(data.date, dt.date):
        raise ValidationError("meeting.date", "请填写日期")
    not_future(data.date, "meeting.date")
    if data.host_id is None:
        raise ValidationError("meeting.host_id", "请选择主持人")
    if meeting is None or data.host_id != meeting.host_id:
        host = get_live(s, Cadre, data.host_id, "主持人")
        if not host.active:
            raise ValidationError("meeting.host_id", f"{host.name} 已停用")
    data.place = require(data.place, "meeting.place")
    if data.group_id is not None:
        get_live(s, VillagerGroup, data.group_id, "村民小组")
    if (
        isinstance(data.head_count, bool)
        or not isinstance(data.head_count, int)
        or not 0 <= data.head_count <= MAX_HEAD_COUNT
    ):
        raise ValidationError("meeting.head_count", "应为0或正整数")
    attendees = list(dict.fromkeys(data.attendee_ids))
    kept = set(_attendees(s, meeting.id)) if meeting is not None else set()
    for pid in attendees:
        if pid not in kept:
            get_live(s, Person, pid, "参会村民")
    data.attendee_ids = attendees
    if data.head_count < len(attendees):
        raise ValidationError(
            "meeting.head_count", f"不能少于登记的参会村民人数（{len(attendees)}人）"
        )
    data.topics = require(data.topics, "meeting.topics")
    for i, point in enumerate(data.points, 1):
        if not (point.text or "").strip():
            raise _item_error(i, "text", "必须填写", "第{n}项反映的问题")
        if point.outcome not in ITEM_OUTCOMES:
            raise _item_error(i, "outcome", "应为“当场解决”或“转入台账”", "第{n}项处理方式")
        if point.outcome == "solved" and not (point.solution or "").strip():
            raise _item_error(i, "solution", "当场解决的，请写明怎么解决的", "第{n}项解决情况")
        if point.outcome == "matter":
            if not (point.kind or "").strip():
                raise _item_error(i, "kind", "请选择事项类别", "第{n}项事项类别")
            ledger.check_kind(s, point.kind, item_field(i, "kind"))
        if point.raised_by_id is not None:
            get_live(s, Person, point.raised_by_id, "反映人")


def _attendees(s: Session, meeting_id) -> dict[uuid.UUID, MeetingAttendee]:
    return {
        a.person_id: a
        for a in s.scalars(select(MeetingAttendee).where(MeetingAttendee.meeting_id == meeting_id))
    }


def _fill(m: Meeting, data: MeetingInput) -> None:
    m.kind, m.date, m.host_id = data.kind, data.date, data.host_id
    m.place, m.group_id, m.head_count = data.place, data.group_id, data.head_count
    m.topics = data.topics
    m.discussion = (data.discussion or "").strip()
    m.decisions = (data.decisions or "").strip()


def _add_points(s: Session, m: Meeting, points: list[RaisedPoint]) -> list[uuid.UUID]:
    matter_ids = []
    for point in points:
        row = MeetingItem(
            meeting_id=m.id,
            text=point.text.strip(),
            raised_by_id=point.raised_by_id,
            outcome=point.outcome,
            solution=(point.solution or "").strip() if point.outcome == "solved" else "",
        )
        if point.outcome == "matter":
            matter = ledger.register_in(
                s,
                ledger.MatterInput(
                    content=point.text,
                    responsible_id=m.host_id,  # 首访负责制: the host
                    received_date=m.date,
                    channel="forum",
                    applicant_person_id=point.raised_by_id,
                    applicant_name="" if point.raised_by_id else f"{KINDS[m.kind]}（{m.place}）",
                    kind=point.kind,
                    deadline=point.deadline,
                    village_id=m.village_id if point.raised_by_id is None else None,
                ),
            )
            row.matter_id = matter.id
            matter_ids.append(matter.id)
        s.add(row)
    return matter_ids


def _village_for(s: Session, data: MeetingInput) -> uuid.UUID | None:
    """The village of a new meeting: at a township office the one chosen
    (required: a meeting is held in a village, and counts in its rhythm),
    with its group in that village."""
    if data.village_id is None:
        if villages.is_township(s):
            raise ValidationError("meeting.village_id", "请选择会议所在的村")
        return None  # the journal gives it this copy's village
    village = live_village(s, data.village_id, "meeting.village_id")
    if data.group_id is not None:
        group = s.get(VillagerGroup, data.group_id)
        if group is not None and group.village_id != village:
            raise ValidationError("meeting.group_id", "这个村民小组不属于所选的村")
    return village


def record_meeting(db: Database, actor_id, data: MeetingInput) -> tuple[uuid.UUID, list]:
    """Save a meeting; returns (its id, the ids of matters made from its points)."""
    with db.transaction(actor_id) as s:
        _check(s, data)
        m = Meeting(village_id=_village_for(s, data))
        _fill(m, data)
        s.add(m)
        s.flush()
        for pid in data.attendee_ids:
            s.add(MeetingAttendee(meeting_id=m.id, person_id=pid))
        s.flush()
        return m.id, _add_points(s, m, data.points)


def update_meeting(db: Database, actor_id, meeting_id: uuid.UUID, data: MeetingInput) -> list:
    """Correct a meeting; ``data.points`` are *new* points (recorded ones
    stay: a matter made from one lives on in the ledger). Returns new matter ids."""
    with db.transaction(actor_id) as s:
        m = get_live(s, Meeting, meeting_id, "会议记录")
        _check(s, data, m)
        _fill(m, data)
        links = s.scalars(
            select(MeetingAttendee).where(MeetingAttendee.meeting_id == meeting_id)
        ).all()
        wanted, kept = set(data.attendee_ids), set()
        for link in links:  # (two laptops may each have added the same villager)
            keep = link.person_id in wanted and link.person_id not in kept
            link.deleted = not keep
            kept |= {link.person_id} if keep else set()
        for pid in data.attendee_ids:
            if pid not in kept:
                s.add(MeetingAttendee(meeting_id=meeting_id, person_id=pid))
        return _add_points(s, m, data.points)


def delete_meeting(db: Database, actor_id, meeting_id: uuid.UUID) -> uuid.UUID:
    """Tombstone a meeting with its attendees and points (matters made from
    its points stay: they are ledger records); returns the tx id."""
    with db.transaction(actor_id) as s:
        m = get_live(s, Meeting, meeting_id, "会议记录")
        m.deleted = True
        for model in (MeetingAttendee, MeetingItem):
            for row in s.scalars(
                select(model).where(model.meeting_id == meeting_id, model.deleted.is_(False))
            ):
                row.deleted = True
        return tx_id(s)


def set_frequencies(
    db: Database, actor_id, months: dict[str, int], village_id: uuid.UUID | None = None
) -> None:
    """How often each kind should take place (months; 0: no fixed rhythm):
    this copy's village's, or at a township office ``village_id``'s (each
    village is counted against its own)."""
    field_key = f"setting.{FREQUENCY_SETTING}"
    clean = {}
    for kind, value in months.items():
        if kind not in KINDS:
            raise ServiceError(f"未知的会议类型：{kind}")
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 24:
            raise ValidationError(field_key, f"{KINDS[kind]}的频次应为0至24个月")
        clean[kind] = value
    with db.transaction(actor_id) as s:
        if village_id is not None:
            s.info["village_scope"] = live_village(s, village_id, field_key)
        try:
            set_setting_in(s, FREQUENCY_SETTING, clean)
        finally:
            s.info.pop("village_scope", None)
