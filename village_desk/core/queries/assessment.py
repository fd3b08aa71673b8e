"""Spot-checks of diaries and the yearly assessment of cadres (一测一考).

Definitions (the sheet and the print state them too; see
``domain/assessment.py`` for the spot-check and the 三评):

* 走访户 / 户次 against the quota: as 乡镇汇总 counts them
  (``queries.township.CadreFigures``): contacts of the counted kinds
  (入户走访 and 慰问 by default) as author or companion in the year, the
  yearly quota prorated to the year up to its report day
  (``domain.periods.year_share``), rounded up; 走访完成率 = done ÷ due.
* 联系户覆盖率: of the households paired with the cadre on the report day
  (结对 in effect then), the share the cadre contacted in the year by the
  counted kinds.
* matters (主办责任人 = the cadre), from the year's ledger as the workbook
  counts them (``queries.ledger_period``): 在账, 已办结, 办结率 = 已办结 ÷
  在账, 按时办结率 = 按时办结 ÷ 已办结, 满意率 = the final return visit's
  满意 or 基本满意 ÷ matters whose latest return visit is in the year
  (最终满意率).
* 践诺率 = 已践诺 ÷ 承诺件数 of the year (``queries.commitments``).
* 日记抽查: the findings on the cadre's entries of the year (as author)
  drawn in any spot-check; 真实率 = 真实 ÷ 已抽查.
* 测评满意率 = (满意 + 基本满意) ÷ 票数 of the entered 群众测评.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from ..domain.assessment import FINDINGS, pct, poll_rate, ratio
from ..domain.visits import QUOTA_VISIT_MODES
from ..storage.models import (
    Assessment,
    Cadre,
    DiaryEntry,
    DiaryHousehold,
    Household,
    Matter,
    Pairing,
    Person,
    SpotCheck,
    SpotCheckItem,
    VillageProfile,
)
from .commitments import keeping_rates
from .keys import UuidKeys, raw
from .ledger_period import LedgerState, period_ledger, report_day, return_visits
from .reference import get_setting, labels
from .stats import Contact, period_contacts
from .township import SATISFIED, cadre_figures

CHUNK = 500


# --------------------------------------------------------------------------- spot-checks


def scope_entries(
    session: Session,
    start: dt.date,
    end: dt.date,
    village_id: uuid.UUID | None = None,
    cadre_id: uuid.UUID | None = None,
) -> list[uuid.UUID]:
    """The diary entries a spot-check draws from, in the stable order of the
    draw: by date, then by the entry's id (its 32 hex digits). ``village_id``:
    entries of that village; ``cadre_id``: entries the cadre wrote."""
    q = select(DiaryEntry.id, DiaryEntry.date).where(
        DiaryEntry.deleted.is_(False), DiaryEntry.date.between(start, end)
    )
    if village_id is not None:
        q = q.where(DiaryEntry.village_id == village_id)
    if cadre_id is not None:
        q = q.where(DiaryEntry.author_id == cadre_id)
    found = session.execute(q).all()
    return [eid for eid, _date in sorted(found, key=lambda r: (r[1], r[0].hex))]


@dataclass(frozen=True)
class SpotCheckRow:
    id: uuid.UUID
    date: dt.date
    inspector: str
    village: str  # the village checked ("" all)
    cadre: str  # the cadre checked ("" all)
    period_start: dt.date
    period_end: dt.date
    sample_size: int
    population: int
    seed: int
    note: str
    scope_village_id: uuid.UUID | None
    cadre_id: uuid.UUID | None
    findings: Counter = field(default_factory=Counter)  # code → count ("" unchecked)

    @property
    def drawn(self) -> int:
        return sum(self.findings.values())

    @property
    def checked(self) -> int:
        return self.drawn - self.findings.get("", 0)

    @property
    def true_rate(self) -> float | None:
        """日记真实率 = 真实 ÷ 已抽查."""
        return ratio(self.findings.get("true", 0), self.checked)

    @property
    def scope(self) -> str:
        parts = [p for p in (self.village, self.cadre) if p]
        return "、".join(parts) or "全部日记"


def spot_checks(session: Session, year: int | None = None) -> list[SpotCheckRow]:
    """The spot-checks (of a year, by the day they were made), newest first."""
    scope_village = aliased(VillageProfile)
    q = (
        select(SpotCheck, scope_village.village, Cadre.name)
        .outerjoin(scope_village, scope_village.id == SpotCheck.scope_village_id)
        .outerjoin(Cadre, Cadre.id == SpotCheck.cadre_id)
        .where(SpotCheck.deleted.is_(False))
    )
    if year is not None:
        q = q.where(SpotCheck.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    found = session.execute(q).all()
    counts: dict[uuid.UUID, Counter] = defaultdict(Counter)
    ids = [c.id for c, *_ in found]
    for at in range(0, len(ids), CHUNK):
        for check_id, finding in session.execute(
            select(SpotCheckItem.check_id, SpotCheckItem.finding).where(
                SpotCheckItem.check_id.in_(ids[at : at + CHUNK]),
                SpotCheckItem.deleted.is_(False),
            )
        ):
            counts[check_id][finding] += 1
    rows = [
        SpotCheckRow(
            id=c.id,
            date=c.date,
            inspector=c.inspector,
            village=village or "",
            cadre=cadre or "",
            period_start=c.period_start,
            period_end=c.period_end,
            sample_size=c.sample_size,
            population=c.population,
            seed=c.seed,
            note=c.note,
            scope_village_id=c.scope_village_id,
            cadre_id=c.cadre_id,
            findings=counts.get(c.id, Counter()),
        )
        for c, village, cadre in found
    ]
    rows.sort(key=lambda r: (r.date, r.id.hex), reverse=True)
    return rows


def spot_check(session: Session, check_id: uuid.UUID) -> SpotCheckRow | None:
    for row in spot_checks(session):
        if row.id == check_id:
            return row
    return None


@dataclass(frozen=True)
class CheckedEntry:
    """A sampled diary entry with what the inspector found."""

    item_id: uuid.UUID
    position: int
    entry_id: uuid.UUID
    date: dt.date
    author: str
    mode: str  # the visit mode's label
    households: str  # 户号 户主, …
    place: str
    text: str  # the six questions, narrative and help given, as written
    entry_deleted: bool
    finding: str
    note: str


def checked_entries(session: Session, check_id: uuid.UUID) -> list[CheckedEntry]:
    """The entries a spot-check drew, in the order drawn, each as written."""
    modes = labels(session, "visit_mode")
    rows = session.execute(
        select(SpotCheckItem, DiaryEntry, Cadre.name)
        .join(DiaryEntry, DiaryEntry.id == SpotCheckItem.entry_id)
        .outerjoin(Cadre, Cadre.id == DiaryEntry.author_id)
        .where(SpotCheckItem.check_id == check_id, SpotCheckItem.deleted.is_(False))
        .order_by(SpotCheckItem.position)
    ).all()
    entry_ids = [e.id for _i, e, _n in rows]
    visited: dict[uuid.UUID, list[str]] = defaultdict(list)
    for at in range(0, len(entry_ids), CHUNK):
        for eid, number, head in session.execute(
            select(DiaryHousehold.entry_id, Household.number, Person.name)
            .join(Household, Household.id == DiaryHousehold.household_id)
            .outerjoin(
                Person,
                and_(
                    Person.household_id == Household.id,
                    Person.relation == "head",
                    Person.deleted.is_(False),
                ),
            )
            .where(
                DiaryHousehold.entry_id.in_(entry_ids[at : at + CHUNK]),
                DiaryHousehold.deleted.is_(False),
            )
            .order_by(Household.number)
        ):
            visited[eid].append(f"{number} {head}" if head else number)
    out = []
    for item, e, author in rows:
        out.append(
            CheckedEntry(
                item_id=item.id,
                position=item.position,
                entry_id=e.id,
                date=e.date,
                author=author or "",
                mode=modes.get(e.mode, e.mode),
                households="、".join(visited.get(e.id, ())),
                place=e.place,
                text=entry_text(e),
                entry_deleted=e.deleted,
                finding=item.finding,
                note=item.note,
            )
        )
    return out


def entry_text(e: DiaryEntry) -> str:
    from ..domain.visits import SIX_QUESTIONS

    parts = [f"{label}：{getattr(e, key)}" for key, label in SIX_QUESTIONS if getattr(e, key)]
    if e.narrative:
        parts.append(f"走访情况：{e.narrative}")
    if e.help_given:
        parts.append(f"帮扶措施：{e.help_given}")
    return "\n".join(parts)


# --------------------------------------------------------------------------- the year


@dataclass(frozen=True)
class Entered:
    """What was entered for a cadre's year (三评)."""

    self_score: int | None = None
    self_text: str = ""
    leader_score: int | None = None
    leader_name: str = ""
    leader_comment: str = ""
    poll_satisfied: int | None = None
    poll_basic: int | None = None
    poll_unsatisfied: int | None = None
    poll_date: dt.date | None = None

    @property
    def votes(self) -> int:
        return (self.poll_satisfied or 0) + (self.poll_basic or 0) + (self.poll_unsatisfied or 0)

    @property
    def poll_rate(self) -> float | None:
        return poll_rate(self.poll_satisfied, self.poll_basic, self.poll_unsatisfied)


