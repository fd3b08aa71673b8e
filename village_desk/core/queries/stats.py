"""Figures: visits per cadre against quotas, and the work bench's counts."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ..domain.lifecycle import OPEN_STATUSES
from ..domain.periods import month_bounds
from ..storage.models import Cadre, DiaryEntry, DiaryHousehold
from .households import HouseholdFilter, household_count
from .matters import MatterFilter, matter_count
from .reference import get_setting


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
