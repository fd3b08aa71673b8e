"""The ledger's matters: the filtered list, one matter with its notes, and the
month-end review."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import Row, and_, func, or_, select
from sqlalchemy.orm import Session

from ..domain.lifecycle import OPEN_STATUSES
from ..domain.periods import month_bounds
from ..storage.models import DiaryItem, Matter, MatterNote, has_code
from .reference import columns


@dataclass
class MatterFilter:
    statuses: tuple[str, ...] = ()
    kind: str | None = None
    service_type: str | None = None
    level: str | None = None
    cadre_id: uuid.UUID | None = None  # responsible or co-handler
    overdue: bool = False
    due_within_days: int | None = None  # open and due within N days (not yet overdue)
    month: tuple[int, int] | None = None  # received in (year, month)
    household_id: uuid.UUID | None = None
    today: dt.date = field(default_factory=dt.date.today)
    village_id: uuid.UUID | None = None  # a township office's: one of its villages


def _matter_where(flt: MatterFilter):
    conds = [Matter.deleted.is_(False)]
    if flt.village_id:
        conds.append(Matter.village_id == flt.village_id)
    if flt.statuses:
        conds.append(Matter.status.in_(flt.statuses))
    if flt.kind:
        conds.append(Matter.kind == flt.kind)
    if flt.service_type:
        conds.append(Matter.service_type == flt.service_type)
    if flt.level:
        conds.append(Matter.level == flt.level)
    if flt.cadre_id:
        conds.append(
            or_(
                Matter.responsible_id == flt.cadre_id,
                has_code(Matter.co_handler_ids, flt.cadre_id),
            )
        )
    if flt.overdue:
        conds += [Matter.status.in_(OPEN_STATUSES), Matter.deadline < flt.today]
    if flt.due_within_days is not None:
        conds += [
            Matter.status.in_(OPEN_STATUSES),
            Matter.deadline >= flt.today,
            Matter.deadline <= flt.today + dt.timedelta(days=flt.due_within_days),
        ]
    if flt.month:
        first, last = month_bounds(*flt.month)
        conds.append(Matter.received_date.between(first, last))
    if flt.household_id:
        conds.append(Matter.household_id == flt.household_id)
    return and_(*conds)


def matter_count(session: Session, flt: MatterFilter | None = None) -> int:
    flt = flt or MatterFilter()
    return session.scalar(select(func.count()).select_from(Matter).where(_matter_where(flt)))


def matter_page(
    session: Session, flt: MatterFilter | None = None, offset: int = 0, limit: int = 200
) -> list[Row]:
    flt = flt or MatterFilter()
    stmt = (
        select(*columns(Matter))
        .where(_matter_where(flt))
        .order_by(Matter.received_date.desc(), Matter.number.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(session.execute(stmt))


def matter(session: Session, matter_id: uuid.UUID) -> Row | None:
    """One matter (deleted ones too: the caller decides)."""
    return session.execute(select(*columns(Matter)).where(Matter.id == matter_id)).first()


def matter_by_number(session: Session, number: str) -> Row | None:
    return session.execute(
        select(*columns(Matter)).where(Matter.number == number, Matter.deleted.is_(False))
    ).first()


def notes(session: Session, matter_id: uuid.UUID) -> list[Row]:
    """A matter's progress notes and life-cycle steps, oldest first."""
    return list(
        session.execute(
            select(*columns(MatterNote))
            .where(MatterNote.matter_id == matter_id, MatterNote.deleted.is_(False))
            .order_by(MatterNote.date, MatterNote.hlc)
        )
    )


@dataclass
class MonthEndReview:
    """Before the month's last day: what can be closed, what needs a note."""

    month_end: dt.date
    closable: list[Row]  # 已回访 (satisfied / basic): 销号
    awaiting_return_visit: list[Row]  # 已办结, not yet visited back
    needs_progress_note: list[Row]  # open, no note this month
    overdue: list[Row]


def month_end_review(
    session: Session, year: int, month: int, today: dt.date | None = None
) -> MonthEndReview:
    first, last = month_bounds(year, month)
    today = today or dt.date.today()
    alive = Matter.deleted.is_(False)
    noted = (
        select(MatterNote.id)
        .where(
            MatterNote.matter_id == Matter.id,
            MatterNote.deleted.is_(False),
            MatterNote.date.between(first, last),
        )
        .exists()
    )

    def q(*conds):
        return list(
            session.execute(
                select(*columns(Matter))
                .where(alive, *conds)
                .order_by(Matter.deadline, Matter.number)
            )
        )

    return MonthEndReview(
        month_end=last,
        closable=q(Matter.status == "feedback", Matter.satisfaction != "unsatisfied"),
        awaiting_return_visit=q(Matter.status == "done"),
        needs_progress_note=q(
            Matter.status.in_(OPEN_STATUSES), Matter.received_date <= last, ~noted
        ),
        overdue=q(Matter.status.in_(OPEN_STATUSES), Matter.deadline < today),
    )


def diary_items_for_matter(session: Session, matter_id: uuid.UUID) -> list[Row]:
    """The raised items of diary entries that became this matter."""
    return list(
        session.execute(
            select(*columns(DiaryItem)).where(
                DiaryItem.matter_id == matter_id, DiaryItem.deleted.is_(False)
            )
        )
    )


def matters_of_notes(session: Session, note_ids) -> set[uuid.UUID]:
    """The matters these progress notes belong to (tombstoned notes too)."""
    ids = list(note_ids)
    if not ids:
        return set()
    return set(session.scalars(select(MatterNote.matter_id).where(MatterNote.id.in_(ids))))
