"""What the commands write for people — PDFs, workbooks, rejects files —
is whole or absent (a full disk leaves neither a truncated nor a 0-byte
file under the real name, and an older file of that name as it was), is
readable by its owner only, and no personal data is left in the shared
temporary folder when a run is killed."""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.sandbox import cli, environment, on_small_disk
from tests.helpers import make_id

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("demo")
    data = base / "data"
    done = cli(base, "--data-dir", data, "demo", "--households", "20")
    assert done.returncode == 0, done.stderr
    return data


def month() -> str:
    return f"{dt.date.today():%Y-%m}"


def bad_roster(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号"])
    number = make_id("19700101", "821")
    ws.append(["09-002", "赵二", "户主", number[:17] + ("1" if number[17] != "1" else "2")])
    wb.save(path)
    return path


def outputs(tmp_path, data, folder: Path) -> dict[str, list]:
    return {
        "卡.pdf": ["print-cards", folder / "卡.pdf", "--all"],
        "公示.pdf": ["print-notice", folder / "公示.pdf", "--month", month()],
        "台账.pdf": ["print-ledger", folder / "台账.pdf", "--month", month()],
        "台账.xlsx": ["export-ledger", folder / "台账.xlsx", "--unmasked"],
        "未导入.xlsx": [
            "import-roster",
            bad_roster(tmp_path / "bad.xlsx"),
            "--dry-run",
            "--rejects",
            folder / "未导入.xlsx",
        ],
    }


def test_a_full_disk_leaves_no_half_written_output(demo_dir, tmp_path):
    disk = tmp_path / "stick"
    runs = []
    for name, args in outputs(tmp_path, demo_dir, disk).items():
        command = " ".join(f'"{a}"' for a in ["--data-dir", demo_dir, *args])
        runs.append(
            f'printf old > "{disk}/{name}"\n'
            f'"$PY" -m village_desk {command}; echo "exit {name} $?"\n'
            f'echo "content {name} $(cat "{disk}/{name}")"\n'
            f'rm -f "{disk}/{name}"\n'
        )
    script = "\n".join(runs) + f'\necho "left: $(ls -A "{disk}")"\n'
    done = on_small_disk(disk, 4, script, environment(tmp_path))  # one page: the old file's
    lines = done.stdout.splitlines()
    for name in outputs(tmp_path, demo_dir, disk):
        assert f"exit {name} 2" in lines, (name, done.stdout, done.stderr)
        assert f"content {name} old" in lines, (name, done.stdout)  # the older file as it was
    assert "left: " in lines  # no temporary or partial file left behind
    assert done.stderr.count("磁盘空间不足") == 5, done.stderr
    assert "Traceback" not in done.stderr


def test_outputs_are_owner_only(demo_dir, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    env = environment(tmp_path)
    for name, args in outputs(tmp_path, demo_dir, folder).items():
        done = subprocess.run(
            ["sh", "-c", 'umask 022 && exec "$@"', "sh", sys.executable, "-m", "village_desk"]
            + ["--data-dir", str(demo_dir), *map(str, args)],
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    assert sorted(p.name for p in folder.iterdir()) == sorted(outputs(tmp_path, demo_dir, folder))


KILLED_BEFORE_SAVING = """
import os, signal, sys
from openpyxl import Workbook
from village_desk import cli
def killed(*args):  # every sheet streamed to its temporary file, none zipped yet
    os.kill(os.getpid(), signal.SIGKILL)
Workbook.save = killed
sys.exit(cli.main(sys.argv[1:]))
"""


def test_a_killed_export_leaves_no_personal_data_in_the_system_temp_folder(demo_dir, tmp_path):
    env = environment(tmp_path)
    system_tmp = Path(env["TMPDIR"])
    out = tmp_path / "台账.xlsx"
    done = subprocess.run(
        [sys.executable, "-c", KILLED_BEFORE_SAVING]
        + ["--data-dir", str(demo_dir), "export-ledger", str(out), "--unmasked"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == -9
    assert list(system_tmp.iterdir()) == []  # openpyxl's sheets were not put there
    private = demo_dir / "tmp"
    assert stat.S_IMODE(private.stat().st_mode) == 0o700
    left = [p for p in private.rglob("*") if p.is_file() and p.name != ".in-use"]
    assert left  # they went to the data folder's private temp folder instead
    assert all(stat.S_IMODE(p.stat().st_mode) & 0o077 == 0 for p in left)
    assert not out.exists()
    partial = list(tmp_path.glob(".导出中-*"))
    assert partial  # the half-made workbook next to where 台账.xlsx was to be
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in partial)
    # the next start removes what the killed run left, here and next to the output
    assert cli(tmp_path, "--data-dir", demo_dir, "search", "张").returncode in (0, 1)
    assert [p for p in private.rglob("*") if p.is_file() and p.name != ".in-use"] == []
    assert list(tmp_path.glob(".导出中-*")) == []


KILLED_WHILE_WRITING_A_PDF = """
import os, signal, sys
from reportlab.platypus import SimpleDocTemplate
from village_desk import cli
build = SimpleDocTemplate.build
def killed(self, *args, **kwargs):  # half the PDF on the disk, then the power goes
    self.filename.write(b"%PDF-1.4 half")
    self.filename.flush()
    os.kill(os.getpid(), signal.SIGKILL)
SimpleDocTemplate.build = killed
sys.exit(cli.main(sys.argv[1:]))
"""


def test_a_killed_print_leaves_its_half_written_pdf_only_until_the_next_start(demo_dir, tmp_path):
    env = environment(tmp_path)
    folder = tmp_path / "U盘"
    folder.mkdir()
    out = folder / "公示.pdf"
    done = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_WRITING_A_PDF]
        + ["--data-dir", str(demo_dir), "print-notice", str(out), "--month", month()],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == -9, done.stderr
    assert not out.exists()  # never half a file under the real name
    [partial] = folder.iterdir()
    assert partial.name.startswith(".") and partial.read_bytes() == b"%PDF-1.4 half"
    keep = folder / ".写入中-not-ours.txt"  # a file no run of ours noted is left alone
    keep.write_text("x")
    assert cli(tmp_path, "--data-dir", demo_dir, "search", "张").returncode in (0, 1)
    assert list(folder.iterdir()) == [keep]
