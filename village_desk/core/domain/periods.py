"""Calendar periods the ledger and statistics are counted by."""

from __future__ import annotations

import calendar
import datetime as dt
from fractions import Fraction


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month (the month-end review uses the last day)."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def year_share(start: dt.date, end: dt.date) -> Fraction:
    """How many years [start, end] covers: each calendar year's overlap over
    that year's length (2028 → 1, 2026-01-01..2027-12-31 → 2, a 92-day
    quarter of 2026 → 92/365). Yearly quotas are prorated by it."""
    share = Fraction(0)
    for year in range(start.year, end.year + 1):
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        overlap = (min(end, last) - max(start, first)).days + 1
        share += Fraction(overlap, (last - first).days + 1)
    return share
