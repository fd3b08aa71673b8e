"""Merging changes from other copies, so that every copy converges.

Every copy keeps every change it ever saw in ``change_log`` (its own and
received ones, each with the stamp and device that made it). A record's
state is a function of that history alone — :func:`fold` replays a record's
changes in (stamp, device) order:

* a field takes the value of the newest change that set it (see
  ``merge_policy.py`` for lists, maps and field groups);
* when a change overwrote a value its writer had not seen (the change's
  *old* value is not the value it replaced), the overwritten value is kept as
  a conflict (``sync_conflict``), for a person to settle;
* an edit made on a copy that had not seen a deletion — or a deletion made
  without seeing an edit — is a conflict too; the record stays deleted until
  a person decides.

Because the result depends only on the set of changes, copies that have seen
the same changes hold the same records and the same conflicts, whatever the
order and however often the changes arrived (:func:`digest` compares them).

:func:`merge` receives change rows (from an exchange file, or another copy in
tests): it skips duplicates, holds changes stamped more than a day ahead in
quarantine, records the rest with a local sequence number (their original
stamp and device kept), re-folds each record they touch, writes the result to
the live tables with Core statements (not re-journaled as local edits), and
refreshes the derived tables. A record whose parent (its household, entry…)
has not arrived yet waits in ``sync_pending`` and is applied when it does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import itertools
import json
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import (
    Boolean,
    Date,
    Integer,
    String,
    Uuid,
    bindparam,
    delete,
    insert,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session

from ..domain.errors import ServiceError
from ..domain.text import clean_text
from . import villages
from .changes import Changes
from .clock import MAX_DRIFT_MS, HybridClock
from .db import Database
from .merge_policy import GROUPS, kind_of
from .models import (
    ENTITY_BY_TABLE,
    SYNCED_MODELS,
    TEXT_COLUMNS,
    Change,
    CodeList,
    LocalGate,
    SyncConflict,
    SyncPending,
    SyncQuarantine,
)

NAMESPACE = uuid.UUID("6f1c2d8e-8a4b-5d6e-9f10-7c2b3a4d5e6f")
_CHUNK = 400
_APPLY_CHUNK = 2000  # records folded and written at a time
_WRITE_CHUNK = 5000  # rows per executemany
OPS = ("insert", "update", "delete")
CHANGE_FIELDS = ("id", "hlc", "device_id", "tx_id", "actor_id", "entity", "record_id", "op")


# --------------------------------------------------------------------------- rows


def change_to_dict(row) -> dict:
    """A change row as plain JSON-safe values (what an exchange file carries)."""
    return {
        "id": str(row.id),
        "hlc": row.hlc,
        "device_id": str(row.device_id),
        "tx_id": str(row.tx_id),
        "actor_id": str(row.actor_id) if row.actor_id else None,
        "entity": row.entity,
        "record_id": str(row.record_id),
        "op": row.op,
        "changes": row.changes,
    }


def export_changes(db: Database, since_seq: int = 0) -> list[dict]:
    """Every change recorded here after local sequence number ``since_seq``,
    in the order they were recorded."""
    with db.reading() as s:
        rows = s.execute(select(Change).where(Change.seq > since_seq).order_by(Change.seq))
        return [change_to_dict(r) for r in rows.scalars()]


def _cached_uuid(value, ids: dict) -> uuid.UUID:
    text = str(value)
    found = ids.get(text)
    if found is None:
        found = ids[text] = uuid.UUID(text)
    return found


def _parse(raw: Mapping, n: int, ids: dict | None = None) -> dict:
    """A received change row, checked; a bad one is refused by its place.
    ``ids`` caches the device, transaction and cadre ids (few, repeated)."""
    ids = {} if ids is None else ids
    try:
        row = {
            "id": uuid.UUID(str(raw["id"])),
            "hlc": str(raw["hlc"]),
            "device_id": _cached_uuid(raw["device_id"], ids),
            "tx_id": _cached_uuid(raw["tx_id"], ids),
            "actor_id": _cached_uuid(raw["actor_id"], ids) if raw.get("actor_id") else None,
            "entity": str(raw["entity"]),
            "record_id": uuid.UUID(str(raw["record_id"])),
            "op": str(raw["op"]),
            "changes": raw["changes"]
            if isinstance(raw["changes"], str)
            else json.dumps(raw["changes"], ensure_ascii=False, separators=(",", ":")),
        }
        HybridClock.parse(row["hlc"])
        changes = json.loads(row["changes"])
    except (KeyError, ValueError, TypeError) as err:
        where = f"第 {n} 条变更"
        raise ServiceError(f"{where}格式不对（{err}），没有导入任何内容") from None
    where = f"第 {n} 条变更"
    meta = _META.get(row["entity"])
    if meta is None:
        raise ServiceError(f"{where}：未知的记录类型“{row['entity']}”，没有导入任何内容")
    if row["op"] not in OPS or not isinstance(changes, dict):
        raise ServiceError(f"{where}：无法识别的变更，没有导入任何内容")
    unknown = changes.keys() - meta.keys
    if unknown:
        raise ServiceError(
            f"{where}：{row['entity']} 没有字段 {', '.join(sorted(unknown))}，没有导入任何内容"
        )
    for v in changes.values():
        if not (isinstance(v, list) and len(v) == 2):
            raise ServiceError(f"{where}：字段变化应为[原值, 新值]，没有导入任何内容")
    # Text as every copy stores it (an older copy, or a file made by hand,
    # may carry control characters): cleaned the same way on every copy, and
    # journaled as cleaned, so that what is applied is what is journaled.
    text_columns = TEXT_COLUMNS[row["entity"]]
    dirty = False
    for key in changes.keys() & text_columns.keys():
        pair = [clean_text(v, text_columns[key]) if isinstance(v, str) else v for v in changes[key]]
        if pair != changes[key]:
            changes[key], dirty = pair, True
    if dirty:
        row["changes"] = json.dumps(changes, ensure_ascii=False, separators=(",", ":"))
    # The record's village, when the change names it (an insert does): the
    # journal row is written with it, not filled in afterwards.
    row["village_id"] = None
    village = changes.get("village_id")
    if village and isinstance(village[1], str):
        with contextlib.suppress(ValueError):
            row["village_id"] = _cached_uuid(village[1], ids)
    return row


# --------------------------------------------------------------------------- fold


@functools.cache
def _columns(model) -> dict:
    """A record table's columns but ``id`` and ``hlc`` (do not change the dict)."""
    return {c.key: c for c in model.__table__.columns if c.key not in ("id", "hlc")}


