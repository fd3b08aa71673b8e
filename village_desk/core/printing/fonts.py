"""Find and register a CJK font for the PDFs.

Chinese text must print on a machine that lacks the font, so a TrueType CJK
font is embedded (reportlab subsets it). Where to look, in order: the path in
the ``print_font_path`` setting, then the usual Windows fonts (微软雅黑, 黑体,
宋体), then Linux WenQuanYi / Noto / Droid TrueType files. reportlab cannot
embed CFF-based OpenType (.otf), so only TrueType outlines (.ttf/.ttc) are
tried. With none found, reportlab's built-in ``STSong-Light`` CID font is used
(not embedded: the reader must supply it) and a warning is logged.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..resources import font_candidates

log = logging.getLogger(__name__)

FALLBACK_CID_FONT = "STSong-Light"
FONT_NAME = "VillageDeskCJK"


def candidate_paths() -> list[Path]:
    """System TrueType CJK fonts worth trying, best first."""
    return font_candidates()


@dataclass(frozen=True)
class CJKFont:
    """The registered font: its reportlab name, file, and whether it is embedded."""

    name: str
    path: Path | None
    embedded: bool


_lock = threading.Lock()
_registered: dict[str, CJKFont] = {}


def _try_ttf(path: Path) -> CJKFont | None:
    key = str(path)
    if key in _registered:
        return _registered[key]
    if not path.is_file() or path.suffix.lower() not in (".ttf", ".ttc"):
        return None
    name = f"{FONT_NAME}-{len(_registered)}"
    try:
        # A .ttc holds several faces; the first is the regular one in all of the above.
        font = TTFont(name, str(path), subfontIndex=0)
        if font.face.charToGlyph.get(ord("村")) is None:
            log.info("字体 %s 不含汉字，跳过", path)
            return None
        pdfmetrics.registerFont(font)
    except (TTFError, OSError) as err:
        log.info("字体 %s 无法使用：%s", path, err)
        return None
    found = CJKFont(name, path, True)
    _registered[key] = found
    return found


def cjk_font(configured: str | os.PathLike | None = None) -> CJKFont:
    """Register (once) and return the CJK font to print with."""
    with _lock:
        tried: list[Path] = []
        if configured:
            path = Path(configured).expanduser()
            found = _try_ttf(path)
            if found:
                return found
            log.warning(
                "设置中的打印字体 %s 无法使用（需要 TrueType .ttf/.ttc），改用系统字体", path
            )
            tried.append(path)
        for path in candidate_paths():
            found = _try_ttf(path)
            if found:
                return found
        if FALLBACK_CID_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
        log.warning(
            "没有找到可嵌入的中文 TrueType 字体，改用 %s（未嵌入，没有该字体的电脑可能显示不出中文）；"
            "可在设置 print_font_path 中指定 .ttf/.ttc 字体文件",
            FALLBACK_CID_FONT,
        )
        return CJKFont(FALLBACK_CID_FONT, None, False)


def font_for_session(session) -> CJKFont:
    """The font configured in the database settings (``print_font_path``), else a system one."""
    from ..queries.reference import get_setting

    return cjk_font(get_setting(session, "print_font_path") or None)
