"""How each field merges when two copies changed it (see ``merge.py``).

* Most fields: the newest change wins (stamp, then device id), the same on
  every copy; a value overwritten by a change that had not seen it is kept as
  a conflict.
* List fields (categories, tags, companions, co-handlers) merge as sets:
  what one copy added and another removed are both applied, so two cadres
  adding different categories offline keep both.
* Map settings (a JSON object, e.g. visit quotas per role) merge per key.
* Field groups merge as one: a matter's life-cycle state (status with its
  result, dates, satisfaction…) comes whole from one change, never half from
  each copy — a state the life cycle could not reach.
"""

from __future__ import annotations

LIST_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("household", "categories"),
        ("person", "tags"),
        ("diary_entry", "companion_ids"),
        ("matter", "co_handler_ids"),
        ("mediation_session", "mediator_ids"),
        ("activity", "cadre_ids"),
    }
)
MAP_FIELDS: frozenset[tuple[str, str]] = frozenset({("setting", "value")})

MATTER_STATE = frozenset(
    {
        "status",
        "level",
        "handling",
        "forwarded_to",
        "forwarded_date",
        "result",
        "done_date",
        "return_reasons",
        "explanation",
        "feedback",
        "feedback_date",
        "satisfaction",
        "closed_date",
    }
)
# A commitment's year-end review (践诺评定) comes whole from one change.
COMMITMENT_REVIEW = frozenset({"outcome", "review_date", "review_text", "reviewer_id"})
# A dispute's outcome (调解结果: the outcome with its date, the agreement or
# the explanation) comes whole from one change: never one copy's 调解成功
# with the other's empty agreement.
DISPUTE_OUTCOME = frozenset({"outcome", "outcome_date", "agreement_text", "outcome_note"})
# A spot-check finding comes with its note; each of a cadre's 三评 comes
# whole (a score with its text, the villagers' three counts together).
SPOT_CHECK_FINDING = frozenset({"finding", "note"})
ASSESSMENT_ENTRY = frozenset(
    {"score", "assessor", "text", "satisfied", "basic", "unsatisfied", "date"}
)
# 办结签收 as a tick: who signed with the day, from one change.
MATTER_SIGNOFF = frozenset({"signoff_by", "signoff_date"})
GROUPS: dict[str, dict[str, frozenset[str]]] = {
    "matter": {"state": MATTER_STATE, "signoff": MATTER_SIGNOFF},
    "commitment": {"review": COMMITMENT_REVIEW},
    "dispute": {"outcome": DISPUTE_OUTCOME},
    "spot_check_item": {"finding": SPOT_CHECK_FINDING},
    "assessment": {"entry": ASSESSMENT_ENTRY},
}


def group_of(entity: str, field: str) -> frozenset[str]:
    """The fields that merge together with ``field`` (empty: it merges alone)."""
    for fields in GROUPS.get(entity, {}).values():
        if field in fields:
            return fields
    return frozenset()


def group_name(entity: str, field: str) -> str | None:
    for name, fields in GROUPS.get(entity, {}).items():
        if field in fields:
            return name
    return None


def kind_of(entity: str, field: str) -> str:
    """``list``, ``map``, ``group`` or ``value``."""
    if (entity, field) in LIST_FIELDS:
        return "list"
    if (entity, field) in MAP_FIELDS:
        return "map"
    if group_name(entity, field):
        return "group"
    return "value"
