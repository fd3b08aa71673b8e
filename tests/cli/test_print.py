"""The print commands, through ``village_desk.cli.main``."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.printing.pdfcheck import all_text, reader
from village_desk import cli, demo
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Cadre
from village_desk.core.storage.paths import database_url


@pytest.fixture
def run(capsys):

    def invoke(*argv):
        code = cli.main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return invoke


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    db = Database.open(database_url(str(folder), None), device_name="测试机")
    demo.generate(db, households=12, seed=2)
    db.close()
    return str(folder)


def test_print_cards_for_one_household_and_a_group(run, data_dir, tmp_path):
    out = tmp_path / "cards.pdf"
    code, stdout, _ = run("--data-dir", data_dir, "print-cards", str(out), "--household", "01-001")
    assert code == 0 and "1 张联系卡" in stdout
    assert len(reader(str(out)).pages) == 2
    assert "户号：01-001" in all_text(str(out))
    code, stdout, _ = run(
        "--data-dir", data_dir, "print-cards", str(out), "--group", "一组", "--layout", "single"
    )
    assert code == 0
    cards = int(stdout.split("已生成 ")[1].split(" 张")[0])
    assert cards >= 1 and len(reader(str(out)).pages) == 2 * cards


def test_print_cards_user_mistakes(run, data_dir, tmp_path):
    out = str(tmp_path / "cards.pdf")
    code, _, err = run("--data-dir", data_dir, "print-cards", out)
    assert code == 2 and "--household" in err
    code, _, err = run("--data-dir", data_dir, "print-cards", out, "--all", "--group", "一组")
    assert code == 2 and "只用一种方式" in err
    code, _, err = run("--data-dir", data_dir, "print-cards", out, "--household", "99-999")
    assert code == 2 and "找不到这些户：99-999" in err
    code, _, err = run("--data-dir", data_dir, "print-cards", str(tmp_path / "c.txt"), "--all")
    assert code == 2 and ".pdf" in err


def test_print_notice_ledger_and_diary(run, data_dir, tmp_path):
    month = dt.date.today().strftime("%Y-%m")
    notice = tmp_path / "notice.pdf"
    code, stdout, _ = run("--data-dir", data_dir, "print-notice", str(notice), "--month", month)
    assert code == 0 and notice.exists() and "公示" in all_text(str(notice))
    ledger_pdf = tmp_path / "ledger.pdf"
    code, _, _ = run("--data-dir", data_dir, "print-ledger", str(ledger_pdf), "--month", month)
    assert code == 0 and "民情台账" in all_text(str(ledger_pdf))
    code, _, err = run("--data-dir", data_dir, "print-notice", str(notice), "--month", "2025/3")
    assert code == 2 and "2025-03" in err

    db = Database.open(database_url(data_dir, None))
    with db.reading() as s:
        name = s.query(Cadre.name).filter(Cadre.active.is_(True)).first()[0]
    db.close()
    diary = tmp_path / "diary.pdf"
    start = (dt.date.today() - dt.timedelta(days=60)).isoformat()
    code, _, _ = run(
        "--data-dir",
        data_dir,
        "print-diary",
        str(diary),
        "--cadre",
        name,
        "--from",
        start,
        "--to",
        dt.date.today().isoformat(),
    )
    assert code == 0 and name in all_text(str(diary))
    code, _, err = run(
        "--data-dir",
        data_dir,
        "print-diary",
        str(diary),
        "--cadre",
        name,
        "--from",
        "2025-13-01",
        "--to",
        "2025-12-01",
    )
    assert code == 2 and "年-月-日" in err
