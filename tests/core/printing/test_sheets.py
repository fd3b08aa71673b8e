"""公示 sheet, month-end ledger sheet, diary print and referral form, read back."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from tests.core.printing.pdfcheck import all_text, embedded_font_files, reader
from tests.helpers import make_id
from village_desk.core import services
from village_desk.core.domain.errors import NotFoundError, ServiceError
from village_desk.core.domain.validation import mask_numbers
from village_desk.core.jobs import Cancelled, Job
from village_desk.core.printing import print_diary, print_ledger_sheet, print_notice, print_referral
from village_desk.core.services.diary import DiaryInput, RaisedItem, write_entry

ID = make_id("19580312", "131")
MONTH = (2025, 3)


def _flat(pdf: bytes) -> str:
    """All text with line breaks and spaces removed (table cells wrap anywhere)."""
    return re.sub(r"\s+", "", all_text(pdf))


def _pdf(fn, *args, **kw) -> bytes:
    buf = io.BytesIO()
    fn(*args, buf, *kw.pop("after", ()), **kw)
    return buf.getvalue()


@pytest.fixture
def matters(db, village):
    def add(content, received, public=True, **kw):
        return services.ledger.register_matter(
            db,
            village["secretary"],
            services.ledger.MatterInput(
                content=content,
                responsible_id=village["secretary"],
                received_date=received,
                applicant_name=kw.pop("name", "张三丰"),
                household_id=kw.pop("household_id", village["hh"]),
                applicant_phone="13812345678",
                public=public,
                kind=kw.pop("kind", "hardship"),
                **kw,
            ),
        )

    ids = {
        "posted": add(
            f"张三丰申请低保，身份证 {ID}，电话 13812345678，妻子刘桂兰常年生病",
            dt.date(2025, 3, 5),
            deadline=dt.date(2025, 3, 20),
        ),
        "private": add("家庭矛盾调解（不公示）", dt.date(2025, 3, 6), public=False),
        "earlier_open": add("修缮危房", dt.date(2025, 1, 10), deadline=dt.date(2025, 2, 10)),
        "next_month": add("四月的事项", dt.date(2025, 4, 2)),
    }
    services.ledger.add_note(
        db, village["secretary"], ids["posted"], "已入户核实，材料已交镇民政办", dt.date(2025, 3, 8)
    )
    return ids


def test_notice_masks_names_and_numbers_and_lists_the_month(db, village, matters):
    pdf = _pdf(print_notice, db, after=MONTH, today=dt.date(2025, 3, 31))
    text = _flat(pdf)
    assert "民情事项办理情况公示" in text and "2025年3月" in text
    assert "张**" in text
    for secret in ("张三丰", "刘桂兰", "13812345678", ID):
        assert secret not in text
    assert "138****5678" in text and mask_numbers(ID) in text
    assert "王建国" in text and "2025-03-20" in text and "登记受理" in text
    assert "修缮危房" in text and "（已超期）" in text  # still open from January
    assert "不公示" not in text and "四月的事项" not in text
    if embedded_font_files(reader(pdf).pages[0]) == []:
        pytest.fail("the CJK font is not embedded in the notice sheet")


def test_ledger_sheet_is_landscape_with_the_stated_columns(db, village, matters):
    pdf = _pdf(print_ledger_sheet, db, after=MONTH, today=dt.date(2025, 3, 31))
    page = reader(pdf).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    text = _flat(pdf)
    for column in ("申请人姓名", "申办事项", "责任人", "办结时限", "办理情况", "状态"):
        assert column in text
    assert "张三丰" in text  # internal record: full name
    assert "家庭矛盾调解" in text  # not public, but on the ledger
    assert "已入户核实" in text
    assert ID not in text and "13812345678" not in text
    assert "四月的事项" not in text


def test_diary_print_holds_one_cadres_entries_in_the_period(db, village):
    other = DiaryInput(
        dt.date(2025, 3, 3),
        "home_visit",
        village["grid"],
        [village["hh"]],
        narrative="网格员的记录",
    )
    write_entry(db, village["grid"], other)
    inside = DiaryInput(
        dt.date(2025, 3, 4),
        "home_visit",
        village["secretary"],
        [village["hh"]],
        companion_ids=[village["grid"]],
        sections={"q_basic": "老两口在家，儿子外出务工", "q_hardship": "老伴慢病，药费负担重"},
        narrative="了解低保申请进展",
        help_given="送去米油",
        items=[
            RaisedItem("询问医保报销流程", "solved", "当场讲解"),
            RaisedItem("申请危房改造", "matter", kind="hardship"),
        ],
    )
    write_entry(db, village["secretary"], inside)
    write_entry(
        db,
        village["secretary"],
        DiaryInput(
            dt.date(2025, 4, 1),
            "phone",
            village["secretary"],
            [village["hh"]],
            narrative="四月的电话",
        ),
    )
    pdf = _pdf(print_diary, db, after=("王建国", dt.date(2025, 3, 1), dt.date(2025, 3, 31)))
    text = _flat(pdf)
    assert "王建国（村党组织书记）" in text
    assert "2025-03-04" in text and "入户走访" in text and "同行：李秀英" in text
    assert "张三丰户（01-001，一组）" in text
    assert "基本情况：老两口在家" in text and "困难问题：老伴慢病" in text
    assert "当场解决：当场讲解" in text and "转入台账2025-" in text
    assert "共1篇" in text
    assert "网格员的记录" not in text and "四月的电话" not in text
    with pytest.raises(NotFoundError, match="没有名为"):
        _pdf(print_diary, db, after=("无此人", dt.date(2025, 3, 1), dt.date(2025, 3, 31)))
    with pytest.raises(ServiceError, match="结束日期"):
        _pdf(print_diary, db, after=("王建国", dt.date(2025, 3, 31), dt.date(2025, 3, 1)))


def test_long_diary_entry_continues_on_the_next_page(db, village):
    long = "走访记录很长。" * 900
    write_entry(
        db,
        village["secretary"],
        DiaryInput(
            dt.date(2025, 3, 4), "home_visit", village["secretary"], [village["hh"]], narrative=long
        ),
    )
    pages = []
    pdf = reader(
        _pdf(
            print_diary,
            db,
            after=(village["secretary"], dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
            job=Job(lambda stage, _fraction: pages.append(stage)),
        )
    )
    total = len(pdf.pages)
    assert total >= 3
    assert pages == [f"已排版 {n} 页" for n in range(1, total + 1)]  # told after every page
    assert "".join(p.extract_text() for p in pdf.pages).count("走访记录很长") >= 800
    footers = [re.sub(r"\s+", "", p.extract_text()) for p in pdf.pages]
    assert all(f"第{n}页共{total}页" in f for n, f in enumerate(footers, 1))


def test_printing_stops_when_the_job_is_cancelled(db, village):
    write_entry(
        db,
        village["secretary"],
        DiaryInput(
            dt.date(2025, 3, 4),
            "home_visit",
            village["secretary"],
            [village["hh"]],
            narrative="长" * 20000,
        ),
    )

    pages = []

    def page_done(stage, _fraction):
        pages.append(stage)
        if len(pages) == 2:
            job.cancel()

    job = Job(page_done)
    with pytest.raises(Cancelled):
        _pdf(
            print_diary,
            db,
            after=("王建国", dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
            job=job,
        )
    assert len(pages) == 2  # stopped at the next page


def test_referral_form_carries_applicant_contact_and_work_done(db, village, matters):
    number = None
    with db.reading() as s:
        from village_desk.core.storage.models import Matter

        number = s.get(Matter, matters["posted"]).number
    pdf = _pdf(print_referral, db, after=(number, "请镇民政办加快审批"), today=dt.date(2025, 3, 10))
    text = _flat(pdf)
    assert "办理申请" in text and number in text
    assert "张三丰" in text and "13812345678" in text  # the office must reach the applicant
    assert "已入户核实，材料已交镇民政办" in text
    assert "请镇民政办加快审批" in text and "王建国" in text
    with pytest.raises(NotFoundError):
        _pdf(print_referral, db, after=("2099-XXX-0001",))


def test_mask_numbers_in_free_text():
    assert mask_numbers("电话13812345678，座机0739-8123456") == "电话138****5678，座机0739-***3456"
    assert mask_numbers(f"身份证{ID}") == f"身份证{ID[:4]}**********{ID[-4:]}"
    assert mask_numbers("2025年3月5日，3户") == "2025年3月5日，3户"
    # the ways people actually type numbers
    assert mask_numbers("138-1234-5678、138 1234 5678、+86 138 1234 5678") == (
        "138****5678、138****5678、138****5678"
    )
    assert "５６７８" in mask_numbers("１３８１２３４５６７８")
    assert "１２３４" not in mask_numbers("１３８１２３４５６７８")
    assert mask_numbers(f"{ID[:6]} {ID[6:14]} {ID[14:]}") == f"{ID[:4]}**********{ID[-4:]}"
    assert mask_numbers("卡号6222 0212 3456 7890") == "卡号************7890"
    assert mask_numbers("2025-03-05 入户") == "2025-03-05 入户"  # dates stay
