"""Activities for the “六个一”: recording, correcting and deleting a policy
talk (宣讲活动), a joint service (联动服务) or a practical project (实事工程)
— see ``domain/six_ones.py``. Each names at least one cadre who did it; at a
township office it is recorded for a chosen village.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.six_ones import ACTIVITY_KINDS, MAX_HEAD_COUNT
from ..domain.validation import not_future, require
from ..storage.db import Database
from ..storage.models import Activity, Cadre
from .common import get_live, live_village, tx_id


@dataclass
class ActivityInput:
    kind: str
    date: dt.date
    title: str
    cadre_ids: list[uuid.UUID] = field(default_factory=list)
    place: str = ""
    participants: str = ""
    head_count: int = 0
    notes: str = ""
    village_id: uuid.UUID | None = None  # a township office: the village it was for


def _check(s: Session, data: ActivityInput, activity: Activity | None = None) -> None:
    if data.kind not in ACTIVITY_KINDS:
        raise ValidationError("activity.kind", "请选择活动类别（宣讲活动、联动服务或实事工程）")
    if not isinstance(data.date, dt.date):
        raise ValidationError("activity.date", "请填写日期")
    not_future(data.date, "activity.date")
    data.title = require(data.title, "activity.title")
    data.place = require(data.place, "activity.place")
    cadres = list(dict.fromkeys(data.cadre_ids))
    if not cadres:
        raise ValidationError("activity.cadre_ids", "请至少选择一名开展这项活动的干部")
    kept = {uuid.UUID(c) for c in activity.cadre_ids} if activity is not None else set()
    for cid in cadres:
        if cid in kept:
            continue  # a cadre already named may since have been made inactive
        cadre = get_live(s, Cadre, cid, "干部")
        if not cadre.active:
            raise ValidationError("activity.cadre_ids", f"{cadre.name} 已停用")
    data.cadre_ids = cadres
    if (
        isinstance(data.head_count, bool)
        or not isinstance(data.head_count, int)
        or not 0 <= data.head_count <= MAX_HEAD_COUNT
    ):
        raise ValidationError("activity.head_count", "应为0或正整数")


def _fill(a: Activity, data: ActivityInput) -> None:
    a.kind, a.date, a.title, a.place = data.kind, data.date, data.title, data.place
    a.cadre_ids = [str(c) for c in data.cadre_ids]
    a.participants = (data.participants or "").strip()
    a.head_count = data.head_count
    a.notes = (data.notes or "").strip()


def record_activity(db: Database, actor_id, data: ActivityInput) -> uuid.UUID:
    """Save an activity; returns its id."""
    with db.transaction(actor_id) as s:
        _check(s, data)
        village = (
            None
            if data.village_id is None
            else live_village(s, data.village_id, "activity.village_id")
        )
        a = Activity(village_id=village)  # None: the journal gives this copy's village
        _fill(a, data)
        s.add(a)
        s.flush()
        return a.id


def update_activity(db: Database, actor_id, activity_id: uuid.UUID, data: ActivityInput) -> None:
    """Correct an activity (its village stays)."""
    with db.transaction(actor_id) as s:
        a = get_live(s, Activity, activity_id, "活动记录")
        _check(s, data, a)
        _fill(a, data)


def delete_activity(db: Database, actor_id, activity_id: uuid.UUID) -> uuid.UUID:
    """Tombstone an activity; returns the tx id (for undo)."""
    with db.transaction(actor_id) as s:
        get_live(s, Activity, activity_id, "活动记录").deleted = True
        return tx_id(s)
