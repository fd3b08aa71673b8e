"""The quick-search index: search keys of people and households.

One query box accepts Chinese substrings (三丰), full pinyin (zhangsanfeng,
sanfeng), pinyin initials (zsf), phone fragments (≥3 digits, anywhere), the
last digits of an ID number, and a 户号.

Phone fragments are not keys: ``queries/search.py`` finds them by scanning
the phone columns' covering indexes (migration 0015). As keys they were about
half of all keys (nine suffixes of every mobile, nine more of a household's
phone on its head), and every phone edit rewrote them: most of a large
import's time. A scan of 100,000 phones takes about 20 ms.

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
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import (
    Column,
    MetaData,
    String,
    Table,
    Uuid,
    bindparam,
    delete,
    func,
    insert,
    select,
    type_coerce,
)
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
    from ...domain.pinyin import lazy_pinyin

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


def person_terms(name: str, id_number: str = "") -> set[str]:
    terms: set[str] = set()
    clean = normalize_query(name)
    for i in range(len(clean)):
        terms.add(clean[i:])  # Chinese substrings (suffix + prefix match)
    for syllables in name_readings(clean):
        for i in range(len(syllables)):
            terms.add("".join(syllables[i:]))
            terms.add("".join(s[0] for s in syllables[i:] if s))
    if id_number:
        terms.add(ID_PREFIX + id_number.lower()[::-1])
    return {t[:MAX_TERM] for t in terms if t}


def household_terms(number: str) -> set[str]:
    return {(HH_PREFIX + normalize_query(number))[:MAX_TERM]} if number else set()


def terms_for_household(household: Household, persons: Iterable[Person]) -> list[dict]:
    if household.deleted:
        return []
    alive = [p for p in persons if not p.deleted]
    head = next((p for p in alive if p.relation == "head"), alive[0] if alive else None)
    hid = household.id
    rows: list[dict] = []
    for p in alive:
        terms = person_terms(p.name, p.id_number)
        if p is head:  # the household's keys too, each (term, person) once
            terms |= household_terms(household.number)
        pid = p.id
        rows += [{"term": t, "person_id": pid, "household_id": hid} for t in terms]
    return rows


ENTITIES = frozenset({"household", "person"})
_CHUNK = 500
# What the keys are made of: other edits (status, tags, notes…) change none.
_HOUSEHOLD_FIELDS = frozenset({"number", "deleted"})
_PERSON_FIELDS = frozenset({"name", "id_number"})
_PLACE_FIELDS = frozenset({"relation", "deleted", "household_id"})  # who carries the 户号
_HOUSEHOLD_COLUMNS = (Household.id, Household.number, Household.deleted)
_PERSON_COLUMNS = (
    Person.id,
    Person.household_id,
    Person.name,
    Person.id_number,
    Person.relation,
    Person.deleted,
)


def _terms_for(session: Session, household_ids: Sequence[uuid.UUID] | None) -> list[dict]:
    """Index rows for these households (all when ``None``), read with Core."""
    # Ids as stored (text on SQLite): they only pass through to the rows
    # written, and a UUID object per row read was much of a large merge's cost.
    hq = select(_as_stored(Household.id), *_HOUSEHOLD_COLUMNS[1:])
    pq = select(_as_stored(Person.id), _as_stored(Person.household_id), *_PERSON_COLUMNS[2:])
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


def index_households(
    session: Session, household_ids: Iterable[uuid.UUID], new: Iterable[uuid.UUID] = ()
) -> None:
    """Recompute the search keys of these households, a chunk at a time
    (households ``new`` in this transaction have no keys to delete)."""
    ids, new = list(set(household_ids)), set(new)
    if not ids:
        return
    session.flush()
    with _Writer(session) as writer:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            old = [h for h in chunk if h not in new]
            if old:
                session.execute(delete(SearchTerm).where(SearchTerm.household_id.in_(old)))
            writer.add(_terms_for(session, chunk))


def index_people(
    session: Session, person_ids: Iterable[uuid.UUID], done: Iterable[uuid.UUID] = ()
) -> None:
    """Recompute the keys of these people only (their name or ID number
    changed; who carries the household's keys did not). A household's only
    living head carries the household's keys too: they are written again with
    the head's own. A household with no head or several is redone whole (which
    member carries its keys depends on all of them). People of households in
    ``done`` were just indexed whole and are left alone."""
    ids, done = list(set(person_ids)), set(done)
    whole: set[uuid.UUID] = set()
    with _Writer(session) as writer:
        for start in range(0, len(ids), _CHUNK):
            people = [
                p
                for p in session.execute(
                    select(*_PERSON_COLUMNS).where(Person.id.in_(ids[start : start + _CHUNK]))
                )
                if p.household_id not in done
            ]
            their = {p.household_id for p in people}
            heads = dict(
                session.execute(
                    select(Person.household_id, func.count())
                    .where(
                        Person.household_id.in_(their),
                        Person.relation == "head",
                        Person.deleted.is_(False),
                    )
                    .group_by(Person.household_id)
                ).all()
            )
            alive_households = {
                h.id: h
                for h in session.execute(
                    select(*_HOUSEHOLD_COLUMNS).where(
                        Household.id.in_(their), Household.deleted.is_(False)
                    )
                )
            }
            simple = []
            for p in people:
                if p.relation == "head" and not p.deleted and heads.get(p.household_id) == 1:
                    simple.append(p)  # the one head: it carries the household's keys
                elif p.relation == "head" or p.household_id not in heads:
                    whole.add(p.household_id)
                else:
                    simple.append(p)
            if not simple:
                continue
            stored = _hex if session.connection().dialect.name == "sqlite" else _same
            # Only the keys that differ are deleted and written: an ID number
            # edit changes one key, not the name's many keys.
            have: dict[object, set[str]] = defaultdict(set)  # by the id as stored
            for term, person_id in session.execute(
                select(SearchTerm.term, _as_stored(SearchTerm.person_id)).where(  # household index
                    SearchTerm.household_id.in_({p.household_id for p in simple}),
                    SearchTerm.person_id.in_([p.id for p in simple]),
                )
            ):
                have[person_id].add(term)
            gone: list[tuple[str, uuid.UUID]] = []
            rows = []
            for p in simple:
                household = alive_households.get(p.household_id)
                terms: set[str] = set()
                if not p.deleted and household is not None:
                    terms = person_terms(p.name, p.id_number)
                    if p.relation == "head":
                        terms |= household_terms(household.number)
                old = have.get(stored(p.id), set())
                gone += [(t, p.id) for t in old - terms]
                rows += [
                    {"term": t, "person_id": p.id, "household_id": p.household_id}
                    for t in terms - old
                ]
            _delete(session, gone)
            writer.add(rows)
    index_households(session, whole - done)


_STAGE = Table(
    "search_term_stage",
    MetaData(),
    Column("term", String(64)),
    Column("person_id", Uuid),
    Column("household_id", Uuid),
    prefixes=["TEMPORARY"],
)


class _Writer:
    """Writes index rows: few at once directly; many through an unindexed
    temporary table, moved over in key order at the end — the index then
    grows by appends instead of page splits, without holding every row in
    memory."""

    def __init__(self, session: Session):
        self.session = session
        self.staged = 0
        self.pending: list[dict] = []

    def __enter__(self) -> _Writer:
        return self

    def add(self, rows: list[dict]) -> None:
        self.pending += rows
        if len(self.pending) >= 20000:
            self._stage()

    def _stage(self) -> None:
        if not self.staged:
            _STAGE.create(self.session.connection(), checkfirst=True)
            self.session.execute(delete(_STAGE))
        _executemany(self.session, _STAGE, self.pending)
        self.staged += len(self.pending)
        self.pending = []

    def __exit__(self, kind, value, tb) -> None:
        if kind is not None:
            return
        if not self.staged:
            _insert(self.session, self.pending)
            return
        if self.pending:
            self._stage()
        columns = [_STAGE.c.term, _STAGE.c.person_id, _STAGE.c.household_id]
        self.session.execute(
            insert(SearchTerm).from_select(
                ["term", "person_id", "household_id"],
                select(*columns).order_by(_STAGE.c.term, _STAGE.c.person_id),
            )
        )
        self.session.execute(delete(_STAGE))


def _insert(session: Session, rows: list[dict]) -> None:
    """Core executemany in key order (B-tree appends, not page splits)."""
    rows.sort(key=lambda row: row["term"])
    for start in range(0, len(rows), 20000):
        _executemany(session, SearchTerm.__table__, rows[start : start + 20000])


def _executemany(session: Session, table: Table, rows: list[dict]) -> None:
    """Insert index rows (term, person_id, household_id). On SQLite, straight
    to the driver with ids as stored (32 hex digits): typing hundreds of
    thousands of ids one by one is most of the cost of a large merge."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        session.execute(table.insert(), rows)
        return
    hexes: dict = {}  # an id's hex once, not once per key

    def h(value) -> str:
        found = hexes.get(value)
        if found is None:
            found = hexes[value] = _hex(value)
        return found

    connection.exec_driver_sql(
        f"INSERT INTO {table.name} (term, person_id, household_id) VALUES (?, ?, ?)",
        [(r["term"], h(r["person_id"]), h(r["household_id"])) for r in rows],
    )


