"""Spot-checks of diaries (抽查民情日记) and the yearly 三评: a draw anyone can
repeat from its seed, findings that say why, refusals that name the field,
and an inspector's work that writes only the spot-check tables."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import func, select

from village_desk.core import queries, services
from village_desk.core.domain.errors import ValidationError
from village_desk.core.services.assessment import AssessmentInput, SpotCheckInput
from village_desk.core.services.diary import DiaryInput
from village_desk.core.services.households import HouseholdInput, PersonInput, create_household
from village_desk.core.storage.models import Assessment, Change, DiaryEntry

TODAY = dt.date.today()
YEAR = TODAY.year - 1  # a year that is over: every date in it is in the past


def households(db, village, n):
    out = []
    for i in range(n):
        out.append(
            create_household(
                db,
                village["secretary"],
                HouseholdInput(number=f"02-{i + 1:03d}", group_id=village["g2"]),
                PersonInput(name=f"村民{i + 1}"),
                [],
            )
        )
    return out


def write(db, author, day, hids, mode="home_visit", **kw):
    eid, _ = services.diary.write_entry(
        db,
        author,
        DiaryInput(
            date=day, mode=mode, author_id=author, household_ids=hids, narrative="入户了解", **kw
        ),
    )
    return eid


@pytest.fixture
def diaries(db, village):
    """Twelve entries by the secretary and three by the grid worker in March."""
    hids = households(db, village, 4)
    mine = [
        write(db, village["secretary"], dt.date(YEAR, 3, 1 + n % 6), [hids[n % 4]])
        for n in range(12)
    ]
    theirs = [write(db, village["grid"], dt.date(YEAR, 3, 2), [hids[0]]) for _ in range(3)]
    return mine, theirs


def refused(fn, field: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        fn()
    assert caught.value.field == field, caught.value
    return caught.value


def march(village, **kw) -> SpotCheckInput:
    values = dict(
        inspector="镇纪委 刘明",
        period_start=dt.date(YEAR, 3, 1),
        period_end=dt.date(YEAR, 3, 31),
        sample_size=5,
        cadre_id=village["secretary"],
        seed=4242,
    )
    values.update(kw)
    return SpotCheckInput(**values)


def test_the_draw_is_the_seeded_sample_of_the_cadres_entries_by_date_and_id(db, village, diaries):
    mine, _ = diaries
    cid = services.assessment.draw_spot_check(db, None, march(village))
    # The rule printed on the sheet: the cadre's entries of the period,
    # ordered by date then id, and random.Random(seed).sample of positions.
    dates = db.read(lambda s: dict(s.execute(select(DiaryEntry.id, DiaryEntry.date)).all()))
    ordered = sorted(mine, key=lambda e: (dates[e], e.hex))
    expected = [ordered[i] for i in sorted(random.Random(4242).sample(range(12), 5))]
    drawn = db.read(queries.assessment.checked_entries, cid)
    assert [d.entry_id for d in drawn] == expected
    assert [d.position for d in drawn] == [1, 2, 3, 4, 5]
    assert all(d.author == "王建国" and d.finding == "" for d in drawn)
    row = db.read(queries.assessment.spot_check, cid)
    assert (row.population, row.sample_size, row.seed, row.checked) == (12, 5, 4242, 0)

    # anyone drawing again with the seed gets the same entries
    again = services.assessment.draw_spot_check(db, None, march(village))
    assert [d.entry_id for d in db.read(queries.assessment.checked_entries, again)] == expected
    # another seed, most likely another sample; never an entry of someone else
    other = services.assessment.draw_spot_check(db, None, march(village, seed=7))
    assert {d.entry_id for d in db.read(queries.assessment.checked_entries, other)} <= set(mine)


def test_a_sample_larger_than_the_diary_takes_all_of_it(db, village, diaries):
    _, theirs = diaries
    cid = services.assessment.draw_spot_check(
        db, None, march(village, cadre_id=village["grid"], sample_size=10)
    )
    assert sorted(d.entry_id for d in db.read(queries.assessment.checked_entries, cid)) == sorted(
        theirs
    )


def test_refusals_name_the_field_and_draw_nothing(db, village, diaries):
    draw = services.assessment.draw_spot_check
    refused(lambda: draw(db, None, march(village, inspector=" ")), "spot_check.inspector")
    refused(lambda: draw(db, None, march(village, sample_size=0)), "spot_check.sample_size")
    refused(
        lambda: draw(db, None, march(village, period_end=dt.date(YEAR, 2, 1))),
        "spot_check.period_end",
    )
    empty = refused(
        lambda: draw(
            db,
            None,
            march(village, period_start=dt.date(YEAR, 6, 1), period_end=dt.date(YEAR, 6, 30)),
        ),
        "spot_check.period_start",
    )
    assert "没有民情日记" in empty.message and "王建国" in empty.message
    refused(
        lambda: draw(db, None, march(village, date=TODAY + dt.timedelta(days=1))),
        "spot_check.date",
    )
    assert db.read(queries.assessment.spot_checks) == []


def test_findings_say_why_and_an_inspector_writes_only_the_spot_check_tables(db, village, diaries):
    def entities_since(seq):
        return db.read(
            lambda s: set(s.scalars(select(Change.entity).where(Change.seq > seq)).all())
        )

    def last_seq():
        return db.read(lambda s: s.scalar(select(func.max(Change.seq))))

    before = last_seq()
    cid = services.assessment.draw_spot_check(db, None, march(village))
    assert entities_since(before) == {"spot_check", "spot_check_item"}
    first, second, third, *_ = db.read(queries.assessment.checked_entries, cid)

    before = last_seq()
    services.assessment.record_finding(db, None, first.item_id, "true")
    refused(
        lambda: services.assessment.record_finding(db, None, second.item_id, "vague", " "),
        "spot_check_item.note",
    )
    refused(
        lambda: services.assessment.record_finding(db, None, second.item_id, "好"),
        "spot_check_item.finding",
    )
    services.assessment.record_finding(db, None, second.item_id, "no_follow_up", "漏雨未回访")
    services.assessment.record_finding(db, None, third.item_id, "false", "户主称当天未见干部")
    assert entities_since(before) == {"spot_check_item"}
    row = db.read(queries.assessment.spot_check, cid)
    assert (row.checked, row.findings["true"], row.true_rate) == (3, 1, pytest.approx(1 / 3))
    drawn = db.read(queries.assessment.checked_entries, cid)
    assert (drawn[1].finding, drawn[1].note) == ("no_follow_up", "漏雨未回访")

    services.assessment.clear_finding(db, None, third.item_id)
    assert db.read(queries.assessment.spot_check, cid).checked == 2
    services.assessment.delete_spot_check(db, None, cid)
    assert db.read(queries.assessment.spot_checks) == []


def test_the_three_evaluations_are_entered_checked_and_corrected(db, village):
    sec = village["secretary"]
    save = services.assessment.save_assessment

    def entry(**kw):
        values = dict(cadre_id=sec, year=YEAR)
        values.update(kw)
        return AssessmentInput(**values)

    refused(lambda: save(db, None, entry(self_score=101)), "assessment.self_score")
    refused(lambda: save(db, None, entry(leader_score=90)), "assessment.leader_name")
    refused(
        lambda: save(db, None, entry(poll_satisfied=30, poll_date=dt.date(YEAR, 12, 20))),
        "assessment.poll_satisfied",
    )
    refused(
        lambda: save(db, None, entry(poll_satisfied=30, poll_basic=5, poll_unsatisfied=1)),
        "assessment.poll_date",
    )
    refused(lambda: save(db, None, entry(year=TODAY.year + 1)), "assessment.year")
    assert db.read(queries.assessment.entered, sec, YEAR).votes == 0

    save(
        db,
        None,
        entry(
            self_score=92,
            self_text="全年走访210户次",
            leader_score=88,
            leader_name="镇党委书记 周平",
            leader_comment="走访扎实，台账及时",
            poll_satisfied=30,
            poll_basic=6,
            poll_unsatisfied=4,
            poll_date=dt.date(YEAR, 12, 20),
        ),
    )
    shown = db.read(queries.assessment.entered, sec, YEAR)
    assert (shown.votes, shown.poll_rate) == (40, pytest.approx(36 / 40))
    # one record per evaluation, the same id on every copy
    ids = {queries.assessment.assessment_id(sec, YEAR, p) for p in ("self", "leader", "poll")}
    assert db.read(lambda s: set(s.scalars(select(Assessment.id)).all())) == ids

    # a form opened before someone else's change writes only what its user changed
    base = {"self_score": 92, "leader_score": 88, "leader_comment": "走访扎实，台账及时"}
    save(
        db,
        None,
        entry(
            leader_name="镇党委书记 周平",
            leader_score=85,
            leader_comment="走访扎实，台账及时",
            self_score=92,
            poll_satisfied=30,
            poll_basic=6,
            poll_unsatisfied=4,
            poll_date=dt.date(YEAR, 12, 20),
            self_text="全年走访210户次",
        ),
        base=base,
    )
    shown = db.read(queries.assessment.entered, sec, YEAR)
    assert (shown.self_score, shown.leader_score) == (92, 85)

    services.assessment.clear_assessment(db, None, sec, YEAR)
    assert db.read(queries.assessment.entered, sec, YEAR).self_score is None
