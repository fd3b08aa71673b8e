"""“六个一” for cadres stationed in villages (基层蹲点, seed 003 L19): in a
year each cadre is to 记录一本民情日记、开展一次宣讲活动、搭建一次联动服务、
组织一次民主恳谈、化解一批矛盾纠纷、落实一批实事工程.

Four of the six are read from records the app already keeps (the diary,
meetings, disputes); the other three kinds of work — a policy talk (宣讲), a
joint service (联动服务: 联合办公日, 现场办公, several departments serving
villagers together) and a practical project (实事工程) — are kept as simple
activity records: kind, date, place, what it was, the cadres who did it, who
took part and how many. Each item is ticked by the definition in
:data:`ITEMS`; the count next to the tick lets an official see “一批” for
what it is.
"""

from __future__ import annotations

from .fields import FIELD_LABELS

ACTIVITY_KINDS: dict[str, str] = {
    "talk": "宣讲活动",
    "joint_service": "联动服务",
    "project": "实事工程",
}

# Meeting kinds that count as 组织一次民主恳谈 when the cadre hosted them
# (domain.meetings.KINDS: 民主恳谈会 and 院坝说事会 are both talks where
# villagers raise what concerns them; 民主议政日 and 村民代表会议 are not).
TALK_MEETING_KINDS: tuple[str, ...] = ("democratic_talk", "courtyard")

# (key, the item as the source names it, the unit of its count, how it is ticked)
ITEMS: tuple[tuple[str, str, str, str], ...] = (
    ("diary", "记录一本民情日记", "篇", "本人记的民情日记（作为记录人）当年有1篇以上"),
    ("talk", "开展一次宣讲活动", "次", "当年登记的宣讲活动中本人是开展干部"),
    ("joint_service", "搭建一次联动服务", "次", "当年登记的联动服务中本人是开展干部"),
    (
        "democratic_talk",
        "组织一次民主恳谈",
        "次",
        "当年本人主持的民主恳谈会、院坝说事会（会议记录）",
    ),
    (
        "disputes",
        "化解一批矛盾纠纷",
        "件",
        "当年调解成功的矛盾纠纷中本人是调解干部或责任人（按调解成功日期计年）",
    ),
    ("project", "落实一批实事工程", "项", "当年登记的实事工程中本人是落实干部"),
)

MAX_HEAD_COUNT = 100000

FIELDS: dict[str, str] = {
    "activity.kind": "活动类别",
    "activity.date": "日期",
    "activity.place": "地点",
    "activity.title": "活动内容",
    "activity.cadre_ids": "开展干部",
    "activity.participants": "参加人员",
    "activity.head_count": "参加人数",
    "activity.notes": "成效与备注",
    "activity.village_id": "所属村",
}
FIELD_LABELS.update({k: v for k, v in FIELDS.items() if k not in FIELD_LABELS})
