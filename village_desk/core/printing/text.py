"""Measuring and wrapping Chinese text so it stays inside a box.

Chinese wraps between any two characters; runs of Latin letters and digits
(phone numbers, 户号) are kept whole unless a run alone is wider than the
line. Closing punctuation never starts a line. :func:`fit` picks the largest
font size at which a set of paragraphs fits a box, and when even the smallest
size does not fit it cuts the last visible line with an ellipsis — text is
never drawn outside its box.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

ELLIPSIS = "…"
_TOKEN = re.compile(r"[A-Za-z0-9@._:/+\-#*()（）]+|\s+|.", re.S)
# Characters that must not begin a line (simplified 禁则).
_NO_LINE_START = set("，。、；：！？）》」』】〉”’,.;:!?)%…·")

LINE_SPACING = 1.28


@lru_cache(maxsize=65536)
def _char_width(font: str, ch: str) -> float:
    return pdfmetrics.stringWidth(ch, font, 1000.0)


def text_width(text: str, font: str, size: float) -> float:
    return sum(_char_width(font, ch) for ch in text) * size / 1000.0


def _split_long(token: str, font: str, size: float, width: float) -> list[str]:
    parts, cur = [], ""
    for ch in token:
        if cur and text_width(cur + ch, font, size) > width:
            parts.append(cur)
            cur = ch
        else:
            cur += ch
    return parts + ([cur] if cur else [])


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break one paragraph into lines no wider than ``width`` (points)."""
    lines: list[str] = []
    for para in text.split("\n"):
        cur, cur_w = "", 0.0
        for token in _TOKEN.findall(para):
            w = text_width(token, font, size)
            if cur_w + w <= width or not cur:
                if not cur and token.isspace():
                    continue
                if w > width:  # a single run wider than the line
                    pieces = _split_long(token, font, size, width)
                    lines.extend(pieces[:-1])
                    cur = pieces[-1]
                    cur_w = text_width(cur, font, size)
                else:
                    cur, cur_w = cur + token, cur_w + w
                continue
            if token.isspace():
                lines.append(cur.rstrip())
                cur, cur_w = "", 0.0
                continue
            if token[0] in _NO_LINE_START and len(cur) > 1:
                # carry the previous character down with the punctuation
                carry = cur[-1]
                lines.append(cur[:-1])
                token = carry + token
            else:
                lines.append(cur.rstrip())
            w = text_width(token, font, size)
            if w > width:
                pieces = _split_long(token, font, size, width)
                lines.extend(pieces[:-1])
                token = pieces[-1]
            cur, cur_w = token, text_width(token, font, size)
        lines.append(cur.rstrip())
    return lines


def ellipsize(text: str, font: str, size: float, width: float, force: bool = False) -> str:
    """``text`` cut with … so it fits ``width`` (``force``: always end with …)."""
    if not force and text_width(text, font, size) <= width:
        return text
    while text and text_width(text + ELLIPSIS, font, size) > width:
        text = text[:-1]
    return text + ELLIPSIS if text else ""


@dataclass(frozen=True)
class Para:
    """A paragraph to fit: ``scale`` times the base size, ``gap`` (× size) above it."""

    text: str
    scale: float = 1.0
    gap: float = 0.0
    color: tuple[float, float, float] = (0, 0, 0)
    indent: float = 0.0  # points
    max_lines: int = 0  # 0 = unlimited


@dataclass(frozen=True)
class Line:
    text: str
    x: float  # left, relative to the box
    baseline: float  # from the box's top, downwards
    size: float
    color: tuple[float, float, float]


def _layout(paras: list[Para], font: str, base: float, width: float) -> tuple[list[Line], float]:
    out: list[Line] = []
    y = 0.0
    for i, p in enumerate(paras):
        size = base * p.scale
        if i:
            y += p.gap * size
        lines = wrap(p.text, font, size, width - p.indent)
        if p.max_lines and len(lines) > p.max_lines:
            rest = "".join(lines[p.max_lines - 1 :])
            lines = lines[: p.max_lines - 1] + [ellipsize(rest, font, size, width - p.indent)]
        for text in lines:
            out.append(Line(text, p.indent, y + size * 0.88, size, p.color))
            y += size * LINE_SPACING
    return out, y - (out[-1].size * (LINE_SPACING - 1) if out else 0.0)


def _clip(lines: list[Line], font: str, width: float, height: float) -> list[Line]:
    kept = [ln for ln in lines if ln.baseline + ln.size * 0.12 <= height + 1e-6]
    if kept and len(kept) < len(lines):
        last = kept[-1]
        text = ellipsize(last.text, font, last.size, width - last.x, force=True)
        kept[-1] = Line(text, last.x, last.baseline, last.size, last.color)
    return kept


def fit_boxes(
    boxes: list[tuple[list[Para], float, float]],
    font: str,
    max_size: float,
    min_size: float,
    step: float = 0.25,
) -> list[list[Line]]:
    """Lay out each (paras, width, height) box at one common base size, the largest that fits.

    At ``min_size``, lines that do not fit are dropped and the last kept line
    ends with …, so every returned line lies inside its box.
    """
    size = max_size
    while True:
        laid = [_layout(paras, font, size, width) for paras, width, _ in boxes]
        if all(used <= h + 1e-6 for (_, used), (_, _, h) in zip(laid, boxes, strict=True)):
            return [lines for lines, _ in laid]
        if size - step < min_size - 1e-9:
            break
        size -= step
    return [
        _clip(lines, font, width, height)
        for (lines, _), (_, width, height) in zip(laid, boxes, strict=True)
    ]


def fit(
    paras: list[Para],
    font: str,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    step: float = 0.25,
) -> list[Line]:
    """:func:`fit_boxes` for one box."""
    return fit_boxes([(paras, width, height)], font, max_size, min_size, step)[0]


def fits(paras: list[Para], font: str, width: float, height: float, size: float) -> bool:
    """Whether ``paras`` fit the box at base ``size`` without cutting."""
    return _layout(paras, font, size, width)[1] <= height + 1e-6


def block_height(lines: list[Line]) -> float:
    """From the box top to the lowest descender of ``lines``."""
    return max((ln.baseline + ln.size * 0.12 for ln in lines), default=0.0)
