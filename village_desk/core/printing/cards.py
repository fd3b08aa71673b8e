"""Contact cards (联系卡): A4 sheets of 10 with crop marks, or one card per page.

Front: village and title on a red band; household head, 户号 and 组; each
paired cadre's name, role, phone and duties; a QR code with the first cadre's
contact; the village service phone and duty days. Back: the service items,
the secretary's mailbox/hotline, the slogan and the policy text.

Sheets alternate front, back, front, back … and a back sheet mirrors the
columns, so a long-edge duplex print puts each back behind its own front.
All text is laid out by :mod:`.text`, which shrinks, wraps and finally cuts
it so nothing leaves its card.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..jobs import Job, ensure
from .carddata import CardCommon, CardFront
from .fonts import CJKFont, cjk_font
from .options import CARD_SIZES_MM, LAYOUTS
from .qr import QUIET_MODULES, contact_payload, qr_path
from .text import Line, Para, block_height, fit, fits

CARD_SIZES = {name: (w * mm, h * mm) for name, (w, h) in CARD_SIZES_MM.items()}
COLS, ROWS = 2, 5

RED = (0.76, 0.09, 0.13)
WHITE = (1, 1, 1)
GREY = (0.28, 0.28, 0.28)
BLACK = (0, 0, 0)

PAD = 2.6 * mm
BAND = 8.5 * mm
FOOTER = 7.2 * mm
QR_SIZE = 20 * mm
CAPTION = 2.8 * mm
BODY_TOP = BAND + 1.6 * mm  # from the card's top edge
BODY_MAX, BODY_READABLE, BODY_MIN = 9.0, 6.0, 4.6  # font sizes (pt) of the card text


@dataclass(frozen=True)
class Box:
    x: float
    y: float  # bottom
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h


def card_size(size: str) -> tuple[float, float]:
    try:
        return CARD_SIZES[size]
    except KeyError:
        raise ValueError(f"卡片尺寸应为 {' 或 '.join(CARD_SIZES)}（毫米），不是 {size}") from None


def sheet_slots(size: str = "90x54", back: bool = False) -> list[Box]:
    """The 10 card boxes of an A4 sheet, in card order; a back sheet mirrors the columns."""
    w, h = card_size(size)
    left = (A4[0] - COLS * w) / 2
    bottom = (A4[1] - ROWS * h) / 2
    slots = []
    for i in range(COLS * ROWS):
        row, col = divmod(i, COLS)
        if back:
            col = COLS - 1 - col
        slots.append(Box(left + col * w, bottom + (ROWS - 1 - row) * h, w, h))
    return slots


def qr_box(card: Box) -> Box:
    """Where the QR code (with its quiet zone) goes on a card front."""
    return Box(card.x + card.w - PAD - QR_SIZE, card.top - BODY_TOP - QR_SIZE, QR_SIZE, QR_SIZE)


def _draw_lines(c: Canvas, font: str, lines: list[Line], x: float, top: float, center_w=None):
    color = None
    for ln in lines:
        if ln.color != color:
            c.setFillColorRGB(*ln.color)
            color = ln.color
        c.setFont(font, ln.size)
        if center_w is not None:
            c.drawCentredString(x + center_w / 2, top - ln.baseline, ln.text)
        else:
            c.drawString(x + ln.x, top - ln.baseline, ln.text)


class CardRenderer:
    """Draws cards on a canvas; layouts of the shared back and footer are computed once."""

    def __init__(self, common: CardCommon, font: CJKFont, size: str, qr: bool = True):
        self.common, self.font, self.qr = common, font.name, qr
        self.w, self.h = card_size(size)
        self._forms: dict[str, str] = {}
        self.uses: dict[str, int] = {}  # payload → cards it is on (see _draw_code)
        inner = self.w - 2 * PAD
        footer = []
        if common.service_phone:
            footer.append(f"村服务电话：{common.service_phone}")
        if common.duty_days:
            footer.append(f"一线工作日：{common.duty_days}")
        self.footer = fit([Para("　".join(footer))], self.font, inner, FOOTER - 1.6 * mm, 7.5, 4.5)
        self.back = self._layout_back()
        self.title = self._layout_title(inner)

    def _layout_title(self, inner: float) -> list[Line]:
        """Village and title on one line if it reads well, else village above title."""
        village, title = self.common.village, self.common.title
        one = [Para(f"{village}　{title}".strip("　"), color=WHITE)]
        if fits(one, self.font, inner, 12, 7.5):
            return fit(one, self.font, inner, 14, 11, 7.5)
        two = [Para(village, color=WHITE), Para(title, color=WHITE)]
        return fit(two, self.font, inner, BAND - 1.6 * mm, 8, 4.6)

    # ------------------------------------------------------------ front

    def _body(self, card: CardFront, width: float, height: float) -> list[Line]:
        head = f"户主：{card.head_name or '—'}　户号：{card.household_number}"
        if card.group_name:
            head += f"　{card.group_name}"

        def paras(duty_lines: int) -> list[Para]:
            out = [Para(head, 1.0)]
            if not card.cadres:
                out.append(Para("联系干部：暂未安排，请联系村便民服务站", 1.0, 0.5))
            for cadre in card.cadres:
                line = f"{cadre.name}　{cadre.role}"
                if cadre.phone:
                    line += f"　{cadre.phone}"
                out.append(Para(line, 1.12, 0.55))
                if cadre.duties and duty_lines:
                    out.append(Para(f"职责：{cadre.duties}", 0.86, 0.1, GREY, max_lines=duty_lines))
            return out

        # Names and phones matter most: shorten the duties before anything is cut.
        # Prefer a readable size with fewer duty lines over tiny text with all of them.
        options = [paras(n) for n in (2, 1, 0)]
        chosen = next(
            (p for p in options if fits(p, self.font, width, height, BODY_READABLE)),
            next((p for p in options if fits(p, self.font, width, height, BODY_MIN)), options[-1]),
        )
        return fit(chosen, self.font, width, height, BODY_MAX, BODY_MIN)

    def _qr_form(self, c: Canvas, payload: str) -> tuple[str, int]:
        n, ops = qr_path(payload)
        name = self._forms.get(payload)
        if name is None:
            name = self._forms[payload] = f"qr{len(self._forms)}"
            c.beginForm(name, 0, 0, n, n)
            c.setFillColorRGB(0, 0, 0)
            c.addLiteral(ops)
            c.endForm()
        return name, n

    def _draw_code(self, c: Canvas, payload: str, x: float, y: float, module: float) -> int:
        """The code at (x, y), ``module`` points a module. A code on several cards
        (the same cadre) is one shared PDF form; a code on one card only is drawn
        in place (a form of its own would only add an object to the file)."""
        if self.uses.get(payload, 0) > 1:
            name, n = self._qr_form(c, payload)
        else:
            name, (n, ops) = "", qr_path(payload)
        c.saveState()
        c.translate(x, y)
        c.scale(module, module)
        if name:
            c.doForm(name)
        else:
            c.setFillColorRGB(0, 0, 0)
            c.addLiteral(ops)
        c.restoreState()
        return n

    def payload(self, card: CardFront) -> str | None:
        """What the card's code says: its first cadre with a phone, or no code."""
        target = next((cd for cd in card.cadres if cd.phone), None) if self.qr else None
        return contact_payload(target, self.common.village) if target else None

    def count_codes(self, cards: Sequence[CardFront]) -> None:
        for card in cards:
            payload = self.payload(card)
            if payload:
                self.uses[payload] = self.uses.get(payload, 0) + 1

    def draw_front(self, c: Canvas, card: CardFront, box: Box) -> None:
        font, common = self.font, self.common
        c.setFillColorRGB(*WHITE)
        c.rect(box.x, box.y, box.w, box.h, stroke=0, fill=1)
        c.setFillColorRGB(*RED)
        c.rect(box.x, box.top - BAND, box.w, BAND, stroke=0, fill=1)
        lines = self.title
        top = box.top - (BAND - block_height(lines)) / 2
        _draw_lines(c, font, lines, box.x + PAD, top, center_w=box.w - 2 * PAD)

        body_top = box.top - BODY_TOP
        body_h = body_top - (box.y + PAD + FOOTER)
        width = box.w - 2 * PAD
        target = next((cd for cd in card.cadres if cd.phone), None) if self.qr else None
        if target:
            payload = contact_payload(target, common.village)
            n = qr_path(payload)[0]
            module = QR_SIZE / (n + 2 * QUIET_MODULES)
            qx, qy = qr_box(box).x, qr_box(box).y
            off = QUIET_MODULES * module
            self._draw_code(c, payload, qx + off, qy + off, module)
            cap = fit([Para(f"扫码保存{target.name}电话")], font, QR_SIZE, CAPTION, 5.5, 4.2)
            if not cap or cap[-1].text.endswith("…"):
                cap = fit([Para("扫码保存联系电话")], font, QR_SIZE, CAPTION, 5.5, 4.2)
            _draw_lines(c, font, cap, qx, qy - 0.2 * mm, QR_SIZE)
            width -= QR_SIZE + 1.2 * mm
        body = self._body(card, width, body_h)
        _draw_lines(c, font, body, box.x + PAD, body_top)

        c.setStrokeColorRGB(*RED)
        c.setLineWidth(0.5)
        rule = box.y + PAD + FOOTER - 0.6 * mm
        c.line(box.x + PAD, rule, box.x + box.w - PAD, rule)
        _draw_lines(c, font, self.footer, box.x + PAD, rule - 1.0 * mm)

    # ------------------------------------------------------------ back

    def _layout_back(self):
        common, font = self.common, self.font
        inner = self.w - 2 * PAD
        band = fit([Para("代办服务事项", color=WHITE)], font, inner, BAND - 2 * mm, 10.5, 6)
        items = [f"{i}. {t}" for i, t in enumerate(common.service_items, 1)]
        half = (len(items) + 1) // 2
        col_w = (inner - 2 * mm) / 2
        avail = self.h - BAND - 1.6 * mm - PAD
        hotline = common.hotline
        if hotline and not any(k in hotline for k in ("信箱", "电话", "专线")):
            hotline = f"书记信箱/专线电话：{hotline}"
        tail = []
        if hotline:
            tail.append(Para(hotline, 0.95, 0.0))
        if common.slogan:
            tail.append(Para(common.slogan, 1.3, 0.45 if tail else 0, RED))
        if common.policy_text:
            tail.append(Para(common.policy_text, 0.82, 0.45 if tail else 0, GREY))
        # the item columns and the tail share the height: one size for both that fits
        columns = [[Para(t) for t in items[:half]], [Para(t) for t in items[half:]]]
        size = 8.0
        while True:
            cols = [fit(col, font, col_w, 1e9, size, size) for col in columns]
            items_h = max(block_height(cols[0]), block_height(cols[1]))
            tail_h = avail - items_h - 1.8 * mm
            tail_lines = fit(tail, font, inner, 1e9, size, size)
            if block_height(tail_lines) <= tail_h or size <= 4.6:
                break
            size -= 0.25
        if block_height(tail_lines) > tail_h:  # still too much: cut both to their share
            cols = [fit(col, font, col_w, avail * 0.45, size, size) for col in columns]
            items_h = max(block_height(cols[0]), block_height(cols[1]))
            tail_lines = fit(tail, font, inner, avail - items_h - 1.8 * mm, size, size)
        tail_h = avail - items_h - 1.8 * mm
        return band, cols, col_w, items_h, tail_lines, max(tail_h - block_height(tail_lines), 0) / 2

    def draw_back(self, c: Canvas, box: Box) -> None:
        font = self.font
        band, cols, col_w, items_h, tail, slack = self.back
        c.setFillColorRGB(*WHITE)
        c.rect(box.x, box.y, box.w, box.h, stroke=0, fill=1)
        c.setFillColorRGB(*RED)
        c.rect(box.x, box.top - BAND, box.w, BAND, stroke=0, fill=1)
        top = box.top - (BAND - block_height(band)) / 2
        _draw_lines(c, font, band, box.x + PAD, top, center_w=box.w - 2 * PAD)
        body_top = box.top - BAND - 1.6 * mm
        _draw_lines(c, font, cols[0], box.x + PAD, body_top)
        _draw_lines(c, font, cols[1], box.x + PAD + col_w + 2 * mm, body_top)
        tail_top = body_top - items_h - 1.8 * mm
        if tail:
            c.setStrokeColorRGB(*RED)
            c.setLineWidth(0.5)
            c.line(box.x + PAD, tail_top + 0.9 * mm, box.x + box.w - PAD, tail_top + 0.9 * mm)
        for ln in tail:  # centred
            c.setFillColorRGB(*ln.color)
            c.setFont(font, ln.size)
            c.drawCentredString(box.x + box.w / 2, tail_top - slack - ln.baseline, ln.text)


