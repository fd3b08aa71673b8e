"""The ``village-desk`` command: the GUI with no arguments, else a subcommand.

One module per subcommand, each with ``register(subparsers)`` (adds its
parser, ``set_defaults(run=...)``) and a ``run(args) -> exit code`` that calls
the same core services as the GUI. Building the parser imports nothing heavy
(no reportlab, openpyxl, alembic or ORM): each ``run`` imports what it needs.
User mistakes end with a plain message on stderr and exit code 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import sys

from village_desk import __version__

from . import (
    backup,
    check,
    demo,
    disclosures,
    exchange,
    export_ledger,
    history,
    import_roster,
    init,
    lock,
    print_assessment,
    print_cards,
    print_commitments,
    print_diary,
    print_dispute,
    print_ledger,
    print_notice,
    print_referral,
    print_spot_check,
    search,
    self_test,
)
from .common import EXIT_USER_ERROR, UserError

COMMANDS = (
    init,
    demo,
    check,
    search,
    history,
    disclosures,
    export_ledger,
    import_roster,
    print_cards,
    print_notice,
    print_ledger,
    print_diary,
    print_referral,
    print_commitments,
    print_dispute,
    print_spot_check,
    print_assessment,
    exchange,
    backup,
    lock,
    self_test,
)

__all__ = ["COMMANDS", "EXIT_USER_ERROR", "UserError", "build_parser", "main"]


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
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="自检：在临时文件夹里试运行各项功能，检查安装是否完整（同子命令 self-test）",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    args, extra = parser.parse_known_args(argv)
    if args.self_test:  # the option is the subcommand, spelled the way installers expect
        if args.command is not None:
            parser.error("--self-test 不能和子命令一起使用")
        rest = [a for a in argv if a != "--self-test" and a not in extra]
        argv = [*rest, "self-test", *extra]
    args = parser.parse_args(argv)
    if args.command is None:
        from village_desk.ui.app import run_gui

        return run_gui(args)
    from .common import run_command

    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
