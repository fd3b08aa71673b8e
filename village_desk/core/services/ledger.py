"""The pending-matter ledger (民情台账): registration, life cycle, notes.

The life cycle itself — states, actions, what each action needs — is domain
knowledge in ``domain/lifecycle.py``; this module checks a request against it
and writes the result. Each action checks its source state and required
inputs *before* changing anything, records a progress note, and runs in one
transaction.

Matter numbers (``2026-K7M-0042``) are ``year-DEVICE-sequence``: the sequence
is per installation and year, and the three-character device code is random
per installation (32³ codes, settable with ``village-desk init --device-code``),
so two laptops of one village numbering offline never hand out the same number.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from ..domain.errors import IllegalTransition, ServiceError, ValidationError
from ..domain.fields import field_label
from ..domain.lifecycle import (
    ACTIONS,
    FEEDBACK_MODES,
    FINISHED_STATUSES,
    SATISFACTION_LABELS,
    STATUS_LABELS,
)
from ..domain.validation import not_future, optional_phone, require
from ..queries.reference import get_setting, labels
from ..storage import journal
from ..storage.db import Database
from ..storage.models import (
    Cadre,
    Household,
    LocalCounter,
    LocalDevice,
    Matter,
    MatterNote,
    Person,
    ReturnVisit,
)
from .common import as_read, as_uuid, check_code, edit_only_changes, get_live, live_village, tx_id

# ------------------------------------------------------------------ numbering


def next_matter_number(session: Session, year: int) -> str:
    device = session.get(LocalDevice, session.info["journal"].device_id)
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
    kind: str = ""  # 事项类别: required (refused under "matter.kind" when empty)
    service_type: str = ""
    level: str = "village"
    handling: str = "promised"
    deadline: dt.date | None = None
    co_handler_ids: list[uuid.UUID] = field(default_factory=list)
    public: bool = True
    # 即办 (done at intake): what was done, recorded with the registration
    result: str = ""
    # A township office's database: the village a matter without a household
    # is assigned to (上级交办). A village copy's matters are its own.
    village_id: uuid.UUID | None = None


def _village_for(session: Session, village_id, household_id) -> uuid.UUID | None:
    """The village of a new matter: its household's; else the one named
    (a township office assigning a matter), which must be a village here."""
    if household_id is not None or village_id is None:
        return None  # the journal gives it the household's, or this copy's village
    return live_village(session, village_id, "matter.village_id")


def default_deadline(session: Session, kind: str, received: dt.date) -> dt.date:
    days = get_setting(session, "default_deadline_days") or {}
    return received + dt.timedelta(days=int(days.get(kind, days.get("", 15))))


def _date(value, field: str) -> dt.date:
    if not isinstance(value, dt.date):
        raise ValidationError(field, "请填写日期")
    return value


def _cadre_id(value, field: str) -> uuid.UUID:
    return as_uuid(value, field, "干部")


def check_kind(session: Session, kind: str | None, field: str) -> str:
    """The category (事项类别) of a matter being registered: required, a term in use.
    (Matters registered before it was required may have none; they stay as they are.)"""
    if not (kind or "").strip():
        raise ValidationError(field, "请选择事项类别")
    return check_code(session, "matter_kind", kind, field)


def register_in(session: Session, data: MatterInput) -> Matter:
    """Register a matter inside an open transaction (used by diary entries too)."""
    content = require(data.content, "matter.content")
    _date(data.received_date, "matter.received_date")
    if data.deadline is not None:
        _date(data.deadline, "matter.deadline")
    not_future(data.received_date, "matter.received_date")
    check_code(session, "channel", data.channel, "matter.channel")
    check_kind(session, data.kind, "matter.kind")
    if data.service_type:
        check_code(session, "service_type", data.service_type, "matter.service_type")
    check_code(session, "level", data.level, "matter.level")
    check_code(session, "handling", data.handling, "matter.handling")
    if data.handling not in INTAKE_HANDLING:
        raise ValidationError(
            "matter.handling", "登记时只能选即办或承诺办理；上报、退回请在登记后办理"
        )
    get_live(session, Cadre, data.responsible_id, "责任人")
    co_handlers = [_cadre_id(c, "matter.co_handler_ids") for c in data.co_handler_ids or []]
    for cid in co_handlers:
        get_live(session, Cadre, cid, "协办人")
    name, phone, household_id, group_id = (
        (data.applicant_name or "").strip(),
        data.applicant_phone or "",
        data.household_id,
        None,
    )
    if data.applicant_person_id:
        person = get_live(session, Person, data.applicant_person_id, "申请人")
        name = name or person.name
        phone = phone or person.phone
        household_id = household_id or person.household_id
    if household_id:
        household = get_live(session, Household, household_id, "户")
        group_id = household.group_id
        phone = phone or household.phone
    name = require(name, "matter.applicant_name")
    result = (data.result or "").strip()
    if data.handling == "immediate":
        # 即办 = done at intake: its deadline is the day it was received
        if data.deadline is not None and data.deadline != data.received_date:
            raise ValidationError("matter.deadline", "即办事项当天办结，办结时限就是受理日期")
        deadline = data.received_date
    elif result:
        raise ValidationError("matter.result", "只有即办事项在登记时填写办理结果")
    else:
        deadline = data.deadline or default_deadline(session, data.kind, data.received_date)
    if deadline < data.received_date:
        raise ValidationError(
            "matter.deadline", f"不能早于受理日期 {data.received_date.isoformat()}"
        )
    matter = Matter(
        number=next_matter_number(session, data.received_date.year),
        received_date=data.received_date,
        channel=data.channel,
        applicant_person_id=data.applicant_person_id,
        household_id=household_id,
        applicant_name=name,
        applicant_phone=optional_phone(phone, "matter.applicant_phone"),
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
        village_id=_village_for(session, data.village_id, household_id),
    )
    session.add(matter)
    session.flush()
    if result:  # 即办, done at once: registered and 办结 on the same day
        matter.status, matter.result, matter.done_date = "done", result, data.received_date
        session.add(
            MatterNote(
                matter_id=matter.id,
                date=data.received_date,
                author_id=session.info["journal"].actor_id,
                action="complete",
                text=result,
            )
        )
    session.flush()
    return matter


def register_matter(db: Database, actor_id, data: MatterInput) -> uuid.UUID:
    with db.transaction(actor_id) as s:
        return register_in(s, data).id


# 办理方式 chosen at registration; 上报办理 and 退回答复 follow from actions.
INTAKE_HANDLING = ("immediate", "promised")

EDITABLE = {
    "content",
    "handling",
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


# Intake fields locked once a matter is finished (办结, 回访, 销号, 退回, 暂不能解决):
# changing one needs a stated reason and leaves a progress note.
LOCKED_WHEN_FINISHED = EDITABLE - {"public"}


def update_matter(
    db: Database,
    actor_id,
    matter_id: uuid.UUID,
    *,
    base: Mapping | None = None,
    reason: str = "",
    **fields,
) -> None:
    """Correct registration details; life-cycle fields change only via actions.

    ``base`` is the matter as the form showed it (its row from
    ``queries.matters.matter``): then only what the user changed is written,
    and a field changed both underneath and in the form is refused (see
    ``edit_only_changes``); co-handlers apply the user's additions and removals.

    Once a matter is finished its intake fields (:data:`LOCKED_WHEN_FINISHED`)
    are locked: a correction is refused without a ``reason``, and with one it
    is written together with a progress note (``更正``) naming each field's
    value before and after, and the reason, dated today."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ServiceError(f"这些字段只能通过办理操作修改：{', '.join(sorted(unknown))}")
    reason = (reason or "").strip()
    with db.transaction(actor_id) as s:
        m = get_live(s, Matter, matter_id, "事项")
        if base is not None and fields.get("co_handler_ids"):
            # compared with the stored ids (text); anything else is refused below
            fields["co_handler_ids"] = [
                str(c) if isinstance(c, uuid.UUID) else c for c in fields["co_handler_ids"]
            ]
        fields = edit_only_changes(m, fields, base, "matter", lists=("co_handler_ids",))
        if "content" in fields:
            fields["content"] = require(fields["content"], "matter.content")
        if "kind" in fields and fields["kind"] != m.kind:
            check_kind(s, fields["kind"], "matter.kind")
        if fields.get("service_type"):
            check_code(s, "service_type", fields["service_type"], "matter.service_type")
        if "level" in fields:
            check_code(s, "level", fields["level"], "matter.level")
        if "handling" in fields and fields["handling"] != m.handling:
            check_code(s, "handling", fields["handling"], "matter.handling")
            if fields["handling"] not in INTAKE_HANDLING or m.handling not in INTAKE_HANDLING:
                raise ValidationError(
                    "matter.handling", "上报办理、退回答复由“上报”“退回”操作决定，不能在这里改"
                )
        if "channel" in fields:
            check_code(s, "channel", fields["channel"], "matter.channel")
        if "deadline" in fields:
            _date(fields["deadline"], "matter.deadline")
        if "deadline" in fields and fields["deadline"] < m.received_date:
            raise ValidationError(
                "matter.deadline", f"不能早于受理日期 {m.received_date.isoformat()}"
            )
        if "responsible_id" in fields:
            get_live(s, Cadre, fields["responsible_id"], "责任人")
        if "co_handler_ids" in fields:
            fields["co_handler_ids"] = [
                _cadre_id(c, "matter.co_handler_ids") for c in fields["co_handler_ids"] or []
            ]
            for cid in fields["co_handler_ids"]:
                get_live(s, Cadre, cid, "协办人")
            fields["co_handler_ids"] = [str(c) for c in fields["co_handler_ids"]]
        if "applicant_phone" in fields:
            fields["applicant_phone"] = optional_phone(
                fields["applicant_phone"], "matter.applicant_phone"
            )
        locked = [
            key
            for key in fields
            if key in LOCKED_WHEN_FINISHED and _plain(getattr(m, key)) != _plain(fields[key])
        ]
        handling_changed = "handling" in locked
        if handling_changed and m.handling == "immediate" and "deadline" not in fields:
            raise ValidationError("matter.deadline", "即办改为承诺办理，请同时填写承诺的办结时限")
        if (locked and m.status in FINISHED_STATUSES) or handling_changed:
            if not reason:
                raise ValidationError(
                    "matter.correction_reason",
                    "改变办理方式须写明理由（记入办理情况）"
                    if m.status not in FINISHED_STATUSES
                    else f"事项已{STATUS_LABELS[m.status]}，受理内容已锁定；"
                    "更正须写明理由（记入办理情况）",
                )
            changes = "；".join(
                f"{field_label('matter.' + key)}由“{_shown(m, key, getattr(m, key))}”"
                f"改为“{_shown(m, key, fields[key])}”"
                for key in locked
            )
            s.add(
                MatterNote(
                    matter_id=m.id,
                    date=dt.date.today(),
                    author_id=actor_id,
                    action="correct",
                    text=f"更正：{changes}。理由：{reason}",
                )
            )
        for key, value in fields.items():
            setattr(m, key, value)


