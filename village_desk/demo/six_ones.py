"""Demo activities for the “六个一” (宣讲活动、联动服务、实事工程) of the
generated village(s), from the builder's cadres and groups
(``generator._Builder``), with a random generator of their own so the rest
of the demo data stays as it was.

Every active cadre gives a policy talk or two a year, often with a
colleague; the cadres stationed from the township (包村领导, 包村干部, 驻村第一
书记) also hold a 联合办公日 with the township's offices and see a practical
project through, and a village cadre now and then shares one. This year's
activities stop at today.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from ..core.storage.models import Activity

TALKS = [
    ("宣讲城乡居民医保缴费政策", "讲解缴费标准、缴费渠道和报销比例，现场答疑"),
    ("宣讲防返贫监测帮扶政策", "讲解监测对象认定标准和帮扶措施"),
    ("宣讲耕地保护和宅基地管理政策", "讲解“非农化”“非粮化”整治要求和建房审批流程"),
    ("宣讲防范电信网络诈骗知识", "结合身边案例讲解常见骗术，指导安装国家反诈中心App"),
    ("宣讲森林防火和安全生产", "讲解野外用火规定，发放宣传资料"),
    ("宣讲移风易俗和村规民约", "倡导红白喜事从简，讲解新修订的村规民约"),
]
JOINT = [
    ("联合办公日：民政、社保、医保上门服务", "现场办理低保复核、社保认证、医保参保"),
    ("联合办公日：农技站、林业站进村指导", "油茶管护、病虫害防治现场指导"),
    ("民情沟通日：镇村干部与群众面对面", "收集群众诉求，当场答复政策问题"),
    ("巡回现场办公：司法所、派出所进村", "法律咨询、户籍办理、矛盾纠纷排查"),
]
PROJECTS = [
    ("{group}通组公路硬化{km}公里", "组织群众投工投劳，争取一事一议奖补"),
    ("{group}安装太阳能路灯{n}盏", "协调资金，网格员负责维护"),
    ("{group}饮水安全工程", "新建蓄水池一座，铺设管网"),
    ("村部便民服务站改造", "增设代办窗口和休息区"),
    ("{group}山塘清淤加固", "清淤加固山塘一口，保障灌溉"),
]
PLACES = ["村委会会议室", "村部广场", "村文化活动中心", "{group}晒谷坪", "{group}组长家院坝"]
STATIONED = ("township_leader", "township_cadre", "first_secretary")


def build(b, villages, seed: int) -> list[tuple[str, type, list[dict]]]:
    """The rows to write, as (stage, model, rows) like the generator's tables."""
    rng = random.Random(f"six-ones-{seed}")
    today = b.today
    rows: list[dict] = []

    def uid() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    def day_in(year: int) -> dt.date | None:
        last = min(today, dt.date(year, 12, 31))
        span = (last - dt.date(year, 1, 1)).days
        return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, span)) if span >= 0 else None

    for v in villages:
        where = v.profile_id  # a township office's demo: every record in its village
        cadres = [c for c in v.cadres if c["active"]]
        groups = [g["_label"] for g in v.groups] or ["一组"]

        def add(
            kind: str,
            when,
            title: str,
            notes: str,
            who: list,
            head: int,
            where=where,
            groups=groups,
        ) -> None:
            group = rng.choice(groups)
            rows.append(
                {
                    "id": uid(),
                    "village_id": where,
                    "kind": kind,
                    "date": when,
                    "place": rng.choice(PLACES).format(group=group),
                    "title": title.format(
                        group=group, km=rng.choice((0.8, 1.2, 1.5)), n=rng.randint(8, 30)
                    ),
                    "cadre_ids": [str(c["id"]) for c in who],
                    "participants": f"{group}村民"
                    if kind != "joint_service"
                    else "镇直站所工作人员、村民",
                    "head_count": head,
                    "notes": notes,
                }
            )

        for year in (today.year - 1, today.year):
            for cadre in cadres:
                # this year only as far as the year has gone: later in the year, more is done
                odds = 1.0 if year < today.year else (today.timetuple().tm_yday / 366)
                for _ in range(rng.randint(1, 2)):
                    when = day_in(year)
                    if when is None or rng.random() > odds:
                        continue
                    title, notes = rng.choice(TALKS)
                    who = [cadre] + ([rng.choice(cadres)] if rng.random() < 0.3 else [])
                    add(
                        "talk",
                        when,
                        title,
                        notes,
                        list({c["id"]: c for c in who}.values()),
                        rng.randint(20, 80),
                    )
                if cadre["role"] in STATIONED and rng.random() < odds:
                    title, notes = rng.choice(JOINT)
                    add("joint_service", day_in(year), title, notes, [cadre], rng.randint(30, 150))
                if (cadre["role"] in STATIONED or rng.random() < 0.3) and rng.random() < odds * 0.9:
                    title, notes = rng.choice(PROJECTS)
                    add(
                        "project",
                        day_in(year),
                        title,
                        notes + "，已完工验收",
                        [cadre],
                        rng.randint(0, 60),
                    )
    return [("写入六个一活动", Activity, rows)]
