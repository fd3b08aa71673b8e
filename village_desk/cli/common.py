"""What every subcommand shares: opening the database, user errors, progress
on the terminal, and turning refusals into a message and exit code 2."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import sys

EXIT_USER_ERROR = 2
log = logging.getLogger("village_desk.cli")


class UserError(Exception):
    """A mistake in the command line the user can fix; printed without traceback."""


def open_database(args, device_name: str | None = None, *, reading: bool = False):
    """The database of ``--data-dir``/``--db-url``, ready to write; with
    ``reading=True`` (commands that only read: check, search, exports) a
    database that cannot be written (a read-only folder or stick) is opened
    for reading instead of refused."""
    from village_desk.core.storage.db import Database, sqlite_file, writable
    from village_desk.core.storage.paths import database_url

    url = database_url(args.data_dir, args.db_url)
    path = sqlite_file(url)
    if not reading and path is not None and path.exists() and not writable(path):
        from village_desk.core.storage.failures import read_only

        raise UserError(read_only(path))  # before anything is tried (a backup, say)
    return Database.open(url, device_name=device_name, read_only=None if reading else False)


def data_folder(args):
    """The folder holding the SQLite database (a server database: the
    program's default data folder, for temporary files)."""

    from village_desk.core.storage.db import sqlite_file
    from village_desk.core.storage.paths import data_dir, database_url

    path = sqlite_file(database_url(args.data_dir, args.db_url))
    return path.parent if path is not None else data_dir(args.data_dir)


def count(low: int, high: int):
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"应为整数，不是“{text}”") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"应在 {low} 到 {high} 之间，不是 {text}")
        return value

    return parse


def output(path: str, suffix: str):
    """An output file name: ends with ``suffix``, its folder exists, it is
    not a folder. Written whole or not at all (see :func:`write_output`)."""
    name = os.path.basename(path)
    if not name.lower().endswith(suffix) or len(name) <= len(suffix):
        raise UserError(f"输出文件名应以 {suffix} 结尾：{path}")
    if os.path.isdir(path):
        raise UserError(
            f"“{path}”是一个文件夹；请给出文件名，如 {os.path.join(path, '输出' + suffix)}"
        )
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UserError(f"文件夹不存在：{folder}")
    return path


def write_output(path: str, write) -> object:
    """``write(file)`` into ``path`` whole or not at all (temporary name in
    the same folder, flushed, renamed; owner-only). Returns what ``write``
    returned."""
    from village_desk.core.storage.files import atomic_output

    with atomic_output(path) as f:
        return write(f)


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
    return output(path, ".pdf")


def undecodable(args) -> str | None:
    """An argument holding bytes that are not UTF-8 (Python keeps them as
    lone surrogates), shown with those bytes as \\xNN; else None."""
    for value in vars(args).values():
        for text in value if isinstance(value, list | tuple) else (value,):
            if isinstance(text, str) and any("\udc80" <= ch <= "\udcff" for ch in text):
                return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return None


def run_command(args) -> int:
    """Run the chosen subcommand; refusals, a locked or damaged database, a
    full disk and unreadable files become a message (naming the cause and
    what to do) and exit code 2, never a traceback."""
    from village_desk.core import logs
    from village_desk.core.domain.errors import ServiceError
    from village_desk.core.jobs import Cancelled
    from village_desk.core.storage.failures import explain
    from village_desk.core.storage.migrate import NewerSchemaError

    logs.setup()  # to the log file only: the terminal gets plain messages
    log.info("command: %s", args.command)
    # A writer abandoned by a failure (openpyxl's zip on a full disk) that
    # fails again when collected: the log, not the terminal, gets its trace.
    sys.unraisablehook = _log_unraisable
    try:
        bad = undecodable(args)
        if bad is not None:
            raise UserError(
                f"参数“{bad}”含有无法识别的字符（不是 UTF-8 编码）；"
                "请改用只含常用字符的名字，或在终端中使用 UTF-8 编码"
            )
        if args.command == "self-test":  # (it works in a folder of its own)
            return args.run(args)
        from village_desk.core.storage.files import private_temp

        with private_temp(data_folder(args)):
            return args.run(args)
    except (UserError, ServiceError, NewerSchemaError) as err:
        print(f"错误：{err}", file=sys.stderr)
    except (KeyboardInterrupt, Cancelled):
        print("已取消。", file=sys.stderr)
    except BrokenPipeError:  # the reader went away (… | head): nothing to say
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:
        message = explain(err, _database_path(args))
        if message is None:
            raise  # a bug: its traceback is what the maintainers need
        log.warning("storage error", exc_info=True)
        print(f"错误：{message}", file=sys.stderr)
    return EXIT_USER_ERROR


def _log_unraisable(unraisable) -> None:
    log.warning(
        "ignored in %r: %s",
        unraisable.object,
        unraisable.exc_value,
        exc_info=(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback),
    )


def _database_path(args):
    from village_desk.core.storage.db import sqlite_file
    from village_desk.core.storage.paths import database_url

    try:
        return sqlite_file(database_url(args.data_dir, args.db_url))
    except Exception:  # (only for advice: never in the way of the message)
        return None
