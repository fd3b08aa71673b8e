"""The rules a household's members can break only across two laptops (each
edit was valid where it was made): two heads, no head, members of a
deleted household. After the laptops exchange, the rules queue names each
household by its 户号 and says what is wrong, on both laptops; the
households that keep the rules are not listed."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select

from village_desk.core import queries, services
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage import merge
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Person


@pytest.fixture
def laptops(tmp_path):
    """Two copies of a village holding 01-001 (head 李大山, spouse 王秀英,
    son 李小军) and 01-002 (head 张国强), which keeps every rule."""
    seed = tmp_path / "seed.sqlite3"
    db = Database.open(f"sqlite:///{seed}")
    services.setup.initialize(db, village="桃花村", township="青山镇", county="隆回县")
    hid = services.households.create_household(
        db,
        None,
        HouseholdInput(number="01-001"),
        PersonInput(name="李大山"),
        [
            PersonInput(name="王秀英", relation="spouse"),
            PersonInput(name="李小军", relation="child"),
        ],
    )
    services.households.create_household(
        db, None, HouseholdInput(number="01-002"), PersonInput(name="张国强")
    )
    db.close()
    copies = []
    for name in ("a", "b"):
        shutil.copy(seed, tmp_path / f"{name}.sqlite3")
        copies.append(Database.open(f"sqlite:///{tmp_path / f'{name}.sqlite3'}"))
    yield (*copies, hid)
    for c in copies:
        c.close()


def member(db, name):
    with db.reading() as s:
        return s.scalar(select(Person.id).where(Person.name == name))


def relation(db, name, code):
    services.households.update_person(
        db, None, member(db, name), PersonInput(name=name, relation=code)
    )


def exchange(a, b):
    merge.merge(b, merge.export_changes(a))
    merge.merge(a, merge.export_changes(b))


def listed(db):
    return [(v.kind, str(v)) for v in db.read(queries.rules.violations)]


def test_two_laptops_each_choosing_a_new_head_leave_two(laptops):
    a, b, _hid = laptops
    relation(a, "李大山", "parent")  # A: the wife takes over
    relation(a, "王秀英", "head")
    relation(b, "李大山", "parent")  # B: the son takes over
    relation(b, "李小军", "head")
    exchange(a, b)
    expected = [("heads", "一户多个户主：户号 01-001 有 2 位户主")]
    assert listed(a) == expected and listed(b) == expected


def test_a_head_changed_on_one_laptop_and_undone_on_the_other_leaves_none(laptops):
    a, b, _hid = laptops
    relation(a, "李大山", "parent")
    relation(a, "王秀英", "head")
    exchange(a, b)
    relation(b, "王秀英", "spouse")  # B sets her back; A's 李大山 stays 父母
    exchange(a, b)
    expected = [("no_head", "户没有户主：户号 01-001 没有户主")]
    assert listed(a) == expected and listed(b) == expected


def test_a_member_added_to_a_household_deleted_elsewhere_is_listed(laptops):
    a, b, hid = laptops
    services.households.delete_household(a, None, hid)
    services.households.add_person(b, None, hid, PersonInput(name="李小红", relation="child"))
    exchange(a, b)
    expected = [("orphan_member", "已删除的户还有成员：户号 01-001 已删除，仍有 1 名成员")]
    assert listed(a) == expected and listed(b) == expected


def test_households_that_keep_the_rules_are_not_listed(laptops):
    a, b, _hid = laptops
    relation(a, "李大山", "parent")
    relation(a, "王秀英", "head")
    exchange(a, b)
    assert listed(a) == [] and listed(b) == []