def _plain(value):
    """A value compared as text (ids may come as text or UUID)."""
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value) if isinstance(value, uuid.UUID) else value


def _shown(m: Matter, key: str, value) -> str:
    """A matter's field value as people read it (names, labels, dates)."""
    if key == "co_handler_ids":
        names = [as_read(m, "matter", key, uuid.UUID(str(v))) for v in value or []]
        return "、".join(names) or "（空）"
    if key == "handling":
        return labels(object_session(m), "handling").get(value, value)
    if key == "responsible_id" and not isinstance(value, uuid.UUID):
        value = uuid.UUID(str(value))
    return as_read(m, "matter", key, value)


def delete_matter(db: Database, actor_id, matter_id: uuid.UUID) -> uuid.UUID:
    """Tombstone a matter registered by mistake; returns the tx id for undo."""
    with db.transaction(actor_id) as s:
        m = get_live(s, Matter, matter_id, "事项")
        m.deleted = True
        for note in s.scalars(select(MatterNote).where(MatterNote.matter_id == matter_id)):
            note.deleted = True
        for visit in s.scalars(select(ReturnVisit).where(ReturnVisit.matter_id == matter_id)):
            visit.deleted = True
        return tx_id(s)


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
        raise ValidationError("action.date", "应为日期")
    not_future(when, "action.date")
    if when < m.received_date:
        raise ValidationError("action.date", f"不能早于受理日期 {m.received_date.isoformat()}")
    if step:
        last = s.scalar(
            select(func.max(MatterNote.date)).where(
                MatterNote.matter_id == m.id,
                MatterNote.deleted.is_(False),
                MatterNote.action.in_(ACTIONS),  # not plain notes or corrections
            )
        )
        if last and when < last:
            raise ValidationError("action.date", f"不能早于上一步的办理日期 {last.isoformat()}")
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
    mode: str = "",
    respondent: str = "",
    forwarded_to: str = "",
    level: str = "",
    reasons: list[str] | None = None,
) -> None:
    """Move a matter one step along its life cycle, or raise and change nothing.

    The keywords are the inputs ``domain.lifecycle.ACTIONS[action]`` declares;
    a required one that is missing is refused under its field key."""
    if action not in ACTIONS:
        raise ServiceError(f"未知的办理操作：{action}")
    with db.transaction(actor_id) as s:
        m = get_live(s, Matter, matter_id, "事项")
        apply_in(
            s,
            actor_id,
            m,
            action,
            text=text,
            when=when,
            satisfaction=satisfaction,
            mode=mode,
            respondent=respondent,
            forwarded_to=forwarded_to,
            level=level,
            reasons=reasons,
        )


