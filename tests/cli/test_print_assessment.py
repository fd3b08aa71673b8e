"""``village-desk print-spot-check`` and ``print-assessment``: a spot-check's
record (the latest, or the one named by the first digits of its number) and
the year's assessment sheets (everyone's, or one cadre's) as PDFs."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.core.printing.pdfcheck import all_text
from village_desk import cli
from village_desk.cli import print_assessment, print_spot_check
from village_desk.core import queries, services
from village_desk.core.services.assessment import AssessmentInput, SpotCheckInput
from village_desk.core.services.diary import DiaryInput
from village_desk.core.services.households import HouseholdInput, PersonInput, create_household
from village_desk.core.storage.db import Database
from village_desk.core.storage.paths import database_url

YEAR = dt.date.today().year - 1  # a year that is over


@pytest.fixture
def run(capsys):
    assert print_spot_check in cli.COMMANDS and print_assessment in cli.COMMANDS

    def invoke(*argv):
        code = cli.main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return invoke


@pytest.fixture
def folder(tmp_path):
    """A village whose secretary wrote three diary entries in March, two
    spot-checks of them (the second with a finding), and the secretary's
    villagers' evaluation: 40 满意, 8 基本满意, 2 不满意."""
    folder = str(tmp_path / "data")
    db = Database.open(database_url(folder, None), device_name="测试机")
    services.setup.initialize(db, village="桃花村", township="青山镇")
    wang = services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001")
    services.setup.add_cadre(db, None, "李秀英", "grid", "13907310002")
    group = services.setup.add_group(db, None, "一组")
    hh = create_household(
        db, wang, HouseholdInput(number="01-001", group_id=group), PersonInput(name="张三丰"), []
    )
    for day, text in ((3, "了解低保年审"), (9, "屋顶漏雨待修"), (17, "商量油茶扩种")):
        services.diary.write_entry(
            db,
            wang,
            DiaryInput(
                date=dt.date(YEAR, 3, day),
                mode="home_visit",
                author_id=wang,
                household_ids=[hh],
                narrative=text,
            ),
        )
    march = dict(
        period_start=dt.date(YEAR, 3, 1),
        period_end=dt.date(YEAR, 3, 31),
        sample_size=3,
        cadre_id=wang,
        seed=11,
    )
    first = services.assessment.draw_spot_check(
        db, None, SpotCheckInput(inspector="镇纪委 刘明", date=dt.date(YEAR, 4, 1), **march)
    )
    second = services.assessment.draw_spot_check(
        db, None, SpotCheckInput(inspector="镇组织办 周红", date=dt.date(YEAR, 5, 1), **march)
    )
    item = db.read(queries.assessment.checked_entries, second)[1]
    services.assessment.record_finding(db, None, item.item_id, "no_follow_up", "漏雨一月未回访")
    services.assessment.save_assessment(
        db,
        wang,
        AssessmentInput(
            cadre_id=wang,
            year=YEAR,
            poll_satisfied=40,
            poll_basic=8,
            poll_unsatisfied=2,
            poll_date=dt.date(YEAR, 12, 20),
        ),
    )
    db.close()
    return folder, first, second


def text_of(path) -> str:
    return re.sub(r"\s+", "", all_text(path.read_bytes()))


def test_print_the_latest_spot_check_or_the_one_named(run, folder, tmp_path):
    data, first, second = folder
    out = tmp_path / "抽查.pdf"
    code, stdout, _ = run("--data-dir", data, "print-spot-check", str(out))
    assert code == 0 and f"编号 {second.hex[:8]}" in stdout and "共 1 页" in stdout
    text = text_of(out)
    # the latest check: 周红's, with its finding; the seed that repeats the draw
    assert "周红" in text and "刘明" not in text
    assert "漏雨一月未回访" in text and "11" in text

    code, stdout, _ = run(
        "--data-dir", data, "print-spot-check", str(out), "--check", first.hex[:6].upper()
    )
    assert code == 0 and f"编号 {first.hex[:8]}" in stdout
    text = text_of(out)
    assert "刘明" in text and "周红" not in text

    code, _, err = run("--data-dir", data, "print-spot-check", str(out), "--check", "zz99")
    assert code != 0 and "至少4位" in err and second.hex[:8] in err  # lists the checks
    missing = next(
        p for p in ("0000", "ffff", "abcd") if not any(c.hex.startswith(p) for c in (first, second))
    )
    code, _, err = run("--data-dir", data, "print-spot-check", str(out), "--check", missing)
    assert code != 0 and "没有编号为" in err


def test_print_every_cadres_sheet_or_one(run, folder, tmp_path):
    data, _, _ = folder
    out = tmp_path / "考核.pdf"
    code, stdout, _ = run("--data-dir", data, "print-assessment", str(out), "--year", str(YEAR))
    assert code == 0 and "共 2 页" in stdout  # one page per active cadre
    text = text_of(out)
    assert "王建国" in text and "李秀英" in text
    # 测评满意率 = (满意 + 基本满意) ÷ 票数 = (40 + 8) ÷ 50
    assert "96.0%" in text and "共50票" in text

    code, stdout, _ = run(
        "--data-dir", data, "print-assessment", str(out), "--year", str(YEAR), "--cadre", "李秀英"
    )
    assert code == 0 and "李秀英的干部考核表，共 1 页" in stdout
    text = text_of(out)
    assert "李秀英" in text and "王建国" not in text and "尚未测评" in text

    code, _, err = run(
        "--data-dir", data, "print-assessment", str(out), "--year", str(YEAR), "--cadre", "赵六"
    )
    assert code != 0 and "没有名叫“赵六”" in err and "王建国" in err
    code, _, err = run("--data-dir", data, "print-assessment", str(out), "--year", "26")
    assert code != 0 and "四位数字" in err
