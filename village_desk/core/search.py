"""Quick search over people and households.

One query box accepts Chinese substrings (三丰), full pinyin (zhangsanfeng,
sanfeng), pinyin initials (zsf), phone fragments (≥3 digits, anywhere), the
last digits of an ID number, and a 户号.

Keys are computed on write (:func:`index_households`) into ``search_term``
(term, person, household) with the term as primary key, so every keystroke is
one or two index range scans (``term >= q AND term < q + U+FFFF``) instead of
a scan of Python lists. Substring search comes from storing suffixes at
character/syllable boundaries. Pinyin is computed per character with a cache,
and polyphonic surnames use their surname reading (曾 zeng, 单 shan, 仇 qiu…)
as well as the everyday one.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session

from .models import Household, Person, SearchTerm, VillagerGroup

# Surnames whose reading differs from the character's everyday reading.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",),
    "单": ("shan",),
    "仇": ("qiu",),
    "区": ("ou",),
    "解": ("xie",),
    "查": ("zha",),
    "朴": ("piao",),
    "乐": ("yue", "le"),
    "覃": ("qin", "tan"),
    "盖": ("ge",),
    "缪": ("miao",),
    "翟": ("zhai",),
    "召": ("shao",),
    "员": ("yun",),
    "繁": ("po",),
    "折": ("she",),
    "秘": ("bi",),
    "牟": ("mu", "mou"),
    "种": ("chong",),
    "重": ("chong",),
    "卜": ("bu",),
    "句": ("gou",),
    "阚": ("kan",),
    "黑": ("he",),
    "隗": ("wei",),
    "郇": ("huan",),
    "费": ("fei",),
    "华": ("hua",),
    "任": ("ren",),
    "冼": ("xian",),
    "尉": ("yu", "wei"),
    "长": ("chang",),
    "藏": ("zang",),
    "薄": ("bo",),
    "柏": ("bai",),
    "沈": ("shen",),
    "褚": ("chu",),
    "宿": ("su",),
    "过": ("guo",),
    "曲": ("qu",),
    "车": ("che",),
    "调": ("diao",),
    "都": ("du",),
    "翁": ("weng",),
}
COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"),
    "长孙": ("zhang", "sun"),
    "万俟": ("mo", "qi"),
    "单于": ("chan", "yu"),
    "澹台": ("tan", "tai"),
    "欧阳": ("ou", "yang"),
}

MAX_TERM = 64
ID_PREFIX = "~"  # reversed ID numbers live in their own part of the key space
HH_PREFIX = "#"  # 户号


@functools.lru_cache(maxsize=20000)
def char_pinyin(ch: str) -> str:
    """Everyday pinyin of one character (no tone); the character itself if none."""
    from pypinyin import lazy_pinyin

    if not ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"):
        return ch.lower()
    return lazy_pinyin(ch)[0].replace("ü", "v")


def name_readings(name: str) -> list[list[str]]:
    """Syllable lists for a personal name: surname reading(s), then everyday."""
    name = name.strip()
    for compound, syllables in COMPOUND_SURNAMES.items():
        if name.startswith(compound):
            rest = [char_pinyin(c) for c in name[len(compound) :]]
            return [list(syllables) + rest]
    everyday = [char_pinyin(c) for c in name]
    readings = []
    for reading in SURNAME_READINGS.get(name[:1], ()):
        variant = [reading] + everyday[1:]
        if variant not in readings:
            readings.append(variant)
    if everyday not in readings:
        readings.append(everyday)
    return readings


def normalize_query(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().lower()
    return re.sub(r"[\s\-]+", "", text)


def person_terms(name: str, phone: str = "", id_number: str = "") -> set[str]:
    terms: set[str] = set()
    clean = normalize_query(name)
    for i in range(len(clean)):
        terms.add(clean[i:])  # Chinese substrings (suffix + prefix match)
    for syllables in name_readings(clean):
        for i in range(len(syllables)):
            terms.add("".join(syllables[i:]))
            terms.add("".join(s[0] for s in syllables[i:] if s))
    digits = re.sub(r"\D", "", phone)
    for i in range(max(len(digits) - 2, 0)):
        terms.add(digits[i:])  # phone fragments of 3+ digits
    if id_number:
        terms.add(ID_PREFIX + id_number.lower()[::-1])
    return {t[:MAX_TERM] for t in terms if t}


def household_terms(number: str, phone: str = "") -> set[str]:
    terms = {HH_PREFIX + normalize_query(number)} if number else set()
    digits = re.sub(r"\D", "", phone)
    for i in range(max(len(digits) - 2, 0)):
        terms.add(digits[i:])
    return {t[:MAX_TERM] for t in terms}


def terms_for_household(household: Household, persons: Iterable[Person]) -> list[dict]:
    if household.deleted:
        return []
    alive = [p for p in persons if not p.deleted]
    rows: dict[tuple[str, uuid.UUID], dict] = {}
    head = next((p for p in alive if p.relation == "head"), alive[0] if alive else None)
    for p in alive:
        for t in person_terms(p.name, p.phone, p.id_number):
            rows[(t, p.id)] = {"term": t, "person_id": p.id, "household_id": household.id}
    if head is not None:
        for t in household_terms(household.number, household.phone):
            rows[(t, head.id)] = {"term": t, "person_id": head.id, "household_id": household.id}
    return list(rows.values())


def index_households(session: Session, household_ids: Iterable[uuid.UUID]) -> None:
    """Recompute the search keys of these households (call after any write)."""
    ids = list(set(household_ids))
    if not ids:
        return
    session.flush()
    session.execute(delete(SearchTerm).where(SearchTerm.household_id.in_(ids)))
    households = {h.id: h for h in session.scalars(select(Household).where(Household.id.in_(ids)))}
    persons: dict[uuid.UUID, list[Person]] = {i: [] for i in ids}
    for p in session.scalars(select(Person).where(Person.household_id.in_(ids))):
        persons[p.household_id].append(p)
    rows = []
    for hid, household in households.items():
        rows += terms_for_household(household, persons[hid])
    if rows:
        session.execute(insert(SearchTerm), rows)


def rebuild_index(session: Session) -> int:
    """Recompute every key (after sync or a repair). Returns the term count."""
    session.execute(delete(SearchTerm))
    ids = list(session.scalars(select(Household.id)))
    for start in range(0, len(ids), 2000):
        index_households(session, ids[start : start + 2000])
    return len(ids)


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
