"""Shared helpers for the benchmark scripts: timing, percentiles, demo databases."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from village_desk import demo

OUT = Path(os.environ.get("VILLAGE_DESK_BENCH_OUT") or Path(__file__).resolve().parent / "out")
TODAY = dt.date(2026, 11, 24)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Fastest of ``repeat`` runs: the least disturbed by other work on the machine."""
    return min(timed(fn)[0] for _ in range(repeat))


def p95(samples: list[float]) -> float:
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def result(name: str, seconds: float, baseline: float | None, target: str, **extra) -> dict:
    row = {
        "name": name,
        "seconds": seconds,
        "baseline_seconds": baseline,
        "ratio": (seconds / baseline) if baseline else None,
        "target": target,
    }
    row.update(extra)
    return row


def fresh_dir(name: str) -> Path:
    import shutil

    path = OUT / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def demo_database(households: int, villages: int, name: str, seed: int = 1):
    """A new demo database under benchmarks/out/NAME, and the generation summary."""
    from village_desk.core.storage.db import Database

    path = fresh_dir(name) / "village-desk.sqlite3"
    db = Database.open(f"sqlite:///{path}", device_name="benchmark")
    summary = demo.generate(db, households=households, villages=villages, seed=seed, today=TODAY)
    return db, summary
