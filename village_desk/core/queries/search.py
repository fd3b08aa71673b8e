"""Quick search over people and households.

One query box accepts Chinese substrings (三丰), full pinyin (zhangsanfeng,
sanfeng), pinyin initials (zsf), phone fragments (≥3 digits, anywhere), the
last digits of an ID number, and a 户号. The keys are kept by
``storage/derived/search_index.py``; a search is one or two index range scans,
and for three digits or more a scan of the phone columns' covering indexes.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
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


PHONE_FRAGMENT = re.compile(r"[0-9]{3,}")  # three digits or more, anywhere in a phone


def _range(prefix: str):
    # U+10FFFF sorts after every character, including rare ones beyond U+FFFF (生僻字)
    return SearchTerm.term.between(prefix, prefix + "\U0010ffff")


def _phone_has(column, digits: str):
    """The phone contains these digits; a landline's dash (0739-8123456) is
    skipped over when the digits span it."""
    return or_(
        column.contains(digits),
        and_(column.contains("-"), func.replace(column, "-", "").contains(digits)),
    )


def _by_phone(session: Session, digits: str, limit: int) -> set:
    """People whose phone, or whose household's phone, contains the digits:
    a scan of the phone columns' covering indexes (about 20 ms for 100,000
    phones; only phone and id are read, deleted records are left out by the
    caller), stopped at ``limit`` matches. A household's phone finds its head
    (every living member when it has none)."""
    found = set(
        session.scalars(select(Person.id).where(_phone_has(Person.phone, digits)).limit(limit))
    )
    households = session.scalars(
        select(Household.id).where(_phone_has(Household.phone, digits)).limit(limit)
    ).all()
    members: dict = {}
    for pid, hid, relation in session.execute(
        select(Person.id, Person.household_id, Person.relation).where(
            Person.household_id.in_(households), Person.deleted.is_(False)
        )
    ):
        members.setdefault(hid, []).append((relation == "head", pid))
    for people in members.values():
        heads = [pid for head, pid in people if head]
        found.update(heads or [pid for _head, pid in people])
    return found


def search(session: Session, text: str, limit: int = 50) -> list[Hit]:
    """People matching ``text``, household heads first, then by name."""
    q = normalize_query(text)
    if not q:
        return []
    conditions = [_range(q), _range(HH_PREFIX + q)]
    if re.fullmatch(r"[0-9x]+", q):
        conditions.append(_range(ID_PREFIX + q[::-1]))
    ids = set(
        session.scalars(
            select(SearchTerm.person_id).where(or_(*conditions)).distinct().limit(limit * 4)
        )
    )
    if PHONE_FRAGMENT.fullmatch(q):
        ids |= _by_phone(session, q, limit * 4)
    if not ids:
        return []
    stmt = (
        select(Person, Household.number, VillagerGroup.name)
        .where(Person.id.in_(ids))
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
