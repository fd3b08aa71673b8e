"""The QR codes on printed cards scan: rasterise the PDF page and decode it."""

from __future__ import annotations

import io

import pytest

from village_desk import demo
from village_desk.core.printing import CardSelection, print_cards
from village_desk.core.printing.carddata import CardCadre, load_cards
from village_desk.core.printing.qr import contact_payload, qr_path

# The decoder and the rasteriser are wheels of the test extra (pip install -e .[test]).
pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 (test extra) is needed to rasterise")
zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp (test extra) is the QR decoder")


def _decode_page(pdf: bytes, index: int, dpi: int = 300) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    image = doc[index].render(scale=dpi / 72, grayscale=True).to_pil()
    doc.close()
    return [r.text for r in zxingcpp.read_barcodes(image)]


def test_every_card_on_a_sheet_scans_to_its_cadres_phone(db):
    demo.generate(db, households=10, seed=11)
    with db.reading() as s:
        cards = load_cards(s, CardSelection(all=True))
    buf = io.BytesIO()
    print_cards(db, buf, CardSelection(all=True))
    texts = _decode_page(buf.getvalue(), 0)
    expected = {next(c.phone for c in card.cadres if c.phone) for card in cards}
    found = {
        line.split(":", 1)[1] for t in texts for line in t.splitlines() if line.startswith("TEL")
    }
    assert found == expected
    assert len(texts) == 10  # one code per card, none missing
    assert all("BEGIN:VCARD" in t for t in texts)


def test_single_card_code_is_a_vcard_with_name_and_phone(db, village):
    from village_desk.core.services.households import pair_cadre

    pair_cadre(db, None, village["hh"], village["secretary"])
    buf = io.BytesIO()
    print_cards(db, buf, CardSelection(households=("01-001",)), layout="single")
    (text,) = _decode_page(buf.getvalue(), 0, dpi=600)
    assert "FN:王建国" in text and "TEL;TYPE=CELL:13907310001" in text


def test_tel_payload_and_cache():
    cadre = CardCadre("李秀英", "网格员", "139-0731-0002")
    assert contact_payload(cadre, kind="tel") == "tel:13907310002"
    payload = contact_payload(cadre, "桃花村")
    assert qr_path(payload) is qr_path(payload)  # computed once, then cached


def _image_of(payload: str, scale: int = 3):
    """The code exactly as the cards draw it (qr_path's rectangles), on white
    with a 4-module quiet zone, as a greyscale image."""
    from PIL import Image, ImageDraw

    n, ops = qr_path(payload)
    quiet = 4
    side = (n + 2 * quiet) * scale
    image = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(image)
    for op in ops.splitlines()[:-1]:  # "x y w 1 re" in module units, y up; last is "f"
        x, y, w, _, _ = op.split()
        left, top = (int(x) + quiet) * scale, (n - 1 - int(y) + quiet) * scale
        draw.rectangle((left, top, left + int(w) * scale - 1, top + scale - 1), fill=0)
    return image


def test_a_thousand_different_codes_all_scan_back_to_their_contact():
    """The mask is fixed rather than chosen code by code (for speed): every
    code must still read back exactly, for names and numbers of every shape."""
    names = ["王建国", "欧阳秀英", "李", "覃小龙", "张三丰", "刘桂兰"]
    payloads = []
    for i in range(1000):
        cadre = CardCadre(names[i % len(names)], "网格员", f"1{30 + i % 70}{i * 7919 % 10**8:08d}")
        village = ("桃花村", "石门村三组", "")[i % 3]
        payloads.append(contact_payload(cadre, village, kind="tel" if i % 10 == 0 else "vcard"))
    assert len(set(payloads)) == 1000
    unread = []
    for payload in payloads:
        texts = [r.text for r in zxingcpp.read_barcodes(_image_of(payload))]
        if texts != [payload]:
            unread.append((payload, texts))
    assert unread == []


def test_cards_where_every_code_differs_scan_to_their_own_phone(db):
    """Twenty cards, each with its own cadre phone: both printed pages decode
    to twenty different numbers, each on its own card."""
    import dataclasses

    from village_desk.core.printing.carddata import load_common
    from village_desk.core.printing.cards import render_cards
    from village_desk.core.printing.fonts import font_for_session

    demo.generate(db, households=20, seed=3)
    with db.reading() as s:
        common, font = load_common(s), font_for_session(s)
        cards = load_cards(s, CardSelection(all=True))
    phones = [f"1370731{i:04d}" for i in range(len(cards))]
    cards = [
        dataclasses.replace(card, cadres=(dataclasses.replace(card.cadres[0], phone=p),))
        for card, p in zip(cards, phones, strict=True)
    ]
    buf = io.BytesIO()
    render_cards(buf, common, cards, qr=True, backs=False, font=font)
    texts = _decode_page(buf.getvalue(), 0) + _decode_page(buf.getvalue(), 1)
    found = sorted(
        line.split(":", 1)[1] for t in texts for line in t.splitlines() if line.startswith("TEL")
    )
    assert found == sorted(phones)
