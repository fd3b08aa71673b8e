"""Cleaning the text people (and rosters, and other copies) hand us.

Every stored text value passes :func:`clean_text` (the storage layer applies
it to every text column of a synced record, whatever wrote it): Unicode NFC;
no control characters (an Excel export refuses them), no bidi
embedding/override/isolate marks (they make a name read backwards), no
zero-width characters (two names that look equal would differ); single-line
values get tabs and line breaks as one space; surrounding blanks trimmed.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text", "printable"]

# C0 controls but tab and line feed, DEL, C1 controls; bidi embeddings,
# overrides and isolates; zero-width space/joiners, word joiner, BOM.
_DROP = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff"
_DROP_RE = re.compile(f"[{_DROP}]")
_DROP_MULTILINE_RE = re.compile(f"[{_DROP}\t]")
# A single-line value: tabs and line breaks become a space, runs of them one.
_BREAKS_RE = re.compile(r"[ \t]*[\t\n][ \t\n]*")
# OOXML escapes of control characters (``_x0001_``), as a spreadsheet writes
# them: a reader that does not decode them would keep them as text, and a
# spreadsheet program would turn them back into control characters.
# Anything clean_text would change but normalisation and trimming.
_SUSPECT_RE = re.compile(f"[{_DROP}\t\n\r]|_x")
_OOXML_ESCAPE_RE = re.compile(r"_x(00[0-1][0-9A-Fa-f]|007[Ff]|00[89][0-9A-Fa-f])_")


def clean_text(value: str, multiline: bool = False) -> str:
    """``value`` normalised for storage (see the module docstring); in a
    ``multiline`` value line breaks are kept (``\\r\\n`` becomes ``\\n``) and a
    tab becomes a space."""
    if not value or (
        value == value.strip()
        and not _SUSPECT_RE.search(value)
        and unicodedata.is_normalized("NFC", value)
    ):
        return value  # the common case (a roster has hundreds of thousands), untouched
    value = unicodedata.normalize("NFC", value)
    if "_x" in value:
        value = _OOXML_ESCAPE_RE.sub(lambda m: chr(int(m[1], 16)), value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        value = _DROP_MULTILINE_RE.sub(lambda m: " " if m[0] == "\t" else "", value)
    else:
        value = _DROP_RE.sub("", value)
        value = _BREAKS_RE.sub(" ", value)
    return value.strip()


def printable(value: str) -> str:
    """``value`` safe to print on one line of a terminal: control, bidi and
    zero-width characters dropped, tabs and line breaks as spaces."""
    return _DROP_RE.sub("", value.replace("\r", "")).replace("\t", " ").replace("\n", " ")
