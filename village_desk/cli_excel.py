"""``export-ledger`` and ``import-roster``: the Excel exchange from the command line.

Registered by :mod:`village_desk.cli` through ``COMMAND_MODULES``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ACTIONS = (
    ("created", "新增"),
    ("updated", "更新"),
    ("unchanged", "无变化"),
    ("refused", "未导入"),
    ("skipped", "跳过"),
)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export-ledger",
        help="导出乡镇台账工作簿（.xlsx）",
        description="导出民情台账、走访记录、联系户花名册、干部走访统计和统计汇总五张表。",
    )
    p.add_argument("out", metavar="OUT.xlsx", help="保存到的文件")
    p.add_argument(
        "--period",
        help="统计期间：月份 2026-11、季度 2026Q4、年份 2026，或 2026-03-01..2026-05-31（默认本月）",
    )
    p.add_argument("--unmasked", action="store_true", help="显示完整的身份证号和电话（默认打码）")
    p.add_argument("--prepared-by", default="", help="制表人姓名")
    p.set_defaults(func=cmd_export_ledger)

    p = subparsers.add_parser(
        "import-roster",
        help="导入户籍花名册（.xlsx/.xls/.ods）",
        description="导入花名册：按身份证号匹配已登记的人，新增户和成员，逐行说明未导入的原因。",
    )
    p.add_argument("file", metavar="FILE", help="花名册文件")
    p.add_argument("--sheet", metavar="NAME", help="只导入这个工作表")
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    p.add_argument("--rejects", metavar="OUT.xlsx", help="把未导入的行（原样加原因）保存到此文件")
    p.add_argument("--verbose", action="store_true", help="逐行列出结果")
    p.set_defaults(func=cmd_import_roster)


def cmd_export_ledger(args) -> int:
    import datetime as dt

    from .cli import UserError, open_database
    from .core.excel import Period, parse_period
    from .core.excel.ledger_export import export_ledger

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise UserError("导出文件名应以 .xlsx 结尾")
    if not out.parent.is_dir():
        raise UserError(f"文件夹不存在：{out.parent}")
    today = dt.date.today()
    period = parse_period(args.period) if args.period else Period.month(today.year, today.month)
    db = open_database(args)
    summary = export_ledger(
        db, out, period, unmasked=args.unmasked, prepared_by=args.prepared_by, today=today
    )
    print(
        f"已导出 {period.label}：{summary.matters} 件事项，{summary.diary_entries} 篇走访记录，"
        f"{summary.households} 户，{summary.cadres} 名干部"
        + ("（身份证号和电话已打码）" if summary.masked else "（未打码，请妥善保管）")
    )
    print(f"文件：{out}")
    return 0


def cmd_import_roster(args) -> int:
    from .cli import UserError, open_database
    from .core.excel.roster_import import apply_import, plan_import, write_rejects

    source = Path(args.file)
    if not source.is_file():
        raise UserError(f"找不到文件：{source}")
    rejects = Path(args.rejects) if args.rejects else None
    if rejects is not None:  # checked before anything is written
        if rejects.suffix.lower() != ".xlsx":
            raise UserError("未导入行的文件名应以 .xlsx 结尾")
        if not rejects.parent.is_dir():
            raise UserError(f"文件夹不存在：{rejects.parent}")
    db = open_database(args)
    if args.dry_run:
        plan = plan_import(db, source, sheet=args.sheet)
    else:
        plan = apply_import(db, source, sheet=args.sheet)
    counts = plan.counts()
    for sheet, why in plan.ignored_sheets.items():
        print(f"工作表“{sheet}”未导入：{why}", file=sys.stderr)
    for r in plan.rows:
        if r.action == "refused" or (args.verbose and r.action != "unchanged"):
            label = dict(ACTIONS)[r.action]
            print(
                f"{r.sheet} 第 {r.row} 行 {r.name}：{label}"
                + (f"（{r.reason}）" if r.reason else "")
            )
    summary = "，".join(f"{label} {counts.get(action, 0)}" for action, label in ACTIONS)
    print(("检查结果（未写入）：" if args.dry_run else "导入完成：") + summary)
    if rejects is not None:
        try:
            n = write_rejects(plan, rejects)
        except OSError as err:
            done = "检查结果未写入任何数据" if args.dry_run else "导入已完成"
            raise UserError(
                f"{done}，但未导入的行无法保存到 {rejects}：{err.strerror or err}"
            ) from None
        print(f"未导入的 {n} 行已保存到：{rejects}")
    return 0
