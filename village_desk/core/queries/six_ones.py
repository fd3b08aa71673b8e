"""The “六个一” of a year, per cadre: each item's count and whether it is
ticked, by the definitions in ``domain/six_ones.py`` (ITEMS)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.six_ones import ACTIVITY_KINDS, ITEMS, TALK_MEETING_KINDS
from ..storage.models import (
    Activity,
    Cadre,
    DiaryEntry,
    Dispute,
    Matter,
    MediationSession,
    Meeting,
    VillageProfile,
    has_code,
)
from .reference import labels

TOWNSHIP = "乡镇"


@dataclass
class CadreSixOnes:
    cadre_id: uuid.UUID
    name: str
    role: str
    village: str  # 乡镇 for a township cadre
    active: bool
    counts: dict[str, int] = field(default_factory=dict)  # ITEMS key → count

    def done(self, key: str) -> bool:
        return self.counts.get(key, 0) >= 1

    @property
    def ticked(self) -> int:
        """How many of the six are ticked."""
        return sum(self.done(key) for key, *_ in ITEMS)


@dataclass(frozen=True)
class ActivityRow:
    id: uuid.UUID
    kind: str  # ACTIVITY_KINDS key
    kind_label: str
    date: dt.date
    place: str
    title: str
    cadre_ids: tuple[uuid.UUID, ...]
    cadres: str  # names, 、-separated
    participants: str
    head_count: int
    notes: str
    village_id: uuid.UUID | None
    village: str


def _villages(s: Session) -> dict[uuid.UUID, str]:
    return dict(
        s.execute(
            select(VillageProfile.id, VillageProfile.village).where(
                VillageProfile.kind == "village"
            )
        ).all()
    )


def activities(
    s: Session, year: int | None = None, kind: str | None = None, cadre_id=None
) -> list[ActivityRow]:
    """Live activities, newest first; optionally of one year, kind or cadre."""
    q = select(Activity).where(Activity.deleted.is_(False))
    if year is not None:
        q = q.where(Activity.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if kind:
        q = q.where(Activity.kind == kind)
    if cadre_id is not None:
        q = q.where(has_code(Activity.cadre_ids, str(cadre_id)))
    names = dict(s.execute(select(Cadre.id, Cadre.name)).all())
    villages = _villages(s)
    out = []
    for a in s.scalars(q.order_by(Activity.date.desc(), Activity.id)):
        ids = tuple(uuid.UUID(c) for c in a.cadre_ids)
        out.append(
            ActivityRow(
                id=a.id,
                kind=a.kind,
                kind_label=ACTIVITY_KINDS.get(a.kind, a.kind),
                date=a.date,
                place=a.place,
                title=a.title,
                cadre_ids=ids,
                cadres="、".join(names.get(c, "?") for c in ids),
                participants=a.participants,
                head_count=a.head_count,
                notes=a.notes,
                village_id=a.village_id,
                village=villages.get(a.village_id, TOWNSHIP),
            )
        )
    return out


def six_ones(s: Session, year: int) -> list[CadreSixOnes]:
    """Every active cadre, and any other cadre with something counted in
    ``year``, with the six counts; by village (乡镇 last) and name."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    counts: dict[uuid.UUID, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    for author, n in s.execute(
        select(DiaryEntry.author_id, func.count())
        .where(DiaryEntry.deleted.is_(False), DiaryEntry.date.between(start, end))
        .group_by(DiaryEntry.author_id)
    ):
        counts[author]["diary"] = n

    for (host,) in s.execute(
        select(Meeting.host_id).where(
            Meeting.deleted.is_(False),
            Meeting.kind.in_(TALK_MEETING_KINDS),
            Meeting.date.between(start, end),
        )
    ):
        counts[host]["democratic_talk"] += 1

    settled = dict(
        s.execute(
            select(Dispute.id, Matter.responsible_id)
            .join(Matter, Matter.id == Dispute.matter_id)
            .where(
                Dispute.deleted.is_(False),
                Dispute.outcome == "success",
                Dispute.outcome_date.between(start, end),
            )
        ).all()
    )
    credited: dict[uuid.UUID, set] = defaultdict(set)  # dispute → cadres
    for dispute_id, responsible in settled.items():
        credited[dispute_id].add(responsible)
    if settled:
        for dispute_id, mediators in s.execute(
            select(MediationSession.dispute_id, MediationSession.mediator_ids).where(
                MediationSession.deleted.is_(False),
                MediationSession.dispute_id.in_(list(settled)),
            )
        ):
            credited[dispute_id].update(uuid.UUID(m) for m in mediators)
    for cadres in credited.values():
        for cid in cadres:
            counts[cid]["disputes"] += 1

    for kind, cadre_ids in s.execute(
        select(Activity.kind, Activity.cadre_ids).where(
            Activity.deleted.is_(False), Activity.date.between(start, end)
        )
    ):
        for cid in dict.fromkeys(cadre_ids):
            counts[uuid.UUID(cid)][kind] += 1

    roles = labels(s, "role")
    villages = _villages(s)
    out = []
    for c in s.scalars(select(Cadre).where(Cadre.deleted.is_(False))):
        if not c.active and c.id not in counts:
            continue
        out.append(
            CadreSixOnes(
                cadre_id=c.id,
                name=c.name,
                role=roles.get(c.role, c.role),
                village=villages.get(c.village_id, TOWNSHIP),
                active=c.active,
                counts={key: counts.get(c.id, {}).get(key, 0) for key, *_ in ITEMS},
            )
        )
    out.sort(key=lambda r: (r.village == TOWNSHIP, r.village, r.name))
    return out
