"""Matter statistics and visit coverage of the ledger workbook (统计汇总).

Definitions (stated on the sheet as well):

* the base is the period's ledger: matters carried over (上期结转) and
  received (本期受理), each in its state at the period's end;
* 已办结 = 已办结, 已回访 or 已销号 at the end; 办结率 = 已办结 ÷ 期内在账;
* 按时办结 = 已办结 with 办结日期 ≤ 办结时限; 按时办结率 = 按时办结 ÷ 已办结;
* 满意率 = (满意 + 基本满意) ÷ matters with a return-visit satisfaction;
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
    with_feedback: int = 0
    satisfied: int = 0

    @property
    def done_rate(self) -> float | None:
        return ratio(self.done, self.total)

    @property
    def on_time_rate(self) -> float | None:
        return ratio(self.on_time, self.done)

    @property
    def satisfaction_rate(self) -> float | None:
        return ratio(self.satisfied, self.with_feedback)

    def add(self, state, kind, service_type, level, satisfaction, start) -> None:
        """One matter of the period's ledger (a ``LedgerState``)."""
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
        if satisfaction:
            self.with_feedback += 1
            self.satisfied += satisfaction in SATISFIED


@dataclass
class Coverage:
    households: int
    visited: int
    visits: int

    @property
    def rate(self) -> float | None:
        return ratio(self.visited, self.households)
