"""``village-desk print-ledger``: the month-end ledger sheet as a PDF."""

from __future__ import annotations

from .common import open_database, parse_month, pdf_out


def register(sub) -> None:
    p = sub.add_parser(
        "print-ledger",
        help="打印月末民情台账（PDF，横向）",
        description="生成某月的民情台账（申请人姓名、申办事项、责任人、办结时限、办理情况、状态）。",
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2025-03")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.printing import print_ledger_sheet

    year, month = parse_month(args.month)
    out = pdf_out(args.out)
    pages = print_ledger_sheet(open_database(args, reading=True), out, year, month)
    print(f"已生成 {year}年{month}月 民情台账，共 {pages} 页：{out}")
    return 0
