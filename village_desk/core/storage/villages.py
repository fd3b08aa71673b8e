"""Which village a record belongs to (township mode).

A village laptop's database holds one village; a township office's holds a
``township`` profile and the profiles of all its villages. Every synced
record carries ``village_id`` — the profile id of its village, or NULL for a
township-level record (the township's own profile, vocabularies and
settings, a township cadre). Nobody types it:

* a record with a parent (a member's household, a note's matter…) belongs to
  its parent's village;
* a diary entry belongs to the village of the households it visited (set by
  ``services.diary``, which knows them before the entry is flushed);
* anything else belongs to the copy's **home village** — the one village of a
  village copy; at the township, NULL unless the service says which village
  (a matter assigned to a village).

The journal fills it for every new record (``journal.py``); a merge fills it
for records from packages written before township mode (:func:`fill`). A
change's village is kept in ``change_log.village_id`` so a package for one
village is chosen by an index: a village's package carries that village's
records and the township cadres (:data:`SHARED_WITH_VILLAGES`), never another
village's.
"""

from __future__ import annotations

import uuid

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from .models import (
    ENTITY_BY_TABLE,
    SYNCED_MODELS,
    Change,
    VillageProfile,
)

VILLAGE, TOWNSHIP = "village", "township"

# child table → (column, parent table): the record belongs to its parent's village.
PARENT: dict[str, tuple[str, str]] = {
    "person": ("household_id", "household"),
    "pairing": ("household_id", "household"),
    "diary_household": ("household_id", "household"),
    "diary_item": ("entry_id", "diary_entry"),
    "matter_note": ("matter_id", "matter"),
    "return_visit": ("matter_id", "matter"),
    "matter": ("household_id", "household"),
    "commitment_note": ("commitment_id", "commitment"),
    "meeting_attendee": ("meeting_id", "meeting"),
    "meeting_item": ("meeting_id", "meeting"),
    "dispute": ("matter_id", "matter"),
    "dispute_party": ("dispute_id", "dispute"),
    "mediation_session": ("dispute_id", "dispute"),
    "spot_check_item": ("check_id", "spot_check"),
}
# Township-level records (village_id NULL) of these tables go to every
# village: a township cadre visits households and handles matters there.
SHARED_WITH_VILLAGES = frozenset({"cadre"})


def profiles(session: Session) -> list[tuple[uuid.UUID, str]]:
    return list(
        session.execute(
            select(VillageProfile.id, VillageProfile.kind).where(VillageProfile.deleted.is_(False))
        )
    )


def is_township(session: Session) -> bool:
    """This database is a township office's (it holds a township profile)."""
    return any(kind == TOWNSHIP for _id, kind in profiles(session))


def home_village(session: Session) -> uuid.UUID | None:
    """The village this copy holds (a village copy), or None (a township
    office, or a database not set up yet)."""
    found = profiles(session)
    if any(kind == TOWNSHIP for _id, kind in found):
        return None
    villages = [pid for pid, kind in found if kind == VILLAGE]
    return villages[0] if len(villages) == 1 else None


def _pending_home(session: Session) -> uuid.UUID | None | bool:
    """The home village from a profile added in this flush (first run), or
    False when there is none."""
    for obj in session.new:
        if isinstance(obj, VillageProfile):
            return obj.id if (obj.kind or VILLAGE) == VILLAGE else None
    return False


