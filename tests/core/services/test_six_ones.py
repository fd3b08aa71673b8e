"""The “六个一” of stationed cadres (seed 003): activities (宣讲活动,
联动服务, 实事工程) recorded with the cadres who did them, and each cadre's
year ticked from the diary, meetings, disputes and those activities."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from village_desk.core import queries, services
from village_desk.core.domain.errors import ValidationError
from village_desk.core.services.activities import ActivityInput
from village_desk.core.services.disputes import DisputeInput, PartyInput, SessionInput
from village_desk.core.services.meetings import MeetingInput
from village_desk.core.storage.models import Activity, Change, Person

TODAY = dt.date.today()
YEAR = TODAY.year
# A day of this year before today (a record may not be dated in the future).
EARLY = min(dt.date(YEAR, 1, 2), TODAY)


def talk(village, **kw) -> ActivityInput:
    values = dict(
        kind="talk",
        date=EARLY,
        title="宣讲医保缴费新政策",
        place="村委会会议室",
        cadre_ids=[village["grid"]],
        participants="一组、二组村民",
        head_count=35,
    )
    values.update(kw)
    return ActivityInput(**values)


def refused(fn, field: str) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        fn()
    assert err.value.field == field
    return err.value


def row_of(db, name: str, year: int = YEAR):
    rows = {r.name: r for r in db.read(queries.six_ones.six_ones, year)}
    return rows[name]


def test_an_activity_is_journaled_and_listed_with_its_cadres(db, village):
    aid = services.activities.record_activity(
        db, village["grid"], talk(village, cadre_ids=[village["grid"], village["secretary"]])
    )
    (found,) = db.read(queries.six_ones.activities, YEAR)
    assert (found.id, found.kind_label, found.cadres, found.head_count) == (
        aid,
        "宣讲活动",
        "李秀英、王建国",
        35,
    )
    assert db.read(lambda s: s.scalars(select(Change.entity).where(Change.record_id == aid)).all())
    # the cadre filter finds it for either cadre, and not for a third
    third = services.setup.add_cadre(db, None, "赵志强", "village_cadre", "13907310003", "")
    assert [
        a.id for a in db.read(queries.six_ones.activities, YEAR, None, village["secretary"])
    ] == [aid]
    assert db.read(queries.six_ones.activities, YEAR, None, third) == []


def test_a_bad_activity_is_refused_at_its_field_and_writes_nothing(db, village):
    cases = [
        (dict(kind="party"), "activity.kind"),
        (dict(title="  "), "activity.title"),
        (dict(place=""), "activity.place"),
        (dict(cadre_ids=[]), "activity.cadre_ids"),
        (dict(head_count=-1), "activity.head_count"),
        (dict(date=TODAY + dt.timedelta(days=1)), "activity.date"),
    ]
    for change, field in cases:
        refused(
            lambda change=change: services.activities.record_activity(
                db, None, talk(village, **change)
            ),
            field,
        )
    assert db.read(lambda s: s.scalars(select(Activity)).all()) == []


def test_a_cadre_made_inactive_stays_on_an_activity_being_corrected(db, village):
    aid = services.activities.record_activity(db, None, talk(village))
    services.setup.update_cadre(db, None, village["grid"], active=False)
    services.activities.update_activity(db, None, aid, talk(village, head_count=40))
    assert db.read(queries.six_ones.activities)[0].head_count == 40
    # but a new activity cannot name them
    refused(
        lambda: services.activities.record_activity(db, None, talk(village)), "activity.cadre_ids"
    )


def test_each_item_is_ticked_from_its_own_records(db, village):
    grid, secretary = village["grid"], village["secretary"]
    start = row_of(db, "李秀英")
    assert start.ticked == 0 and all(n == 0 for n in start.counts.values())

    # 记录一本民情日记: two entries written by 李秀英 (as author)
    for _ in range(2):
        services.diary.write_entry(
            db,
            grid,
            services.diary.DiaryInput(
                date=EARLY,
                mode="home_visit",
                author_id=grid,
                household_ids=[village["hh"]],
                narrative="入户了解情况",
            ),
        )
    # 组织一次民主恳谈: a 院坝说事会 she hosted counts; a 民主议政日 does not
    who = dict(db.read(lambda s: s.execute(select(Person.name, Person.id)).all()))
    for kind in ("courtyard", "council_day"):
        services.meetings.record_meeting(
            db,
            grid,
            MeetingInput(
                kind=kind, date=EARLY, host_id=grid, place="村部", head_count=10, topics="议事"
            ),
        )
    # 化解一批矛盾纠纷: one settled dispute she mediated (the secretary in charge),
    # one still under mediation
    settled = services.disputes.register_dispute(
        db,
        grid,
        DisputeInput(
            type="neighbour",
            summary="排水沟堵塞引起邻里争吵",
            responsible_id=secretary,
            received_date=EARLY,
            parties=[
                PartyInput("applicant", person_id=who["张三丰"]),
                PartyInput("respondent", name="赵大年"),
            ],
        ),
    )
    services.disputes.add_session(
        db,
        grid,
        settled,
        SessionInput(
            date=EARLY, place="村调委会", mediator_ids=[grid], agreed=True, notes="双方同意共同清理"
        ),
    )
    services.disputes.record_outcome(
        db, grid, settled, "success", when=EARLY, agreement_text="两家共同清理水沟"
    )
    open_one = services.disputes.register_dispute(
        db,
        grid,
        DisputeInput(
            type="land",
            summary="承包地边界",
            responsible_id=grid,
            received_date=EARLY,
            parties=[
                PartyInput("applicant", person_id=who["刘桂兰"]),
                PartyInput("respondent", name="钱六"),
            ],
        ),
    )
    assert open_one
    # 宣讲 and 实事工程 by activity records; no 联动服务
    services.activities.record_activity(db, grid, talk(village))
    services.activities.record_activity(
        db, grid, talk(village, kind="project", title="二组通组路硬化", cadre_ids=[grid, secretary])
    )

    li = row_of(db, "李秀英")
    assert li.counts == {
        "diary": 2,
        "talk": 1,
        "joint_service": 0,
        "democratic_talk": 1,
        "disputes": 1,
        "project": 1,
    }
    assert li.ticked == 5 and not li.done("joint_service")
    wang = row_of(db, "王建国")
    # in charge of the settled dispute, on the project; nothing else
    assert wang.counts == {
        "diary": 0,
        "talk": 0,
        "joint_service": 0,
        "democratic_talk": 0,
        "disputes": 1,
        "project": 1,
    }
    # nothing of this year counts for last year
    assert row_of(db, "李秀英", YEAR - 1).ticked == 0


def test_a_deleted_activity_no_longer_counts(db, village):
    aid = services.activities.record_activity(db, None, talk(village))
    assert row_of(db, "李秀英").counts["talk"] == 1
    services.activities.delete_activity(db, None, aid)
    assert row_of(db, "李秀英").counts["talk"] == 0
    assert db.read(queries.six_ones.activities) == []
