"""The history of a record, read from the change journal: who changed which
field from what to what, when, and on which device.

Every write is journaled (``storage/journal.py``) with its old and new
values, its stamp, device and acting cadre, so the history of a household
(with its members) or of a matter (with its progress notes and return
visits) is a read of ``change_log`` — on every copy, since merged changes
keep their origin. Values are shown as people read them: terms by their
labels, cadres and groups by name, dates as dates, 是/否; ID numbers and
phone numbers masked unless asked otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain.fields import field_label
from ..domain.lifecycle import FEEDBACK_MODES, STATUS_LABELS, step_label
from ..domain.validation import mask_id_number, mask_phone
from ..storage.models import (
    Cadre,
    Change,
    ExchangePeer,
    Household,
    LocalDevice,
    Matter,
    MatterNote,
    Person,
    ReturnVisit,
    VillagerGroup,
    VocabTerm,
)

OPS = {"insert": "新增", "update": "修改", "delete": "删除"}
ENTITY_LABELS = {
    "household": "户",
    "person": "成员",
    "matter": "事项",
    "matter_note": "办理情况",
    "return_visit": "回访",
}
# bookkeeping, or the link to the record the history is about
HIDDEN = {"id", "hlc", "village_id", "id_legacy", "matter_id"}
VOCABULARY_OF = {
    "relation": "relation",
    "status@person": "person_status",
    "tags": "person_tag",
    "categories": "household_category",
    "kind@matter": "matter_kind",
    "channel": "channel",
    "service_type": "service_type",
    "level": "level",
    "handling": "handling",
    "satisfaction": "satisfaction",
}
CADRE_FIELDS = {"responsible_id", "co_handler_ids", "author_id"}
MASKED = {"id_number": mask_id_number, "phone": mask_phone, "applicant_phone": mask_phone}


@dataclass(frozen=True)
class FieldChange:
    field: str  # the label people read (“联系电话”)
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: dt.datetime  # local time of the change
    who: str  # the acting cadre, "" when none was chosen
    device: str  # the computer it was made on
    what: str  # the record, as people name it (“成员 张三”)
    action: str  # 新增 / 修改 / 删除 / 恢复
    changes: tuple[FieldChange, ...]
    hlc: str


def stamp_time(hlc: str) -> dt.datetime:
    """The wall-clock time of a journal stamp, in local time."""
    return dt.datetime.fromtimestamp(int(hlc.split("-", 1)[0]) / 1000)


class _Names:
    """Labels for the ids and codes a history shows, read once."""

    def __init__(self, s: Session):
        self.cadres = {str(i): n for i, n in s.execute(select(Cadre.id, Cadre.name))}
        self.groups = {
            str(i): n for i, n in s.execute(select(VillagerGroup.id, VillagerGroup.name))
        }
        self.terms: dict[str, dict[str, str]] = {}
        for kind, code, label in s.execute(select(VocabTerm.kind, VocabTerm.code, VocabTerm.label)):
            self.terms.setdefault(kind, {})[code] = label
        self.devices = {
            i.hex: (n or c)
            for i, n, c in s.execute(select(LocalDevice.id, LocalDevice.name, LocalDevice.code))
        }
        for label, devices in s.execute(select(ExchangePeer.label, ExchangePeer.devices)):
            for device in (devices or "").split():
                self.devices.setdefault(uuid.UUID(device).hex, label)
        self.households = {str(i): n for i, n in s.execute(select(Household.id, Household.number))}
        self.people = {str(i): n for i, n in s.execute(select(Person.id, Person.name))}

    def device(self, device_id: uuid.UUID) -> str:
        return self.devices.get(device_id.hex) or f"设备 {device_id.hex[:8]}"

    def value(self, entity: str, key: str, value, unmasked: bool) -> str:
        if value is None or value == "" or value == []:
            return "（空）"
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, list):
            return "、".join(self.value(entity, key, v, unmasked) for v in value)
        text = str(value)
        if key in CADRE_FIELDS:
            return self.cadres.get(text, text)
        if key == "group_id":
            return self.groups.get(text, text)
        if key == "household_id":
            return f"户号 {self.households.get(text, text)}"
        if key == "applicant_person_id":
            return self.people.get(text, text)
        if key == "status" and entity == "matter":
            return STATUS_LABELS.get(text, text)
        if key == "action" and entity == "matter_note":
            return step_label(text)
        if key == "mode" and entity == "return_visit":
            return FEEDBACK_MODES.get(text, text)
        kind = VOCABULARY_OF.get(f"{key}@{entity}") or VOCABULARY_OF.get(key)
        if kind:
            return self.terms.get(kind, {}).get(text, text)
        if key in MASKED and not unmasked:
            return MASKED[key](text)
        return text


EXTRA_LABELS = {
    "deleted": "已删除",
    "text": "内容",
    "date": "日期",
    "action": "步骤",
    "author_id": "办理人",
}


def _label(entity: str, key: str) -> str:
    """The field's label as forms show it (``person.phone`` → 联系电话)."""
    for candidate in (f"{entity}.{key}", f"{entity.removeprefix('matter_')}.{key}"):
        label = field_label(candidate)
        if label != candidate:
            return label
    return EXTRA_LABELS.get(key, key)


