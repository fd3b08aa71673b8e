"""Visit diary services (民情日记).

One entry per contact. Each raised item is either solved on the spot (kept in
the diary, never entered in the ledger) or turned into a ledger matter whose
first responsible person is the visiting cadre (首访负责制); the item keeps a
link to the matter, so the link is visible both ways.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import ServiceError, ValidationError
from ..domain.fields import item_field
from ..domain.validation import not_future, require
from ..domain.visits import CHANNEL_FOR_MODE, ITEM_OUTCOMES, MEETING_MODES, SIX_QUESTIONS
from ..queries.diary import entry_households
from ..queries.households import head_of
from ..storage import journal
from ..storage.db import Database
from ..storage.models import Cadre, DiaryEntry, DiaryHousehold, DiaryItem, Household
from . import ledger
from .common import check_code, get_live, tx_id


@dataclass
class RaisedItem:
    text: str
    outcome: str = "solved"  # "solved" (当场解决) or "matter" (转入台账)
    solution: str = ""
    # For outcome == "matter":
    kind: str = ""  # 事项类别, required (refused under "diary.item.{n}.kind")
    service_type: str = ""
    level: str = "village"
    handling: str = "promised"
    deadline: dt.date | None = None
    applicant_person_id: uuid.UUID | None = None


@dataclass
class DiaryInput:
    date: dt.date
    mode: str
    author_id: uuid.UUID
    household_ids: list[uuid.UUID] = field(default_factory=list)
    companion_ids: list[uuid.UUID] = field(default_factory=list)
    place: str = ""
    sections: dict[str, str] = field(default_factory=dict)  # keys: SIX_QUESTIONS codes
    narrative: str = ""
    help_given: str = ""
    items: list[RaisedItem] = field(default_factory=list)


def _check(s: Session, data: DiaryInput, entry: DiaryEntry | None = None) -> None:
    """Validate an entry. When editing ``entry``, what it already records (its
    author, companions and households) stays acceptable even if that cadre has
    since been deactivated or that household deleted: old entries stay editable."""
    if not isinstance(data.date, dt.date):
        raise ValidationError("diary.date", "请填写日期")
    not_future(data.date, "diary.date")
    check_code(s, "visit_mode", data.mode, "diary.mode")
    data.place, data.narrative, data.help_given = (
        data.place or "",
        data.narrative or "",
        data.help_given or "",
    )
    kept_cadres = set(entry.companion_ids or []) | {entry.author_id} if entry else set()
    kept_households = set(entry_households(s, entry.id)) if entry else set()
    if data.author_id not in kept_cadres:
        author = get_live(s, Cadre, data.author_id, "走访干部")
        if not author.active:
            raise ValidationError("diary.author_id", f"{author.name} 已停用")
    for cid in data.companion_ids:
        if cid not in kept_cadres:
            get_live(s, Cadre, cid, "同行干部")
    for hid in data.household_ids:
        if hid not in kept_households:
            get_live(s, Household, hid, "走访对象")
    if not data.household_ids and data.mode not in MEETING_MODES:
        raise ValidationError(
            "diary.household_ids", "请至少选择一户（座谈会等集体活动可填写地点/参加人员）"
        )
    if not data.household_ids and not data.place.strip():
        raise ValidationError("diary.place", "集体活动没有选择户时，请写明地点和参加人员")
    unknown = set(data.sections) - {code for code, _ in SIX_QUESTIONS}
    if unknown:
        raise ServiceError(f"未知的日记栏目：{', '.join(sorted(unknown))}")
    for i, item in enumerate(data.items, 1):
        require(item.text, item_field(i, "text"))
        item.solution = item.solution or ""
        if item.outcome not in ITEM_OUTCOMES:
            raise ValidationError(item_field(i, "outcome"), "应为“当场解决”或“转入台账”")
        if item.outcome == "matter":  # registered as a matter: its category is required
            ledger.check_kind(s, item.kind, item_field(i, "kind"))


def _add_items(
    s: Session, entry: DiaryEntry, data: DiaryInput, items: list[RaisedItem]
) -> list[uuid.UUID]:
    matter_ids = []
    for item in items:
        row = DiaryItem(
            entry_id=entry.id,
            text=item.text.strip(),
            outcome=item.outcome,
            solution=item.solution.strip(),
        )
        if item.outcome == "matter":
            applicant = item.applicant_person_id
            if applicant is None and data.household_ids:
                head = head_of(s, data.household_ids[0])
                applicant = head.id if head else None
            matter = ledger.register_in(
                s,
                ledger.MatterInput(
                    content=item.text,
                    responsible_id=data.author_id,  # 首访负责制
                    received_date=data.date,
                    channel=CHANNEL_FOR_MODE.get(data.mode, "home_visit"),
                    applicant_person_id=applicant,
                    applicant_name="" if applicant else (data.place.strip() or "集体"),
                    household_id=data.household_ids[0] if data.household_ids else None,
                    kind=item.kind,
                    service_type=item.service_type,
                    level=item.level,
                    handling=item.handling,
                    deadline=item.deadline,
                ),
            )
            row.matter_id = matter.id
            matter_ids.append(matter.id)
        s.add(row)
    return matter_ids


def _fill(entry: DiaryEntry, data: DiaryInput) -> None:
    entry.date, entry.mode, entry.author_id = data.date, data.mode, data.author_id
    entry.companion_ids = [str(c) for c in data.companion_ids if c != data.author_id]
    entry.place = data.place.strip()
    for code, _ in SIX_QUESTIONS:
        setattr(entry, code, (data.sections.get(code) or "").strip())
    entry.narrative, entry.help_given = data.narrative.strip(), data.help_given.strip()


def write_entry(db: Database, actor_id, data: DiaryInput) -> tuple[uuid.UUID, list[uuid.UUID]]:
    """Save a new entry; returns (entry id, ids of matters created from its items)."""
    with db.transaction(actor_id) as s:
        _check(s, data)
        entry = DiaryEntry()
        _fill(entry, data)
        if data.household_ids:
            # the village of the households visited (a township cadre's visit
            # belongs to that village, in a township office's database too)
            entry.village_id = s.scalar(
                select(Household.village_id).where(Household.id == data.household_ids[0])
            )
        s.add(entry)
        s.flush()
        for hid in dict.fromkeys(data.household_ids):
            s.add(DiaryHousehold(entry_id=entry.id, household_id=hid))
        return entry.id, _add_items(s, entry, data, data.items)


def update_entry(db: Database, actor_id, entry_id: uuid.UUID, data: DiaryInput) -> list[uuid.UUID]:
    """Edit an entry. Items already turned into matters stay (the matter lives on);
    ``data.items`` are the entry's *new* items. Returns new matter ids."""
    with db.transaction(actor_id) as s:
        entry = get_live(s, DiaryEntry, entry_id, "日记")
        _check(s, data, entry)
        _fill(entry, data)
        links = {
            link.household_id: link
            for link in s.scalars(select(DiaryHousehold).where(DiaryHousehold.entry_id == entry_id))
        }
        wanted = set(data.household_ids)
        for hid, link in links.items():
            link.deleted = hid not in wanted
        for hid in dict.fromkeys(data.household_ids):
            if hid not in links:
                s.add(DiaryHousehold(entry_id=entry_id, household_id=hid))
        return _add_items(s, entry, data, data.items)


def delete_entry(db: Database, actor_id, entry_id: uuid.UUID) -> uuid.UUID:
    """Tombstone an entry with its links and items; returns the tx id for undo.

    Matters created from its items are not touched: they are ledger records.
    """
    with db.transaction(actor_id) as s:
        entry = get_live(s, DiaryEntry, entry_id, "日记")
        entry.deleted = True
        for model in (DiaryHousehold, DiaryItem):
            for row in s.scalars(
                select(model).where(model.entry_id == entry_id, model.deleted.is_(False))
            ):
                row.deleted = True
        return tx_id(s)


def restore_entry(db: Database, actor_id, entry_id: uuid.UUID) -> None:
    """Undo :func:`delete_entry`: bring back the entry with its links and items."""
    with db.transaction(actor_id) as s:
        entry = s.get(DiaryEntry, entry_id)
        if entry is None or not entry.deleted:
            raise ServiceError("这篇日记没有被删除，无需恢复")
        journal.undo_deletions(s, journal.last_deletion(s, entry_id))
