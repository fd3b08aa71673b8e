"""Print commands: contact cards, 公示 sheet, diary, month-end ledger, referral form.

``register(subparsers)`` is called by ``village_desk.cli`` (COMMAND_MODULES).
"""

from __future__ import annotations

import datetime as dt
import os


def _date(text: str) -> dt.date:
    from .cli import UserError

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"日期应写成 年-月-日，如 2025-03-01，不是“{text}”") from None


def _month(text: str) -> tuple[int, int]:
    from .cli import UserError
    from .core.printing import parse_month

    try:
        return parse_month(text)
    except ValueError as err:
        raise UserError(str(err)) from None


def _check_out(path: str) -> str:
    from .cli import UserError

    if not path.lower().endswith(".pdf"):
        raise UserError(f"输出文件应以 .pdf 结尾：{path}")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UserError(f"文件夹不存在：{folder}")
    return path


def cmd_print_cards(args) -> int:
    from .cli import UserError, open_database
    from .core.printing import CardSelection, print_cards

    chosen = sum(bool(x) for x in (args.household, args.group, args.category, args.all))
    if chosen != 1:
        raise UserError("请用且只用一种方式选择户：--household、--group、--category 或 --all")
    out = _check_out(args.out)
    db = open_database(args)
    selection = CardSelection(
        households=tuple(args.household or ()),
        group=args.group,
        category=args.category,
        all=args.all,
    )
    cards, pages = print_cards(
        db, out, selection, layout=args.layout, size=args.size, qr=not args.no_qr
    )
    print(f"已生成 {cards} 张联系卡，共 {pages} 页：{out}")
    if args.layout == "a4-10":
        print("提示：正反面交替排版，请用双面打印（长边翻转），打印时选择“实际大小”。")
    return 0


def cmd_print_notice(args) -> int:
    from .cli import open_database
    from .core.printing import print_notice

    year, month = _month(args.month)
    out = _check_out(args.out)
    pages = print_notice(open_database(args), out, year, month)
    print(f"已生成 {year}年{month}月 公示表，共 {pages} 页：{out}")
    return 0


def cmd_print_ledger(args) -> int:
    from .cli import open_database
    from .core.printing import print_ledger_sheet

    year, month = _month(args.month)
    out = _check_out(args.out)
    pages = print_ledger_sheet(open_database(args), out, year, month)
    print(f"已生成 {year}年{month}月 民情台账，共 {pages} 页：{out}")
    return 0


def cmd_print_diary(args) -> int:
    from .cli import UserError, open_database
    from .core.printing import print_diary

    start, end = _date(args.date_from), _date(args.date_to)
    if end < start:
        raise UserError("--to 的日期不能早于 --from")
    out = _check_out(args.out)
    pages = print_diary(open_database(args), out, args.cadre, start, end)
    print(f"已生成 {args.cadre} 的民情日记，共 {pages} 页：{out}")
    return 0


def cmd_print_referral(args) -> int:
    from .cli import open_database
    from .core.printing import print_referral

    out = _check_out(args.out)
    pages = print_referral(open_database(args), out, args.matter, args.request or "")
    print(f"已生成事项 {args.matter} 的办理申请，共 {pages} 页：{out}")
    return 0


def register(subparsers) -> None:
    from .core.printing import CARD_SIZES, LAYOUTS

    p = subparsers.add_parser(
        "print-cards",
        help="打印联系卡（PDF）",
        description="为选定的户生成民情联系卡 PDF：A4 每页10张（带裁切线，正反面交替），或每页一张。",
    )
    p.add_argument("out", metavar="OUT.pdf", help="输出的 PDF 文件")
    p.add_argument("--household", nargs="+", metavar="户号", help="一个或多个户号")
    p.add_argument("--group", metavar="组名", help="一个村民小组，如 一组")
    p.add_argument("--category", metavar="户类别", help="户类别名称或代码，如 低保户")
    p.add_argument("--all", action="store_true", help="全村所有户")
    p.add_argument("--layout", choices=LAYOUTS, default="a4-10", help="a4-10（默认）或 single")
    p.add_argument("--size", choices=tuple(CARD_SIZES), default="90x54", help="卡片尺寸（毫米）")
    p.add_argument("--no-qr", action="store_true", help="不印二维码")
    p.set_defaults(func=cmd_print_cards)

    p = subparsers.add_parser(
        "print-notice",
        help="打印公示表（PDF）",
        description="生成某月民情事项办理情况公示表；申请人姓名和号码已隐去。",
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2025-03")
    p.set_defaults(func=cmd_print_notice)

    p = subparsers.add_parser(
        "print-ledger",
        help="打印月末民情台账（PDF，横向）",
        description="生成某月的民情台账（申请人姓名、申办事项、责任人、办结时限、办理情况、状态）。",
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2025-03")
    p.set_defaults(func=cmd_print_ledger)

    p = subparsers.add_parser(
        "print-diary",
        help="打印民情日记（PDF）",
        description="生成一名干部在一段时间内的民情日记，供乡镇抽查。",
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--cadre", required=True, metavar="姓名", help="干部姓名")
    p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    p.set_defaults(func=cmd_print_diary)

    p = subparsers.add_parser(
        "print-referral",
        help="打印办理申请（转办单，PDF）",
        description="为上报乡镇或县级办理的事项生成办理申请。",
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--matter", required=True, metavar="编号", help="事项编号，如 2025-K7M-0042")
    p.add_argument("--request", metavar="文字", help="提请解决事项（不填则留空手写）")
    p.set_defaults(func=cmd_print_referral)
