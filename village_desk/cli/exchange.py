"""``village-desk exchange …``: exchange files between village laptops and the
township (``core/exchange``).

Every subcommand takes the passphrase from ``VILLAGE_DESK_EXCHANGE_PASSPHRASE``
when it is set, else the one stored with ``exchange passphrase``, else asks
(on a terminal).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from village_desk.core.exchange.keys import ENV_PASSPHRASE

from .common import UserError, open_database, terminal_job


def register(sub) -> None:
    p = sub.add_parser(
        "exchange",
        help="交换文件：与乡镇、本村其他电脑互传数据",
        description=(
            "用交换文件（U 盘、微信传文件）在村里的电脑和乡镇之间传送数据。"
            f"口令取自环境变量 {ENV_PASSPHRASE}，否则用 exchange passphrase 保存的口令，否则询问。"
        ),
    )
    sp = p.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)

    e = sp.add_parser(
        "export",
        help="导出交换文件",
        description="把对方还没有确认收到的改动写成一个交换文件（或用 --full 写出全部）。",
    )
    e.add_argument(
        "out", metavar="OUT", help="输出文件，或文件夹（自动命名，如 VD-THC-K7M-20261129-1.vdx）"
    )
    who = e.add_mutually_exclusive_group()
    who.add_argument("--for", dest="peer", metavar="PEER", help="发给哪个交换对象（代码或名称）")
    who.add_argument("--full", action="store_true", help="导出全部记录（给新电脑或乡镇第一次汇总）")
    e.add_argument(
        "--village",
        metavar="NAME",
        help="乡镇汇总库：这个文件给哪个村（村名或区划代码），只含该村的记录和乡镇干部",
    )
    e.set_defaults(run=run_export)

    i = sp.add_parser(
        "import",
        help="导入交换文件",
        description="检查并合并一个交换文件：全部导入或什么都不改；导入前自动备份数据库。",
    )
    i.add_argument("file", metavar="FILE", help="交换文件（.vdx）")
    i.add_argument(
        "--trust-new-device",
        action="store_true",
        help="来自未确认电脑的第一个文件也直接导入（不询问密钥指纹；请先与对方核对）",
    )
    i.set_defaults(run=run_import)

    s = sp.add_parser(
        "status",
        help="交换对象和待发送的改动",
        description="列出交换对象、各自确认到哪里、还有多少改动待发送，以及最近的交换记录。",
    )
    s.set_defaults(run=run_status)

    d = sp.add_parser(
        "digest",
        help="全部记录的校验值（两台电脑见过同样的改动时相同）",
        description="打印全部同步记录的校验值：两台电脑收到过同样的改动时，校验值相同。",
    )
    d.add_argument(
        "--village",
        metavar="NAME",
        help="只算一个村的记录（村名或区划代码）：乡镇汇总库与该村电脑相比较",
    )
    d.set_defaults(run=run_digest)

    c = sp.add_parser(
        "conflicts",
        help="列出冲突与待核对的问题",
        description="列出尚未处理的合并冲突和违反规则的记录，每条一行。",
    )
    c.set_defaults(run=run_conflicts)

    h = sp.add_parser(
        "accept-held",
        help="合并因时间超前而暂存的改动",
        description=(
            "对方电脑的时钟超前本机一天以上时，它的改动被暂存、不合并。"
            "核实对方时钟已改正、这些改动确实要保留后，用这个命令合并它们。"
        ),
    )
    h.add_argument("--yes", action="store_true", help="不再询问，直接合并")
    h.set_defaults(run=run_accept_held)

    r = sp.add_parser(
        "revoke",
        help="停用一台电脑的密钥（电脑丢失时）",
        description="不再接受某个交换对象的电脑签名的交换文件（例如电脑丢失）。",
    )
    r.add_argument("peer", metavar="PEER", help="交换对象的代码或名称（见 exchange status）")
    r.set_defaults(run=run_revoke)

    k = sp.add_parser(
        "passphrase",
        help="设置本机保存的交换口令（由乡镇统一设定）",
        description=f"保存交换口令（至少 8 个字符）到本机配置文件夹（仅本用户可读）。口令取自 {ENV_PASSPHRASE} 或终端输入。",
    )
    k.set_defaults(run=run_passphrase)

    f = sp.add_parser(
        "fingerprint", help="显示本机的密钥指纹", description="显示本机签名密钥的指纹，供对方确认。"
    )
    f.set_defaults(run=run_fingerprint)


def _secret(db) -> str:
    from village_desk.core.exchange.package import passphrase

    found = passphrase(db)
    if found:
        return found
    if not sys.stdin.isatty():
        raise UserError(
            f"没有交换口令：请先运行 village-desk exchange passphrase，或设置环境变量 {ENV_PASSPHRASE}"
        )
    import getpass

    return getpass.getpass("交换口令：")


def run_export(args) -> int:
    from village_desk.core.domain.attachments import human_size
    from village_desk.core.exchange.package import export_package

    db = open_database(args)
    job, tty = terminal_job()
    result = export_package(
        db,
        Path(args.out),
        secret=_secret(db),
        peer=args.peer,
        full=args.full,
        village=args.village,
        job=job,
    )
    if tty:
        print(file=sys.stderr)
    to = f"发给 {result.peer}" if result.peer else "全部记录"
    print(f"已导出：{result.path}")
    print(f"{to}，{result.changes} 条改动（本机序号 {result.from_seq + 1}–{result.to_seq}）")
    if result.files or result.files_missing:
        print(f"附件文件（照片、扫描件）：{result.files} 个，{human_size(result.file_bytes)}")
    if result.files_missing:
        print(
            f"另有 {result.files_missing} 个附件的文件不在本机（或已损坏），没有带上；"
            "运行 village-desk check 查看"
        )
    return 0


def run_import(args) -> int:
    from village_desk.core.domain.attachments import human_size
    from village_desk.core.exchange.package import import_package
    from village_desk.core.queries.sync import ENTITY_LABELS

    db = open_database(args)

    def confirm(checked) -> bool:
        if args.trust_new_device:
            return True
        if not sys.stdin.isatty():
            return False
        print(f"这个文件来自一台还没有确认过的电脑：{checked.label}")
        print(f"密钥指纹：{checked.fingerprint}")
        answer = input("请与对方（电话里）核对指纹，一致吗？[y/N] ").strip().lower()
        return answer in ("y", "yes", "是")

    job, tty = terminal_job()
    result = import_package(db, Path(args.file), secret=_secret(db), confirm_new=confirm, job=job)
    if tty:
        print(file=sys.stderr)
    if result.replay:
        print(f"这个交换文件已经导入过（{result.imported_on}），没有任何改动。")
        return 0
    report = result.sync.merge
    print(f"已导入：{result.path.name}（来自 {result.source}）")
    if result.new_key:
        print("已确认并记住这台电脑的密钥。")
    print(
        f"收到 {report.received} 条改动：新的 {report.recorded} 条，之前已有 {report.duplicates} 条"
        + (f"，时间超前暂存 {report.quarantined} 条" if report.quarantined else "")
    )
    changed = "，".join(
        f"{ENTITY_LABELS.get(e, e)} {n}" for e, n in sorted(result.by_entity.items())
    )
    print(f"更新的记录：{changed or '无'}")
    if result.files:
        print(
            f"附件文件（照片、扫描件）：收到 {result.files} 个，{human_size(result.file_bytes)}"
            f"（本机原来没有的 {result.files_new} 个）"
        )
    if report.pending:
        print(f"等待所属记录到达：{report.pending} 条")
    print(f"冲突（待处理）：{result.sync.conflicts_open} 条")
    print(f"违反规则（待核对）：{len(result.violations)} 条")
    for v in result.violations[:20]:
        print(f"  {v}")
    if len(result.violations) > 20:
        print(f"  ……共 {len(result.violations)} 条，见 village-desk exchange conflicts")
    if result.backup:
        print(f"导入前的备份：{result.backup}")
    return 0


def run_status(args) -> int:
    from village_desk.core.exchange.package import history, own_fingerprint, peers

    db = open_database(args)
    print(f"本机：{db.device.name}（代码 {db.device.code}），密钥指纹 {own_fingerprint(db)}")
    found = peers(db)
    if not found:
        print("还没有交换对象（导入对方的第一个交换文件后出现）。")
    for p in found:
        revoked = [fp for fp, when in p.keys if when]
        state = "（已停用）" if revoked and len(revoked) == len(p.keys) else ""
        print(
            f"{p.code}\t{p.label}{state}\t对方已确认收到本机改动至 {p.acked_seq}，待发送 {p.pending} 条；"
            f"已收到对方改动至 {p.received_seq}；最近 {p.last_seen or '—'}"
        )
    recent = history(db, 10)
    if recent:
        print("最近的交换文件：")
        for pkg in recent:
            way = "导出" if pkg.direction == "out" else "导入"
            print(
                f"  {pkg.processed}\t{way}\t{pkg.change_count} 条\t{os.path.basename(pkg.file_name)}"
            )
    return 0


def run_digest(args) -> int:
    from village_desk.core.exchange.package import find_village
    from village_desk.core.storage.merge import digest

    db = open_database(args)
    village = None
    if args.village:
        with db.reading() as s:
            village = find_village(s, args.village)
    print(digest(db, village=village))
    return 0


def run_conflicts(args) -> int:
    from village_desk.core.queries.rules import violations
    from village_desk.core.queries.sync import held_changes, open_conflicts

    db = open_database(args)
    with db.reading() as s:
        conflicts = open_conflicts(s)
        broken = violations(s)
        held = held_changes(s)
    for c in conflicts:
        origin = f"（来自 {c.other_device}）" if c.other_device else ""
        print(f"冲突\t{c.what}\t{c.field_label}：现为“{c.current}”，另一值“{c.other}”{origin}")
    for v in broken:
        print(f"待核对\t{v}")
    if held is not None:
        print(
            f"暂存\t{held.count} 条改动的时间超前（最远到 {held.latest:%Y-%m-%d %H:%M}），"
            "未合并；核实后用 village-desk exchange accept-held 合并"
        )
    if not conflicts and not broken and held is None:
        print("没有冲突，也没有待核对的问题。")
    return 0


def run_accept_held(args) -> int:
    from village_desk.core.queries.sync import held_changes
    from village_desk.core.services.sync import accept_held

    db = open_database(args)
    held = db.read(held_changes)
    if held is None:
        print("没有暂存的改动。")
        return 0
    print(
        f"{held.count} 条改动来自时钟超前的电脑（最远到 {held.latest:%Y-%m-%d %H:%M}）。"
        "合并后，它们会胜过本机在此之前的修改。"
    )
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("请在终端里确认，或加上 --yes")
        if input("确认合并吗？[y/N] ").strip().lower() not in ("y", "yes", "是"):
            print("没有合并。")
            return 0
    report = accept_held(db)
    print(
        f"已合并 {report.merge.recorded} 条改动；冲突（待处理）{report.conflicts_open} 条，待核对 {len(report.violations)} 条。"
    )
    return 0


def run_revoke(args) -> int:
    from village_desk.core.exchange.package import revoke

    revoked = revoke(open_database(args), args.peer)
    print("已停用密钥：" + ("，".join(revoked) if revoked else "（没有登记的密钥）"))
    return 0


def run_passphrase(args) -> int:
    from village_desk.core.exchange.keys import store_passphrase
    from village_desk.core.exchange.package import key_folder

    db = open_database(args)
    text = os.environ.get(ENV_PASSPHRASE)
    if not text:
        if not sys.stdin.isatty():
            raise UserError(f"请在终端里运行，或设置环境变量 {ENV_PASSPHRASE}")
        text = _secret_prompt()
    store_passphrase(key_folder(db), text)
    print("交换口令已保存（仅本用户可读）。")
    return 0


def _secret_prompt() -> str:
    import getpass

    text = getpass.getpass("交换口令（乡镇统一设定，至少 8 个字符）：")
    if getpass.getpass("再输入一次：") != text:
        raise UserError("两次输入的口令不一致")
    return text


def run_fingerprint(args) -> int:
    from village_desk.core.exchange.package import own_fingerprint

    print(own_fingerprint(open_database(args)))
    return 0
