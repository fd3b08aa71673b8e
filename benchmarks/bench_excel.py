"""Excel targets (issue 5).

* ledger export: the ledger workbook for a year of a township (30,000
  matters + 100,000 diary entries + 10,000 households) against raw openpyxl
  write-only writing exactly the same cell values (read back from our file);
  target ≤ 1.5×.
* roster import: a 40,000-person roster (.xlsx) into an empty database against
  python-calamine reading the same file plus raw ``sqlite3.executemany`` of
  every row our import wrote (households, people, their journal rows, search
  keys, groups); target ≤ 3×.

Run alone: ``python benchmarks/bench_excel.py [--quick]``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import TODAY, demo_database, fresh_dir, result, timed  # noqa: E402

from village_desk.core import services
from village_desk.core.domain.vocab import DEFAULT_VOCABULARIES
from village_desk.core.excel.ledger_export import export_ledger  # noqa: E402
from village_desk.core.excel.period import Period  # noqa: E402
from village_desk.core.excel.roster_import import apply_import  # noqa: E402
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Household, Person, VillagerGroup

IMPORT_TABLES = ("change_log", "villager_group", "household", "person", "search_term")


def run(quick: bool = False) -> list[dict]:
    households, villages = (1_000, 2) if quick else (10_000, 10)
    repeat = 3 if quick else 2
    db, summary = demo_database(households, villages, "excel")
    rows = [_export(db, summary, repeat), _import(db, repeat)]
    db.close()
    return rows


# --------------------------------------------------------------- export


def _export(db: Database, summary, repeat: int) -> dict:
    out = fresh_dir("excel-export")
    period = Period.custom(TODAY - dt.timedelta(days=366), TODAY)
    ours = min(
        timed(lambda: export_ledger(db, out / "ledger.xlsx", period, today=TODAY))[0]
        for _ in range(repeat)
    )

    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(out / "ledger.xlsx"))
    sheets = {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}
    cells = sum(1 for rows in sheets.values() for row in rows for v in row if v != "")

    def raw() -> None:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        for name, rows in sheets.items():
            ws = book.create_sheet(name)
            for row in rows:
                ws.append([None if v == "" else v for v in row])
        book.save(out / "raw.xlsx")

    baseline = min(timed(raw)[0] for _ in range(repeat))
    return result(
        "台账工作簿导出 ledger export",
        ours,
        baseline,
        "≤ 1.5× raw openpyxl write-only",
        detail=(
            f"{summary.matters} 件事项 + {summary.diary_entries} 篇日记 + "
            f"{summary.households} 户；{cells:,} 个单元格"
        ),
    )


# --------------------------------------------------------------- import


def _roster(db: Database, path: Path) -> int:
    """A roster of every person in the demo database, as a village would keep it."""
    from openpyxl import Workbook

    relations = dict(DEFAULT_VOCABULARIES["relation"])
    with db.reading() as s:
        groups = {g.id: g.name for g in s.query(VillagerGroup)}
        households = {h.id: h for h in s.query(Household)}
        people = sorted(
            s.query(Person),
            key=lambda p: (households[p.household_id].number, p.relation != "head"),
        )
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["青山镇农户花名册"])
    ws.append(
        ["户号", "姓名", "与户主关系", "公民身份号码", "性别", "出生日期", "联系电话", "组别"]
    )
    for p in people:
        h = households[p.household_id]
        ws.append(
            [
                h.number,
                p.name,
                relations[p.relation],
                p.id_number,
                p.gender,
                p.birth_date,
                p.phone or None,
                groups.get(h.group_id, ""),
            ]
        )
    wb.save(path)
    return len(people)


def _empty_db(path: Path) -> Database:
    db = Database.open(f"sqlite:///{path}", device_name="benchmark")
    services.setup.initialize(db, village="青山镇", township="青山镇")
    return db


def _import(source: Database, repeat: int) -> dict:
    out = fresh_dir("excel-import")
    roster = out / "花名册.xlsx"
    persons = _roster(source, roster)

    ours_times = []
    for i in range(repeat):
        target = out / f"ours-{i}.sqlite3"
        db = _empty_db(target)
        started = time.perf_counter()
        plan = apply_import(db, roster)
        ours_times.append(time.perf_counter() - started)
        db.close()
    counts = plan.counts()

    # The baseline writes exactly the rows our import wrote, into an empty copy.
    src = sqlite3.connect(target)
    before = _empty_db(out / "schema.sqlite3")
    before.close()
    stamp = src.execute(
        "SELECT max(hlc) FROM change_log WHERE entity = 'village_profile'"
    ).fetchone()[0]
    data = {}
    for table in IMPORT_TABLES:
        if table == "change_log":
            sql = "SELECT * FROM change_log WHERE hlc > ? ORDER BY rowid"
            data[table] = src.execute(sql, (stamp,)).fetchall()
        elif table == "search_term":
            data[table] = src.execute("SELECT * FROM search_term").fetchall()
        else:
            data[table] = src.execute(f"SELECT * FROM {table}").fetchall()
    # The change rows' local sequence numbers continue the target's own.
    seq_col = [r[1] for r in src.execute("PRAGMA table_info(change_log)")].index("seq")
    src.close()
    target = sqlite3.connect(out / "schema.sqlite3")
    offset = target.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
    target.close()
    base = min((r[seq_col] for r in data["change_log"]), default=1) - 1
    data["change_log"] = [
        (*r[:seq_col], r[seq_col] - base + offset, *r[seq_col + 1 :]) for r in data["change_log"]
    ]
    written = sum(len(rows) for rows in data.values())

    def raw() -> float:
        import shutil

        from python_calamine import CalamineWorkbook

        copy = out / "raw.sqlite3"
        shutil.copy(out / "schema.sqlite3", copy)
        conn = sqlite3.connect(copy, isolation_level=None)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")
        started = time.perf_counter()
        wb = CalamineWorkbook.from_path(str(roster))
        wb.get_sheet_by_name("花名册").to_python()
        conn.execute("BEGIN")
        for table, rows in data.items():
            if rows:
                marks = ",".join("?" * len(rows[0]))
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        conn.execute("COMMIT")
        elapsed = time.perf_counter() - started
        conn.close()
        return elapsed

    baseline = min(raw() for _ in range(repeat))
    return result(
        "花名册导入 roster import",
        min(ours_times),
        baseline,
        "≤ 3× calamine read + raw executemany",
        detail=(
            f"{persons} 人（新增 {counts['created']}，未导入 {counts['refused']}）；"
            f"基线写入相同的 {written:,} 行（户、人、变更日志、搜索键）"
        ),
    )


if __name__ == "__main__":
    from run import table

    print(table(run("--quick" in sys.argv)))
