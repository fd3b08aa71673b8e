"""``village-desk lock status | reset``: the GUI's start-up lock.

The start-up and inspector passwords are kept as hashes only, so a
forgotten one cannot be shown; ``reset`` removes the lock (both passwords,
the auto-lock minutes and the count of wrong tries) and leaves every record
as it is. It needs what reading the database file directly needs anyway —
this computer's account and write access to the data folder — and it is
written to the log. The commands that write data (import-roster, demo,
exchange import, backup restore) do not ask for the GUI's password either,
for the same reason: whoever runs them can open the database file itself.
"""

from __future__ import annotations

from .common import open_database


def register(sub) -> None:
    p = sub.add_parser(
        "lock",
        help="启动密码：查看状态，或在忘记密码时解除",
        description=(
            "图形界面的启动密码（设置 → 安全）。忘记密码时用 reset 解除：需要登录本机的"
            "系统账户并能写入数据文件夹；数据不受影响，解除会记入日志。"
        ),
    )
    what = p.add_subparsers(dest="lock_command", metavar="ACTION", required=True)
    what.add_parser("status", help="是否设置了启动密码、检查人员密码、自动锁定")
    reset = what.add_parser("reset", help="解除启动密码和检查人员密码（忘记密码时；数据不变）")
    reset.add_argument("--yes", action="store_true", help="不再询问，直接解除")
    p.set_defaults(run=run)


def run(args) -> int:
    from village_desk.core.storage.lock import AppLock

    db = open_database(args, reading=args.lock_command == "status")
    lock = AppLock(db)
    if args.lock_command == "status":
        if not lock.enabled:
            print("没有设置启动密码：打开程序不需要密码。")
            return 0
        minutes = lock.idle_minutes
        print("已设置启动密码。")
        print("检查人员密码（只读）：" + ("已设置" if lock.has_inspector else "未设置"))
        print("自动锁定：" + (f"{minutes} 分钟无操作后" if minutes else "关闭"))
        wait = lock.wait_seconds()
        if wait:
            print(f"因连续输错密码，需等待 {wait} 秒后才能再试。")
        return 0
    if not lock.enabled and not lock.has_inspector:
        print("没有设置启动密码，无需解除。")
        return 0
    if not args.yes:
        answer = input(
            "将解除本机数据的启动密码和检查人员密码（数据不变，记入日志）。确定吗？输入 yes 确认："
        )
        if answer.strip().lower() not in ("yes", "y", "是"):
            print("没有解除。")
            return 1
    lock.reset()
    print("已解除启动密码和检查人员密码。打开程序后请在“设置 → 安全”重新设置密码。")
    return 0
