"""Contact cards read back from the PDF: text per card, layout, fitting, fonts."""

from __future__ import annotations

import datetime as dt
import io
import logging
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from sqlalchemy import select

from tests.core.printing.pdfcheck import Run, embedded_font_files, reader, runs
from village_desk import demo
from village_desk.core import queries, services
from village_desk.core.domain.errors import NotFoundError, ServiceError
from village_desk.core.printing import CardSelection, fonts, print_cards
from village_desk.core.printing.carddata import CardCadre, CardCommon, CardFront, load_cards
from village_desk.core.printing.cards import Box, qr_box, render_cards, sheet_slots
from village_desk.core.queries.households import pairings
from village_desk.core.services.households import end_pairing, pair_cadre

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.fixture(scope="module")
def font():
    return fonts.cjk_font()


def _cards_pdf(db, selection, **kw) -> bytes:
    buf = io.BytesIO()
    print_cards(db, buf, selection, **kw)
    return buf.getvalue()


def _by_slot(page_runs, slots):
    out = {i: [] for i in range(len(slots))}
    for r in page_runs:
        hits = [i for i, b in enumerate(slots) if r.inside(b)]
        assert len(hits) == 1, f"“{r.text}” is not inside exactly one card: {hits}"
        out[hits[0]].append(r)
    return out


@pytest.fixture
def demo_db(db):
    demo.generate(db, households=23, seed=5)
    return db


def test_a4_sheets_hold_ten_cards_each_with_a_mirrored_back(demo_db, font):
    with demo_db.reading() as s:
        cards = load_cards(s, CardSelection(all=True))
    assert len(cards) == 23
    pdf = reader(_cards_pdf(demo_db, CardSelection(all=True)))
    assert len(pdf.pages) == 6  # 3 sheets, each front then back
    fronts, backs = sheet_slots(), sheet_slots(back=True)
    for sheet, chunk in enumerate((cards[:10], cards[10:20], cards[20:])):
        front = _by_slot(runs(pdf.pages[2 * sheet], font.name), fronts)
        back = _by_slot(runs(pdf.pages[2 * sheet + 1], font.name), backs)
        for i, card in enumerate(chunk):
            text = "".join(r.text for r in front[i])
            assert card.head_name in text and card.household_number in text
            assert card.cadres, "every demo household has a paired cadre"
            for cadre in card.cadres:
                assert cadre.name in text
            assert "代办服务事项" in "".join(r.text for r in back[i])
        # empty slots stay empty on both sides
        for i in range(len(chunk), 10):
            assert front[i] == [] and back[i] == []
    # a back is behind its front: same row, the other column
    assert backs[0].x == fronts[1].x and backs[0].y == fronts[0].y


def test_single_layout_is_one_card_per_page_of_card_size(demo_db, font):
    sel = CardSelection(households=("01-001", "01-002"))
    pdf = reader(_cards_pdf(demo_db, sel, layout="single", size="85.6x54"))
    assert len(pdf.pages) == 4
    box = pdf.pages[0].mediabox
    assert float(box.width) == pytest.approx(85.6 * mm) and float(box.height) == pytest.approx(
        54 * mm
    )
    card = Box(0, 0, 85.6 * mm, 54 * mm)
    page_runs = runs(pdf.pages[0], font.name)
    assert all(r.inside(card) for r in page_runs)
    assert "户号：01-001" in "".join(r.text for r in page_runs)
    assert "户号：01-002" in "".join(r.text for r in runs(pdf.pages[2], font.name))


def test_selection_by_group_category_and_number(demo_db):
    with demo_db.reading() as s:
        everyone = load_cards(s, CardSelection(all=True))
        group = everyone[0].group_name
        in_group = load_cards(s, CardSelection(group=group))
        assert in_group and all(c.group_name == group for c in in_group)
        some = load_cards(s, CardSelection(households=("01-002", "01-001")))
        assert [c.household_number for c in some] == ["01-001", "01-002"]
        with pytest.raises(NotFoundError, match="99-999"):
            load_cards(s, CardSelection(households=("01-001", "99-999")))
        with pytest.raises(NotFoundError, match="九十九组"):
            load_cards(s, CardSelection(group="九十九组"))
        with pytest.raises(ServiceError, match="请选择"):
            load_cards(s, CardSelection())