@dataclass
class CadreYear:
    """One cadre's assessment sheet of a year: the figures and the 三评."""

    cadre_id: uuid.UUID
    name: str
    role: str
    village: str  # the village's name, or 乡镇 for a township cadre
    village_id: uuid.UUID | None
    households: int = 0  # 走访户
    visits: int = 0  # 户次
    quota_unit: str = ""  # households / visits / ""
    expected: int | None = None  # due by the report day (None: no yearly quota)
    campaign: bool = False
    paired: int = 0  # 联系户 on the report day
    paired_visited: int = 0
    matters: int = 0  # 主办, in the year's ledger
    done: int = 0
    on_time: int = 0
    final_rated: int = 0
    final_satisfied: int = 0
    commitments: int = 0
    kept: int = 0
    findings: Counter = field(default_factory=Counter)  # code → count, checked only
    entered: Entered = field(default_factory=Entered)

    @property
    def done_for_quota(self) -> int:
        return self.households if self.quota_unit == "households" else self.visits

    @property
    def completion(self) -> float | None:
        return ratio(self.done_for_quota, self.expected) if self.expected else None

    @property
    def paired_coverage(self) -> float | None:
        return ratio(self.paired_visited, self.paired)

    @property
    def done_rate(self) -> float | None:
        return ratio(self.done, self.matters)

    @property
    def on_time_rate(self) -> float | None:
        return ratio(self.on_time, self.done)

    @property
    def satisfaction_rate(self) -> float | None:
        return ratio(self.final_satisfied, self.final_rated)

    @property
    def keeping_rate(self) -> float | None:
        return ratio(self.kept, self.commitments)

    @property
    def checked(self) -> int:
        return sum(self.findings.values())

    @property
    def true_rate(self) -> float | None:
        return ratio(self.findings.get("true", 0), self.checked)

    @property
    def poll_rate(self) -> float | None:
        return self.entered.poll_rate


