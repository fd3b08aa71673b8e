"""Matter statistics and visit coverage of the ledger workbook (统计汇总).

Definitions (stated on the sheet as well):

* 已办结 = 已办结, 已回访 or 已销号; 办结率 = 已办结 ÷ 受理总数;
* 按时办结 = 已办结 with 办结日期 ≤ 办结时限; 按时办结率 = 按时办结 ÷ 已办结;
* 满意率 = (满意 + 基本满意) ÷ matters with a return-visit satisfaction;
* 逾期 = still open (登记受理/办理中/已上报/结果返回) and past 办结时限;
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
    total: int = 0
    by_status: Counter = field(default_factory=Counter)
    by_kind_status: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    by_level: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    done: int = 0
    on_time: int = 0
    with_feedback: int = 0
    satisfied: int = 0
    overdue: int = 0

    @property
    def done_rate(self) -> float | None:
        return ratio(self.done, self.total)

    @property
    def on_time_rate(self) -> float | None:
        return ratio(self.on_time, self.done)

    @property
    def satisfaction_rate(self) -> float | None:
        return ratio(self.satisfied, self.with_feedback)

    def add(self, status, kind, level, deadline, done_date, satisfaction, today) -> None:
        self.total += 1
        self.by_status[status] += 1
        self.by_kind_status[kind][status] += 1
        level_counts = self.by_level[level]
        level_counts[0] += 1
        if status in DONE_STATUSES:
            self.done += 1
            level_counts[1] += 1
            if done_date is not None and done_date <= deadline:
                self.on_time += 1
        if satisfaction:
            self.with_feedback += 1
            self.satisfied += satisfaction in SATISFIED
        if status in OPEN_STATUSES and deadline < today:
            self.overdue += 1


@dataclass
class Coverage:
    households: int
    visited: int
    visits: int

    @property
    def rate(self) -> float | None:
        return ratio(self.visited, self.households)