def _converter(column):
    """:func:`to_python` for one column, decided once."""
    kind = column.type
    if isinstance(kind, CodeList):
        return list
    if isinstance(kind, Uuid):
        return lambda v: v if isinstance(v, uuid.UUID) else uuid.UUID(str(v))
    if isinstance(kind, Date):
        return lambda v: dt.date.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, Integer):
        return int
    return None


class _Meta:
    """What fold and the live rows need of a record table, computed once."""

    def __init__(self, model):
        table = model.__tablename__
        self.model = model
        self.columns = _columns(model)
        self.keys = frozenset(self.columns)
        self.kinds = {k: kind_of(table, k) for k in self.columns}
        groups = GROUPS.get(table, {})
        self.group = {
            k: next(n for n, fields in groups.items() if k in fields)
            for k, kind in self.kinds.items()
            if kind == "group"
        }
        self.group_fields = {n: sorted(fields & self.keys) for n, fields in groups.items()}
        # (key, converter, default for a non-nullable column the history never set)
        self.live = []
        for key, col in self.columns.items():
            default = col.default.arg if col.default is not None else None
            self.live.append((key, _converter(col), col.nullable, default))
        self.parents = _parents(model)
        self.self_parent = any(parent == table for _col, parent in self.parents)


_META: dict[str, _Meta] = {}  # filled below, once the helpers exist


