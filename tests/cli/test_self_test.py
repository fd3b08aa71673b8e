"""``village-desk --self-test``: what a township IT person runs after installing.

It runs the program's main path in a temporary folder and reports in Chinese;
it must pass on a complete install, name the step that failed on a broken
one, and leave the user's data, preferences and temporary folder as they were.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

STEPS = ["程序", "中文界面", "数据库", "示范数据", "主窗口", "台账工作簿", "联系卡 PDF"]


def self_test(tmp_path: Path, *args: str, code: str | None = None):
    """Run the self-test as its own process, with a home, data, config and
    temporary folder of its own, like a user's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VILLAGE_DESK_", "XDG_"))}
    folders = {name: tmp_path / name for name in ("home", "tmp", "run", "data", "config", "logs")}
    for folder in (folders["home"], folders["tmp"], folders["run"]):
        folder.mkdir(exist_ok=True)
    folders["run"].chmod(0o700)
    env.update(
        HOME=str(folders["home"]),
        TMPDIR=str(folders["tmp"]),
        XDG_RUNTIME_DIR=str(folders["run"]),
        VILLAGE_DESK_DATA_DIR=str(folders["data"]),
        VILLAGE_DESK_CONFIG_DIR=str(folders["config"]),
        VILLAGE_DESK_LOG_DIR=str(folders["logs"]),
        VILLAGE_DESK_LANG="en",  # the self-test checks the Chinese UI all the same
        QT_QPA_PLATFORM="offscreen",
    )
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "village_desk"]
    done = subprocess.run(
        [*command, "--self-test", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )
    return done, folders


def step_lines(stdout: str) -> dict[str, str]:
    found = {}
    for line in stdout.splitlines():
        m = re.match(r"\s+(通过|失败)\s+(.+?)：(.*)$", line)
        if m:
            found[m.group(2)] = f"{m.group(1)} {m.group(3)}"
    return found


def test_self_test_passes_and_leaves_the_users_things_alone(tmp_path):
    prefs = tmp_path / "home" / ".config" / "village-desk" / "village-desk.conf"
    prefs.parent.mkdir(parents=True)
    prefs.write_text("[ui]\nlanguage=en\n", encoding="utf-8")

    done, folders = self_test(tmp_path, "--keep")

    assert done.returncode == 0, done.stdout + done.stderr
    steps = step_lines(done.stdout)
    assert list(steps) == STEPS
    assert all(result.startswith("通过") for result in steps.values()), steps
    assert "界面为简体中文" in steps["中文界面"]
    assert "30 户" in steps["示范数据"]
    assert "11 张表" in steps["台账工作簿"]
    assert "30 张联系卡" in steps["联系卡 PDF"]
    assert "全部通过" in done.stdout
    # nothing of the user's was read into it or changed by it
    assert not folders["data"].exists()
    assert not folders["config"].exists()
    assert prefs.read_text(encoding="utf-8") == "[ui]\nlanguage=en\n"
    # --keep: the workbook and the cards stay to be looked at
    (kept,) = folders["tmp"].glob("village-desk-self-test-*")
    assert f"临时文件夹已保留：{kept}" in done.stdout
    assert (kept / "民情台账.xlsx").stat().st_size > 0
    assert (kept / "联系卡.pdf").read_bytes().startswith(b"%PDF-")


def test_self_test_names_a_missing_translation(tmp_path):
    empty = tmp_path / "no-translations"
    empty.mkdir()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import village_desk.ui.i18n as i18n\n"
        f"i18n.TRANSLATIONS_DIR = Path({str(empty)!r})  # an install without its .qm\n"
        "from village_desk.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done, folders = self_test(tmp_path, code=code)

    assert done.returncode == 1, done.stdout + done.stderr
    steps = step_lines(done.stdout)
    assert steps["程序"].startswith("通过")
    assert steps["中文界面"].startswith("失败 没有载入中文翻译")
    assert str(empty) in steps["中文界面"]
    assert all(steps[name] == "失败 未进行" for name in STEPS[2:]), steps
    assert "未通过（中文界面）" in done.stdout
    assert str(folders["logs"]) in done.stdout  # where the details are
    assert "Traceback" not in done.stdout + done.stderr
    # without --keep its temporary folder is gone, failed or not
    assert list(folders["tmp"].glob("village-desk-self-test-*")) == []
