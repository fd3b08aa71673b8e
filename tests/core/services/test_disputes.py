"""Disputes (矛盾纠纷排查调处): a 宅基地 quarrel between a registered
household and an outsider, mediated twice, ends in an agreement; its ledger
matter follows (办理 at the first mediation, 办结 with the agreement); one
left without an outcome for more than the setting's days is 久调不决."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from village_desk.core import queries, services
from village_desk.core.domain.errors import IllegalTransition, ValidationError
from village_desk.core.services.disputes import DisputeInput, PartyInput, SessionInput
from village_desk.core.storage.models import Change, Dispute, Matter, Person

TODAY = dt.date.today()


def people(db) -> dict[str, object]:
    return dict(db.read(lambda s: s.execute(select(Person.name, Person.id)).all()))


def homestead(village, db, **kw) -> DisputeInput:
    who = people(db)
    values = dict(
        type="homestead",
        summary="两家宅基地界址争议，张家砌围墙占了邻居滴水线",
        responsible_id=village["secretary"],
        received_date=TODAY - dt.timedelta(days=10),
        parties=[
            PartyInput("applicant", person_id=who["张三丰"]),
            PartyInput("respondent", name="赵大年"),
        ],
    )
    values.update(kw)
    return DisputeInput(**values)


def refused(fn, field: str) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        fn()
    assert err.value.field == field
    return err.value


def test_a_dispute_is_a_ledger_matter_with_its_parties(db, village):
    did = services.disputes.register_dispute(db, village["grid"], homestead(village, db))
    d = db.read(queries.disputes.dispute, did)
    assert d.type_label == "宅基地纠纷"
    assert [(p.side_label, p.name, p.household) for p in d.parties] == [
        ("申请方", "张三丰", "01-001"),
        ("被申请方", "赵大年", ""),
    ]
    assert (d.outcome_label, d.age, d.overdue) == ("调解中", 10, False)
    m = db.read(lambda s: s.get(Matter, d.matter_id))
    # in the 民情台账: applicant the first applying party, the cadre in charge responsible
    assert (m.applicant_name, m.status, m.responsible_id) == (
        "张三丰",
        "registered",
        village["secretary"],
    )
    assert m.content.startswith("宅基地纠纷：两家宅基地界址争议")
    assert m.deadline == d.received_date + dt.timedelta(days=30)  # the 久调不决 age
    assert not m.public  # a quarrel is not posted on the notice board
    entities = db.read(lambda s: set(s.scalars(select(Change.entity))))
    assert {"dispute", "dispute_party", "matter"} <= entities


def test_a_dispute_needs_both_sides_and_distinct_parties(db, village):
    who = people(db)
    one = [PartyInput("applicant", person_id=who["张三丰"])]
    refused(
        lambda: services.disputes.register_dispute(db, None, homestead(village, db, parties=one)),
        "dispute.parties",
    )
    same_side = one + [PartyInput("applicant", name="赵大年")]
    err = refused(
        lambda: services.disputes.register_dispute(
            db, None, homestead(village, db, parties=same_side)
        ),
        "dispute.parties",
    )
    assert "被申请方" in err.message
    twice = one + [PartyInput("respondent", person_id=who["张三丰"])]
    refused(
        lambda: services.disputes.register_dispute(db, None, homestead(village, db, parties=twice)),
        "dispute.party.2.name",
    )
    nameless = one + [PartyInput("respondent")]
    refused(
        lambda: services.disputes.register_dispute(
            db, None, homestead(village, db, parties=nameless)
        ),
        "dispute.party.2.name",
    )
    refused(
        lambda: services.disputes.register_dispute(db, None, homestead(village, db, type="")),
        "dispute.type",
    )
    refused(
        lambda: services.disputes.register_dispute(
            db, None, homestead(village, db, received_date=TODAY + dt.timedelta(days=1))
        ),
        "dispute.received_date",
    )
    assert db.read(lambda s: s.scalars(select(Dispute)).all()) == []
    assert db.read(lambda s: s.scalars(select(Matter)).all()) == []  # nothing half-written


def test_mediations_then_an_agreement_finish_the_matter(db, village):
    did = services.disputes.register_dispute(db, None, homestead(village, db))
    first = SessionInput(
        TODAY - dt.timedelta(days=8),
        "村委会调解室",
        [village["secretary"], village["grid"]],
        other_mediators="司法所老刘",
        agreed=False,
        notes="双方各执一词，约定现场丈量",
    )
    services.disputes.add_session(db, village["grid"], did, first)
    matter_id = db.read(queries.disputes.dispute, did).matter_id
    assert db.read(lambda s: s.get(Matter, matter_id).status) == "in_progress"  # 办理
    # success without a mediation that agreed is refused
    refused(
        lambda: services.disputes.record_outcome(
            db, None, did, "success", agreement_text="围墙后退30厘米"
        ),
        "dispute.outcome",
    )
    services.disputes.add_session(
        db,
        None,
        did,
        SessionInput(
            TODAY - dt.timedelta(days=3),
            "现场",
            [village["grid"]],
            agreed=True,
            notes="丈量后双方同意",
        ),
    )
    refused(
        lambda: services.disputes.record_outcome(db, None, did, "success", agreement_text=" "),
        "dispute.agreement_text",
    )
    refused(
        lambda: services.disputes.record_outcome(
            db, None, did, "success", when=TODAY - dt.timedelta(days=5), agreement_text="x"
        ),
        "dispute.outcome_date",  # before the last mediation
    )
    services.disputes.record_outcome(
        db, None, did, "success", when=TODAY, agreement_text="张家围墙后退30厘米，费用自理"
    )
    d = db.read(queries.disputes.dispute, did)
    assert (d.outcome_label, d.outcome_date, d.age) == ("调解成功", TODAY, 10)
    assert [s.mediators for s in d.sessions] == ["王建国、李秀英、司法所老刘", "李秀英"]
    m = db.read(lambda s: s.get(Matter, matter_id))
    assert (m.status, m.done_date) == ("done", TODAY)
    assert "围墙后退30厘米" in m.result
    with pytest.raises(IllegalTransition):
        services.disputes.add_session(db, None, did, first)
    with pytest.raises(IllegalTransition):
        services.disputes.record_outcome(db, None, did, "failed", note="x")


def test_a_referral_forwards_the_matter_and_a_failure_needs_an_explanation(db, village):
    sent = services.disputes.register_dispute(db, None, homestead(village, db))
    services.disputes.record_outcome(db, None, sent, "judicial", note="涉及确权，转司法所")
    m = db.read(lambda s: s.get(Matter, db.read(queries.disputes.dispute, sent).matter_id))
    assert (m.status, m.forwarded_to) == ("forwarded", "乡镇司法所")
    failed = services.disputes.register_dispute(db, None, homestead(village, db, type="neighbour"))
    refused(
        lambda: services.disputes.record_outcome(db, None, failed, "failed", note="不同意"),
        "dispute.outcome",  # no mediation yet
    )
    services.disputes.add_session(
        db, None, failed, SessionInput(TODAY, "村部", [village["grid"]], notes="未达成一致")
    )
    refused(
        lambda: services.disputes.record_outcome(db, None, failed, "failed"),
        "dispute.outcome_note",
    )
    services.disputes.record_outcome(db, None, failed, "failed", note="已告知可向法院起诉")
    m = db.read(lambda s: s.get(Matter, db.read(queries.disputes.dispute, failed).matter_id))
    assert (m.status, m.explanation) == ("unresolvable", "已告知可向法院起诉")


def test_long_unresolved_after_the_settings_days(db, village):
    old = services.disputes.register_dispute(
        db, None, homestead(village, db, received_date=TODAY - dt.timedelta(days=31))
    )
    edge = services.disputes.register_dispute(
        db, None, homestead(village, db, received_date=TODAY - dt.timedelta(days=30))
    )
    assert db.read(queries.disputes.overview) == queries.disputes.Overview(2, 1, 30)
    listed = db.read(lambda s: queries.disputes.disputes(s, state="overdue"))
    assert [d.id for d in listed] == [old]
    services.disputes.set_overdue_days(db, None, 20)
    assert {d.id for d in db.read(lambda s: queries.disputes.disputes(s, state="overdue"))} == {
        old,
        edge,
    }
    refused(lambda: services.disputes.set_overdue_days(db, None, 0), "setting.dispute_overdue_days")
    # an outcome ends it: no longer 久调不决
    services.disputes.record_outcome(db, None, old, "petition", note="当事人坚持上访")
    assert db.read(queries.disputes.overview) == queries.disputes.Overview(1, 1, 20)


def test_correcting_parties_and_deleting_a_dispute(db, village):
    who = people(db)
    did = services.disputes.register_dispute(db, None, homestead(village, db))
    services.disputes.update_dispute(
        db,
        None,
        did,
        type="neighbour",
        summary="排水沟堵塞引起争吵",
        parties=[
            PartyInput("applicant", person_id=who["张三丰"]),
            PartyInput("respondent", name="赵大年"),
            PartyInput("respondent", household_id=village["hh"], name="刘桂兰"),
        ],
    )
    d = db.read(queries.disputes.dispute, did)
    assert d.type_label == "邻里纠纷" and len(d.parties) == 3
    assert db.read(lambda s: s.get(Matter, d.matter_id).content) == "邻里纠纷：排水沟堵塞引起争吵"
    services.disputes.update_dispute(
        db,
        None,
        did,
        type="neighbour",
        summary="排水沟堵塞引起争吵",
        parties=[
            PartyInput("applicant", person_id=who["张三丰"]),
            PartyInput("respondent", name="孙五"),
        ],
    )
    d = db.read(queries.disputes.dispute, did)
    assert [p.name for p in d.parties] == ["张三丰", "孙五"]
    services.disputes.delete_dispute(db, None, did)
    assert db.read(queries.disputes.dispute, did) is None
    assert db.read(lambda s: s.get(Matter, d.matter_id).deleted)  # gone from the ledger too
