"""Checks every service shares: a live record by id, a vocabulary code."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import NotFoundError, ValidationError
from ..storage.models import VocabTerm


def get_live(s: Session, model, record_id, what: str):
    """The record, for changing it; refused when missing or deleted."""
    obj = s.get(model, record_id)
    if obj is None or obj.deleted:
        raise NotFoundError(f"找不到该{what}（可能已被删除）")
    return obj


def check_code(session: Session, kind: str, code: str, field: str, allow_retired=False) -> str:
    """``code`` is a term of vocabulary ``kind`` (not retired, unless allowed)."""
    term = session.scalars(
        select(VocabTerm).where(
            VocabTerm.kind == kind, VocabTerm.code == code, VocabTerm.deleted.is_(False)
        )
    ).first()
    if term is None or (term.retired and not allow_retired):
        raise ValidationError(field, f"“{code}”不在可选项中")
    return code


def as_uuid(value, field: str, what: str = "记录") -> uuid.UUID:
    """A UUID given as such or as text; a clear refusal otherwise."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationError(field, f"不是有效的{what}") from None


def tx_id(s: Session) -> uuid.UUID:
    """The id of the running transaction (what undo restores)."""
    return s.info["journal"].tx_id
