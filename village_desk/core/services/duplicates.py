"""Settling records that two copies both created: one household registered
on two laptops (the same 户号, the same family) becomes one, in a single
journaled transaction that syncs like any edit (docs/sync.md, the rules
queue).

``merge_households(db, actor, keep, drop)`` moves everything of ``drop`` to
``keep`` and deletes ``drop``:

* members: a member of ``drop`` whose ID number (or, without one, whose name
  and relation) is already in ``keep`` is the same person — their matters
  point to the member kept and the copy is deleted; the others move over (a
  second 户主 that results stays in the queue for a person to pick);
* the household's fields: ``keep``'s values, filled in from ``drop`` where
  ``keep`` has none; categories together;
* visits (民情日记 entries), matters and pairings move over; a pairing the
  kept household already has with the same cadre and kind is ended, not
  doubled.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from ..domain.errors import ServiceError
from ..storage.db import Database
from ..storage.models import DiaryHousehold, Household, Matter, Pairing, Person
from .common import get_live


@dataclass(frozen=True)
class MergedHouseholds:
    moved_members: int
    same_members: int  # members that were the same person (copies deleted)
    visits: int
    matters: int
    pairings: int


def _same_person(a: Person, b: Person) -> bool:
    if a.id_number and b.id_number:
        return a.id_number == b.id_number
    if a.id_number or b.id_number:
        return False
    return a.name == b.name and a.relation == b.relation


def merge_households(
    db: Database, actor_id, keep_id: uuid.UUID, drop_id: uuid.UUID
) -> MergedHouseholds:
    if keep_id == drop_id:
        raise ServiceError("请选择两个不同的户")
    with db.transaction(actor_id) as s:
        keep = get_live(s, Household, keep_id, "户")
        drop = get_live(s, Household, drop_id, "户")
        for key in ("group_id", "address", "phone", "situation", "notes"):
            if not getattr(keep, key) and getattr(drop, key):
                setattr(keep, key, getattr(drop, key))
        extra = [c for c in drop.categories if c not in keep.categories]
        if extra:
            keep.categories = [*keep.categories, *extra]

        kept = list(
            s.scalars(
                select(Person).where(Person.household_id == keep_id, Person.deleted.is_(False))
            )
        )
        moved = same = 0
        for person in s.scalars(
            select(Person).where(Person.household_id == drop_id, Person.deleted.is_(False))
        ):
            twin = next((k for k in kept if _same_person(k, person)), None)
            if twin is None:
                person.household_id = keep_id
                moved += 1
                continue
            for key in ("phone", "gender", "notes"):
                if not getattr(twin, key) and getattr(person, key):
                    setattr(twin, key, getattr(person, key))
            if twin.birth_date is None and person.birth_date is not None:
                twin.birth_date = person.birth_date
            for matter in s.scalars(select(Matter).where(Matter.applicant_person_id == person.id)):
                matter.applicant_person_id = twin.id
            person.deleted = True
            same += 1

        visited = set(
            s.scalars(
                select(DiaryHousehold.entry_id).where(
                    DiaryHousehold.household_id == keep_id, DiaryHousehold.deleted.is_(False)
                )
            )
        )
        visits = 0
        for link in s.scalars(
            select(DiaryHousehold).where(
                DiaryHousehold.household_id == drop_id, DiaryHousehold.deleted.is_(False)
            )
        ):
            if link.entry_id in visited:  # the same visit, listed for both
                link.deleted = True
            else:
                link.household_id = keep_id
                visits += 1

        matters = 0
        for matter in s.scalars(select(Matter).where(Matter.household_id == drop_id)):
            matter.household_id = keep_id
            matters += 1

        open_pairs = {
            (p.cadre_id, p.kind)
            for p in s.scalars(
                select(Pairing).where(
                    Pairing.household_id == keep_id,
                    Pairing.deleted.is_(False),
                    Pairing.end_date.is_(None),
                )
            )
        }
        pairings = 0
        for pairing in s.scalars(
            select(Pairing).where(Pairing.household_id == drop_id, Pairing.deleted.is_(False))
        ):
            pairing.household_id = keep_id
            if pairing.end_date is None and (pairing.cadre_id, pairing.kind) in open_pairs:
                pairing.end_date = dt.date.today()
                pairing.reason = (pairing.reason + "；" if pairing.reason else "") + (
                    "合并重复登记的户"
                )
            else:
                pairings += 1
        drop.deleted = True
        return MergedHouseholds(moved, same, visits, matters, pairings)
