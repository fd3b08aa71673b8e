"""The pending-matter ledger (民情台账): registration, life cycle, notes.

Life cycle (DOMAIN.md §4) as an explicit state machine::

    登记受理 ─办理→ 办理中 ─办结→ 已办结 ─回访→ 已回访 ─销号→ 已销号
        │  └──上报──┴→ 已上报 ─结果返回→ 结果返回 ─办结┘      (不满意: 重新办理)
        ├─退回 (all reasons at once) → 已退回
        └─暂不能解决 (an explanation to the applicant) → 暂不能解决 ─重新办理→ 办理中

Each action checks its source state and required inputs *before* changing
anything, records a progress note, and runs in one transaction.

Matter numbers (``2026-K7M-0042``) are ``year-DEVICE-sequence``: the sequence
is per installation and year, and the three-character device code is random
per installation (32³ codes, settable with ``village-desk init --device-code``),
so two laptops of one village numbering offline never hand out the same number.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import journal
from .db import Database
from .errors import IllegalTransition, ServiceError
from .models import Cadre, Household, LocalCounter, LocalDevice, Matter, MatterNote, Person
from .setup import _get, check_code, get_setting
from .validation import ValidationError, not_future, optional_phone, require

STATUS_LABELS = {
    "registered": "登记受理",
    "in_progress": "办理中",
    "forwarded": "已上报",
    "result_returned": "结果返回",
    "done": "已办结",
    "feedback": "已回访",
    "closed": "已销号",
    "returned": "已退回",
    "unresolvable": "暂不能解决",
}
OPEN_STATUSES = ("registered", "in_progress", "forwarded", "result_returned")
# Finished = no longer counts as overdue (已办结 and after, or answered otherwise).
FINISHED_STATUSES = ("done", "feedback", "closed", "returned", "unresolvable")


@dataclass(frozen=True)
class Action:
    code: str
    label: str
    sources: tuple[str, ...]
    target: str
    needs: str = ""  # what the action requires, in words (shown when it is missing)
    guard: Callable[[Matter], str | None] | None = None  # returns a refusal or None


def _close_guard(m: Matter) -> str | None:
    if m.satisfaction == "unsatisfied":
        return "回访结果为“不满意”，不能销号；请重新办理"
    return None


def _reopen_guard(m: Matter) -> str | None:
    if m.status == "feedback" and m.satisfaction != "unsatisfied":
        return "回访满意的事项无需重新办理，可直接销号"
    return None


ACTIONS: dict[str, Action] = {
    a.code: a
    for a in (
        Action("start", "办理", ("registered",), "in_progress"),
        Action("forward", "上报", ("registered", "in_progress"), "forwarded", "上报单位"),
        Action("result", "结果返回", ("forwarded",), "result_returned", "上级办理结果"),
        Action(
            "complete",
            "办结",
            ("registered", "in_progress", "result_returned"),
            "done",
            "办理结果",
        ),
        Action("feedback", "回访", ("done",), "feedback", "满意度"),
        Action("close", "销号", ("feedback",), "closed", guard=_close_guard),
        Action("return", "退回", ("registered", "in_progress"), "returned", "退回理由"),
        Action(
            "unresolvable",
            "暂不能解决",
            ("registered", "in_progress", "forwarded", "result_returned"),
            "unresolvable",
            "向群众的解释说明",
        ),
        Action(
            "reopen", "重新办理", ("unresolvable", "feedback"), "in_progress", guard=_reopen_guard
        ),
    )
}


def available_actions(matter: Matter) -> list[Action]:
    """The actions legal for this matter now (the GUI offers exactly these)."""
    return [
        a
        for a in ACTIONS.values()
        if matter.status in a.sources and not (a.guard and a.guard(matter))
    ]


# ------------------------------------------------------------------ numbering


def next_matter_number(session: Session, year: int) -> str:
    device = session.scalars(select(LocalDevice)).one()
    name = f"matter-{year}"
    counter = session.get(LocalCounter, name)
    if counter is None:
        counter = LocalCounter(name=name, value=0)
        session.add(counter)
    while True:
        counter.value += 1
        number = f"{year}-{device.code}-{counter.value:04d}"
        # A number already present (e.g. received from a device that once had
        # this code) is skipped rather than handed out twice.
        if not session.scalar(select(Matter.id).where(Matter.number == number)):
            return number


# ------------------------------------------------------------------ registration


@dataclass
class MatterInput:
    content: str
    responsible_id: uuid.UUID
    received_date: dt.date = field(default_factory=dt.date.today)
    channel: str = "home_visit"
    applicant_name: str = ""
    applicant_person_id: uuid.UUID | None = None
    household_id: uuid.UUID | None = None
    applicant_phone: str = ""
    kind: str = ""
    service_type: str = ""
    level: str = "village"
    handling: str = "promised"
    deadline: dt.date | None = None
    co_handler_ids: list[uuid.UUID] = field(default_factory=list)
    public: bool = True


def default_deadline(session: Session, kind: str, received: dt.date) -> dt.date:
    days = get_setting(session, "default_deadline_days") or {}
    return received + dt.timedelta(days=int(days.get(kind, days.get("", 15))))


def _date(value, field: str) -> dt.date:
    if not isinstance(value, dt.date):
        raise ValidationError(field, "请填写日期")
    return value


def _cadre_id(value, field: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationError(field, "不是有效的干部") from None


def register_in(session: Session, data: MatterInput) -> Matter:
    """Register a matter inside an open transaction (used by diary entries too)."""
    content = require(data.content, "申办事项")
    _date(data.received_date, "受理日期")
    if data.deadline is not None:
        _date(data.deadline, "办结时限")
    not_future(data.received_date, "受理日期")
    check_code(session, "channel", data.channel, "来源渠道")
    if data.kind:
        check_code(session, "matter_kind", data.kind, "事项类别")
    if data.service_type:
        check_code(session, "service_type", data.service_type, "代办类型")
    check_code(session, "level", data.level, "办理层级")
    check_code(session, "handling", data.handling, "办理方式")
    _get(session, Cadre, data.responsible_id, "责任人")
    co_handlers = [_cadre_id(c, "协办人") for c in data.co_handler_ids or []]
    for cid in co_handlers:
        _get(session, Cadre, cid, "协办人")
    name, phone, household_id, group_id = (
        (data.applicant_name or "").strip(),
        data.applicant_phone or "",
        data.household_id,
        None,
    )
    if data.applicant_person_id:
        person = _get(session, Person, data.applicant_person_id, "申请人")
        name = name or person.name
        phone = phone or person.phone
        household_id = household_id or person.household_id
    if household_id:
        household = _get(session, Household, household_id, "户")
        group_id = household.group_id
        phone = phone or household.phone
    name = require(name, "申请人")
    deadline = data.deadline or default_deadline(session, data.kind, data.received_date)
    if deadline < data.received_date:
        raise ValidationError("办结时限", f"不能早于受理日期 {data.received_date.isoformat()}")
    matter = Matter(
        number=next_matter_number(session, data.received_date.year),
        received_date=data.received_date,
        channel=data.channel,
        applicant_person_id=data.applicant_person_id,
        household_id=household_id,
        applicant_name=name,
        applicant_phone=optional_phone(phone, "申请人电话"),
        group_id=group_id,
        content=content,
        kind=data.kind,
        service_type=data.service_type,
        level=data.level,
        handling=data.handling,
        status="registered",
        deadline=deadline,
        responsible_id=data.responsible_id,
        co_handler_ids=[str(c) for c in co_handlers if c != data.responsible_id],
        public=data.public,
    )
    session.add(matter)
    session.flush()
    return matter


def register_matter(db: Database, actor_id, data: MatterInput) -> uuid.UUID:
    with db.transaction(actor_id) as s:
        return register_in(s, data).id


EDITABLE = {
    "content",
    "kind",
    "service_type",
    "level",
    "deadline",
    "responsible_id",
    "co_handler_ids",
    "public",
    "applicant_phone",
    "channel",
}


def update_matter(db: Database, actor_id, matter_id: uuid.UUID, **fields) -> None:
    """Correct registration details; life-cycle fields change only via actions."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ServiceError(f"这些字段只能通过办理操作修改：{', '.join(sorted(unknown))}")
    with db.transaction(actor_id) as s:
        m = _get(s, Matter, matter_id, "事项")
        if "content" in fields:
            fields["content"] = require(fields["content"], "申办事项")
        if fields.get("kind"):
            check_code(s, "matter_kind", fields["kind"], "事项类别")
        if fields.get("service_type"):
            check_code(s, "service_type", fields["service_type"], "代办类型")
        if "level" in fields:
            check_code(s, "level", fields["level"], "办理层级")
        if "channel" in fields:
            check_code(s, "channel", fields["channel"], "来源渠道")
        if "deadline" in fields:
            _date(fields["deadline"], "办结时限")
        if "deadline" in fields and fields["deadline"] < m.received_date:
            raise ValidationError("办结时限", f"不能早于受理日期 {m.received_date.isoformat()}")
        if "responsible_id" in fields:
            _get(s, Cadre, fields["responsible_id"], "责任人")
        if "co_handler_ids" in fields:
            fields["co_handler_ids"] = [
                _cadre_id(c, "协办人") for c in fields["co_handler_ids"] or []
            ]
            for cid in fields["co_handler_ids"]:
                _get(s, Cadre, cid, "协办人")
            fields["co_handler_ids"] = [str(c) for c in fields["co_handler_ids"]]
        if "applicant_phone" in fields:
            fields["applicant_phone"] = optional_phone(fields["applicant_phone"], "申请人电话")
        for key, value in fields.items():
            setattr(m, key, value)


