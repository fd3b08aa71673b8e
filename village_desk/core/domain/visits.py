"""The visit diary's fixed parts (DOMAIN.md §3): the six questions, contacts
that are meetings, and which ledger channel a matter raised in a contact
comes from."""

from __future__ import annotations

SIX_QUESTIONS = (
    ("q_basic", "基本情况"),
    ("q_hardship", "困难问题"),
    ("q_wishes", "致富愿望"),
    ("q_evaluation", "干部评价"),
    ("q_suggestions", "工作建议"),
    ("q_development", "发展计策"),
)

# Contacts with a group rather than one household: they may name a place and
# participants instead of households.
MEETING_MODES = ("forum", "courtyard", "heart_talk", "activity")

# Kinds of contact every visit statistic counts apart (the sources criticise
# phone-only contact; a meeting is not a home visit): mode → kind.
CONTACT_KINDS = (("home", "入户"), ("office", "坐访"), ("phone", "电话"), ("meeting", "会议"))
KIND_OF_MODE = {
    "home_visit": "home",
    "condolence": "home",
    "office_duty": "office",
    "phone": "phone",
    "forum": "meeting",
    "courtyard": "meeting",
    "heart_talk": "meeting",
    "activity": "meeting",
}


# Visit modes that count toward the 户 and 户次 of the quotas and coverage
# unless the setting ``quota_visit_modes`` says otherwise; the others
# (meetings, phone calls, office duty) are shown separately.
QUOTA_VISIT_MODES = ("home_visit", "condolence")


def contact_kind(mode: str) -> str:
    """入户 / 坐访 / 电话 / 会议 of a visit mode (a mode added later: 入户)."""
    return KIND_OF_MODE.get(mode, "meeting" if mode in MEETING_MODES else "home")


# Which ledger channel a matter raised in a contact of this mode comes from.
CHANNEL_FOR_MODE = {
    "home_visit": "home_visit",
    "office_duty": "office_duty",
    "phone": "call",
    "forum": "forum",
    "courtyard": "forum",
    "heart_talk": "forum",
    "activity": "home_visit",
    "condolence": "home_visit",
}

# What became of a raised item: solved on the spot, or entered in the ledger.
ITEM_OUTCOMES = ("solved", "matter")
