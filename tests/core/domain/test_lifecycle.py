"""The matter life cycle as a table (DOMAIN.md §4), checked without a
database: which steps each state offers, the overdue rule, and how a
progress note reads in the ledger. Expectations are written here from the
domain text, not read from ``lifecycle.ACTIONS``."""

import datetime as dt
from types import SimpleNamespace

import pytest

from village_desk.core.domain import lifecycle

# DOMAIN.md §4: the steps each state offers (by their Chinese names).
# 登记受理 → 办理中 → (已上报 → 结果返回) → 已办结 → 已回访 → 销号; side exits
# 退回 (before the work is done) and 暂不能解决 (while still open); 即办: 办结
# straight from 登记受理; 重新办理 after 暂不能解决 or an unsatisfied visit.
OFFERED = {
    "登记受理": {"办理", "上报", "办结", "退回", "暂不能解决"},
    "办理中": {"上报", "办结", "退回", "暂不能解决"},
    "已上报": {"结果返回", "暂不能解决"},
    "结果返回": {"办结", "暂不能解决"},
    "已办结": {"回访"},
    "已销号": set(),
    "已退回": set(),
    "暂不能解决": {"重新办理"},
}
CODE = {  # the states as stored
    "登记受理": "registered",
    "办理中": "in_progress",
    "已上报": "forwarded",
    "结果返回": "result_returned",
    "已办结": "done",
    "已回访": "feedback",
    "已销号": "closed",
    "已退回": "returned",
    "暂不能解决": "unresolvable",
}
OPEN = {"登记受理", "办理中", "已上报", "结果返回"}  # not yet 已办结 or answered otherwise


def matter(state: str, satisfaction: str | None = None, deadline=None):
    return SimpleNamespace(status=CODE[state], satisfaction=satisfaction, deadline=deadline)


def offered(m) -> set[str]:
    return {a.label for a in lifecycle.available_actions(m)}


@pytest.mark.parametrize("state", list(OFFERED))
def test_each_state_offers_the_domain_s_steps(state):
    assert offered(matter(state)) == OFFERED[state]


@pytest.mark.parametrize(
    "satisfaction, steps",
    [("satisfied", {"销号"}), ("basic", {"销号"}), ("unsatisfied", {"重新办理"})],
)
def test_after_the_return_visit_close_unless_unsatisfied(satisfaction, steps):
    assert offered(matter("已回访", satisfaction)) == steps


def test_the_guards_say_why_in_words():
    close = lifecycle.ACTIONS["close"]
    reopen = lifecycle.ACTIONS["reopen"]
    assert (
        close.guard(matter("已回访", "unsatisfied")) == "回访结果为“不满意”，不能销号；请重新办理"
    )
    assert close.guard(matter("已回访", "satisfied")) is None
    assert reopen.guard(matter("已回访", "satisfied")) == "回访满意的事项无需重新办理，可直接销号"
    assert reopen.guard(matter("已回访", "unsatisfied")) is None
    assert reopen.guard(matter("暂不能解决")) is None


def test_the_state_names_are_the_ledger_s():
    assert {lifecycle.STATUS_LABELS[code]: code for code in CODE.values()} == CODE
    assert set(lifecycle.OPEN_STATUSES) == {CODE[s] for s in OPEN}
    assert set(lifecycle.FINISHED_STATUSES) == {CODE[s] for s in CODE if s not in OPEN}


DAY = dt.date(2026, 3, 31)


@pytest.mark.parametrize("state", list(CODE))
def test_overdue_is_open_and_past_the_deadline(state):
    m = matter(state, deadline=DAY)
    assert not lifecycle.is_overdue(m, DAY - dt.timedelta(days=1))
    assert not lifecycle.is_overdue(m, DAY)  # due today is not yet overdue
    assert lifecycle.is_overdue(m, DAY + dt.timedelta(days=1)) == (state in OPEN)


def test_overdue_without_a_date_means_today():
    yesterday = dt.date.today() - dt.timedelta(days=1)
    assert lifecycle.is_overdue(matter("办理中", deadline=yesterday))
    assert not lifecycle.is_overdue(matter("办理中", deadline=dt.date.today()))


@pytest.mark.parametrize(
    "action, step",
    [
        ("start", "办理"),
        ("forward", "上报"),
        ("result", "结果返回"),
        ("complete", "办结"),
        ("feedback", "回访"),
        ("close", "销号"),
        ("return", "退回"),
        ("unresolvable", "暂不能解决"),
        ("reopen", "重新办理"),
        ("note", "办理情况"),
        ("correct", "更正"),  # a finished matter's registration corrected: a note, not a step
    ],
)
def test_each_note_belongs_to_its_step(action, step):
    assert lifecycle.step_label(action) == step


@pytest.mark.parametrize(
    "action, text, line",
    [
        ("complete", "已更换路灯", "办结：已更换路灯"),
        ("note", "已联系住建站", "办理情况：已联系住建站"),
        ("start", "", "办理"),
        ("start", None, "办理"),
        ("start", "办理", "办理"),
        ("feedback", "回访：满意", "回访：满意"),  # worded by the service: not labelled twice
        ("forward", "上报至镇民政办", "上报至镇民政办"),
        ("return", "退回：材料不全", "退回：材料不全"),
        ("unresolvable", "暂不能解决：资金未到位", "暂不能解决：资金未到位"),
        ("reopen", "重新办理：再次维修", "重新办理：再次维修"),
        ("close", "验收销号", "验收销号"),
        ("close", "群众满意", "销号：群众满意"),
        ("complete", "办结了", "办结：办结了"),  # typed by a person: labelled
        ("result", "结果返回镇里已批复", "结果返回：结果返回镇里已批复"),
        ("correct", "更正：办结时限改为5月1日", "更正：办结时限改为5月1日"),
        ("correct", "办结时限改为5月1日", "更正：办结时限改为5月1日"),
    ],
)
def test_a_progress_note_reads_with_its_step(action, text, line):
    assert lifecycle.progress_line(action, text) == line


def test_every_action_asks_for_a_date_and_states_what_is_required():
    required = {
        code: {i.name for i in a.inputs if i.required} for code, a in lifecycle.ACTIONS.items()
    }
    # 退回: all reasons at once; 暂不能解决: an explanation; 回访: satisfaction,
    # how and whom; 办结 / 结果返回: what was done / came back; 上报: to whom.
    assert required == {
        "start": {"when"},
        "forward": {"forwarded_to", "when"},
        "result": {"text", "when"},
        "complete": {"text", "when"},
        "feedback": {"satisfaction", "mode", "respondent", "when"},
        "close": {"when"},
        "return": {"reasons", "when"},
        "unresolvable": {"text", "when"},
        "reopen": {"when"},
    }
    assert lifecycle.ACTIONS["return"].input("reasons").kind == "lines"
    assert lifecycle.ACTIONS["return"].input("nothing") is None
