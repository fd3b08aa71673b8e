"""Households: the paged list with its filters, labels, one household's members,
pairings and timeline."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import Row, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from ..domain.lifecycle import OPEN_STATUSES, STATUS_LABELS
from ..storage.models import (
    Cadre,
    DiaryEntry,
    DiaryHousehold,
    Household,
    HouseholdSummary,
    Matter,
    Pairing,
    Person,
    VillagerGroup,
    has_code,
)
from .reference import columns, labels


@dataclass
class HouseholdFilter:
    group_id: uuid.UUID | None = None
    category: str | None = None
    cadre_id: uuid.UUID | None = None  # currently paired cadre
    not_visited_days: int | None = None  # never, or not within N days
    has_overdue: bool = False
    today: dt.date = field(default_factory=dt.date.today)
    village_id: uuid.UUID | None = None  # a township office's: one of its villages


@dataclass(frozen=True)
class HouseholdRow:
    id: uuid.UUID
    number: str
    head_name: str
    group_name: str
    phone: str
    categories: list[str]
    cadres: list[str]
    last_visit: dt.date | None
    open_matters: int
    overdue_matters: int
    village_id: uuid.UUID | None = None


def _household_where(flt: HouseholdFilter):
    conds = [Household.deleted.is_(False)]
    if flt.village_id:
        conds.append(Household.village_id == flt.village_id)
    if flt.group_id:
        conds.append(Household.group_id == flt.group_id)
    if flt.category:
        conds.append(has_code(Household.categories, flt.category))
    if flt.cadre_id:
        conds.append(
            exists().where(
                Pairing.household_id == Household.id,
                Pairing.cadre_id == flt.cadre_id,
                Pairing.end_date.is_(None),
                Pairing.deleted.is_(False),
            )
        )
    if flt.not_visited_days is not None:
        since = flt.today - dt.timedelta(days=flt.not_visited_days)
        conds.append(
            or_(HouseholdSummary.last_visit.is_(None), HouseholdSummary.last_visit < since)
        )
    if flt.has_overdue:
        conds.append(HouseholdSummary.next_deadline < flt.today)
    return and_(*conds)


def household_count(session: Session, flt: HouseholdFilter | None = None) -> int:
    flt = flt or HouseholdFilter()
    stmt = select(func.count()).select_from(Household)
    if flt.not_visited_days is not None or flt.has_overdue:
        stmt = stmt.outerjoin(HouseholdSummary, HouseholdSummary.household_id == Household.id)
    return session.scalar(stmt.where(_household_where(flt)))


def household_ids_where(flt: HouseholdFilter):
    """A condition on ``Household.id``: the households the list shows for ``flt``
    (for printing or exporting "what I see")."""
    matching = (
        select(Household.id)
        .outerjoin(HouseholdSummary, HouseholdSummary.household_id == Household.id)
        .where(_household_where(flt))
    )
    return Household.id.in_(matching)


def household_page(
    session: Session,
    flt: HouseholdFilter | None = None,
    offset: int = 0,
    limit: int = 200,
    order: str = "number",
    descending: bool = False,
    after: tuple[str, uuid.UUID] | None = None,
) -> list[HouseholdRow]:
    """A page of the list. ``after`` is the (number, id) of the last row
    already listed, in number order: the page after it is then found from
    the number index without walking the rows before it (``offset`` is not
    used), which keeps scrolling to the end of a township's list quick."""
    flt = flt or HouseholdFilter()
    by_number = order not in ("group", "head", "last_visit", "open") and not descending
    head = aliased_head()
    open_q = func.coalesce(HouseholdSummary.open_matters, 0)
    last_visit = HouseholdSummary.last_visit
    sort = {
        "number": Household.number,
        "group": VillagerGroup.sort_order,
        "head": head.c.name,
        "last_visit": last_visit,
        "open": open_q,
    }.get(order, Household.number)
    stmt = (
        select(
            Household.id,
            Household.number,
            head.c.name,
            VillagerGroup.name,
            Household.phone,
            head.c.phone,
            Household.categories,
            last_visit,
            open_q,
            HouseholdSummary.next_deadline,
            Household.village_id,
        )
        .outerjoin(head, head.c.household_id == Household.id)
        .outerjoin(HouseholdSummary, HouseholdSummary.household_id == Household.id)
        .outerjoin(VillagerGroup, VillagerGroup.id == Household.group_id)
        .where(_household_where(flt))
        .order_by(sort.desc() if descending else sort, Household.number)
        .limit(limit)
    )
    if by_number:  # equal numbers (two villages' 户号) in a fixed order
        stmt = stmt.order_by(Household.id)
    if after is not None:
        if not by_number:
            raise ValueError("after= pages only in number order")
        number, last_id = after
        stmt = stmt.where(
            Household.number >= number, or_(Household.number > number, Household.id > last_id)
        )
    else:
        stmt = stmt.offset(offset)
    rows = session.execute(stmt).all()
    cadres = current_cadre_names(session, [r[0] for r in rows])
    late = [r[0] for r in rows if r[9] is not None and r[9] < flt.today]
    overdue = (
        dict(
            session.execute(
                select(Matter.household_id, func.count())
                .where(
                    Matter.household_id.in_(late),
                    Matter.deleted.is_(False),
                    Matter.status.in_(OPEN_STATUSES),
                    Matter.deadline < flt.today,
                )
                .group_by(Matter.household_id)
            ).all()
        )
        if late
        else {}
    )
    return [
        HouseholdRow(
            id=r[0],
            number=r[1],
            head_name=r[2] or "",
            group_name=r[3] or "",
            phone=r[4] or r[5] or "",
            categories=r[6],
            cadres=cadres.get(r[0], []),
            last_visit=r[7],
            open_matters=r[8],
            overdue_matters=overdue.get(r[0], 0),
            village_id=r[10],
        )
        for r in rows
    ]


