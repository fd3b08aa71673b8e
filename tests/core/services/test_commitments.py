"""Public commitments (亮承诺): what a cadre or party member promises for a
year, its progress, and the year-end review — each refusal names its field
and says what is expected, and nothing is changed by a refused call."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.helpers import make_id
from village_desk.core import queries, services
from village_desk.core.domain.errors import IllegalTransition, ValidationError
from village_desk.core.services.commitments import CommitmentInput
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage.models import Change, Commitment, Person

TODAY = dt.date(2026, 12, 6)
YEAR = 2026


def road(village, **kw) -> CommitmentInput:
    values = dict(
        year=YEAR,
        cadre_id=village["secretary"],
        content="硬化三组通组公路1.2公里",
        measures="争取一事一议资金，组织群众投工投劳",
        target="年底前全线通车",
        deadline=dt.date(YEAR, 11, 30),
    )
    values.update(kw)
    return CommitmentInput(**values)


def add(db, village, **kw):
    return services.commitments.add_commitment(db, village["secretary"], road(village, **kw), TODAY)


def refused(fn, field: str) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        fn()
    assert err.value.field == field
    return err.value


def test_a_service_commitment_is_recorded_with_its_promise_and_journaled(db, village):
    cid = add(db, village)
    found = db.read(queries.commitments.commitment, cid)
    assert (found.name, found.role, found.year) == ("王建国", "村党组织书记", YEAR)
    assert found.content == "硬化三组通组公路1.2公里"
    assert found.deadline == dt.date(YEAR, 11, 30) and found.outcome == ""
    with db.reading() as s:
        logged = s.scalar(
            select(func.count()).where(Change.entity == "commitment", Change.record_id == cid)
        )
    assert logged == 1


def test_a_service_commitment_needs_measures_target_and_deadline(db, village):
    err = refused(lambda: add(db, village, measures=""), "commitment.measures")
    assert err.label == "采取的措施" and "措施" in err.message
    refused(lambda: add(db, village, target="  "), "commitment.target")
    refused(lambda: add(db, village, deadline=None), "commitment.deadline")
    refused(lambda: add(db, village, content=""), "commitment.content")
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Commitment)) == 0


def test_a_one_sentence_commitment_needs_only_its_sentence(db, village):
    cid = add(
        db,
        village,
        kind="one_line",
        content="有事请找我，随叫随到",
        measures="",
        target="",
        deadline=None,
    )
    assert db.read(queries.commitments.commitment, cid).kind == "one_line"


def test_year_deadline_and_committer_are_checked(db, village):
    refused(lambda: add(db, village, year=1999), "commitment.year")
    refused(lambda: add(db, village, year=TODAY.year + 2), "commitment.year")
    err = refused(
        lambda: add(db, village, deadline=dt.date(YEAR - 1, 12, 31)), "commitment.deadline"
    )
    assert f"{YEAR}年" in err.message
    refused(lambda: add(db, village, cadre_id=None), "commitment.committer")
    head = db.read(lambda s: s.scalar(select(Person.id).where(Person.name == "张三丰")))
    refused(lambda: add(db, village, person_id=head), "commitment.committer")  # both given
    err = refused(lambda: add(db, village, cadre_id=None, person_id=head), "commitment.person_id")
    assert "张三丰不是党员" in err.message


def test_a_party_member_commits_too(db, village):
    services.households.create_household(
        db,
        None,
        HouseholdInput(number="01-002", group_id=village["g1"]),
        PersonInput(name="赵德明", id_number=make_id("19650405", "151"), party_member=True),
    )
    member = db.read(lambda s: s.scalar(select(Person.id).where(Person.name == "赵德明")))
    cid = add(
        db, village, cadre_id=None, person_id=member, kind="one_line", content="帮扶一户困难群众"
    )
    found = db.read(queries.commitments.commitment, cid)
    assert (found.name, found.role) == ("赵德明", "党员")


def test_the_same_promise_twice_in_a_year_is_refused(db, village):
    add(db, village)
    err = refused(lambda: add(db, village), "commitment.content")
    assert "王建国2026年已有这条承诺" in err.message
    add(db, village, year=YEAR - 1, deadline=dt.date(YEAR - 1, 11, 30))  # another year is fine


def test_progress_then_review_locks_the_promise(db, village):
    cid = add(db, village)
    actor = village["secretary"]
    svc = services.commitments
    svc.add_progress(db, actor, cid, "已完成路基0.8公里", dt.date(YEAR, 6, 30), TODAY)
    refused(lambda: svc.add_progress(db, actor, cid, " ", None, TODAY), "commitment_note.text")
    refused(
        lambda: svc.add_progress(db, actor, cid, "提前", TODAY + dt.timedelta(days=1), TODAY),
        "commitment_note.date",
    )
    refused(
        lambda: svc.review_commitment(db, actor, cid, "kept", "", TODAY, TODAY),
        "commitment.review_text",
    )
    err = refused(
        lambda: svc.review_commitment(db, actor, cid, "partly", "", TODAY, TODAY),
        "commitment.review_text",
    )
    assert "原因" in err.message
    refused(
        lambda: svc.review_commitment(db, actor, cid, "done", "x", TODAY, TODAY),
        "commitment.outcome",
    )
    svc.review_commitment(
        db, actor, cid, "partly", "完成1.0公里，余下0.2公里因征地未谈妥", TODAY, TODAY
    )
    found = db.read(queries.commitments.commitment, cid)
    assert (found.outcome, found.reviewer, found.review_date) == ("partly", "王建国", TODAY)
    assert [n.text for n in found.notes] == ["已完成路基0.8公里"]
    with pytest.raises(IllegalTransition, match="部分践诺"):
        svc.add_progress(db, actor, cid, "又修了一段", TODAY, TODAY)
    with pytest.raises(IllegalTransition, match="不能再修改"):
        svc.update_commitment(db, actor, cid, content="硬化三组通组公路1.0公里")
    svc.update_commitment(db, actor, cid, public=False)  # posting is still the village's choice
    assert db.read(queries.commitments.commitment, cid).public is False


def test_an_edit_form_writes_only_what_the_user_changed(db, village):
    cid = add(db, village)
    row = db.read(queries.commitments.commitment, cid)
    base = {"content": row.content, "target": row.target}
    services.commitments.update_commitment(db, None, cid, target="年底前全线通车并验收")
    # a form opened before that edit changes only the content
    services.commitments.update_commitment(
        db, None, cid, base=base, content="硬化三组通组公路1.5公里", target=row.target
    )
    found = db.read(queries.commitments.commitment, cid)
    assert (found.content, found.target) == ("硬化三组通组公路1.5公里", "年底前全线通车并验收")
    refused(
        lambda: services.commitments.update_commitment(db, None, cid, measures=""),
        "commitment.measures",
    )


def test_keeping_rate_is_kept_over_all_committed(db, village):
    """践诺率 = 已践诺 ÷ 承诺件数 (001 L464: 24600 committed, 21100 done, above 85%)."""
    svc, actor = services.commitments, village["secretary"]
    ids = [add(db, village, content=f"承诺{i}") for i in range(4)]
    grid = add(db, village, cadre_id=village["grid"], content="网格内每月走访一遍")
    svc.review_commitment(db, actor, ids[0], "kept", "已完成", TODAY, TODAY)
    svc.review_commitment(db, actor, ids[1], "kept", "已完成", TODAY, TODAY)
    svc.review_commitment(db, actor, ids[2], "partly", "完成一半", TODAY, TODAY)
    svc.review_commitment(db, actor, grid, "not_kept", "外出学习三个月", TODAY, TODAY)
    svc.delete_commitment(db, actor, ids[3])  # entered by mistake: not counted
    rates = {r.name: r for r in db.read(queries.commitments.keeping_rates, YEAR)}
    wang, li = rates["王建国"], rates["李秀英"]
    assert (wang.total, wang.kept, wang.partly, wang.not_kept, wang.unreviewed) == (3, 2, 1, 0, 0)
    assert wang.rate == pytest.approx(2 / 3)
    assert (li.total, li.not_kept, li.rate) == (1, 1, 0.0)