@dataclass(frozen=True)
class AssessmentYear:
    year: int
    as_of: dt.date  # the report day: the year's last day, or today
    cadres: list[CadreYear]


def assessment_id(cadre_id: uuid.UUID, year: int, part: str) -> uuid.UUID:
    """One record per cadre, year and evaluation (自评, 点评, 群众测评), the
    same id on every copy: two laptops entering it offline merge, and two
    laptops entering different evaluations never touch each other's."""
    from ..domain.ids import NAMESPACE

    return uuid.uuid5(NAMESPACE, f"assessment:{cadre_id}:{year}:{part}")


def entered(session: Session, cadre_id: uuid.UUID, year: int) -> Entered:
    found = session.scalars(
        select(Assessment).where(
            Assessment.deleted.is_(False),
            Assessment.cadre_id == cadre_id,
            Assessment.year == year,
        )
    ).all()
    return _entered(found)


def _entered(parts) -> Entered:
    """The 三评 of one cadre's year from its records (one per part)."""
    values: dict = {}
    for a in parts:
        if a.part == "self":
            values.update(self_score=a.score, self_text=a.text)
        elif a.part == "leader":
            values.update(leader_score=a.score, leader_name=a.assessor, leader_comment=a.text)
        elif a.part == "poll":
            values.update(
                poll_satisfied=a.satisfied,
                poll_basic=a.basic,
                poll_unsatisfied=a.unsatisfied,
                poll_date=a.date,
            )
    return Entered(**values)


