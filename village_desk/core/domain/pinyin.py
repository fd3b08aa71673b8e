"""Pinyin through pypinyin, without its phrase dictionary.

The program reads characters one at a time (the search keys of a name, the
initials of a place in a file name), where the phrase dictionary changes
nothing for a name and costs 46 MB of memory and a quarter of a second to
load, in every process that saves a person. pypinyin's own switches are set
before it is first imported — here, the one place it is imported from — so
every process reads characters alike. (A place name read without phrases
takes each character's everyday reading: 长寿村 → Z S C, as with the names
of people.)
"""

from __future__ import annotations

import os

os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")


def lazy_pinyin(text: str, **kwargs) -> list[str]:
    from pypinyin import lazy_pinyin as convert

    return convert(text, **kwargs)


def first_letters(text: str) -> list[str]:
    """Each character's initial (runs of other text kept as written)."""
    from pypinyin import Style
    from pypinyin import lazy_pinyin as convert

    return convert(text, style=Style.FIRST_LETTER, errors="default")
