"""Merging another copy's changes, as the exchange commands and the GUI do it.

``storage/merge.py`` makes the copies converge; this adds what a person
needs to see afterwards: the conflicts that exist on the records (losing
values kept) and the village's rules that the merged records now break
(``queries/rules.py``) — both a queue to work through, never a failed import
and never a silent fix.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from ..domain.errors import ServiceError, ValidationError
from ..queries.rules import Violation, violations
from ..queries.sync import open_conflict_count
from ..storage import merge as storage_merge
from ..storage.db import Database
from ..storage.merge import MergeReport
from ..storage.models import ENTITY_BY_TABLE, ConflictSettlement, SyncConflict


@dataclass
class SyncReport:
    merge: MergeReport
    conflicts_open: int = 0
    violations: list[Violation] = field(default_factory=list)


def merge_changes(
    db: Database,
    rows: Iterable[Mapping],
    *,
    accept_future: bool = False,
    then: Callable[[Session, MergeReport], None] | None = None,
) -> SyncReport:
    """Merge change rows from another copy (all or nothing; ``then`` runs in
    the same transaction), then report the open conflicts and the rules the
    records break now."""
    report = storage_merge.merge(db, rows, accept_future=accept_future, then=then)
    with db.reading() as s:
        open_conflicts = open_conflict_count(s)
        broken = violations(s)
    return SyncReport(report, open_conflicts, broken)


def accept_held(db: Database) -> SyncReport:
    """A person accepted the changes held for a far-future stamp (the sender's
    clock was wrong): merge them after all, like any received change."""
    report = storage_merge.accept_quarantined(db)
    with db.reading() as s:
        open_conflicts = open_conflict_count(s)
        broken = violations(s)
    return SyncReport(report, open_conflicts, broken)


SETTLE_CHOICES = ("winner", "loser", "edited")


def settle_conflict(
    db: Database, actor_id: uuid.UUID | None, conflict_id: uuid.UUID, choice: str
) -> None:
    """A person's decision on a merge conflict, exchanged like any record so
    that every copy stops listing it:

    * ``winner`` — keep the value the record has (the merge's winner);
    * ``loser`` — take the value that lost: it is written to the record as a
      normal journaled change (an edit that lost to a deletion brings the
      record back, with that value);
    * ``edited`` — the person corrected the record through its own form
      (which checked the value); the value it has now is kept.
    """
    if choice not in SETTLE_CHOICES:
        raise ValidationError("settlement.choice", f"不认识的处理方式：{choice}")
    with db.transaction(actor_id) as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None:
            raise ServiceError("这条冲突已不存在（可能在合并后已不再冲突）")
        done = s.get(ConflictSettlement, conflict_id)
        if done is not None and not done.deleted:
            raise ServiceError("这条冲突已经处理过了")
        model = ENTITY_BY_TABLE.get(conflict.entity)
        record = s.get(model, conflict.record_id) if model is not None else None
        if record is None:
            raise ServiceError("冲突涉及的记录不在本机")
        columns = model.__table__.columns
        if choice == "loser":
            loser = json.loads(conflict.loser_value)
            if conflict.kind == "group":
                values = dict(loser)
            elif conflict.kind == "deleted":
                values = {"deleted": False}
                if conflict.field != "deleted":
                    values[conflict.field] = loser
            else:
                values = {conflict.field: loser}
            for name, value in values.items():
                setattr(record, name, storage_merge.to_python(columns[name], value))
            kept = loser
        elif conflict.kind == "group":
            kept = {f: _json(getattr(record, f)) for f in json.loads(conflict.winner_value)}
        elif conflict.kind == "deleted" and conflict.field != "deleted":
            kept = None if record.deleted else _json(getattr(record, conflict.field))
        else:
            kept = _json(getattr(record, conflict.field))
        settlement = done or ConflictSettlement(id=conflict_id)
        settlement.deleted = False
        settlement.entity, settlement.record_id = conflict.entity, conflict.record_id
        settlement.field, settlement.choice = conflict.field, choice
        settlement.value = json.dumps(kept, ensure_ascii=False, default=str)
        settlement.settled_by, settlement.settled_on = actor_id, dt.date.today()
        if done is None:
            s.add(settlement)


def _json(value):
    if isinstance(value, uuid.UUID | dt.date):
        return str(value) if isinstance(value, uuid.UUID) else value.isoformat()
    return value
