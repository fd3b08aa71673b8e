"""Disputes (矛盾纠纷排查调处; 003 L19 "化解一批矛盾纠纷", 003 L17 "联合调处").

A dispute is a ledger matter of a special kind: two or more parties
(registered villagers, households, or outsiders by name), a type, mediation
sessions (date, place, mediators, whether the parties agreed) and an
outcome: 调解成功 with the agreement's text, 转司法所, 转信访, or 未成功.
A dispute still without an outcome after a number of days (the setting
``dispute_overdue_days``, 30 by default) is 久调不决.

The outcome moves the dispute's matter along the ledger's life cycle
(:data:`OUTCOME_ACTION`): 调解成功 is 办结 (the agreement is the result),
转司法所/转信访 is 上报 to that office, 未成功 is 暂不能解决 (the explanation
is what the parties were told). Its 回访 and 销号 follow in the ledger.
"""

from __future__ import annotations

import datetime as dt

from .fields import FIELD_LABELS

TYPES: dict[str, str] = {
    "neighbour": "邻里纠纷",
    "family": "婚姻家庭纠纷",
    "land": "土地纠纷",
    "forest": "山林纠纷",
    "homestead": "宅基地纠纷",
    "labour": "劳资纠纷",
    "debt": "债务纠纷",
    "damage": "损害赔偿纠纷",
    "other": "其他纠纷",
}
SIDES: dict[str, str] = {"applicant": "申请方", "respondent": "被申请方"}
OUTCOMES: dict[str, str] = {
    "success": "调解成功",
    "judicial": "转司法所",
    "petition": "转信访",
    "failed": "未成功",
}
IN_MEDIATION = "调解中"  # a dispute without an outcome yet
# The ledger action an outcome applies to the dispute's matter, and for a
# referral the office it goes to (上报至…).
OUTCOME_ACTION: dict[str, str] = {
    "success": "complete",
    "judicial": "forward",
    "petition": "forward",
    "failed": "unresolvable",
}
REFERRED_TO: dict[str, str] = {"judicial": "乡镇司法所", "petition": "乡镇信访办"}

OVERDUE_SETTING = "dispute_overdue_days"
DEFAULT_OVERDUE_DAYS = 30
MAX_OVERDUE_DAYS = 365
MIN_PARTIES = 2

FIELDS: dict[str, str] = {
    "dispute.type": "纠纷类型",
    "dispute.summary": "纠纷事由",
    "dispute.received_date": "受理日期",
    "dispute.responsible_id": "责任人",
    "dispute.parties": "当事人",
    "dispute.outcome": "调解结果",
    "dispute.outcome_date": "结果日期",
    "dispute.agreement_text": "调解协议内容",
    "dispute.outcome_note": "情况说明",
    "dispute.village_id": "所属村",
    "dispute_party.side": "当事人一方",
    "dispute_party.name": "当事人姓名",
    "dispute_party.person_id": "当事人",
    "dispute_party.household_id": "当事户",
    "dispute_party.sort_order": "当事人顺序",
    "mediation_session.date": "调解日期",
    "mediation_session.place": "调解地点",
    "mediation_session.mediator_ids": "调解人",
    "mediation_session.other_mediators": "其他调解人",
    "mediation_session.agreed": "是否达成一致",
    "mediation_session.notes": "调解情况",
    "setting.dispute_overdue_days": "久调不决天数",
}
FIELD_LABELS.update({k: v for k, v in FIELDS.items() if k not in FIELD_LABELS})


def party_field(index: int, part: str) -> str:
    """The key of a dispute's party (``index`` counts from 1)."""
    return f"dispute.party.{index}.{part}"


def outcome_label(outcome: str) -> str:
    return OUTCOMES.get(outcome, IN_MEDIATION) if outcome else IN_MEDIATION


def age_days(received: dt.date, today: dt.date | None = None) -> int:
    """Days since the dispute was received (the day received is day 0)."""
    return ((today or dt.date.today()) - received).days


def long_unresolved(outcome: str, received: dt.date, days: int, today: dt.date | None = None):
    """久调不决: still without an outcome more than ``days`` days after it was received."""
    return not outcome and age_days(received, today) > days
