"""This computer's GUI preferences (QSettings keys) and applying them.

Preferences are per computer and per user (language, font size, window
geometry, remembered operator), not data: they are never journaled or
exchanged. The village's shared settings are ``Setting`` records instead.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ENV_LANGUAGE = "VILLAGE_DESK_LANG"  # e.g. "en" for the untranslated English UI
LANGUAGE_KEY = "ui/language"
LARGE_FONT_KEY = "ui/large_font"
LARGE_FONT_SCALE = 1.25
_base_point_size: list[float] = []


def is_true(value) -> bool:
    """A QSettings boolean, however the platform stored it."""
    return value in (True, "true", "1", 1)


def apply_font_size(app: QApplication, large: bool) -> None:
    """The large-font option for older cadres: scales the application font,
    and with it every widget shown (see ``widgets/sizing.py``)."""
    from village_desk.ui.widgets.sizing import refresh_fonts

    font = app.font()
    if not _base_point_size:
        _base_point_size.append(font.pointSizeF() if font.pointSizeF() > 0 else 10.0)
    base = _base_point_size[0]
    font.setPointSizeF(base * LARGE_FONT_SCALE if large else base)
    if font == app.font():
        return
    app.setFont(font)
    refresh_fonts(app)
    # The new size reaches most widgets through posted events: style-sheet
    # widgets are polished again once it has.
    QTimer.singleShot(0, app, lambda: refresh_fonts(app))
