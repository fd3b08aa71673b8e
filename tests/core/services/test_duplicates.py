"""One family registered on two laptops becomes one household again.

Two copies of a village (a copied folder: a new device) each register
户号 01-020 for the same family offline; one also records the spouse, a
visit and a matter. After they exchange, the rules queue lists the
duplicate 户号 and ID number; merging the two households on one laptop
settles both, keeps everything that was recorded, and reaches the other
laptop like any edit."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sqlalchemy import select

from tests.helpers import make_id
from village_desk.core import queries, services
from village_desk.core.domain.errors import ServiceError
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.services.ledger import MatterInput
from village_desk.core.storage import merge
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import DiaryHousehold, Household, Matter, Pairing, Person

HEAD_ID = make_id("19610203", "051")
SPOUSE_ID = make_id("19640708", "062")


@pytest.fixture
def two_laptops(tmp_path):
    seed = tmp_path / "seed.sqlite3"
    db = Database.open(f"sqlite:///{seed}")
    services.setup.initialize(db, village="桃花村", township="青山镇", county="隆回县")
    cadre = services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001")
    db.close()
    copies = []
    for name in ("a", "b"):
        shutil.copy(seed, tmp_path / f"{name}.sqlite3")
        copies.append(Database.open(f"sqlite:///{tmp_path / f'{name}.sqlite3'}"))
    yield (*copies, cadre)
    for c in copies:
        c.close()


def register(db, cadre, phone="") -> tuple:
    hid = services.households.create_household(
        db,
        cadre,
        HouseholdInput(number="01-020", phone=phone, categories=["dibao"]),
        PersonInput(name="李大山", id_number=HEAD_ID),
    )
    with db.reading() as s:
        head = s.scalar(select(Person.id).where(Person.household_id == hid))
    return hid, head


def exchange(a, b) -> None:
    merge.merge(b, merge.export_changes(a))
    merge.merge(a, merge.export_changes(b))


def live_members(db, hid) -> dict[str, str]:
    with db.reading() as s:
        rows = s.execute(
            select(Person.name, Person.relation).where(
                Person.household_id == hid, Person.deleted.is_(False)
            )
        )
        return dict(rows.all())


def test_merging_a_family_registered_twice(two_laptops):
    a, b, cadre = two_laptops
    keep, kept_head = register(a, cadre)
    drop, dropped_head = register(b, cadre, phone="13812340000")
    services.households.add_person(
        b, cadre, drop, PersonInput(name="王小花", relation="spouse", id_number=SPOUSE_ID)
    )
    services.households.pair_cadre(b, cadre, drop, cadre, "cadre_household", dt.date.today())
    services.households.pair_cadre(a, cadre, keep, cadre, "cadre_household", dt.date.today())
    entry, _ = services.diary.write_entry(
        b,
        cadre,
        services.diary.DiaryInput(
            date=dt.date.today(),
            mode="home_visit",
            author_id=cadre,
            household_ids=[drop],
            narrative="入户了解低保复核情况",
        ),
    )
    matter = services.ledger.register_matter(
        b,
        cadre,
        MatterInput(
            content="低保年审材料代办",
            responsible_id=cadre,
            household_id=drop,
            applicant_person_id=dropped_head,
            applicant_name="李大山",
            kind="hardship",
        ),
    )
    exchange(a, b)
    kinds = {v.kind for v in a.read(queries.rules.violations)}
    assert {"household_number", "id_number"} <= kinds

    done = services.duplicates.merge_households(a, cadre, keep, drop)
    assert (done.moved_members, done.same_members, done.visits, done.matters) == (1, 1, 1, 1)
    assert a.read(queries.rules.violations) == []
    assert live_members(a, keep) == {"李大山": "head", "王小花": "spouse"}
    with a.reading() as s:
        assert s.get(Household, drop).deleted
        assert s.get(Household, keep).phone == "13812340000"  # filled in from the copy
        m = s.get(Matter, matter)
        assert (m.household_id, m.applicant_person_id) == (keep, kept_head)
        assert (
            s.scalar(select(DiaryHousehold.household_id).where(DiaryHousehold.entry_id == entry))
            == keep
        )
        open_pairings = s.scalars(
            select(Pairing).where(
                Pairing.household_id == keep,
                Pairing.deleted.is_(False),
                Pairing.end_date.is_(None),
            )
        ).all()
        assert len(open_pairings) == 1
    # The other laptop gets the merge like any edit.
    exchange(a, b)
    assert b.read(queries.rules.violations) == []
    assert live_members(b, keep) == {"李大山": "head", "王小花": "spouse"}
    assert merge.digest(a) == merge.digest(b)


def test_a_household_is_not_merged_with_itself_or_a_deleted_one(two_laptops):
    a, _b, cadre = two_laptops
    keep, _ = register(a, cadre)
    with pytest.raises(ServiceError, match="两个不同的户"):
        services.duplicates.merge_households(a, cadre, keep, keep)
    other = services.households.create_household(
        a, cadre, HouseholdInput(number="01-021"), PersonInput(name="赵六")
    )
    services.households.delete_household(a, cadre, other)
    before = merge.digest(a)
    with pytest.raises(ServiceError, match="找不到该户"):
        services.duplicates.merge_households(a, cadre, keep, other)
    assert merge.digest(a) == before
