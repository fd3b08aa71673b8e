"""The change journal: every write to a :class:`~.models.Record` is recorded.

A session opened by :meth:`Database.transaction` carries a
:class:`JournalContext` (device, acting cadre, clock). A ``before_flush`` hook
turns each new, changed or tombstoned record into a :class:`~.models.Change`
row in the same transaction. A session without a context cannot write records,
and records are never deleted from the table: services set ``deleted``.
Bulk work (demo data, imports) uses :func:`bulk_insert`, which writes the data
rows and their journal rows together with Core ``insert()`` statements.

The context also keeps the transaction's change rows: the derived tables are
refreshed from them before commit (``derived/``), and after commit they become
the :class:`~.changes.Changes` report the GUI redraws from.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import event, insert, inspect, select, text
from sqlalchemy.orm import Session

from ..domain.text import clean_text
from . import roles, villages
from .clock import HybridClock
from .models import DELETIONS, ENTITY_BY_TABLE, TEXT_COLUMNS, Change, Record


class JournalError(RuntimeError):
    """A write tried to go around the journal."""


@dataclass
class JournalContext:
    device_id: uuid.UUID
    actor_id: uuid.UUID | None
    clock: HybridClock
    tx_id: uuid.UUID = field(default_factory=uuid.uuid4)
    # The change rows written so far in this transaction (dicts as inserted).
    rows: list[dict] = field(default_factory=list)
    # The next local sequence number (read from local_clock under the lock).
    next_seq: int = 1

    def take_seq(self) -> int:
        seq = self.next_seq
        self.next_seq += 1
        return seq


def _json_value(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return value


_SKIP = {"id", "hlc"}


def _columns(obj: Record) -> list[str]:
    return [a.key for a in inspect(type(obj)).column_attrs if a.key not in _SKIP]


def _apply_defaults(obj: Record) -> None:
    """Fill Python-side column defaults now, so the journal sees real values."""
    mapper = inspect(type(obj))
    for attr in mapper.column_attrs:
        if getattr(obj, attr.key) is not None:
            continue
        default = attr.columns[0].default
        if default is None:
            continue
        if default.is_callable:
            setattr(obj, attr.key, default.arg(None))
        elif default.is_scalar:
            setattr(obj, attr.key, default.arg)


def _witness(obj: Record, changes: dict, op: str) -> None:
    """Add what the writer saw of the fields that merge together.

    A delete carries every field as it was (old = new): a merge can then tell
    an edit the deleting copy never saw. A change to a field group (see
    ``storage/merge_policy.py``) carries the whole group, so the group merges
    as one."""
    from .merge_policy import group_of

    if op == "delete":
        fields = [k for k in _columns(obj) if k not in changes]
    else:
        group = set()
        for key in changes:
            group |= group_of(obj.__tablename__, key)
        fields = [k for k in group if k not in changes]
    for key in fields:
        value = _json_value(getattr(obj, key))
        changes[key] = [value, value]


def _change_row(
    ctx: JournalContext, stamp: str, entity: str, record_id, op, changes, village_id
) -> dict:
    return {
        "id": uuid.uuid4(),
        "hlc": stamp,
        "seq": ctx.take_seq(),
        "device_id": ctx.device_id,
        "tx_id": ctx.tx_id,
        "actor_id": ctx.actor_id,
        "entity": entity,
        "record_id": record_id,
        "op": op,
        "changes": json.dumps(changes, ensure_ascii=False, separators=(",", ":")),
        "village_id": village_id,
    }


def _stored(session: Session, obj: Record, key: str):
    """The value of ``key`` as the database holds it (before this flush)."""
    table = type(obj).__table__
    return session.connection().execute(select(table.c[key]).where(table.c.id == obj.id)).scalar()


# Per-computer bookkeeping every journaled transaction updates (roles.py).
_BOOKKEEPING = frozenset({"local_clock"})


def _check_role(session: Session) -> None:
    """An inspector's transaction writes only what :mod:`.roles` allows."""
    refused = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if obj in session.dirty and not session.is_modified(obj):
            continue
        table = getattr(type(obj), "__tablename__", type(obj).__name__)
        if isinstance(obj, Record):
            if not roles.may_write(roles.INSPECTOR, table):
                refused.add(table)
        elif table not in _BOOKKEEPING:
            refused.add(table)
    if refused:
        raise roles.ReadOnlyRole("、".join(sorted(refused)))


