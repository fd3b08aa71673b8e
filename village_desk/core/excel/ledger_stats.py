"""Matter statistics and visit coverage of the ledger workbook (统计汇总).

Definitions (stated on the sheet as well):

* the base is the period's ledger: matters carried over (上期结转) and
  received (本期受理), each in its state at the period's end;
* 已办结 = 已办结, 已回访 or 已销号 at the end; 办结率 = 已办结 ÷ 期内在账;
* 按时办结 = 已办结 with 办结日期 ≤ 办结时限; 按时办结率 = 按时办结 ÷ 已办结;
* 满意率, three ways, counting 满意 and 基本满意 as satisfied: of every return
  visit in the period (回访满意率), of the matters first return-visited in the
  period at that first visit (首次回访满意率), and of the matters whose latest
  return visit by the period's end is in the period, at that visit (最终满意率);
* 逾期 = still open (登记受理/办理中/已上报/结果返回) at the end and past 办结时限;
* 走访覆盖率 = households visited in the period ÷ current households.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..domain.lifecycle import OPEN_STATUSES

DONE_STATUSES = ("done", "feedback", "closed")
SATISFIED = ("satisfied", "basic")


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class MatterStats:
    """The period ledger's matters counted (see :mod:`..queries.ledger_period`)."""

    total: int = 0  # 期内在账: carried over + received in the period
    carried: int = 0  # 上期结转
    received: int = 0  # 本期受理
    by_status: Counter = field(default_factory=Counter)  # status at the period's end
    by_kind_status: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    by_service_status: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    by_level: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    done: int = 0  # 已办结, 已回访 or 已销号 at the end
    done_in_period: int = 0  # of which 办结 in the period
    on_time: int = 0
    closed_in_period: int = 0
    open_at_end: int = 0
    overdue: int = 0
    visits: int = 0  # return visits in the period, each one
    visits_satisfied: int = 0
    first_rated: int = 0  # matters first return-visited in the period
    first_satisfied: int = 0
    final_rated: int = 0  # matters whose latest return visit is in the period
    final_satisfied: int = 0

    @property
    def done_rate(self) -> float | None:
        return ratio(self.done, self.total)

    @property
    def on_time_rate(self) -> float | None:
        return ratio(self.on_time, self.done)

    @property
    def visit_rate(self) -> float | None:
        return ratio(self.visits_satisfied, self.visits)

    @property
    def first_rate(self) -> float | None:
        return ratio(self.first_satisfied, self.first_rated)

    @property
    def final_rate(self) -> float | None:
        return ratio(self.final_satisfied, self.final_rated)

    def add(self, state, kind, service_type, level, visits, start) -> None:
        """One matter of the period's ledger (a ``LedgerState``) with its return
        visits up to the period's end (oldest first)."""
        status = state.status
        self.total += 1
        self.carried += state.carried_over
        self.received += not state.carried_over
        self.by_status[status] += 1
        self.by_kind_status[kind][status] += 1
        self.by_service_status[service_type][status] += 1
        level_counts = self.by_level[level]
        level_counts[0] += 1
        if state.done:
            self.done += 1
            level_counts[1] += 1
            self.on_time += state.on_time
            self.done_in_period += state.done_date is not None and state.done_date >= start
        self.closed_in_period += status == "closed"
        self.open_at_end += status in OPEN_STATUSES
        self.overdue += state.overdue
        for visit in visits:
            if visit.date >= start:
                self.visits += 1
                self.visits_satisfied += visit.satisfaction in SATISFIED
        if visits and visits[0].date >= start:
            self.first_rated += 1
            self.first_satisfied += visits[0].satisfaction in SATISFIED
        if visits and visits[-1].date >= start:
            self.final_rated += 1
            self.final_satisfied += visits[-1].satisfaction in SATISFIED


@dataclass
class Coverage:
    households: int
    visited: int
    visits: int

    @property
    def rate(self) -> float | None:
        return ratio(self.visited, self.households)