def _norm(kind: str, value):
    if kind == "list":
        return sorted(set(value or []))
    return value


@dataclass
class Conflict:
    entity: str
    record_id: uuid.UUID
    field: str
    kind: str  # value / group / deleted
    winner_hlc: str
    winner_value: object
    loser_hlc: str
    loser_device: uuid.UUID | None
    loser_value: object

    @property
    def id(self) -> uuid.UUID:
        key = f"{self.entity}:{self.record_id}:{self.field}:{self.winner_hlc}:{self.loser_hlc}"
        return uuid.uuid5(NAMESPACE, key)


@dataclass
class Folded:
    state: dict | None  # column → JSON value; None: its insert has not arrived
    hlc: str
    conflicts: list[Conflict] = field(default_factory=list)


def _apply_list(current, old, new) -> list:
    current = list(current or [])
    removed = set(old or []) - set(new or [])
    added = [v for v in (new or []) if v not in set(old or [])]
    out = [v for v in current if v not in removed]
    out += [v for v in added if v not in out]
    return out


def _apply_map(current: str, old: str, new: str) -> str:
    try:
        cur, o, n = (json.loads(x) if x else None for x in (current, old, new))
    except (TypeError, ValueError):
        return new
    if not all(isinstance(x, dict) for x in (cur, o, n)):
        return new
    for key in set(o) | set(n):
        if key not in n:
            cur.pop(key, None)
        elif o.get(key) != n[key]:
            cur[key] = n[key]
    return json.dumps(dict(sorted(cur.items())), ensure_ascii=False)


def fold(entity: str, history: Iterable) -> Folded:
    """A record's state from all its changes (rows with hlc, device_id, op,
    changes), and the values that lost."""
    return _fold(
        entity,
        [
            (c.hlc, str(c.device_id), str(c.id), c.op, c.device_id, c.record_id, c.changes)
            for c in history
        ],
    )


def _fold(entity: str, items: list) -> Folded:
    """:func:`fold` of changes as tuples (hlc, device as text, id as text, op,
    device id, record id, changes as JSON text or as the parsed object)."""
    meta = _META[entity]
    columns, kinds, group_of_key, group_fields = (
        meta.columns,
        meta.kinds,
        meta.group,
        meta.group_fields,
    )
    state: dict | None = None
    setter: dict[str, tuple[str, uuid.UUID]] = {}  # field → (hlc, device) that set it
    conflicts: list[Conflict] = []
    last = ""
    items.sort(key=lambda c: (c[0], c[1], c[2]))
    for hlc, _dev, _id, op, device, record_id, ch in items:
        if isinstance(ch, str):
            ch = json.loads(ch)
        if hlc > last:
            last = hlc
        if state is None:
            if op != "insert":
                continue  # its insert has not arrived (it has a lower stamp)
            state = dict.fromkeys(columns)
            for key, (_old, new) in ch.items():
                state[key] = new
                setter[key] = (hlc, device)
            continue

        def lose(name, kind, loser, winner, loser_from, hlc=hlc, record_id=record_id) -> None:
            conflicts.append(
                Conflict(
                    entity,
                    record_id,
                    name,
                    kind,
                    hlc,
                    winner,
                    loser_from[0] if loser_from else "",
                    loser_from[1] if loser_from else None,
                    loser,
                )
            )

        stamp = (hlc, device)
        if op == "update" and "deleted" not in ch and state.get("deleted"):
            # An edit made without seeing the deletion: applied, and reported.
            lose("deleted", "deleted", False, True, setter.get("deleted"))
        seen_groups: set[str] = set()
        for key, (old, new) in ch.items():
            if key not in columns:
                continue
            kind = kinds[key]
            if op == "delete" and key != "deleted":
                # A witness of what the deleting copy saw, not a new value.
                if _norm(kind, old) != _norm(kind, state.get(key)):
                    lose(key, "deleted", state.get(key), None, setter.get(key))
                continue
            if kind == "value":
                current = state.get(key)
                if op == "insert":
                    if new != current:  # the same record inserted twice (seeded ids)
                        lose(key, "value", current, new, setter.get(key))
                elif old != current and new != current:
                    lose(key, "value", current, new, setter.get(key))
                state[key] = new
                setter[key] = stamp
            elif kind == "list":
                state[key] = _apply_list(state.get(key), old, new)
                setter[key] = stamp
            elif kind == "map":
                state[key] = _apply_map(state.get(key), old, new)
                setter[key] = stamp
            else:  # group
                name = group_of_key[key]
                if name in seen_groups:
                    continue
                seen_groups.add(name)
                fields = group_fields[name]
                mine = {f: ch[f] for f in fields if f in ch}
                before = {f: state.get(f) for f in fields}
                unseen = op != "insert" and any(o != before[f] for f, (o, _n) in mine.items())
                after = dict(before)
                after.update({f: n for f, (_o, n) in mine.items()})
                if unseen and after != before:
                    latest = max((setter[f] for f in fields if f in setter), default=None)
                    lose(name, "group", before, after, latest)
                state.update(after)
                for f in mine:
                    setter[f] = stamp
    return Folded(state, last, conflicts)


