"""``village-desk import-roster``: a household roster (花名册) from .xlsx/.xls/.ods."""

from __future__ import annotations

import sys
from pathlib import Path

from .common import UserError, open_database, output, write_output

ACTIONS = (
    ("created", "新增"),
    ("updated", "更新"),
    ("unchanged", "无变化"),
    ("refused", "未导入"),
    ("skipped", "跳过"),
)


def register(sub) -> None:
    p = sub.add_parser(
        "import-roster",
        help="导入户籍花名册（.xlsx/.xls/.ods）",
        description="导入花名册：按身份证号匹配已登记的人，新增户和成员，逐行说明未导入的原因。",
    )
    p.add_argument("file", metavar="FILE", help="花名册文件")
    p.add_argument("--sheet", metavar="NAME", help="只导入这个工作表")
    p.add_argument(
        "--village",
        metavar="NAME",
        help="乡镇汇总库：花名册所属的村（村名或区划代码）；村里的电脑不用填",
    )
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    p.add_argument("--rejects", metavar="OUT.xlsx", help="把未导入的行（原样加原因）保存到此文件")
    p.add_argument("--verbose", action="store_true", help="逐行列出结果")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.excel.roster_import import apply_import, plan_import, write_rejects

    source = Path(args.file)
    if not source.is_file():
        raise UserError(f"找不到文件：{source}")
    # checked before anything is written
    rejects = Path(output(args.rejects, ".xlsx")) if args.rejects else None
    db = open_database(args, reading=args.dry_run)
    village = None
    if args.village:
        from village_desk.core.exchange.package import find_village

        with db.reading() as s:
            village = find_village(s, args.village)
    if args.dry_run:
        plan = plan_import(db, source, sheet=args.sheet, village_id=village)
    else:
        if db.sqlite_path is not None:  # a copy to go back to, should the roster be wrong
            from village_desk.core.domain.errors import ServiceError
            from village_desk.core.storage import backup

            try:
                backup.backup_now(db.sqlite_path, "before-roster-import")
            except ServiceError as err:
                raise UserError(f"没有导入：导入前的备份没有成功。{err}") from None
        plan = apply_import(db, source, sheet=args.sheet, village_id=village)
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
        from village_desk.core.domain.errors import ServiceError

        try:  # whole or not at all, owner-only: the rows hold ID numbers
            n = write_output(rejects, lambda f: write_rejects(plan, f))
        except ServiceError as err:
            done = "检查结果未写入任何数据" if args.dry_run else "导入已完成"
            raise UserError(f"{done}，但未导入的行没有保存：{err}") from None
        print(f"未导入的 {n} 行已保存到：{rejects}")
    return 0
