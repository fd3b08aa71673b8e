"""Exchange files at township scale.

1. **One package of 100,000 changes.** A township-sized demo database is
   forked (the copy is another installation); the copy makes 100,000 changes
   (new households and members, phone edits) and writes an exchange package
   for the original, which imports it in a fresh process:

   * export time, against reading the same change rows with ``sqlite3`` and
     writing them as JSON lines (no compression, no encryption);
   * import time (target ≤ 10 s here) and peak memory of the importing process
     (target ≤ 300 MB), against raw ``executemany`` of exactly the rows the
     import wrote (``bench_sync``'s baseline);
   * importing the same file again (a replay: ≤ 10 % of the first), and the
     same changes in a new file (all duplicates).

2. **The township receives ten villages.** Ten village laptops (each its own
   demo village and installation) export everything; an empty township
   database imports the ten packages, on SQLite and (when PostgreSQL server
   binaries are installed) on PostgreSQL, against raw ``executemany`` of the
   same rows into an empty database of the same schema.

Run alone: ``python benchmarks/bench_exchange.py [--quick]``.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_sync import _fresh_copy, _make_changes, _raw, _written_rows  # noqa: E402
from common import TODAY, demo_database, fresh_dir, result  # noqa: E402

from village_desk import demo  # noqa: E402
from village_desk.core import services  # noqa: E402
from village_desk.core.exchange import package  # noqa: E402
from village_desk.core.storage.db import Database  # noqa: E402
from village_desk.core.storage.models import Change, ExchangePeer  # noqa: E402
from village_desk.core.storage.replica import IdentityStore  # noqa: E402
from village_desk.demo.words import COUNTY, TOWNSHIP, VILLAGE_NAMES  # noqa: E402

SECRET = "benchmark-passphrase"
ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
from pathlib import Path
from village_desk.core.exchange.package import import_package
from village_desk.core.storage.db import Database
from village_desk.core.storage.replica import IdentityStore
db = Database.open(sys.argv[1], identities=IdentityStore(Path(sys.argv[2])))
files = sys.argv[4:]
started = time.perf_counter()
recorded = 0
for f in files:
    r = import_package(db, Path(f), secret=sys.argv[3], confirm_new=lambda _c: True)
    recorded += 0 if r.replay else r.sync.merge.recorded
seconds = time.perf_counter() - started
with open("/proc/self/status", encoding="ascii") as status:
    peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024
db.close()
print(json.dumps({"seconds": seconds, "peak_mb": peak, "recorded": recorded}))
"""


