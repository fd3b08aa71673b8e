"""Recording an output that showed ID numbers and phones in full (an
unmasked ledger export) in the journal, so it travels to the township with
the village's records (see migration 0013)."""

from __future__ import annotations

import datetime as dt
import uuid

from ..storage.db import Database
from ..storage.models import Disclosure

KINDS = {"ledger_export": "台账工作簿（完整身份证号和电话）"}


def record_disclosure(
    db: Database,
    actor_id,
    kind: str,
    file_name: str,
    period: str,
    households: int,
    people: int,
    by_name: str,
    at: dt.datetime | None = None,
) -> uuid.UUID:
    """Keep who exported what with full numbers, and when; returns its id."""
    if kind not in KINDS:
        raise ValueError(f"unknown disclosure kind {kind!r}")
    with db.transaction(actor_id) as s:
        row = Disclosure(
            at=(at or dt.datetime.now()).isoformat(timespec="seconds"),
            kind=kind,
            file_name=file_name[:255],
            period=period[:60],
            households=households,
            people=people,
            by_name=by_name[:80],
        )
        s.add(row)
        s.flush()
        return row.id
