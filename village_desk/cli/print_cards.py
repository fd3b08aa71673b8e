"""``village-desk print-cards``: contact cards (联系卡) as a PDF."""

from __future__ import annotations

from village_desk.core.printing.options import CARD_SIZES_MM, LAYOUTS

from .common import UserError, open_database, pdf_out, write_output


def register(sub) -> None:
    p = sub.add_parser(
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
    p.add_argument("--size", choices=tuple(CARD_SIZES_MM), default="90x54", help="卡片尺寸（毫米）")
    p.add_argument("--no-qr", action="store_true", help="不印二维码")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.printing import CardSelection, print_cards

    chosen = sum(bool(x) for x in (args.household, args.group, args.category, args.all))
    if chosen != 1:
        raise UserError("请用且只用一种方式选择户：--household、--group、--category 或 --all")
    out = pdf_out(args.out)
    db = open_database(args, reading=True)
    selection = CardSelection(
        households=tuple(args.household or ()),
        group=args.group,
        category=args.category,
        all=args.all,
    )
    cards, pages = write_output(  # whole or not at all: never a truncated PDF
        out,
        lambda f: print_cards(
            db, f, selection, layout=args.layout, size=args.size, qr=not args.no_qr
        ),
    )
    print(f"已生成 {cards} 张联系卡，共 {pages} 页：{out}")
    if args.layout == "a4-10":
        print("提示：正反面交替排版，请用双面打印（长边翻转），打印时选择“实际大小”。")
    return 0
