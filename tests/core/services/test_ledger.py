import datetime as dt
import json
import re

import pytest
from sqlalchemy import select

from village_desk.core import queries, services
from village_desk.core.domain import lifecycle
from village_desk.core.domain.errors import IllegalTransition
from village_desk.core.domain.validation import ValidationError
from village_desk.core.storage.models import Change, Matter

TODAY = dt.date.today()
# Inputs each action needs to succeed.
ARGS = {
    "start": {},
    "forward": {"forwarded_to": "镇民政办"},
    "result": {"text": "镇里已批复"},
    "complete": {"text": "已办好"},
    "feedback": {"satisfaction": "satisfied", "mode": "visit", "respondent": "户主本人"},
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
    data = services.ledger.MatterInput(
        content="危房改造申请",
        responsible_id=village["secretary"],
        applicant_name="张三丰",
        household_id=village["hh"],
        kind="hardship",
        **kw,
    )
    return services.ledger.register_matter(db, village["secretary"], data)


def in_state(db, village, state):
    mid = register(db, village)
    for action in ROUTE[state]:
        services.ledger.apply_action(db, village["secretary"], mid, action, **ARGS[action])
    return mid


def snapshot(db, mid):
    with db.reading() as s:
        m = s.get(Matter, mid)
        fields = {c.key: getattr(m, c.key) for c in m.__table__.columns}
        return fields, len(queries.matters.notes(s, mid))


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
    assert err.value.field == "matter.deadline"


@pytest.mark.parametrize("state", list(ROUTE))
@pytest.mark.parametrize("action", list(lifecycle.ACTIONS))
def test_every_transition(db, village, state, action):
    mid = in_state(db, village, state)
    before = snapshot(db, mid)
    with db.reading() as s:
        offered = {a.code for a in lifecycle.available_actions(s.get(Matter, mid))}
    if (state, action) in LEGAL:
        assert action in offered
        services.ledger.apply_action(db, village["secretary"], mid, action, **ARGS[action])
        after, notes = snapshot(db, mid)
        assert after["status"] == lifecycle.ACTIONS[action].target
        assert notes == before[1] + 1  # each step leaves a note
    else:
        assert action not in offered
        with pytest.raises(IllegalTransition):
            services.ledger.apply_action(db, village["secretary"], mid, action, **ARGS[action])
        assert snapshot(db, mid) == before  # nothing changed


@pytest.mark.parametrize(
    "state, action, args, field",
    [
        ("registered", "return", {"reasons": []}, "action.reasons"),
        ("registered", "return", {"reasons": ["  "]}, "action.reasons"),
        ("in_progress", "unresolvable", {"text": ""}, "action.explanation"),
        ("in_progress", "complete", {"text": ""}, "action.outcome"),
        ("in_progress", "forward", {}, "action.forwarded_to"),
        ("done", "feedback", {}, "action.satisfaction"),
        ("done", "feedback", {"satisfaction": "satisfied"}, "action.feedback_mode"),
        (
            "done",
            "feedback",
            {"satisfaction": "satisfied", "mode": "by_pigeon", "respondent": "户主"},
            "action.feedback_mode",
        ),
        ("done", "feedback", {"satisfaction": "basic", "mode": "phone"}, "action.respondent"),
        (
            "done",
            "feedback",
            {"satisfaction": "basic", "mode": "phone", "respondent": "  "},
            "action.respondent",
        ),
    ],
)
def test_required_inputs(db, village, state, action, args, field):
    mid = in_state(db, village, state)
    before = snapshot(db, mid)
    with pytest.raises(ValidationError) as err:
        services.ledger.apply_action(db, None, mid, action, **args)
    assert err.value.field == field
    assert snapshot(db, mid) == before


def test_unsatisfied_return_visit_cannot_be_closed_but_reopened(db, village):
    mid = in_state(db, village, "done")
    services.ledger.apply_action(
        db,
        None,
        mid,
        "feedback",
        satisfaction="unsatisfied",
        mode="phone",
        respondent="户主本人",
        text="还没修好",
    )
    with db.reading() as s:
        offered = {a.code for a in lifecycle.available_actions(s.get(Matter, mid))}
    assert offered == {"reopen"}
    with pytest.raises(IllegalTransition, match="不满意"):
        services.ledger.apply_action(db, None, mid, "close")
    services.ledger.apply_action(db, None, mid, "reopen", text="再次维修")
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
    services.ledger.add_note(db, None, mid, "已联系住建站")
    services.ledger.add_note(db, None, mid, "住建站已来看房")
    with db.reading() as s:
        assert [n.text for n in queries.matters.notes(s, mid)] == ["已联系住建站", "住建站已来看房"]
    closed = in_state(db, village, "closed")
    with pytest.raises(IllegalTransition, match="已销号"):
        services.ledger.add_note(db, None, closed, "补记")


def test_action_date_cannot_be_in_future(db, village):
    mid = register(db, village)
    with pytest.raises(ValidationError, match="将来"):
        services.ledger.apply_action(db, None, mid, "start", when=TODAY + dt.timedelta(days=2))


def test_overdue(db, village):
    mid = register(
        db,
        village,
        received_date=TODAY - dt.timedelta(days=20),
        deadline=TODAY - dt.timedelta(days=1),
    )
    with db.reading() as s:
        assert lifecycle.is_overdue(s.get(Matter, mid))
    services.ledger.apply_action(db, None, mid, "complete", text="好了")
    with db.reading() as s:
        assert not lifecycle.is_overdue(s.get(Matter, mid))


def test_life_cycle_dates_never_run_backwards(db, village):
    today = village["today"]
    mid = services.ledger.register_matter(
        db,
        None,
        services.ledger.MatterInput(
            content="修路",
            responsible_id=village["grid"],
            applicant_name="张三丰",
            received_date=today - dt.timedelta(days=30),
            kind="shortcoming",
        ),
    )
    services.ledger.apply_action(
        db, None, mid, "complete", text="已修好", when=today - dt.timedelta(days=5)
    )
    with pytest.raises(ValidationError, match="上一步"):
        services.ledger.apply_action(
            db,
            None,
            mid,
            "feedback",
            satisfaction="satisfied",
            mode="phone",
            respondent="户主本人",
            when=today - dt.timedelta(days=10),
        )
    # a progress note may still record something done earlier
    services.ledger.add_note(db, None, mid, "补记：曾电话联系", when=today - dt.timedelta(days=20))
    services.ledger.apply_action(
        db,
        None,
        mid,
        "feedback",
        satisfaction="satisfied",
        mode="phone",
        respondent="户主本人",
        when=today,
    )


def test_wrong_types_give_field_errors_not_tracebacks(db, village):
    base = dict(
        content="修路", responsible_id=village["grid"], applicant_name="张三丰", kind="hardship"
    )
    with pytest.raises(ValidationError, match="受理日期"):
        services.ledger.register_matter(
            db, None, services.ledger.MatterInput(**base, received_date=None)
        )
    with pytest.raises(ValidationError, match="申请人"):
        services.ledger.register_matter(
            db, None, services.ledger.MatterInput(**{**base, "applicant_name": None})
        )
    mid = services.ledger.register_matter(
        db, None, services.ledger.MatterInput(**base, co_handler_ids=[str(village["secretary"])])
    )
    with pytest.raises(ValidationError, match="办结时限"):
        services.ledger.update_matter(db, None, mid, deadline=None)
    with pytest.raises(ValidationError, match="办结时限"):
        services.ledger.update_matter(db, None, mid, deadline="2026-12-01")
    with pytest.raises(ValidationError, match="协办人"):
        services.ledger.update_matter(db, None, mid, co_handler_ids=["not-a-cadre"])
    with db.reading() as s:
        assert s.get(Matter, mid).co_handler_ids == [str(village["secretary"])]


def test_a_matter_is_registered_only_with_its_category(db, village):
    """事项类别 is required at registration: without it nothing is written."""
    base = dict(content="修路", responsible_id=village["grid"], applicant_name="张三丰")
    for kind in ("", "   ", None):
        with pytest.raises(ValidationError) as err:
            services.ledger.register_matter(
                db, None, services.ledger.MatterInput(**base, kind=kind)
            )
        assert err.value.field == "matter.kind"
        assert err.value.label == "事项类别"
    with db.reading() as s:
        assert s.scalars(select(Matter)).all() == []
    mid = services.ledger.register_matter(
        db, None, services.ledger.MatterInput(**base, kind="proposal")
    )
    with pytest.raises(ValidationError) as err:
        services.ledger.update_matter(db, None, mid, kind="")
    assert err.value.field == "matter.kind"
    with db.reading() as s:
        assert s.get(Matter, mid).kind == "proposal"


def test_a_matter_registered_before_categories_were_required_stays_usable(db, village):
    mid = register(db, village)
    with db.transaction(None) as s:  # as an older version saved it: no category
        s.get(Matter, mid).kind = ""
    # its other details can be corrected, and it goes on to 销号, without a category
    services.ledger.update_matter(db, None, mid, content="危房改造申请（补充材料）", kind="")
    for action in ROUTE["closed"]:
        services.ledger.apply_action(db, None, mid, action, **ARGS[action])
    with db.reading() as s:
        m = queries.matters.matter(s, mid)
    assert (m.kind, m.status, m.content) == ("", "closed", "危房改造申请（补充材料）")


# ------------------------------------------------------------------ stale forms


def matter_row(db, mid):
    with db.reading() as s:
        return queries.matters.matter(s, mid)


def form_fields(form, **changed) -> dict:
    """Every field an edit form shows, as it showed them, with the user's changes."""
    shown = {key: getattr(form, key) for key in services.ledger.EDITABLE}
    return {**shown, **changed}


def matter_changes(db, mid) -> list[dict]:
    with db.reading() as s:
        return [
            json.loads(c.changes)
            for c in s.scalars(select(Change).where(Change.record_id == mid).order_by(Change.hlc))
        ]


def test_an_edit_from_a_form_opened_earlier_keeps_what_changed_meanwhile(db, village):
    mid = register(db, village)
    form = matter_row(db, mid)  # the edit form opens
    later = TODAY + dt.timedelta(days=30)
    services.ledger.update_matter(db, None, mid, deadline=later)  # saved elsewhere meanwhile
    # the form still shows the old deadline; its user changes only the content
    services.ledger.update_matter(
        db, None, mid, base=form._mapping, **form_fields(form, content="危房改造申请（已补材料）")
    )
    m = matter_row(db, mid)
    assert (m.content, m.deadline) == ("危房改造申请（已补材料）", later)
    # the form's save wrote the content and nothing else
    assert list(matter_changes(db, mid)[-1]) == ["content"]


def test_a_field_changed_meanwhile_and_in_the_form_is_refused(db, village):
    mid = register(db, village)
    form = matter_row(db, mid)
    services.ledger.update_matter(db, None, mid, level="township")  # 镇级, saved elsewhere
    writes = len(matter_changes(db, mid))
    with pytest.raises(ValidationError) as err:
        services.ledger.update_matter(
            db,
            None,
            mid,
            base=form._mapping,
            **form_fields(form, level="county", content="危房改造申请（已补材料）"),
        )
    assert err.value.field == "matter.level"
    assert err.value.message == "这条记录刚被别处修改，现在是“镇级”；请核对后再保存"
    m = matter_row(db, mid)
    assert (m.level, m.content) == ("township", "危房改造申请")
    assert len(matter_changes(db, mid)) == writes  # nothing written


def test_a_responsible_changed_meanwhile_is_named_in_the_refusal(db, village):
    mid = register(db, village)  # 王建国 is responsible
    form = matter_row(db, mid)
    services.ledger.update_matter(db, None, mid, responsible_id=village["grid"])
    other = services.setup.add_cadre(db, None, "赵文华", "village_cadre", "13907310003", "")
    with pytest.raises(ValidationError) as err:
        services.ledger.update_matter(db, None, mid, base=form._mapping, responsible_id=other)
    assert err.value.field == "matter.responsible_id"
    assert "现在是“李秀英”" in err.value.message
    assert matter_row(db, mid).responsible_id == village["grid"]


def test_the_same_change_made_meanwhile_is_not_refused(db, village):
    mid = register(db, village)
    form = matter_row(db, mid)
    services.ledger.update_matter(db, None, mid, channel="call")
    services.ledger.update_matter(db, None, mid, base=form._mapping, channel="call")
    assert matter_row(db, mid).channel == "call"


def test_co_handlers_changed_meanwhile_and_in_the_form_are_both_kept(db, village):
    mid = register(db, village, co_handler_ids=[str(village["grid"])])
    form = matter_row(db, mid)  # shows 李秀英 as co-handler
    other = services.setup.add_cadre(db, None, "赵文华", "village_cadre", "13907310003", "")
    # meanwhile 赵文华 replaces 李秀英 elsewhere
    services.ledger.update_matter(db, None, mid, co_handler_ids=[other])
    # the form's user adds 王建国 to what it shows (the dialog gives ids)
    services.ledger.update_matter(
        db, None, mid, base=form._mapping, co_handler_ids=[village["grid"], village["secretary"]]
    )
    assert matter_row(db, mid).co_handler_ids == [str(other), str(village["secretary"])]


def test_a_field_left_alone_in_the_form_is_not_written_back(db, village):
    mid = register(db, village)
    form = matter_row(db, mid)
    services.ledger.update_matter(db, None, mid, applicant_phone="13812345678", public=False)
    writes = len(matter_changes(db, mid))
    # the form's user changed nothing: saving it writes nothing
    services.ledger.update_matter(db, None, mid, base=form._mapping, **form_fields(form))
    m = matter_row(db, mid)
    assert (m.applicant_phone, m.public) == ("13812345678", False)
    assert len(matter_changes(db, mid)) == writes
