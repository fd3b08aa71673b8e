"""The ledger's rules checked against DOMAIN.md §4 itself: the life cycle as a
table written here from the domain text (not read from ``lifecycle.ACTIONS``),
the overdue boundary on the deadline day, and matter numbers that skip a
number already present."""

import datetime as dt

import pytest
from sqlalchemy import update

from village_desk.core import queries, services
from village_desk.core.domain import lifecycle
from village_desk.core.domain.errors import IllegalTransition
from village_desk.core.queries.matters import MatterFilter
from village_desk.core.storage.models import LocalCounter, Matter

TODAY = dt.date.today()

# DOMAIN.md §4 "Life cycle": 登记受理 → 办理中 → (已上报 → 结果返回) → 已办结 →
# 已反馈/回访 → 销号; side exits 退回 and 暂不能解决; 即办 is done at once
# (登记受理 → 已办结); an unsatisfied return visit or a matter that could not
# be solved yet is handled again (重新办理 → 办理中).
# (state before, step, state after), as the ledger shows them.
LIFE_CYCLE = [
    ("登记受理", "办理", "办理中"),
    ("登记受理", "上报", "已上报"),
    ("办理中", "上报", "已上报"),
    ("已上报", "结果返回", "结果返回"),
    ("结果返回", "办结", "已办结"),
    ("办理中", "办结", "已办结"),
    ("登记受理", "办结", "已办结"),
    ("已办结", "回访", "已回访"),
    ("已回访", "销号", "已销号"),
    ("登记受理", "退回", "已退回"),
    ("办理中", "退回", "已退回"),
    ("登记受理", "暂不能解决", "暂不能解决"),
    ("办理中", "暂不能解决", "暂不能解决"),
    ("已上报", "暂不能解决", "暂不能解决"),
    ("结果返回", "暂不能解决", "暂不能解决"),
    ("暂不能解决", "重新办理", "办理中"),
]
# What each step is called in the service (apply_action's code) and what it
# asks for (the domain: 退回 states all reasons, 暂不能解决 an explanation,
# 回访 the villager's satisfaction).
STEPS = {
    "办理": ("start", {}),
    "上报": ("forward", {"forwarded_to": "镇民政办"}),
    "结果返回": ("result", {"text": "镇里已批复"}),
    "办结": ("complete", {"text": "已办好"}),
    "回访": ("feedback", {"satisfaction": "satisfied", "mode": "visit", "respondent": "户主"}),
    "销号": ("close", {}),
    "退回": ("return", {"reasons": ["不属于本村职责", "材料不全"]}),
    "暂不能解决": ("unresolvable", {"text": "资金未到位，明年春天解决"}),
    "重新办理": ("reopen", {}),
}
# A way to reach each state from registration, along the domain's own arrows.
ROUTE = {
    "登记受理": [],
    "办理中": ["办理"],
    "已上报": ["上报"],
    "结果返回": ["上报", "结果返回"],
    "已办结": ["办理", "办结"],
    "已回访": ["办理", "办结", "回访"],
    "已销号": ["办理", "办结", "回访", "销号"],
    "已退回": ["退回"],
    "暂不能解决": ["暂不能解决"],
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


def step(db, mid, label, **extra):
    code, args = STEPS[label]
    services.ledger.apply_action(db, None, mid, code, **{**args, **extra})


def shown_status(db, mid) -> str:
    with db.reading() as s:
        return lifecycle.STATUS_LABELS[s.get(Matter, mid).status]


@pytest.mark.parametrize("before, label, after", LIFE_CYCLE)
def test_each_step_of_the_domain_leads_where_the_domain_says(db, village, before, label, after):
    mid = register(db, village)
    for earlier in ROUTE[before]:
        step(db, mid, earlier)
    assert shown_status(db, mid) == before
    step(db, mid, label)
    assert shown_status(db, mid) == after


def test_an_unsatisfied_return_visit_is_handled_again_not_closed(db, village):
    mid = register(db, village)
    for label in ROUTE["已办结"]:
        step(db, mid, label)
    step(db, mid, "回访", satisfaction="unsatisfied")
    with pytest.raises(IllegalTransition):
        step(db, mid, "销号")
    assert shown_status(db, mid) == "已回访"
    step(db, mid, "重新办理")
    assert shown_status(db, mid) == "办理中"


@pytest.mark.parametrize("state", ["已销号", "已退回"])
def test_a_closed_or_returned_matter_takes_no_further_step(db, village, state):
    mid = register(db, village)
    for label in ROUTE[state]:
        step(db, mid, label)
    for label in STEPS:
        with pytest.raises(IllegalTransition):
            step(db, mid, label)
    assert shown_status(db, mid) == state


def overdue_now(db, mid, today):
    with db.reading() as s:
        listed = queries.matters.matter_count(s, MatterFilter(overdue=True, today=today))
        return lifecycle.is_overdue(s.get(Matter, mid), today), listed == 1


def test_due_today_is_not_overdue_the_day_after_is(db, village):
    """DOMAIN.md §4: overdue = past 办结时限 and not finished."""
    deadline = TODAY + dt.timedelta(days=3)
    mid = register(db, village, deadline=deadline)
    assert overdue_now(db, mid, deadline - dt.timedelta(days=1)) == (False, False)
    assert overdue_now(db, mid, deadline) == (False, False)
    assert overdue_now(db, mid, deadline + dt.timedelta(days=1)) == (True, True)


def test_a_finished_matter_past_its_deadline_is_not_overdue(db, village):
    deadline = TODAY + dt.timedelta(days=3)
    mid = register(db, village, deadline=deadline)
    step(db, mid, "办结")
    assert overdue_now(db, mid, deadline + dt.timedelta(days=30)) == (False, False)


def number_of(db, mid) -> str:
    with db.reading() as s:
        return s.get(Matter, mid).number


def test_a_number_already_present_is_skipped_not_handed_out_twice(db, village):
    """A matter number this computer already holds (say, received from a
    computer that once had the same code) is never given to a second matter."""
    first = register(db, village)
    second = register(db, village)
    code = db.device.code
    assert [number_of(db, first), number_of(db, second)] == [
        f"{TODAY.year}-{code}-0001",
        f"{TODAY.year}-{code}-0002",
    ]
    with db.transaction() as s:  # the counter starts again, as on a reinstalled copy
        s.execute(update(LocalCounter).values(value=0))
    third = register(db, village)
    assert number_of(db, third) == f"{TODAY.year}-{code}-0003"
