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
