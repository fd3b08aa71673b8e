"""Printing: contact cards, the 公示 sheet, diary print, referral form and the
month-end ledger sheet, as PDFs made with reportlab (no Qt here; the GUI only
previews and prints the files).

Each ``print_*`` function reads what it needs from a :class:`~..db.Database`
in one read session and writes a PDF to a path or binary file, returning the
page count. They are safe to run in a worker thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import BinaryIO

from .carddata import CardSelection, load_cards, load_common
from .cards import CARD_SIZES, LAYOUTS, render_cards
from .diary import print_diary
from .fonts import cjk_font, font_for_session
from .ledger_sheet import print_ledger_sheet
from .notice import parse_month, print_notice
from .referral import print_referral

__all__ = [
    "CARD_SIZES",
    "LAYOUTS",
    "CardSelection",
    "cjk_font",
    "parse_month",
    "print_cards",
    "print_diary",
    "print_ledger_sheet",
    "print_notice",
    "print_referral",
]


def print_cards(
    db,
    out: str | os.PathLike | BinaryIO,
    selection: CardSelection,
    *,
    layout: str = "a4-10",
    size: str = "90x54",
    qr: bool = True,
    backs: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, int]:
    """Write contact cards for the selected households; returns (cards, pages)."""
    with db.reading() as s:
        common = load_common(s)
        cards = load_cards(s, selection)
        font = font_for_session(s)
    pages = render_cards(
        out,
        common,
        cards,
        layout=layout,
        size=size,
        qr=qr,
        backs=backs,
        font=font,
        progress=progress,
    )
    return len(cards), pages