def delete_matter(db: Database, actor_id, matter_id: uuid.UUID) -> uuid.UUID:
    """Tombstone a matter registered by mistake; returns the tx id for undo."""
    with db.transaction(actor_id) as s:
        m = _get(s, Matter, matter_id, "事项")
        m.deleted = True
        for note in s.scalars(select(MatterNote).where(MatterNote.matter_id == matter_id)):
            note.deleted = True
        return s.info["journal"].tx_id


def restore_matter(db: Database, actor_id, matter_id: uuid.UUID) -> None:
    """Undo :func:`delete_matter`: bring back the matter with its notes."""
    with db.transaction(actor_id) as s:
        m = s.get(Matter, matter_id)
        if m is None or not m.deleted:
            raise ServiceError("该事项没有被删除，无需恢复")
        journal.undo_deletions(s, journal.last_deletion(s, matter_id))


# ------------------------------------------------------------------ life cycle


def _action_date(s: Session, m: Matter, when: dt.date | None, step: bool) -> dt.date:
    """The date of an action: not in the future, not before intake and, for a
    life-cycle step, not before the previous step (dates never run backwards)."""
    when = when or dt.date.today()
    if not isinstance(when, dt.date):
        raise ValidationError("办理日期", "应为日期")
    not_future(when, "办理日期")
    if when < m.received_date:
        raise ValidationError("办理日期", f"不能早于受理日期 {m.received_date.isoformat()}")
    if step:
        last = s.scalar(
            select(func.max(MatterNote.date)).where(
                MatterNote.matter_id == m.id,
                MatterNote.deleted.is_(False),
                MatterNote.action != "note",
            )
        )
        if last and when < last:
            raise ValidationError("办理日期", f"不能早于上一步的办理日期 {last.isoformat()}")
    return when


