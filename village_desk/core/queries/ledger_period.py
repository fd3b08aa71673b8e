"""Which matters a period's ledger holds, and the state each was in at its end.

A period's ledger (本期台账: a month, a quarter, a year) is every matter that
was *on the ledger* at some time in the period: received in it (本期受理), or
received earlier and still on the ledger when the period began (上期结转).
A matter is on the ledger from intake until it is 销号, 退回 or 暂不能解决
(a 重新办理 brings it back); 已办结 and 已回访 matters stay on it until the
month-end review closes them.

Each matter is given with its state at the period's end — or on the report
day, if the period has not ended yet (``as_of``): its status, 办结日期 and
销号日期 as they were then. The township's workbook, the printed month
ledger and the 公示 sheet all take their matters from here, so they agree.

The states are replayed from the progress notes: every life-cycle step
writes one, dated (``MatterNote.action`` is the step). Plain notes and
corrections do not change the state. When no step was taken after ``as_of``
the matter's stored status and dates are used as they are.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..domain.lifecycle import ACTIONS, OPEN_STATUSES, progress_line
from ..storage.models import Cadre, Matter, MatterNote, ReturnVisit, VillagerGroup
from .keys import UuidKeys, raw

# On the ledger: open, or finished but not yet 销号.
ON_LEDGER = (*OPEN_STATUSES, "done", "feedback")
DONE_STATUSES = ("done", "feedback", "closed")
STEPS = tuple(ACTIONS)
CHUNK = 500


@dataclass(frozen=True)
class LedgerState:
    """One matter of a period's ledger, as it stood on ``as_of``."""

    matter_id: uuid.UUID
    received_date: dt.date
    deadline: dt.date
    carried_over: bool  # received before the period began (上期结转)
    status: str
    done_date: dt.date | None  # the (last) 办结 on or before as_of, if done then
    closed_date: dt.date | None  # 销号 on or before as_of, if closed then
    as_of: dt.date

    @property
    def overdue(self) -> bool:
        """Open on ``as_of`` and past its deadline (due that day is not overdue)."""
        return self.status in OPEN_STATUSES and self.deadline < self.as_of

    @property
    def done(self) -> bool:
        return self.status in DONE_STATUSES

    @property
    def on_time(self) -> bool:
        return self.done and self.done_date is not None and self.done_date <= self.deadline


def report_day(start: dt.date, end: dt.date, today: dt.date) -> dt.date:
    """The day a period's states are read on: its last day, or today if the
    period has not ended yet (never before its first day)."""
    return max(start, min(end, today))


def _replay(received: dt.date, steps: list[tuple[dt.date, str]], before: dt.date):
    """(status, done date, closed date) after the steps dated before ``before``."""
    status, done, closed = "registered", None, None
    for date, action in steps:
        if date >= before:
            break
        status = ACTIONS[action].target
        if action == "complete":
            done = date
        elif action == "close":
            closed = date
    if status not in DONE_STATUSES:
        done = None
    if status != "closed":
        closed = None
    return status, done, closed


def period_ledger(
    session: Session,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    *,
    public_only: bool = False,
) -> list[LedgerState]:
    """The matters of the period's ledger, ordered by received date and number."""
    return period_ledgers(session, [(start, end)], today, public_only=public_only)[0]


def period_ledgers(
    session: Session,
    spans: list[tuple[dt.date, dt.date]],
    today: dt.date,
    *,
    public_only: bool = False,
    notes: dict | None = None,
) -> list[list[LedgerState]]:
    """:func:`period_ledger` of each of ``spans`` (periods read on the same
    report day, e.g. a period ending today and the year ending this year),
    the matters and their steps read once for all of them.

    With ``notes`` (a dict), every progress note of the matters read (not
    only the steps; any date), oldest first, is put in it as matter →
    [(date, action, text)], so that a caller showing the notes need not read
    them again."""
    as_of = report_day(*spans[0], today)
    if any(report_day(s, e, today) != as_of for s, e in spans):
        raise ValueError("the periods are not read on the same report day")
    first = min(s for s, _ in spans)
    last = max(e for _, e in spans)
    last_step = (
        select(func.max(MatterNote.date))
        .where(
            MatterNote.matter_id == Matter.id,
            MatterNote.deleted.is_(False),
            MatterNote.action.in_(STEPS),
        )
        .scalar_subquery()
    )
    conds = [
        Matter.deleted.is_(False),
        Matter.received_date <= last,
        # A matter off the ledger before the period began and untouched since
        # cannot belong to it; the rest are replayed below.
        or_(
            Matter.received_date >= first,
            Matter.status.in_(ON_LEDGER),
            last_step >= first,
        ),
    ]
    if public_only:
        conds.append(Matter.public.is_(True))
    rows = session.execute(
        select(
            raw(Matter.id),
            Matter.received_date,
            Matter.deadline,
            Matter.status,
            Matter.done_date,
            Matter.closed_date,
        )
        .where(*conds)
        .order_by(Matter.received_date, Matter.number)
    ).all()
    # Each matter's steps, by its key as read (the matters' keys are read the same way).
    keys = UuidKeys()
    steps: dict[object, list[tuple[dt.date, str]]] = {}
    ids = [keys[r[0]] for r in rows]
    for at in range(0, len(ids), CHUNK):
        chunk = ids[at : at + CHUNK]
        if notes is None:
            q = select(raw(MatterNote.matter_id), MatterNote.date, MatterNote.action).where(
                MatterNote.matter_id.in_(chunk),
                MatterNote.deleted.is_(False),
                MatterNote.action.in_(STEPS),
            )
            for mid, date, action in session.execute(q.order_by(MatterNote.date, MatterNote.hlc)):
                steps.setdefault(mid, []).append((date, action))
            continue
        q = select(
            raw(MatterNote.matter_id), MatterNote.date, MatterNote.action, MatterNote.text
        ).where(MatterNote.matter_id.in_(chunk), MatterNote.deleted.is_(False))
        for mid, date, action, text in session.execute(q.order_by(MatterNote.date, MatterNote.hlc)):
            notes.setdefault(keys[mid], []).append((date, action, text))
            if action in ACTIONS:
                steps.setdefault(mid, []).append((date, action))
    states = []
    the_day_after = as_of + dt.timedelta(days=1)
    for key, received, deadline, stored, done, closed in rows:
        history = steps.get(key, [])
        status = stored
        if history and history[-1][0] > as_of:
            status, done, closed = _replay(received, history, the_day_after)
        else:
            done = done if status in DONE_STATUSES else None
            closed = closed if status == "closed" else None
        states.append((keys[key], received, deadline, stored, status, done, closed, history))
    out = []
    for start, end in spans:
        ledger = []
        for mid, received, deadline, stored, status, done, closed, history in states:
            if received > end:
                continue
            carried = received < start
            if carried:
                # the select's condition for this period (history is date-ordered)
                if stored not in ON_LEDGER and not (history and history[-1][0] >= start):
                    continue
                if _replay(received, history, start)[0] not in ON_LEDGER:
                    continue
            ledger.append(
                LedgerState(mid, received, deadline, carried, status, done, closed, as_of)
            )
        out.append(ledger)
    return out


