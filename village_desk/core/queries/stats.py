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
from ..storage.models import Cadre, CodeList, DiaryEntry, DiaryHousehold, Household
from .households import HouseholdFilter, household_count
from .keys import UuidKeys, raw
from .matters import MatterFilter, matter_count
from .reference import get_setting, is_township, scope


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


def visit_settings(
    session: Session, village: uuid.UUID | None | bool = False
) -> tuple[dict, set[str]]:
    """(``visit_quotas``, ``quota_visit_modes``) a village's cadres are held
    to: the session's village, or ``village`` (None: the township's own)."""
    return (
        get_setting(session, "visit_quotas", village) or {},
        set(get_setting(session, "quota_visit_modes", village) or QUOTA_VISIT_MODES),
    )


def visit_stats(session: Session, start: dt.date, end: dt.date) -> list[CadreVisits]:
    """Per active cadre: visits (户次) and distinct households (户) in [start, end]
    by the modes that count toward quotas (setting ``quota_visit_modes``,
    入户走访 and 慰问 by default), as author or companion — as the township
    workbook's 干部走访统计 counts them. A township office not scoped to one
    of its villages counts each cadre by the settings of the cadre's own
    village (the township's for its own cadres), as its workbook does."""
    if is_township(session) and scope(session) is None:
        villages = {None} | set(session.scalars(select(Cadre.village_id).distinct()))
        found = village_visit_stats(session, start, end, list(villages))
        return sorted((v for rows in found.values() for v in rows), key=lambda v: v.name)
    quotas, counted = visit_settings(session)
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


# One household contact of a diary entry: (the cadres credited with it — the
# author and every companion —, the entry's mode, the household, the
# household's village, whether the household is on record).
Contact = tuple[frozenset, str, uuid.UUID, "uuid.UUID | None", bool]


def period_contacts(session: Session, start: dt.date, end: dt.date) -> list[Contact]:
    """Every household contact of the diary entries in [start, end] (entries
    and links not deleted), every mode, read once for the figures that count
    them by different rules (:func:`village_visit_stats`, the assessment's
    联系户覆盖率)."""
    ids = UuidKeys()
    codes = CodeList()
    credited: dict[tuple[str, str], frozenset] = {}  # (author, companions) as stored
    out: list[Contact] = []
    for author, companions, mode, hid, on_record, village in session.execute(
        select(
            raw(DiaryEntry.author_id),
            raw(DiaryEntry.companion_ids),
            DiaryEntry.mode,
            raw(DiaryHousehold.household_id),
            raw(Household.id),
            raw(Household.village_id),
        )
        .join(DiaryHousehold, DiaryHousehold.entry_id == DiaryEntry.id)
        .outerjoin(Household, Household.id == DiaryHousehold.household_id)
        .where(
            DiaryEntry.deleted.is_(False),
            DiaryEntry.date.between(start, end),
            DiaryHousehold.deleted.is_(False),
        )
    ):
        who = credited.get((author, companions))
        if who is None:
            listed = codes.process_result_value(companions, None)
            who = frozenset({ids[author]} | {ids[str(c)] for c in listed})
            credited[(author, companions)] = who
        out.append((who, mode, ids[hid], ids[village], on_record is not None))
    return out


def village_visit_stats(
    session: Session,
    start: dt.date,
    end: dt.date,
    villages: list[uuid.UUID | None],
    contacts: list[Contact] | None = None,
) -> dict[uuid.UUID | None, list[CadreVisits]]:
    """:func:`visit_stats` for the cadres of each of ``villages`` (None: the
    township's own cadres), each village's cadres counted by that village's
    settings (``visit_quotas``, ``quota_visit_modes``) exactly as
    :func:`visit_stats` counts them in a session scoped to the village — with
    one read of the period's contacts for all of them (``contacts``:
    :func:`period_contacts` of the same dates, if read already)."""
    settings = {vid: visit_settings(session, vid) for vid in villages}
    cadres = session.scalars(
        select(Cadre).where(Cadre.deleted.is_(False), Cadre.active.is_(True)).order_by(Cadre.name)
    ).all()
    cadre_village = dict(session.execute(select(Cadre.id, Cadre.village_id)).all())
    # The kinds of contact each listed cadre is counted by: its village's.
    counted_for = {
        c.id: settings[cadre_village.get(c.id)][1]
        for c in cadres
        if cadre_village.get(c.id) in settings
    }
    if contacts is None:
        contacts = period_contacts(session, start, end)
    found: dict[uuid.UUID, list] = {}
    for credited, mode, hid, _village, _on_record in contacts:
        for cid in credited:
            modes = counted_for.get(cid)
            if modes is not None and mode in modes:
                found.setdefault(cid, []).append(hid)
    entries = dict(
        session.execute(
            select(DiaryEntry.author_id, func.count())
            .where(DiaryEntry.deleted.is_(False), DiaryEntry.date.between(start, end))
            .group_by(DiaryEntry.author_id)
        ).all()
    )
    out: dict[uuid.UUID | None, list[CadreVisits]] = {vid: [] for vid in villages}
    for c in cadres:
        vid = cadre_village.get(c.id)
        if vid not in out:
            continue
        quota = settings[vid][0].get(c.role) or {}
        unit = "households" if "households" in quota else ("visits" if "visits" in quota else "")
        hids = found.get(c.id, [])
        out[vid].append(
            CadreVisits(
                c.id,
                c.name,
                c.role,
                len(hids),
                len(set(hids)),
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