def assign(session: Session, new_records: list) -> None:
    """Give every new record (before the journal records it) its village."""
    pending = {(type(o).__tablename__, o.id): o for o in new_records}
    cache: dict[tuple[str, uuid.UUID], uuid.UUID | None] = {}
    home: list = []

    def default() -> uuid.UUID | None:
        if not home:
            found = _pending_home(session)
            home.append(home_village(session) if found is False else found)
        return home[0]

    def of(table: str, record_id) -> uuid.UUID | None:
        key = (table, record_id)
        if key in cache:
            return cache[key]
        obj = pending.get(key)
        if obj is not None:
            value = village_of(obj)
        else:
            model = ENTITY_BY_TABLE[table]
            value = session.execute(select(model.village_id).where(model.id == record_id)).scalar()
        cache[key] = value
        return value

    def village_of(obj) -> uuid.UUID | None:
        if obj.village_id is not None:
            return obj.village_id
        table = type(obj).__tablename__
        if table == "village_profile":
            value = obj.id if (obj.kind or VILLAGE) == VILLAGE else None
        elif table in PARENT and getattr(obj, PARENT[table][0]) is not None:
            column, parent = PARENT[table]
            value = of(parent, getattr(obj, column))
        elif table == "sync_settlement":
            value = of(obj.entity, obj.record_id) if obj.entity in ENTITY_BY_TABLE else None
        elif table == "attachment" and obj.owner_entity in ENTITY_BY_TABLE:
            value = of(obj.owner_entity, obj.owner_id)
        else:
            value = default()
        obj.village_id = value
        return value

    for obj in new_records:
        village_of(obj)


def assign_rows(session: Session, table: str, rows: list[dict]) -> None:
    """:func:`assign` for bulk inserts (dicts of column values)."""
    todo = [r for r in rows if r.get("village_id") is None]
    if not todo:
        return
    if table == "village_profile":
        for r in todo:
            r["village_id"] = r["id"] if (r.get("kind") or VILLAGE) == VILLAGE else None
        return
    fallback = home_village(session)
    if table == "attachment":  # its owner's village (owners of several kinds)
        for entity in sorted({r["owner_entity"] for r in todo if r.get("owner_entity")}):
            model = ENTITY_BY_TABLE.get(entity)
            if model is None:
                continue
            mine = [r for r in todo if r.get("owner_entity") == entity]
            wanted = sorted({r["owner_id"] for r in mine}, key=str)
            found: dict = {}
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                found.update(
                    session.execute(
                        select(model.id, model.village_id).where(model.id.in_(part))
                    ).all()
                )
            for r in mine:
                r["village_id"] = found.get(r["owner_id"], fallback)
        for r in todo:
            if r.get("village_id") is None:
                r["village_id"] = fallback
        return
    if table in PARENT:
        column, parent = PARENT[table]
        model = ENTITY_BY_TABLE[parent]
        wanted = sorted({r[column] for r in todo if r.get(column) is not None}, key=str)
        found: dict = {}
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            found.update(
                session.execute(select(model.id, model.village_id).where(model.id.in_(part))).all()
            )
        for r in todo:
            parent_id = r.get(column)
            r["village_id"] = found.get(parent_id) if parent_id is not None else fallback
        return
    for r in todo:
        r["village_id"] = fallback


def fill(session: Session, since_seq: int) -> None:
    """After a merge: records that arrived without a village (packages
    written before township mode) take their parent's, then the changes
    recorded from ``since_seq`` on take their record's. Runs under the
    journal guard's open gate (the value is derived alike everywhere)."""
    for model in SYNCED_MODELS:  # parents before children
        table = model.__tablename__
        if table not in PARENT:
            continue
        column, parent = PARENT[table]
        parent_table = ENTITY_BY_TABLE[parent].__table__
        t = model.__table__
        session.execute(
            update(t)
            .where(t.c.village_id.is_(None), t.c[column].is_not(None))
            .values(
                village_id=select(parent_table.c.village_id)
                .where(parent_table.c.id == t.c[column])
                .scalar_subquery()
            )
        )
    log = Change.__table__
    for model in SYNCED_MODELS:
        t = model.__table__
        session.execute(
            update(log)
            .where(log.c.seq >= since_seq, log.c.entity == t.name, log.c.village_id.is_(None))
            .values(
                village_id=select(t.c.village_id).where(t.c.id == log.c.record_id).scalar_subquery()
            )
        )


def for_village(village_id: uuid.UUID):
    """SQL condition on change rows: what a copy of ``village_id`` may hold."""
    return or_(
        Change.village_id == village_id,
        and_(Change.village_id.is_(None), Change.entity.in_(sorted(SHARED_WITH_VILLAGES))),
    )


__all__ = [
    "PARENT",
    "SHARED_WITH_VILLAGES",
    "TOWNSHIP",
    "VILLAGE",
    "assign",
    "assign_rows",
    "fill",
    "for_village",
    "home_village",
    "is_township",
]
