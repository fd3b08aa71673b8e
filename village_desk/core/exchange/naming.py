"""File names for exchange packages that survive FAT32 sticks and WeChat:
ASCII only, short, dated, never overwriting one already there, e.g.
``VD-THC-K7M-20261129-1.vdx`` for 桃花村 on the laptop with code K7M."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path


def initials(place: str) -> str:
    """The pinyin initials of a place name, upper case (桃花村 → THC);
    letters and digits of a name already in Latin script are kept."""
    from ..domain.pinyin import first_letters

    letters = []
    for part in first_letters(place.strip()):
        letters.append(re.sub(r"[^A-Za-z0-9]", "", part)[:1] if len(part) == 1 else "")
        if len(part) > 1:  # a run of Latin letters or digits kept as written
            letters[-1] = re.sub(r"[^A-Za-z0-9]", "", part)
    text = "".join(letters).upper()[:8]
    return text or "X"


def file_name(folder: Path, place: str, code: str, day: dt.date) -> Path:
    stem = f"VD-{initials(place)}-{re.sub(r'[^A-Za-z0-9]', '', code).upper() or 'X'}-{day:%Y%m%d}"
    n = 1
    while (folder / f"{stem}-{n}.vdx").exists():
        n += 1
    return folder / f"{stem}-{n}.vdx"
