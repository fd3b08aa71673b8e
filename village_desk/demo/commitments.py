"""Demo public commitments (亮承诺) and village meetings for the generated
village(s): drawn from the builder's cadres, party members, groups and
households (``generator._Builder``), with a random generator of their own so
the rest of the demo data stays as it was.

* Commitments: every active cadre makes two or three 服务承诺 a year (content,
  measures, target, deadline) and a few party members a 一句话承诺; last
  year's are all reviewed at its end (mostly 已践诺, some 部分践诺, a few
  未践诺, each explained); this year's carry progress notes, and in December
  the ones already finished are reviewed.
* Meetings: a 民主议政日 at each month's end (the ledger is reported there,
  004 L106), a 民主恳谈会 every two months, a 村民代表会议 each quarter and a
  院坝说事会 per group each quarter, each with its host, a head count, a few
  registered villagers, topics and decisions, and now and then a point solved
  on the spot.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from ..core.domain.meetings import add_months
from ..core.storage.models import Commitment, CommitmentNote, Meeting, MeetingAttendee, MeetingItem

SERVICE = [
    ("硬化{group}通组公路{km}公里", "争取一事一议财政奖补资金，组织群众投工投劳", "年底前全线通车"),
    (
        "为{group}新装路灯{n}盏",
        "协调供电所和村集体经济出资，网格员负责巡查维护",
        "主干道夜间全部照亮",
    ),
    (
        "帮助{n}户困难群众申办医疗救助",
        "逐户上门核实病情和费用，代办申请材料",
        "符合条件的全部办理到位",
    ),
    ("每月走访联系户一遍", "按联户名单逐户走访，记好民情日记", "联系户走访覆盖率100%"),
    ("发展油茶{n}0亩", "争取产业扶持资金，联系农技站上门培训", "带动{n}户增收"),
    (
        "整治{group}人居环境",
        "组织党员带头清理房前屋后，建立保洁轮值制度",
        "垃圾日产日清，无乱堆乱放",
    ),
    ("解决{group}饮水困难", "协调水利站勘测水源，争取饮水安全项目", "{group}村民喝上安全自来水"),
    ("帮助{n}名外出务工人员讨要工钱", "与劳动监察部门对接，提供法律援助", "工钱全部追回"),
    ("办好村级便民服务代办", "坚持坐班值守，推行代办事项清单", "代办事项按时办结率95%以上"),
    ("为监测户落实帮扶措施", "逐户制定帮扶计划，落实产业和就业帮扶", "监测户无返贫"),
]
ONE_LINE = [
    "邻里有事我先到，群众有难我先帮",
    "当好政策宣传员，每季度为联系户讲一次政策",
    "带头移风易俗，红白喜事从简办理",
    "帮助身边困难群众办一件实事",
    "每月参加一次志愿服务",
]
PROGRESS = [  # from planning to nearly done
    "已召开群众会议征求意见，方案得到大多数群众同意",
    "资金和材料已向镇里申报，正在等待审批",
    "已组织党员志愿者开展一次集中行动",
    "已开始实施，进展顺利",
    "已完成约一半",
    "已基本完成，正在收尾",
]
REVIEW = {
    "kept": ["已全部完成，群众满意", "按期完成，经村民代表验收", "目标全部实现"],
    "partly": ["完成大部分，余下部分因资金未到位顺延到明年", "受天气影响工期推迟，已完成七成"],
    "not_kept": ["上级项目未获批准，未能实施，已向群众说明", "本人下半年外出学习，未能兑现"],
}
TOPICS = {
    "council_day": ["通报本月待办事项办理情况", "通报民情台账月底销号情况", "审议村级财务收支"],
    "democratic_talk": ["产业发展：油茶基地扩种", "听取群众对村两委工作的意见", "人居环境整治方案"],
    "representatives": ["审议一事一议筹资方案", "讨论修订村规民约", "审议低保评议结果"],
    "courtyard": ["通组公路硬化筹资", "垃圾清运和保洁轮值", "灌溉水渠清淤", "防汛准备"],
}
DECISIONS = {
    "council_day": ["已办结事项销号，未办结事项明确责任人和时限", "财务收支张榜公布"],
    "democratic_talk": ["成立筹备小组，下月拿出方案", "意见汇总后由村两委逐条答复"],
    "representatives": ["方案经到会代表表决通过", "修订稿张贴公示七天"],
    "courtyard": ["每户出工3天", "保洁员每周二集中清运", "各户分段负责，月底前完成"],
}
SOLVED = [
    ("路灯坏了两盏", "当场联系电工，当天修好"),
    ("低保年审要带哪些材料", "当场讲解并发放材料清单"),
    ("医保缴费方式不清楚", "当场演示手机缴费"),
    ("组里垃圾桶不够", "当场协调增加两个垃圾桶"),
]


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def build(b, villages, seed: int) -> list[tuple[str, type, list[dict]]]:
    """The rows to write, as (stage, model, rows) like the generator's tables."""
    rng = random.Random(f"commitments-{seed}")
    today = b.today
    commitments: list[dict] = []
    notes: list[dict] = []
    meetings: list[dict] = []
    attendees: list[dict] = []
    items: list[dict] = []

    def uid() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    for v in villages:
        # (a township office's demo: every record in its village; None: the journal's)
        where = v.profile_id
        cadres = [c for c in v.cadres if c["active"]]
        members = [
            p
            for hi in v.households
            for p in b.members[hi]
            if p.get("party_member") and p.get("status") != "deceased"
        ]
        groups = [g["_label"] for g in v.groups] or ["一组"]
        for year in (today.year - 1, today.year):
            done_year = year < today.year
            committers = [(c, None) for c in cadres]
            committers += [(None, p) for p in rng.sample(members, min(len(members), 3))]
            for cadre, person in committers:
                picks = rng.sample(SERVICE, rng.randint(2, 3)) if cadre else [None]
                for pick in picks:
                    cid = uid()
                    row = {
                        "id": cid,
                        "year": year,
                        "cadre_id": cadre["id"] if cadre else None,
                        "person_id": person["id"] if person else None,
                        "public": True,
                        "village_id": where,
                    }
                    if pick is None:
                        row.update(kind="one_line", content=rng.choice(ONE_LINE))
                    else:
                        values = {
                            "group": rng.choice(groups),
                            "km": rng.choice((0.8, 1.2, 1.5, 2)),
                            "n": rng.randint(2, 9),
                        }
                        deadline = dt.date(year, rng.choice((6, 9, 10, 11, 12)), 28)
                        row.update(
                            kind="service",
                            content=pick[0].format(**values),
                            measures=pick[1],
                            target=pick[2].format(**values),
                            deadline=deadline,
                        )
                    last = min(today, dt.date(year, 12, 20))
                    # progress in order (PROGRESS runs from planning to done), dated in order
                    steps = sorted(
                        rng.sample(range(len(PROGRESS)), rng.randint(1 if done_year else 0, 3))
                    )
                    days = sorted(_day(rng, dt.date(year, 2, 1), last) for _ in steps)
                    for step, when in zip(steps, days, strict=True):
                        if when > today:  # (January: no progress yet)
                            continue
                        notes.append(
                            {
                                "id": uid(),
                                "commitment_id": cid,
                                "date": when,
                                "author_id": cadre["id"] if cadre else None,
                                "text": PROGRESS[step],
                            }
                        )
                    review_day = dt.date(year, 12, rng.randint(20, 30))
                    if done_year or (today.month == 12 and today.day > 20 and rng.random() < 0.5):
                        r = rng.random()
                        outcome = "kept" if r < 0.8 else "partly" if r < 0.95 else "not_kept"
                        row.update(
                            outcome=outcome,
                            review_date=min(review_day, today),
                            review_text=rng.choice(REVIEW[outcome]),
                            reviewer_id=cadres[0]["id"],
                        )
                    commitments.append(row)

        # meetings of the last year
        start = add_months(today, -12)
        host = {c["role"]: c for c in cadres}
        secretary = host.get("secretary", cadres[0])
        director = host.get("director", secretary)
        schedule: list[tuple[str, dt.date, dict, dict | None]] = []
        month = dt.date(start.year, start.month, 1)
        while month <= today:
            end = add_months(month, 1) - dt.timedelta(days=1)
            day = end - dt.timedelta(days=rng.randint(0, 3))  # near the month's end
            schedule.append(("council_day", day, secretary, None))
            if month.month % 2 == 0:
                schedule.append(("democratic_talk", _day(rng, month, end), director, None))
            if month.month % 3 == 0:
                schedule.append(("representatives", _day(rng, month, end), secretary, None))
                for g in v.groups:
                    linker = next((c for c in cadres if g in c.get("_groups", [])), secretary)
                    schedule.append(("courtyard", _day(rng, month, end), linker, g))
            month = add_months(month, 1)
        for kind, day, chair, group in schedule:
            if day > today or day < start:
                continue
            mid = uid()
            pool = v.by_group.get(group["id"], []) if group else v.households
            came = rng.sample(pool, min(len(pool), rng.randint(3, 8)))
            heads = [b.members[hi][0] for hi in came]
            if kind == "courtyard":
                place = f"{group['_label']}{heads[0]['name'][0] if heads else ''}家院坝"
            else:
                place = rng.choice(("村部会议室", "村文化广场"))
            meetings.append(
                {
                    "id": mid,
                    "kind": kind,
                    "date": day,
                    "place": place,
                    "host_id": chair["id"],
                    "group_id": group["id"] if group else None,
                    "head_count": len(heads) + rng.randint(8, 40),
                    "topics": rng.choice(TOPICS[kind]),
                    "discussion": "",
                    "decisions": rng.choice(DECISIONS[kind]),
                    "village_id": where,
                }
            )
            for p in heads:
                attendees.append({"id": uid(), "meeting_id": mid, "person_id": p["id"]})
            if rng.random() < 0.4 and heads:
                text, solution = rng.choice(SOLVED)
                items.append(
                    {
                        "id": uid(),
                        "meeting_id": mid,
                        "text": text,
                        "raised_by_id": rng.choice(heads)["id"],
                        "outcome": "solved",
                        "solution": solution,
                    }
                )
    return [
        ("写入公开承诺", Commitment, commitments),
        ("写入践诺进展", CommitmentNote, notes),
        ("写入会议记录", Meeting, meetings),
        ("写入参会村民", MeetingAttendee, attendees),
        ("写入会上反映的问题", MeetingItem, items),
    ]