def assessment_year(
    session: Session,
    year: int,
    today: dt.date | None = None,
    *,
    ledger: list[LedgerState] | None = None,
    visits: dict | None = None,
) -> AssessmentYear:
    """Every active cadre's figures of ``year`` and the entered 三评, by
    village (township cadres under 乡镇) and name.

    ``ledger`` and ``visits``, when a caller has them already, are the year's
    ``period_ledger`` and the ``return_visits`` of (at least) its matters on
    the year's report day; else they are read here."""
    today = today or dt.date.today()
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    as_of = report_day(start, end, today)
    roles = labels(session, "role")
    cadre_village = dict(session.execute(select(Cadre.id, Cadre.village_id)).all())
    rows: dict[uuid.UUID, CadreYear] = {}
    contacts = period_contacts(session, start, end)  # read once for both figures
    for f in cadre_figures(session, start, end, today, contacts):
        v = f.visits
        rows[v.cadre_id] = CadreYear(
            cadre_id=v.cadre_id,
            name=v.name,
            role=roles.get(v.role, v.role),
            village=f.village,
            village_id=cadre_village.get(v.cadre_id),
            households=v.households,
            visits=v.visits,
            quota_unit=v.quota_unit,
            expected=f.expected,
            campaign=f.campaign,
        )
    if not rows:
        return AssessmentYear(year, as_of, [])

    # 联系户 on the report day, and which of them the cadre contacted.
    paired: dict[uuid.UUID, set] = defaultdict(set)
    for cid, hid in session.execute(
        select(Pairing.cadre_id, Pairing.household_id)
        .join(Household, Household.id == Pairing.household_id)
        .where(
            Pairing.deleted.is_(False),
            Household.deleted.is_(False),
            Pairing.start_date <= as_of,
            or_(Pairing.end_date.is_(None), Pairing.end_date >= as_of),
        )
    ):
        paired[cid].add(hid)
    contacted = _contacted(session, contacts)
    for cid, row in rows.items():
        mine = paired.get(cid, set())
        row.paired = len(mine)
        row.paired_visited = len(mine & contacted.get(cid, set()))

    # The year's ledger, matters of which the cadre is 主办责任人.
    if ledger is None:
        ledger = period_ledger(session, start, end, today)
    ids = [state.matter_id for state in ledger]
    keys = UuidKeys()
    responsible: dict[uuid.UUID, uuid.UUID | None] = {}
    for at in range(0, len(ids), CHUNK):
        for mid, cid in session.execute(
            select(raw(Matter.id), raw(Matter.responsible_id)).where(
                Matter.id.in_(ids[at : at + CHUNK])
            )
        ):
            responsible[keys[mid]] = keys[cid]
    if visits is None:
        visits = return_visits(session, ids, as_of)
    for state in ledger:
        row = rows.get(responsible.get(state.matter_id))
        if row is None:
            continue
        row.matters += 1
        if state.done:
            row.done += 1
            row.on_time += state.on_time
        seen = visits.get(state.matter_id)
        if seen and seen[-1].date >= start:
            row.final_rated += 1
            row.final_satisfied += seen[-1].satisfaction in SATISFIED

    for r in keeping_rates(session, year):
        if r.cadre_id in rows:
            rows[r.cadre_id].commitments, rows[r.cadre_id].kept = r.total, r.kept

    for author, finding in session.execute(
        select(DiaryEntry.author_id, SpotCheckItem.finding)
        .join(DiaryEntry, DiaryEntry.id == SpotCheckItem.entry_id)
        .join(SpotCheck, SpotCheck.id == SpotCheckItem.check_id)
        .where(
            SpotCheckItem.deleted.is_(False),
            SpotCheck.deleted.is_(False),
            SpotCheckItem.finding.in_(list(FINDINGS)),
            DiaryEntry.date.between(start, end),
        )
    ):
        if author in rows:
            rows[author].findings[finding] += 1

    parts: dict[uuid.UUID, list] = defaultdict(list)
    for a in session.scalars(
        select(Assessment).where(Assessment.deleted.is_(False), Assessment.year == year)
    ):
        parts[a.cadre_id].append(a)
    for cid, found in parts.items():
        if cid in rows:
            rows[cid].entered = _entered(found)
    out = sorted(rows.values(), key=lambda r: (r.village == "乡镇", r.village, r.name))
    return AssessmentYear(year, as_of, out)


