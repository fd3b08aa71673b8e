"""The ``village-desk`` command: the GUI with no arguments, else a subcommand.

Subcommands call the same core services as the GUI. User mistakes end with a
plain message on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="village-desk",
        description="村务民情台账 Village Desk — 联系卡、民情日记、民情台账。不带子命令时打开图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"village-desk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="数据目录（默认：系统用户数据目录；环境变量 VILLAGE_DESK_DATA_DIR）")
    parser.add_argument("--db-url", metavar="URL", help="任意 SQLAlchemy 数据库地址（如 PostgreSQL），优先于 --data-dir")
    parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from .ui.app import run_gui

        return run_gui(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
