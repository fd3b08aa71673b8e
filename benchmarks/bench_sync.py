"""Merging another copy's changes (the sync engine), at township scale.

A township-sized demo database is forked (its file copied: the copy is a new
device). The copy makes 100,000 changes — new households and members, and
edits of existing members' phones — and they are merged back into the
original:

* merge time against raw ``sqlite3.executemany`` of exactly the rows the merge
  wrote (the change rows, the new and updated records, the derived search keys
  and household figures) into the same database (target ≤ 5×);
* peak memory of a process that reads the changes (one a line, as an exchange
  file is read) and merges them (≤ 300 MB);
* merging the same changes again (≤ 10 % of the first time).

Run alone: ``python benchmarks/bench_sync.py [--quick]``.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import demo_database, fresh_dir, result, timed  # noqa: E402

from village_desk.core.domain.validation import id_check_digit  # noqa: E402
from village_desk.core.storage import journal  # noqa: E402
from village_desk.core.storage.db import Database  # noqa: E402
from village_desk.core.storage.merge import export_changes  # noqa: E402
from village_desk.core.storage.models import Change, Household, Person  # noqa: E402
from village_desk.demo.words import GIVEN, SURNAMES  # noqa: E402

CHILD = r"""
import json, resource, sys, time
from village_desk.core.storage.db import Database
from village_desk.core.storage.merge import merge
db = Database.open("sqlite:///" + sys.argv[1])
started = time.perf_counter()
with open(sys.argv[2], encoding="utf-8") as f:  # one change a line, read as merged
    report = merge(db, (json.loads(line) for line in f))
seconds = time.perf_counter() - started
try:  # this process's own high-water mark: ru_maxrss after a (v)fork and exec
    # also counts the parent's (the benchmark, which built the databases)
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MB (Linux: KiB)
print(json.dumps({"seconds": seconds, "peak_mb": peak, "recorded": report.recorded,
                  "applied": report.applied}))