def _delete(session: Session, keys: list[tuple[str, uuid.UUID]]) -> None:
    """Delete index rows by their key (term, person)."""
    if not keys:
        return
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        table = SearchTerm.__table__
        session.connection().execute(
            delete(table).where(
                table.c.term == bindparam("_term"), table.c.person_id == bindparam("_person")
            ),
            [{"_term": t, "_person": p} for t, p in keys],
        )
        return
    hexes: dict = {}
    connection.exec_driver_sql(
        "DELETE FROM search_term WHERE term = ? AND person_id = ?",
        [(t, hexes.get(p) or hexes.setdefault(p, _hex(p))) for t, p in keys],
    )


_STORED = re.compile(r"[0-9a-f]{32}")


def _hex(value) -> str:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, str) and _STORED.fullmatch(value):
        return value  # already as SQLite stores it (read with _as_stored)
    return uuid.UUID(str(value)).hex


def _same(value):
    return value


def _as_stored(column):
    """An id column read as the database gives it, without a UUID object per
    row: 32 hex digits on SQLite (PostgreSQL's driver gives UUIDs anyway)."""
    return type_coerce(column, String).label(column.key)


def rebuild(session: Session) -> int:
    """Recompute every key (after a repair or a bulk write); returns the number
    of keys."""
    session.execute(delete(SearchTerm))
    rows = _terms_for(session, None)
    _insert(session, rows)
    return len(rows)


