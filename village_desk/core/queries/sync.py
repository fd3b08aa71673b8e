"""What merging left for a person to look at: the conflicts not yet settled
(``storage/merge.py`` keeps every value that lost; ``services.sync`` settles
them), in words a cadre reads."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..domain.fields import field_label
from ..storage.models import (
    ConflictSettlement,
    Household,
    LocalDevice,
    Matter,
    Person,
    SyncConflict,
    SyncQuarantine,
)

ENTITY_LABELS = {
    "village_profile": "村庄信息",
    "vocab_term": "词表",
    "setting": "设置",
    "villager_group": "村民小组",
    "cadre": "干部",
    "household": "户",
    "person": "家庭成员",
    "pairing": "结对",
    "diary_entry": "民情日记",
    "diary_household": "日记走访户",
    "diary_item": "日记反映的问题",
    "matter": "事项",
    "matter_note": "办理情况",
    "sync_settlement": "冲突处理",
    "return_visit": "回访记录",
    "commitment": "公开承诺",
    "commitment_note": "践诺进展",
    "meeting": "会议记录",
    "meeting_attendee": "参会村民",
    "meeting_item": "会上反映的问题",
    "dispute": "矛盾纠纷",
    "dispute_party": "纠纷当事人",
    "mediation_session": "调解记录",
    "spot_check": "日记抽查",
    "spot_check_item": "抽查的日记",
    "assessment": "年度考核",
    "activity": "活动记录（六个一）",
    "disclosure": "完整号码导出/查看记录",
    "attachment": "照片和扫描件",
}


@dataclass(frozen=True)
class OpenConflict:
    id: uuid.UUID
    entity: str
    record_id: uuid.UUID
    field: str
    kind: str  # value / group / deleted
    what: str  # the record in words: 户 01-017 陈波
    field_label: str
    current: str  # the value the record has, in words
    other: str  # the value that lost, in words
    other_device: str  # the name of the computer it came from ("" unknown)


def _unsettled():
    return or_(ConflictSettlement.id.is_(None), ConflictSettlement.deleted.is_(True))


def open_conflict_count(session: Session) -> int:
    return session.scalar(
        select(func.count())
        .select_from(SyncConflict)
        .outerjoin(ConflictSettlement, ConflictSettlement.id == SyncConflict.id)
        .where(_unsettled())
    )


@dataclass(frozen=True)
class HeldChanges:
    """Changes received with a stamp more than a day ahead of this computer's
    clock (the sender's clock was wrong): held, not merged, until a person
    accepts them."""

    count: int
    latest: dt.datetime  # the furthest-ahead stamp, as a local time
    devices: int  # how many computers sent them


def held_changes(session: Session) -> HeldChanges | None:
    count, top, devices = session.execute(
        select(
            func.count(),
            func.max(SyncQuarantine.hlc),
            func.count(func.distinct(SyncQuarantine.device_id)),
        )
    ).one()
    if not count:
        return None
    ms = int(str(top).split("-", 1)[0])
    return HeldChanges(count, dt.datetime.fromtimestamp(ms / 1000), devices)


def _words(value) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(str(v) for v in value) or "（空）"
    if isinstance(value, dict):
        return "；".join(f"{field_label(k)}：{_words(v)}" for k, v in sorted(value.items()))
    return str(value)


GROUP_LABELS = {
    ("matter", "state"): "办理进展（状态、结果、日期、满意度）",
    ("commitment", "review"): "践诺评定（结果、说明、日期、评定人）",
    ("dispute", "outcome"): "调解结果（结果、日期、协议内容、说明）",
    ("spot_check_item", "finding"): "抽查结论（结论、说明）",
    ("assessment", "entry"): "考核评价（得分、评价人、意见，或测评票数和日期）",
}


def _field_words(entity: str, field: str) -> str:
    if field == "deleted":
        return "整条记录"
    if field == "village_id":
        return "所属村"
    if (entity, field) in GROUP_LABELS:
        return GROUP_LABELS[entity, field]
    prefix = {"diary_entry": "diary"}.get(entity, entity)  # the diary form's keys
    key = f"{prefix}.{field}"
    label = field_label(key)
    return label if label != key else field


def _what(session: Session, entity: str, record_id: uuid.UUID) -> str:
    label = ENTITY_LABELS.get(entity, entity)
    if entity == "household":
        number = session.scalar(select(Household.number).where(Household.id == record_id))
        head = session.scalar(
            select(Person.name).where(Person.household_id == record_id, Person.relation == "head")
        )
        return f"户 {number or ''} {head or ''}".strip()
    if entity == "person":
        row = session.execute(
            select(Person.name, Household.number)
            .join(Household, Household.id == Person.household_id)
            .where(Person.id == record_id)
        ).first()
        return f"家庭成员 {row.name}（{row.number}）" if row else label
    if entity == "matter":
        row = session.execute(
            select(Matter.number, Matter.content).where(Matter.id == record_id)
        ).first()
        return f"事项 {row.number} {row.content[:20]}" if row else label
    return label


def open_conflicts(session: Session) -> list[OpenConflict]:
    """Conflicts nobody has settled yet, oldest change first."""
    devices = dict(session.execute(select(LocalDevice.id, LocalDevice.name)).all())
    rows = session.scalars(
        select(SyncConflict)
        .outerjoin(ConflictSettlement, ConflictSettlement.id == SyncConflict.id)
        .where(_unsettled())
        .order_by(SyncConflict.winner_hlc, SyncConflict.id)
    ).all()
    out = []
    for c in rows:
        winner, loser = json.loads(c.winner_value), json.loads(c.loser_value)
        if c.kind == "deleted":
            if c.field == "deleted":  # an edit that did not see the deletion
                current, other = "已删除", "另一台电脑在删除前修改了它（保留则恢复）"
            else:
                current, other = "已删除", f"删除前另一台电脑改为：{_words(loser)}"
        else:
            current, other = _words(winner), _words(loser)
        out.append(
            OpenConflict(
                c.id,
                c.entity,
                c.record_id,
                c.field,
                c.kind,
                _what(session, c.entity, c.record_id),
                _field_words(c.entity, c.field),
                current,
                other,
                devices.get(c.loser_device, "") if c.loser_device else "",
            )
        )
    return out
