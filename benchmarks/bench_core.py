"""Core targets at township scale (issue 2).

* demo generation time (10,000 households / ~40,000 people / 100,000 diary
  entries / 30,000 matters);
* bulk journaled writes (households + people + their journal rows, the shape of
  a roster import) against raw ``sqlite3.executemany`` of the same rows;
* search-as-you-type p95 over ~40,000 people against a plain ``LIKE`` scan over
  five precomputed columns;
* household list first page (count + first 200 rows) with each filter.

Run alone: ``python benchmarks/bench_core.py [--quick]``.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import TODAY, best_of, demo_database, fresh_dir, p95, result, timed  # noqa: E402

from village_desk.core import queries
from village_desk.core.storage import journal
from village_desk.core.storage.db import Database
from village_desk.core.storage.derived import search_index
from village_desk.core.storage.models import Cadre, Household, Person, VillagerGroup

PAGE = 200


def run(quick: bool = False) -> list[dict]:
    households, villages = (1_000, 2) if quick else (10_000, 10)
    seconds, (db, summary) = timed(lambda: demo_database(households, villages, "core"))
    rows = [
        result(
            "示范数据生成 demo generation",
            seconds,
            None,
            "—",
            detail=(
                f"{summary.households} 户 / {summary.persons} 人 / "
                f"{summary.diary_entries} 篇日记 / {summary.matters} 件事项"
            ),
        )
    ]
    rows.append(_bulk_writes(db))
    rows += _search(db, quick)
    rows.append(_household_pages(db))
    db.close()
    return rows


# --------------------------------------------------------------- bulk writes


def _keys(model) -> list[str]:
    return [attr.key for attr in model.__mapper__.column_attrs]


def _source_rows(db: Database):
    skip = {"id", "hlc", "deleted"}
    with db.reading() as s:
        groups = [
            {c: getattr(g, c) for c in ("id", "name", "sort_order")} for g in s.query(VillagerGroup)
        ]
        hh = [
            {k: getattr(h, k) for k in _keys(Household) if k not in skip} | {"id": h.id}
            for h in s.query(Household)
        ]
        people = [
            {k: getattr(p, k) for k in _keys(Person) if k not in skip} | {"id": p.id}
            for p in s.query(Person)
        ]
    return groups, hh, people


def _target_db(name: str, groups: list[dict]) -> tuple[Database, Path]:
    path = fresh_dir(name) / "village-desk.sqlite3"
    db = Database.open(f"sqlite:///{path}", device_name="benchmark")
    with db.transaction(None) as s:
        journal.bulk_insert(s, VillagerGroup, groups)
    return db, path


def _bulk_writes(source: Database) -> dict:
    groups, hh, people = _source_rows(source)

    def ours():
        db, path = _target_db("bulk-ours", groups)
        started = time.perf_counter()
        with db.transaction(None) as s:
            for chunk in journal.iter_chunks(hh, 5000):
                journal.bulk_insert(s, Household, chunk)
            for chunk in journal.iter_chunks(people, 5000):
                journal.bulk_insert(s, Person, chunk)
        elapsed = time.perf_counter() - started
        db.close()
        return elapsed, path

    ours_times = []
    for _ in range(3):
        elapsed, path = ours()
        ours_times.append(elapsed)

    # The raw baseline inserts exactly the rows our path wrote: data, journal and
    # the derived tables kept at commit (search keys, household figures).
    src = sqlite3.connect(path)
    data = {
        t: src.execute(f"SELECT * FROM {t}").fetchall()
        for t in ("household", "person", "search_term", "household_summary")
    }
    changes = src.execute(
        "SELECT * FROM change_log WHERE entity IN ('household', 'person') ORDER BY rowid"
    ).fetchall()
    src.close()

    def raw():
        db, target = _target_db("bulk-raw", groups)
        db.close()
        conn = sqlite3.connect(target, isolation_level=None)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")
        started = time.perf_counter()
        conn.execute("BEGIN")
        for table, tuples in (("change_log", changes), *data.items()):  # journal first
            marks = ",".join("?" * len(tuples[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", tuples)
        conn.execute("COMMIT")
        elapsed = time.perf_counter() - started
        conn.close()
        return elapsed

    raw_best = min(raw() for _ in range(3))
    return result(
        "批量写入（含变更日志）bulk journaled insert",
        min(ours_times),
        raw_best,
        "≤ 4× raw executemany",
        detail=f"{len(hh)} 户 + {len(people)} 人 + {len(changes)} 条日志"
        f" + {len(data['search_term'])} 条搜索键 + {len(data['household_summary'])} 户统计",
    )


# -------------------------------------------------------------------- search


def _queries(db: Database, quick: bool) -> list[str]:
    """Keystroke-by-keystroke queries a cadre would type, from real people."""
    rng = random.Random(5)
    with db.reading() as s:
        people = s.query(Person.name, Person.phone, Person.id_number).all()
    sample = rng.sample(people, 40 if quick else 150)
    typed: list[str] = []

    def keystrokes(text: str) -> None:
        typed.extend(text[:i] for i in range(1, len(text) + 1))

    for i, (name, phone, id_number) in enumerate(sample):
        readings = [r[0] for r in search_index.name_readings(name)]
        kind = i % 5
        if kind == 0:
            keystrokes(name)
        elif kind == 1:
            keystrokes("".join(readings))
        elif kind == 2:
            keystrokes("".join(r[0] for r in readings))
        elif kind == 3 and phone:
            keystrokes(phone[-4:])
        elif id_number:
            keystrokes(id_number[-6:].lower())
    return typed


def _like_table(db: Database) -> sqlite3.Connection:
    with db.reading() as s:
        people = s.query(Person.name, Person.phone, Person.id_number).all()
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE flat (name, pinyin, initials, phone, id_number)")
    flat = []
    for name, phone, id_number in people:
        readings = [r[0] for r in search_index.name_readings(name)]
        flat.append(
            (name, "".join(readings), "".join(r[0] for r in readings), phone, id_number.lower())
        )
    conn.executemany("INSERT INTO flat VALUES (?,?,?,?,?)", flat)
    return conn


def _search(db: Database, quick: bool) -> list[dict]:
    typed = _queries(db, quick)
    like = _like_table(db)
    sql = (
        "SELECT name, phone, id_number FROM flat WHERE name LIKE ?1 OR pinyin LIKE ?1 "
        "OR initials LIKE ?1 OR phone LIKE ?1 OR id_number LIKE ?1 LIMIT 50"
    )
    ours, base = [], []
    with db.reading() as s:
        queries.search.search(s, "张")  # warm the statement cache
        for q in typed:
            ours.append(timed(lambda q=q: queries.search.search(s, q))[0])
            base.append(timed(lambda q=q: like.execute(sql, (f"%{q}%",)).fetchall())[0])
    like.close()
    return [
        result(
            "边输边查 p95 search-as-you-type",
            p95(ours),
            p95(base),
            "≤ 30 ms（目标 ≤ 10 ms）",
            detail=f"{len(typed)} 次按键查询；基线：五列 LIKE 扫描",
        )
    ]


# ------------------------------------------------------------ household list


def _household_pages(db: Database) -> dict:
    with db.reading() as s:
        group = s.query(VillagerGroup.id).first()[0]
        cadre_id = s.query(Cadre.id).first()[0]
    filters = [
        queries.households.HouseholdFilter(today=TODAY),
        queries.households.HouseholdFilter(group_id=group, today=TODAY),
        queries.households.HouseholdFilter(category="dibao", today=TODAY),
        queries.households.HouseholdFilter(cadre_id=cadre_id, today=TODAY),
        queries.households.HouseholdFilter(not_visited_days=60, today=TODAY),
        queries.households.HouseholdFilter(has_overdue=True, today=TODAY),
    ]
    samples = []
    with db.reading() as s:
        for _ in range(10):
            for flt in filters:
                samples.append(
                    timed(
                        lambda flt=flt: (
                            queries.households.household_count(s, flt),
                            queries.households.household_page(s, flt, 0, PAGE),
                        )
                    )[0]
                )
    path = db.sqlite_path

    def raw():
        conn = sqlite3.connect(path)
        conn.execute(f"SELECT * FROM household ORDER BY number LIMIT {PAGE}").fetchall()
        conn.close()

    return result(
        "户情列表首页 p95 household list first page",
        p95(samples),
        best_of(raw, 5),
        "≤ 50 ms",
        detail="6 种筛选（组、类别、干部、N 天未走访、有逾期）；基线：裸 SELECT 前 200 户",
    )


def main() -> None:
    quick = "--quick" in sys.argv
    for row in run(quick):
        ratio = f"{row['ratio']:.1f}×" if row["ratio"] else ""
        print(f"{row['name']}: {row['seconds'] * 1000:.1f} ms {ratio} ({row['target']})")


if __name__ == "__main__":
    main()
