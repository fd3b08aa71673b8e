"""公开承诺公示, read back: the year's posted commitments with who made them,
what was promised and how each stands; villagers named in the text and
numbers are masked as on the ledger's 公示; unposted ones are left out."""

from __future__ import annotations

import datetime as dt
import io
import re

from tests.core.printing.pdfcheck import all_text
from tests.helpers import make_id
from village_desk.core import services
from village_desk.core.printing import print_commitment_notice
from village_desk.core.services.commitments import CommitmentInput

YEAR = dt.date.today().year
ID = make_id("19580312", "131")


def _flat(pdf: bytes) -> str:
    return re.sub(r"\s+", "", all_text(pdf))


def test_the_notice_posts_commitments_and_masks_villagers(db, village):
    svc, wang = services.commitments, village["secretary"]
    road = svc.add_commitment(
        db,
        wang,
        CommitmentInput(
            year=YEAR,
            cadre_id=wang,
            content="帮张三丰家申请危房改造，电话13812345678",
            measures=f"核实身份证{ID}后上报",
            target="年内入住",
            deadline=dt.date(YEAR, 12, 31),
        ),
    )
    svc.add_progress(db, wang, road, "材料已报镇民政办")
    kept = svc.add_commitment(
        db,
        wang,
        CommitmentInput(
            year=YEAR, cadre_id=village["grid"], kind="one_line", content="网格内有事随叫随到"
        ),
    )
    svc.review_commitment(db, wang, kept, "kept", "全年接办群众求助36次")
    svc.add_commitment(
        db,
        wang,
        CommitmentInput(
            year=YEAR, cadre_id=wang, kind="one_line", content="不公示的一条", public=False
        ),
    )
    buf = io.BytesIO()
    pages = print_commitment_notice(db, buf, YEAR)
    text = _flat(buf.getvalue())
    assert pages == 1
    assert f"桃花村{YEAR}年度党员干部公开承诺公示" in text
    # who committed is posted by name and role
    assert "王建国" in text and "村党组织书记" in text and "李秀英" in text
    # a villager named in the text, the phone and the ID number are masked
    assert "张三丰" not in text and "张**" in text
    assert "13812345678" not in text and "138****5678" in text
    assert ID not in text and ID[:4] + "**********" + ID[-4:] in text
    # how each stands: the latest progress, or the review with its explanation
    assert "践诺中" in text and "材料已报镇民政办" in text
    assert "已践诺：全年接办群众求助36次" in text
    assert "一句话承诺：网格内有事随叫随到" in text
    assert "不公示的一条" not in text


def test_a_year_without_posted_commitments_says_so(db, village):
    buf = io.BytesIO()
    print_commitment_notice(db, buf, YEAR)
    assert "本年度没有需要公示的承诺" in _flat(buf.getvalue())