# --------------------------------------------------------------------------- live rows


def to_python(column, value):
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, CodeList):
        return list(value)
    if isinstance(kind, Uuid):
        return uuid.UUID(str(value))
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Integer):
        return int(value)
    return value


def _live_row(model, record_id, folded: Folded) -> dict:
    state = folded.state
    row = {}
    for key, convert, nullable, default in _META[model.__tablename__].live:
        value = state.get(key)
        if value is not None and convert is not None:
            value = convert(value)
        if value is None and not nullable:  # a field the history never set: its default
            value = default(None) if callable(default) else default
        row[key] = value
    row["id"], row["hlc"] = record_id, folded.hlc
    return row


def _parents(model) -> list[tuple[str, str]]:
    """(column, parent table) for each foreign key of a record table."""
    out = []
    for col in model.__table__.columns:
        for fk in col.foreign_keys:
            out.append((col.key, fk.column.table.name))
    return out


_META.update({m.__tablename__: _Meta(m) for m in SYNCED_MODELS})


# --------------------------------------------------------------------------- merge


@dataclass
class MergeReport:
    received: int = 0
    duplicates: int = 0
    quarantined: int = 0
    recorded: int = 0
    applied: int = 0  # records written to the live tables
    pending: int = 0  # records waiting for a parent
    conflicts: int = 0  # conflict records now on the touched records
    changes: Changes = field(default_factory=Changes)


