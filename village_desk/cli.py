"""The ``village-desk`` command: the GUI with no arguments, else a subcommand.

Subcommands call the same core services as the GUI. User mistakes end with a
plain message on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__

EXIT_USER_ERROR = 2

# Modules that add subcommands: each has ``register(subparsers)``, which adds its
# parsers with ``set_defaults(func=handler)``; a handler takes the parsed
# arguments and returns the exit code (user mistakes: raise ``UserError`` or a
# core ``ServiceError``).
COMMAND_MODULES: tuple[str, ...] = ("village_desk.cli_print", "village_desk.cli_excel")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="village-desk",
        description="村务民情台账 Village Desk — 联系卡、民情日记、民情台账。不带子命令时打开图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"village-desk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="数据目录（默认：系统用户数据目录；也可用环境变量 VILLAGE_DESK_DATA_DIR）",
    )
    parser.add_argument(
        "--db-url",
        metavar="URL",
        help="任意 SQLAlchemy 数据库地址（如 PostgreSQL），优先于 --data-dir；环境变量 VILLAGE_DESK_DB_URL",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "init", help="初始化：村庄信息与本机名称", description="创建或修改村庄信息和本机标识。"
    )
    p.add_argument("--village", required=True, help="村（社区）名称")
    p.add_argument("--township", default="", help="乡镇名称")
    p.add_argument("--county", default="", help="县（市、区）名称")
    p.add_argument("--division-code", default="", help="12位统计用区划代码（可选）")
    p.add_argument("--service-phone", default="", help="村便民服务电话")
    p.add_argument("--hotline", default="", help="书记信箱/专线电话")
    p.add_argument("--device-name", help="本机名称（如：村部笔记本）")
    p.add_argument("--device-code", help="本机3位代码，用于事项编号（如 K7M）")

    p = sub.add_parser(
        "demo", help="生成示范数据", description="生成一个逼真的示范村（或乡镇规模）的数据。"
    )
    p.add_argument("--households", type=int, default=300, help="户数（默认 300）")
    p.add_argument("--villages", type=int, default=1, help="村数，>1 时生成乡镇规模数据")
    p.add_argument("--seed", type=int, default=1, help="随机种子（同一种子生成相同数据）")

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

    p = sub.add_parser(
        "search",
        help="快速查找人和户",
        description="按姓名、拼音、首字母、电话片段或身份证尾号查找。",
    )
    p.add_argument("text", help="查找内容，如 zhangsan、zs、5678")
    p.add_argument("--limit", type=int, default=20)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def open_database(args, device_name: str | None = None):
    from .core.db import Database
    from .core.paths import database_url

    return Database.open(database_url(args.data_dir, args.db_url), device_name=device_name)


def cmd_init(args) -> int:
    from .core import setup
    from .core.db import DEVICE_CODE_ALPHABET

    code = (args.device_code or "").upper()
    if code and (len(code) != 3 or set(code) - set(DEVICE_CODE_ALPHABET)):
        raise _UserError("本机代码应为3位大写字母或数字（不用 I、O、0、1）")
    db = open_database(args, args.device_name)
    if args.device_name or code:
        db.rename_device(args.device_name or db.device.name, code or None)
    setup.initialize(
        db,
        village=args.village,
        township=args.township,
        county=args.county,
        division_code=args.division_code,
        service_phone=args.service_phone,
        hotline=args.hotline,
    )
    print(f"已初始化：{args.village}（本机：{db.device.name}，代码 {db.device.code}）")
    print(f"数据库：{db.url}")
    return 0


def cmd_demo(args) -> int:
    from sqlalchemy import func, select

    from .core import demo
    from .core.models import Household

    if args.households < 1 or args.villages < 1:
        raise _UserError("户数和村数都应至少为 1")
    db = open_database(args)
    with db.reading() as s:
        if s.scalar(select(func.count()).select_from(Household)):
            raise _UserError(
                "数据库里已有户的数据；示范数据只能生成在空数据库中（可用 --data-dir 指定新目录）"
            )

    tty = sys.stderr.isatty()

    def progress(stage: str, fraction: float) -> None:
        if tty:
            print(f"\r{stage} {fraction:4.0%}\033[K", end="", file=sys.stderr, flush=True)
        else:
            print(f"{stage} {fraction:4.0%}", file=sys.stderr, flush=True)

    summary = demo.generate(
        db, households=args.households, villages=args.villages, seed=args.seed, progress=progress
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


def cmd_check(args) -> int:
    from .core.check import repair_derived, run_check

    db = open_database(args)
    if args.repair:
        households, terms = repair_derived(db)
        print(f"已重新计算：{households} 户的统计，{terms} 条搜索索引")
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


def cmd_search(args) -> int:
    from .core import search
    from .core.validation import mask_id_number, mask_phone

    db = open_database(args)
    with db.reading() as s:
        hits = search.search(s, args.text, limit=args.limit)
    for h in hits:
        print(
            f"{h.name}\t户号 {h.household_number}\t{h.group_name}\t{mask_phone(h.phone)}\t{mask_id_number(h.id_number)}"
        )
    if not hits:
        print("没有找到。", file=sys.stderr)
    return 0 if hits else 1


class UserError(Exception):
    """A mistake in the command line the user can fix; printed without traceback."""


_UserError = UserError


COMMANDS = {"init": cmd_init, "demo": cmd_demo, "check": cmd_check, "search": cmd_search}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from .ui.app import run_gui

        return run_gui(args)
    from sqlalchemy.exc import DatabaseError, OperationalError

    from .core.errors import ServiceError
    from .core.migrate import NewerSchemaError

    handler = getattr(args, "func", None) or COMMANDS[args.command]
    try:
        return handler(args)
    except (_UserError, ServiceError, NewerSchemaError) as err:
        print(f"错误：{err}", file=sys.stderr)
    except (OperationalError, DatabaseError) as err:
        print(
            f"错误：无法打开或读取数据库（{err.orig}）。文件可能已损坏，请运行 village-desk check 或从备份恢复。",
            file=sys.stderr,
        )
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
    return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
