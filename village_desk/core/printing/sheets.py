"""Shared pieces of the A4 sheets (公示, ledger, diary, referral): fonts, styles,
the document frame with page numbers, and masking of numbers in free text."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from ..domain.validation import mask_name
from ..jobs import Job, ensure
from ..storage.files import atomic_output
from .fonts import CJKFont


def mask_names(text: str, names: Iterable[str]) -> str:
    """Replace each full name (two characters or more) with 张** style."""
    for name in sorted({n for n in names if n and len(n) >= 2}, key=len, reverse=True):
        text = text.replace(name, mask_name(name))
    return text


class Styles:
    def __init__(self, font: CJKFont, base: float = 10.5):
        f = font.name
        self.font = font
        self.title = ParagraphStyle(
            "title", fontName=f, fontSize=17, leading=23, alignment=TA_CENTER, wordWrap="CJK"
        )
        self.subtitle = ParagraphStyle(
            "subtitle", fontName=f, fontSize=10, leading=14, alignment=TA_CENTER, wordWrap="CJK"
        )
        self.body = ParagraphStyle(
            "body", fontName=f, fontSize=base, leading=base * 1.45, wordWrap="CJK"
        )
        self.small = ParagraphStyle(
            "small", fontName=f, fontSize=base - 1.5, leading=(base - 1.5) * 1.4, wordWrap="CJK"
        )
        self.cell = ParagraphStyle(
            "cell", fontName=f, fontSize=base - 1, leading=(base - 1) * 1.35, wordWrap="CJK"
        )
        self.cell_center = ParagraphStyle("cellc", parent=self.cell, alignment=TA_CENTER)
        self.head = ParagraphStyle("head", parent=self.cell, alignment=TA_CENTER)
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)
        self.heading = ParagraphStyle(
            "heading", fontName=f, fontSize=base + 1, leading=(base + 1) * 1.4, wordWrap="CJK"
        )

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text (escaped; newlines kept)."""
        return Paragraph(escape(text or "").replace("\n", "<br/>"), style or self.body)


def grid_table(rows: list[list], widths: list[float], repeat: int = 1, header=True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=repeat if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, repeat - 1), colors.Color(0.92, 0.92, 0.92)))
    table.setStyle(TableStyle(style))
    return table


def build(
    out: str | os.PathLike | BinaryIO,
    story: list,
    font: CJKFont,
    title: str,
    *,
    landscape_page: bool = False,
    footer: str = "",
    job: Job | None = None,
) -> int:
    """Write ``story`` to ``out`` with "第 N 页 共 M 页" at the foot; returns the
    page count. Each laid-out page is reported to ``job`` (the total is known
    only at the end); cancelling it stops the layout, leaving nothing useful
    in ``out``. A path is written whole or not at all, owner-only
    (:func:`~village_desk.core.storage.files.atomic_output`): a full disk or
    a cancel leaves no half-written PDF under its name."""
    if isinstance(out, str | os.PathLike):
        with atomic_output(out) as f:
            return build(
                f, story, font, title, landscape_page=landscape_page, footer=footer, job=job
            )
    job = ensure(job)
    pagesize = landscape(A4) if landscape_page else A4
    doc = SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=title,
        creator="Village Desk",
    )

    class NumberedCanvas(Canvas):
        """Holds pages back until the end, when the total is known."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            job.report(f"已排版 {len(self._pages)} 页", 0.0)
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font.name, 8.5)
                self.setFillColorRGB(0.3, 0.3, 0.3)
                self.drawCentredString(
                    pagesize[0] / 2, 8 * mm, f"第 {self._pageNumber} 页　共 {total} 页"
                )
                if footer:
                    self.drawString(15 * mm, 8 * mm, footer)
                self.restoreState()
                super().showPage()
            super().save()

    doc.build(story, canvasmaker=NumberedCanvas)
    return doc.page


def cn_date(d: dt.date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""
