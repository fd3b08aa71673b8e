"""``village-desk search``: quick search for people and households."""

from __future__ import annotations

import sys

from .common import count, open_database


def register(sub) -> None:
    p = sub.add_parser(
        "search",
        help="快速查找人和户",
        description="按姓名、拼音、首字母、电话片段或身份证尾号查找。",
    )
    p.add_argument("text", help="查找内容，如 zhangsan、zs、5678")
    p.add_argument(
        "--limit", type=count(1, 1000), default=20, help="最多列出几条（1–1000，默认 20）"
    )
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core import queries
    from village_desk.core.domain.text import printable
    from village_desk.core.domain.validation import mask_id_number, mask_phone

    db = open_database(args, reading=True)
    hits = db.read(queries.search.search, args.text, limit=args.limit)
    for h in hits:
        # Stored text is cleaned, but a terminal must never get control characters.
        fields = (h.name, h.household_number, h.group_name)
        name, number, group = (printable(f"{f}") for f in fields)
        print(
            f"{name}\t户号 {number}\t{group}\t{mask_phone(h.phone)}\t{mask_id_number(h.id_number)}"
        )
    if not hits:
        print("没有找到。", file=sys.stderr)
    return 0 if hits else 1
