"""Disputes, their parties and mediations are guarded like every synced record
(migration 0010): on SQLite and on PostgreSQL the services write them, a
write around the journal is refused by the database itself, and the
database check finds nothing wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from village_desk.core import queries, services
from village_desk.core.services.disputes import DisputeInput, PartyInput, SessionInput
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database

from .postgres_server import PostgresServer

TODAY = dt.date.today()


def mediate(db):
    wang = services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001")
    did = services.disputes.register_dispute(
        db,
        wang,
        DisputeInput(
            type="neighbour",
            summary="鸡鸭啄食菜地",
            responsible_id=wang,
            parties=[PartyInput("applicant", name="甲"), PartyInput("respondent", name="乙")],
        ),
    )
    services.disputes.add_session(
        db, wang, did, SessionInput(TODAY, "村部", [wang], agreed=True, notes="赔偿菜苗")
    )
    services.disputes.record_outcome(db, wang, did, "success", agreement_text="乙赔偿甲50元")
    return did


def around_the_journal_is_refused(db, did) -> None:
    key = did.hex if db.engine.dialect.name == "sqlite" else did
    for sql in (
        "UPDATE dispute SET outcome = 'failed' WHERE id = :id",
        "DELETE FROM dispute_party WHERE dispute_id = :id",
        "UPDATE mediation_session SET agreed = false WHERE dispute_id = :id",
    ):
        with pytest.raises(DBAPIError, match="dispute|mediation"), db.engine.begin() as con:
            con.execute(text(sql), {"id": key})
    row = db.read(queries.disputes.dispute, did)
    assert row.outcome == "success" and len(row.parties) == 2 and row.sessions[0].agreed


def test_sqlite(db):
    did = mediate(db)
    around_the_journal_is_refused(db, did)
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
        did = mediate(pg)
        around_the_journal_is_refused(pg, did)
        assert run_check(pg).problems == []
    finally:
        pg.close()