def _contacted(session: Session, contacts: list[Contact]) -> dict[uuid.UUID, set]:
    """Households on record each cadre contacted (``contacts``: the year's,
    ``stats.period_contacts``) by the kinds counted toward quotas (the
    household's village's setting), as author or companion."""
    counted: dict = {}

    def counts(village) -> set:
        if village not in counted:
            counted[village] = set(
                get_setting(session, "quota_visit_modes", village) or QUOTA_VISIT_MODES
            )
        return counted[village]

    out: dict[uuid.UUID, set] = defaultdict(set)
    for credited, mode, hid, village, on_record in contacts:
        if not on_record or mode not in counts(village):
            continue
        for cid in credited:
            out[cid].add(hid)
    return out


def years(session: Session, today: dt.date | None = None) -> list[int]:
    """The years an assessment can be made for, newest first: this year and
    every year with diary entries, spot-checks or entered evaluations."""
    today = today or dt.date.today()
    found = {today.year}
    first = session.scalar(
        select(DiaryEntry.date).where(DiaryEntry.deleted.is_(False)).order_by(DiaryEntry.date)
    )
    if first is not None and first.year <= today.year:
        found.update(range(first.year, today.year + 1))
    found.update(
        session.scalars(select(Assessment.year).where(Assessment.deleted.is_(False))).all()
    )
    return sorted((y for y in found if y <= today.year), reverse=True)


def score_text(score: int | None) -> str:
    return "—" if score is None else f"{score} 分"


def figure_rows(r: CadreYear) -> list[tuple[str, str]]:
    """The 一考 figures of one cadre as label, value (the print and the page)."""
    word = "户" if r.quota_unit == "households" else "户次"
    if r.expected:
        quota = f"应完成 {r.expected}{word}，已完成 {r.done_for_quota}{word}，完成率 {pct(r.completion)}"
    elif r.campaign:
        quota = "按轮次考核（见干部走访统计）"
    else:
        quota = "本职务未设走访任务"
    findings = "，".join(f"{label} {r.findings.get(code, 0)}" for code, label in FINDINGS.items())
    return [
        ("走访", f"{r.households} 户，{r.visits} 户次"),
        ("走访任务", quota),
        (
            "联系户覆盖率",
            f"联系户 {r.paired} 户，走访到 {r.paired_visited} 户，{pct(r.paired_coverage)}",
        ),
        (
            "主办事项",
            f"在账 {r.matters} 件，已办结 {r.done} 件（办结率 {pct(r.done_rate)}），"
            f"按时办结 {r.on_time} 件（{pct(r.on_time_rate)}），"
            f"回访满意 {r.final_satisfied}/{r.final_rated}（满意率 {pct(r.satisfaction_rate)}）",
        ),
        ("公开承诺", f"承诺 {r.commitments} 件，已践诺 {r.kept} 件，践诺率 {pct(r.keeping_rate)}"),
        (
            "日记抽查",
            f"已抽查 {r.checked} 篇（{findings}），日记真实率 {pct(r.true_rate)}"
            if r.checked
            else "本年度日记未被抽查",
        ),
    ]


