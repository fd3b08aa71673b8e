"""Public commitments: a year's list, one commitment with its progress, and
践诺率 per person (see ``domain/commitments.py`` for the definition)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from ..domain.commitments import keeping_rate
from ..storage.models import Cadre, Commitment, CommitmentNote, Household, Person, VillageProfile
from .reference import labels


@dataclass(frozen=True)
class Note:
    id: uuid.UUID
    date: dt.date
    author: str
    text: str


@dataclass(frozen=True)
class CommitmentRow:
    id: uuid.UUID
    year: int
    cadre_id: uuid.UUID | None
    person_id: uuid.UUID | None
    name: str  # who committed
    role: str  # the cadre's role (a label), or 党员
    kind: str
    content: str
    measures: str
    target: str
    deadline: dt.date | None
    public: bool
    outcome: str
    review_date: dt.date | None
    review_text: str
    reviewer: str
    village: str
    notes: tuple[Note, ...] = field(default=())

    @property
    def last_note(self) -> Note | None:
        return self.notes[-1] if self.notes else None


def years(session: Session, today: dt.date | None = None) -> list[int]:
    """The years with commitments, and this year, newest first."""
    today = today or dt.date.today()
    found = session.scalars(
        select(Commitment.year).where(Commitment.deleted.is_(False)).distinct()
    ).all()
    return sorted({*found, today.year}, reverse=True)


def latest_reviewed_year(session: Session) -> int | None:
    """The newest year with a reviewed commitment (已践诺/部分践诺/未践诺), or None."""
    return session.scalar(
        select(func.max(Commitment.year)).where(
            Commitment.deleted.is_(False), Commitment.outcome != ""
        )
    )


def commitments(
    session: Session,
    first_year: int,
    last_year: int | None = None,
    *,
    public_only: bool = False,
    cadre_id: uuid.UUID | None = None,
    ids: list[uuid.UUID] | None = None,
) -> list[CommitmentRow]:
    """The commitments of a year (or years), with their notes, ordered by
    committer (cadres first, then party members) and content."""
    last_year = first_year if last_year is None else last_year
    reviewer = aliased(Cadre)
    roles = labels(session, "role")
    q = (
        select(
            Commitment,
            Cadre.name,
            Cadre.role,
            Person.name,
            reviewer.name,
            VillageProfile.village,
        )
        .outerjoin(Cadre, Cadre.id == Commitment.cadre_id)
        .outerjoin(Person, Person.id == Commitment.person_id)
        .outerjoin(reviewer, reviewer.id == Commitment.reviewer_id)
        .outerjoin(VillageProfile, VillageProfile.id == Commitment.village_id)
        .where(Commitment.deleted.is_(False), Commitment.year.between(first_year, last_year))
    )
    if public_only:
        q = q.where(Commitment.public.is_(True))
    if cadre_id is not None:
        q = q.where(Commitment.cadre_id == cadre_id)
    if ids is not None:
        q = q.where(Commitment.id.in_(ids))
    found = session.execute(q).all()
    notes: dict[uuid.UUID, list[Note]] = {}
    wanted = [c.id for c, *_ in found]
    author = aliased(Cadre)
    for at in range(0, len(wanted), 500):
        for n, name in session.execute(
            select(CommitmentNote, author.name)
            .outerjoin(author, author.id == CommitmentNote.author_id)
            .where(
                CommitmentNote.commitment_id.in_(wanted[at : at + 500]),
                CommitmentNote.deleted.is_(False),
            )
            .order_by(CommitmentNote.date, CommitmentNote.hlc)
        ):
            notes.setdefault(n.commitment_id, []).append(Note(n.id, n.date, name or "", n.text))
    rows = []
    for c, cadre, role, person, reviewed_by, village in found:
        rows.append(
            CommitmentRow(
                id=c.id,
                year=c.year,
                cadre_id=c.cadre_id,
                person_id=c.person_id,
                name=cadre or person or "",
                role=roles.get(role, role) if cadre else "党员",
                kind=c.kind,
                content=c.content,
                measures=c.measures,
                target=c.target,
                deadline=c.deadline,
                public=c.public,
                outcome=c.outcome,
                review_date=c.review_date,
                review_text=c.review_text,
                reviewer=reviewed_by or "",
                village=village or "",
                notes=tuple(notes.get(c.id, ())),
            )
        )
    rows.sort(key=lambda r: (r.year, r.person_id is not None, r.village, r.name, r.content))
    return rows


def commitment(session: Session, commitment_id: uuid.UUID) -> CommitmentRow | None:
    c = session.get(Commitment, commitment_id)
    if c is None or c.deleted:
        return None
    found = commitments(session, c.year, ids=[commitment_id])
    return found[0] if found else None


@dataclass(frozen=True)
class KeepingRate:
    """One person's commitments of a year and how many were kept."""

    name: str
    role: str
    village: str
    total: int
    kept: int
    partly: int
    not_kept: int
    unreviewed: int
    cadre_id: uuid.UUID | None = None

    @property
    def rate(self) -> float | None:
        """践诺率 = 已践诺 ÷ 承诺件数."""
        return keeping_rate(self.kept, self.total)


