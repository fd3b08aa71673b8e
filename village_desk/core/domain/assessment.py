"""Spot-checks of diaries and the yearly assessment (一测一考, 三评).

* 抽查民情日记 (001 L424: "镇党委、政府不定期对镇村干部的民情日记进行抽查"):
  the township draws a random sample of a village's or a cadre's diary
  entries of a period and records a finding for each: 真实 (the visit took
  place as written), 不够具体 (too vague to check), 未回访 (a raised problem
  was not followed up), 不实 (not true). The draw is reproducible: the
  entries in scope are ordered by a stable key (date, then the entry's id)
  and ``random.Random(seed).sample`` picks positions in that order, so
  anyone with the seed and the same entries draws the same sample.
  日记真实率 = 真实 ÷ 已抽查 (entries with a finding).
* 一测一考 (004 L111): 一考 = the daily work check (visits, contact with
  villagers, problems solved), 一测 = villagers' satisfaction survey. The
  三评 (002 L13: 述职 … 接受上级领导、同级党员和基层群众的点评、评议):
  自评 (the cadre's own), 点评 (the leader's comment), 群众测评 (villagers'
  votes 满意 / 基本满意 / 不满意). 测评满意率 = (满意 + 基本满意) ÷ 票数,
  counting 基本满意 as satisfied as the ledger's 满意率 does.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from .fields import FIELD_LABELS

FINDINGS: dict[str, str] = {
    "true": "真实",
    "vague": "不够具体",
    "no_follow_up": "未回访",
    "false": "不实",
}
NOT_CHECKED = "未下结论"
# The 三评 (002 L13), each entered as its own record.
PARTS: dict[str, str] = {"self": "自评", "leader": "领导点评", "poll": "群众测评"}
SCORE_MAX = 100
SAMPLE_MAX = 200
SEED_MAX = 999_999

FIELDS: dict[str, str] = {
    "spot_check.date": "抽查日期",
    "spot_check.inspector": "抽查人",
    "spot_check.scope_village_id": "抽查的村",
    "spot_check.cadre_id": "抽查的干部",
    "spot_check.period_start": "日记起始日期",
    "spot_check.period_end": "日记截止日期",
    "spot_check.sample_size": "抽查篇数",
    "spot_check.population": "范围内日记篇数",
    "spot_check.seed": "随机数种子",
    "spot_check.note": "抽查说明",
    "spot_check.village_id": "所属村",
    "spot_check_item.check_id": "所属抽查",
    "spot_check_item.entry_id": "抽查的日记",
    "spot_check_item.position": "抽查序号",
    "spot_check_item.village_id": "所属村",
    "spot_check_item.finding": "抽查结论",
    "spot_check_item.note": "结论说明",
    "assessment.cadre_id": "考核干部",
    "assessment.year": "考核年度",
    "assessment.part": "评价类别",
    "assessment.score": "得分",
    "assessment.assessor": "点评人",
    "assessment.text": "评价意见",
    "assessment.satisfied": "满意票",
    "assessment.basic": "基本满意票",
    "assessment.unsatisfied": "不满意票",
    "assessment.date": "测评日期",
    # the assessment form's fields
    "assessment.self_score": "自评得分",
    "assessment.self_text": "自评意见",
    "assessment.leader_score": "点评得分",
    "assessment.leader_name": "点评人",
    "assessment.leader_comment": "点评意见",
    "assessment.poll_satisfied": "测评满意票",
    "assessment.poll_basic": "测评基本满意票",
    "assessment.poll_unsatisfied": "测评不满意票",
    "assessment.poll_date": "测评日期",
    "assessment.village_id": "所属村",
}
FIELD_LABELS.update({k: v for k, v in FIELDS.items() if k not in FIELD_LABELS})


def draw(keys: Sequence, size: int, seed: int) -> list:
    """The reproducible sample: ``size`` of ``keys`` (already in their stable
    order), returned in that order. All of them when there are no more."""
    if size >= len(keys):
        return list(keys)
    picked = sorted(random.Random(seed).sample(range(len(keys)), size))
    return [keys[i] for i in picked]


def finding_label(code: str) -> str:
    return FINDINGS.get(code, code or NOT_CHECKED)


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def poll_rate(satisfied: int | None, basic: int | None, unsatisfied: int | None) -> float | None:
    """测评满意率 = (满意 + 基本满意) ÷ 票数 (None: no votes entered)."""
    votes = (satisfied or 0) + (basic or 0) + (unsatisfied or 0)
    return ratio((satisfied or 0) + (basic or 0), votes)


# Each figure of the yearly sheet as the sheet, the print and the page state it.
DEFINITIONS: tuple[tuple[str, str], ...] = (
    (
        "走访户/户次",
        "本年度以计入任务的方式（默认入户走访、慰问）走访的户数（不重复）和户次，"
        "本人记录或作为同行干部均计入，与乡镇汇总、干部走访统计一致",
    ),
    (
        "走访完成率",
        "按年任务（户或户次）折算到截至日（当年年底或今天）应完成数，向上取整；"
        "完成率 = 已完成 ÷ 应完成。按轮次考核的任务不在此折算",
    ),
    ("联系户覆盖率", "截至日仍在结对的联系户中，本年度走访到的户数 ÷ 联系户数"),
    (
        "事项",
        "本人为主办责任人、本年度在账的事项（上年结转和本年受理），截至日的状态；"
        "办结率 = 已办结 ÷ 在账；按时办结率 = 按时办结 ÷ 已办结；"
        "满意率 = 最后一次回访在本年度且为满意或基本满意 ÷ 最后一次回访在本年度的事项",
    ),
    ("践诺率", "本年度公开承诺中已践诺 ÷ 承诺件数（部分践诺不计为已践诺，未评定的计入件数）"),
    (
        "日记抽查",
        "本人所写本年度民情日记被抽查并已下结论的篇数及各结论篇数；日记真实率 = 真实 ÷ 已抽查",
    ),
    ("测评满意率", "群众测评中（满意 + 基本满意）÷ 总票数"),
)


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"
