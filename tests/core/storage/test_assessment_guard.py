"""Spot-checks and assessments are guarded like every synced record
(migration 0011): on SQLite and on PostgreSQL the services write them, a
write around the journal is refused by the database itself, the database
check finds nothing wrong, and every field a merge conflict could name
reads in Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from village_desk.core import queries, services
from village_desk.core.services.assessment import AssessmentInput, SpotCheckInput
from village_desk.core.services.diary import DiaryInput
from village_desk.core.services.households import HouseholdInput, PersonInput, create_household
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database

from .postgres_server import PostgresServer

TODAY = dt.date.today()
YEAR = TODAY.year - 1


def check_and_assess(db) -> tuple:
    wang = services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001")
    hid = create_household(db, wang, HouseholdInput(number="01-001"), PersonInput(name="张三丰"))
    for day in (3, 4, 5):
        services.diary.write_entry(
            db,
            wang,
            DiaryInput(
                date=dt.date(YEAR, 3, day),
                mode="home_visit",
                author_id=wang,
                household_ids=[hid],
                narrative="入户",
            ),
        )
    cid = services.assessment.draw_spot_check(
        db,
        None,
        SpotCheckInput(
            inspector="周平",
            period_start=dt.date(YEAR, 1, 1),
            period_end=dt.date(YEAR, 12, 31),
            sample_size=2,
            cadre_id=wang,
            seed=3,
        ),
    )
    first = db.read(queries.assessment.checked_entries, cid)[0]
    services.assessment.record_finding(db, None, first.item_id, "false", "户主称未见干部")
    services.assessment.save_assessment(
        db, wang, AssessmentInput(cadre_id=wang, year=YEAR, self_score=90, self_text="自评")
    )
    return wang, cid


def around_the_journal_is_refused(db, wang, cid) -> None:
    pg = db.engine.dialect.name != "sqlite"
    for sql in (
        "UPDATE spot_check_item SET finding = 'true' WHERE check_id = :id",
        "DELETE FROM spot_check WHERE id = :id",
        "UPDATE assessment SET self_score = 100 WHERE cadre_id = :w",
    ):
        with pytest.raises(DBAPIError, match="spot_check|assessment"), db.engine.begin() as con:
            con.execute(text(sql), {"id": cid if pg else cid.hex, "w": wang if pg else wang.hex})
    drawn = db.read(queries.assessment.checked_entries, cid)
    assert drawn[0].finding == "false" and len(drawn) == 2
    assert db.read(queries.assessment.entered, wang, YEAR).self_score == 90


def test_sqlite(db):
    wang, cid = check_and_assess(db)
    around_the_journal_is_refused(db, wang, cid)
    assert run_check(db).problems == []


@pytest.fixture(scope="module")
def server():
    srv = PostgresServer()
    yield srv
    srv.stop()


def test_postgresql(server):
    pg = Database.open(server.new_database(), device_name="乡镇服务器")
    try:
        services.setup.initialize(pg, village="桃花村", township="青山镇")
        wang, cid = check_and_assess(pg)
        around_the_journal_is_refused(pg, wang, cid)
        year = pg.read(queries.assessment.assessment_year, YEAR)
        assert [(r.name, r.checked, r.findings["false"]) for r in year.cadres] == [("王建国", 1, 1)]
        assert run_check(pg).problems == []
    finally:
        pg.close()


def test_every_field_a_conflict_can_name_reads_in_chinese():
    from village_desk.core.queries.sync import ENTITY_LABELS, _field_words
    from village_desk.core.storage.models import ENTITY_BY_TABLE

    for table in ("spot_check", "spot_check_item", "assessment"):
        assert ENTITY_LABELS[table]
        for column in ENTITY_BY_TABLE[table].__table__.columns:
            if column.name in ("id", "hlc", "deleted"):
                continue
            label = _field_words(table, column.name)
            assert any("\u4e00" <= ch <= "\u9fff" for ch in label), (table, column.name, label)
