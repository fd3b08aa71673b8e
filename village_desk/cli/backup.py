"""``village-desk backup create|list|verify|restore``: copies of the database
(``core/storage/backup.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

from .common import UserError


def register(sub) -> None:
    p = sub.add_parser(
        "backup",
        help="备份与恢复数据库",
        description=(
            "数据库备份：默认在数据目录的 backups 文件夹（可用 --folder 指定，如 U 盘）。"
            "程序每天第一次打开时、每次导入前都会自动备份，保留最近 14 天每天一份、最近 8 周每周一份。"
        ),
    )
    sp = p.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    c = sp.add_parser("create", help="立即备份", description="立即备份数据库并检查备份是否完整。")
    c.add_argument("--folder", metavar="DIR", help="备份到这个文件夹（如 U 盘）")
    c.set_defaults(run=run_create)
    ls = sp.add_parser("list", help="列出备份", description="列出备份：时间、原因、大小。")
    ls.add_argument("--folder", metavar="DIR", help="备份所在的文件夹")
    ls.set_defaults(run=run_list)
    v = sp.add_parser("verify", help="检查备份是否完整", description="检查备份文件是否完整可用。")
    v.add_argument("file", nargs="?", metavar="FILE", help="一个备份文件（默认检查全部）")
    v.add_argument("--folder", metavar="DIR", help="备份所在的文件夹")
    v.set_defaults(run=run_verify)
    r = sp.add_parser(
        "restore",
        help="从备份恢复",
        description="用备份替换当前数据库（先自动备份当前数据）。恢复前请关闭程序。",
    )
    r.add_argument("file", metavar="FILE", help="备份文件（见 backup list）")
    r.add_argument("--folder", metavar="DIR", help="恢复前的备份放在这个文件夹")
    r.add_argument("--yes", action="store_true", help="不再询问")
    r.set_defaults(run=run_restore)


def _database(args) -> Path:
    from village_desk.core.storage.paths import database_url

    url = database_url(args.data_dir, args.db_url)
    if not url.startswith("sqlite:///"):
        raise UserError("服务器数据库（PostgreSQL）请用数据库自己的备份工具（如 pg_dump）")
    return Path(url.removeprefix("sqlite:///"))


def _folder(args, database: Path) -> Path:
    from village_desk.core.storage.backup import folder_for

    return Path(args.folder).expanduser() if args.folder else folder_for(database)


def run_create(args) -> int:
    from village_desk.core.storage import backup

    database = _database(args)
    if not database.exists():
        raise UserError(f"还没有数据库：{database}")
    path = backup.backup_now(database, "manual", _folder(args, database))
    print(f"已备份：{path}")
    return 0


def run_list(args) -> int:
    from village_desk.core.storage import backup

    database = _database(args)
    folder = _folder(args, database)
    found = backup.backups(folder)
    if not found:
        print(f"{folder} 里没有备份。")
        return 0
    print(f"备份文件夹：{folder}")
    for b in found:
        print(f"{b.created:%Y-%m-%d %H:%M:%S}\t{b.reason}\t{b.size / 1e6:.1f} MB\t{b.path.name}")
    return 0


def run_verify(args) -> int:
    from village_desk.core.storage import backup

    if args.file:
        files = [Path(args.file)]
    else:
        files = [b.path for b in backup.backups(_folder(args, _database(args)))]
    bad = 0
    for path in files:
        problems = backup.verify(path)
        if problems:
            bad += 1
            for p in problems:
                print(f"问题：{p}", file=sys.stderr)
        else:
            print(f"完好：{path.name}")
    if not files:
        print("没有备份可检查。")
    return 1 if bad else 0


def run_restore(args) -> int:
    from village_desk.core.storage import backup

    database = _database(args)
    source = Path(args.file)
    if not source.is_file():
        candidate = _folder(args, database) / args.file
        if not candidate.is_file():
            raise UserError(f"找不到备份文件：{args.file}")
        source = candidate
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("恢复会替换当前数据库：请在终端里确认，或加上 --yes")
        print(f"将用 {source.name} 替换当前数据库（当前数据会先备份）。请先关闭村务民情台账程序。")
        if input("确认恢复吗？[y/N] ").strip().lower() not in ("y", "yes", "是"):
            print("没有恢复。")
            return 0
    safety = backup.restore(database, source, _folder(args, database))
    print(f"已从 {source.name} 恢复。")
    if safety:
        print(f"恢复前的数据已备份为：{safety}")
    print("下次打开时，本机会作为新设备继续编号，不会与恢复前已发出的编号重复。")
    return 0