def _crop_marks(c: Canvas, slots: Sequence[Box]) -> None:
    xs = sorted({round(b.x, 3) for b in slots} | {round(b.x + b.w, 3) for b in slots})
    ys = sorted({round(b.y, 3) for b in slots} | {round(b.top, 3) for b in slots})
    left, right, bottom, top = xs[0], xs[-1], ys[0], ys[-1]
    gap, length = 2 * mm, 6 * mm
    c.setStrokeColorRGB(*BLACK)
    c.setLineWidth(0.3)
    for x in xs:
        c.line(x, top + gap, x, top + gap + length)
        c.line(x, bottom - gap, x, bottom - gap - length)
    for y in ys:
        c.line(left - gap, y, left - gap - length, y)
        c.line(right + gap, y, right + gap + length, y)


def render_cards(
    out: str | os.PathLike | BinaryIO,
    common: CardCommon,
    cards: Sequence[CardFront],
    *,
    layout: str = "a4-10",
    size: str = "90x54",
    qr: bool = True,
    backs: bool = True,
    font: CJKFont | None = None,
    job: Job | None = None,
) -> int:
    """Write the cards as a PDF; returns the number of pages."""
    if layout not in LAYOUTS:
        raise ValueError(f"版式应为 {' 或 '.join(LAYOUTS)}，不是 {layout}")
    font = font or cjk_font()
    job = ensure(job)
    renderer = CardRenderer(common, font, size, qr=qr)
    if qr:
        renderer.count_codes(cards)
    w, h = card_size(size)
    page = A4 if layout == "a4-10" else (w, h)
    c = Canvas(out if isinstance(out, str | bytes) else out, pagesize=page)
    c.setTitle(f"{common.village}{common.title}")
    c.setCreator("Village Desk")
    per = COLS * ROWS if layout == "a4-10" else 1
    pages = 0
    for start in range(0, len(cards), per):
        chunk = cards[start : start + per]
        fronts = sheet_slots(size) if layout == "a4-10" else [Box(0, 0, w, h)]
        for card, box in zip(chunk, fronts, strict=False):
            renderer.draw_front(c, card, box)
        if layout == "a4-10":
            _crop_marks(c, fronts)
        c.showPage()
        pages += 1
        if backs:
            slots = sheet_slots(size, back=True) if layout == "a4-10" else [Box(0, 0, w, h)]
            for _card, box in zip(chunk, slots, strict=False):
                renderer.draw_back(c, box)
            if layout == "a4-10":
                _crop_marks(c, sheet_slots(size, back=True))
            c.showPage()
            pages += 1
        done = min(start + per, len(cards))
        job.report(f"已生成 {done}/{len(cards)} 张", done / max(len(cards), 1))
    c.save()
    return pages
