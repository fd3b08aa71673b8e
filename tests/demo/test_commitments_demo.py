"""Demo commitments and meetings look like a working village's: every active
cadre has committed this year and last, last year's are all reviewed with an
explanation and mostly kept, this year's carry progress; a 民主议政日 is held
every month, a 院坝说事会 per group each quarter, with villagers of that group;
the records pass the database check."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from village_desk import demo
from village_desk.core import queries
from village_desk.core.domain.meetings import add_months
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Cadre, Household, Person

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def village(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "a.sqlite3"
    db = Database.open(f"sqlite:///{path}", device_name="测试机")
    demo.generate(db, households=120, seed=5, today=TODAY)
    yield db
    db.close()


def test_every_active_cadre_commits_and_last_year_is_reviewed(village):
    db = village
    active = set(db.read(lambda s: s.scalars(select(Cadre.name).where(Cadre.active)).all()))
    for year in (TODAY.year - 1, TODAY.year):
        rows = db.read(queries.commitments.commitments, year)
        per_cadre = Counter(r.name for r in rows if r.cadre_id)
        assert set(per_cadre) == active and min(per_cadre.values()) >= 2, year
        assert any(r.person_id for r in rows)  # party members commit too
        for r in rows:
            if r.kind == "service":  # a 服务承诺 states measures, target, deadline
                assert r.measures and r.target and r.deadline.year == year
    last = db.read(queries.commitments.commitments, TODAY.year - 1)
    assert all(r.outcome and r.review_text and r.review_date.year == TODAY.year - 1 for r in last)
    outcomes = Counter(r.outcome for r in last)
    assert outcomes["kept"] > outcomes["partly"] + outcomes["not_kept"]  # mostly kept
    rates = [r.rate for r in db.read(queries.commitments.keeping_rates, TODAY.year - 1)]
    assert 0.6 <= sum(rates) / len(rates) < 1.0
    this = db.read(queries.commitments.commitments, TODAY.year)
    assert not any(r.outcome for r in this)  # November: not reviewed yet
    notes = [n for r in this for n in r.notes]
    assert notes and all(n.date <= TODAY and n.date.year == TODAY.year for n in notes)


def test_meetings_keep_their_rhythm(village):
    db = village
    year_ago = add_months(TODAY, -12)
    rows = db.read(queries.meetings.meetings, year_ago, TODAY)
    council = sorted(m.date for m in rows if m.kind == "council_day")
    months = {(d.year, d.month) for d in council}
    assert len(council) == len(months) >= 11  # one 民主议政日 a month
    due = {k.kind: k for k in db.read(queries.meetings.schedule, TODAY)}
    assert not due["democratic_talk"].overdue and not due["representatives"].overdue
    groups = db.read(queries.reference.groups)
    courtyard = [m for m in rows if m.kind == "courtyard"]
    assert len(courtyard) >= 3 * len(groups)  # each group about quarterly
    group_of = dict(
        db.read(
            lambda s: s.execute(
                select(Person.id, Household.group_id).join(
                    Household, Household.id == Person.household_id
                )
            ).all()
        )
    )
    for m in courtyard:  # the villagers who came live in that group
        assert m.attendees and all(group_of[a.person_id] == m.group_id for a in m.attendees)
        assert m.head_count >= len(m.attendees)
    assert any(p.outcome == "solved" and p.solution for m in rows for p in m.points)


def test_the_demo_database_passes_the_check(village):
    assert run_check(village).problems == []
