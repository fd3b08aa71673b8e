"""The visit diary: the paged list, one entry with its households and items,
and visits per month."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import Row, String, and_, cast, func, select
from sqlalchemy.orm import Session

from ..storage.models import Cadre, DiaryEntry, DiaryHousehold, DiaryItem
from .households import household_labels
from .reference import columns


@dataclass
class DiaryFilter:
    author_id: uuid.UUID | None = None
    mode: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    household_id: uuid.UUID | None = None
    village_id: uuid.UUID | None = None  # a township office's: one of its villages


@dataclass
class DiaryRow:
    id: uuid.UUID
    date: dt.date
    author: str
    mode: str
    place: str
    summary: str
    households: list[str] = field(default_factory=list)
    solved: int = 0
    matters: int = 0
    village_id: uuid.UUID | None = None


def _where(flt: DiaryFilter):
    conds = [DiaryEntry.deleted.is_(False)]
    if flt.village_id:
        conds.append(DiaryEntry.village_id == flt.village_id)
    if flt.author_id:
        conds.append(DiaryEntry.author_id == flt.author_id)
    if flt.mode:
        conds.append(DiaryEntry.mode == flt.mode)
    if flt.since:
        conds.append(DiaryEntry.date >= flt.since)
    if flt.until:
        conds.append(DiaryEntry.date <= flt.until)
    if flt.household_id:
        conds.append(
            select(DiaryHousehold.id)
            .where(
                DiaryHousehold.entry_id == DiaryEntry.id,
                DiaryHousehold.household_id == flt.household_id,
                DiaryHousehold.deleted.is_(False),
            )
            .exists()
        )
    return and_(*conds)


def diary_count(s: Session, flt: DiaryFilter) -> int:
    return s.scalar(select(func.count()).select_from(DiaryEntry).where(_where(flt)))


def diary_page(s: Session, flt: DiaryFilter, offset: int = 0, limit: int = 200) -> list[DiaryRow]:
    """Diary entries, newest first, with their households and raised-item counts."""
    stmt = (
        select(DiaryEntry, Cadre.name)
        .join(Cadre, Cadre.id == DiaryEntry.author_id)
        .where(_where(flt))
        .order_by(DiaryEntry.date.desc(), DiaryEntry.hlc.desc())
        .offset(offset)
        .limit(limit)
    )
    rows = [
        DiaryRow(
            e.id,
            e.date,
            author,
            e.mode,
            e.place,
            (e.narrative or e.q_basic or e.q_hardship or e.help_given)[:60],
            village_id=e.village_id,
        )
        for e, author in s.execute(stmt)
    ]
    by_id = {r.id: r for r in rows}
    if not by_id:
        return rows
    links = s.execute(
        select(DiaryHousehold.entry_id, DiaryHousehold.household_id).where(
            DiaryHousehold.entry_id.in_(by_id), DiaryHousehold.deleted.is_(False)
        )
    ).all()
    labels = household_labels(s, {hid for _, hid in links})
    for entry_id, household_id in links:
        by_id[entry_id].households.append(labels.get(household_id, ""))

    items = s.execute(
        select(DiaryItem.entry_id, DiaryItem.outcome, func.count())
        .where(DiaryItem.entry_id.in_(by_id), DiaryItem.deleted.is_(False))
        .group_by(DiaryItem.entry_id, DiaryItem.outcome)
    )
    for entry_id, outcome, n in items:
        if outcome == "matter":
            by_id[entry_id].matters = n
        else:
            by_id[entry_id].solved = n
    return rows


def visits_by_month(s: Session, start: dt.date, end: dt.date) -> dict[tuple[int, int], int]:
    """Visits (户次: entry × household) per (year, month) in [start, end]; months
    without visits are absent."""
    month = func.substr(cast(DiaryEntry.date, String), 1, 7)  # 'YYYY-MM'
    rows = s.execute(
        select(month, func.count())
        .join(DiaryHousehold, DiaryHousehold.entry_id == DiaryEntry.id)
        .where(
            DiaryEntry.deleted.is_(False),
            DiaryHousehold.deleted.is_(False),
            DiaryEntry.date >= start,
            DiaryEntry.date <= end,
        )
        .group_by(month)
    )
    return {(int(ym[:4]), int(ym[5:7])): n for ym, n in rows}


def entry(session: Session, entry_id: uuid.UUID) -> Row | None:
    """One diary entry's own fields (deleted ones too: the caller decides)."""
    return session.execute(select(*columns(DiaryEntry)).where(DiaryEntry.id == entry_id)).first()


def entry_households(session: Session, entry_id: uuid.UUID) -> list[uuid.UUID]:
    return list(
        session.scalars(
            select(DiaryHousehold.household_id).where(
                DiaryHousehold.entry_id == entry_id, DiaryHousehold.deleted.is_(False)
            )
        )
    )


def entry_items(session: Session, entry_id: uuid.UUID) -> list[Row]:
    """The entry's raised items, in the order they were written."""
    return list(
        session.execute(
            select(*columns(DiaryItem))
            .where(DiaryItem.entry_id == entry_id, DiaryItem.deleted.is_(False))
            .order_by(DiaryItem.hlc)
        )
    )