def aliased_head():
    """One row per household: its head's name and phone (subquery)."""
    return (
        select(Person.household_id, Person.name, Person.phone)
        .where(Person.relation == "head", Person.deleted.is_(False))
        .subquery("head")
    )


def household_label(head: str | None, number: str) -> str:
    """How a household is named in lists: 户主（户号）."""
    return f"{head or ''}（{number}）"


def household_labels(session: Session, ids) -> dict[uuid.UUID, str]:
    """'户主（户号）' for each of these households."""
    ids = list(ids)
    if not ids:
        return {}
    head = aliased_head()
    rows = session.execute(
        select(Household.id, Household.number, head.c.name)
        .outerjoin(head, head.c.household_id == Household.id)
        .where(Household.id.in_(ids))
    )
    return {hid: household_label(name, number) for hid, number, name in rows}


def current_cadre_names(
    session: Session, household_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[str]]:
    out: dict[uuid.UUID, list[str]] = {}
    if not household_ids:
        return out
    stmt = (
        select(Pairing.household_id, Cadre.name)
        .join(Cadre, Cadre.id == Pairing.cadre_id)
        .where(
            Pairing.household_id.in_(household_ids),
            Pairing.end_date.is_(None),
            Pairing.deleted.is_(False),
        )
        .order_by(Pairing.start_date)
    )
    for hid, name in session.execute(stmt):
        out.setdefault(hid, []).append(name)
    return out


# ------------------------------------------------------------------ timeline


@dataclass(frozen=True)
class TimelineEvent:
    date: dt.date
    kind: str  # "visit" / "matter"
    id: uuid.UUID
    title: str
    detail: str


def household_timeline(session: Session, household_id: uuid.UUID) -> list[TimelineEvent]:
    """Visits and matters of one household, newest first."""
    modes = labels(session, "visit_mode")
    events = []
    visits = session.execute(
        select(DiaryEntry, Cadre.name)
        .join(DiaryHousehold, DiaryHousehold.entry_id == DiaryEntry.id)
        .join(Cadre, Cadre.id == DiaryEntry.author_id)
        .where(
            DiaryHousehold.household_id == household_id,
            DiaryHousehold.deleted.is_(False),
            DiaryEntry.deleted.is_(False),
        )
    )
    for entry, author in visits:
        summary = entry.narrative or entry.q_basic or entry.q_hardship
        events.append(
            TimelineEvent(
                entry.date,
                "visit",
                entry.id,
                f"{modes.get(entry.mode, entry.mode)} · {author}",
                summary[:80],
            )
        )
    matters = session.scalars(
        select(Matter).where(Matter.household_id == household_id, Matter.deleted.is_(False))
    )
    for m in matters:
        events.append(
            TimelineEvent(
                m.received_date,
                "matter",
                m.id,
                f"{m.number} · {STATUS_LABELS[m.status]}",
                m.content[:80],
            )
        )
    events.sort(key=lambda e: (e.date, e.kind == "matter"), reverse=True)
    return events


# ------------------------------------------------------------------ one household


def household(session: Session, household_id: uuid.UUID) -> Row | None:
    """One household's own fields (deleted ones too: the caller decides)."""
    return session.execute(select(*columns(Household)).where(Household.id == household_id)).first()


def members(session: Session, household_id: uuid.UUID) -> list[Row]:
    """Living members, the head first, then by birth date."""
    return list(
        session.execute(
            select(*columns(Person))
            .where(Person.household_id == household_id, Person.deleted.is_(False))
            .order_by((Person.relation != "head"), Person.birth_date)
        )
    )


def head_of(session: Session, household_id: uuid.UUID) -> Row | None:
    """The household's head (户主), if it has one."""
    return session.execute(
        select(*columns(Person)).where(
            Person.household_id == household_id,
            Person.relation == "head",
            Person.deleted.is_(False),
        )
    ).first()


def pairings(session: Session, household_id: uuid.UUID, current_only: bool = True) -> list[Row]:
    q = select(*columns(Pairing)).where(
        Pairing.household_id == household_id, Pairing.deleted.is_(False)
    )
    if current_only:
        q = q.where(Pairing.end_date.is_(None))
    return list(session.execute(q.order_by(Pairing.start_date)))


def person(session: Session, person_id: uuid.UUID) -> Row | None:
    """One person's own fields (deleted ones too: the caller decides)."""
    return session.execute(select(*columns(Person)).where(Person.id == person_id)).first()
