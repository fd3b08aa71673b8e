"""Public commitments (亮承诺, 000 L65/L113; 001 L34, L464; 002 L59).

At the start of each year every cadre — and, where the village asks it,
party members — publicly commits to concrete work: a 服务承诺 states the
content, the measures taken and the target by a deadline (000 L113); a
一句话承诺 is one sentence posted with the person's name (001 L34). Progress
notes accumulate; at the year's end each is reviewed as 已践诺, 部分践诺 or
未践诺, always with an explanation.

践诺率 (001 L464: "承诺事项24600多件，现已完成21100多件，践诺率达到85%以上")
is the kept share of everything committed: 已践诺 ÷ 承诺件数. 部分践诺 does
not count as kept; commitments not yet reviewed count in the base.
"""

from __future__ import annotations

from fractions import Fraction

from .fields import FIELD_LABELS

KINDS: dict[str, str] = {"service": "服务承诺", "one_line": "一句话承诺"}
OUTCOMES: dict[str, str] = {"kept": "已践诺", "partly": "部分践诺", "not_kept": "未践诺"}
NOT_REVIEWED = "未评定"

FIELDS: dict[str, str] = {
    "commitment.year": "承诺年度",
    "commitment.committer": "承诺人",
    "commitment.cadre_id": "承诺人（干部）",
    "commitment.person_id": "承诺人（党员）",
    "commitment.kind": "承诺类型",
    "commitment.content": "承诺内容",
    "commitment.measures": "采取的措施",
    "commitment.target": "达到的目标",
    "commitment.deadline": "完成时限",
    "commitment.public": "公示",
    "commitment.village_id": "所属村",
    "commitment.outcome": "践诺评定",
    "commitment.review_date": "评定日期",
    "commitment.review_text": "评定说明",
    "commitment.reviewer_id": "评定人",
    "commitment_note.date": "进展日期",
    "commitment_note.text": "践诺进展",
}
# Registered with the other field labels, so forms and merge conflicts name them.
FIELD_LABELS.update({k: v for k, v in FIELDS.items() if k not in FIELD_LABELS})


def keeping_rate(kept: int, total: int) -> float | None:
    """践诺率 = 已践诺 ÷ 承诺件数 (None without commitments)."""
    return float(Fraction(kept, total)) if total else None


def outcome_label(outcome: str) -> str:
    return OUTCOMES.get(outcome, outcome or NOT_REVIEWED)
