"""What a committed transaction changed, for whoever shows or derives data.

Every journaled transaction ends with a :class:`Changes` report built from its
change rows: which records of which tables were inserted, updated or
tombstoned. Services cannot forget to report a change, because the report is
the journal itself. The database hands reports to its listeners after each
commit (:meth:`~.db.Database.listen`), and to the caller that asked for them
(:meth:`~.db.Database.collect_changes`); the GUI redraws from them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Changes:
    """Changed record ids by table (entity) name; ``everything`` when a change
    is too broad to list (a restored backup, a merged exchange file)."""

    records: Mapping[str, frozenset[uuid.UUID]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    everything: bool = False

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping]) -> Changes:
        """From change rows (dicts with ``entity`` and ``record_id``)."""
        by_entity: dict[str, set[uuid.UUID]] = {}
        for row in rows:
            by_entity.setdefault(row["entity"], set()).add(row["record_id"])
        return cls(MappingProxyType({e: frozenset(ids) for e, ids in by_entity.items()}))

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)

    @property
    def entities(self) -> frozenset[str]:
        return frozenset(self.records)

    def touches(self, *entities: str) -> bool:
        """Whether any record of these tables changed."""
        return self.everything or any(e in self.records for e in entities)

    def ids(self, entity: str) -> frozenset[uuid.UUID]:
        return self.records.get(entity, frozenset())

    def __bool__(self) -> bool:
        return self.everything or bool(self.records)

    def __or__(self, other: Changes) -> Changes:
        if self.everything or other.everything:
            return Changes.all()
        merged = {e: set(ids) for e, ids in self.records.items()}
        for e, ids in other.records.items():
            merged.setdefault(e, set()).update(ids)
        return Changes(MappingProxyType({e: frozenset(ids) for e, ids in merged.items()}))

    def __repr__(self) -> str:
        if self.everything:
            return "Changes(everything)"
        return (
            "Changes(" + ", ".join(f"{e}×{len(i)}" for e, i in sorted(self.records.items())) + ")"
        )


NO_CHANGES = Changes()
