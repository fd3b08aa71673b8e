"""``village-desk print-notice``: the month's notice-board sheet (公示) as a PDF."""

from __future__ import annotations

from .common import open_database, parse_month, pdf_out


def register(sub) -> None:
    p = sub.add_parser(
        "print-notice",
        help="打印公示表（PDF）",
        description="生成某月民情事项办理情况公示表；申请人姓名和号码已隐去。",
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2025-03")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.printing import print_notice

    year, month = parse_month(args.month)
    out = pdf_out(args.out)
    pages = print_notice(open_database(args, reading=True), out, year, month)
    print(f"已生成 {year}年{month}月 公示表，共 {pages} 页：{out}")
    return 0
