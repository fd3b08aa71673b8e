"""Merging another copy's changes, as the exchange commands and the GUI do it.

``storage/merge.py`` makes the copies converge; this adds what a person
needs to see afterwards: the conflicts that exist on the records (losing
values kept) and the village's rules that the merged records now break
(``queries/rules.py``) — both a queue to work through, never a failed import
and never a silent fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select

from ..queries.rules import Violation, violations
from ..storage import merge as storage_merge
from ..storage.db import Database
from ..storage.merge import MergeReport
from ..storage.models import SyncConflict


@dataclass
class SyncReport:
    merge: MergeReport
    conflicts_open: int = 0
    violations: list[Violation] = field(default_factory=list)


def merge_changes(
    db: Database, rows: Iterable[Mapping], *, accept_future: bool = False
) -> SyncReport:
    """Merge change rows from another copy (all or nothing), then report
    the open conflicts and the rules the records break now."""
    report = storage_merge.merge(db, rows, accept_future=accept_future)
    with db.reading() as s:
        open_conflicts = s.scalar(select(func.count()).select_from(SyncConflict))
        broken = violations(s)
    return SyncReport(report, open_conflicts, broken)
