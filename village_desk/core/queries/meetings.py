"""Village meetings: a period's list, one meeting with who came and what was
raised, and when each kind last took place against its frequency."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..domain.meetings import (
    DEFAULT_FREQUENCY_MONTHS,
    FREQUENCY_SETTING,
    KINDS,
    add_months,
)
from ..storage.models import (
    Cadre,
    Household,
    Matter,
    Meeting,
    MeetingAttendee,
    MeetingItem,
    Person,
    VillageProfile,
    VillagerGroup,
)
from .reference import get_setting, village_profiles


@dataclass(frozen=True)
class Point:
    id: uuid.UUID
    text: str
    outcome: str
    solution: str
    raised_by: str
    matter_id: uuid.UUID | None
    matter_number: str


@dataclass(frozen=True)
class Attendee:
    person_id: uuid.UUID
    name: str
    household: str  # 户号


@dataclass(frozen=True)
class MeetingRow:
    id: uuid.UUID
    kind: str
    date: dt.date
    place: str
    host_id: uuid.UUID
    host: str
    group_id: uuid.UUID | None
    group: str
    head_count: int
    topics: str
    discussion: str
    decisions: str
    village: str
    attendees: tuple[Attendee, ...]
    points: tuple[Point, ...]

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def solved(self) -> int:
        return sum(1 for p in self.points if p.outcome == "solved")

    @property
    def to_ledger(self) -> int:
        return sum(1 for p in self.points if p.outcome == "matter")


def meetings(
    session: Session,
    start: dt.date,
    end: dt.date,
    *,
    kind: str | None = None,
    ids: list[uuid.UUID] | None = None,
    village: uuid.UUID | None = None,
) -> list[MeetingRow]:
    """The meetings held from ``start`` to ``end``, newest first, each with
    its attendees and raised points; ``village``: only that village's (a
    township office's database holds many)."""
    q = (
        select(Meeting, Cadre.name, VillagerGroup.name, VillageProfile.village)
        .join(Cadre, Cadre.id == Meeting.host_id)
        .outerjoin(VillagerGroup, VillagerGroup.id == Meeting.group_id)
        .outerjoin(VillageProfile, VillageProfile.id == Meeting.village_id)
        .where(Meeting.deleted.is_(False), Meeting.date.between(start, end))
        .order_by(Meeting.date.desc(), Meeting.hlc.desc())
    )
    if kind:
        q = q.where(Meeting.kind == kind)
    if ids is not None:
        q = q.where(Meeting.id.in_(ids))
    if village is not None:
        q = q.where(Meeting.village_id == village)
    found = session.execute(q).all()
    wanted = [m.id for m, *_ in found]
    attendees: dict[uuid.UUID, list[Attendee]] = {}
    points: dict[uuid.UUID, list[Point]] = {}
    raiser = aliased(Person)
    for at in range(0, len(wanted), 500):
        part = wanted[at : at + 500]
        for meeting_id, pid, name, number in session.execute(
            select(MeetingAttendee.meeting_id, Person.id, Person.name, Household.number)
            .join(Person, Person.id == MeetingAttendee.person_id)
            .join(Household, Household.id == Person.household_id)
            .where(MeetingAttendee.meeting_id.in_(part), MeetingAttendee.deleted.is_(False))
            .order_by(Household.number, Person.name)
        ):
            came = attendees.setdefault(meeting_id, [])
            # two laptops adding the same villager offline leave two records: one person
            if all(a.person_id != pid for a in came):
                came.append(Attendee(pid, name, number))
        for item, name, number in session.execute(
            select(MeetingItem, raiser.name, Matter.number)
            .outerjoin(raiser, raiser.id == MeetingItem.raised_by_id)
            .outerjoin(Matter, Matter.id == MeetingItem.matter_id)
            .where(MeetingItem.meeting_id.in_(part), MeetingItem.deleted.is_(False))
            .order_by(MeetingItem.hlc)
        ):
            points.setdefault(item.meeting_id, []).append(
                Point(
                    item.id,
                    item.text,
                    item.outcome,
                    item.solution,
                    name or "",
                    item.matter_id,
                    number or "",
                )
            )
    return [
        MeetingRow(
            id=m.id,
            kind=m.kind,
            date=m.date,
            place=m.place,
            host_id=m.host_id,
            host=host,
            group_id=m.group_id,
            group=group or "",
            head_count=m.head_count,
            topics=m.topics,
            discussion=m.discussion,
            decisions=m.decisions,
            village=village or "",
            attendees=tuple(attendees.get(m.id, ())),
            points=tuple(points.get(m.id, ())),
        )
        for m, host, group, village in found
    ]


def meeting(session: Session, meeting_id: uuid.UUID) -> MeetingRow | None:
    m = session.get(Meeting, meeting_id)
    if m is None or m.deleted:
        return None
    found = meetings(session, m.date, m.date, ids=[meeting_id])
    return found[0] if found else None


def frequencies(session: Session, village: uuid.UUID | None | bool = False) -> dict[str, int]:
    """Months between two meetings of each kind (the setting, else the defaults):
    the session's village's, or ``village``'s (see ``reference.get_setting``)."""
    stored = get_setting(session, FREQUENCY_SETTING, village) or {}
    return {
        kind: int(stored.get(kind, months)) for kind, months in DEFAULT_FREQUENCY_MONTHS.items()
    }


@dataclass(frozen=True)
class KindDue:
    """When a kind of meeting last took place and when the next one is due."""

    kind: str
    label: str
    months: int  # 0: no fixed rhythm
    last: dt.date | None
    due: dt.date | None  # None: no rhythm, or never held (then overdue if it has a rhythm)
    overdue: bool
    days_overdue: int


def schedule(
    session: Session, today: dt.date | None = None, village: uuid.UUID | None | bool = False
) -> list[KindDue]:
    """Each kind's last meeting against its frequency: overdue when the
    frequency's months have passed since the last one (or none was ever held).
    ``village``: only that village's meetings, against its own frequencies
    (a township office's database holds many villages)."""
    today = today or dt.date.today()
    q = (
        select(Meeting.kind, func.max(Meeting.date))
        .where(Meeting.deleted.is_(False))
        .group_by(Meeting.kind)
    )
    if village is not False:
        q = q.where(Meeting.village_id == village)
    last = dict(session.execute(q).all())
    out = []
    for kind, months in frequencies(session, village).items():
        held = last.get(kind)
        due = add_months(held, months) if held and months else None
        overdue = bool(months) and (held is None or due < today)
        out.append(
            KindDue(
                kind=kind,
                label=KINDS[kind],
                months=months,
                last=held,
                due=due,
                overdue=overdue,
                days_overdue=(today - due).days if overdue and due else 0,
            )
        )
    return out


@dataclass(frozen=True)
class VillageDue:
    """A village's meeting rhythm (a township office's work bench)."""

    village_id: uuid.UUID
    village: str
    kinds: tuple[KindDue, ...]

    @property
    def overdue(self) -> tuple[KindDue, ...]:
        return tuple(k for k in self.kinds if k.overdue)


def schedule_by_village(session: Session, today: dt.date | None = None) -> list[VillageDue]:
    """Each village's :func:`schedule`: its own meetings against its own
    frequencies (a township office's database), villages in the usual order."""
    today = today or dt.date.today()
    return [
        VillageDue(v.id, v.village, tuple(schedule(session, today, v.id)))
        for v in village_profiles(session)
    ]
