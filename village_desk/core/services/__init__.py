"""The only writers. Each public function is one transaction (``db.transaction``):
it succeeds whole or changes nothing, and raises a ``ServiceError`` (a
``ValidationError`` naming the field) for anything it refuses. What a call
changed is reported by the storage layer from the transaction's journal rows
(``storage/changes.py``), so no service can forget to announce a change.
"""

from . import (
    activities,
    assessment,
    attachments,
    commitments,
    diary,
    disclosures,
    disputes,
    duplicates,
    households,
    ledger,
    meetings,
    setup,
    sync,
)

__all__ = [
    "activities",
    "assessment",
    "attachments",
    "commitments",
    "diary",
    "disclosures",
    "disputes",
    "duplicates",
    "households",
    "ledger",
    "meetings",
    "setup",
    "sync",
]
