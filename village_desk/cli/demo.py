"""``village-desk demo``: a realistic demo village (or township) in an empty database."""

from __future__ import annotations

import sys

from .common import UserError, open_database, terminal_job


def register(sub) -> None:
    p = sub.add_parser(
        "demo", help="生成示范数据", description="生成一个逼真的示范村（或乡镇规模）的数据。"
    )
    p.add_argument("--households", type=int, default=300, help="户数（默认 300）")
    p.add_argument("--villages", type=int, default=1, help="村数，>1 时生成乡镇规模数据")
    p.add_argument("--seed", type=int, default=1, help="随机种子（同一种子生成相同数据）")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk import demo
    from village_desk.core import queries

    if args.households < 1 or args.villages < 1:
        raise UserError("户数和村数都应至少为 1")
    db = open_database(args)
    if db.read(queries.households.household_count):
        raise UserError(
            "数据库里已有户的数据；示范数据只能生成在空数据库中（可用 --data-dir 指定新目录）"
        )
    job, tty = terminal_job()
    summary = demo.generate(
        db, households=args.households, villages=args.villages, seed=args.seed, job=job
    )
    if tty:
        print(file=sys.stderr)
    print(
        f"已生成示范数据（{summary.seconds:.1f} 秒）：{summary.villages} 个村，"
        f"{summary.groups} 个村民小组，{summary.households} 户，{summary.persons} 人，"
        f"{summary.cadres} 名干部，{summary.pairings} 条结对，"
        f"{summary.diary_entries} 篇民情日记，{summary.matters} 件台账事项"
    )
    print(f"数据库：{db.url}")
    return 0
