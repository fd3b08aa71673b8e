"""Printing: contact cards, the 公示 sheet, diary print, referral form and the
month-end ledger sheet, as PDFs made with reportlab (no Qt here; the GUI only
previews and prints the files).

Each ``print_*`` function reads what it needs from a
:class:`~village_desk.core.storage.db.Database` in one read session and
writes a PDF to a path or binary file, returning the page count; long ones
report to a :class:`~village_desk.core.jobs.Job`. They are safe to run in a
worker thread. The names below are imported on first use, so importing this
package (for :mod:`.options`, say) does not load reportlab.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "CARD_SIZES": ".cards",
    "LAYOUTS": ".options",
    "CardSelection": ".carddata",
    "cjk_font": ".fonts",
    "fonts": ".fonts",
    "parse_month": ".notice",
    "print_assessment": ".assessment",
    "print_cards": ".card_print",
    "print_commitment_notice": ".commitments",
    "print_diary": ".diary",
    "print_dispute": ".disputes",
    "print_ledger_sheet": ".ledger_sheet",
    "print_minutes": ".meetings",
    "print_notice": ".notice",
    "print_overdue": ".overdue",
    "print_referral": ".referral",
    "print_spot_check": ".assessment",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(_WHERE[name], __name__)
    return module if name == "fonts" else getattr(module, name)
