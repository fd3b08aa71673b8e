"""``village-desk print-referral``: the referral form (办理申请) of a forwarded matter."""

from __future__ import annotations

from .common import open_database, pdf_out


def register(sub) -> None:
    p = sub.add_parser(
        "print-referral",
        help="打印办理申请（转办单，PDF）",
        description="为上报乡镇或县级办理的事项生成办理申请。",
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--matter", required=True, metavar="编号", help="事项编号，如 2025-K7M-0042")
    p.add_argument("--request", metavar="文字", help="提请解决事项（不填则留空手写）")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.printing import print_referral

    out = pdf_out(args.out)
    pages = print_referral(open_database(args, reading=True), out, args.matter, args.request or "")
    print(f"已生成事项 {args.matter} 的办理申请，共 {pages} 页：{out}")
    return 0