"""


def _person(rng: random.Random, relation: str) -> dict:
    """A member as a roster gives one: a name of the demo's surnames and
    given names, an ID number with its check digit, a mobile."""
    gender = "男" if relation == "head" else "女"
    born = f"19{rng.randrange(40, 99)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
    first17 = f"431381{born}{rng.randrange(100):02d}{rng.randrange(5) * 2 + (gender == '男')}"
    return {
        "name": _SURNAMES[rng.randrange(len(_SURNAMES))]
        + rng.choice(GIVEN[(gender, rng.randrange(3))]),
        "gender": gender,
        "relation": relation,
        "id_number": first17 + id_check_digit(first17),
        "phone": f"139{rng.randrange(10**8):08d}",
    }


_SURNAMES = [name for name, _weight in SURNAMES]


def _make_changes(fork: Database, households: int, edits: int, rng: random.Random) -> None:
    """New households with two members each, and phone edits of members."""
    with fork.transaction(None) as s:
        groups = [
            g
            for (g,) in s.execute(
                Household.__table__.select().with_only_columns(Household.group_id).distinct()
            )
            if g
        ]
        new_h, new_p = [], []
        for n in range(households):
            hid = uuid.uuid4()
            new_h.append({"id": hid, "number": f"99-{n:05d}", "group_id": rng.choice(groups)})
            for relation in ("head", "spouse"):
                new_p.append({"household_id": hid, **_person(rng, relation)})
        people = s.query(Person).filter(Person.deleted.is_(False)).limit(edits).all()
        for p in people:  # members already there, not the new ones
            p.phone = f"137{rng.randrange(10**8):08d}"
        s.flush()
        for chunk in journal.iter_chunks(new_h, 5000):
            journal.bulk_insert(s, Household, chunk)
        for chunk in journal.iter_chunks(new_p, 5000):
            journal.bulk_insert(s, Person, chunk)


def _written_rows(path: Path, since_seq: int, before: Path) -> dict:
    """What the merge wrote, read back, for the raw baseline (``before``: the
    database the changes were merged into, as it was)."""
    con = sqlite3.connect(path)
    con.execute("ATTACH DATABASE ? AS before", (str(before),))
    rows = {
        "change_log": con.execute(
            "SELECT * FROM change_log WHERE seq > ? ORDER BY seq", (since_seq,)
        ).fetchall()
    }
    for table in ("household", "person"):
        rows[table] = con.execute(
            f"SELECT * FROM {table} WHERE id IN (SELECT record_id FROM change_log"
            f" WHERE seq > ? AND entity = '{table}' AND op = 'insert')",
            (since_seq,),
        ).fetchall()
    rows["person_updates"] = con.execute(
        "SELECT * FROM person WHERE id IN (SELECT record_id FROM change_log"
        " WHERE seq > ? AND entity = 'person' AND op = 'update')",
        (since_seq,),
    ).fetchall()
    # ids by column name: the id is not the first column of these tables
    hid = [r[1] for r in con.execute("PRAGMA table_info(household)")].index("id")
    pid = [r[1] for r in con.execute("PRAGMA table_info(person)")].index("id")
    new_households = [r[hid] for r in rows["household"]]
    marks = ",".join("?" * len(new_households))
    edited = [r[pid] for r in rows["person_updates"]]
    con.execute("CREATE TEMP TABLE edited (id TEXT PRIMARY KEY)")
    con.executemany("INSERT OR IGNORE INTO edited VALUES (?)", [(e,) for e in edited])
    # search keys written: every key of the new households, and the keys of
    # the edited people that differ from before (deleted, and written)
    edited_keys = "SELECT term, person_id FROM {} WHERE person_id IN (SELECT id FROM edited)"
    rows["search_term"] = con.execute(
        f"SELECT * FROM main.search_term WHERE household_id IN ({marks})"
        " UNION ALL SELECT * FROM main.search_term WHERE (term, person_id) IN"
        f" ({edited_keys.format('main.search_term')}"
        f" EXCEPT {edited_keys.format('before.search_term')})"
        " ORDER BY 1, 2",
        new_households,
    ).fetchall()
    rows["search_gone"] = con.execute(
        f"{edited_keys.format('before.search_term')}"
        f" EXCEPT {edited_keys.format('main.search_term')} ORDER BY 1, 2"
    ).fetchall()
    rows["household_summary"] = (
        con.execute(
            f"SELECT * FROM household_summary WHERE household_id IN ({marks})", new_households
        ).fetchall()
        if new_households
        else []
    )
    columns = [r[1] for r in con.execute("PRAGMA table_info(person)")]
    con.close()
    rows["_person_columns"] = columns
    return rows


def _raw(path: Path, rows: dict) -> float:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA synchronous=FULL")
    columns = rows["_person_columns"]
    sets = ", ".join(f"{c} = ?" for c in columns if c != "id")
    updates = [
        (*[v for c, v in zip(columns, r, strict=True) if c != "id"], r[columns.index("id")])
        for r in rows["person_updates"]
    ]
    started = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.executemany("DELETE FROM search_term WHERE term = ? AND person_id = ?", rows["search_gone"])
    for table in ("change_log", "household", "person", "search_term", "household_summary"):
        if rows[table]:
            marks = ",".join("?" * len(rows[table][0]))
            con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows[table])
    con.executemany(f"UPDATE person SET {sets} WHERE id = ?", updates)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def run(quick: bool = False) -> list[dict]:
    households, villages = (1_000, 2) if quick else (10_000, 10)
    new_households, edits = (4_000, 8_000) if quick else (30_000, 40_000)  # 100,000 changes
    _, (db, _summary) = timed(lambda: demo_database(households, villages, "sync"))
    origin = Path(db.sqlite_path)
    db.close()
    out = fresh_dir("sync-run")
    pristine = out / "pristine.sqlite3"
    shutil.copy(origin, pristine)
    fork_path = out / "fork.sqlite3"
    shutil.copy(origin, fork_path)
    fork = Database.open(f"sqlite:///{fork_path}")
    with fork.reading() as s:
        start = s.query(Change.seq).order_by(Change.seq.desc()).limit(1).scalar() or 0
    _make_changes(fork, new_households, edits, random.Random(7))
    changes = export_changes(fork, since_seq=start)
    fork.close()
    changes_file = out / "changes.jsonl"
    with open(changes_file, "w", encoding="utf-8") as f:
        for change in changes:
            f.write(json.dumps(change, ensure_ascii=False) + "\n")
    n = len(changes)
    del changes

    target = out / "merged.sqlite3"
    shutil.copy(pristine, target)
    Database.open(f"sqlite:///{target}").close()  # migrate and re-key outside the timing
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(target), str(changes_file)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    first = json.loads(done.stdout.strip().splitlines()[-1])
    again = subprocess.run(
        [sys.executable, "-c", CHILD, str(target), str(changes_file)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    second = json.loads(again.stdout.strip().splitlines()[-1])

    with sqlite3.connect(pristine) as con:
        since = con.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
    rows = _written_rows(target, since, pristine)
    baseline_db = out / "raw.sqlite3"
    shutil.copy(pristine, baseline_db)
    raw = min(_raw(_fresh_copy(pristine, baseline_db), rows) for _ in range(2))
    return [
        result(
            "合并另一台电脑的变更 merge another copy's changes",
            first["seconds"],
            raw,
            "≤ 5× raw executemany of the rows written",
            detail=f"{n:,} 条变更（{new_households:,} 新户、{2 * new_households:,} 新成员、"
            f"{edits:,} 处电话修改）合并进 {households:,} 户的数据库；峰值内存 "
            f"{first['peak_mb']:.0f} MB（目标 ≤ 300 MB）",
        ),
        result(
            "再次合并同样的变更 merge the same changes again",
            second["seconds"],
            first["seconds"],
            "≤ 10 % of the first merge",
            detail=f"重复的 {n:,} 条变更全部跳过（写入 {second['recorded']} 条）",
        ),
    ]


def _fresh_copy(pristine: Path, target: Path) -> Path:
    shutil.copy(pristine, target)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    return target


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
