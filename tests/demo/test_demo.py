"""The demo generator: realistic, valid, journaled, searchable, deterministic."""

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import func, select

from village_desk import demo
from village_desk.core import queries
from village_desk.core.domain.errors import ServiceError
from village_desk.core.domain.lifecycle import STATUS_LABELS
from village_desk.core.domain.validation import parse_id_number, validate_phone
from village_desk.core.jobs import Cancelled, Job
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import (
    SYNCED_MODELS,
    Cadre,
    Change,
    DiaryEntry,
    DiaryItem,
    Household,
    Matter,
    Pairing,
    Person,
)

TODAY = dt.date(2026, 11, 24)


def _fresh(tmp_path, name):
    return Database.open(f"sqlite:///{tmp_path / name}", device_name=name)


@pytest.fixture(scope="module")
def village(tmp_path_factory):
    db = _fresh(tmp_path_factory.mktemp("demo"), "a.sqlite3")
    summary = demo.generate(db, households=300, seed=7, today=TODAY)
    yield db, summary
    db.close()


def _snapshot(db):
    with db.reading() as s:
        people = s.execute(
            select(Person.id, Person.name, Person.id_number, Person.phone).order_by(Person.id)
        ).all()
        matters = s.execute(
            select(Matter.id, Matter.content, Matter.status, Matter.received_date).order_by(
                Matter.id
            )
        ).all()
        entries = s.execute(
            select(DiaryEntry.id, DiaryEntry.date, DiaryEntry.narrative).order_by(DiaryEntry.id)
        ).all()
    return people, matters, entries


def test_same_seed_gives_the_same_village_and_another_seed_does_not(village, tmp_path):
    db, _ = village
    again = _fresh(tmp_path, "b.sqlite3")
    demo.generate(again, households=300, seed=7, today=TODAY)
    other = _fresh(tmp_path, "c.sqlite3")
    demo.generate(other, households=300, seed=8, today=TODAY)
    first = _snapshot(db)
    assert _snapshot(again) == first
    assert _snapshot(other)[0] != first[0]


def test_counts_match_the_summary_and_a_year_of_work(village):
    db, summary = village
    with db.reading() as s:

        def count(model):
            return s.scalar(select(func.count()).select_from(model))

        assert count(Household) == summary.households == 300
        assert count(Person) == summary.persons
        assert 2.5 <= summary.persons / 300 <= 5
        assert count(Cadre) == summary.cadres >= 5
        assert count(Pairing) == summary.pairings >= 300
        assert count(DiaryEntry) == summary.diary_entries
        assert count(Matter) == summary.matters
        assert count(DiaryItem) == summary.diary_items
        dates = s.execute(select(func.min(DiaryEntry.date), func.max(DiaryEntry.date))).one()
    assert dates[1] <= TODAY
    assert (TODAY - dates[0]).days >= 300


def test_matters_cover_every_life_cycle_state(village):
    _, summary = village
    assert set(summary.statuses) == set(STATUS_LABELS)


def test_every_id_number_and_phone_is_valid_and_ids_are_unique(village):
    db, _ = village
    with db.reading() as s:
        people = s.execute(select(Person.id_number, Person.phone, Person.birth_date)).all()
    ids = [p.id_number for p in people if p.id_number]
    assert len(ids) == len(set(ids)) >= 0.9 * len(people)
    for number, phone, birth in people:
        if number:
            parsed = parse_id_number(number)
            assert parsed.birth_date == birth
            assert dt.date(1920, 1, 1) <= parsed.birth_date <= TODAY
        if phone:
            validate_phone(phone)


def test_categories_look_like_a_real_village(village):
    db, _ = village
    with db.reading() as s:
        households = s.scalars(select(Household)).all()
    tally = Counter(code for h in households for code in h.categories)
    # 低保 and 留守老人 are present but a minority, as in a real village
    assert 0 < tally["dibao"] < 0.3 * len(households)
    assert 0 < tally["liushou_elder"] < 0.4 * len(households)


def test_every_record_has_exactly_one_insert_in_the_journal(village):
    db, _ = village
    with db.reading() as s:
        for model in SYNCED_MODELS:
            rows = s.scalar(select(func.count()).select_from(model))
            inserts = s.scalar(
                select(func.count(func.distinct(Change.record_id))).where(
                    Change.entity == model.__tablename__, Change.op == "insert"
                )
            )
            total = s.scalar(
                select(func.count()).where(
                    Change.entity == model.__tablename__, Change.op == "insert"
                )
            )
            assert rows == inserts == total, model.__tablename__
    assert run_check(db).ok


def test_generated_people_are_found_by_search(village):
    db, _ = village
    with db.reading() as s:
        person = s.scalars(
            select(Person).where(Person.phone != "").order_by(Person.id).limit(1)
        ).one()
        by_name = queries.search.search(s, person.name)
        by_phone = queries.search.search(s, person.phone[-4:])
    assert person.id in {h.person_id for h in by_name}
    assert person.id in {h.person_id for h in by_phone}


def test_township_scale_has_several_villages(tmp_path):
    db = _fresh(tmp_path, "t.sqlite3")
    summary = demo.generate(db, households=120, villages=3, seed=1, today=TODAY)
    with db.reading() as s:
        numbers = s.scalars(select(Household.number)).all()
    assert summary.villages == 3
    assert len({n.split("-")[0] for n in numbers}) == 3
    assert len(numbers) == 120
    # A township office's database: each village its own profile, and every
    # village's record in one of them (none left to the township).
    from village_desk.core import queries
    from village_desk.core.storage.models import DiaryEntry, Matter, Person

    with db.reading() as s:
        assert queries.reference.is_township(s)
        villages = {p.id for p in queries.reference.village_profiles(s)}
        assert len(villages) == 3
        for model in (Household, Person, DiaryEntry, Matter, Cadre):
            assert set(s.scalars(select(model.village_id))) == villages, model
        assert queries.rules.violations(s) == []


def test_refuses_a_database_that_already_has_households(village):
    db, _ = village
    with pytest.raises(ServiceError, match="空的数据库"):
        demo.generate(db, households=10, seed=1, today=TODAY)


@pytest.mark.parametrize("added", ["cadre", "group"])
def test_refuses_a_village_that_has_its_own_cadres_or_groups(tmp_path, added):
    """A cadre added himself in the wizard: demo data would mix invented
    households and a second 村党组织书记 into his village."""
    from village_desk.core import services

    db = _fresh(tmp_path, "real.sqlite3")
    services.setup.initialize(db, village="桃花村")
    if added == "cadre":
        services.setup.add_cadre(db, None, "李明", "secretary", "13907310001", "")
    else:
        services.setup.add_group(db, None, "一组")
    with pytest.raises(ServiceError, match="空的数据库"):
        demo.generate(db, households=10, seed=1, today=TODAY)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 0
        assert [c.name for c in s.scalars(select(Cadre))] == (["李明"] if added == "cadre" else [])


def test_cancelled_generation_leaves_the_database_empty(tmp_path):
    job = Job(lambda stage, fraction: job.cancel() if fraction > 0.5 else None)
    db = _fresh(tmp_path, "cancel.sqlite3")
    with pytest.raises(Cancelled):
        demo.generate(db, households=30, seed=1, today=TODAY, job=job)
    assert not db.read(queries.reference.is_initialized)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Change)) == 0


def test_more_than_a_township_is_refused_before_anything_is_written(tmp_path):
    db = _fresh(tmp_path, "big.sqlite3")
    with pytest.raises(ServiceError, match="最多"):
        demo.generate(db, households=99_999_999, seed=1, today=TODAY)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 0
