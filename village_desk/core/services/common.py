"""Checks every service shares: a live record by id, a vocabulary code."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from ..domain.errors import NotFoundError, ValidationError
from ..storage.models import Cadre, Household, VillageProfile, VillagerGroup, VocabTerm


def get_live(s: Session, model, record_id, what: str):
    """The record, for changing it; refused when missing or deleted."""
    obj = s.get(model, record_id)
    if obj is None or obj.deleted:
        raise NotFoundError(f"找不到该{what}（可能已被删除）")
    return obj


def live_village(s: Session, village_id, field: str) -> uuid.UUID:
    """``village_id`` names one of the villages this database holds (a
    township office choosing the village of a household or a matter)."""
    found = s.get(VillageProfile, village_id) if village_id is not None else None
    if found is None or found.deleted or found.kind != "village":
        raise ValidationError(field, "请选择本乡镇的一个村")
    return found.id


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


def edit_only_changes(
    obj, values: dict, base: Mapping | None, entity: str, lists: Iterable[str] = ()
) -> dict:
    """The values an edit form may write.

    ``base`` is the record as the form showed it (its row). Without it, every
    value is written. With it, only the fields the user changed are written —
    so a form opened before a change arrived (from another page, or merged
    from another laptop) does not write the old values back — and a field
    that changed underneath since *and* that the user changed too is refused
    with the value it has now, for the user to look at. List fields apply
    the user's additions and removals to the current list.
    """
    if base is None:
        return values
    lists = set(lists)
    out = {}
    for key, new in values.items():
        if key not in base:
            out[key] = new
            continue
        old, current = _plain(base[key]), _plain(getattr(obj, key))
        if key in lists:
            old, new_list, now = list(old or []), list(new or []), list(current or [])
            added = [v for v in new_list if v not in old]
            removed = {v for v in old if v not in new_list}
            if added or removed:
                out[key] = [v for v in now if v not in removed] + [v for v in added if v not in now]
            continue
        if _plain(new) == old:
            continue  # not changed by this user: keep what is there now
        if current != old and current != _plain(new):
            shown = as_read(obj, entity, key, getattr(obj, key))
            raise ValidationError(
                f"{entity}.{key}", f"这条记录刚被别处修改，现在是“{shown}”；请核对后再保存"
            )
        out[key] = new
    return out


# Fields holding a vocabulary code: a refusal names the term, not the code.
_VOCAB_OF = {
    "matter.kind": "matter_kind",
    "matter.service_type": "service_type",
    "matter.level": "level",
    "matter.channel": "channel",
    "person.relation": "relation",
    "person.status": "person_status",
}


def as_read(obj, entity: str, key: str, value) -> str:
    """A stored value as people read it: a term's label, the name of the
    cadre or group an id points to, 是/否 — never a code or an id."""
    if value in (None, ""):
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    session = object_session(obj)
    if session is None:
        return str(value)
    vocab = _VOCAB_OF.get(f"{entity}.{key}")
    if vocab:
        term = session.scalar(
            select(VocabTerm.label).where(VocabTerm.kind == vocab, VocabTerm.code == value)
        )
        return term or str(value)
    if isinstance(value, uuid.UUID):
        for model, attr in ((Cadre, "name"), (VillagerGroup, "name"), (Household, "number")):
            record = session.get(model, value)
            if record is not None:
                return getattr(record, attr)
    return str(value)


def _plain(value):
    return str(value) if isinstance(value, uuid.UUID) else value


def tx_id(s: Session) -> uuid.UUID:
    """The id of the running transaction (what undo restores)."""
    return s.info["journal"].tx_id
