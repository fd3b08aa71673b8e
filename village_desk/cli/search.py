"""``village-desk search``: quick search for people and households."""

from __future__ import annotations

import sys

from .common import open_database


def register(sub) -> None:
    p = sub.add_parser(
        "search",
        help="快速查找人和户",
        description="按姓名、拼音、首字母、电话片段或身份证尾号查找。",
    )
    p.add_argument("text", help="查找内容，如 zhangsan、zs、5678")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core import queries
    from village_desk.core.domain.validation import mask_id_number, mask_phone

    db = open_database(args)
    hits = db.read(queries.search.search, args.text, limit=args.limit)
    for h in hits:
        print(
            f"{h.name}\t户号 {h.household_number}\t{h.group_name}\t"
            f"{mask_phone(h.phone)}\t{mask_id_number(h.id_number)}"
        )
    if not hits:
        print("没有找到。", file=sys.stderr)
    return 0 if hits else 1
