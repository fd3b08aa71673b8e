"""Life-cycle words as people read them in the GUI.

The domain names statuses and steps in Chinese (``domain.lifecycle``): that is
what the Chinese GUI, the printouts and the exports show. The English GUI
(``VILLAGE_DESK_LANG=en``) shows English words instead of leaving them Chinese.
"""

from __future__ import annotations

from village_desk.core.domain.lifecycle import ACTIONS, STATUS_LABELS
from village_desk.ui.i18n import current_language

STATUS_EN = {
    "registered": "Registered",
    "in_progress": "In progress",
    "forwarded": "Forwarded",
    "result_returned": "Result returned",
    "done": "Done",
    "feedback": "Visited back",
    "closed": "Closed",
    "returned": "Returned",
    "unresolvable": "Cannot be solved yet",
}
ACTION_EN = {
    "start": "Handle",
    "forward": "Forward",
    "result": "Result returned",
    "complete": "Done",
    "feedback": "Return visit",
    "close": "Close",
    "return": "Return",
    "unresolvable": "Cannot solve yet",
    "reopen": "Handle again",
}


def _english() -> bool:
    return current_language().startswith("en")


def status_label(code: str) -> str:
    """A matter status: 登记受理 … (or its English name in the English GUI)."""
    if _english():
        return STATUS_EN.get(code, code)
    return STATUS_LABELS.get(code, code)


def action_label(code: str) -> str:
    """A life-cycle step: 办理, 上报 … (or its English name in the English GUI)."""
    if _english():
        return ACTION_EN.get(code, code)
    act = ACTIONS.get(code)
    return act.label if act is not None else code
