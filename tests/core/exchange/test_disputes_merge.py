"""Disputes travel between the laptops of one village like every record:
two laptops that each record a mediation of the same dispute offline both
keep theirs after exchanging files; a correction of the parties on one and
of the summary on the other both survive; an outcome recorded on both comes
whole from one of them (never one laptop's 调解成功 with the other's
explanation and no agreement)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.core.exchange.test_package import Copy, add_household
from village_desk.core import queries, services
from village_desk.core.services.disputes import DisputeInput, PartyInput, SessionInput
from village_desk.core.storage.models import Person

TODAY = dt.date.today()


def test_two_laptops_mediate_one_dispute_offline_and_converge(tmp_path):
    a, b = Copy(tmp_path, "a"), Copy(tmp_path, "b")
    wang = services.setup.add_cadre(a.db, None, "王建国", "secretary", "13907310001")
    add_household(a, "01-001", "张三丰")
    add_household(a, "01-002", "李四")
    people = dict(a.db.read(lambda s: s.execute(select(Person.name, Person.id)).all()))
    parties = [
        PartyInput("applicant", person_id=people["张三丰"]),
        PartyInput("respondent", person_id=people["李四"]),
    ]
    did = services.disputes.register_dispute(
        a.db,
        wang,
        DisputeInput(
            type="land",
            summary="承包地边界争议",
            responsible_id=wang,
            parties=parties,
            received_date=TODAY - dt.timedelta(days=5),
        ),
    )
    b.take(a.export(tmp_path / "1.vdx").path)
    a.take(b.export(tmp_path / "2.vdx").path)

    # offline: A mediates once and adds an outsider party; B mediates once
    # and corrects the summary
    services.disputes.add_session(
        a.db,
        wang,
        did,
        SessionInput(
            TODAY - dt.timedelta(days=2), "村部", [wang], agreed=True, notes="同意重新丈量"
        ),
    )
    services.disputes.update_dispute(
        a.db,
        wang,
        did,
        type="land",
        summary="承包地边界争议",
        parties=parties + [PartyInput("respondent", name="外村王五")],
    )
    services.disputes.add_session(
        b.db,
        wang,
        did,
        SessionInput(TODAY - dt.timedelta(days=1), "田间", [wang], agreed=True, notes="现场指界"),
    )
    services.disputes.update_dispute(
        b.db, wang, did, type="land", summary="承包地边界及水渠争议", parties=parties
    )
    b.take(a.export(tmp_path / "3.vdx").path)
    a.take(b.export(tmp_path / "4.vdx").path)
    assert a.digest == b.digest
    seen = b.db.read(queries.disputes.dispute, did)
    assert [s.notes for s in seen.sessions] == ["同意重新丈量", "现场指界"]
    assert seen.summary == "承包地边界及水渠争议"
    assert [p.name for p in seen.parties] == ["张三丰", "李四", "外村王五"]

    # both record an outcome offline: it comes whole from one laptop
    services.disputes.record_outcome(a.db, wang, did, "success", agreement_text="以水渠中线为界")
    services.disputes.record_outcome(b.db, wang, did, "judicial", note="涉及确权，转司法所")
    b.take(a.export(tmp_path / "5.vdx").path)
    a.take(b.export(tmp_path / "6.vdx").path)
    assert a.digest == b.digest
    on_a = a.db.read(queries.disputes.dispute, did)
    on_b = b.db.read(queries.disputes.dispute, did)
    got = (on_a.outcome, on_a.agreement_text, on_a.outcome_note)
    assert got == (on_b.outcome, on_b.agreement_text, on_b.outcome_note)
    assert got in {("success", "以水渠中线为界", ""), ("judicial", "", "涉及确权，转司法所")}
    for copy in (a, b):
        copy.db.close()