def merge(
    db: Database,
    rows: Iterable[Mapping],
    *,
    accept_future: bool = False,
    now_ms: int | None = None,
    then: Callable[[Session, MergeReport], None] | None = None,
) -> MergeReport:
    """Merge change rows from another copy; all or nothing. A malformed row
    is refused (``ServiceError`` naming it) and nothing is changed.
    ``then(session, report)`` runs inside the same transaction after the
    merge (an exchange file records its watermarks there): if it raises,
    nothing is merged either."""
    ids: dict[str, uuid.UUID] = {}
    report = MergeReport()
    limit = (now_ms if now_ms is not None else int(time.time() * 1000)) + MAX_DRIFT_MS
    with db.transaction(None) as s:
        ctx = s.info["journal"]
        first_seq = ctx.next_seq  # changes recorded before this merge have a lower one
        touched: set[tuple[str, uuid.UUID]] = set()
        newest = ""
        numbered = enumerate(rows, 1)
        # The changes are recorded a batch at a time (memory stays bounded
        # however many arrive); records are folded from the journal after.
        while batch := [_parse(raw, n, ids) for n, raw in itertools.islice(numbered, _WRITE_CHUNK)]:
            report.received += len(batch)
            fresh = _drop_known(s, batch)  # earlier batches are in the journal already
            report.duplicates += len(batch) - len(fresh)
            del batch
            held = [
                r for r in fresh if not accept_future and HybridClock.parse(r["hlc"])[0] > limit
            ]
            if held:
                _quarantine(s, held)
                report.quarantined += len(held)
                held_ids = {r["id"] for r in held}
                fresh = [r for r in fresh if r["id"] not in held_ids]
            if accept_future and fresh:
                s.execute(
                    delete(SyncQuarantine).where(
                        SyncQuarantine.change_id.in_([r["id"] for r in fresh])
                    )
                )
            if not fresh:
                continue
            # Sequence numbers in stamp order within a batch; rows written in
            # that order too (the sequence index grows by appends).
            fresh.sort(key=lambda r: (r["hlc"], str(r["device_id"]), str(r["id"])))
            for r in fresh:
                r["seq"] = ctx.take_seq()
            _known_villages(s, fresh)
            s.execute(Change.__table__.insert(), fresh)
            newest = max(newest, max(r["hlc"] for r in fresh))
            touched.update((r["entity"], r["record_id"]) for r in fresh)
            report.recorded += len(fresh)
        if newest:
            db.clock.advance_to(newest)
        waiting_before = {
            (e, r) for e, r in s.execute(select(SyncPending.entity, SyncPending.record_id))
        }
        touched |= waiting_before
        if touched:
            applied, pending, conflicts = _apply(s, touched, first_seq, waiting_before, ctx.rows)
            report.applied, report.pending, report.conflicts = len(applied), pending, conflicts
        if report.recorded:
            s.execute(update(LocalGate).where(LocalGate.id == 1).values(open=1))
            try:
                villages.fill(s, first_seq)
            finally:
                s.execute(update(LocalGate).where(LocalGate.id == 1).values(open=0))
        report.changes = Changes.from_rows(ctx.rows)
        if then is not None:
            then(s, report)
    return report


def _known_villages(s: Session, rows: list[dict]) -> None:
    """The village of the records these changes are to, for the changes that
    do not name it, from the records stored here. (What is left — records
    arriving in this merge, or waiting for a parent — ``villages.fill``
    writes after the merge.)"""
    asked: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["village_id"] is None and r["op"] != "insert":
            asked[r["entity"]].append(r)
    for entity, todo in asked.items():
        table = ENTITY_BY_TABLE[entity].__table__
        if "village_id" not in table.c:
            continue
        found: dict = {}
        for start in range(0, len(todo), _CHUNK):
            chunk = [r["record_id"] for r in todo[start : start + _CHUNK]]
            found.update(
                s.execute(
                    select(table.c.id, table.c.village_id).where(
                        table.c.id.in_(chunk), table.c.village_id.is_not(None)
                    )
                ).all()
            )
        for r in todo:
            r["village_id"] = found.get(r["record_id"])


def _drop_known(s: Session, rows: list[dict]) -> list[dict]:
    ids = [r["id"] for r in rows]
    known: set[uuid.UUID] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        known.update(s.scalars(select(Change.id).where(Change.id.in_(chunk))))
    out, seen = [], set()
    for r in rows:
        if r["id"] not in known and r["id"] not in seen:
            seen.add(r["id"])
            out.append(r)
    return out


def _quarantine(s: Session, rows: list[dict]) -> None:
    ids = [r["id"] for r in rows]
    known = set(
        s.scalars(select(SyncQuarantine.change_id).where(SyncQuarantine.change_id.in_(ids)))
    )
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    new = [
        {
            "change_id": r["id"],
            "hlc": r["hlc"],
            "device_id": r["device_id"],
            "payload": json.dumps(
                {k: (str(v) if isinstance(v, uuid.UUID) else v) for k, v in r.items()},
                ensure_ascii=False,
            ),
            "received": stamp,
        }
        for r in rows
        if r["id"] not in known
    ]
    if new:
        s.execute(insert(SyncQuarantine), new)


