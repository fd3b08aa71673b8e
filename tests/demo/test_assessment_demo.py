"""Demo spot-checks and 三评 look like a township's year end: every active
cadre has a self-evaluation, a leader's comment and a villagers' poll for
the year, so every one of them has a place; each village has one spot-check
of a cadre's diary whose seed draws the same entries again, with findings
(the ones that are not 真实 explained) and one entry still to check; a
township's demo keeps each check and evaluation in its village."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from village_desk import demo
from village_desk.core import queries, services
from village_desk.core.services.assessment import SpotCheckInput
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Assessment, Cadre, SpotCheck

TODAY = dt.date(2026, 12, 18)


@pytest.fixture(scope="module")
def village(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "a.sqlite3"
    db = Database.open(f"sqlite:///{path}", device_name="测试机")
    demo.generate(db, households=120, seed=5, today=TODAY)
    yield db
    db.close()


def test_every_active_cadre_has_the_three_evaluations_and_a_place(village):
    year = village.read(queries.assessment.assessment_year, TODAY.year, TODAY)
    active = village.read(queries.reference.cadres)
    assert {r.cadre_id for r in year.cadres} == {c.id for c in active}
    for r in year.cadres:
        e = r.entered
        assert 0 <= e.self_score <= 100 and e.self_text
        assert 0 <= e.leader_score <= 100 and e.leader_name and e.leader_comment
        assert 30 <= e.votes <= 60 and e.poll_date.year == TODAY.year and e.poll_date <= TODAY
        # mostly satisfied: (满意 + 基本满意) ÷ 票数
        assert (e.poll_satisfied + e.poll_basic) / e.votes >= 0.55
    places = queries.assessment.ranked(year.cadres)
    assert all(place is not None for place, _ in places)


def test_the_spot_check_draws_again_from_its_seed_and_has_findings(village):
    (check,) = village.read(queries.assessment.spot_checks)
    assert check.date == TODAY - dt.timedelta(days=10) and check.cadre
    entries = village.read(queries.assessment.checked_entries, check.id)
    assert len(entries) == 8 and all(e.author == check.cadre for e in entries)
    assert all(check.period_start <= e.date <= check.period_end for e in entries)
    found = Counter(e.finding for e in entries)
    assert found == Counter({"true": 5, "vague": 1, "no_follow_up": 1, "": 1})
    assert all(e.note for e in entries if e.finding not in ("true", ""))
    assert check.true_rate == pytest.approx(5 / 7)  # 真实 ÷ entries with a finding

    again = services.assessment.draw_spot_check(
        village,
        None,
        SpotCheckInput(
            inspector="复核",
            period_start=check.period_start,
            period_end=check.period_end,
            sample_size=check.sample_size,
            cadre_id=check.cadre_id,
            seed=check.seed,
        ),
        today=TODAY,
    )
    redrawn = village.read(queries.assessment.checked_entries, again)
    assert [e.entry_id for e in redrawn] == [e.entry_id for e in entries]
    assert village.read(queries.assessment.spot_check, again).population == check.population
    services.assessment.delete_spot_check(village, None, again)

    # the findings count in the cadre's year
    year = village.read(queries.assessment.assessment_year, TODAY.year, TODAY)
    (row,) = [r for r in year.cadres if r.cadre_id == check.cadre_id]
    assert row.checked == 7 and row.findings["vague"] == 1


def test_a_township_demo_keeps_them_in_their_villages(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 't.sqlite3'}", device_name="测试机")
    try:
        demo.generate(db, households=60, villages=2, seed=2, today=TODAY)
        checks = db.read(queries.assessment.spot_checks)
        assert len(checks) == 2
        year = db.read(queries.assessment.assessment_year, TODAY.year, TODAY)
        villages = queries.assessment.villages_of(year)
        assert all(v.poll_satisfied + v.poll_basic + v.poll_unsatisfied for v in villages)
        # each check and evaluation in the village of the cadre it is about
        cadre_village = dict(db.read(lambda s: s.execute(select(Cadre.id, Cadre.village_id)).all()))
        rows = db.read(
            lambda s: (
                s.execute(select(SpotCheck.cadre_id, SpotCheck.village_id)).all()
                + s.execute(select(Assessment.cadre_id, Assessment.village_id)).all()
            )
        )
        assert rows and all(where == cadre_village[cid] is not None for cid, where in rows)
        assert run_check(db).problems == []
    finally:
        db.close()


def test_the_demo_database_passes_the_check(village):
    assert run_check(village).problems == []
