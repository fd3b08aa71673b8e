"""Read-side queries the GUI, CLI and reports share.

All filtering and counting happens in SQL; pages are fetched with
offset/limit so a list of tens of thousands of households stays lazy.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from .ledger import OPEN_STATUSES
from .models import (
    Cadre,
    DiaryEntry,
    DiaryHousehold,
    DiaryItem,
    Household,
    HouseholdSummary,
    Matter,
    MatterNote,
    Pairing,
    Person,
    VillagerGroup,
    has_code,
)
from .setup import get_setting

# ------------------------------------------------------------------ households


@dataclass
class HouseholdFilter:
    group_id: uuid.UUID | None = None
    category: str | None = None
    cadre_id: uuid.UUID | None = None  # currently paired cadre
    not_visited_days: int | None = None  # never, or not within N days
    has_overdue: bool = False
    today: dt.date = field(default_factory=dt.date.today)


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


def _household_where(flt: HouseholdFilter):
    conds = [Household.deleted.is_(False)]
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
) -> list[HouseholdRow]:
    flt = flt or HouseholdFilter()
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
        )
        .outerjoin(head, head.c.household_id == Household.id)
        .outerjoin(HouseholdSummary, HouseholdSummary.household_id == Household.id)
        .outerjoin(VillagerGroup, VillagerGroup.id == Household.group_id)
        .where(_household_where(flt))
        .order_by(sort.desc() if descending else sort, Household.number)
        .offset(offset)
        .limit(limit)
    )
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
    from .ledger import STATUS_LABELS
    from .setup import labels

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


# ------------------------------------------------------------------ matters


@dataclass
class MatterFilter:
    statuses: tuple[str, ...] = ()
    kind: str | None = None
    service_type: str | None = None
    level: str | None = None
    cadre_id: uuid.UUID | None = None  # responsible or co-handler
    overdue: bool = False
    due_within_days: int | None = None  # open and due within N days (not yet overdue)
    month: tuple[int, int] | None = None  # received in (year, month)
    household_id: uuid.UUID | None = None
    today: dt.date = field(default_factory=dt.date.today)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month (the month-end review uses the last day)."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _matter_where(flt: MatterFilter):
    conds = [Matter.deleted.is_(False)]
    if flt.statuses:
        conds.append(Matter.status.in_(flt.statuses))
    if flt.kind:
        conds.append(Matter.kind == flt.kind)
    if flt.service_type:
        conds.append(Matter.service_type == flt.service_type)
    if flt.level:
        conds.append(Matter.level == flt.level)
    if flt.cadre_id:
        conds.append(
            or_(
                Matter.responsible_id == flt.cadre_id,
                has_code(Matter.co_handler_ids, flt.cadre_id),
            )
        )
    if flt.overdue:
        conds += [Matter.status.in_(OPEN_STATUSES), Matter.deadline < flt.today]
    if flt.due_within_days is not None:
        conds += [
            Matter.status.in_(OPEN_STATUSES),
            Matter.deadline >= flt.today,
            Matter.deadline <= flt.today + dt.timedelta(days=flt.due_within_days),
        ]
    if flt.month:
        first, last = month_bounds(*flt.month)
        conds.append(Matter.received_date.between(first, last))
    if flt.household_id:
        conds.append(Matter.household_id == flt.household_id)
    return and_(*conds)


def matter_count(session: Session, flt: MatterFilter | None = None) -> int:
    flt = flt or MatterFilter()
    return session.scalar(select(func.count()).select_from(Matter).where(_matter_where(flt)))


def matter_page(
    session: Session, flt: MatterFilter | None = None, offset: int = 0, limit: int = 200
) -> list[Matter]:
    flt = flt or MatterFilter()
    stmt = (
        select(Matter)
        .where(_matter_where(flt))
        .order_by(Matter.received_date.desc(), Matter.number.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(session.scalars(stmt))


# ------------------------------------------------------------------ visits


@dataclass(frozen=True)
class CadreVisits:
    cadre_id: uuid.UUID
    name: str
    role: str
    visits: int  # 户次: household contacts in entries the cadre wrote
    households: int  # 户: distinct households
    entries: int
    quota: int | None  # for the period's quota unit, if the role has one
    quota_unit: str  # "households" / "visits" / ""

    @property
    def completion(self) -> float | None:
        if not self.quota:
            return None
        done = self.households if self.quota_unit == "households" else self.visits
        return done / self.quota


def visit_stats(session: Session, start: dt.date, end: dt.date) -> list[CadreVisits]:
    """Per active cadre: visits (户次) and distinct households (户) in [start, end]."""
    quotas = get_setting(session, "visit_quotas") or {}
    in_period = and_(
        DiaryEntry.deleted.is_(False),
        DiaryEntry.date.between(start, end),
        DiaryHousehold.deleted.is_(False),
    )
    counts = {
        cid: (visits, households)
        for cid, visits, households in session.execute(
            select(
                DiaryEntry.author_id,
                func.count(DiaryHousehold.id),
                func.count(DiaryHousehold.household_id.distinct()),
            )
            .join(DiaryHousehold, DiaryHousehold.entry_id == DiaryEntry.id)
            .where(in_period)
            .group_by(DiaryEntry.author_id)
        )
    }
    entries = dict(
        session.execute(
            select(DiaryEntry.author_id, func.count())
            .where(DiaryEntry.deleted.is_(False), DiaryEntry.date.between(start, end))
            .group_by(DiaryEntry.author_id)
        ).all()
    )
    out = []
    for c in session.scalars(
        select(Cadre).where(Cadre.deleted.is_(False), Cadre.active.is_(True)).order_by(Cadre.name)
    ):
        quota = quotas.get(c.role) or {}
        unit = "households" if "households" in quota else ("visits" if "visits" in quota else "")
        visits, households = counts.get(c.id, (0, 0))
        out.append(
            CadreVisits(
                c.id,
                c.name,
                c.role,
                visits,
                households,
                entries.get(c.id, 0),
                quota.get(unit),
                unit,
            )
        )
    return out


# ------------------------------------------------------------------ month end and dashboard


@dataclass
class MonthEndReview:
    """Before the month's last day: what can be closed, what needs a note."""

    month_end: dt.date
    closable: list[Matter]  # 已回访 (satisfied / basic): 销号
    awaiting_return_visit: list[Matter]  # 已办结, not yet visited back
    needs_progress_note: list[Matter]  # open, no note this month
    overdue: list[Matter]


