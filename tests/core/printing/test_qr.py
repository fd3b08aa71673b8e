"""The QR codes on printed cards scan: rasterise the PDF page and decode it."""

from __future__ import annotations

import io

import pytest

from village_desk import demo
from village_desk.core.printing import CardSelection, print_cards
from village_desk.core.printing.carddata import CardCadre, load_cards
from village_desk.core.printing.qr import contact_payload, qr_path

pdfium = pytest.importorskip("pypdfium2")
zxingcpp = pytest.importorskip("zxingcpp")


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
