"""What every subcommand shares: opening the database, user errors, progress
on the terminal, and turning refusals into a message and exit code 2."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys

EXIT_USER_ERROR = 2
log = logging.getLogger("village_desk.cli")


class UserError(Exception):
    """A mistake in the command line the user can fix; printed without traceback."""


def open_database(args, device_name: str | None = None):
    from village_desk.core.storage.db import Database
    from village_desk.core.storage.paths import database_url

    return Database.open(database_url(args.data_dir, args.db_url), device_name=device_name)


def terminal_job():
    """A :class:`~village_desk.core.jobs.Job` that shows progress on stderr."""
    from village_desk.core.jobs import Job

    tty = sys.stderr.isatty()

    def show(stage: str, fraction: float) -> None:
        if tty:
            print(f"\r{stage} {fraction:4.0%}\033[K", end="", file=sys.stderr, flush=True)
        else:
            print(f"{stage} {fraction:4.0%}", file=sys.stderr, flush=True)

    return Job(show), tty


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"日期应写成 年-月-日，如 2025-03-01，不是“{text}”") from None


def parse_month(text: str) -> tuple[int, int]:
    from village_desk.core.printing.notice import parse_month as parse

    try:
        return parse(text)
    except ValueError as err:
        raise UserError(str(err)) from None


def pdf_out(path: str) -> str:
    """An output PDF path whose folder exists."""
    if not path.lower().endswith(".pdf"):
        raise UserError(f"输出文件应以 .pdf 结尾：{path}")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UserError(f"文件夹不存在：{folder}")
    return path


def run_command(args) -> int:
    """Run the chosen subcommand; refusals become a message and exit code 2."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    from village_desk.core import logs
    from village_desk.core.domain.errors import ServiceError
    from village_desk.core.jobs import Cancelled
    from village_desk.core.storage.migrate import NewerSchemaError

    logs.setup()  # to the log file only: the terminal gets plain messages
    log.info("command: %s", args.command)
    try:
        return args.run(args)
    except (UserError, ServiceError, NewerSchemaError) as err:
        print(f"错误：{err}", file=sys.stderr)
    except (OperationalError, DatabaseError) as err:
        log.warning("database error", exc_info=True)
        print(
            f"错误：无法打开或读取数据库（{err.orig}）。文件可能已损坏，请运行 village-desk check 或从备份恢复。",
            file=sys.stderr,
        )
    except (KeyboardInterrupt, Cancelled):
        print("已取消。", file=sys.stderr)
    return EXIT_USER_ERROR
