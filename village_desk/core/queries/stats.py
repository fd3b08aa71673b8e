"""Figures: visits per cadre against quotas, and the work bench's counts."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ..domain.lifecycle import OPEN_STATUSES
from ..domain.periods import month_bounds
from ..domain.visits import QUOTA_VISIT_MODES
from ..storage.models import Cadre, DiaryEntry, DiaryHousehold
from .households import HouseholdFilter, household_count
from .matters import MatterFilter, matter_count
from .reference import get_setting


@dataclass(frozen=True)
class CadreVisits:
    cadre_id: uuid.UUID
    name: str
    role: str
    visits: int  # 户次: household contacts of the counted modes, as author or companion
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
    """Per active cadre: visits (户次) and distinct households (户) in [start, end]
    by the modes that count toward quotas (setting ``quota_visit_modes``,
    入户走访 and 慰问 by default), as author or companion — as the township
    workbook's 干部走访统计 counts them."""
    quotas = get_setting(session, "visit_quotas") or {}
    counted = get_setting(session, "quota_visit_modes") or QUOTA_VISIT_MODES
    in_period = and_(
        DiaryEntry.deleted.is_(False),
        DiaryEntry.date.between(start, end),
        DiaryHousehold.deleted.is_(False),
        DiaryEntry.mode.in_(list(counted)),
    )
    contacts: dict[uuid.UUID, list] = {}
    for author, companions, hid in session.execute(
        select(DiaryEntry.author_id, DiaryEntry.companion_ids, DiaryHousehold.household_id)
        .join(DiaryHousehold, DiaryHousehold.entry_id == DiaryEntry.id)
        .where(in_period)
    ):
        for cid in {author} | {uuid.UUID(str(c)) for c in companions or ()}:
            contacts.setdefault(cid, []).append(hid)
    counts = {cid: (len(hids), len(set(hids))) for cid, hids in contacts.items()}
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