def keeping_rates(
    session: Session, first_year: int, last_year: int | None = None
) -> list[KeepingRate]:
    """践诺率 per committer (cadres first, then party members), counted in SQL."""
    last_year = first_year if last_year is None else last_year
    roles = labels(session, "role")

    def count(outcome: str):
        return func.sum(case((Commitment.outcome == outcome, 1), else_=0))

    q = (
        select(
            Commitment.cadre_id,
            Commitment.person_id,
            func.max(Cadre.name),
            func.max(Cadre.role),
            func.max(Person.name),
            func.max(VillageProfile.village),
            func.count(),
            count("kept"),
            count("partly"),
            count("not_kept"),
            count(""),
        )
        .outerjoin(Cadre, Cadre.id == Commitment.cadre_id)
        .outerjoin(Person, Person.id == Commitment.person_id)
        .outerjoin(VillageProfile, VillageProfile.id == Commitment.village_id)
        .where(Commitment.deleted.is_(False), Commitment.year.between(first_year, last_year))
        .group_by(Commitment.cadre_id, Commitment.person_id)
    )
    out = []
    for (
        cadre_id,
        _pid,
        cadre,
        role,
        person,
        village,
        total,
        kept,
        partly,
        not_kept,
        open_,
    ) in session.execute(q).all():
        out.append(
            KeepingRate(
                name=cadre or person or "",
                role=roles.get(role, role) if cadre else "党员",
                village=village or "",
                total=total,
                kept=kept or 0,
                partly=partly or 0,
                not_kept=not_kept or 0,
                unreviewed=open_ or 0,
                cadre_id=cadre_id,
            )
        )
    out.sort(key=lambda r: (r.cadre_id is None, r.village, r.name))
    return out


@dataclass(frozen=True)
class Committer:
    """Someone who may commit publicly: a cadre, or a party member."""

    cadre_id: uuid.UUID | None
    person_id: uuid.UUID | None
    name: str
    role: str  # the cadre's role (a label), or 党员 with the household number


def committers(session: Session) -> list[Committer]:
    """Active cadres by name, then living party members by name."""
    roles = labels(session, "role")
    out = [
        Committer(c.id, None, c.name, roles.get(c.role, c.role))
        for c in session.execute(
            select(Cadre.id, Cadre.name, Cadre.role)
            .where(Cadre.deleted.is_(False), Cadre.active.is_(True))
            .order_by(Cadre.name)
        )
    ]
    out += [
        Committer(None, pid, name, f"党员 {number}")
        for pid, name, number in session.execute(
            select(Person.id, Person.name, Household.number)
            .join(Household, Household.id == Person.household_id)
            .where(
                Person.deleted.is_(False),
                Person.party_member.is_(True),
                Person.status != "deceased",
                Household.deleted.is_(False),
            )
            .order_by(Person.name)
        )
    ]
    return out
