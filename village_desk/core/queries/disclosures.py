"""完整号码导出/查看记录: where ID numbers and phones were shown in full
(``services.disclosures``), newest first."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.disclosures import KINDS
from ..storage.models import Disclosure, VillageProfile


@dataclass(frozen=True)
class DisclosureRow:
    id: uuid.UUID
    at: str  # ISO date and time
    kind: str
    file_name: str  # the file written, or what was shown
    period: str
    households: int
    people: int
    by_name: str
    village: str

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def disclosures(
    session: Session, *, village: uuid.UUID | None = None, limit: int | None = None
) -> list[DisclosureRow]:
    """The records, newest first; ``village``: only that village's (a
    township office's database holds its villages')."""
    q = (
        select(Disclosure, VillageProfile.village)
        .outerjoin(VillageProfile, VillageProfile.id == Disclosure.village_id)
        .where(Disclosure.deleted.is_(False))
        .order_by(Disclosure.at.desc(), Disclosure.hlc.desc())
    )
    if village is not None:
        q = q.where(Disclosure.village_id == village)
    if limit is not None:
        q = q.limit(limit)
    return [
        DisclosureRow(
            id=d.id,
            at=d.at,
            kind=d.kind,
            file_name=d.file_name,
            period=d.period,
            households=d.households,
            people=d.people,
            by_name=d.by_name,
            village=name or "",
        )
        for d, name in session.execute(q)
    ]
