"""Card sizes and sheet layouts, as the command line and settings offer them
(no reportlab here: the command-line parser must stay light)."""

from __future__ import annotations

CARD_SIZES_MM: dict[str, tuple[float, float]] = {"90x54": (90, 54), "85.6x54": (85.6, 54)}
LAYOUTS = ("a4-10", "single")
