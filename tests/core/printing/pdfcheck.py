"""Reading generated PDFs back: text runs with their positions, fonts, sizes."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics


@dataclass(frozen=True)
class Run:
    text: str
    x: float
    y: float  # baseline
    size: float
    width: float

    def inside(self, box, tol: float = 0.05) -> bool:
        """Glyph box (ascent 0.88, descent 0.12 of the size) within ``box``."""
        return (
            self.x >= box.x - tol
            and self.x + self.width <= box.x + box.w + tol
            and self.y - 0.12 * self.size >= box.y - tol
            and self.y + 0.88 * self.size <= box.y + box.h + tol
        )

    def overlaps(self, other: Run) -> bool:
        return not (
            self.x + self.width <= other.x
            or other.x + other.width <= self.x
            or self.y + 0.88 * self.size <= other.y - 0.12 * other.size
            or other.y + 0.88 * other.size <= self.y - 0.12 * self.size
        )


def reader(data: bytes | str) -> PdfReader:
    return PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)


def runs(page, font_name: str) -> list[Run]:
    """Every text run on ``page``; widths measured with the font the PDF was made with."""
    out: list[Run] = []
    last: list = [None]

    def visit(text, cm, tm, _font, size):
        text = text.rstrip("\n")
        if not text.strip():
            return
        # A string that spans several font subsets arrives in pieces with the same matrix.
        key = (tuple(cm), tuple(tm), size)
        if key == last[0] and out:
            prev = out.pop()
            text = prev.text + text
        last[0] = key
        a, b, c, d, e, f = tm
        A, B, C, D, E, F = cm
        x, y = e * A + f * C + E, e * B + f * D + F
        scale = (a * a + b * b) ** 0.5 * (A * A + B * B) ** 0.5
        eff = size * scale
        out.append(Run(text, x, y, eff, pdfmetrics.stringWidth(text, font_name, eff)))

    page.extract_text(visitor_text=visit)
    return out


def all_text(data) -> str:
    return "\n".join(p.extract_text() for p in reader(data).pages)


def embedded_font_files(page) -> list[str]:
    """BaseFont names of the page's fonts that carry an embedded font file."""
    names = []
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        desc = None
        if "/DescendantFonts" in font:
            desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        elif "/FontDescriptor" in font:
            desc = font["/FontDescriptor"]
        if desc is not None:
            desc = desc.get_object()
            if any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                names.append(str(font["/BaseFont"]))
    return names