def quarantined(db: Database) -> list[dict]:
    """The held changes, as received."""
    with db.reading() as s:
        return [json.loads(p) for p in s.scalars(select(SyncQuarantine.payload))]


def accept_quarantined(db: Database) -> MergeReport:
    """A person accepted the far-future changes: merge them after all."""
    return merge(db, quarantined(db), accept_future=True)


def _history(s: Session, entity: str, ids: list[uuid.UUID], new_from: int) -> tuple[dict, dict]:
    """Every change of these records, as fold items by record; and the ones
    numbered from ``new_from`` (this merge's) as lean change rows by record —
    which fields changed (and a moved record's households), not the values."""
    out: dict[uuid.UUID, list] = defaultdict(list)
    new: dict[uuid.UUID, list] = defaultdict(list)
    # Ids are read as stored, without a UUID object per row (most of the
    # reading's cost): SQLite gives 32 hex digits, which sort as the canonical
    # text does (fold's order); PostgreSQL's driver gives UUIDs.
    sqlite = s.connection().dialect.name == "sqlite"
    devices: dict = {}  # a device's id object, once per device
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        # one id object per record, however many rows
        same = {rid.hex: rid for rid in chunk} if sqlite else {rid: rid for rid in chunk}
        for c in s.execute(
            select(
                _as_stored(Change.id),
                Change.hlc,
                _as_stored(Change.device_id),
                _as_stored(Change.record_id),
                Change.op,
                Change.changes,
                Change.seq,
            ).where(Change.entity == entity, Change.record_id.in_(chunk))
        ):
            rid = same[c.record_id]
            device = devices.get(c.device_id)
            if device is None:
                device = devices[c.device_id] = _cached_uuid(c.device_id, {})
            if sqlite:
                out[rid].append((c.hlc, c.device_id, c.id, c.op, device, rid, c.changes))
            else:
                out[rid].append((c.hlc, str(device), str(c.id), c.op, device, rid, c.changes))
            if c.seq >= new_from:
                new[rid].append(
                    {
                        "entity": entity,
                        "record_id": rid,
                        "op": c.op,
                        # an insert: the whole record is new (the derived
                        # tables redo it whole, as for "{}")
                        "changes": _ALL if c.op == "insert" else _lean(c.changes),
                    }
                )
    return out, new


_ALL = "{}"


def _as_stored(column):
    """An id column read as the database gives it (no UUID object per row)."""
    return type_coerce(column, String).label(column.key)


def _moves(s: Session, model, updates: list[dict]) -> list[dict]:
    """Lean change rows for records this merge moves to another household,
    from the live row they replace: the derived tables must drop what they
    hold under the old household. (The journal's rows may not say it: a
    record that waited for its new household, or a move that won over
    another, changes the live row from a value no journal row names.)"""
    table = model.__table__
    if "household_id" not in table.c:
        return []
    before: dict[uuid.UUID, uuid.UUID | None] = {}
    ids = [r["id"] for r in updates]
    for start in range(0, len(ids), _CHUNK):
        before.update(
            s.execute(
                select(table.c.id, table.c.household_id).where(
                    table.c.id.in_(ids[start : start + _CHUNK])
                )
            ).all()
        )
    out = []
    for r in updates:
        old, now = before.get(r["id"]), r["household_id"]
        if old is not None and str(old) != str(now):
            out.append(
                {
                    "entity": table.name,
                    "record_id": r["id"],
                    "op": "update",
                    "changes": json.dumps({"household_id": [str(old), str(now) if now else None]}),
                }
            )
    return out


def _lean(changes: str) -> str:
    """Which fields a change touched (the derived tables need no values but
    the households a record moved between)."""
    parsed = json.loads(changes)
    return json.dumps({k: (v if k == "household_id" else 0) for k, v in parsed.items()})