def _entries(s: Session, rows, names: _Names, what_of, unmasked: bool) -> list[HistoryEntry]:
    out = []
    for row in rows:
        raw = json.loads(row.changes or "{}")
        changes = []
        action = OPS.get(row.op, row.op)
        for key, pair in raw.items():
            if key in HIDDEN:
                continue
            old, new = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
            if row.op == "update" and key == "deleted":
                action = "删除" if new else "恢复"
                continue
            if row.op != "update" and key == "deleted":
                continue
            if row.op == "insert" and new in (None, "", [], False):
                continue  # a new record's empty fields say nothing
            changes.append(
                FieldChange(
                    _label(row.entity, key),
                    "" if row.op == "insert" else names.value(row.entity, key, old, unmasked),
                    "" if row.op == "delete" else names.value(row.entity, key, new, unmasked),
                )
            )
        out.append(
            HistoryEntry(
                when=stamp_time(row.hlc),
                who=names.cadres.get(str(row.actor_id), "") if row.actor_id else "",
                device=names.device(row.device_id),
                what=what_of(row),
                action=action,
                changes=tuple(changes),
                hlc=row.hlc,
            )
        )
    return sorted(out, key=lambda e: e.hlc, reverse=True)


def _changes_of(s: Session, pairs: list[tuple[str, uuid.UUID]]):
    if not pairs:
        return []
    return s.execute(
        select(Change).where(
            or_(*[(Change.entity == e) & (Change.record_id == r) for e, r in pairs])
        )
    ).scalars()


def household_history(
    s: Session, household_id: uuid.UUID, *, unmasked: bool = False
) -> list[HistoryEntry]:
    """The household's changes and its members' (those since moved away too),
    newest first."""
    names = _Names(s)
    members = dict(
        s.execute(select(Person.id, Person.name).where(Person.household_id == household_id)).all()
    )
    moved = s.execute(
        select(Change.record_id).where(
            Change.entity == "person", Change.changes.contains(str(household_id))
        )
    ).scalars()
    for pid in moved:
        members.setdefault(pid, names.people.get(str(pid), ""))
    pairs = [("household", household_id)] + [("person", pid) for pid in members]
    number = names.households.get(str(household_id), "")

    def what(row) -> str:
        if row.entity == "household":
            return f"户 {number}"
        return f"成员 {members.get(row.record_id, '')}"

    return _entries(s, _changes_of(s, pairs), names, what, unmasked)


def matter_history(
    s: Session, matter_id: uuid.UUID, *, unmasked: bool = False
) -> list[HistoryEntry]:
    """The matter's changes, its progress notes and return visits, newest first."""
    names = _Names(s)
    number = s.scalar(select(Matter.number).where(Matter.id == matter_id)) or ""
    notes = (
        s.execute(select(MatterNote.id).where(MatterNote.matter_id == matter_id)).scalars().all()
    )
    visits = (
        s.execute(select(ReturnVisit.id).where(ReturnVisit.matter_id == matter_id)).scalars().all()
    )
    pairs = (
        [("matter", matter_id)]
        + [("matter_note", n) for n in notes]
        + [("return_visit", v) for v in visits]
    )

    def what(row) -> str:
        return f"事项 {number}" if row.entity == "matter" else ENTITY_LABELS[row.entity]

    return _entries(s, _changes_of(s, pairs), names, what, unmasked)


@dataclass(frozen=True)
class Found:
    kind: str  # "household" or "matter"
    id: uuid.UUID
    label: str


def find(s: Session, text: str) -> list[Found]:
    """Records a person may name for ``history``: a 户号, a matter number,
    an ID number (its household), or a record id."""
    text = text.strip()
    out: list[Found] = []
    for hid, number in s.execute(
        select(Household.id, Household.number).where(Household.number == text)
    ):
        out.append(Found("household", hid, f"户 {number}"))
    for mid, number in s.execute(select(Matter.id, Matter.number).where(Matter.number == text)):
        out.append(Found("matter", mid, f"事项 {number}"))
    if not out and len(text) in (15, 18):
        for hid, number in s.execute(
            select(Household.id, Household.number)
            .join(Person, Person.household_id == Household.id)
            .where(Person.id_number == text.upper())
        ):
            out.append(Found("household", hid, f"户 {number}"))
    if not out:
        try:
            rid = uuid.UUID(text)
        except ValueError:
            return out
        for model, kind, label in ((Household, "household", "户"), (Matter, "matter", "事项")):
            number = s.scalar(select(model.number).where(model.id == rid))
            if number is not None:
                out.append(Found(kind, rid, f"{label} {number}"))
    return out
