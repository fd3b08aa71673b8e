"""``village-desk init``: the village profile and this computer's name and code."""

from __future__ import annotations

from .common import UserError, open_database

# Kept in step with storage.db.DEVICE_CODE_ALPHABET (a test checks it); not
# imported from there so that building the parser stays light.
DEVICE_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def register(sub) -> None:
    p = sub.add_parser(
        "init", help="初始化：村庄信息与本机名称", description="创建或修改村庄信息和本机标识。"
    )
    p.add_argument("--village", default="", help="村（社区）名称（村的电脑必填）")
    p.add_argument(
        "--township-office",
        action="store_true",
        help="建乡镇汇总库：一个数据库收全乡镇各村的数据（--township 为乡镇名称）",
    )
    p.add_argument("--township", default="", help="乡镇名称")
    p.add_argument("--county", default="", help="县（市、区）名称")
    p.add_argument("--division-code", default="", help="12位统计用区划代码（可选）")
    p.add_argument("--service-phone", default="", help="村便民服务电话")
    p.add_argument("--hotline", default="", help="书记信箱/专线电话")
    p.add_argument("--device-name", help="本机名称（如：村部笔记本）")
    p.add_argument(
        "--village-code",
        help="乡镇分配给本村的2位代码，用于事项编号（如 K7）；与 --laptop-letter 同用",
    )
    p.add_argument("--laptop-letter", help="本机字母（同村每台电脑不同，如 B），默认沿用")
    p.add_argument("--device-code", help="本机3位代码，用于事项编号（如 K7M）")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.services import setup

    if args.township_office and not args.township.strip():
        raise UserError("乡镇汇总库需要乡镇名称：--township 乡镇名")
    if not args.township_office and not args.village.strip():
        raise UserError("请用 --village 写明村（社区）名称；乡镇的汇总电脑用 --township-office")
    code = (args.device_code or "").upper()
    if code and (len(code) != 3 or set(code) - set(DEVICE_CODE_ALPHABET)):
        raise UserError("本机代码应为3位大写字母或数字（不用 I、O、0、1）")
    db = open_database(args, args.device_name)
    if args.device_name or code:
        db.rename_device(args.device_name or db.device.name, code or None)
    if args.village_code or args.laptop_letter:
        setup.set_number_code(
            db, args.village_code or db.device.code[:2], args.laptop_letter or db.device.code[2:]
        )
    setup.initialize(
        db,
        village=args.village,
        township=args.township,
        county=args.county,
        division_code=args.division_code,
        service_phone=args.service_phone,
        hotline=args.hotline,
        township_office=args.township_office,
    )
    if args.township_office:
        print(
            f"已初始化乡镇汇总库：{args.township}（本机：{db.device.name}，代码 {db.device.code}）"
        )
        print(f"数据库：{db.url}")
        return 0
    print(f"已初始化：{args.village}（本机：{db.device.name}，代码 {db.device.code}）")
    print(f"数据库：{db.url}")
    return 0