def apply_in(
    s: Session,
    actor_id: uuid.UUID | None,
    m: Matter,
    action: str,
    *,
    text: str = "",
    when: dt.date | None = None,
    satisfaction: str = "",
    mode: str = "",
    respondent: str = "",
    forwarded_to: str = "",
    level: str = "",
    reasons: list[str] | None = None,
) -> None:
    """:func:`apply_action` inside an open transaction (a dispute's outcome
    moves its matter in the same transaction as it is recorded)."""
    if action not in ACTIONS:
        raise ServiceError(f"未知的办理操作：{action}")
    act = ACTIONS[action]
    text = (text or "").strip()
    reasons = [r.strip() for r in (reasons or []) if r and r.strip()]
    given = {
        "text": text,
        "satisfaction": satisfaction,
        "mode": mode,
        "respondent": (respondent or "").strip(),
        "forwarded_to": forwarded_to,
        "level": level,
        "reasons": reasons,
    }
    if m.status not in act.sources:
        raise IllegalTransition(
            f"事项 {m.number} 当前为“{STATUS_LABELS[m.status]}”，不能“{act.label}”"
        )
    if act.guard and (refusal := act.guard(m)):
        raise IllegalTransition(refusal)
    when = _action_date(s, m, when, step=True)
    for spec in act.inputs:
        value = given.get(spec.name)
        if spec.name == "when":
            continue
        if spec.required and not (value.strip() if isinstance(value, str) else value):
            raise ValidationError(
                spec.field,
                "退回必须一次性写明全部理由" if spec.name == "reasons" else "必须填写",
            )
        if spec.kind == "choice" and value:
            if spec.options:
                if value not in dict(spec.options):
                    raise ValidationError(spec.field, f"不认识的选项：{value}")
            else:
                check_code(s, spec.vocabulary, value, spec.field)
    note = text
    if action == "forward":
        m.forwarded_to = forwarded_to.strip()
        level = level or ("township" if m.level == "village" else m.level)
        if level not in ("township", "county"):
            raise ValidationError("action.level", "上报的事项应为镇级或县级及以上")
        m.level, m.handling, m.forwarded_date = level, "forwarded", when
        note = f"上报至{m.forwarded_to}" + (f"：{text}" if text else "")
    elif action == "result":
        m.result = text
    elif action == "complete":
        m.result = text
        m.done_date = when
    elif action == "feedback":
        m.satisfaction, m.feedback, m.feedback_date = satisfaction, text, when
        # Who answered and how stay in the note (回访（电话，户主本人）：满意).
        label = SATISFACTION_LABELS.get(satisfaction, satisfaction)
        how = f"{FEEDBACK_MODES[mode]}，{given['respondent']}"
        note = f"回访（{how}）：{label}" + (f"；{text}" if text else "")
        # Every visit is its own record: a later 重新办理 clears the
        # matter's satisfaction, never the visit.
        s.add(
            ReturnVisit(
                matter_id=m.id,
                date=when,
                satisfaction=satisfaction,
                mode=mode,
                respondent=given["respondent"],
                text=text,
                author_id=actor_id,
            )
        )
    elif action == "close":
        m.closed_date = when
        note = text or "验收销号"
    elif action == "return":
        m.return_reasons = "\n".join(f"{i}. {r}" for i, r in enumerate(reasons, 1))
        m.handling = "returned"
        note = "退回答复：" + "；".join(reasons)
    elif action == "unresolvable":
        m.explanation = text
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
    text = require(text, "note.text")
    with db.transaction(actor_id) as s:
        m = get_live(s, Matter, matter_id, "事项")
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
