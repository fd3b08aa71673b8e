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

import datetime as dt
import hashlib
import json
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import (
    Boolean,
    Date,
    Integer,
    Uuid,
    bindparam,
    delete,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.orm import Session

from ..domain.errors import ServiceError
from .changes import Changes
from .clock import MAX_DRIFT_MS, HybridClock
from .db import Database
from .merge_policy import GROUPS, kind_of
from .models import (
    ENTITY_BY_TABLE,
    SYNCED_MODELS,
    Change,
    CodeList,
    LocalGate,
    SyncConflict,
    SyncPending,
    SyncQuarantine,
)

NAMESPACE = uuid.UUID("6f1c2d8e-8a4b-5d6e-9f10-7c2b3a4d5e6f")
_CHUNK = 400
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


def _parse(raw: Mapping, n: int) -> dict:
    """A received change row, checked; a bad one is refused by its place."""
    where = f"第 {n} 条变更"
    try:
        row = {
            "id": uuid.UUID(str(raw["id"])),
            "hlc": str(raw["hlc"]),
            "device_id": uuid.UUID(str(raw["device_id"])),
            "tx_id": uuid.UUID(str(raw["tx_id"])),
            "actor_id": uuid.UUID(str(raw["actor_id"])) if raw.get("actor_id") else None,
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
        raise ServiceError(f"{where}格式不对（{err}），没有导入任何内容") from None
    if row["entity"] not in ENTITY_BY_TABLE:
        raise ServiceError(f"{where}：未知的记录类型“{row['entity']}”，没有导入任何内容")
    if row["op"] not in OPS or not isinstance(changes, dict):
        raise ServiceError(f"{where}：无法识别的变更，没有导入任何内容")
    columns = _columns(ENTITY_BY_TABLE[row["entity"]])
    unknown = set(changes) - set(columns)
    if unknown:
        raise ServiceError(
            f"{where}：{row['entity']} 没有字段 {', '.join(sorted(unknown))}，没有导入任何内容"
        )
    if any(not (isinstance(v, list) and len(v) == 2) for v in changes.values()):
        raise ServiceError(f"{where}：字段变化应为[原值, 新值]，没有导入任何内容")
    return row


# --------------------------------------------------------------------------- fold


def _columns(model) -> dict:
    return {c.key: c for c in model.__table__.columns if c.key not in ("id", "hlc")}


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
    columns = _columns(ENTITY_BY_TABLE[entity])
    groups = GROUPS.get(entity, {})
    state: dict | None = None
    setter: dict[str, tuple[str, uuid.UUID]] = {}  # field → (hlc, device) that set it
    conflicts: list[Conflict] = []
    last = ""
    for c in sorted(history, key=lambda r: (r.hlc, str(r.device_id), str(r.id))):
        ch = json.loads(c.changes)
        last = max(last, c.hlc)
        if state is None:
            if c.op != "insert":
                continue  # its insert has not arrived (it has a lower stamp)
            state = {k: None for k in columns}
            for key, (_old, new) in ch.items():
                state[key] = new
                setter[key] = (c.hlc, c.device_id)
            continue

        def lose(name: str, kind: str, loser, winner, loser_from, c=c) -> None:
            conflicts.append(
                Conflict(
                    entity,
                    c.record_id,
                    name,
                    kind,
                    c.hlc,
                    winner,
                    loser_from[0] if loser_from else "",
                    loser_from[1] if loser_from else None,
                    loser,
                )
            )

        if c.op == "update" and "deleted" not in ch and state.get("deleted"):
            # An edit made without seeing the deletion: applied, and reported.
            lose("deleted", "deleted", False, True, setter.get("deleted"))
        seen_groups: set[str] = set()
        for key, (old, new) in ch.items():
            if key not in columns:
                continue
            kind = kind_of(entity, key)
            if c.op == "delete" and key != "deleted":
                # A witness of what the deleting copy saw, not a new value.
                if _norm(kind, old) != _norm(kind, state.get(key)):
                    lose(key, "deleted", state.get(key), None, setter.get(key))
                continue
            if kind == "list":
                state[key] = _apply_list(state.get(key), old, new)
                setter[key] = (c.hlc, c.device_id)
            elif kind == "map":
                state[key] = _apply_map(state.get(key), old, new)
                setter[key] = (c.hlc, c.device_id)
            elif kind == "group":
                name = next(n for n, fields in groups.items() if key in fields)
                if name in seen_groups:
                    continue
                seen_groups.add(name)
                fields = sorted(groups[name] & set(columns))
                mine = {f: ch[f] for f in fields if f in ch}
                before = {f: state.get(f) for f in fields}
                unseen = c.op != "insert" and any(o != before[f] for f, (o, _n) in mine.items())
                after = dict(before)
                after.update({f: n for f, (_o, n) in mine.items()})
                if unseen and after != before:
                    latest = max((setter[f] for f in fields if f in setter), default=None)
                    lose(name, "group", before, after, latest)
                state.update(after)
                for f in mine:
                    setter[f] = (c.hlc, c.device_id)
            else:
                current = state.get(key)
                if c.op == "insert":
                    if new != current:  # the same record inserted twice (seeded ids)
                        lose(key, "value", current, new, setter.get(key))
                elif old != current and new != current:
                    lose(key, "value", current, new, setter.get(key))
                state[key] = new
                setter[key] = (c.hlc, c.device_id)
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
    columns = _columns(model)
    row = {key: to_python(col, folded.state.get(key)) for key, col in columns.items()}
    for key, col in columns.items():  # a field the history never set: its default
        if row[key] is None and not col.nullable:
            default = col.default.arg if col.default is not None else None
            row[key] = default(None) if callable(default) else default
    row["id"], row["hlc"] = record_id, folded.hlc
    return row


def _parents(model) -> list[tuple[str, str]]:
    """(column, parent table) for each foreign key of a record table."""
    out = []
    for col in model.__table__.columns:
        for fk in col.foreign_keys:
            out.append((col.key, fk.column.table.name))
    return out


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
) -> MergeReport:
    """Merge change rows from another copy; all or nothing. A malformed row
    is refused (``ServiceError`` naming it) and nothing is changed."""
    parsed = [_parse(raw, n) for n, raw in enumerate(rows, 1)]
    report = MergeReport(received=len(parsed))
    limit = (now_ms if now_ms is not None else int(time.time() * 1000)) + MAX_DRIFT_MS
    with db.transaction(None) as s:
        ctx = s.info["journal"]
        fresh = _drop_known(s, parsed)
        report.duplicates = len(parsed) - len(fresh)
        held = [r for r in fresh if not accept_future and HybridClock.parse(r["hlc"])[0] > limit]
        if held:
            _quarantine(s, held)
            report.quarantined = len(held)
        held_ids = {r["id"] for r in held}
        fresh = [r for r in fresh if r["id"] not in held_ids]
        if accept_future:
            s.execute(
                delete(SyncQuarantine).where(SyncQuarantine.change_id.in_([r["id"] for r in fresh]))
            )
        if fresh:
            for r in sorted(fresh, key=lambda r: (r["hlc"], str(r["device_id"]), str(r["id"]))):
                r["seq"] = ctx.take_seq()
            s.execute(insert(Change), fresh)
            db.clock.advance_to(max(r["hlc"] for r in fresh))
        report.recorded = len(fresh)
        touched = {(r["entity"], r["record_id"]) for r in fresh}
        touched |= {tuple(r) for r in s.execute(select(SyncPending.entity, SyncPending.record_id))}
        if touched:
            applied, pending, conflicts = _apply(s, touched)
            report.applied, report.pending, report.conflicts = len(applied), pending, conflicts
            by_record: dict[tuple[str, uuid.UUID], list[dict]] = defaultdict(list)
            for r in fresh:
                by_record[(r["entity"], r["record_id"])].append(r)
            # What changed in the live tables: the derived tables and the
            # GUI follow it (through the transaction's change rows).
            for key in applied:
                ctx.rows += by_record.get(key) or [
                    {"entity": key[0], "record_id": key[1], "changes": "{}"}
                ]
        report.changes = Changes.from_rows(ctx.rows)
    return report


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


def _histories(s: Session, touched: set[tuple[str, uuid.UUID]]) -> dict:
    by_entity: dict[str, list[uuid.UUID]] = defaultdict(list)
    for entity, record_id in touched:
        by_entity[entity].append(record_id)
    out: dict[tuple[str, uuid.UUID], list] = defaultdict(list)
    for entity, ids in by_entity.items():
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for row in s.execute(
                select(
                    Change.id,
                    Change.hlc,
                    Change.device_id,
                    Change.record_id,
                    Change.op,
                    Change.changes,
                ).where(Change.entity == entity, Change.record_id.in_(chunk))
            ):
                out[(entity, row.record_id)].append(row)
    return out


def _existing(s: Session, table: str, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    model = ENTITY_BY_TABLE[table]
    found: set[uuid.UUID] = set()
    for start in range(0, len(ids), _CHUNK):
        found.update(s.scalars(select(model.id).where(model.id.in_(ids[start : start + _CHUNK]))))
    return found


def _apply(s: Session, touched: set[tuple[str, uuid.UUID]]):
    """Re-fold the touched records and write them (through the journal
    guard's gate: a re-fold may change a record without changing its newest
    stamp); returns (applied keys, pending count, conflict count)."""
    s.execute(update(LocalGate).where(LocalGate.id == 1).values(open=1))
    try:
        return _apply_open(s, touched)
    finally:
        s.execute(update(LocalGate).where(LocalGate.id == 1).values(open=0))


def _apply_open(s: Session, touched: set[tuple[str, uuid.UUID]]):
    histories = _histories(s, touched)
    applied: list[tuple[str, uuid.UUID]] = []
    waiting: dict[tuple[str, uuid.UUID], str] = {}
    conflicts: list[Conflict] = []
    available: dict[str, set[uuid.UUID]] = defaultdict(set)  # written in this merge
    for model in SYNCED_MODELS:  # parents before children
        table = model.__tablename__
        ids = [rid for (e, rid) in touched if e == table]
        if not ids:
            continue
        folded = {rid: fold(table, histories.get((table, rid), [])) for rid in ids}
        parents = _parents(model)
        needed: dict[str, set[uuid.UUID]] = defaultdict(set)
        for f in folded.values():
            if f.state is None:
                continue
            for col, parent in parents:
                value = f.state.get(col)
                if value:
                    needed[parent].add(uuid.UUID(str(value)))
        present = {
            parent: (ids_ & available[parent])
            | _existing(s, parent, list(ids_ - available[parent]))
            for parent, ids_ in needed.items()
        }
        existing = _existing(s, table, ids)
        inserts, updates = [], []
        for rid, f in folded.items():
            key = (table, rid)
            if f.state is None:
                waiting[key] = "insert"
                continue
            missing = [
                f"{parent}:{value}"
                for col, parent in parents
                if (value := f.state.get(col)) and uuid.UUID(str(value)) not in present[parent]
            ]
            if missing:
                waiting[key] = ",".join(missing)
                continue
            row = _live_row(model, rid, f)
            (updates if rid in existing else inserts).append(row)
            available[table].add(rid)
            applied.append(key)
            conflicts += f.conflicts
        if inserts:
            s.execute(insert(model.__table__), inserts)
        if updates:
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
    # pending records: applied ones leave, waiting ones stay or arrive
    keys = list(touched)
    for start in range(0, len(keys), _CHUNK):
        s.execute(
            delete(SyncPending).where(
                tuple_(SyncPending.entity, SyncPending.record_id).in_(keys[start : start + _CHUNK])
            )
        )
    if waiting:
        s.execute(
            insert(SyncPending),
            [{"entity": e, "record_id": r, "waiting_for": w} for (e, r), w in waiting.items()],
        )
    # conflicts of the re-folded records are derived anew
    done = list(applied)
    for start in range(0, len(done), _CHUNK):
        s.execute(
            delete(SyncConflict).where(
                tuple_(SyncConflict.entity, SyncConflict.record_id).in_(
                    done[start : start + _CHUNK]
                )
            )
        )
    if conflicts:
        unique = {c.id: c for c in conflicts}
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
    return applied, len(waiting), len({c.id for c in conflicts})


# --------------------------------------------------------------------------- digest


def digest(db: Database) -> str:
    """A hash of every synced record (equal on copies that have seen the same
    changes): tables in a fixed order, rows by id, values as journaled."""
    from .journal import _json_value

    h = hashlib.sha256()
    with db.reading() as s:
        for model in SYNCED_MODELS:
            table = model.__table__
            h.update(f"\x00{table.name}\x00".encode())
            names = sorted(c.key for c in table.columns)
            for row in s.execute(select(table).order_by(table.c.id)).mappings():
                h.update(
                    json.dumps(
                        [_json_value(row[n]) for n in names], ensure_ascii=False, default=str
                    ).encode()
                )
    return h.hexdigest()
