#!/usr/bin/env python3
"""Draw the application icon: resources/icons/village-desk.png (256 px, window
and Linux desktop icon) and village-desk.ico (16–256 px, Windows executable,
installer and shortcuts). A red tile with a white house whose front is a
ledger page. Needs Pillow (in the test extra):

    .venv/bin/python packaging/make-icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
S = 1024  # drawn large, scaled down smoothly

RED = (192, 40, 36, 255)
DARK_RED = (150, 24, 22, 255)
WHITE = (255, 255, 255, 255)
GOLD = (246, 196, 68, 255)


def draw() -> Image.Image:
    img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((24, 24, S - 24, S - 24), radius=200, fill=RED)
    d.rounded_rectangle((24, 560, S - 24, S - 24), radius=200, fill=DARK_RED)
    d.rectangle((24, 560, S - 24, 760), fill=DARK_RED)
    d.rectangle((24, 520, S - 24, 600), fill=RED)
    # roof
    d.polygon([(512, 150), (150, 470), (874, 470)], fill=WHITE)
    d.polygon([(512, 250), (290, 440), (734, 440)], fill=RED)
    # house front: a ledger page
    d.rectangle((250, 440, 774, 860), fill=WHITE)
    for y in (540, 630, 720):
        d.rectangle((330, y, 694, y + 34), fill=RED)
    d.rectangle((330, 790, 520, 824), fill=RED)
    # a tick: a matter closed (销号)
    d.line([(560, 800), (620, 850), (730, 720)], fill=GOLD, width=46, joint="curve")
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "village-desk.png")
    sizes = [(n, n) for n in (16, 24, 32, 48, 64, 128, 256)]
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "village-desk.ico", sizes=sizes)
    print(f"written: {OUT / 'village-desk.png'}, {OUT / 'village-desk.ico'}")


if __name__ == "__main__":
    main()