def test_selection_follows_the_household_lists_filter(demo_db):
    from village_desk.core.storage.models import Cadre

    with demo_db.reading() as s:
        cadre_id = s.scalars(select(Cadre.id).order_by(Cadre.name)).first()
        flt = queries.households.HouseholdFilter(cadre_id=cadre_id)
        listed = {r.number for r in queries.households.household_page(s, flt, 0, 10_000)}
        cards = load_cards(s, CardSelection(list_filter=flt))
        overdue = queries.households.HouseholdFilter(has_overdue=True)
        late = {r.number for r in queries.households.household_page(s, overdue, 0, 10_000)}
        late_cards = load_cards(s, CardSelection(list_filter=overdue))
    assert listed and {c.household_number for c in cards} == listed
    assert late and {c.household_number for c in late_cards} == late


def test_category_by_label_or_code(db, village):
    with db.reading() as s:
        by_label = load_cards(s, CardSelection(category="低保户"))
        by_code = load_cards(s, CardSelection(category="dibao"))
        assert [c.head_name for c in by_label] == [c.head_name for c in by_code] == ["张三丰"]
        with pytest.raises(ServiceError, match="没有符合条件"):
            load_cards(s, CardSelection(category="veteran"))


def test_card_shows_current_pairings_only(db, village):
    pair_cadre(db, None, village["hh"], village["secretary"], start_date=dt.date(2024, 1, 1))
    pair_cadre(db, None, village["hh"], village["grid"], start_date=dt.date(2024, 1, 1))
    with db.reading() as s:
        grid_pairing = next(p for p in pairings(s, village["hh"]) if p.cadre_id == village["grid"])
    end_pairing(db, None, grid_pairing.id, dt.date(2024, 6, 1), "调整联户")
    with db.reading() as s:
        (card,) = load_cards(s, CardSelection(all=True))
    assert [c.name for c in card.cadres] == ["王建国"]
    assert card.cadres[0].role == "村党组织书记" and card.cadres[0].phone == "13907310001"


LONG_CADRES = tuple(
    CardCadre(
        name,
        "驻村第一书记" if i % 2 else "镇党委委员、包村领导",
        "" if i == 0 else f"1390731{i:04d}",
        "主持村党组织全面工作，负责一组、二组、三组、四组、五组、六组、七组联户，"
        "分管党建、信访维稳、产业发展、项目建设、人居环境整治和安全生产",
    )
    for i, name in enumerate(
        ("欧阳纳兰", "阿依古丽·艾合买提江", "司马相如", "买买提明·艾力", "诸葛晓明")
    )
)
STRESS = [
    CardFront("01-001", "热孜万古丽·阿卜杜热合曼·买买提明", "第十二村民小组", LONG_CADRES),
    CardFront("2026-88-123456", "张三", "一组", LONG_CADRES[:1]),  # no phone: no QR
    CardFront("03-007", "", "", ()),  # no head, no group, no cadre
    CardFront("03-008", "李四", "三组", LONG_CADRES[1:2]),
]
LONG_COMMON = CardCommon(
    village="新疆维吾尔自治区喀什地区疏附县塔什米里克乡阿亚格曼干村",
    title="干群连心卡",
    service_phone="0998-12345678",
    duty_days="每周一、周二、周四、周五",
    hotline="书记信箱：村委会一楼大厅左侧；专线电话 0998-12345679（工作日 9:00-18:00）",
    service_items=tuple(f"第{i}项代办服务：社会保障与民政救助业务代办" for i in range(1, 15)),
    slogan="有困难找干部、要办事找干部，干部就在你身边",
    policy_text="党的惠民政策" * 30,
)


