"""Commitments and meetings are guarded like every synced record (migration 0009): on
SQLite and on PostgreSQL the services write them, a write around the journal
is refused by the database itself, and the database check finds nothing
wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from village_desk.core import queries, services
from village_desk.core.services.commitments import CommitmentInput
from village_desk.core.services.meetings import MeetingInput
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database

from .postgres_server import PostgresServer

YEAR = dt.date.today().year


def commit_and_review(db) -> tuple:
    wang = services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001")
    cid = services.commitments.add_commitment(
        db,
        wang,
        CommitmentInput(year=YEAR, cadre_id=wang, kind="one_line", content="有事随叫随到"),
    )
    services.commitments.add_progress(db, wang, cid, "接办求助5次")
    services.commitments.review_commitment(db, wang, cid, "kept", "全年接办求助36次")
    services.meetings.record_meeting(
        db,
        wang,
        MeetingInput(
            kind="council_day", date=dt.date.today(), host_id=wang, place="村部", topics="通报台账"
        ),
    )
    return wang, cid


def around_the_journal_is_refused(db, cid) -> None:
    for sql in (
        "UPDATE commitment SET outcome = 'not_kept' WHERE id = :id",
        "DELETE FROM commitment_note WHERE commitment_id = :id",
        "UPDATE meeting SET head_count = 99 WHERE id <> :id",
    ):
        with pytest.raises(DBAPIError, match="commitment|meeting"), db.engine.begin() as con:
            con.execute(text(sql), {"id": cid.hex if db.engine.dialect.name == "sqlite" else cid})
    row = db.read(queries.commitments.commitment, cid)
    assert row.outcome == "kept" and [n.text for n in row.notes] == ["接办求助5次"]


def test_sqlite(db):
    _wang, cid = commit_and_review(db)
    around_the_journal_is_refused(db, cid)
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
        _wang, cid = commit_and_review(pg)
        around_the_journal_is_refused(pg, cid)
        rates = pg.read(queries.commitments.keeping_rates, YEAR)
        assert [(r.name, r.total, r.kept, r.rate) for r in rates] == [("王建国", 1, 1, 1.0)]
        assert run_check(pg).problems == []
    finally:
        pg.close()
