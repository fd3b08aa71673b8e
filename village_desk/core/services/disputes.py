"""Disputes (矛盾纠纷排查调处): registering one with its parties, recording
mediation sessions, recording the outcome, correcting and deleting.

A dispute is registered together with its ledger matter (one transaction):
the matter's applicant is the first party of the applying side, its
responsible person the cadre in charge of the mediation, its content the
dispute's type and summary, its deadline by default the 久调不决 age
(``dispute_overdue_days``) after it was received. The first mediation
starts the matter (办理); the outcome moves it on (``domain.disputes.
OUTCOME_ACTION``): 调解成功 → 办结 with the agreement as its result,
转司法所/转信访 → 上报 to that office, 未成功 → 暂不能解决 with the
explanation. 回访 and 销号 follow in the 民情台账 like any matter.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.disputes import (
    MAX_OVERDUE_DAYS,
    MIN_PARTIES,
    OUTCOME_ACTION,
    OUTCOMES,
    OVERDUE_SETTING,
    REFERRED_TO,
    SIDES,
    TYPES,
    party_field,
)
from ..domain.errors import IllegalTransition, ValidationError
from ..domain.lifecycle import ACTIONS
from ..domain.validation import not_future, require
from ..queries.disputes import overdue_days
from ..storage.db import Database
from ..storage.models import (
    Cadre,
    Dispute,
    DisputeParty,
    Household,
    Matter,
    MatterNote,
    MediationSession,
    Person,
    ReturnVisit,
    VocabTerm,
)
from . import ledger
from .common import get_live, tx_id
from .setup import set_setting_in


@dataclass
class PartyInput:
    """A party: a registered person, a household (its head speaks for it),
    or an outsider by ``name``."""

    side: str = "applicant"  # domain.disputes.SIDES
    person_id: uuid.UUID | None = None
    household_id: uuid.UUID | None = None
    name: str = ""


@dataclass
class DisputeInput:
    type: str
    summary: str
    responsible_id: uuid.UUID  # the cadre in charge of the mediation (责任人)
    parties: list[PartyInput] = field(default_factory=list)
    received_date: dt.date = field(default_factory=dt.date.today)
    channel: str = "office_duty"  # how it came (坐访值班, 网格巡查…), vocab "channel"
    deadline: dt.date | None = None  # default: received + the 久调不决 age
    village_id: uuid.UUID | None = None  # a township office: the village it is in


@dataclass
class SessionInput:
    date: dt.date
    place: str
    mediator_ids: list[uuid.UUID] = field(default_factory=list)
    other_mediators: str = ""  # others by name (司法所调解员, 老党员…)
    agreed: bool = False
    notes: str = ""  # what was said, agreed or not


def _matter_kind(s: Session) -> str:
    """The 事项类别 of a dispute's matter: 实际困难 while in use, else the
    first category in use (a village may have renamed or retired it)."""
    terms = s.scalars(
        select(VocabTerm.code)
        .where(
            VocabTerm.kind == "matter_kind",
            VocabTerm.deleted.is_(False),
            VocabTerm.retired.is_(False),
        )
        .order_by(VocabTerm.sort_order)
    ).all()
    if not terms:
        raise ValidationError("dispute.type", "事项类别都已停用，请先在设置中启用一个")
    return "hardship" if "hardship" in terms else terms[0]


@dataclass
class _Party:
    side: str
    person_id: uuid.UUID | None
    household_id: uuid.UUID | None
    name: str


def _head_name(s: Session, household_id) -> str:
    return (
        s.scalar(
            select(Person.name).where(
                Person.household_id == household_id,
                Person.relation == "head",
                Person.deleted.is_(False),
            )
        )
        or ""
    )


def _check_parties(s: Session, parties: list[PartyInput]) -> list[_Party]:
    out: list[_Party] = []
    seen: set = set()
    for i, p in enumerate(parties, 1):
        if p.side not in SIDES:
            raise ValidationError(party_field(i, "side"), "请选择申请方或被申请方")
        name = (p.name or "").strip()
        person_id, household_id = p.person_id, p.household_id
        if person_id is not None:
            person = get_live(s, Person, person_id, "当事人")
            name, household_id = person.name, person.household_id
            key = ("person", person_id)
        elif household_id is not None:
            get_live(s, Household, household_id, "当事户")
            name = name or _head_name(s, household_id)
            if not name:
                raise ValidationError(party_field(i, "name"), "这一户没有户主，请写明当事人姓名")
            key = ("household", household_id)
        else:
            if not name:
                raise ValidationError(party_field(i, "name"), "请选择村民，或填写外来当事人的姓名")
            key = ("name", name)
        if len(name) > 60:
            raise ValidationError(party_field(i, "name"), f"最多 60 个字（现在 {len(name)} 个）")
        if key in seen:
            raise ValidationError(party_field(i, "name"), f"{name} 已是当事人，不能重复")
        seen.add(key)
        out.append(_Party(p.side, person_id, household_id, name))
    if len(out) < MIN_PARTIES:
        raise ValidationError("dispute.parties", f"纠纷至少要有{MIN_PARTIES}方当事人")
    for side, label in SIDES.items():
        if not any(p.side == side for p in out):
            raise ValidationError("dispute.parties", f"请添加{label}当事人")
    return out


def _check(s: Session, data: DisputeInput) -> list[_Party]:
    if data.type not in TYPES:
        raise ValidationError("dispute.type", "请选择纠纷类型")
    data.summary = require(data.summary, "dispute.summary")
    if not isinstance(data.received_date, dt.date):
        raise ValidationError("dispute.received_date", "请填写日期")
    not_future(data.received_date, "dispute.received_date")
    if data.responsible_id is None:
        raise ValidationError("dispute.responsible_id", "请选择负责调解的干部")
    return _check_parties(s, data.parties)


def _content(type_: str, summary: str) -> str:
    return f"{TYPES[type_]}：{summary}"


def _add_parties(s: Session, dispute_id: uuid.UUID, parties: list[_Party], start: int = 0):
    for i, p in enumerate(parties, start):
        s.add(
            DisputeParty(
                dispute_id=dispute_id,
                side=p.side,
                person_id=p.person_id,
                household_id=p.household_id if p.person_id is None else None,
                name=p.name,
                sort_order=i,
            )
        )


def register_dispute(db: Database, actor_id, data: DisputeInput) -> uuid.UUID:
    """Register a dispute with its parties and its ledger matter; returns its id."""
    with db.transaction(actor_id) as s:
        parties = _check(s, data)
        first = next(p for p in parties if p.side == "applicant")
        received = data.received_date
        matter = ledger.register_in(
            s,
            ledger.MatterInput(
                content=_content(data.type, data.summary),
                responsible_id=data.responsible_id,
                received_date=received,
                channel=data.channel,
                applicant_person_id=first.person_id,
                household_id=first.household_id,
                applicant_name=first.name,
                kind=_matter_kind(s),
                deadline=data.deadline or received + dt.timedelta(days=overdue_days(s)),
                public=False,  # a family's quarrel is not posted on the notice board
                village_id=data.village_id,
            ),
        )
        d = Dispute(matter_id=matter.id, type=data.type, summary=data.summary)
        s.add(d)
        s.flush()
        _add_parties(s, d.id, parties)
        s.flush()
        return d.id


def _parties(s: Session, dispute_id) -> list[DisputeParty]:
    return list(
        s.scalars(
            select(DisputeParty)
            .where(DisputeParty.dispute_id == dispute_id, DisputeParty.deleted.is_(False))
            .order_by(DisputeParty.sort_order, DisputeParty.hlc)
        )
    )


def _live_dispute(s: Session, dispute_id) -> tuple[Dispute, Matter]:
    d = get_live(s, Dispute, dispute_id, "矛盾纠纷")
    return d, get_live(s, Matter, d.matter_id, "纠纷的台账事项")


def update_dispute(
    db: Database, actor_id, dispute_id: uuid.UUID, *, type: str, summary: str, parties
) -> None:
    """Correct a dispute's type, summary and parties (the parties given are
    the whole list: those left out are removed). While its matter is open
    the matter's content follows; its date and responsible cadre are
    changed in the 民情台账."""
    with db.transaction(actor_id) as s:
        d, m = _live_dispute(s, dispute_id)
        if type not in TYPES:
            raise ValidationError("dispute.type", "请选择纠纷类型")
        summary = require(summary, "dispute.summary")
        wanted = _check_parties(s, list(parties))
        d.type, d.summary = type, summary
        if m.status in ("registered", "in_progress"):
            m.content = _content(type, summary)
        existing = _parties(s, dispute_id)

        def key(p):
            return (p.side, p.person_id, p.household_id if p.person_id is None else None, p.name)

        keep = {key(p) for p in wanted}
        kept = set()
        for row in existing:
            k = key(row)
            if k in keep and k not in kept:
                kept.add(k)
            else:
                row.deleted = True
        new = [p for p in wanted if key(p) not in kept]
        _add_parties(s, dispute_id, new, start=len(existing))
        order = {key(p): i for i, p in enumerate(wanted)}
        for row in existing:
            if not row.deleted and row.sort_order != order[key(row)]:
                row.sort_order = order[key(row)]


def _sessions(s: Session, dispute_id) -> list[MediationSession]:
    return list(
        s.scalars(
            select(MediationSession)
            .where(MediationSession.dispute_id == dispute_id, MediationSession.deleted.is_(False))
            .order_by(MediationSession.date, MediationSession.hlc)
        )
    )


def add_session(db: Database, actor_id, dispute_id: uuid.UUID, data: SessionInput) -> uuid.UUID:
    """Record one mediation; the first one starts the matter (办理)."""
    with db.transaction(actor_id) as s:
        d, m = _live_dispute(s, dispute_id)
        if d.outcome:
            raise IllegalTransition(f"该纠纷已{OUTCOMES[d.outcome]}，不能再添加调解记录")
        if not isinstance(data.date, dt.date):
            raise ValidationError("mediation_session.date", "请填写日期")
        not_future(data.date, "mediation_session.date")
        if data.date < m.received_date:
            raise ValidationError(
                "mediation_session.date", f"不能早于受理日期 {m.received_date.isoformat()}"
            )
        place = require(data.place, "mediation_session.place")
        mediators = list(dict.fromkeys(data.mediator_ids or []))
        for cid in mediators:
            get_live(s, Cadre, cid, "调解人")
        others = (data.other_mediators or "").strip()
        if not mediators and not others:
            raise ValidationError("mediation_session.mediator_ids", "请选择或填写调解人")
        notes = require(data.notes, "mediation_session.notes")
        row = MediationSession(
            dispute_id=d.id,
            date=data.date,
            place=place,
            mediator_ids=[str(c) for c in mediators],
            other_mediators=others,
            agreed=bool(data.agreed),
            notes=notes,
        )
        s.add(row)
        s.flush()
        if m.status == "registered":
            ledger.apply_in(s, actor_id, m, "start", text="开始调解", when=data.date)
        return row.id


def delete_session(db: Database, actor_id, session_id: uuid.UUID) -> None:
    """Remove a mediation recorded by mistake (not once the outcome is recorded)."""
    with db.transaction(actor_id) as s:
        row = get_live(s, MediationSession, session_id, "调解记录")
        d = get_live(s, Dispute, row.dispute_id, "矛盾纠纷")
        if d.outcome:
            raise IllegalTransition(f"该纠纷已{OUTCOMES[d.outcome]}，调解记录不能再删除")
        row.deleted = True


def record_outcome(
    db: Database,
    actor_id,
    dispute_id: uuid.UUID,
    outcome: str,
    *,
    when: dt.date | None = None,
    agreement_text: str = "",
    note: str = "",
) -> None:
    """Record how the mediation ended and move the matter on (see the module).

    调解成功 needs the agreement's text and a mediation where the parties
    agreed; 未成功 needs a mediation and what the parties were told."""
    with db.transaction(actor_id) as s:
        d, m = _live_dispute(s, dispute_id)
        if d.outcome:
            raise IllegalTransition(f"该纠纷已记录调解结果（{OUTCOMES[d.outcome]}）")
        if outcome not in OUTCOMES:
            raise ValidationError("dispute.outcome", "请选择调解结果")
        when = when or dt.date.today()
        if not isinstance(when, dt.date):
            raise ValidationError("dispute.outcome_date", "请填写日期")
        not_future(when, "dispute.outcome_date")
        if when < m.received_date:
            raise ValidationError(
                "dispute.outcome_date", f"不能早于受理日期 {m.received_date.isoformat()}"
            )
        sessions = _sessions(s, dispute_id)
        if sessions and when < sessions[-1].date:
            raise ValidationError(
                "dispute.outcome_date",
                f"不能早于最近一次调解的日期 {sessions[-1].date.isoformat()}",
            )
        agreement = (agreement_text or "").strip()
        note = (note or "").strip()
        if outcome == "success":
            if not agreement:
                raise ValidationError("dispute.agreement_text", "调解成功的，请写明协议内容")
            if not any(x.agreed for x in sessions):
                raise ValidationError(
                    "dispute.outcome", "还没有一次达成一致的调解记录，请先添加调解记录"
                )
        else:
            if agreement:
                raise ValidationError("dispute.agreement_text", "只有调解成功才有协议内容")
            if outcome == "failed":
                if not sessions:
                    raise ValidationError("dispute.outcome", "还没有调解记录，请先添加调解记录")
                if not note:
                    raise ValidationError(
                        "dispute.outcome_note", "调解未成功的，请写明向当事人作的说明"
                    )
        d.outcome, d.outcome_date = outcome, when
        d.agreement_text, d.outcome_note = agreement, note
        action = OUTCOME_ACTION[outcome]
        if m.status in ACTIONS[action].sources:
            if action == "complete":
                ledger.apply_in(s, actor_id, m, action, text=f"调解成功：{agreement}", when=when)
            elif action == "forward":
                ledger.apply_in(
                    s, actor_id, m, action, forwarded_to=REFERRED_TO[outcome], text=note, when=when
                )
            else:
                ledger.apply_in(s, actor_id, m, action, text=note, when=when)
        else:  # the ledger moved it on already: the outcome is a progress note
            s.add(
                MatterNote(
                    matter_id=m.id,
                    date=when,
                    author_id=actor_id,
                    action="note",
                    text=f"调解结果：{OUTCOMES[outcome]}"
                    + (f"。{agreement or note}" if (agreement or note) else ""),
                )
            )


def delete_dispute(db: Database, actor_id, dispute_id: uuid.UUID) -> uuid.UUID:
    """Tombstone a dispute registered by mistake, with its parties, sessions
    and its matter (the matter exists only for the dispute); returns the tx id."""
    with db.transaction(actor_id) as s:
        d = get_live(s, Dispute, dispute_id, "矛盾纠纷")
        d.deleted = True
        for model in (DisputeParty, MediationSession):
            for row in s.scalars(
                select(model).where(model.dispute_id == dispute_id, model.deleted.is_(False))
            ):
                row.deleted = True
        m = s.get(Matter, d.matter_id)
        if m is not None and not m.deleted:
            m.deleted = True
            for model in (MatterNote, ReturnVisit):
                for row in s.scalars(
                    select(model).where(model.matter_id == m.id, model.deleted.is_(False))
                ):
                    row.deleted = True
        return tx_id(s)


def set_overdue_days(db: Database, actor_id, days: int) -> None:
    """How many days without an outcome make a dispute 久调不决."""
    key = f"setting.{OVERDUE_SETTING}"
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_OVERDUE_DAYS:
        raise ValidationError(key, f"应为1至{MAX_OVERDUE_DAYS}天")
    with db.transaction(actor_id) as s:
        set_setting_in(s, OVERDUE_SETTING, days)
