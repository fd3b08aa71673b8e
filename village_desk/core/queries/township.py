"""The township office's figures: its villages side by side (乡镇汇总).

Each village is counted exactly as its own laptop's workbook counts it
(``excel/ledger_stats.py``), with that village's settings (which kinds of
contact count toward quotas, the quotas themselves):

* 户数: the village's current households;
* 走访户 / 户次: households contacted in the period by the counted kinds of
  contact (入户走访 and 慰问 by default) and the number of such contacts;
  走访覆盖率 = 走访户 ÷ 户数;
* the period's ledger (matters carried over and received, in their state at
  the period's end): 在账, 已办结, 办结率, 按时办结率, 最终满意率 (of the
  matters whose latest return visit by the period's end is in the period),
  逾期 (open and past the deadline on the report day);
* per cadre: 户 and 户次 against the yearly quota prorated to the period up
  to its report day (a month still under way expects what is due so far),
  rounded up; a per-round quota of a 包村领导 is shown, not prorated;
  township cadres
  (包村领导, 包村干部) are counted across all the villages they visit, under
  the township.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.periods import year_share
from ..storage.models import DiaryEntry, DiaryHousehold, Household, Matter
from .keys import UuidKeys, raw
from .ledger_period import (
    LedgerState,
    OverdueMatter,
    Visit,
    overdue_matters,
    period_ledger,
    report_day,
    return_visits,
)
from .reference import village_profiles
from .stats import CadreVisits, Contact, village_visit_stats, visit_settings

SATISFIED = ("satisfied", "basic")


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class VillageFigures:
    village_id: uuid.UUID | None  # None: the township's own records
    name: str
    households: int = 0
    visited: int = 0  # 走访户
    visits: int = 0  # 户次
    matters: int = 0  # 期内在账
    done: int = 0
    on_time: int = 0
    final_rated: int = 0
    final_satisfied: int = 0
    overdue: int = 0

    @property
    def coverage(self) -> float | None:
        return _ratio(self.visited, self.households)

    @property
    def done_rate(self) -> float | None:
        return _ratio(self.done, self.matters)

    @property
    def on_time_rate(self) -> float | None:
        return _ratio(self.on_time, self.done)

    @property
    def satisfaction_rate(self) -> float | None:
        return _ratio(self.final_satisfied, self.final_rated)


@dataclass(frozen=True)
class CadreFigures:
    """A cadre's visits in the period against the quota prorated to it."""

    village: str  # the village's name, or 乡镇
    visits: CadreVisits
    expected: int | None  # the quota for this period; None: none, or a campaign's
    campaign: bool  # the quota is per round (轮), with its own dates

    @property
    def completion(self) -> float | None:
        if not self.expected:
            return None
        v = self.visits
        done = v.households if v.quota_unit == "households" else v.visits
        return done / self.expected


def _expected(quota: dict, unit: str, start: dt.date, end: dt.date) -> int | None:
    amount = quota.get(unit)
    if not amount or quota.get("period") == "campaign":
        return None
    per_year = amount * 12 if quota.get("period") == "month" else amount
    return math.ceil(per_year * year_share(start, end))


@dataclass
class TownshipFigures:
    start: dt.date
    end: dt.date
    as_of: dt.date
    villages: list[VillageFigures]
    total: VillageFigures
    cadres: list[CadreFigures]


def cadre_figures(
    session: Session,
    start: dt.date,
    end: dt.date,
    today: dt.date | None = None,
    contacts: list[Contact] | None = None,
) -> list[CadreFigures]:
    """Every village's active cadres (by village, then name; the township's
    own cadres last, under 乡镇) against their village's quotas for
    [start, end], each counted by its village's settings (``contacts``:
    ``stats.period_contacts`` of the same dates, if read already)."""
    today = today or dt.date.today()
    as_of = report_day(start, end, today)
    scopes = [(p.id, p.village) for p in village_profiles(session)] + [(None, "乡镇")]
    stats = village_visit_stats(session, start, end, [vid for vid, _ in scopes], contacts)
    out: list[CadreFigures] = []
    for vid, name in scopes:
        quotas = visit_settings(session, vid)[0]
        for c in stats[vid]:
            quota = quotas.get(c.role) or {}
            out.append(
                CadreFigures(
                    name,
                    c,
                    _expected(quota, c.quota_unit, start, as_of),
                    quota.get("period") == "campaign",
                )
            )
    return out


