"""The spot-check record prints the seed and the rule to redraw it, each
sampled entry with its finding; the yearly sheet prints a cadre's figures,
the 三评 and the definitions, one page per cadre."""

from __future__ import annotations

import datetime as dt

from tests.core.printing.pdfcheck import all_text
from village_desk.core import queries, services
from village_desk.core.printing.assessment import print_assessment, print_spot_check
from village_desk.core.services.assessment import AssessmentInput, SpotCheckInput
from village_desk.core.services.diary import DiaryInput

YEAR = dt.date.today().year - 1


def text_of(pdf) -> str:
    return "".join(all_text(pdf.read_bytes()).split())


def test_spot_check_and_yearly_sheet_print(db, village, tmp_path):
    wang = village["secretary"]
    for day in (1, 2, 3):
        services.diary.write_entry(
            db,
            wang,
            DiaryInput(
                date=dt.date(YEAR, 5, day),
                mode="home_visit",
                author_id=wang,
                household_ids=[village["hh"]],
                narrative=f"第{day}次入户，电话13812345678",
            ),
        )
    cid = services.assessment.draw_spot_check(
        db,
        None,
        SpotCheckInput(
            inspector="周平",
            period_start=dt.date(YEAR, 1, 1),
            period_end=dt.date(YEAR, 12, 31),
            sample_size=2,
            cadre_id=wang,
            seed=123456,
        ),
    )
    first = db.read(queries.assessment.checked_entries, cid)[0]
    services.assessment.record_finding(db, None, first.item_id, "vague", "未写明困难")
    out = tmp_path / "抽查.pdf"
    assert print_spot_check(db, out, cid) >= 1
    text = text_of(out)
    assert "民情日记抽查记录" in text and "123456" in text
    assert "random.Random(123456).sample(range(3),2)" in text
    assert "不够具体" in text and "未写明困难" in text
    assert "13812345678" not in text  # numbers in the diary text are masked

    services.assessment.save_assessment(
        db,
        wang,
        AssessmentInput(
            cadre_id=wang,
            year=YEAR,
            self_score=90,
            poll_satisfied=9,
            poll_basic=0,
            poll_unsatisfied=1,
            poll_date=dt.date(YEAR, 12, 28),
        ),
    )
    out = tmp_path / "考核.pdf"
    pages = print_assessment(db, out, YEAR)
    assert pages == 2  # 王建国 and 李秀英, one page each
    text = text_of(out)
    assert f"{YEAR}年度干部考核表" in text and "王建国" in text and "李秀英" in text
    assert "测评满意率90.0%" in text and "90分" in text
    assert "本人（签字）" in text and "指标口径" in text
