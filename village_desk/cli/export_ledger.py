"""``village-desk export-ledger``: the township's ledger workbook (.xlsx)."""

from __future__ import annotations

from pathlib import Path

from .common import UserError, open_database, output


def register(sub) -> None:
    p = sub.add_parser(
        "export-ledger",
        help="导出乡镇台账工作簿（.xlsx）",
        description="导出民情台账、逾期事项、走访记录、联系户花名册、干部走访统计、结对检查和统计汇总七张表。",
    )
    p.add_argument("out", metavar="OUT.xlsx", help="保存到的文件")
    p.add_argument(
        "--period",
        help="统计期间：月份 2026-11、季度 2026Q4、年份 2026，或 2026-03-01..2026-05-31（默认本月）",
    )
    p.add_argument("--unmasked", action="store_true", help="显示完整的身份证号和电话（默认打码）")
    p.add_argument("--prepared-by", default="", help="制表人姓名")
    p.set_defaults(run=run)


def run(args) -> int:
    import datetime as dt

    from village_desk.core.excel import Period, parse_period
    from village_desk.core.excel.ledger_export import export_ledger
    from village_desk.core.storage.failures import explain_output

    out = Path(output(args.out, ".xlsx"))
    today = dt.date.today()
    period = parse_period(args.period) if args.period else Period.month(today.year, today.month)
    db = open_database(args, reading=True)
    try:  # written under a temporary name, then renamed (never half a file)
        summary = export_ledger(
            db, out, period, unmasked=args.unmasked, prepared_by=args.prepared_by, today=today
        )
    except OSError as err:
        raise UserError(explain_output(err, out)) from None
    print(
        f"已导出 {period.label}：{summary.matters} 件事项，{summary.diary_entries} 篇走访记录，"
        f"{summary.households} 户，{summary.cadres} 名干部"
        + ("（身份证号和电话已打码）" if summary.masked else "（未打码，请妥善保管）")
    )
    print(f"文件：{out}")
    return 0