def township_figures(
    session: Session,
    start: dt.date,
    end: dt.date,
    today: dt.date | None = None,
    *,
    cadres: bool = True,
    ledger: list[LedgerState] | None = None,
    visits: dict[uuid.UUID, list[Visit]] | None = None,
) -> TownshipFigures:
    """The figures of every village this database holds for [start, end].

    ``cadres=False`` leaves the cadres' figures out (an empty list). A caller
    that has read them already passes the period's ledger, ``ledger =
    period_ledger(session, start, end, today)``, and its return visits,
    ``visits = return_visits(session, [its matters], report_day(start, end,
    today))``."""
    today = today or dt.date.today()
    as_of = report_day(start, end, today)
    profiles = village_profiles(session)
    rows = {p.id: VillageFigures(p.id, p.village) for p in profiles}
    township = VillageFigures(None, "乡镇")
    ids = UuidKeys()

    # Households and contacts, each village by its own counted kinds.
    for vid, n in session.execute(
        select(Household.village_id, func.count())
        .where(Household.deleted.is_(False))
        .group_by(Household.village_id)
    ):
        rows.get(vid, township).households += n
    counted = {vid: visit_settings(session, vid)[1] for vid in rows}
    # 户次 and 户: the period's contacts per village, mode and household
    # (households compared by their keys as read, only counted).
    visited: dict[uuid.UUID, set] = defaultdict(set)
    for vid, mode, hid, n in session.execute(
        select(
            raw(Household.village_id),
            DiaryEntry.mode,
            raw(DiaryHousehold.household_id),
            func.count(),
        )
        .join(DiaryHousehold, DiaryHousehold.entry_id == DiaryEntry.id)
        .join(Household, Household.id == DiaryHousehold.household_id)
        .where(
            DiaryEntry.deleted.is_(False),
            DiaryHousehold.deleted.is_(False),
            Household.deleted.is_(False),
            DiaryEntry.date.between(start, end),
        )
        .group_by(Household.village_id, DiaryEntry.mode, DiaryHousehold.household_id)
    ):
        vid = ids[vid]
        if vid in rows and mode in counted[vid]:
            rows[vid].visits += n
            visited[vid].add(hid)
    for vid, hids in visited.items():
        rows[vid].visited = len(hids)

    # The period's ledger, per village.
    if ledger is None:
        ledger = period_ledger(session, start, end, today)
    matter_ids = [state.matter_id for state in ledger]
    village_of: dict[uuid.UUID, uuid.UUID | None] = {}
    for at in range(0, len(matter_ids), 500):
        for mid, vid in session.execute(
            select(raw(Matter.id), raw(Matter.village_id)).where(
                Matter.id.in_(matter_ids[at : at + 500])
            )
        ):
            village_of[ids[mid]] = ids[vid]
    if visits is None:
        visits = return_visits(session, matter_ids, as_of)
    for state in ledger:
        row = rows.get(village_of.get(state.matter_id), township)
        row.matters += 1
        if state.done:
            row.done += 1
            row.on_time += state.on_time
        row.overdue += state.overdue
        mine = visits.get(state.matter_id)
        if mine and mine[-1].date >= start:
            row.final_rated += 1
            row.final_satisfied += mine[-1].satisfaction in SATISFIED

    # Cadres against their village's quotas; township cadres under 乡镇.
    figures = cadre_figures(session, start, end, today) if cadres else []
    total = VillageFigures(None, "合计")
    for row in [*rows.values(), township]:
        for key in (
            "households",
            "visited",
            "visits",
            "matters",
            "done",
            "on_time",
            "final_rated",
            "final_satisfied",
            "overdue",
        ):
            setattr(total, key, getattr(total, key) + getattr(row, key))
    villages = list(rows.values())
    if township.matters or township.households:
        villages.append(township)
    return TownshipFigures(start, end, as_of, villages, total, figures)


def village_overdue(
    session: Session, village_id: uuid.UUID | None, as_of: dt.date
) -> list[OverdueMatter]:
    """One village's overdue list on ``as_of`` (the township's drill-down)."""
    found = overdue_matters(session, as_of)
    ids = [o.matter_id for o in found]
    mine: set[uuid.UUID] = set()
    for at in range(0, len(ids), 500):
        mine.update(
            session.scalars(
                select(Matter.id).where(
                    Matter.id.in_(ids[at : at + 500]),
                    Matter.village_id.is_(None)
                    if village_id is None
                    else Matter.village_id == village_id,
                )
            )
        )
    return [o for o in found if o.matter_id in mine]
