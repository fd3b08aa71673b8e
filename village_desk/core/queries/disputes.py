"""Disputes (矛盾纠纷): the list with parties and mediations, one dispute,
how old the open ones are, and which are 久调不决."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.disputes import (
    DEFAULT_OVERDUE_DAYS,
    OUTCOMES,
    OVERDUE_SETTING,
    SIDES,
    TYPES,
    age_days,
    long_unresolved,
    outcome_label,
)
from ..domain.lifecycle import STATUS_LABELS
from ..storage.models import (
    Cadre,
    Dispute,
    DisputeParty,
    Household,
    Matter,
    MediationSession,
    Person,
    VillageProfile,
)
from .reference import get_setting


def overdue_days(session: Session) -> int:
    """The 久调不决 age in days (the setting ``dispute_overdue_days``, else 30)."""
    value = get_setting(session, OVERDUE_SETTING)
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return DEFAULT_OVERDUE_DAYS


@dataclass(frozen=True)
class Party:
    id: uuid.UUID
    side: str
    name: str
    person_id: uuid.UUID | None
    household_id: uuid.UUID | None
    household: str  # 户号 ("" for an outsider)
    id_number: str  # unmasked: printing and exports mask it
    phone: str
    address: str

    @property
    def side_label(self) -> str:
        return SIDES.get(self.side, self.side)


@dataclass(frozen=True)
class Session_:
    id: uuid.UUID
    date: dt.date
    place: str
    mediator_ids: tuple[uuid.UUID, ...]
    mediators: str  # the cadres' names and the others, 、-joined
    agreed: bool
    notes: str


@dataclass(frozen=True)
class DisputeRow:
    id: uuid.UUID
    matter_id: uuid.UUID
    number: str  # the matter's 编号
    received_date: dt.date
    type: str
    summary: str
    responsible_id: uuid.UUID
    responsible: str
    matter_status: str
    deadline: dt.date
    outcome: str  # "" = 调解中
    outcome_date: dt.date | None
    agreement_text: str
    outcome_note: str
    village: str
    parties: tuple[Party, ...]
    sessions: tuple[Session_, ...]
    age: int  # days since received, or from received to the outcome
    overdue: bool  # 久调不决

    @property
    def type_label(self) -> str:
        return TYPES.get(self.type, self.type)

    @property
    def outcome_label(self) -> str:
        return outcome_label(self.outcome)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.matter_status, self.matter_status)

    def side(self, side: str) -> tuple[Party, ...]:
        return tuple(p for p in self.parties if p.side == side)

    @property
    def party_names(self) -> str:
        """申请方 names — 被申请方 names."""
        return " — ".join("、".join(p.name for p in self.side(s)) for s in SIDES)


def disputes(
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    type: str | None = None,
    state: str | None = None,
    ids: list[uuid.UUID] | None = None,
    today: dt.date | None = None,
) -> list[DisputeRow]:
    """Disputes received from ``start`` to ``end`` (either may be open), newest
    first. ``state``: ``open`` (调解中), ``overdue`` (久调不决), ``closed``
    (with an outcome) or an outcome code."""
    today = today or dt.date.today()
    days = overdue_days(session)
    q = (
        select(Dispute, Matter, Cadre.name, VillageProfile.village)
        .join(Matter, Matter.id == Dispute.matter_id)
        .join(Cadre, Cadre.id == Matter.responsible_id)
        .outerjoin(VillageProfile, VillageProfile.id == Dispute.village_id)
        .where(Dispute.deleted.is_(False), Matter.deleted.is_(False))
        .order_by(Matter.received_date.desc(), Matter.number.desc())
    )
    if start is not None:
        q = q.where(Matter.received_date >= start)
    if end is not None:
        q = q.where(Matter.received_date <= end)
    if type:
        q = q.where(Dispute.type == type)
    if state in ("open", "overdue"):
        q = q.where(Dispute.outcome == "")
    if state == "overdue":
        q = q.where(Matter.received_date < today - dt.timedelta(days=days))
    if state == "closed":
        q = q.where(Dispute.outcome != "")
    if state in OUTCOMES:
        q = q.where(Dispute.outcome == state)
    if ids is not None:
        q = q.where(Dispute.id.in_(ids))
    found = session.execute(q).all()
    wanted = [d.id for d, *_ in found]
    parties: dict[uuid.UUID, list[Party]] = {}
    sessions: dict[uuid.UUID, list[Session_]] = {}
    cadres = dict(session.execute(select(Cadre.id, Cadre.name)).all())
    head = (
        select(Person.household_id, func.min(Person.id).label("pid"))
        .where(Person.relation == "head", Person.deleted.is_(False))
        .group_by(Person.household_id)
        .subquery()
    )
    for at in range(0, len(wanted), 500):
        part = wanted[at : at + 500]
        for p, person, number, address, h_phone in session.execute(
            select(DisputeParty, Person, Household.number, Household.address, Household.phone)
            .outerjoin(Person, Person.id == DisputeParty.person_id)
            .outerjoin(
                Household,
                Household.id == func.coalesce(Person.household_id, DisputeParty.household_id),
            )
            .where(DisputeParty.dispute_id.in_(part), DisputeParty.deleted.is_(False))
            .order_by(DisputeParty.sort_order, DisputeParty.hlc)
        ):
            if person is None and p.household_id is not None:
                pid = session.scalar(
                    select(head.c.pid).where(head.c.household_id == p.household_id)
                )
                person = session.get(Person, pid) if pid else None
            parties.setdefault(p.dispute_id, []).append(
                Party(
                    p.id,
                    p.side,
                    p.name,
                    p.person_id,
                    p.household_id or (person.household_id if person else None),
                    number or "",
                    person.id_number if person else "",
                    (person.phone if person else "") or (h_phone or ""),
                    address or "",
                )
            )
        for row in session.scalars(
            select(MediationSession)
            .where(MediationSession.dispute_id.in_(part), MediationSession.deleted.is_(False))
            .order_by(MediationSession.date, MediationSession.hlc)
        ):
            ids_ = tuple(uuid.UUID(c) for c in row.mediator_ids)
            names = [cadres.get(c, "") for c in ids_]
            if row.other_mediators:
                names.append(row.other_mediators)
            sessions.setdefault(row.dispute_id, []).append(
                Session_(
                    row.id,
                    row.date,
                    row.place,
                    ids_,
                    "、".join(n for n in names if n),
                    row.agreed,
                    row.notes,
                )
            )
    out = []
    for d, m, responsible, village in found:
        ended = d.outcome_date if d.outcome and d.outcome_date else today
        out.append(
            DisputeRow(
                id=d.id,
                matter_id=m.id,
                number=m.number,
                received_date=m.received_date,
                type=d.type,
                summary=d.summary,
                responsible_id=m.responsible_id,
                responsible=responsible,
                matter_status=m.status,
                deadline=m.deadline,
                outcome=d.outcome,
                outcome_date=d.outcome_date,
                agreement_text=d.agreement_text,
                outcome_note=d.outcome_note,
                village=village or "",
                parties=tuple(parties.get(d.id, ())),
                sessions=tuple(sessions.get(d.id, ())),
                age=age_days(m.received_date, ended),
                overdue=long_unresolved(d.outcome, m.received_date, days, today),
            )
        )
    return out


def dispute(session: Session, dispute_id: uuid.UUID) -> DisputeRow | None:
    found = disputes(session, ids=[dispute_id])
    return found[0] if found else None


def for_matter(session: Session, matter_id: uuid.UUID) -> uuid.UUID | None:
    """The dispute a ledger matter belongs to (None: an ordinary matter)."""
    return session.scalar(
        select(Dispute.id).where(Dispute.matter_id == matter_id, Dispute.deleted.is_(False))
    )


def by_number(session: Session, number: str) -> uuid.UUID | None:
    """The dispute whose ledger matter has this number (编号)."""
    return session.scalar(
        select(Dispute.id)
        .join(Matter, Matter.id == Dispute.matter_id)
        .where(Matter.number == number, Matter.deleted.is_(False), Dispute.deleted.is_(False))
    )


@dataclass(frozen=True)
class Overview:
    open: int  # 调解中
    overdue: int  # 久调不决
    days: int  # the 久调不决 age


def overview(session: Session, today: dt.date | None = None) -> Overview:
    """How many disputes are under mediation, and how many of them 久调不决."""
    today = today or dt.date.today()
    days = overdue_days(session)
    base = (
        select(func.count())
        .select_from(Dispute)
        .join(Matter, Matter.id == Dispute.matter_id)
        .where(Dispute.deleted.is_(False), Matter.deleted.is_(False), Dispute.outcome == "")
    )
    return Overview(
        session.scalar(base),
        session.scalar(base.where(Matter.received_date < today - dt.timedelta(days=days))),
        days,
    )
