"""Key columns read without a ``uuid.UUID`` built per row, for queries over many rows.

On SQLite a ``Uuid`` column is stored as 32 hex digits and SQLAlchemy builds
a ``uuid.UUID`` for every value it reads (a few microseconds each: seconds
over the hundreds of thousands of diary and note rows of a township's year).
A query that only joins or counts rows in Python reads the key as the
database gives it (:func:`raw`: text on SQLite, already a ``uuid.UUID`` on
PostgreSQL) and compares it with keys read the same way, or makes each
distinct value a ``uuid.UUID`` once (:class:`UuidKeys`).
"""

from __future__ import annotations

import uuid

from sqlalchemy import String, type_coerce


def raw(column):
    """``column`` read as the database gives it, without conversion."""
    return type_coerce(column, String)


class UuidKeys(dict):
    """A key as :func:`raw` reads it → ``uuid.UUID`` (None → None), each
    distinct value converted once: a contact row's keys repeat (a hundred
    thousand rows, a few thousand keys)."""

    def __missing__(self, key) -> uuid.UUID | None:
        value = key if key is None or isinstance(key, uuid.UUID) else uuid.UUID(key)
        self[key] = value
        return value
