"""Quick search over people and households.

One query box accepts Chinese substrings (三丰), full pinyin (zhangsanfeng,
sanfeng), pinyin initials (zsf), phone fragments (≥3 digits, anywhere), the
last digits of an ID number, and a 户号. The keys are kept by
``storage/derived/search_index.py``; a search is one or two index range scans.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..storage.derived.search_index import HH_PREFIX, ID_PREFIX, normalize_query
from ..storage.models import Household, Person, SearchTerm, VillagerGroup


@dataclass(frozen=True)
class Hit:
    person_id: uuid.UUID
    household_id: uuid.UUID
    name: str
    relation: str
    household_number: str
    group_name: str
    phone: str
    id_number: str


def _range(prefix: str):
    # U+10FFFF sorts after every character, including rare ones beyond U+FFFF (生僻字)
    return SearchTerm.term.between(prefix, prefix + "\U0010ffff")


def search(session: Session, text: str, limit: int = 50) -> list[Hit]:
    """People matching ``text``, household heads first, then by name."""
    q = normalize_query(text)
    if not q:
        return []
    conditions = [_range(q), _range(HH_PREFIX + q)]
    if re.fullmatch(r"[0-9x]+", q):
        conditions.append(_range(ID_PREFIX + q[::-1]))
    matched = (
        select(SearchTerm.person_id).where(or_(*conditions)).distinct().limit(limit * 4).subquery()
    )
    stmt = (
        select(Person, Household.number, VillagerGroup.name)
        .join(matched, matched.c.person_id == Person.id)
        .join(Household, Household.id == Person.household_id)
        .outerjoin(VillagerGroup, VillagerGroup.id == Household.group_id)
        .where(Person.deleted.is_(False), Household.deleted.is_(False))
    )
    hits = [
        Hit(p.id, p.household_id, p.name, p.relation, number, group or "", p.phone, p.id_number)
        for p, number, group in session.execute(stmt)
    ]
    hits.sort(key=lambda h: (h.relation != "head", len(h.name), h.name, h.household_number))
    return hits[:limit]
