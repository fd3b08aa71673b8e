"""``village-desk history ID``: who changed a household or matter, which
field from what to what, when and on which computer (from the journal)."""

from __future__ import annotations

import logging
import sys

from .common import UserError, open_database

log = logging.getLogger("village_desk.cli")


def register(sub) -> None:
    p = sub.add_parser(
        "history",
        help="查看一户或一件事项的修改记录",
        description=(
            "列出一户（含其成员）或一件事项（含办理情况和回访）的修改记录："
            "谁在哪台电脑上、什么时候、把哪一项从什么改成什么。"
            "ID 可以是户号、事项编号、户内成员的身份证号或记录编号。"
        ),
    )
    p.add_argument("id", metavar="ID", help="户号、事项编号、身份证号或记录编号")
    p.add_argument("--unmasked", action="store_true", help="显示完整的身份证号和电话（默认打码）")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.domain.text import printable
    from village_desk.core.queries import history

    db = open_database(args, reading=True)
    found = db.read(history.find, args.id)
    if not found:
        raise UserError(f"没有找到“{printable(args.id)}”：请给出户号、事项编号、身份证号或记录编号")
    if len({f.id for f in found}) > 1:
        names = "、".join(f.label for f in found)
        raise UserError(f"“{printable(args.id)}”指向多条记录（{names}），请用记录编号")
    target = found[0]
    read = history.household_history if target.kind == "household" else history.matter_history
    entries = db.read(read, target.id, unmasked=args.unmasked)
    print(f"{target.label} 的修改记录（最新的在前，共 {len(entries)} 条）：")
    for e in entries:
        who = printable(e.who) or "（未选择干部）"
        print(
            f"{e.when:%Y-%m-%d %H:%M}  {who}  {printable(e.device)}  {e.action} {printable(e.what)}"
        )
        for c in e.changes:
            if e.action == "新增":
                print(f"    {c.field}：{printable(c.new)}")
            elif e.action == "删除":
                print(f"    {c.field}：{printable(c.old)}")
            else:
                print(f"    {c.field}：{printable(c.old)} → {printable(c.new)}")
    if not entries:
        print("没有修改记录。", file=sys.stderr)
    elif args.unmasked:
        _record(db, target)
    return 0


def _record(db, target) -> None:
    """Full numbers were printed: into the log, and into the journal (完整号码
    导出/查看记录, synced to the township); a read-only folder: the log only."""
    import contextlib
    import getpass

    from village_desk.core import services

    who = "命令行"
    with contextlib.suppress(Exception):
        who = f"命令行（{getpass.getuser()}）"
    log.warning("history --unmasked (完整身份证号和电话): %s, by %s", target.label, who)
    try:
        services.disclosures.record_history_shown(
            db, None, target.kind, target.id, target.label, who
        )
    except Exception:  # read-only: what was shown stands, the log has it
        log.warning("could not record the unmasked history in the journal", exc_info=True)
