"""Health check of a database: schema version, SQLite integrity, journal,
and the numbers that must be unique among live records.

Used by ``village-desk check`` (non-zero exit on a problem) and by the GUI's
settings page. Every finding is a sentence a person can act on.
:func:`file_problems` looks at a SQLite file without opening it through the
program (no migration, no write): what ``PRAGMA integrity_check`` says about
a damaged file is then shown as it is.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, text

from ..domain.validation import mask_id_number
from . import derived, migrate
from .db import Database, connect_read_only
from .models import SYNCED_MODELS, Change

LISTED = 20  # findings of one kind shown one by one


@dataclass
class CheckReport:
    schema: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    journal_rows: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def run_check(db: Database) -> CheckReport:
    report = CheckReport()
    revision = migrate.current_revision(db.engine)
    report.schema = revision or "(none)"
    if revision != migrate.HEAD:
        report.problems.append(f"数据库结构版本为 {revision}，应为 {migrate.HEAD}")
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            results = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            if results != ["ok"]:
                report.problems += [f"SQLite 完整性检查：{r}" for r in results[:20]]
            fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            for table, rowid, parent, _ in fk[:20]:
                report.problems.append(f"{table} 第 {rowid} 行引用的 {parent} 记录不存在")
        report.journal_rows = conn.execute(text("SELECT count(*) FROM change_log")).scalar()
        for model in SYNCED_MODELS:
            table = model.__tablename__
            report.counts[table] = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            unjournaled = conn.execute(
                text(
                    f"SELECT count(*) FROM {table} t WHERE NOT EXISTS ("
                    "SELECT 1 FROM change_log c WHERE c.entity = :e AND c.record_id = t.id"
                    " AND c.op = 'insert')"
                ),
                {"e": table},
            ).scalar()
            if unjournaled:
                report.problems.append(
                    f"{table}：{unjournaled} 条记录没有新增日志（绕过了日志写入）"
                )
            stale = conn.execute(
                text(
                    f"SELECT count(*) FROM {table} t WHERE t.hlc <> (SELECT max(c.hlc) FROM change_log c"
                    " WHERE c.entity = :e AND c.record_id = t.id)"
                ),
                {"e": table},
            ).scalar()
            if stale:
                report.problems.append(f"{table}：{stale} 条记录与其最后一条日志的时间戳不一致")
            tomb = conn.execute(
                text(
                    f"SELECT count(*) FROM {table} t WHERE t.deleted = :yes AND NOT EXISTS ("
                    "SELECT 1 FROM change_log c WHERE c.entity = :e AND c.record_id = t.id"
                    " AND c.op = 'delete')"
                ),
                {"e": table, "yes": True},
            ).scalar()
            if tomb:
                report.problems.append(f"{table}：{tomb} 条已删除记录没有删除日志")
            orphans = conn.execute(
                text(
                    f"SELECT count(*) FROM change_log c WHERE c.entity = :e AND NOT EXISTS ("
                    f"SELECT 1 FROM {table} t WHERE t.id = c.record_id)"
                ),
                {"e": table},
            ).scalar()
            if orphans:
                report.problems.append(
                    f"{table}：{orphans} 条日志指向已不存在的记录（记录被物理删除）"
                )
        report.problems += _live_duplicates(conn)
        report.problems += _attachment_files(db, conn)
        if revision == migrate.HEAD:
            report.problems += _replay_differences(db)
            report.problems += _missing_guards(conn)
            for table in derived.REGISTRY:
                stale = table.stale(conn) if table.stale else 0
                if stale:
                    report.problems.append(
                        f"{table.name}有 {stale} 户与记录不一致；"
                        "可运行 village-desk check --repair 重新计算"
                    )
    return report


def _attachment_files(db: Database, conn) -> list[str]:
    """Live attachments whose file is not in the store, or no longer matches
    its SHA-256 (``blobs.py``)."""
    from .blobs import BlobStore, DamagedFile, folder_for

    store = BlobStore(folder_for(db.sqlite_path))
    missing, damaged = [], []
    rows = conn.execute(
        text("SELECT DISTINCT sha256, original_name FROM attachment WHERE deleted = :no"),
        {"no": False},
    ).all()
    for sha, name in rows:
        try:
            store.read(sha)
        except DamagedFile:
            damaged.append(name or sha[:12])
        except (FileNotFoundError, ValueError):  # (ValueError: not a hash)
            missing.append(name or sha[:12])
        except OSError as err:
            damaged.append(f"{name or sha[:12]}（{err.strerror or err}）")
    out = []
    if damaged:
        out.append(f"{len(damaged)} 个附件的文件已损坏：" + "、".join(damaged[:LISTED]))
    if missing:
        out.append(
            f"{len(missing)} 个附件的文件不在附件文件夹 {store.root} 中："
            + "、".join(missing[:LISTED])
        )
    return out


def file_problems(path: Path) -> list[str]:
    """What SQLite's ``PRAGMA integrity_check`` says about the file at
    ``path``, read without writing to it; empty when the file is whole."""
    try:
        con = connect_read_only(path)
        try:
            results = [r[0] for r in con.execute("PRAGMA integrity_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as err:
        return [f"SQLite 无法读取这个文件：{err}"]
    if results == ["ok"]:
        return []
    more = len(results) - LISTED
    return [f"SQLite 完整性检查：{r}" for r in results[:LISTED]] + (
        [f"SQLite 完整性检查：……另有 {more} 处"] if more > 0 else []
    )


def _live_duplicates(conn) -> list[str]:
    """户号 and ID numbers held by more than one live record. The services
    refuse them, but two laptops can each give out one offline (a merge then
    keeps both for a person to settle) and two writers racing used to."""
    problems = []
    # 户号 are unique within a village: a township office holds many villages,
    # each with its own 01-001 (the village is named there).
    township = conn.execute(
        text("SELECT count(*) FROM village_profile WHERE kind = 'township' AND deleted = :no"),
        {"no": False},
    ).scalar()
    numbers = [
        (f"{number}（{village}）" if township and village else number, n)
        for village, number, n in conn.execute(
            text(
                "SELECT v.village, h.number, count(*) FROM household h"
                " LEFT JOIN village_profile v ON v.id = h.village_id"
                " WHERE h.deleted = :no AND h.number <> ''"
                " GROUP BY h.village_id, v.village, h.number HAVING count(*) > 1"
                " ORDER BY v.village, h.number"
            ),
            {"no": False},
        ).all()
    ]
    ids = conn.execute(
        text(
            "SELECT p.id_number, count(*) FROM person p JOIN household h ON h.id = p.household_id"
            " WHERE p.deleted = :no AND h.deleted = :no AND p.id_number <> ''"
            " GROUP BY p.id_number HAVING count(*) > 1 ORDER BY p.id_number"
        ),
        {"no": False},
    ).all()
    for kind, rows, shown in (
        ("户号", numbers, lambda v: v),
        ("身份证号", ids, mask_id_number),
    ):
        for value, n in rows[:LISTED]:
            problems.append(f"{kind} {shown(value)} 有 {n} 条在用的记录")
        if len(rows) > LISTED:
            problems.append(f"……另有 {len(rows) - LISTED} 个{kind}重复")
        if rows:
            problems.append(
                f"共 {len(rows)} 个{kind}重复：请在“冲突与待核对”中合并为一户、改户号或删除多余的记录"
            )
    return problems


def _replay_differences(db: Database) -> list[str]:
    """Replay every record's journal (as a merge does) and compare it with the
    stored record: a difference is a write that went around the journal."""
    from .journal import _json_value
    from .merge import _META, _columns, fold

    problems = []
    with db.reading() as s:
        for model in SYNCED_MODELS:
            table = model.__tablename__
            history: dict = {}
            for row in s.execute(
                select(
                    Change.id,
                    Change.hlc,
                    Change.device_id,
                    Change.record_id,
                    Change.op,
                    Change.changes,
                ).where(Change.entity == table)
            ):
                history.setdefault(row.record_id, []).append(row)
            columns = sorted(_columns(model))
            # A field its history never set reads as the column's default, as
            # a merge writes it (``merge._live_row``; a column added by a
            # later migration: the 办结签收 of matters recorded before 0014)
            defaults = {
                key: _json_value(default(None) if callable(default) else default)
                for key, _convert, nullable, default in _META[table].live
                if not nullable and default is not None
            }
            differ = 0
            for record in s.execute(select(model.__table__)).mappings():
                folded = fold(table, history.get(record["id"], []))
                if folded.state is None:
                    continue  # no insert in the journal: reported above
                stored = {k: _json_value(record[k]) for k in columns}
                replayed = {
                    k: defaults[k] if folded.state.get(k) is None and k in defaults else v
                    for k in columns
                    for v in (folded.state.get(k),)
                }
                if stored != _normalise(replayed, stored) or record["hlc"] != folded.hlc:
                    differ += 1
            if differ:
                problems.append(
                    f"{table}：{differ} 条记录与变更日志重放的结果不一致（有绕过日志的修改）"
                )
    return problems


def _normalise(replayed: dict, stored: dict) -> dict:
    """Replayed lists in the stored order when they hold the same items."""
    out = dict(replayed)
    for key, value in replayed.items():
        same_items = isinstance(value, list) and isinstance(stored.get(key), list)
        if same_items and sorted(map(str, value)) == sorted(map(str, stored[key])):
            out[key] = stored[key]
    return out


def _missing_guards(conn) -> list[str]:
    """The database triggers that refuse writes around the journal (0004)."""
    if conn.dialect.name != "sqlite":
        return []
    have = {
        r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    }
    missing = [
        f"{m.__tablename__}_{kind}"
        for m in SYNCED_MODELS
        for kind in ("insert", "update", "delete")
        if f"journal_guard_{m.__tablename__}_{kind}" not in have
    ]
    if missing:
        return [f"缺少数据库保护触发器：{', '.join(missing[:6])}{'…' if len(missing) > 6 else ''}"]
    return []


def repair_derived(db: Database) -> dict[str, int]:
    """Recompute the derived tables (household summary, search index) from the
    records; returns rows written per table. Records are not touched."""
    with db.transaction(None) as s:
        return derived.rebuild_all(s)