def _import(url: str, config: Path, files: list[Path]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, url, str(config), SECRET, *map(str, files)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _raw_export(path: Path, since: int, out: Path) -> float:
    """Read the same change rows and write them as JSON lines, nothing more."""
    started = time.perf_counter()
    con = sqlite3.connect(path)
    with open(out, "w", encoding="utf-8") as f:
        for row in con.execute(
            "SELECT id, hlc, device_id, tx_id, actor_id, entity, record_id, op, changes"
            " FROM change_log WHERE seq > ? ORDER BY seq",
            (since,),
        ):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        f.flush()
        os.fsync(f.fileno())
    con.close()
    return time.perf_counter() - started


def one_package(quick: bool) -> list[dict]:
    households, villages = (1_000, 2) if quick else (10_000, 10)
    new_households, edits = (4_000, 8_000) if quick else (30_000, 40_000)  # 100,000 changes
    db, _summary = demo_database(households, villages, "exchange")
    origin = Path(db.sqlite_path)
    db.close()
    out = fresh_dir("exchange-run")
    township_config = out / "township-config"
    pristine = out / "pristine.sqlite3"
    shutil.copy(origin, pristine)
    Database.open(f"sqlite:///{pristine}", identities=IdentityStore(township_config)).close()
    fork_path = out / "fork.sqlite3"
    shutil.copy(pristine, fork_path)
    fork = Database.open(f"sqlite:///{fork_path}", identities=IdentityStore(out / "fork-config"))
    with fork.reading() as s:
        start = s.query(Change.seq).order_by(Change.seq.desc()).limit(1).scalar() or 0
    receiver = Database.open(f"sqlite:///{pristine}", identities=IdentityStore(township_config))
    copy_id = receiver.identity.replica_id
    receiver.close()
    with fork.transaction(None) as s:  # the original acknowledged everything before
        s.add(
            ExchangePeer(
                copy_id=copy_id, code="TWN", label="乡镇", devices="", acked_seq=start,
                kind="township",
            )
        )  # fmt: skip
    _make_changes(fork, new_households, edits, random.Random(7))
    started = time.perf_counter()
    sent = package.export_package(fork, out, secret=SECRET, peer=str(copy_id))
    export_seconds = time.perf_counter() - started
    raw_export = min(_raw_export(fork_path, start, out / "raw.jsonl") for _ in range(2))
    again_file = package.export_package(fork, out / "again.vdx", secret=SECRET, peer=str(copy_id))
    fork.close()
    size_mb = sent.path.stat().st_size / 1e6

    target = out / "imported.sqlite3"
    _fresh_copy(pristine, target)
    url = f"sqlite:///{target}"
    first = _import(url, township_config, [sent.path])
    replay = _import(url, township_config, [sent.path])
    duplicates = _import(url, township_config, [again_file.path])

    with sqlite3.connect(pristine) as con:
        since = con.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
    rows = _written_rows(target, since, pristine)
    baseline_db = out / "raw.sqlite3"
    raw = min(_raw(_fresh_copy(pristine, baseline_db), rows) for _ in range(2))
    n = sent.changes
    return [
        result(
            "导出交换文件 export an exchange package",
            export_seconds,
            raw_export,
            "report (baseline: the same rows read and written as JSON lines)",
            detail=f"{n:,} 条变更，文件 {size_mb:.1f} MB（zstd 压缩、AES-256-GCM 加密、Ed25519 签名）",
        ),
        result(
            "导入交换文件 import an exchange package",
            first["seconds"],
            raw,
            "≤ 10 s; baseline: raw executemany of the rows written",
            detail=f"{n:,} 条变更导入 {households:,} 户的数据库（含检查、备份、合并）；"
            f"峰值内存 {first['peak_mb']:.0f} MB（目标 ≤ 300 MB）",
        ),
        result(
            "再次导入同一文件 import the same file again",
            replay["seconds"],
            first["seconds"],
            "≤ 10 % of the first import",
            detail="已导入过：检查文件后不做任何改动",
        ),
        result(
            "同样的变更换一个文件 the same changes in a new file",
            duplicates["seconds"],
            first["seconds"],
            "≤ 10 % of the first import",
            detail=f"{n:,} 条变更全部已有（写入 {duplicates['recorded']} 条）",
        ),
    ]


def _village_packages(count: int, households: int, out: Path) -> list[Path]:
    files = []
    for n in range(count):
        folder = out / f"village-{n}"
        db = Database.open(
            f"sqlite:///{folder / 'data.sqlite3'}", identities=IdentityStore(folder / "config")
        )
        # each laptop its own village of the township
        services.setup.initialize(
            db, village=VILLAGE_NAMES[n], township=TOWNSHIP, county=COUNTY,
            division_code=f"4305241012{n + 1:02d}",
        )  # fmt: skip
        demo.generate(db, households=households, seed=n + 1, today=TODAY)
        files.append(package.export_package(db, out / f"v{n}.vdx", secret=SECRET, full=True).path)
        db.close()
    return files


def _copy_rows_raw(source: Path, target_url: str) -> float:
    """Raw executemany of every row the township holds into an empty
    database of the same schema (no triggers, no journal, no merge)."""
    from sqlalchemy import create_engine, insert, select

    from village_desk.core.storage.models import Base

    src = create_engine(f"sqlite:///{source}")
    dst = create_engine(target_url)
    Base.metadata.create_all(dst)
    tables = [t for t in Base.metadata.sorted_tables if not t.name.startswith("local_")]
    with src.connect() as conn:
        data = {t.name: [dict(r) for r in conn.execute(select(t)).mappings()] for t in tables}
    src.dispose()
    started = time.perf_counter()
    with dst.begin() as conn:
        if dst.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for t in tables:
            rows = data[t.name]
            for i in range(0, len(rows), 5000):
                conn.execute(insert(t), rows[i : i + 5000])
    elapsed = time.perf_counter() - started
    dst.dispose()
    return elapsed


def _office(url: str, config: Path) -> None:
    """The township office's database (乡镇汇总), set up empty."""
    db = Database.open(url, identities=IdentityStore(config))
    services.setup.initialize(
        db, village="", township=TOWNSHIP, county=COUNTY, township_office=True
    )
    db.close()


def ten_villages(quick: bool) -> list[dict]:
    count, households = (3, 150) if quick else (10, 1_000)
    out = fresh_dir("exchange-township")
    files = _village_packages(count, households, out)
    results = []
    township = out / "township.sqlite3"
    config = out / "township-config"
    _office(f"sqlite:///{township}", config)
    got = _import(f"sqlite:///{township}", config, files)
    with sqlite3.connect(township) as con:
        n = con.execute("SELECT count(*) FROM change_log").fetchone()[0]
    raw = min(_copy_rows_raw(township, f"sqlite:///{out / f'raw-{i}.sqlite3'}") for i in range(2))
    results.append(
        result(
            "乡镇导入十个村的交换文件（SQLite）township imports ten villages (SQLite)",
            got["seconds"],
            raw,
            "report; baseline: raw executemany of the same rows",
            detail=f"{count} 个村 × {households:,} 户，共 {n:,} 条变更；峰值内存 {got['peak_mb']:.0f} MB",
        )
    )
    try:
        server = _postgres()
    except RuntimeError as err:
        results.append(
            result(
                "乡镇导入十个村的交换文件（PostgreSQL）township imports ten villages (PostgreSQL)",
                0.0,
                None,
                "report",
                detail=f"未测：{err}",
            )
        )
        return results
    try:
        url = server.new_database()
        _office(url, config)
        got = _import(url, config, files)
        raw = _copy_rows_raw(township, server.new_database())
        results.append(
            result(
                "乡镇导入十个村的交换文件（PostgreSQL）township imports ten villages (PostgreSQL)",
                got["seconds"],
                raw,
                "report; baseline: raw executemany of the same rows",
                detail=f"{count} 个村 × {households:,} 户，共 {n:,} 条变更；"
                f"峰值内存 {got['peak_mb']:.0f} MB",
            )
        )
    finally:
        server.stop()
    return results


def _postgres():
    """A throwaway PostgreSQL server (the tests' helper), or RuntimeError."""
    import pytest

    from tests.core.storage.postgres_server import PostgresServer

    try:
        return PostgresServer()
    except pytest.skip.Exception as err:
        raise RuntimeError(str(err)) from None


def run(quick: bool = False) -> list[dict]:
    return one_package(quick) + ten_villages(quick)


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
