"""``village-desk print-commitments``: the year's 公开承诺 公示 as a PDF."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.core.printing.pdfcheck import all_text
from village_desk import cli
from village_desk.cli import print_commitments
from village_desk.core import services
from village_desk.core.services.commitments import CommitmentInput
from village_desk.core.storage.db import Database
from village_desk.core.storage.paths import database_url

YEAR = dt.date.today().year


@pytest.fixture
def run(capsys):
    assert print_commitments in cli.COMMANDS

    def invoke(*argv):
        code = cli.main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return invoke


def test_print_the_years_commitments(run, tmp_path):
    folder = str(tmp_path / "data")
    db = Database.open(database_url(folder, None), device_name="测试机")
    services.setup.initialize(db, village="桃花村", township="青山镇")
    wang = services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001")
    services.commitments.add_commitment(
        db,
        wang,
        CommitmentInput(year=YEAR, cadre_id=wang, kind="one_line", content="有事随叫随到"),
    )
    db.close()
    out = tmp_path / "承诺.pdf"
    code, stdout, _ = run("--data-dir", folder, "print-commitments", str(out), "--year", str(YEAR))
    assert code == 0 and f"{YEAR}年 公开承诺公示表，共 1 页" in stdout
    text = re.sub(r"\s+", "", all_text(out.read_bytes()))
    assert "王建国" in text and "有事随叫随到" in text
    code, _, err = run("--data-dir", folder, "print-commitments", str(out), "--year", "26")
    assert code != 0 and "四位数字" in err
