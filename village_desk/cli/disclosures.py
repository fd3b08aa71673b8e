"""``village-desk disclosures``: 完整号码导出/查看记录 — where ID numbers
and phones were shown in full (unmasked ledger exports, phones revealed on a
household's page, ``history --unmasked``): when, what, the file or
household, the period, how many households and people, who. Read-only."""

from __future__ import annotations

import sys

from .common import count, open_database


def register(sub) -> None:
    p = sub.add_parser(
        "disclosures",
        help="查看完整号码导出/查看记录（谁在什么时候看到了完整的身份证号和电话）",
        description=(
            "列出显示过完整身份证号和电话的记录，最新的在前：导出不打码的台账工作簿、"
            "在户页显示电话、用 history --unmasked 查看修改记录。只读。"
        ),
    )
    p.add_argument("--limit", type=count(1, 100_000), default=50, help="最多列出几条（默认 50）")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.domain.text import printable
    from village_desk.core.queries import disclosures, reference

    db = open_database(args, reading=True)
    rows = db.read(disclosures.disclosures, limit=args.limit)
    township = db.read(reference.is_township)
    if not rows:
        print("没有完整号码导出/查看记录。", file=sys.stderr)
        return 0
    print(f"完整号码导出/查看记录（最新的在前，{len(rows)} 条）：")
    for r in rows:
        village = f"{printable(r.village) or '乡镇本级'}  " if township else ""
        period = f"  期间 {printable(r.period)}" if r.period else ""
        print(
            f"{r.at.replace('T', ' ')}  {village}{printable(r.by_name)}  {r.kind_label}  "
            f"{printable(r.file_name)}{period}  {r.households} 户 {r.people} 人"
        )
    return 0