def _existing(s: Session, table: str, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    model = ENTITY_BY_TABLE[table]
    found: set[uuid.UUID] = set()
    for start in range(0, len(ids), _CHUNK):
        found.update(s.scalars(select(model.id).where(model.id.in_(ids[start : start + _CHUNK]))))
    return found


def _apply(
    s: Session,
    touched: set[tuple[str, uuid.UUID]],
    first_seq: int,
    waiting_before: set[tuple[str, uuid.UUID]],
    changed: list[dict],
):
    """Re-fold the touched records and write them (through the journal
    guard's gate: a re-fold may change a record without changing its newest
    stamp); returns (applied keys, pending count, conflict count).

    Each record's whole history is read from the journal (this merge's
    changes, numbered from ``first_seq``, are in it already). What changed in
    the live tables is added to ``changed`` as lean change rows (the derived
    tables and the GUI follow them).
    Records are done a table at a time (parents before children) and a chunk
    at a time, so memory stays bounded however many changes arrive."""
    s.execute(update(LocalGate).where(LocalGate.id == 1).values(open=1))
    try:
        if waiting_before:
            # Every waiting record is touched: it is applied now or waits anew.
            s.execute(delete(SyncPending))
        by_table: dict[str, list[uuid.UUID]] = defaultdict(list)
        for entity, record_id in touched:
            by_table[entity].append(record_id)
        applied: list[tuple[str, uuid.UUID]] = []
        waiting = conflicts = 0
        while by_table:
            for model in SYNCED_MODELS:  # parents before children
                ids = by_table.get(model.__tablename__)
                if not ids:
                    continue
                ids.sort()  # neighbouring records, neighbouring pages
                # A table referring to itself is done whole: a record's parent
                # counts as present only if it was there before the table's turn.
                size = len(ids) if _META[model.__tablename__].self_parent else _APPLY_CHUNK
                for start in range(0, len(ids), size):
                    chunk = ids[start : start + size]
                    done, w, c = _apply_chunk(s, model, chunk, first_seq, changed)
                    applied += done
                    waiting += w
                    conflicts += c
            # Tables refer to each other both ways (a diary item to the matter
            # it became, a matter to the item it came from): a record that
            # waited for a parent written later in this merge goes round again.
            by_table = _ready(s)
            waiting -= sum(len(v) for v in by_table.values())
        return applied, waiting, conflicts
    finally:
        s.execute(update(LocalGate).where(LocalGate.id == 1).values(open=0))


def _ready(s: Session) -> dict[str, list[uuid.UUID]]:
    """Waiting records whose parents are all present now (taken off the
    waiting list, to be applied again), by table."""
    ready: dict[str, list[uuid.UUID]] = defaultdict(list)
    rows = s.execute(select(SyncPending.entity, SyncPending.record_id, SyncPending.waiting_for))
    waits = []
    asked: dict[str, set[uuid.UUID]] = defaultdict(set)
    for entity, record_id, waiting_for in rows.all():
        if waiting_for == "insert":
            continue
        needs = []
        for item in waiting_for.split(","):
            parent, _, value = item.partition(":")
            needs.append((parent, uuid.UUID(value)))
            asked[parent].add(needs[-1][1])
        waits.append((entity, record_id, needs))
    present = {parent: _existing(s, parent, list(ids)) for parent, ids in asked.items()}
    for entity, record_id, needs in waits:
        if all(value in present[parent] for parent, value in needs):
            ready[entity].append(record_id)
    for entity, ids in ready.items():
        for start in range(0, len(ids), _CHUNK):
            s.execute(
                delete(SyncPending).where(
                    SyncPending.entity == entity,
                    SyncPending.record_id.in_(ids[start : start + _CHUNK]),
                )
            )
    return ready


def _apply_chunk(s: Session, model, ids: list[uuid.UUID], first_seq: int, changed: list[dict]):
    table = model.__tablename__
    meta = _META[table]
    history, new = _history(s, table, ids, first_seq)
    folded: dict[uuid.UUID, Folded] = {}
    for rid in ids:
        folded[rid] = _fold(table, history.pop(rid, []))
    del history
    needed: dict[str, set[uuid.UUID]] = defaultdict(set)
    for f in folded.values():
        if f.state is None:
            continue
        for col, parent in meta.parents:
            value = f.state.get(col)
            if value:
                needed[parent].add(uuid.UUID(str(value)))
    # Parents written earlier in this merge are in the database by now.
    present = {parent: _existing(s, parent, list(ids_)) for parent, ids_ in needed.items()}
    existing = _existing(s, table, ids)
    inserts, updates, applied, conflicts = [], [], [], []
    waiting: dict[tuple[str, uuid.UUID], str] = {}
    for rid, f in folded.items():
        key = (table, rid)
        if f.state is None:
            waiting[key] = "insert"
            continue
        missing = [
            f"{parent}:{value}"
            for col, parent in meta.parents
            if (value := f.state.get(col)) and uuid.UUID(str(value)) not in present[parent]
        ]
        if missing:
            waiting[key] = ",".join(missing)
            continue
        row = _live_row(model, rid, f)
        (updates if rid in existing else inserts).append(row)
        applied.append(key)
        conflicts += f.conflicts
    del folded
    done_ids = {rid for _table, rid in applied}
    for rid in done_ids:
        mine = new.get(rid)
        if mine:
            changed += mine
        else:  # applied now, its changes came earlier (it waited for a parent)
            changed.append({"entity": table, "record_id": rid, "changes": "{}"})
    del new
    if inserts:
        s.execute(insert(model.__table__), inserts)
    if updates:
        changed += _moves(s, model, updates)
        cols = [c for c in model.__table__.columns if c.key != "id"]
        stmt = (
            update(model.__table__)
            .where(model.__table__.c.id == bindparam("_id"))
            .values({c.key: bindparam(f"_v_{c.key}") for c in cols})
        )
        s.connection().execute(
            stmt,
            [{"_id": r["id"], **{f"_v_{c.key}": r[c.key] for c in cols}} for r in updates],
        )
    if waiting:
        s.execute(
            insert(SyncPending),
            [{"entity": e, "record_id": r, "waiting_for": w} for (e, r), w in waiting.items()],
        )
    # conflicts of the re-folded records are derived anew
    done = [rid for _table, rid in applied]
    for start in range(0, len(done), _CHUNK):
        s.execute(
            delete(SyncConflict).where(
                SyncConflict.entity == table,
                SyncConflict.record_id.in_(done[start : start + _CHUNK]),
            )
        )
    unique = {c.id: c for c in conflicts}
    if unique:
        s.execute(
            insert(SyncConflict),
            [
                {
                    "id": cid,
                    "entity": c.entity,
                    "record_id": c.record_id,
                    "field": c.field,
                    "kind": c.kind,
                    "winner_hlc": c.winner_hlc,
                    "winner_value": json.dumps(c.winner_value, ensure_ascii=False, default=str),
                    "loser_hlc": c.loser_hlc,
                    "loser_device": c.loser_device,
                    "loser_value": json.dumps(c.loser_value, ensure_ascii=False, default=str),
                }
                for cid, c in unique.items()
            ],
        )
    return applied, len(waiting), len(unique)


# --------------------------------------------------------------------------- digest


def digest(db: Database, village: uuid.UUID | None = None) -> str:
    """A hash of every synced record (equal on copies that have seen the same
    changes): tables in a fixed order, rows by id, values as journaled.
    ``village``: only that village's records — a township office's database
    and the village's laptops agree on it when they have seen the same
    changes of that village."""
    from .journal import _json_value

    h = hashlib.sha256()
    with db.reading() as s:
        for model in SYNCED_MODELS:
            table = model.__table__
            h.update(f"\x00{table.name}\x00".encode())
            names = sorted(c.key for c in table.columns)
            query = select(table).order_by(table.c.id)
            if village is not None:
                query = query.where(table.c.village_id == village)
            for row in s.execute(query).mappings():
                h.update(
                    json.dumps(
                        [_json_value(row[n]) for n in names], ensure_ascii=False, default=str
                    ).encode()
                )
    return h.hexdigest()
