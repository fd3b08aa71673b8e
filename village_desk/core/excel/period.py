"""Report periods: a month, a quarter, a year, or any custom date range."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..domain.validation import ValidationError


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str  # as printed in titles: 2026年11月, 2026年第四季度, 2026年

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def span_text(self) -> str:
        return f"{self.start:%Y-%m-%d} 至 {self.end:%Y-%m-%d}"

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), f"{year}年{month}月")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first = 3 * (quarter - 1) + 1
        last = calendar.monthrange(year, first + 2)[1]
        names = "一二三四"
        return cls(
            dt.date(year, first, 1),
            dt.date(year, first + 2, last),
            f"{year}年第{names[quarter - 1]}季度",
        )

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年")

    @classmethod
    def custom(cls, start: dt.date, end: dt.date) -> Period:
        if end < start:
            raise ValidationError("period", "结束日期不能早于开始日期")
        return cls(start, end, f"{start:%Y年%m月%d日}至{end:%Y年%m月%d日}")


def parse_period(text: str) -> Period:
    """``2026-11`` (month), ``2026Q4`` (quarter), ``2026`` (year), or
    ``2026-03-01..2026-05-31`` (custom range)."""
    value = (text or "").strip().upper().replace("／", "/")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
            year, month = int(m[1]), int(m[2])
            if 1 <= month <= 12:
                return Period.month(year, month)
        elif m := re.fullmatch(r"(\d{4})-?Q([1-4])", value):
            return Period.quarter(int(m[1]), int(m[2]))
        elif re.fullmatch(r"\d{4}", value):
            return Period.year(int(value))
        elif m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s*(?:\.\.|~|至)\s*(\d{4}-\d{2}-\d{2})", value):
            return Period.custom(dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2]))
    except ValueError:
        pass
    raise ValidationError(
        "period",
        f"“{text}”无法识别；应为月份 2026-11、季度 2026Q4、年份 2026，"
        "或日期范围 2026-03-01..2026-05-31",
    )