# --------------------------------------------------------------------------- ranking

# The figures a ranking can be made by: key → (label, the row's value).
RANK_KEYS: dict[str, str] = {
    "poll_rate": "测评满意率",
    "completion": "走访完成率",
    "paired_coverage": "联系户覆盖率",
    "done_rate": "办结率",
    "on_time_rate": "按时办结率",
    "satisfaction_rate": "满意率",
    "keeping_rate": "践诺率",
    "true_rate": "日记真实率",
}
DEFAULT_RANK_KEY = "poll_rate"


def ranked(rows: list, key: str = DEFAULT_RANK_KEY) -> list[tuple[int | None, object]]:
    """Rows by one figure, highest first, with their places (1, 2, 2, 4 …);
    rows without that figure come last, without a place."""
    with_value = sorted(
        (r for r in rows if getattr(r, key) is not None),
        key=lambda r: -getattr(r, key),
    )
    out: list[tuple[int | None, object]] = []
    for n, r in enumerate(with_value, 1):
        same = out and getattr(out[-1][1], key) == getattr(r, key)
        out.append((out[-1][0] if same else n, r))
    out += [(None, r) for r in rows if getattr(r, key) is None]
    return out


@dataclass
class VillageYear:
    """A village's cadres summed (the township's ranking of villages): the
    same definitions over the sums, never an average of rates."""

    village: str
    cadres: int = 0
    households: int = 0
    visits: int = 0
    expected_done: int = 0  # done toward quotas, of cadres with a yearly quota
    expected: int = 0
    paired: int = 0
    paired_visited: int = 0
    matters: int = 0
    done: int = 0
    on_time: int = 0
    final_rated: int = 0
    final_satisfied: int = 0
    commitments: int = 0
    kept: int = 0
    findings: Counter = field(default_factory=Counter)
    poll_satisfied: int = 0
    poll_basic: int = 0
    poll_unsatisfied: int = 0

    @property
    def completion(self) -> float | None:
        return ratio(self.expected_done, self.expected)

    @property
    def paired_coverage(self) -> float | None:
        return ratio(self.paired_visited, self.paired)

    @property
    def done_rate(self) -> float | None:
        return ratio(self.done, self.matters)

    @property
    def on_time_rate(self) -> float | None:
        return ratio(self.on_time, self.done)

    @property
    def satisfaction_rate(self) -> float | None:
        return ratio(self.final_satisfied, self.final_rated)

    @property
    def keeping_rate(self) -> float | None:
        return ratio(self.kept, self.commitments)

    @property
    def checked(self) -> int:
        return sum(self.findings.values())

    @property
    def true_rate(self) -> float | None:
        return ratio(self.findings.get("true", 0), self.checked)

    @property
    def poll_rate(self) -> float | None:
        return poll_rate(self.poll_satisfied, self.poll_basic, self.poll_unsatisfied)


def villages_of(year: AssessmentYear) -> list[VillageYear]:
    """Each village's cadres summed; township cadres under 乡镇 (last)."""
    out: dict[str, VillageYear] = {}
    for r in year.cadres:
        v = out.setdefault(r.village, VillageYear(r.village))
        v.cadres += 1
        v.households += r.households
        v.visits += r.visits
        if r.expected and not r.campaign:
            v.expected += r.expected
            v.expected_done += r.done_for_quota
        for key in (
            "paired",
            "paired_visited",
            "matters",
            "done",
            "on_time",
            "final_rated",
            "final_satisfied",
            "commitments",
            "kept",
        ):
            setattr(v, key, getattr(v, key) + getattr(r, key))
        v.findings.update(r.findings)
        v.poll_satisfied += r.entered.poll_satisfied or 0
        v.poll_basic += r.entered.poll_basic or 0
        v.poll_unsatisfied += r.entered.poll_unsatisfied or 0
    return sorted(out.values(), key=lambda v: (v.village == "乡镇", v.village))
