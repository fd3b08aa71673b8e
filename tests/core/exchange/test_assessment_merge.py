"""Spot-checks and the yearly assessment travel between the laptops of one
village like every record: findings entered on two laptops offline come
whole from one of them (never one laptop's finding with the other's note),
and a cadre's 三评 entered on two laptops is one record that keeps what each
entered — the self-evaluation from one, the villagers' votes from the other."""

from __future__ import annotations

import datetime as dt

from tests.core.exchange.test_package import Copy, add_household
from village_desk.core import queries, services
from village_desk.core.services.assessment import AssessmentInput, SpotCheckInput
from village_desk.core.services.diary import DiaryInput

TODAY = dt.date.today()
YEAR = TODAY.year - 1


def test_two_laptops_record_findings_offline_and_converge(tmp_path):
    a, b = Copy(tmp_path, "a"), Copy(tmp_path, "b")
    wang = services.setup.add_cadre(a.db, None, "王建国", "secretary", "13907310001")
    hid = add_household(a, "01-001", "张三丰")
    for day in range(1, 6):
        services.diary.write_entry(
            a.db,
            wang,
            DiaryInput(
                date=dt.date(YEAR, 4, day),
                mode="home_visit",
                author_id=wang,
                household_ids=[hid],
                narrative="入户",
            ),
        )
    cid = services.assessment.draw_spot_check(
        a.db,
        None,
        SpotCheckInput(
            inspector="周平",
            period_start=dt.date(YEAR, 1, 1),
            period_end=dt.date(YEAR, 12, 31),
            sample_size=3,
            cadre_id=wang,
            seed=99,
        ),
    )
    b.take(a.export(tmp_path / "1.vdx").path)
    a.take(b.export(tmp_path / "2.vdx").path)
    first, second, third = b.db.read(queries.assessment.checked_entries, cid)

    # offline: both judge the first entry, each judges one more
    services.assessment.record_finding(a.db, None, first.item_id, "vague", "只写了入户二字")
    services.assessment.record_finding(b.db, None, first.item_id, "true")
    services.assessment.record_finding(a.db, None, second.item_id, "true")
    services.assessment.record_finding(b.db, None, third.item_id, "no_follow_up", "漏雨未回访")
    b.take(a.export(tmp_path / "3.vdx").path)
    a.take(b.export(tmp_path / "4.vdx").path)
    assert a.digest == b.digest
    on_a = a.db.read(queries.assessment.checked_entries, cid)
    assert (on_a[0].finding, on_a[0].note) in {("vague", "只写了入户二字"), ("true", "")}
    assert [(e.finding, e.note) for e in on_a[1:]] == [("true", ""), ("no_follow_up", "漏雨未回访")]
    assert a.db.read(queries.assessment.spot_check, cid).checked == 3
    for copy in (a, b):
        copy.db.close()


def test_two_laptops_enter_one_cadres_year_offline_and_keep_both(tmp_path):
    a, b = Copy(tmp_path, "a"), Copy(tmp_path, "b")
    wang = services.setup.add_cadre(a.db, None, "王建国", "secretary", "13907310001")
    b.take(a.export(tmp_path / "1.vdx").path)
    a.take(b.export(tmp_path / "2.vdx").path)

    services.assessment.save_assessment(
        a.db,
        wang,
        AssessmentInput(cadre_id=wang, year=YEAR, self_score=92, self_text="走访210户次"),
    )
    services.assessment.save_assessment(
        b.db,
        wang,
        AssessmentInput(
            cadre_id=wang,
            year=YEAR,
            poll_satisfied=30,
            poll_basic=6,
            poll_unsatisfied=4,
            poll_date=dt.date(YEAR, 12, 28),
        ),
    )
    b.take(a.export(tmp_path / "3.vdx").path)
    a.take(b.export(tmp_path / "4.vdx").path)
    assert a.digest == b.digest
    for copy in (a, b):
        shown = copy.db.read(queries.assessment.entered, wang, YEAR)
        assert (shown.self_score, shown.self_text) == (92, "走访210户次")
        assert (shown.poll_satisfied, shown.poll_basic, shown.poll_unsatisfied) == (30, 6, 4)

    # both correct the votes offline: the three counts come whole from one
    services.assessment.save_assessment(
        a.db,
        wang,
        AssessmentInput(
            cadre_id=wang,
            year=YEAR,
            self_score=92,
            self_text="走访210户次",
            poll_satisfied=31,
            poll_basic=6,
            poll_unsatisfied=3,
            poll_date=dt.date(YEAR, 12, 28),
        ),
    )
    services.assessment.save_assessment(
        b.db,
        wang,
        AssessmentInput(
            cadre_id=wang,
            year=YEAR,
            self_score=92,
            self_text="走访210户次",
            poll_satisfied=30,
            poll_basic=5,
            poll_unsatisfied=5,
            poll_date=dt.date(YEAR, 12, 29),
        ),
    )
    b.take(a.export(tmp_path / "5.vdx").path)
    a.take(b.export(tmp_path / "6.vdx").path)
    assert a.digest == b.digest
    shown = a.db.read(queries.assessment.entered, wang, YEAR)
    poll = (shown.poll_satisfied, shown.poll_basic, shown.poll_unsatisfied, shown.poll_date)
    assert poll in {(31, 6, 3, dt.date(YEAR, 12, 28)), (30, 5, 5, dt.date(YEAR, 12, 29))}
    for copy in (a, b):
        copy.db.close()