def month_end_review(
    session: Session, year: int, month: int, today: dt.date | None = None
) -> MonthEndReview:
    first, last = month_bounds(year, month)
    today = today or dt.date.today()
    alive = Matter.deleted.is_(False)
    noted = (
        select(MatterNote.id)
        .where(
            MatterNote.matter_id == Matter.id,
            MatterNote.deleted.is_(False),
            MatterNote.date.between(first, last),
        )
        .exists()
    )

    def q(*conds):
        return list(
            session.scalars(
                select(Matter).where(alive, *conds).order_by(Matter.deadline, Matter.number)
            )
        )

    return MonthEndReview(
        month_end=last,
        closable=q(Matter.status == "feedback", Matter.satisfaction != "unsatisfied"),
        awaiting_return_visit=q(Matter.status == "done"),
        needs_progress_note=q(
            Matter.status.in_(OPEN_STATUSES), Matter.received_date <= last, ~noted
        ),
        overdue=q(Matter.status.in_(OPEN_STATUSES), Matter.deadline < today),
    )


@dataclass
class Dashboard:
    overdue: int
    due_soon: int
    awaiting_return_visit: int
    open_matters: int
    never_visited: int
    long_unvisited: int
    long_unvisited_days: int
    households: int
    month_visits: list[CadreVisits]
    monthly_minimum: int
    duty_days: list[int]


def dashboard(session: Session, today: dt.date | None = None) -> Dashboard:
    today = today or dt.date.today()
    due_days = int(get_setting(session, "due_soon_days") or 3)
    long_days = int(get_setting(session, "long_unvisited_days") or 90)
    first, last = month_bounds(today.year, today.month)
    never = HouseholdFilter(not_visited_days=100 * 365, today=today)
    return Dashboard(
        overdue=matter_count(session, MatterFilter(overdue=True, today=today)),
        due_soon=matter_count(session, MatterFilter(due_within_days=due_days, today=today)),
        awaiting_return_visit=matter_count(session, MatterFilter(statuses=("done",), today=today)),
        open_matters=matter_count(session, MatterFilter(statuses=OPEN_STATUSES, today=today)),
        never_visited=household_count(session, never),
        long_unvisited=household_count(
            session, HouseholdFilter(not_visited_days=long_days, today=today)
        ),
        long_unvisited_days=long_days,
        households=household_count(session),
        month_visits=visit_stats(session, first, min(last, today)),
        monthly_minimum=int(get_setting(session, "monthly_visit_minimum") or 0),
        duty_days=list(get_setting(session, "duty_days") or []),
    )


def diary_items_for_matter(session: Session, matter_id: uuid.UUID) -> list[DiaryItem]:
    return list(
        session.scalars(
            select(DiaryItem).where(DiaryItem.matter_id == matter_id, DiaryItem.deleted.is_(False))
        )
    )
