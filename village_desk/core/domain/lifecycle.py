"""The matter life cycle (DOMAIN.md §4): states, actions and what each needs.

An explicit state machine::

    登记受理 ─办理→ 办理中 ─办结→ 已办结 ─回访→ 已回访 ─销号→ 已销号
        │  └──上报──┴→ 已上报 ─结果返回→ 结果返回 ─办结┘      (不满意: 重新办理)
        ├─退回 (all reasons at once) → 已退回
        └─暂不能解决 (an explanation to the applicant) → 暂不能解决 ─重新办理→ 办理中

Each :class:`Action` declares its inputs once (:class:`ActionInput`): the
ledger service checks them and the GUI renders its form from them, so the two
cannot disagree about what an action asks for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

STATUS_LABELS = {
    "registered": "登记受理",
    "in_progress": "办理中",
    "forwarded": "已上报",
    "result_returned": "结果返回",
    "done": "已办结",
    "feedback": "已回访",
    "closed": "已销号",
    "returned": "已退回",
    "unresolvable": "暂不能解决",
}
OPEN_STATUSES = ("registered", "in_progress", "forwarded", "result_returned")
# Finished = no longer counts as overdue (已办结 and after, or answered otherwise).
FINISHED_STATUSES = ("done", "feedback", "closed", "returned", "unresolvable")
SATISFACTION_LABELS = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}
# How a return visit reached the villager: by phone or at the door.
FEEDBACK_MODES = {"phone": "电话", "visit": "上门"}


@dataclass(frozen=True)
class ActionInput:
    """One value an action asks for.

    ``name`` is the keyword of ``services.ledger.apply_action``; ``kind`` says
    how it is entered: ``text`` (several lines), ``line`` (one line),
    ``choice`` (a term of ``vocabulary``, without the codes in ``exclude``;
    or one of ``options``, fixed (code, label) pairs),
    ``lines`` (a list, one per line) or ``date``. ``field`` is the key a
    refusal of this value carries (see :mod:`.fields`). A required choice has
    no default: it is offered with nothing chosen and refused when left empty
    (the villager's satisfaction is asked, never assumed).
    """

    name: str
    kind: str
    field: str
    required: bool = False
    vocabulary: str = ""
    exclude: tuple[str, ...] = ()
    options: tuple[tuple[str, str], ...] = ()


_DATE = ActionInput("when", "date", "action.date", required=True)
_NOTE = ActionInput("text", "text", "action.text")


@dataclass(frozen=True)
class Action:
    code: str
    label: str
    sources: tuple[str, ...]
    target: str
    inputs: tuple[ActionInput, ...] = (_NOTE, _DATE)
    intro: str = ""  # shown above the form
    guard: Callable[[Any], str | None] | None = None  # a refusal, or None

    def input(self, name: str) -> ActionInput | None:
        return next((i for i in self.inputs if i.name == name), None)


def _close_guard(m) -> str | None:
    if m.satisfaction == "unsatisfied":
        return "回访结果为“不满意”，不能销号；请重新办理"
    return None


def _reopen_guard(m) -> str | None:
    if m.status == "feedback" and m.satisfaction != "unsatisfied":
        return "回访满意的事项无需重新办理，可直接销号"
    return None


ACTIONS: dict[str, Action] = {
    a.code: a
    for a in (
        Action("start", "办理", ("registered",), "in_progress"),
        Action(
            "forward",
            "上报",
            ("registered", "in_progress"),
            "forwarded",
            (
                ActionInput("forwarded_to", "line", "action.forwarded_to", required=True),
                ActionInput("level", "choice", "action.level", False, "level", ("village",)),
                _NOTE,
                _DATE,
            ),
        ),
        Action(
            "result",
            "结果返回",
            ("forwarded",),
            "result_returned",
            (ActionInput("text", "text", "action.result", required=True), _DATE),
        ),
        Action(
            "complete",
            "办结",
            ("registered", "in_progress", "result_returned"),
            "done",
            (ActionInput("text", "text", "action.outcome", required=True), _DATE),
        ),
        Action(
            "feedback",
            "回访",
            ("done",),
            "feedback",
            (
                ActionInput("satisfaction", "choice", "action.satisfaction", True, "satisfaction"),
                ActionInput(
                    "mode",
                    "choice",
                    "action.feedback_mode",
                    True,
                    options=tuple(FEEDBACK_MODES.items()),
                ),
                ActionInput("respondent", "line", "action.respondent", required=True),
                ActionInput("text", "text", "action.feedback"),
                _DATE,
            ),
        ),
        Action("close", "销号", ("feedback",), "closed", guard=_close_guard),
        Action(
            "return",
            "退回",
            ("registered", "in_progress"),
            "returned",
            (ActionInput("reasons", "lines", "action.reasons", required=True), _DATE),
            intro="一次性写明全部退回理由（每行一条），不让群众跑第二趟。",
        ),
        Action(
            "unresolvable",
            "暂不能解决",
            ("registered", "in_progress", "forwarded", "result_returned"),
            "unresolvable",
            (ActionInput("text", "text", "action.explanation", required=True), _DATE),
            intro="向群众说明暂时不能解决的原因。",
        ),
        Action(
            "reopen",
            "重新办理",
            ("unresolvable", "feedback"),
            "in_progress",
            guard=_reopen_guard,
        ),
    )
}


# The step a progress note belongs to: its action's label, or 办理情况 for a
# plain progress note (``MatterNote.action == "note"``). A correction of a
# finished matter's intake fields (``"correct"``) is a note too, not a step.
NOTE_STEP = "办理情况"
CORRECTION = "correct"
CORRECTION_STEP = "更正"
# Notes the ledger service words itself, beginning with the step: shown as they are.
_WORDED = {"forward", "feedback", "return", "unresolvable", "reopen"}


def step_label(action: str) -> str:
    """The step (办理, 上报, 结果返回, 办结, 回访, 销号, 退回, 暂不能解决,
    重新办理) a progress note of ``action`` belongs to; 办理情况 for a note."""
    act = ACTIONS.get(action)
    if act is None:
        return CORRECTION_STEP if action == CORRECTION else NOTE_STEP
    return act.label


def progress_line(action: str, text: str) -> str:
    """A progress note as read in the ledger: ``办结：已更换路灯``. Notes that
    already begin with their step (``回访：满意``, ``上报至镇民政办``, the
    default ``验收销号``) are not labelled twice."""
    label = step_label(action)
    text = text or ""
    if not text or text == label:
        return label
    if (action in _WORDED or action == CORRECTION) and text.startswith(label):
        return text
    if action == "close" and text == "验收销号":
        return text
    return f"{label}：{text}"


def available_actions(matter) -> list[Action]:
    """The actions legal for this matter now (the GUI offers exactly these).

    ``matter`` is anything with ``status`` and ``satisfaction``."""
    return [
        a
        for a in ACTIONS.values()
        if matter.status in a.sources and not (a.guard and a.guard(matter))
    ]


def is_overdue(matter, today: dt.date | None = None) -> bool:
    """Open and past its deadline (due today is not overdue)."""
    return matter.status in OPEN_STATUSES and matter.deadline < (today or dt.date.today())
