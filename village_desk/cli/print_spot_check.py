"""``village-desk print-spot-check``: a spot-check's 民情日记抽查记录 as a PDF."""

from __future__ import annotations

from .common import UserError, open_database, pdf_out

MIN_PREFIX = 4


def register(sub) -> None:
    p = sub.add_parser(
        "print-spot-check",
        help="打印民情日记抽查记录（PDF）",
        description=(
            "生成一次日记抽查的抽查记录：抽查范围、随机数种子和抽取方法，"
            "抽到的每篇日记原文和抽查结论，抽查人和被抽查干部签字栏。"
            "不写 --check 时打印最近一次抽查。"
        ),
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument(
        "--check",
        metavar="编号",
        help="抽查记录的编号（“考核 → 日记抽查”列表中的编号，写前几位即可，如 3f9a1c2e）",
    )
    p.set_defaults(run=run)


def _listing(checks) -> str:
    return "\n".join(
        f"  {c.id.hex[:8]}  {c.date.isoformat()}  {c.scope}  抽查人 {c.inspector}"
        for c in checks[:10]
    )


def run(args) -> int:
    from village_desk.core import queries
    from village_desk.core.printing import print_spot_check

    db = open_database(args, reading=True)
    checks = db.read(queries.assessment.spot_checks)  # newest first
    if not checks:
        raise UserError("还没有日记抽查记录（在“考核 → 日记抽查”中新建抽查）")
    if args.check is None:
        found = checks[0]
    else:
        wanted = args.check.strip().lower().replace("-", "")
        if len(wanted) < MIN_PREFIX or any(ch not in "0123456789abcdef" for ch in wanted):
            raise UserError(
                f"编号应为抽查记录编号的前几位（至少{MIN_PREFIX}位数字或字母a-f），"
                f"不是“{args.check}”。最近的抽查：\n{_listing(checks)}"
            )
        matching = [c for c in checks if c.id.hex.startswith(wanted)]
        if not matching:
            raise UserError(f"没有编号为 {args.check} 的抽查记录。最近的抽查：\n{_listing(checks)}")
        if len(matching) > 1:
            raise UserError(
                f"编号 {args.check} 对应多条抽查记录，请多写几位：\n{_listing(matching)}"
            )
        found = matching[0]
    out = pdf_out(args.out)
    pages = print_spot_check(db, out, found.id)
    print(
        f"已生成 {found.date.isoformat()} {found.scope} 的日记抽查记录"
        f"（编号 {found.id.hex[:8]}），共 {pages} 页：{out}"
    )
    return 0
