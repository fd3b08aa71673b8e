"""``village-desk check``: schema, integrity, journal, duplicate numbers and
derived data. A damaged SQLite file is examined without opening it through
the program: what SQLite found, and the newest whole backup to restore."""

from __future__ import annotations

import sys

from .common import open_database


def register(sub) -> None:
    p = sub.add_parser(
        "check",
        help="检查数据库",
        description="检查结构版本、SQLite 完整性和变更日志；有问题时退出码非零。",
    )
    p.add_argument(
        "--repair",
        action="store_true",
        help="先重新计算派生数据（户统计、搜索索引），再检查；不改动任何记录",
    )
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.storage.backup import restore_advice
    from village_desk.core.storage.check import file_problems, repair_derived, run_check
    from village_desk.core.storage.db import sqlite_file
    from village_desk.core.storage.paths import database_url

    path = sqlite_file(database_url(args.data_dir, args.db_url))
    if path is not None and path.is_file() and path.stat().st_size > 0:
        damage = file_problems(path)
        if damage:
            for problem in damage:
                print(f"问题：{problem}", file=sys.stderr)
            print(
                f"数据库文件“{path}”已损坏，请不要继续在它上面录入。" + restore_advice(path),
                file=sys.stderr,
            )
            return 1
    db = open_database(args, reading=not args.repair)
    if args.repair:
        rebuilt = repair_derived(db)
        print(
            f"已重新计算：{rebuilt['household_summary']} 户的统计，"
            f"{rebuilt['search_term']} 条搜索索引"
        )
    report = run_check(db)
    print(f"结构版本：{report.schema}")
    print("记录数：" + "，".join(f"{k} {v}" for k, v in report.counts.items()))
    print(f"变更日志：{report.journal_rows} 条")
    if report.ok:
        print("检查通过，没有发现问题。")
        return 0
    for problem in report.problems:
        print(f"问题：{problem}", file=sys.stderr)
    return 1