def _before_flush(session: Session, flush_context, instances) -> None:
    if session.info.get("role") == roles.INSPECTOR:
        _check_role(session)
    ctx: JournalContext | None = session.info.get("journal")
    records_touched = any(
        isinstance(o, Record) for o in (*session.new, *session.dirty, *session.deleted)
    )
    if not records_touched:
        return
    if ctx is None:
        raise JournalError("记录只能通过服务写入（缺少日志上下文）")
    for obj in session.deleted:
        if isinstance(obj, Record):
            raise JournalError(f"{type(obj).__tablename__} 记录不能物理删除，应标记为已删除")
    rows = []
    new_records = [o for o in session.new if isinstance(o, Record)]
    if new_records:
        villages.assign(session, new_records)
    for obj in new_records:
        _apply_defaults(obj)
        stamp = ctx.clock.tick()
        obj.hlc = stamp
        changes = {k: [None, _json_value(getattr(obj, k))] for k in _columns(obj)}
        rows.append(
            _change_row(ctx, stamp, obj.__tablename__, obj.id, "insert", changes, obj.village_id)
        )
    for obj in list(session.dirty):
        if not isinstance(obj, Record) or not session.is_modified(obj):
            continue
        state = inspect(obj)
        changes = {}
        for key in _columns(obj):
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            # No old value in the history: the attribute was not loaded when it
            # was set (expired, e.g. after an equal value was flushed). The
            # row is not written yet: read the value it replaces from there.
            old = hist.deleted[0] if hist.deleted else _stored(session, obj, key)
            new = hist.added[0] if hist.added else None
            if _json_value(old) == _json_value(new):
                continue
            changes[key] = [_json_value(old), _json_value(new)]
        if not changes:
            # Set to an equal value (an equal list, say): nothing to journal,
            # and nothing to write (the journal guard refuses silent updates).
            session.expire(obj)
            continue
        op = "delete" if changes.get("deleted") == [False, True] else "update"
        _witness(obj, changes, op)
        stamp = ctx.clock.tick()
        obj.hlc = stamp
        rows.append(_change_row(ctx, stamp, obj.__tablename__, obj.id, op, changes, obj.village_id))
    if rows:
        session.execute(insert(Change), rows)
        ctx.rows.extend(rows)


def install(session_class: type[Session]) -> None:
    event.listen(session_class, "before_flush", _before_flush)


def bulk_insert(session: Session, model: type[Record], rows: Sequence[dict]) -> None:
    """Insert many records and their journal rows with two Core statements.

    ``rows`` are dicts of column values; ids and defaults are filled in here.
    """
    ctx: JournalContext | None = session.info.get("journal")
    if ctx is None:
        raise JournalError("记录只能通过服务写入（缺少日志上下文）")
    roles.check_tables(session.info.get("role"), [model.__tablename__])
    if not rows:
        return
    mapper = inspect(model)
    defaults = {}
    for attr in mapper.column_attrs:
        default = attr.columns[0].default
        if default is not None and default.is_scalar:
            defaults[attr.key] = default.arg
        elif default is not None and default.is_callable and attr.key != "id":
            defaults[attr.key] = default.arg(None)
    keys = [a.key for a in mapper.column_attrs if a.key not in _SKIP]
    table = model.__tablename__
    # Every row carries every column: rows whose keys differ would make
    # SQLAlchemy split the executemany into many small batches.
    blank = {a.key: None for a in mapper.column_attrs}
    blank.update(defaults)
    full_rows, journal = [], []
    text_columns = TEXT_COLUMNS[table]
    for row in rows:
        full = dict(blank)
        full.update(row)
        for key, multiline in text_columns.items():
            value = full[key]
            if isinstance(value, str):
                full[key] = clean_text(value, multiline)
        if full.get("id") is None:
            full["id"] = uuid.uuid4()
        full_rows.append(full)
    villages.assign_rows(session, table, full_rows)
    for full in full_rows:
        stamp = ctx.clock.tick()
        full["hlc"] = stamp
        changes = {k: [None, _json_value(full.get(k))] for k in keys}
        journal.append(
            _change_row(ctx, stamp, table, full["id"], "insert", changes, full["village_id"])
        )
    # Core inserts (attribute keys are column names): one executemany per
    # table, the journal first (the journal guard checks records against it).
    session.execute(Change.__table__.insert(), journal)
    session.execute(model.__table__.insert(), full_rows)
    ctx.rows.extend(journal)


def undo_deletions(session: Session, tx_id: uuid.UUID) -> int:
    """Bring back every record tombstoned by transaction ``tx_id``."""
    count = 0
    rows = session.execute(
        select(Change.entity, Change.record_id).where(Change.tx_id == tx_id, text(DELETIONS))
    ).all()
    for entity, record_id in rows:
        obj = session.get(ENTITY_BY_TABLE[entity], record_id)
        if obj is not None and obj.deleted:
            obj.deleted = False
            count += 1
    return count


def last_deletion(session: Session, record_id: uuid.UUID) -> uuid.UUID | None:
    """The transaction that last tombstoned this record."""
    return session.scalar(
        select(Change.tx_id)
        .where(Change.record_id == record_id, text(DELETIONS))
        .order_by(Change.hlc.desc())
        .limit(1)
    )


def iter_chunks(seq: Sequence, size: int) -> Iterable[Sequence]:
    for start in range(0, len(seq), size):
        yield seq[start : start + size]
