"""``village-desk print-assessment``: the year's 干部年度考核表 as a PDF."""

from __future__ import annotations

from .common import UserError, open_database, pdf_out


def register(sub) -> None:
    p = sub.add_parser(
        "print-assessment",
        help="打印干部年度考核表（PDF）",
        description=(
            "生成某年度每位干部（或一位干部）的年度考核表：走访、联系户覆盖、"
            "事项办理、践诺、日记抽查和三评（自评、领导点评、群众测评），"
            "每人一页，附指标口径和签字栏。"
        ),
    )
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--year", required=True, type=int, metavar="YYYY", help="年度，如 2026")
    p.add_argument(
        "--cadre",
        metavar="姓名",
        help="只打印这位干部的考核表；乡镇汇总库里重名时写成 村名:姓名",
    )
    p.set_defaults(run=run)


def run(args) -> int:
    import datetime as dt

    from village_desk.core import queries
    from village_desk.core.printing import print_assessment

    today = dt.date.today()
    if not 2000 <= args.year <= today.year:
        raise UserError(f"年度应写成四位数字，在2000年至{today.year}年之间，不是“{args.year}”")
    db = open_database(args, reading=True)
    cadre_ids = None
    who = ""
    if args.cadre is not None:
        rows = db.read(queries.assessment.assessment_year, args.year).cadres
        wanted = args.cadre.strip().replace("：", ":")
        village, _, name = wanted.rpartition(":")
        matching = [
            r for r in rows if r.name == name.strip() and (not village or r.village == village)
        ]
        if not matching:
            names = "、".join(r.name for r in rows) or "（没有在职干部）"
            raise UserError(f"{args.year}年度没有名叫“{args.cadre}”的在职干部。在职干部：{names}")
        if len(matching) > 1:
            places = "、".join(f"{r.village}:{r.name}" for r in matching)
            raise UserError(f"有{len(matching)}位干部叫“{name}”，请写成 村名:姓名，如 {places}")
        cadre_ids = [matching[0].cadre_id]
        who = f"{matching[0].name}的"
    out = pdf_out(args.out)
    pages = print_assessment(db, out, args.year, cadre_ids)
    print(f"已生成 {args.year}年度 {who}干部考核表，共 {pages} 页：{out}")
    return 0
