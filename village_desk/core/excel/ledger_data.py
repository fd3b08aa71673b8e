"""The rows and statistics of the ledger workbook, read with plain SQL selects.

Which records a period covers:

* 民情台账 and every matter statistic: the period's ledger — matters received
  in the period and those carried over from earlier periods still on the
  ledger when it began — each in its state at the period's end (or on the
  export day, for a period not yet over), see :mod:`..queries.ledger_period`;
* 走访记录 and the visit counts: diary entries dated in the period; 户 and
  户次 count the modes of setting ``quota_visit_modes`` (入户走访 and 慰问 by
  default), credited to the author and every companion; every kind of
  contact (入户/坐访/电话/会议) is also counted apart; a campaign quota (轮)
  is measured over its own dates;
* 联系户花名册: every current household (with its visits in the period).

Definitions used in 统计汇总 (and stated on the sheet):

* 已办结 = 已办结, 已回访 or 已销号; 办结率 = 已办结 ÷ 受理总数;
* 按时办结 = 已办结 with 办结日期 ≤ 办结时限; 按时办结率 = 按时办结 ÷ 已办结;
* 满意率 = (满意 + 基本满意) ÷ matters with a return-visit satisfaction;
* 逾期 = still open (登记受理/办理中/已上报/结果返回) and past 办结时限;
* 走访覆盖率 = households visited in the period ÷ current households.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections import defaultdict
from fractions import Fraction

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from .. import queries
from ..domain import periods
from ..domain.lifecycle import STATUS_LABELS, progress_line
from ..domain.validation import mask_id_number, mask_numbers, mask_phone
from ..domain.visits import CONTACT_KINDS, SIX_QUESTIONS, contact_kind
from ..queries.keys import raw
from ..queries.ledger_period import LedgerState
from ..storage.models import (
    Cadre,
    DiaryEntry,
    DiaryHousehold,
    DiaryItem,
    Household,
    Matter,
    Pairing,
    Person,
    VillageProfile,
    VillagerGroup,
    has_code,
)
from .ledger_stats import Coverage, MatterStats, ratio
from .period import Period

# Every number mask_numbers hides has seven digits or more, one separator at
# most between two of them: text without such a run is left as it is, unscanned
# (a tenth of the time of masking it, for 100,000 diary rows).
_MAYBE_NUMBER = re.compile(r"\d(?:[\s\-]?\d){6}")
SUMMARY_CHARS = 60
CHUNK = 500
TARGETS_SHOWN = 3


def year_share(period: Period) -> Fraction:
    """How many years a period covers (see :func:`..domain.periods.year_share`)."""
    return periods.year_share(period.start, period.end)


def expected_for(quota: int, period: Period) -> int:
    """A yearly quota prorated to the period, rounded up (a monthly one is
    twelve times it a year)."""
    return math.ceil(quota * year_share(period))


class LedgerData:
    """Reads what the workbook needs for one period; rows come as tuples."""

    def __init__(self, session: Session, period: Period, today: dt.date, unmasked: bool = False):
        self.s, self.period, self.today, self.unmasked = session, period, today, unmasked
        s = session
        self.labels = {
            kind: queries.reference.labels(s, kind)
            for kind in (
                "channel",
                "matter_kind",
                "level",
                "handling",
                "visit_mode",
                "household_category",
                "satisfaction",
                "role",
                "service_type",
            )
        }
        cadres = s.execute(select(raw(Cadre.id), Cadre.id, Cadre.name, Cadre.village_id)).all()
        self.cadres = {key: name for key, _, name, _v in cadres}  # raw key → name
        self.cadre_by_uuid = {cid: name for _, cid, name, _v in cadres}
        self.cadre_village = {key: village for key, _, _n, village in cadres}
        groups = s.execute(
            select(raw(VillagerGroup.id), VillagerGroup.name, VillagerGroup.sort_order)
        ).all()
        self.groups = {key: name for key, name, _ in groups}
        self.group_order = {key: order for key, _, order in groups}
        self.stats = MatterStats()
        self.matters_by_cadre: dict[object, list[int]] = defaultdict(lambda: [0, 0, 0])
        # Filled while the rows are produced: raw cadre key → [entries written,
        # 户次 and {户} of the modes counted toward quotas (as author or
        # companion), {kind: 户次} of every kind of contact]
        self.visits_by_cadre: dict[object, list] = defaultdict(
            lambda: [0, 0, set(), defaultdict(int)]
        )
        self.counted_modes = queries.stats.visit_settings(s)[1]
        self.cadre_key = {str(cid): key for key, cid, _n, _v in cadres}  # "uuid" → raw key
        self._village_settings: dict = {}  # (see _cadre_settings)
        self.contacts_by_kind: dict[str, int] = defaultdict(int)  # 户次 per kind
        self.coverage: Coverage | None = None
        self._ledger: list[LedgerState] | None = None
        self._year_ledger: list[LedgerState] | None = None
        self._notes: dict = {}
        self._visits: dict | None = None
        # A township office's workbook names each row's village (村 column).
        self.township = queries.reference.is_township(s)
        self.village_names = (
            dict(s.execute(select(raw(VillageProfile.id), VillageProfile.village)).all())
            if self.township
            else {}
        )

    def _in_village(self, row: tuple, village) -> tuple:
        """``row`` with its village after the 序号, in a township's workbook."""
        if not self.township:
            return row
        return (row[0], self.village_names.get(village, "乡镇"), *row[1:])

    def _id(self, value: str) -> str:
        return value if self.unmasked else mask_id_number(value)

    def _phone(self, value: str) -> str:
        return value if self.unmasked else mask_phone(value)

    def _free(self, value: str | None) -> str:
        """Free text (申办事项, 办理情况, 主要情况 …) with ID numbers and phones
        inside it masked, unless unmasked."""
        if not value or self.unmasked or not _MAYBE_NUMBER.search(value):
            return value or ""
        return mask_numbers(value)

    # ------------------------------------------------------------ 民情台账

    @property
    def ledger(self) -> list[LedgerState]:
        """The period's ledger: matters carried over and received, with their
        state at the period's end (see :mod:`..queries.ledger_period`)."""
        if self._ledger is None:
            self._read_ledger()
        return self._ledger

    def _read_ledger(self) -> None:
        """The period's ledger and, when it is read on the same report day,
        the ledger of the year the period ends in (干部考核), read together;
        every progress note of their matters is kept for 办理情况."""
        p, ledger_period = self.period, queries.ledger_period
        year = (dt.date(p.end.year, 1, 1), dt.date(p.end.year, 12, 31))
        spans = [(p.start, p.end)]
        if ledger_period.report_day(*year, self.today) == self.as_of:
            spans.append(year)
        self._notes = {}
        found = ledger_period.period_ledgers(self.s, spans, self.today, notes=self._notes)
        self._ledger = found[0]
        self._year_ledger = found[1] if len(found) > 1 else None

    def year_ledger(self) -> list[LedgerState] | None:
        """The ledger of the year the period ends in, if it was read with the
        period's (same report day), else None."""
        if self._ledger is None:
            self._read_ledger()
        return self._year_ledger

    @property
    def visits(self) -> dict:
        """Every return visit of the ledger's matters (and of the year's, see
        :meth:`year_ledger`) up to :attr:`as_of`, oldest first
        (``queries.ledger_period.return_visits``)."""
        if self._visits is None:
            ids = list(dict.fromkeys(state.matter_id for state in self.ledger))
            if self._year_ledger is not None:
                ids = list(dict.fromkeys([*ids, *(s.matter_id for s in self._year_ledger)]))
            self._visits = queries.ledger_period.return_visits(self.s, ids, self.as_of)
        return self._visits

    @property
    def as_of(self) -> dt.date:
        return queries.ledger_period.report_day(self.period.start, self.period.end, self.today)

    def matter_count(self) -> int:
        return len(self.ledger)

    def _by_matter(self, query, column):
        """Run ``query`` for the ledger's matters, in chunks of ids."""
        ids = [state.matter_id for state in self.ledger]
        for at in range(0, len(ids), CHUNK):
            yield from self.s.execute(query.where(column.in_(ids[at : at + CHUNK])))

    def _progress(self) -> dict[uuid.UUID, str]:
        """Every progress note of the ledger's matters up to the period's end,
        oldest first, one line each with the step it belongs to:
        ``11-03 办结：已更换路灯`` (the notes read with the ledger)."""
        ledger = self.ledger  # reads the notes too
        as_of, notes, out = self.as_of, self._notes, {}
        for state in ledger:
            lines = [
                f"{date:%m-%d} {progress_line(action, text)}"
                for date, action, text in notes.get(state.matter_id, ())
                if date <= as_of
            ]
            if lines:
                out[state.matter_id] = "\n".join(lines)
        return out

    def matter_rows(self):
        """Rows of 民情台账; also fills :attr:`stats` and per-cadre matter counts."""
        L, start = self.labels, self.period.start
        progress = self._progress()
        q = select(
            Matter.id,
            Matter.number,
            Matter.channel,
            Matter.applicant_name,
            raw(Matter.group_id),
            Matter.content,
            Matter.kind,
            Matter.service_type,
            Matter.level,
            Matter.handling,
            raw(Matter.responsible_id),
            Matter.co_handler_ids,
            Matter.result,
            Matter.return_reasons,
            Matter.explanation,
            raw(Matter.village_id),
        )
        details = {r[0]: r[1:] for r in self._by_matter(q, Matter.id)}
        visits = self.visits
        for n, state in enumerate(self.ledger, 1):
            (number, channel, applicant, gid, content, kind, service, level, handling) = details[
                state.matter_id
            ][:9]
            responsible, co_handlers, result, reasons, explanation, village = details[
                state.matter_id
            ][9:]
            status = state.status
            seen = visits.get(state.matter_id, [])
            self.stats.add(state, kind, service, level, seen, start)
            # every return visit's result, oldest first: 不满意→满意
            satisfaction = "→".join(
                L["satisfaction"].get(v.satisfaction, v.satisfaction) for v in seen
            )
            owned = self.matters_by_cadre[responsible]
            owned[0] += 1
            if state.done:
                owned[1] += 1
                owned[2] += state.on_time
            yield self._in_village(
                (
                    n,
                    number,
                    state.received_date,
                    L["channel"].get(channel, channel),
                    applicant,
                    self.groups.get(gid, ""),
                    self._free(content),
                    L["matter_kind"].get(kind, kind) or "未分类",
                    L["service_type"].get(service, service),
                    L["level"].get(level, level),
                    L["handling"].get(handling, handling),
                    self.cadres.get(responsible, ""),
                    "、".join(self.cadre_by_uuid.get(uuid.UUID(c), "") for c in co_handlers or ()),
                    state.deadline,
                    self._free(progress.get(state.matter_id)),
                    self._free(result if state.done or status == "result_returned" else ""),
                    self._free(reasons if status == "returned" else ""),
                    self._free(explanation if status == "unresolvable" else ""),
                    STATUS_LABELS.get(status, status),
                    state.done_date,
                    seen[-1].date if seen else None,
                    satisfaction,
                    state.closed_date,
                    "是" if state.overdue else "否",
                ),
                village,
            )

    # ------------------------------------------------------------ 走访记录

    def diary_count(self) -> int:
        p = self.period
        return self.s.scalar(
            select(func.count())
            .select_from(DiaryEntry)
            .where(DiaryEntry.deleted.is_(False), DiaryEntry.date.between(p.start, p.end))
        )

    def _heads(self) -> dict[object, tuple[str, str]]:
        """household key → (户号, 户主姓名)."""
        heads = dict(
            self.s.execute(
                select(raw(Person.household_id), Person.name).where(
                    Person.relation == "head", Person.deleted.is_(False)
                )
            ).all()
        )
        return {
            hid: (number, heads.get(hid, ""))
            for hid, number in self.s.execute(select(raw(Household.id), Household.number))
        }

    def diary_rows(self):
        p, s = self.period, self.s
        in_period = and_(DiaryEntry.deleted.is_(False), DiaryEntry.date.between(p.start, p.end))
        heads = self._heads()
        targets: dict[object, list] = defaultdict(list)
        for entry_id, hid in s.execute(
            select(raw(DiaryHousehold.entry_id), raw(DiaryHousehold.household_id))
            .join(DiaryEntry, DiaryEntry.id == DiaryHousehold.entry_id)
            .where(in_period, DiaryHousehold.deleted.is_(False))
        ):
            targets[entry_id].append(hid)
        solved: dict[object, list[str]] = defaultdict(list)
        to_ledger: dict[object, list[str]] = defaultdict(list)
        for entry_id, outcome, text, number in s.execute(
            select(raw(DiaryItem.entry_id), DiaryItem.outcome, DiaryItem.text, Matter.number)
            .join(DiaryEntry, DiaryEntry.id == DiaryItem.entry_id)
            .outerjoin(Matter, Matter.id == DiaryItem.matter_id)
            .where(in_period, DiaryItem.deleted.is_(False))
        ):
            if outcome == "matter" and number:
                to_ledger[entry_id].append(number)
            elif outcome == "solved":
                solved[entry_id].append(text)
        # The short summary: the narrative, else the first answered question.
        texts = [DiaryEntry.narrative] + [getattr(DiaryEntry, n) for n, _ in SIX_QUESTIONS]
        summary_col = func.substr(
            func.coalesce(*(func.nullif(t, "") for t in texts), ""), 1, SUMMARY_CHARS + 1
        )
        q = (
            select(
                raw(DiaryEntry.id),
                DiaryEntry.date,
                raw(DiaryEntry.author_id),
                DiaryEntry.companion_ids,
                DiaryEntry.mode,
                DiaryEntry.place,
                summary_col,
            )
            .where(in_period)
            .order_by(DiaryEntry.date, DiaryEntry.hlc)
        )
        modes = self.labels["visit_mode"]
        per_author = self.visits_by_cadre
        for n, (eid, date, author, companions, mode, place, summary) in enumerate(s.execute(q), 1):
            hids = targets.get(eid, [])
            kind = contact_kind(mode)
            self.contacts_by_kind[kind] += len(hids)
            per_author[author][0] += 1
            credited = {author} | {self.cadre_key.get(c) for c in companions} - {None}
            for key in credited:  # companions are credited with the contact too
                counts = per_author[key]
                counts[3][kind] += len(hids)
                if mode in self._cadre_settings(key)[1]:
                    counts[1] += len(hids)
                    counts[2].update(hids)
            cadres = [self.cadres.get(author, "")]
            cadres += [self.cadre_by_uuid.get(uuid.UUID(c), "") for c in companions]
            who = [f"{heads[h][1]}（{heads[h][0]}）" for h in hids[:TARGETS_SHOWN] if h in heads]
            target = "、".join(who)
            if len(hids) > TARGETS_SHOWN:
                target += f" 等{len(hids)}户"
            if place:  # free text; the 户号 beside the names are codes, shown as they are
                place = self._free(place)
                target = f"{place}：{target}" if target else place
            summary = self._free(summary)  # before cutting: a cut number still looks like one
            if len(summary) > SUMMARY_CHARS:
                summary = summary[: SUMMARY_CHARS - 1] + "…"
            yield (
                n,
                date,
                "、".join(c for c in cadres if c),
                modes.get(mode, mode),
                target,
                summary,
                self._free("；".join(solved.get(eid, ()))),
                "、".join(to_ledger.get(eid, ())),
            )

    # ------------------------------------------------------------ 联系户花名册

    def household_count(self) -> int:
        return self.s.scalar(
            select(func.count()).select_from(Household).where(Household.deleted.is_(False))
        )

    def household_rows(self):
        """Rows of 联系户花名册; also sets :attr:`coverage`."""
        s, p = self.s, self.period
        in_period = DiaryEntry.date.between(p.start, p.end)
        counted = DiaryEntry.mode.in_(sorted(self.counted_modes))
        visits = {
            hid: (last, count, other)
            for hid, last, count, other in s.execute(
                select(
                    raw(DiaryHousehold.household_id),
                    func.max(case((counted, DiaryEntry.date), else_=None)),
                    func.sum(case((and_(in_period, counted), 1), else_=0)),
                    func.sum(case((and_(in_period, ~counted), 1), else_=0)),
                )
                .join(DiaryEntry, DiaryEntry.id == DiaryHousehold.entry_id)
                .where(
                    DiaryHousehold.deleted.is_(False),
                    DiaryEntry.deleted.is_(False),
                    DiaryEntry.date <= p.end,
                )
                .group_by(DiaryHousehold.household_id)
            )
        }
        people: dict[object, list] = defaultdict(lambda: [0, "", "", ""])
        for hid, relation, name, id_number, phone in s.execute(
            select(
                raw(Person.household_id),
                Person.relation,
                Person.name,
                Person.id_number,
                Person.phone,
            ).where(Person.deleted.is_(False), Person.status != "deceased")
        ):
            entry = people[hid]
            entry[0] += 1
            if relation == "head":
                entry[1:] = [name, id_number, phone]
        paired: dict[object, list[str]] = defaultdict(list)
        for hid, cid in s.execute(
            select(raw(Pairing.household_id), raw(Pairing.cadre_id))
            .where(Pairing.deleted.is_(False), Pairing.end_date.is_(None))
            .order_by(Pairing.start_date)
        ):
            paired[hid].append(self.cadres.get(cid, ""))
        categories = self.labels["household_category"]
        q = select(
            raw(Household.id),
            Household.number,
            raw(Household.group_id),
            Household.phone,
            Household.categories,
            raw(Household.village_id),
        ).where(Household.deleted.is_(False))
        names = self.village_names
        rows = sorted(
            s.execute(q),
            key=lambda r: (names.get(r[5], ""), self.group_order.get(r[2], 10**6), r[1]),
        )
        self.coverage = Coverage(len(rows), 0, 0)
        for n, (hid, number, gid, phone, cats, village) in enumerate(rows, 1):
            size, head, id_number, head_phone = people[hid]
            last, count, other = visits.get(hid, (None, 0, 0))
            self.coverage.visited += count > 0
            self.coverage.visits += count
            yield self._in_village(
                (
                    n,
                    number,
                    head,
                    self._id(id_number),
                    self._phone(phone or head_phone),
                    self.groups.get(gid, ""),
                    size,
                    "、".join(categories.get(c, c) for c in cats),
                    "、".join(paired.get(hid, ())),
                    last,
                    count,
                    other,
                ),
                village,
            )

    def _cadre_settings(self, key) -> tuple[dict, set]:
        """The visit quotas and counted kinds of contact a cadre (raw key) is
        held to: at a township office its own village's (the township's for
        its own cadres), as 各村汇总 and 干部考核 count them; else this copy's."""
        village = self.cadre_village.get(key) if self.township else False
        found = self._village_settings.get(village)
        if found is None:
            found = queries.stats.visit_settings(self.s, village)
            self._village_settings[village] = found
        return found

    # ------------------------------------------------------------ 干部走访统计

    def cadre_rows(self):
        """Per active cadre: 户次 and 户 of the modes counted toward quotas
        (setting ``quota_visit_modes``) as author or companion, 户次 per kind of
        contact, entries written, the quota and matters; call after
        :meth:`matter_rows` and :meth:`diary_rows` have been consumed."""
        p = self.period
        roles = self.labels["role"]
        cadres = self.s.execute(
            select(raw(Cadre.id), Cadre.id, Cadre.name, Cadre.role)
            .where(Cadre.deleted.is_(False), Cadre.active.is_(True))
            .order_by(Cadre.name)
        )
        for n, (key, cid, name, role) in enumerate(cadres, 1):
            entries, visits, households, kinds = self.visits_by_cadre.get(key, (0, 0, (), {}))
            quotas, counted = self._cadre_settings(key)
            spec = quotas.get(role) or {}
            unit = "households" if "households" in spec else "visits" if "visits" in spec else ""
            quota = spec.get(unit)
            requirement, expected, done = "", None, None
            if quota:
                word = "户" if unit == "households" else "户次"
                if spec.get("period", "year") in ("year", "month"):
                    monthly = spec.get("period") == "month"
                    requirement = f"≥{quota}{word}/{'月' if monthly else '年'}"
                    expected = expected_for(quota * 12 if monthly else quota, p)
                    done = len(households) if unit == "households" else visits
                else:  # a campaign (轮次): its own dates, never the period's
                    requirement = f"≥{quota}{word}/轮"
                    try:
                        first, last = (dt.date.fromisoformat(spec[k]) for k in ("start", "end"))
                    except (KeyError, TypeError, ValueError):
                        requirement += "（未设轮次起止日期）"
                    else:
                        requirement += f"（{first:%Y-%m-%d}至{last:%Y-%m-%d}）"
                        expected = quota
                        done = self._campaign(cid, first, last, unit, counted)
            owned, finished, on_time = self.matters_by_cadre.get(key, (0, 0, 0))
            yield (
                n,
                name,
                roles.get(role, role),
                visits,
                len(households),
                *(kinds.get(kind, 0) for kind, _ in CONTACT_KINDS),
                entries,
                requirement,
                expected,
                ratio(done, expected) if expected and done is not None else None,
                owned,
                finished,
                on_time,
            )

    def _campaign(self, cadre_id, first: dt.date, last: dt.date, unit: str, counted) -> int:
        """户 (distinct) or 户次 of the counted modes a cadre made, as author or
        companion, between a campaign's own dates."""
        q = (
            select(DiaryHousehold.household_id)
            .join(DiaryEntry, DiaryEntry.id == DiaryHousehold.entry_id)
            .where(
                DiaryHousehold.deleted.is_(False),
                DiaryEntry.deleted.is_(False),
                DiaryEntry.date.between(first, last),
                DiaryEntry.mode.in_(sorted(counted)),
                or_(DiaryEntry.author_id == cadre_id, has_code(DiaryEntry.companion_ids, cadre_id)),
            )
        )
        hids = self.s.scalars(q).all()
        return len(set(hids)) if unit == "households" else len(hids)

    # ------------------------------------------------------------ 统计汇总
