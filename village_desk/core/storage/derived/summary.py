"""Per-household figures the household list sorts and filters on.

``household_summary`` holds, for each household, the date of its last visit,
the number of open matters and the earliest deadline among them. Computing
these per row on every page of a 10,000-household list costs hundreds of
milliseconds; stored, the list's filters and sorts are index lookups.

The table is derived data, like the search index: it is not journaled or
synced, and :func:`rebuild` recomputes it from the records at any time. It is
kept current without any service having to remember it: before a journaled
transaction commits, the registry (``derived/__init__.py``) hands it the
transaction's change rows, and :func:`refresh_from` recomputes the summary of
the households those rows concern.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import and_, delete, func, insert, select, true
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ...domain.lifecycle import OPEN_STATUSES
from ..models import (
    DiaryEntry,
    DiaryHousehold,
    Household,
    HouseholdSummary,
    Matter,
)

# Above this many change rows in one transaction (and more than twice the
# households), recompute everything.
REBUILD_ABOVE = 5000
_CHUNK = 500
ENTITIES = frozenset({"household", "matter", "diary_entry", "diary_household"})


def _summary_select(where):
    open_ = and_(
        Matter.household_id == Household.id,
        Matter.deleted.is_(False),
        Matter.status.in_(OPEN_STATUSES),
    )
    last_visit = (
        select(func.max(DiaryEntry.date))
        .join(DiaryHousehold, DiaryHousehold.entry_id == DiaryEntry.id)
        .where(
            DiaryHousehold.household_id == Household.id,
            DiaryHousehold.deleted.is_(False),
            DiaryEntry.deleted.is_(False),
        )
        .scalar_subquery()
    )
    return select(
        Household.id,
        last_visit.label("last_visit"),
        select(func.count()).where(open_).scalar_subquery().label("open_matters"),
        select(func.min(Matter.deadline)).where(open_).scalar_subquery().label("next_deadline"),
    ).where(where)


_COLUMNS = ["household_id", "last_visit", "open_matters", "next_deadline"]


def refresh(session: Session, household_ids: Iterable[uuid.UUID]) -> None:
    """Recompute the summary of these households."""
    ids = list(set(household_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        session.execute(delete(HouseholdSummary).where(HouseholdSummary.household_id.in_(chunk)))
        session.execute(
            insert(HouseholdSummary).from_select(_COLUMNS, _summary_select(Household.id.in_(chunk)))
        )


def rebuild(session: Session | Connection) -> int:
    """Recompute the summary of every household; returns the number of rows."""
    session.execute(delete(HouseholdSummary))
    session.execute(insert(HouseholdSummary).from_select(_COLUMNS, _summary_select(true())))
    return session.scalar(select(func.count()).select_from(HouseholdSummary))


def households_changed_by(session: Session, rows: Sequence[Mapping]) -> set[uuid.UUID] | None:
    """Households whose summary these change rows may have changed; ``None``
    when they are so many that rebuilding everything is cheaper (more change
    rows than twice the households: demo data, a first import)."""
    if len(rows) > REBUILD_ABOVE:
        total = session.scalar(select(func.count()).select_from(Household)) or 0
        if len(rows) > 2 * total:
            return None
    by_entity: dict[str, list[uuid.UUID]] = {e: [] for e in ENTITIES}
    ids: set[uuid.UUID] = set()
    for row in rows:
        by_entity[row["entity"]].append(row["record_id"])
        if row["entity"] == "matter":  # a matter moved to another household
            old = json.loads(row["changes"]).get("household_id", [None])[0]
            if old:
                ids.add(uuid.UUID(old))
    ids.update(by_entity["household"])
    lookups = (
        (Matter.household_id, Matter.id, by_entity["matter"]),
        (DiaryHousehold.household_id, DiaryHousehold.id, by_entity["diary_household"]),
        (DiaryHousehold.household_id, DiaryHousehold.entry_id, by_entity["diary_entry"]),
    )
    for column, key, records in lookups:
        for start in range(0, len(records), _CHUNK):
            chunk = records[start : start + _CHUNK]
            ids.update(h for h in session.scalars(select(column).where(key.in_(chunk))) if h)
    return ids


def refresh_from(session: Session, rows: Sequence[Mapping]) -> None:
    """Bring the summary up to date after these change rows (registry hook)."""
    ids = households_changed_by(session, rows)
    if ids is None:
        rebuild(session)
    elif ids:
        refresh(session, ids)


def stale(session: Session | Connection) -> int:
    """How many households' stored summary differs from their records."""
    fresh = _summary_select(Household.deleted.is_(False)).subquery()
    stored = HouseholdSummary
    differs = (
        select(func.count())
        .select_from(fresh)
        .outerjoin(stored, stored.household_id == fresh.c.id)
        .where(
            stored.household_id.is_(None)
            | stored.last_visit.is_distinct_from(fresh.c.last_visit)
            | stored.open_matters.is_distinct_from(fresh.c.open_matters)
            | stored.next_deadline.is_distinct_from(fresh.c.next_deadline)
        )
    )
    return session.scalar(differs)
