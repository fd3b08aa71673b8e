"""``village-desk print-diary``: a cadre's visit diary for a period, as a PDF."""

from __future__ import annotations

from .common import UserError, open_database, parse_date, pdf_out


def register(sub) -> None:
    p = sub.add_parser(
        "print-diary",
        help="打印民情日记（PDF）",
        description="生成一名干部在一段时间内的民情日记，供乡镇抽查。",
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--cadre", required=True, metavar="姓名", help="干部姓名")
    p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.printing import print_diary

    start, end = parse_date(args.date_from), parse_date(args.date_to)
    if end < start:
        raise UserError("--to 的日期不能早于 --from")
    out = pdf_out(args.out)
    pages = print_diary(open_database(args, reading=True), out, args.cadre, start, end)
    print(f"已生成 {args.cadre} 的民情日记，共 {pages} 页：{out}")
    return 0
