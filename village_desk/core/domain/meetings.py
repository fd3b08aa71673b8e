"""Village meetings (002 L85 民主恳谈会; 001 L136 院坝说事会; 004 L106 民主议政日;
002 L31, 001 L288 村民代表会议; 003 L19 "组织一次民主恳谈").

A meeting record: kind, date, place, host, the villagers who came (registered
people, and a head count of everyone), topics, what was said and decided.
Each point raised is either solved on the spot or turned into a ledger
matter whose first responsible person is the host (首访负责制, as for a
diary entry, 004 L103). How often each kind should take place is a setting
(``meeting_frequency_months``, kind → months; the sources name 民主议政日 as
monthly, 004 L106): a kind whose last meeting is older than that is overdue.
"""

from __future__ import annotations

import datetime as dt

from .fields import FIELD_LABELS

KINDS: dict[str, str] = {
    "council_day": "民主议政日",
    "democratic_talk": "民主恳谈会",
    "courtyard": "院坝说事会",
    "representatives": "村民代表会议",
}
# Defaults of the setting ``meeting_frequency_months`` (0: no fixed rhythm).
DEFAULT_FREQUENCY_MONTHS: dict[str, int] = {
    "council_day": 1,
    "democratic_talk": 2,
    "courtyard": 3,
    "representatives": 3,
}
FREQUENCY_SETTING = "meeting_frequency_months"
ITEM_OUTCOMES: dict[str, str] = {"solved": "当场解决", "matter": "转入台账"}

FIELDS: dict[str, str] = {
    "meeting.kind": "会议类型",
    "meeting.date": "会议日期",
    "meeting.place": "会议地点",
    "meeting.host_id": "主持人",
    "meeting.group_id": "村民小组",
    "meeting.head_count": "参会人数",
    "meeting.attendees": "参会村民",
    "meeting.topics": "会议议题",
    "meeting.discussion": "会议情况",
    "meeting.decisions": "会议决定",
    "meeting.village_id": "所属村",
    "meeting_item.text": "群众反映的问题",
    "meeting_item.outcome": "处理方式",
    "meeting_item.solution": "当场解决情况",
    "meeting_item.kind": "事项类别",
    "setting.meeting_frequency_months": "会议频次",
}
FIELD_LABELS.update({k: v for k, v in FIELDS.items() if k not in FIELD_LABELS})


def item_field(index: int, part: str) -> str:
    """The key of a meeting's raised point (``index`` counts from 1)."""
    return f"meeting.item.{index}.{part}"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, kept within the month (Jan 31 + 1 → Feb 28)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError(day)
