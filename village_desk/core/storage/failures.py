"""What went wrong with the database or a file, told by its cause.

A locked database, a full disk, an I/O error, a read-only folder, a server
that does not answer and a damaged file each need different advice; only
damage calls for a backup. Restoring an old backup over good data because a
message said "the file may be damaged" would lose work, so
:func:`explain` names the cause and gives backup advice only for damage.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

# (explain_output lives with the file writers, ``files.py``, which blobs and
# backups use without the database advice here; named here as before)
from .files import explain_output

__all__ = ["cause", "explain", "explain_output", "read_only"]

# cause → (what happened, what to do)
_TEXT = {
    "locked": (
        "数据库正被另一个程序占用（另一个村务民情台账窗口或命令正在写入）",
        "请等它完成或把它关闭后再试。数据没有损坏，不需要从备份恢复。",
    ),
    "full": (
        "磁盘已满，这次操作没有保存（数据库仍是操作之前的样子）",
        "请删除不用的文件、腾出空间后再试。数据没有损坏，不需要从备份恢复。",
    ),
    "io": (
        "读写磁盘时出错（U 盘被拔出、磁盘故障或文件被别的程序锁住）",
        "请检查磁盘或 U 盘后再试，然后运行 village-desk check 看数据库是否完好。",
    ),
    "read_only": (
        "数据目录或数据库文件不能写入（只读的文件夹、写保护的 U 盘或没有权限）",
        "仍可查看、查找、检查和导出；要录入，请把数据目录放到可以写入的位置或修改权限。"
        "不需要从备份恢复。",
    ),
    "cannot_open": (
        "无法打开数据库文件（文件夹不存在或没有权限，或者它不是一个文件）",
        "请检查数据目录（--data-dir）是否正确、是否有权限。",
    ),
    "corrupt": (
        "数据库文件已损坏",
        "请不要继续在这个文件上录入，先运行 village-desk check 查看详情。",
    ),
    "refused": (
        "无法连接数据库服务器",
        "请检查服务器是否已启动、地址和端口是否正确、网络是否连通。"
        "本机数据没有损坏，不需要从备份恢复。",
    ),
    "login": (
        "数据库服务器拒绝了登录",
        "请检查数据库地址里的用户名和密码。",
    ),
    "url": (
        "数据库地址无法识别",
        "地址应像 postgresql://用户名@服务器/数据库名，或 sqlite:///文件路径。",
    ),
    "file": (
        "无法读写文件",
        "请检查文件名、文件夹和权限。",
    ),
    "other": (
        "数据库出错",
        "请运行 village-desk check 检查数据库；仍不能解决时请把日志发给维护人员。",
    ),
}

_SQLITE_NAMES = (
    ("SQLITE_BUSY", "locked"),
    ("SQLITE_LOCKED", "locked"),
    ("SQLITE_FULL", "full"),
    ("SQLITE_IOERR", "io"),
    ("SQLITE_READONLY", "read_only"),
    ("SQLITE_CANTOPEN", "cannot_open"),
    ("SQLITE_CORRUPT", "corrupt"),
    ("SQLITE_NOTADB", "corrupt"),
)
_WORDS = (  # the drivers' messages, lower case
    ("database is locked", "locked"),
    ("database table is locked", "locked"),
    ("database or disk is full", "full"),
    ("no space left", "full"),
    ("disk i/o error", "io"),
    ("readonly database", "read_only"),
    ("read-only", "read_only"),
    ("unable to open database file", "cannot_open"),
    ("malformed", "corrupt"),
    ("file is not a database", "corrupt"),
    ("connection refused", "refused"),
    ("could not connect", "refused"),
    ("could not translate host name", "refused"),
    ("name or service not known", "refused"),
    ("timeout expired", "refused"),
    ("server closed the connection", "refused"),
    ("password authentication failed", "login"),
    ("no password supplied", "login"),
    ('role "', "login"),
)
_QUOTA = getattr(errno, "EDQUOT", errno.ENOSPC)  # (no EDQUOT on Windows)
_ERRNO = {
    errno.ENOSPC: "full",
    errno.EFBIG: "full",
    _QUOTA: "full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.EIO: "io",
}


def cause(err: BaseException) -> str | None:
    """The kind of failure (a key of the table above), or None when ``err``
    is not a database or storage failure (a bug, then)."""
    from sqlalchemy.exc import ArgumentError, DBAPIError

    if isinstance(err, ArgumentError):
        return "url"
    inner = err.orig if isinstance(err, DBAPIError) and err.orig is not None else err
    if isinstance(inner, OSError):
        return _ERRNO.get(inner.errno, "file")
    if not isinstance(inner, sqlite3.Error | DBAPIError) and type(inner).__module__.split(".")[
        0
    ] not in ("psycopg", "psycopg2"):
        return None
    name = getattr(inner, "sqlite_errorname", "") or ""
    for prefix, kind in _SQLITE_NAMES:
        if name.startswith(prefix):
            return kind
    text = str(inner).lower()
    for words, kind in _WORDS:
        if words in text:
            return kind
    return "other"


def explain(err: BaseException, database: Path | None = None) -> str | None:
    """A sentence for a person: what happened, what to do (a damaged SQLite
    database also names its newest whole backup). None when ``err`` is not
    a database or storage failure."""
    kind = cause(err)
    if kind is None:
        return None
    what, advice = _TEXT[kind]
    inner = getattr(err, "orig", None) or err
    if isinstance(inner, OSError):
        detail = inner.strerror or type(inner).__name__
        if inner.filename:
            detail = f"{inner.filename}：{detail}"
    else:
        detail = str(inner).splitlines()[0] if str(inner) else type(inner).__name__
    if kind == "corrupt" and database is not None:
        from .backup import restore_advice

        advice += restore_advice(database)
    return f"{what}（{detail}）。{advice}"


def read_only(path: Path) -> str:
    """A writing command refused up front on a database it cannot write."""
    what, advice = _TEXT["read_only"]
    return f"{what}（{path}）。{advice}"
