"""``village-desk print-dispute``: a dispute's 调解协议书 (or 调解记录) as a PDF."""

from __future__ import annotations

from .common import UserError, open_database, pdf_out


def register(sub) -> None:
    p = sub.add_parser(
        "print-dispute",
        help="打印矛盾纠纷的调解协议书（PDF）",
        description=(
            "为调解成功的矛盾纠纷生成人民调解协议书（当事人、调解员签字栏）；"
            "尚未调解成功的生成调解记录。身份证号和电话已隐去中间几位。"
        ),
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument(
        "--matter", required=True, metavar="编号", help="纠纷的台账编号，如 2026-K7M-0042"
    )
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core import queries
    from village_desk.core.printing import print_dispute

    db = open_database(args, reading=True)
    number = args.matter.strip()
    found = db.read(queries.disputes.by_number, number)
    if found is None:
        raise UserError(f"没有编号为 {number} 的矛盾纠纷（请用台账编号，如 2026-K7M-0042）")
    out = pdf_out(args.out)
    pages = print_dispute(db, out, found)
    print(f"已生成纠纷 {number} 的调解文书，共 {pages} 页：{out}")
    return 0