@dataclass(frozen=True)
class Visit:
    date: dt.date
    satisfaction: str


def return_visits(
    session: Session, matter_ids: list[uuid.UUID], as_of: dt.date
) -> dict[uuid.UUID, list[Visit]]:
    """Every return visit of these matters up to ``as_of``, oldest first.

    A matter return-visited before return visits were kept as records (it
    has none) counts its stored visit, if it was made by ``as_of``."""
    out: dict[uuid.UUID, list[Visit]] = {}
    keys = UuidKeys()
    for at in range(0, len(matter_ids), CHUNK):
        chunk = matter_ids[at : at + CHUNK]
        for key, date, satisfaction in session.execute(
            select(raw(ReturnVisit.matter_id), ReturnVisit.date, ReturnVisit.satisfaction)
            .where(
                ReturnVisit.matter_id.in_(chunk),
                ReturnVisit.deleted.is_(False),
                ReturnVisit.date <= as_of,
            )
            .order_by(ReturnVisit.date, ReturnVisit.hlc)
        ):
            out.setdefault(keys[key], []).append(Visit(date, satisfaction))
        recorded = select(ReturnVisit.id).where(ReturnVisit.matter_id == Matter.id).exists()
        for mid, date, satisfaction in session.execute(
            select(Matter.id, Matter.feedback_date, Matter.satisfaction).where(
                Matter.id.in_(chunk),
                Matter.satisfaction != "",
                Matter.feedback_date <= as_of,
                ~recorded,
            )
        ):
            out.setdefault(mid, [Visit(date, satisfaction)])
    return out


@dataclass(frozen=True)
class OverdueMatter:
    """A matter open on ``as_of`` and past its deadline (逾期事项)."""

    matter_id: uuid.UUID
    number: str
    received_date: dt.date
    applicant: str
    group: str
    content: str
    responsible: str
    co_handlers: str  # names, 、-separated
    deadline: dt.date
    days_overdue: int
    status: str  # the status code on as_of
    last_note: str  # the latest progress note by as_of: 11-03 办理情况：已联系施工队
    public: bool


def overdue_matters(session: Session, as_of: dt.date) -> list[OverdueMatter]:
    """The overdue list on ``as_of`` (the report day, or a period's end), most
    overdue first: the matters of the ledger open that day and past their
    deadline, each with its responsible and co-handling cadres and its last
    progress note by then."""
    states = [s for s in period_ledger(session, as_of, as_of, as_of) if s.overdue]
    by_id = {s.matter_id: s for s in states}
    cadres = dict(session.execute(select(Cadre.id, Cadre.name)).all())
    groups = dict(session.execute(select(VillagerGroup.id, VillagerGroup.name)).all())
    last: dict[uuid.UUID, str] = {}
    out = []
    ids = list(by_id)
    for at in range(0, len(ids), CHUNK):
        chunk = ids[at : at + CHUNK]
        for mid, date, action, text in session.execute(
            select(MatterNote.matter_id, MatterNote.date, MatterNote.action, MatterNote.text)
            .where(
                MatterNote.matter_id.in_(chunk),
                MatterNote.deleted.is_(False),
                MatterNote.date <= as_of,
            )
            .order_by(MatterNote.date, MatterNote.hlc)
        ):
            last[mid] = f"{date:%m-%d} {progress_line(action, text)}"
        for m in session.execute(select(Matter).where(Matter.id.in_(chunk))).scalars():
            state = by_id[m.id]
            co = "、".join(cadres.get(uuid.UUID(str(c)), "") for c in m.co_handler_ids or [])
            out.append(
                OverdueMatter(
                    m.id,
                    m.number,
                    m.received_date,
                    m.applicant_name,
                    groups.get(m.group_id, ""),
                    m.content,
                    cadres.get(m.responsible_id, ""),
                    co,
                    state.deadline,
                    (as_of - state.deadline).days,
                    state.status,
                    last.get(m.id, ""),
                    bool(m.public),
                )
            )
    out.sort(key=lambda o: (-o.days_overdue, o.number))
    return out
