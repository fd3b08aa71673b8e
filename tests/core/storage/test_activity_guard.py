"""Activity records (宣讲活动、联动服务、实事工程, migration 0012) are guarded
like every synced record: on SQLite and on PostgreSQL the services write
them, a write around the journal is refused by the database itself, the
database check finds nothing wrong, and every field a merge conflict could
name reads in Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from village_desk.core import queries, services
from village_desk.core.services.activities import ActivityInput
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database

from .postgres_server import PostgresServer

DAY = dt.date.today() - dt.timedelta(days=3)


def record(db):
    wang = services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001")
    aid = services.activities.record_activity(
        db,
        wang,
        ActivityInput(
            kind="joint_service",
            date=DAY,
            title="联合办公日：社保、民政、农业站上门服务",
            place="村部",
            cadre_ids=[wang],
            head_count=60,
        ),
    )
    return wang, aid


def around_the_journal_is_refused(db, aid) -> None:
    pg = db.engine.dialect.name != "sqlite"
    for sql in (
        "UPDATE activity SET head_count = 600 WHERE id = :id",
        "DELETE FROM activity WHERE id = :id",
    ):
        with pytest.raises(DBAPIError, match="activity"), db.engine.begin() as con:
            con.execute(text(sql), {"id": aid if pg else aid.hex})
    (found,) = db.read(queries.six_ones.activities)
    assert (found.id, found.head_count) == (aid, 60)


def test_sqlite(db):
    wang, aid = record(db)
    around_the_journal_is_refused(db, aid)
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
        wang, aid = record(pg)
        around_the_journal_is_refused(pg, aid)
        rows = pg.read(queries.six_ones.six_ones, DAY.year)
        assert [(r.name, r.counts["joint_service"]) for r in rows] == [("王建国", 1)]
        assert run_check(pg).problems == []
    finally:
        pg.close()


def test_every_field_a_conflict_can_name_reads_in_chinese():
    from village_desk.core.queries.sync import ENTITY_LABELS, _field_words
    from village_desk.core.storage.models import ENTITY_BY_TABLE

    assert ENTITY_LABELS["activity"]
    for column in ENTITY_BY_TABLE["activity"].__table__.columns:
        if column.name in ("id", "hlc", "deleted"):
            continue
        label = _field_words("activity", column.name)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in label), (column.name, label)