def apply_action(
    db: Database,
    actor_id: uuid.UUID | None,
    matter_id: uuid.UUID,
    action: str,
    *,
    text: str = "",
    when: dt.date | None = None,
    satisfaction: str = "",
    forwarded_to: str = "",
    level: str = "",
    reasons: list[str] | None = None,
) -> None:
    """Move a matter one step along its life cycle, or raise and change nothing."""
    if action not in ACTIONS:
        raise ServiceError(f"未知的办理操作：{action}")
    act = ACTIONS[action]
    with db.transaction(actor_id) as s:
        m = _get(s, Matter, matter_id, "事项")
        if m.status not in act.sources:
            raise IllegalTransition(
                f"事项 {m.number} 当前为“{STATUS_LABELS[m.status]}”，不能“{act.label}”"
            )
        if act.guard and (refusal := act.guard(m)):
            raise IllegalTransition(refusal)
        when = _action_date(s, m, when, step=True)
        text = (text or "").strip()
        note = text
        if action == "forward":
            m.forwarded_to = require(forwarded_to, "上报单位")
            level = level or ("township" if m.level == "village" else m.level)
            if level not in ("township", "county"):
                raise ValidationError("办理层级", "上报的事项应为镇级或县级及以上")
            m.level, m.handling, m.forwarded_date = level, "forwarded", when
            note = f"上报至{m.forwarded_to}" + (f"：{text}" if text else "")
        elif action == "result":
            m.result = require(text, "上级办理结果")
        elif action == "complete":
            m.result = require(text, "办理结果")
            m.done_date = when
        elif action == "feedback":
            check_code(s, "satisfaction", require(satisfaction, "满意度"), "满意度")
            m.satisfaction, m.feedback, m.feedback_date = satisfaction, text, when
            labels = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}
            note = f"回访：{labels.get(satisfaction, satisfaction)}" + (f"；{text}" if text else "")
        elif action == "close":
            m.closed_date = when
            note = text or "验收销号"
        elif action == "return":
            items = [r.strip() for r in (reasons or []) if r and r.strip()]
            if not items:
                raise ValidationError("退回理由", "退回必须一次性写明全部理由")
            m.return_reasons = "\n".join(f"{i}. {r}" for i, r in enumerate(items, 1))
            m.handling = "returned"
            note = "退回答复：" + "；".join(items)
        elif action == "unresolvable":
            m.explanation = require(text, "向群众的解释说明")
            note = "暂不能解决：" + text
        elif action == "reopen":
            if m.status == "feedback":
                m.satisfaction = ""
            note = "重新办理" + (f"：{text}" if text else "")
        m.status = act.target
        s.add(
            MatterNote(
                matter_id=m.id, date=when, author_id=actor_id, action=action, text=note or act.label
            )
        )


def add_note(
    db: Database, actor_id, matter_id: uuid.UUID, text: str, when: dt.date | None = None
) -> uuid.UUID:
    """Append a progress note (办理情况); notes are never overwritten."""
    text = require(text, "办理情况")
    with db.transaction(actor_id) as s:
        m = _get(s, Matter, matter_id, "事项")
        if m.status == "closed":
            raise IllegalTransition(f"事项 {m.number} 已销号，不能再添加办理情况")
        note = MatterNote(
            matter_id=m.id,
            date=_action_date(s, m, when, step=False),
            author_id=actor_id,
            action="note",
            text=text,
        )
        s.add(note)
        s.flush()
        return note.id


def notes(session: Session, matter_id: uuid.UUID) -> list[MatterNote]:
    return list(
        session.scalars(
            select(MatterNote)
            .where(MatterNote.matter_id == matter_id, MatterNote.deleted.is_(False))
            .order_by(MatterNote.date, MatterNote.hlc)
        )
    )


def is_overdue(m: Matter, today: dt.date | None = None) -> bool:
    return m.status in OPEN_STATUSES and m.deadline < (today or dt.date.today())
