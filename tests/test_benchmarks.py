"""The benchmark runner works end to end (sizes are small; no timings asserted)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_core_benchmark_produces_a_readme_table(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--only", "core"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, "VILLAGE_DESK_BENCH_OUT": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    names = " ".join(lines)
    for expected in (
        "demo generation",
        "bulk journaled insert",
        "search-as-you-type",
        "first page",
    ):
        assert expected in names
    assert (tmp_path / "latest.md").read_text(encoding="utf-8").count("| ") > 4
    # every measured row has a positive time
    for line in lines[2:]:
        assert line.split("|")[2].strip() not in ("", "—")
