"""Power cuts and killed processes: writing commands (``import-roster``,
``demo``) are SIGKILLed at random moments, 22 times; after each kill the
database passes ``check`` and holds exactly what it held before the command
or exactly what a complete run leaves — never part of it."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.sandbox import cli, environment
from tests.cli.test_storage_failures import roster
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database

pytestmark = pytest.mark.slow

DB = "village-desk.sqlite3"
KILLS_EACH = 11  # import-roster and demo: 22 kills in all


def state(data: Path) -> tuple:
    """What the village holds (records per table, live households and
    people), after ``check`` has passed on it."""
    db = Database.open(f"sqlite:///{data / DB}")
    try:
        report = run_check(db)
        assert report.ok, report.problems
        con = sqlite3.connect(data / DB)
        try:
            people = con.execute(
                "SELECT h.number, p.name, p.id_number FROM person p"
                " JOIN household h ON h.id = p.household_id WHERE p.deleted = 0"
            ).fetchall()
        finally:
            con.close()
        return tuple(sorted(report.counts.items())), report.journal_rows, tuple(sorted(people))
    finally:
        db.close()


def fresh(pristine: Path, data: Path) -> None:
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(pristine, data)


def test_killed_writers_leave_the_database_before_or_after(tmp_path):
    rng = random.Random(20261206)
    pristine, data = tmp_path / "pristine", tmp_path / "data"
    assert cli(tmp_path, "--data-dir", pristine, "init", "--village", "桃花村").returncode == 0
    shutil.rmtree(pristine / "tmp", ignore_errors=True)
    path = roster(tmp_path / "r.xlsx", 150)
    env = environment(tmp_path)
    commands = {
        "import-roster": ["import-roster", str(path)],
        "demo": ["demo", "--households", "30", "--seed", "7"],
    }
    before = state(pristine)
    after, took = {}, {}
    for name, args in commands.items():  # a complete run of each, for "after"
        fresh(pristine, data)
        started = time.monotonic()
        assert cli(tmp_path, "--data-dir", data, *args).returncode == 0
        took[name] = time.monotonic() - started
        after[name] = state(data)
        assert after[name] != before

    seen = {name: {"before": 0, "after": 0} for name in commands}
    writing = 0  # kills that came while the write-ahead log was in use
    for name in [*commands] * KILLS_EACH:
        fresh(pristine, data)
        proc = subprocess.Popen(
            [sys.executable, "-m", "village_desk", "--data-dir", str(data), *commands[name]],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        if name == "demo":  # at a random stage of its writing, reported on stderr
            stage = rng.randrange(4, 16)
            for _ in range(stage):
                if not proc.stderr.readline():
                    break
            time.sleep(rng.uniform(0, 0.05))
        else:  # at a random moment of the second half (the first is Python starting)
            time.sleep(rng.uniform(0.45, 1.0) * took[name])
        wal = Path(f"{data / DB}-wal")
        writing += wal.exists() and wal.stat().st_size > 0
        proc.kill()
        proc.communicate()
        now = state(data)
        assert now in (before, after[name]), f"{name}: a partial state after a kill"
        seen[name]["before" if now == before else "after"] += 1
    assert sum(n for counts in seen.values() for n in counts.values()) >= 20
    assert seen["demo"]["before"] > 0 and seen["import-roster"]["before"] > 0, seen
    assert writing >= 5, (writing, seen)  # many kills came mid-write