@pytest.mark.parametrize("size", ["90x54", "85.6x54"])
def test_longest_values_stay_inside_their_card_and_never_overlap(font, size):
    buf = io.BytesIO()
    render_cards(buf, LONG_COMMON, STRESS, size=size, font=font)
    pdf = reader(buf.getvalue())
    assert len(pdf.pages) == 2
    for page, slots in ((pdf.pages[0], sheet_slots(size)), (pdf.pages[1], sheet_slots(size, True))):
        by_slot = _by_slot(runs(page, font.name), slots)
        for card_runs in by_slot.values():
            for i, a in enumerate(card_runs):
                assert a.size >= 3.5, f"“{a.text}” is unreadably small"
                for b in card_runs[i + 1 :]:
                    assert not a.overlaps(b), f"“{a.text}” overlaps “{b.text}”"
    front = _by_slot(runs(pdf.pages[0], font.name), sheet_slots(size))
    first = "".join(r.text for r in front[0])
    # names and phones of every cadre survive; duties give way first
    for cadre in LONG_CADRES:
        assert cadre.name in first
        if cadre.phone:
            assert cadre.phone in first
    # text keeps clear of the QR code
    code = qr_box(sheet_slots(size)[0])
    for r in front[0]:
        if "扫码" not in r.text:
            assert not r.overlaps(Run("QR", code.x, code.y + 0.12 * code.h, code.h, code.w)), r.text
    # the phone-less card says so by having no QR caption, and the empty one still prints
    assert "扫码" not in "".join(r.text for r in front[1])
    assert "暂未安排" in "".join(r.text for r in front[2])
    assert "扫码保存" in "".join(r.text for r in front[3])


def test_cjk_truetype_font_is_embedded(demo_db):
    if not any(p.is_file() for p in fonts.candidate_paths()):
        pytest.skip("no TrueType CJK font on this machine")
    pdf = reader(_cards_pdf(demo_db, CardSelection(households=("01-001",))))
    embedded = embedded_font_files(pdf.pages[0])
    assert embedded, "the CJK font must be embedded so the card prints anywhere"


def test_font_from_settings_is_used(db, village):
    droid = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
    if not droid.is_file():
        pytest.skip("DroidSansFallbackFull.ttf not installed")
    services.setup.set_setting(db, None, "print_font_path", str(droid))
    pdf = reader(_cards_pdf(db, CardSelection(all=True)))
    assert any("DroidSans" in name for name in embedded_font_files(pdf.pages[0]))


def test_without_a_truetype_font_falls_back_to_stsong_with_a_warning(monkeypatch, caplog):
    monkeypatch.setattr(fonts, "candidate_paths", lambda: [])
    with caplog.at_level(logging.WARNING, logger=fonts.__name__):
        found = fonts.cjk_font("/nonexistent/font.ttf")
    assert found.name == "STSong-Light" and not found.embedded
    assert "STSong-Light" in caplog.text
    buf = io.BytesIO()
    render_cards(buf, LONG_COMMON, STRESS[3:], font=found)
    fonts_used = [
        str(ref.get_object()["/BaseFont"])
        for ref in reader(buf.getvalue()).pages[0]["/Resources"]["/Font"].values()
    ]
    assert any("STSong-Light" in name for name in fonts_used)


def test_cards_written_to_a_path_on_a_full_disk_leave_no_half_pdf(demo_db, tmp_path, monkeypatch):
    """A full stick while the PDF is saved: refused with a message, and
    neither a truncated 联系卡.pdf nor a temporary file is left; an earlier
    file of that name stays as it was."""
    import errno

    from reportlab.pdfgen.canvas import Canvas

    def disk_fills(self):
        target = self._filename
        if isinstance(target, str | Path):
            with open(target, "wb") as f:
                f.write(b"%PDF-1.4 half")
        else:
            target.write(b"%PDF-1.4 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    folder = tmp_path / "U盘"
    folder.mkdir()
    out = folder / "联系卡.pdf"
    monkeypatch.setattr(Canvas, "save", disk_fills)
    with pytest.raises(ServiceError, match="空间"):
        print_cards(demo_db, out, CardSelection(all=True))
    assert list(folder.iterdir()) == []
    out.write_bytes(b"%PDF earlier cards")
    with pytest.raises(ServiceError):
        print_cards(demo_db, str(out), CardSelection(all=True))
    assert [p.name for p in folder.iterdir()] == ["联系卡.pdf"]
    assert out.read_bytes() == b"%PDF earlier cards"
