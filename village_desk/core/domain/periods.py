"""Calendar periods the ledger and statistics are counted by."""

from __future__ import annotations

import calendar
import datetime as dt


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month (the month-end review uses the last day)."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