def refresh_from(session: Session, rows: Sequence[Mapping]) -> None:
    """Bring the keys up to date after these change rows (registry hook):
    whole households where the household or who carries its keys changed,
    single people where only their own keys did, nothing for other edits."""
    households: set[uuid.UUID] = set()
    new: set[uuid.UUID] = set()  # inserted here: nothing to delete
    people: set[uuid.UUID] = set()
    placed: list[uuid.UUID] = []  # people whose place changed: their households
    for row in rows:
        changes = json.loads(row["changes"]) if row.get("changes") else {}
        if row["entity"] == "household":
            if not changes or changes.keys() & _HOUSEHOLD_FIELDS:
                households.add(row["record_id"])
            if row.get("op") == "insert":
                new.add(row["record_id"])
            continue
        if not changes or changes.keys() & _PLACE_FIELDS:
            placed.append(row["record_id"])
            moved = changes.get("household_id")
            if moved:
                households.update(uuid.UUID(h) for h in moved if h)
        elif changes.keys() & _PERSON_FIELDS:
            people.add(row["record_id"])
    for start in range(0, len(placed), _CHUNK):
        chunk = placed[start : start + _CHUNK]
        households.update(session.scalars(select(Person.household_id).where(Person.id.in_(chunk))))
    # A household inserted earlier in this transaction and touched again is not new.
    new -= {r["record_id"] for r in rows if r["entity"] == "household" and r.get("op") != "insert"}
    index_households(session, households, new)
    index_people(session, people, done=households)
