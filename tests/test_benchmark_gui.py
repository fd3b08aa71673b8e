"""The GUI benchmark runs end to end at quick size (no timings asserted)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_gui_benchmark_produces_every_row(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--only", "gui"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
        env={**os.environ, "VILLAGE_DESK_BENCH_OUT": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")][1:]
    names = " ".join(row.split("|")[1] for row in rows)
    for page in ("工作台", "户情", "民情台账", "民情日记", "统计"):
        assert f"cold start: {page}" in names
    for expected in (
        "first rows",
        "longest frame",
        "quick search",
        "switching pages",
        "resident memory",
        "ledger export",
        "roster import",
        "card printing",
        "exchange import",
    ):
        assert expected in names, expected
    for row in rows:
        cells = [c.strip() for c in row.split("|")]
        if "memory" in cells[1]:
            assert "MB" in cells[6]  # the resident set, and the bare window's
        else:  # a measured time and its baseline
            assert cells[2] not in ("", "—") and cells[3] not in ("", "—"), row
        assert "did not finish" not in cells[6], row
