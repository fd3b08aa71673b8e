"""Household, member and pairing services (户情, 联户). The only writers.

Reads are in ``queries/households.py``; the search keys and household figures
follow by themselves (``storage/derived``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import ServiceError, ValidationError
from ..domain.validation import not_future, optional_phone, parse_id_number, require
from ..storage import journal, villages
from ..storage.db import Database
from ..storage.models import Cadre, Household, Pairing, Person, VillagerGroup
from .common import check_code, edit_only_changes, get_live, live_village


@dataclass
class PersonInput:
    name: str
    relation: str = "head"
    gender: str = ""
    birth_date: dt.date | None = None
    id_number: str = ""
    phone: str = ""
    status: str = "home"
    party_member: bool = False
    tags: list[str] = field(default_factory=list)
    notes: str = ""


@dataclass
class HouseholdInput:
    number: str
    group_id: uuid.UUID | None = None
    address: str = ""
    phone: str = ""
    categories: list[str] = field(default_factory=list)
    situation: str = ""
    notes: str = ""
    # A township office's database: the village a new household belongs to
    # (required there). A village copy's households are its own; a
    # household's village is not changed by an edit.
    village_id: uuid.UUID | None = None


# ------------------------------------------------------------------ validation


def clean_person(s: Session, data: PersonInput, person_id: uuid.UUID | None = None) -> dict:
    """Validated column values for a person, or ValidationError naming the field."""
    values = {
        "name": require(data.name, "person.name"),
        "relation": check_code(s, "relation", data.relation, "person.relation", allow_retired=True),
        "gender": data.gender or "",
        "birth_date": data.birth_date,
        "id_number": "",
        "id_legacy": False,
        "phone": optional_phone(data.phone, "person.phone"),
        "status": check_code(
            s, "person_status", data.status or "home", "person.status", allow_retired=True
        ),
        "party_member": bool(data.party_member),
        "tags": [
            check_code(s, "person_tag", t, "person.tags", allow_retired=True) for t in data.tags
        ],
        "notes": (data.notes or "").strip(),
    }
    if values["gender"] not in ("", "男", "女"):
        raise ValidationError("person.gender", "应为“男”或“女”")
    if (data.id_number or "").strip():
        parsed = parse_id_number(data.id_number)
        if values["birth_date"] and values["birth_date"] != parsed.birth_date:
            raise ValidationError(
                "person.birth_date",
                f"与身份证号中的出生日期（{parsed.birth_date.isoformat()}）不一致",
            )
        if values["gender"] and values["gender"] != parsed.gender:
            raise ValidationError("person.gender", f"与身份证号不一致（号码显示为{parsed.gender}）")
        values.update(
            id_number=parsed.number,
            id_legacy=parsed.legacy,
            birth_date=parsed.birth_date,
            gender=parsed.gender,
        )
        _id_number_free(s, parsed.number, person_id)
    if values["birth_date"]:
        not_future(values["birth_date"], "person.birth_date")
    return values


def _id_number_free(s: Session, number: str, person_id: uuid.UUID | None) -> None:
    q = (
        select(Person.name, Household.number)
        .join(Household, Household.id == Person.household_id)
        .where(Person.id_number == number, Person.deleted.is_(False))
    )
    if person_id:
        q = q.where(Person.id != person_id)
    other = s.execute(q).first()
    if other:
        raise ValidationError("person.id_number", f"已登记在户号 {other[1]} 的 {other[0]} 名下")


def _household_village(s: Session, data: HouseholdInput, household_id) -> uuid.UUID | None:
    """The village the household is (or will be) in: its own when it exists;
    a new one's is this copy's village, or at a township office the one chosen."""
    if household_id is not None:
        return s.scalar(select(Household.village_id).where(Household.id == household_id))
    if villages.is_township(s):
        return live_village(s, data.village_id, "household.village_id")
    return villages.home_village(s)


def clean_household(s: Session, data: HouseholdInput, household_id=None) -> dict:
    """Validated column values; a new household's also carry its village.
    户号 are unique within a village: two villages of a township may both
    have a 01-001."""
    number = require(data.number, "household.number")
    village = _household_village(s, data, household_id)
    dup = select(Household.id).where(Household.number == number, Household.deleted.is_(False))
    if village is not None:
        dup = dup.where(Household.village_id == village)
    if household_id:
        dup = dup.where(Household.id != household_id)
    if s.scalar(dup):
        raise ValidationError("household.number", f"户号 {number} 已存在")
    if data.group_id is not None:
        group = get_live(s, VillagerGroup, data.group_id, "村民小组")
        if village is not None and group.village_id not in (None, village):
            raise ValidationError("household.group_id", "该村民小组不属于这户所在的村")
    cats = []
    for code in data.categories:
        check_code(s, "household_category", code, "household.categories", allow_retired=True)
        if code not in cats:
            cats.append(code)
    return {
        "number": number,
        "group_id": data.group_id,
        "address": (data.address or "").strip(),
        "phone": optional_phone(data.phone, "household.phone"),
        "categories": cats,
        "situation": (data.situation or "").strip(),
        "notes": (data.notes or "").strip(),
        **({"village_id": village} if household_id is None else {}),
    }


# ------------------------------------------------------------------ households


def create_household(
    db: Database,
    actor_id: uuid.UUID | None,
    data: HouseholdInput,
    head: PersonInput,
    members: list[PersonInput] = (),
) -> uuid.UUID:
    """A household with its head (户主) and any further members, all or nothing."""
    with db.transaction(actor_id) as s:
        household = Household(**clean_household(s, data))
        s.add(household)
        s.flush()
        if head.relation != "head":
            raise ValidationError("person.relation", "第一位成员应为户主")
        for i, member in enumerate([head, *members]):
            if i and member.relation == "head":
                raise ValidationError("person.relation", f"{member.name}：一户只能有一位户主")
            try:
                person = Person(household_id=household.id, **clean_person(s, member))
            except ValidationError as err:
                raise ValidationError(
                    err.field, f"{member.name or f'第{i + 1}位成员'}：{err.message}"
                ) from None
            s.add(person)
            s.flush()
        return household.id


def update_household(
    db: Database,
    actor_id,
    household_id: uuid.UUID,
    data: HouseholdInput,
    base: Mapping | None = None,
) -> None:
    """Correct a household. ``base`` is the household as the form showed it:
    then only what the user changed is written (see ``edit_only_changes``)."""
    with db.transaction(actor_id) as s:
        household = get_live(s, Household, household_id, "户")
        values = clean_household(s, data, household_id)
        values = edit_only_changes(household, values, base, "household", lists=("categories",))
        for key, value in values.items():
            setattr(household, key, value)


def delete_household(db: Database, actor_id, household_id: uuid.UUID) -> None:
    """Tombstone the household with its members and pairings (undo: restore)."""
    with db.transaction(actor_id) as s:
        household = get_live(s, Household, household_id, "户")
        household.deleted = True
        for obj in _children(s, household_id):
            obj.deleted = True


def restore_household(db: Database, actor_id, household_id: uuid.UUID) -> None:
    """Undo :func:`delete_household`: bring back what that deletion removed."""
    with db.transaction(actor_id) as s:
        household = s.get(Household, household_id)
        if household is None or not household.deleted:
            raise ServiceError("该户没有被删除，无需恢复")
        journal.undo_deletions(s, journal.last_deletion(s, household_id))
        # What comes back must not clash with what was entered meanwhile.
        clean_household(s, HouseholdInput(number=household.number), household_id)
        for person in _children(s, household_id):
            if isinstance(person, Person) and person.id_number:
                _id_number_free(s, person.id_number, person.id)


def _children(s: Session, household_id, deleted: bool = False):
    for model in (Person, Pairing):
        yield from s.scalars(
            select(model).where(model.household_id == household_id, model.deleted.is_(deleted))
        )


# ------------------------------------------------------------------ members


def add_person(db: Database, actor_id, household_id: uuid.UUID, data: PersonInput) -> uuid.UUID:
    with db.transaction(actor_id) as s:
        get_live(s, Household, household_id, "户")
        if data.relation == "head" and _head(s, household_id) is not None:
            raise ValidationError(
                "person.relation", "该户已有户主；如需更换户主，请先修改原户主的关系"
            )
        person = Person(household_id=household_id, **clean_person(s, data))
        s.add(person)
        s.flush()
        return person.id


def update_person(
    db: Database, actor_id, person_id: uuid.UUID, data: PersonInput, base: Mapping | None = None
) -> None:
    """Correct a member; with ``base`` (the member as the form showed it) only
    what the user changed is written."""
    with db.transaction(actor_id) as s:
        person = get_live(s, Person, person_id, "成员")
        values = edit_only_changes(
            person, clean_person(s, data, person_id), base, "person", lists=("tags",)
        )
        values.setdefault("relation", person.relation)
        if values["relation"] == "head" and person.relation != "head":
            old = _head(s, person.household_id)
            if old is not None:
                raise ValidationError("person.relation", f"该户户主是 {old.name}；请先修改其关系")
        for key, value in values.items():
            setattr(person, key, value)


def delete_person(db: Database, actor_id, person_id: uuid.UUID) -> None:
    with db.transaction(actor_id) as s:
        person = get_live(s, Person, person_id, "成员")
        if person.relation == "head":
            others = s.scalar(
                select(func.count())
                .select_from(Person)
                .where(
                    Person.household_id == person.household_id,
                    Person.deleted.is_(False),
                    Person.id != person_id,
                )
            )
            if others:
                raise ServiceError("不能删除户主：请先把其他成员设为户主，或删除整户")
        person.deleted = True


def restore_person(db: Database, actor_id, person_id: uuid.UUID) -> None:
    with db.transaction(actor_id) as s:
        person = s.get(Person, person_id)
        if person is None or not person.deleted:
            raise ServiceError("该成员没有被删除，无需恢复")
        get_live(s, Household, person.household_id, "户")
        if person.id_number:
            _id_number_free(s, person.id_number, person_id)
        person.deleted = False


def _head(s: Session, household_id) -> Person | None:
    return s.scalars(
        select(Person).where(
            Person.household_id == household_id,
            Person.relation == "head",
            Person.deleted.is_(False),
        )
    ).first()


# ------------------------------------------------------------------ pairings


def pair_cadre(
    db: Database,
    actor_id,
    household_id: uuid.UUID,
    cadre_id: uuid.UUID,
    kind: str = "cadre_household",
    start_date: dt.date | None = None,
    reason: str = "",
) -> uuid.UUID:
    with db.transaction(actor_id) as s:
        get_live(s, Household, household_id, "户")
        cadre = get_live(s, Cadre, cadre_id, "干部")
        check_code(s, "pairing_kind", kind, "pairing.kind")
        start = start_date or dt.date.today()
        current = s.scalar(
            select(Pairing.id).where(
                Pairing.household_id == household_id,
                Pairing.cadre_id == cadre_id,
                Pairing.end_date.is_(None),
                Pairing.deleted.is_(False),
            )
        )
        if current:
            raise ValidationError("pairing.cadre_id", f"{cadre.name} 已与该户结对")
        pairing = Pairing(
            household_id=household_id,
            cadre_id=cadre_id,
            kind=kind,
            start_date=start,
            reason=reason.strip(),
        )
        s.add(pairing)
        s.flush()
        return pairing.id


def end_pairing(
    db: Database, actor_id, pairing_id: uuid.UUID, end_date: dt.date, reason: str
) -> None:
    """Pairings change over time (能进能出): end one with a date and a reason."""
    reason = require(reason, "pairing.end_reason")
    with db.transaction(actor_id) as s:
        pairing = get_live(s, Pairing, pairing_id, "结对")
        if pairing.end_date is not None:
            raise ServiceError("该结对已经结束")
        if end_date < pairing.start_date:
            raise ValidationError(
                "pairing.end_date", f"不能早于开始日期 {pairing.start_date.isoformat()}"
            )
        pairing.end_date = end_date
        pairing.reason = (pairing.reason + "\n" if pairing.reason else "") + reason
