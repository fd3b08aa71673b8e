"""Contact cards for a selection of households, as one PDF."""

from __future__ import annotations

import os
from typing import BinaryIO

from ..jobs import Job
from ..storage.files import atomic_output
from .carddata import CardSelection, load_cards, load_common
from .cards import render_cards
from .fonts import font_for_session


def print_cards(
    db,
    out: str | os.PathLike | BinaryIO,
    selection: CardSelection,
    *,
    layout: str = "a4-10",
    size: str = "90x54",
    qr: bool = True,
    backs: bool = True,
    job: Job | None = None,
) -> tuple[int, int]:
    """Write contact cards for the selected households; returns (cards, pages).

    A path is written whole or not at all, owner-only (a full disk leaves no
    truncated PDF under its name; an earlier file of that name stays)."""
    if isinstance(out, str | os.PathLike):
        with atomic_output(out) as f:
            return print_cards(
                db, f, selection, layout=layout, size=size, qr=qr, backs=backs, job=job
            )
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
        job=job,
    )
    return len(cards), pages
