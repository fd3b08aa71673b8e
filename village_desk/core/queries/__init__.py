"""Read-only queries: what the GUI, command line, printouts and exports show.

Every function takes a session (``db.read(fn, ...)`` opens one) and returns
plain data — dataclasses or SQLAlchemy ``Row`` objects (immutable, one
attribute per column) — never live ORM objects, so nothing read can be
changed behind the services' back. All filtering and counting happens in SQL.
"""

from . import (
    assessment,
    attachments,
    commitments,
    diary,
    disclosures,
    disputes,
    households,
    keys,
    ledger_period,
    matters,
    meetings,
    pairing,
    reference,
    rules,
    search,
    six_ones,
    stats,
    sync,
    township,
)

__all__ = [
    "assessment",
    "attachments",
    "commitments",
    "diary",
    "disclosures",
    "disputes",
    "households",
    "keys",
    "ledger_period",
    "matters",
    "meetings",
    "pairing",
    "reference",
    "rules",
    "search",
    "six_ones",
    "stats",
    "sync",
    "township",
]
