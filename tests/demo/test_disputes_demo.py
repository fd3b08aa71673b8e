"""Demo disputes look like a village's 矛盾纠纷排查调处台账: every ending
occurs (调解成功, 转司法所, 转信访, 未成功) and some are still under
mediation, one of them 久调不决; each dispute's matter in the 民情台账 is
where its outcome puts it (DOMAIN: 调解成功 → 已办结, 转… → 已上报 to that
office, 未成功 → 暂不能解决); a settled one has a mediation where the parties
agreed and the agreement's text; mediations fall between receipt and the
outcome; a township's villages each have theirs; the same seed gives the
same disputes; the records pass the database check."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from village_desk import demo
from village_desk.core import queries
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Dispute, Matter

TODAY = dt.date(2026, 11, 24)
LEDGER_STATUS = {  # the outcome's place in the ledger (DOMAIN.md §4, issue 16 item 2)
    "success": ("done",),
    "judicial": ("forwarded",),
    "petition": ("forwarded",),
    "failed": ("unresolvable",),
    "": ("registered", "in_progress"),
}


def generate(path, seed: int = 5, villages: int = 1, households: int = 120) -> Database:
    db = Database.open(f"sqlite:///{path}", device_name="测试机")
    demo.generate(db, households=households, villages=villages, seed=seed, today=TODAY)
    return db


@pytest.fixture(scope="module")
def village(tmp_path_factory):
    db = generate(tmp_path_factory.mktemp("demo") / "a.sqlite3")
    yield db
    db.close()


def test_every_ending_and_one_long_unresolved(village):
    rows = village.read(queries.disputes.disputes, today=TODAY)
    assert {r.outcome for r in rows} == {"", "success", "judicial", "petition", "failed"}
    assert len({r.type for r in rows}) >= 6
    open_ = [r for r in rows if not r.outcome]
    # 久调不决: no outcome more than 30 days (the default) after receipt
    overdue = [r for r in open_ if (TODAY - r.received_date).days > 30]
    assert len(overdue) == 1 and [r for r in rows if r.overdue] == overdue
    assert any(not r.sessions for r in open_)  # one just registered, not mediated yet
    assert any(r.sessions for r in open_ if not r.overdue)


def test_the_ledger_follows_each_outcome(village):
    rows = village.read(queries.disputes.disputes, today=TODAY)
    matters = {m.id: m for m in village.read(lambda s: s.scalars(select(Matter)).all())}
    for r in rows:
        m = matters[r.matter_id]
        assert m.status in LEDGER_STATUS[r.outcome], (r.number, r.outcome, m.status)
        assert not m.public  # a quarrel is not posted
        assert len(r.side("applicant")) >= 1 and len(r.side("respondent")) >= 1
        assert m.applicant_name == r.side("applicant")[0].name
        ended = r.outcome_date or TODAY
        assert all(r.received_date <= s.date <= ended for s in r.sessions), r.number
        assert all(s.mediators and s.place and s.notes for s in r.sessions), r.number
        if r.outcome == "success":
            assert r.agreement_text and any(s.agreed for s in r.sessions)
            assert m.result.endswith(r.agreement_text) and m.done_date == r.outcome_date
        elif r.outcome in ("judicial", "petition"):
            office = {"judicial": "司法所", "petition": "信访办"}[r.outcome]
            assert office in m.forwarded_to and r.outcome_note
        elif r.outcome == "failed":
            assert r.sessions and r.outcome_note and m.explanation == r.outcome_note
        else:
            assert m.status == ("in_progress" if r.sessions else "registered")


def test_the_demo_database_passes_the_check(village):
    assert run_check(village).problems == []


def test_same_seed_same_disputes_and_a_township_has_them_per_village(tmp_path):
    def shape(db):
        return [
            (r.type, r.summary, r.outcome, r.received_date, len(r.sessions), r.party_names)
            for r in db.read(queries.disputes.disputes, today=TODAY)
        ]

    a, b = generate(tmp_path / "a.sqlite3"), generate(tmp_path / "b.sqlite3")
    try:
        assert shape(a) == shape(b)
    finally:
        a.close()
        b.close()
    township = generate(tmp_path / "t.sqlite3", villages=3, households=150)
    try:
        rows = township.read(queries.disputes.disputes, today=TODAY)
        villages = {r.village for r in rows}
        assert len(villages) == 3 and "" not in villages
        # each village's disputes are between its own people
        for r in rows:
            prefixes = {p.household.split("-")[0] for p in r.parties if p.household}
            assert len(prefixes) == 1, r.number
        assert township.read(lambda s: s.scalars(select(Dispute.village_id)).all())
    finally:
        township.close()
