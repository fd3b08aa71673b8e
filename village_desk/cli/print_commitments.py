"""``village-desk print-commitments``: the year's 公开承诺 notice sheet (公示) as a PDF."""

from __future__ import annotations

from .common import UserError, open_database, pdf_out


def register(sub) -> None:
    p = sub.add_parser(
        "print-commitments",
        help="打印公开承诺公示表（PDF）",
        description="生成某年度党员干部公开承诺公示表；文中群众姓名和号码已隐去。",
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--year", required=True, type=int, metavar="YYYY", help="年度，如 2026")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.printing import print_commitment_notice

    if not 2000 <= args.year <= 2100:
        raise UserError(f"年度应写成四位数字，如 2026，不是“{args.year}”")
    out = pdf_out(args.out)
    pages = print_commitment_notice(open_database(args, reading=True), out, args.year)
    print(f"已生成 {args.year}年 公开承诺公示表，共 {pages} 页：{out}")
    return 0
