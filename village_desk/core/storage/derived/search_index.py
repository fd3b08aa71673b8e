"""The quick-search index: search keys of people and households.

One query box accepts Chinese substrings (三丰), full pinyin (zhangsanfeng,
sanfeng), pinyin initials (zsf), phone fragments (≥3 digits, anywhere), the
last digits of an ID number, and a 户号.

Keys are computed on write into ``search_term`` (term, person, household)
with the term as primary key, so every keystroke is one or two index range
scans (``term >= q AND term < q + U+10FFFF``, see ``queries/search.py``)
instead of a scan of Python lists. The registry (``derived/__init__.py``)
refreshes the keys of the households a transaction touched before it commits. Substring search comes from storing suffixes at
character/syllable boundaries. Pinyin is computed per character with a cache,
and polyphonic surnames use their surname reading (曾 zeng, 单 shan, 仇 qiu…)
as well as the everyday one.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
import uuid
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..models import Household, Person, SearchTerm

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


ENTITIES = frozenset({"household", "person"})
REBUILD_ABOVE = 5000
_CHUNK = 500
_HOUSEHOLD_COLUMNS = (Household.id, Household.number, Household.phone, Household.deleted)
_PERSON_COLUMNS = (
    Person.id,
    Person.household_id,
    Person.name,
    Person.phone,
    Person.id_number,
    Person.relation,
    Person.deleted,
)


def _terms_for(session: Session, household_ids: Sequence[uuid.UUID] | None) -> list[dict]:
    """Index rows for these households (all when ``None``), read with Core."""
    hq = select(*_HOUSEHOLD_COLUMNS)
    pq = select(*_PERSON_COLUMNS)
    if household_ids is not None:
        hq = hq.where(Household.id.in_(household_ids))
        pq = pq.where(Person.household_id.in_(household_ids))
    persons: dict[uuid.UUID, list] = {}
    for p in session.execute(pq):
        persons.setdefault(p.household_id, []).append(p)
    rows: list[dict] = []
    for h in session.execute(hq):
        rows += terms_for_household(h, persons.get(h.id, []))
    return rows


def index_households(session: Session, household_ids: Iterable[uuid.UUID]) -> None:
    """Recompute the search keys of these households."""
    ids = list(set(household_ids))
    if not ids:
        return
    session.flush()
    rows: list[dict] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        session.execute(delete(SearchTerm).where(SearchTerm.household_id.in_(chunk)))
        rows += _terms_for(session, chunk)
    _insert(session, rows)


def _insert(session: Session, rows: list[dict]) -> None:
    """Core executemany in key order (B-tree appends, not page splits)."""
    rows.sort(key=lambda row: row["term"])
    for start in range(0, len(rows), 20000):
        session.execute(SearchTerm.__table__.insert(), rows[start : start + 20000])


def rebuild(session: Session) -> int:
    """Recompute every key (after a repair or a bulk write); returns the number
    of keys."""
    session.execute(delete(SearchTerm))
    rows = _terms_for(session, None)
    _insert(session, rows)
    return len(rows)


def refresh_from(session: Session, rows: Sequence[Mapping]) -> None:
    """Bring the keys up to date after these change rows (registry hook)."""
    if len(rows) > REBUILD_ABOVE:
        rebuild(session)
        return
    households: set[uuid.UUID] = set()
    persons: list[uuid.UUID] = []
    for row in rows:
        if row["entity"] == "household":
            households.add(row["record_id"])
            continue
        persons.append(row["record_id"])
        moved = json.loads(row["changes"]).get("household_id")
        if moved:
            households.update(uuid.UUID(h) for h in moved if h)
    for start in range(0, len(persons), _CHUNK):
        chunk = persons[start : start + _CHUNK]
        households.update(session.scalars(select(Person.household_id).where(Person.id.in_(chunk))))
    index_households(session, households)
