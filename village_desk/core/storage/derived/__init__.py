"""Derived tables, kept current from the journal in one place.

A derived table holds what can be recomputed from the records at any time
(search keys, per-household figures) so that lists and searches stay index
lookups. None of them is journaled or synced. Each is registered here with
the record tables it derives from; before a journaled transaction commits,
:func:`refresh_all` hands each the transaction's change rows for its tables
(calibre's listeners, in-transaction), so no service has to remember them.
``village-desk check --repair`` calls :func:`rebuild_all`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.orm import Session

from . import search_index, summary


@dataclass(frozen=True)
class Derived:
    name: str  # as people read it in check reports
    table: str
    entities: frozenset[str]  # record tables it is computed from
    refresh_from: Callable[[Session, Sequence[Mapping]], None]
    rebuild: Callable[[Session], int]
    stale: Callable | None = None  # (connection) -> number of stale entries


REGISTRY: tuple[Derived, ...] = (
    Derived(
        "户统计（最近走访、未办结事项）",
        "household_summary",
        summary.ENTITIES,
        summary.refresh_from,
        summary.rebuild,
        summary.stale,
    ),
    Derived(
        "搜索索引",
        "search_term",
        search_index.ENTITIES,
        search_index.refresh_from,
        search_index.rebuild,
    ),
)


def refresh_all(session: Session, rows: Sequence[Mapping]) -> None:
    """Update every derived table concerned by these change rows."""
    for derived in REGISTRY:
        relevant = [r for r in rows if r["entity"] in derived.entities]
        if relevant:
            derived.refresh_from(session, relevant)


def rebuild_all(session: Session) -> dict[str, int]:
    """Recompute every derived table; rows written per table."""
    return {d.table: d.rebuild(session) for d in REGISTRY}


def _before_commit(session: Session) -> None:
    ctx = session.info.get("journal")
    if ctx is None:
        return
    session.flush()
    if ctx.rows:
        refresh_all(session, ctx.rows)


def install(session_class: type[Session]) -> None:
    event.listen(session_class, "before_commit", _before_commit)
