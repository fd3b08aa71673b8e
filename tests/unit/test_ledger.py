import datetime as dt
import json
import re

import pytest
from sqlalchemy import select

from village_desk.core import ledger
from village_desk.core.errors import IllegalTransition
from village_desk.core.models import Change, Matter
from village_desk.core.validation import ValidationError

TODAY = dt.date.today()
# Inputs each action needs to succeed.
ARGS = {
    "start": {},
    "forward": {"forwarded_to": "镇民政办"},
    "result": {"text": "镇里已批复"},
    "complete": {"text": "已办好"},
    "feedback": {"satisfaction": "satisfied"},
    "close": {},
    "return": {"reasons": ["不属于本村职责", "材料不全"]},
    "unresolvable": {"text": "资金未到位，明年春天解决"},
    "reopen": {},
}
# The route from registration to each state.
ROUTE = {
    "registered": [],
    "in_progress": ["start"],
    "forwarded": ["start", "forward"],
    "result_returned": ["start", "forward", "result"],
    "done": ["start", "complete"],
    "feedback": ["start", "complete", "feedback"],
    "closed": ["start", "complete", "feedback", "close"],
    "returned": ["return"],
    "unresolvable": ["unresolvable"],
}
LEGAL = {
    ("registered", "start"),
    ("registered", "forward"),
    ("registered", "complete"),
    ("registered", "return"),
    ("registered", "unresolvable"),
    ("in_progress", "forward"),
    ("in_progress", "complete"),
    ("in_progress", "return"),
    ("in_progress", "unresolvable"),
    ("forwarded", "result"),
    ("forwarded", "unresolvable"),
    ("result_returned", "complete"),
    ("result_returned", "unresolvable"),
    ("done", "feedback"),
    ("feedback", "close"),  # satisfied; reopen only after 不满意
    ("unresolvable", "reopen"),
}


def register(db, village, **kw):
    data = ledger.MatterInput(
        content="危房改造申请",
        responsible_id=village["secretary"],
        applicant_name="张三丰",
        household_id=village["hh"],
        kind="hardship",
        **kw,
    )
    return ledger.register_matter(db, village["secretary"], data)


def in_state(db, village, state):
    mid = register(db, village)
    for action in ROUTE[state]:
        ledger.apply_action(db, village["secretary"], mid, action, **ARGS[action])
    return mid


def snapshot(db, mid):
    with db.reading() as s:
        m = s.get(Matter, mid)
        return {c: getattr(m, c) for c in m.__table__.columns.keys()}, len(ledger.notes(s, mid))  # noqa: SIM118


def test_number_has_year_device_code_and_sequence(db, village):
    first, second = register(db, village), register(db, village)
    with db.reading() as s:
        numbers = [s.get(Matter, m).number for m in (first, second)]
    code = db.device.code
    assert numbers == [f"{TODAY.year}-{code}-0001", f"{TODAY.year}-{code}-0002"]
    assert re.fullmatch(r"\d{4}-[A-Z2-9]{3}-\d{4}", numbers[0])


def test_default_deadline_from_settings_and_not_before_intake(db, village):
    mid = register(db, village)
    with db.reading() as s:
        assert s.get(Matter, mid).deadline == TODAY + dt.timedelta(days=15)
    with pytest.raises(ValidationError) as err:
        register(db, village, deadline=TODAY - dt.timedelta(days=1))
    assert err.value.field == "办结时限"


@pytest.mark.parametrize("state", list(ROUTE))
@pytest.mark.parametrize("action", list(ledger.ACTIONS))
def test_every_transition(db, village, state, action):
    mid = in_state(db, village, state)
    before = snapshot(db, mid)
    with db.reading() as s:
        offered = {a.code for a in ledger.available_actions(s.get(Matter, mid))}
    if (state, action) in LEGAL:
        assert action in offered
        ledger.apply_action(db, village["secretary"], mid, action, **ARGS[action])
        after, notes = snapshot(db, mid)
        assert after["status"] == ledger.ACTIONS[action].target
        assert notes == before[1] + 1  # each step leaves a note
    else:
        assert action not in offered
        with pytest.raises(IllegalTransition):
            ledger.apply_action(db, village["secretary"], mid, action, **ARGS[action])
        assert snapshot(db, mid) == before  # nothing changed


@pytest.mark.parametrize(
    "state, action, args, field",
    [
        ("registered", "return", {"reasons": []}, "退回理由"),
        ("registered", "return", {"reasons": ["  "]}, "退回理由"),
        ("in_progress", "unresolvable", {"text": ""}, "向群众的解释说明"),
        ("in_progress", "complete", {"text": ""}, "办理结果"),
        ("in_progress", "forward", {}, "上报单位"),
        ("done", "feedback", {}, "满意度"),
    ],
)
def test_required_inputs(db, village, state, action, args, field):
    mid = in_state(db, village, state)
    before = snapshot(db, mid)
    with pytest.raises(ValidationError) as err:
        ledger.apply_action(db, None, mid, action, **args)
    assert err.value.field == field
    assert snapshot(db, mid) == before


def test_unsatisfied_return_visit_cannot_be_closed_but_reopened(db, village):
    mid = in_state(db, village, "done")
    ledger.apply_action(db, None, mid, "feedback", satisfaction="unsatisfied", text="还没修好")
    with db.reading() as s:
        offered = {a.code for a in ledger.available_actions(s.get(Matter, mid))}
    assert offered == {"reopen"}
    with pytest.raises(IllegalTransition, match="不满意"):
        ledger.apply_action(db, None, mid, "close")
    ledger.apply_action(db, None, mid, "reopen", text="再次维修")
    assert snapshot(db, mid)[0]["status"] == "in_progress"


def test_return_states_all_reasons_at_once(db, village):
    mid = in_state(db, village, "returned")
    row = snapshot(db, mid)[0]
    assert row["return_reasons"] == "1. 不属于本村职责\n2. 材料不全"


def test_close_records_date_and_journal(db, village):
    mid = in_state(db, village, "closed")
    row = snapshot(db, mid)[0]
    assert row["closed_date"] == TODAY and row["satisfaction"] == "satisfied"
    with db.reading() as s:
        statuses = [
            json.loads(c.changes)["status"][1]
            for c in s.scalars(select(Change).where(Change.record_id == mid).order_by(Change.hlc))
            if "status" in json.loads(c.changes)
        ]
    assert statuses == ["registered", "in_progress", "done", "feedback", "closed"]


def test_notes_append_only_and_not_after_close(db, village):
    mid = register(db, village)
    ledger.add_note(db, None, mid, "已联系住建站")
    ledger.add_note(db, None, mid, "住建站已来看房")
    with db.reading() as s:
        assert [n.text for n in ledger.notes(s, mid)] == ["已联系住建站", "住建站已来看房"]
    closed = in_state(db, village, "closed")
    with pytest.raises(IllegalTransition, match="已销号"):
        ledger.add_note(db, None, closed, "补记")


def test_action_date_cannot_be_in_future(db, village):
    mid = register(db, village)
    with pytest.raises(ValidationError, match="将来"):
        ledger.apply_action(db, None, mid, "start", when=TODAY + dt.timedelta(days=2))


def test_overdue(db, village):
    mid = register(
        db,
        village,
        received_date=TODAY - dt.timedelta(days=20),
        deadline=TODAY - dt.timedelta(days=1),
    )
    with db.reading() as s:
        assert ledger.is_overdue(s.get(Matter, mid))
    ledger.apply_action(db, None, mid, "complete", text="好了")
    with db.reading() as s:
        assert not ledger.is_overdue(s.get(Matter, mid))


def test_life_cycle_dates_never_run_backwards(db, village):
    today = village["today"]
    mid = ledger.register_matter(
        db,
        None,
        ledger.MatterInput(
            content="修路",
            responsible_id=village["grid"],
            applicant_name="张三丰",
            received_date=today - dt.timedelta(days=30),
        ),
    )
    ledger.apply_action(db, None, mid, "complete", text="已修好", when=today - dt.timedelta(days=5))
    with pytest.raises(ValidationError, match="上一步"):
        ledger.apply_action(
            db, None, mid, "feedback", satisfaction="satisfied", when=today - dt.timedelta(days=10)
        )
    # a progress note may still record something done earlier
    ledger.add_note(db, None, mid, "补记：曾电话联系", when=today - dt.timedelta(days=20))
    ledger.apply_action(db, None, mid, "feedback", satisfaction="satisfied", when=today)


def test_wrong_types_give_field_errors_not_tracebacks(db, village):
    base = dict(content="修路", responsible_id=village["grid"], applicant_name="张三丰")
    with pytest.raises(ValidationError, match="受理日期"):
        ledger.register_matter(db, None, ledger.MatterInput(**base, received_date=None))
    with pytest.raises(ValidationError, match="申请人"):
        ledger.register_matter(db, None, ledger.MatterInput(**{**base, "applicant_name": None}))
    mid = ledger.register_matter(
        db, None, ledger.MatterInput(**base, co_handler_ids=[str(village["secretary"])])
    )
    with pytest.raises(ValidationError, match="办结时限"):
        ledger.update_matter(db, None, mid, deadline=None)
    with pytest.raises(ValidationError, match="办结时限"):
        ledger.update_matter(db, None, mid, deadline="2026-12-01")
    with pytest.raises(ValidationError, match="协办人"):
        ledger.update_matter(db, None, mid, co_handler_ids=["not-a-cadre"])
    with db.reading() as s:
        assert s.get(Matter, mid).co_handler_ids == [str(village["secretary"])]
