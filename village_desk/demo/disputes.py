"""Demo disputes (矛盾纠纷排查调处) for the generated village(s): quarrels
between households of one group, a family's 赡养 quarrel, unpaid wages owed
by a contractor from outside, mediated by the village's cadres (now and then
with the township justice office's mediator or an old party member).

Each village gets one of every kind of ending and a few more settled ones:
settled with an agreement after one or two mediations (its matter 已办结),
referred to the 司法所 or the 信访办 (上报), not settled (暂不能解决, with
what the parties were told), one still under mediation past the 久调不决
age, and two recent ones under mediation. Like :mod:`commitments`, a random
generator of its own keeps the rest of the demo data as it was; the
disputes' matters join the builder's matters before they are numbered
(``generator._Builder``), with the notes the services would have written.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from ..core.domain.disputes import DEFAULT_OVERDUE_DAYS, REFERRED_TO, TYPES
from ..core.storage.models import Dispute, DisputeParty, MediationSession

OUTSIDERS = ["陈国富", "黄永强", "邓志军"]  # a contractor, a buyer: not on the village's list
OTHERS = ["镇司法所调解员刘建军", "老党员李德明", "村民小组长", "镇综治办周敏"]

# kind, summary, sessions (place, what was said, agreed), ending, agreement or explanation.
# {a}: the applying party, {r}: the other side, {g}: the group.
Scenario = tuple[str, str, list[tuple[str, str, bool]], str, str]
SCENARIOS: dict[str, Scenario] = {
    "homestead": (
        "homestead",
        "{a}家建房砌围墙，{r}认为占了自家宅基地约半米，两家多次争吵",
        [
            ("{g}现场", "现场丈量，双方对界址各执一词，情绪激动，约定查证后再调", False),
            (
                "村委会调解室",
                "查阅两家宅基地使用证，按证上四至确认界址，双方认可",
                True,
            ),
        ],
        "success",
        "一、以宅基地使用证所载四至为准，{a}家围墙后退0.4米；"
        "二、拆除和重砌费用由{a}家承担，于一个月内完成；"
        "三、双方签字后不得反悔，今后和睦相处。",
    ),
    "labour": (
        "labour",
        "{a}在{r}承包的工地务工四个月，工钱8600元至今未付",
        [
            (
                "村委会调解室",
                "包工头承认欠款，称工程款未结，经说服同意月底前付清",
                True,
            ),
        ],
        "success",
        "一、{r}于本月底前一次性付清{a}工钱8600元；"
        "二、逾期不付，{a}可向县劳动监察大队投诉，村里协助。",
    ),
    "damage": (
        "damage",
        "{r}家的牛挣脱缰绳，吃了{a}家约两分田的秧苗",
        [("{g}田边", "现场查看秧苗损失，双方同意按市价赔偿", True)],
        "success",
        "{r}家赔偿{a}家秧苗损失300元，当场付清；今后耕牛一律拴养。",
    ),
    "neighbour": (
        "neighbour",
        "两家共用的排水沟堵塞，雨水冲进{a}家院子，{r}不同意清淤改道，两家争吵",
        [
            ("{g}现场", "现场查看排水沟走向，{r}坚持不同意改道", False),
            ("村委会调解室", "请组长和老党员一起做工作，{r}仍不同意分担费用", False),
        ],
        "",
        "",
    ),
    "forest": (
        "forest",
        "{a}与{r}两家山林交界处十余棵杉木被砍，双方都说是自家的",
        [
            (
                "村委会调解室",
                "双方林权证四至描述不清，分歧很大，村里无法确认权属",
                False,
            ),
        ],
        "judicial",
        "涉及林权归属，已移交镇司法所，并告知双方可申请林权确权",
    ),
    "land": (
        "land",
        "{a}认为组里土地征收补偿款分配不公，与组长{r}发生争执",
        [
            (
                "村委会调解室",
                "解释组里分配方案，{a}不认可，要求按户籍人口重新分配",
                False,
            ),
        ],
        "petition",
        "涉及征地补偿分配政策，已转镇信访办，告知当事人办理时限为六十日",
    ),
    "debt": (
        "debt",
        "{r}三年前借{a}现金2万元，约定一年归还，逾期未还",
        [
            ("村委会调解室", "{r}承认借款，只同意分三年归还，{a}不同意", False),
            ("{g}{a}家", "再次协商还款期限，双方仍未谈拢", False),
        ],
        "failed",
        "双方对还款期限分歧大，调解未成功；已告知{a}可向人民法院起诉，村里可协助申请法律援助",
    ),
    "family": (
        "family",
        "{a}年老多病，与{r}因赡养和看病费用发生矛盾",
        [("{g}{a}家", "上门了解情况，{r}称外出务工收入少，暂无结果", False)],
        "",
        "",
    ),
}


WAITS = [
    "双方分歧仍大，继续做双方工作，择日再次调解",
    "已分别上门听取双方意见，准备再次调解",
    "请组长和老党员帮助做工作，继续调解",
]


def _month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _last_weekday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=max(0, day.isoweekday() - 5))


def build(b, villages, seed: int) -> list[tuple[str, type, list[dict]]]:
    """Add the disputes' matters and notes to the builder; return the dispute
    rows to write, as (stage, model, rows) like the generator's tables."""
    rng = random.Random(f"disputes-{seed}")
    today = b.today
    disputes: list[dict] = []
    parties: list[dict] = []
    sessions: list[dict] = []

    def uid() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    for v in villages:
        cadres = [c for c in v.cadres if c["active"]]
        if not cadres or len(v.households) < 4:
            continue
        village_cadres = [c for c in cadres if c["role"] in ("secretary", "director")] or cadres
        # (scenario, received days ago, how far it got): one of every ending
        plan = [
            ("homestead", (70, 150), "done"),
            ("labour", (20, 45), "done"),
            ("damage", (90, 200), "done"),
            ("forest", (40, 120), "outcome"),
            ("land", (60, 180), "outcome"),
            ("debt", (50, 140), "outcome"),
            ("neighbour", (DEFAULT_OVERDUE_DAYS + 8, DEFAULT_OVERDUE_DAYS + 25), "open"),
            ("family", (8, 18), "open"),
            ("damage", (2, 6), "new"),
        ]
        extra = min(6, len(v.households) // 100)
        plan += [
            (rng.choice(("homestead", "damage", "labour")), (60, 330), "done") for _ in range(extra)
        ]
        for key, (lo, hi), reach in plan:
            kind, summary, steps, ending, closing = SCENARIOS[key]
            received = today - dt.timedelta(days=rng.randint(lo, hi))
            responsible = rng.choice(village_cadres)
            group = rng.choice([g for g in v.groups if v.by_group.get(g["id"])])
            homes = v.by_group[group["id"]]
            hi_a = rng.choice(homes)
            applicant = b.members[hi_a][0]
            if key == "family":  # the old head against a grown child at home
                others = [p for p in b.members[hi_a][1:] if p["status"] != "deceased"]
                if not others:
                    continue
                respondent: dict | None = rng.choice(others)
                r_name = respondent["name"]
            elif key == "labour":
                respondent, r_name = None, rng.choice(OUTSIDERS)
            else:
                neighbours = [h for h in homes if h != hi_a] or [
                    h for h in v.households if h != hi_a
                ]
                respondent = b.members[rng.choice(neighbours)][0]
                r_name = respondent["name"]
            a_name = applicant["name"]
            words = {"a": a_name, "r": r_name, "g": group["_label"]}
            household = b.households[hi_a]
            mid, did = uid(), uid()
            where = v.profile_id
            text = summary.format(**words)
            matter = {
                "id": mid,
                "number": "",
                "received_date": received,
                "channel": rng.choice(("office_duty", "grid_patrol", "home_visit")),
                "applicant_person_id": applicant["id"],
                "household_id": household["id"],
                "applicant_name": a_name,
                "applicant_phone": applicant.get("phone") or household.get("phone") or "",
                "group_id": household["group_id"],
                "content": f"{TYPES[kind]}：{text}",
                "kind": "hardship",
                "service_type": "",
                "level": "village",
                "handling": "promised",
                "status": "registered",
                "deadline": received + dt.timedelta(days=DEFAULT_OVERDUE_DAYS),
                "responsible_id": responsible["id"],
                "co_handler_ids": [],
                "forwarded_to": "",
                "forwarded_date": None,
                "result": "",
                "done_date": None,
                "return_reasons": "",
                "explanation": "",
                "feedback": "",
                "feedback_date": None,
                "satisfaction": "",
                "closed_date": None,
                "public": False,  # a quarrel is not posted on the notice board
            }

            def note(day: dt.date, action: str, text: str, matter_id=mid, author=responsible):
                b.notes.append(
                    {
                        "id": uid(),
                        "matter_id": matter_id,
                        "date": day,
                        "author_id": author["id"],
                        "action": action,
                        "text": text,
                    }
                )

            row = {
                "id": did,
                "matter_id": mid,
                "type": kind,
                "summary": text,
                "outcome": "",
                "outcome_date": None,
                "agreement_text": "",
                "outcome_note": "",
                "village_id": where,
            }
            parties.append(
                {
                    "id": uid(),
                    "dispute_id": did,
                    "side": "applicant",
                    "person_id": applicant["id"],
                    "household_id": None,
                    "name": a_name,
                    "sort_order": 0,
                }
            )
            parties.append(
                {
                    "id": uid(),
                    "dispute_id": did,
                    "side": "respondent",
                    "person_id": respondent["id"] if respondent else None,
                    "household_id": None,
                    "name": r_name,
                    "sort_order": 1,
                }
            )
            # the mediations, spread between receipt and today
            day = received
            held = [] if reach == "new" else steps
            span = max((today - received).days, 1)
            for i, (place, said, agreed) in enumerate(held):
                day = min(today, day + dt.timedelta(days=rng.randint(1, max(2, span // 3))))
                mediators = [responsible["id"]]
                helper = rng.choice(cadres)
                if helper is not responsible and rng.random() < 0.5:
                    mediators.append(helper["id"])
                sessions.append(
                    {
                        "id": uid(),
                        "dispute_id": did,
                        "date": day,
                        "place": place.format(**words),
                        "mediator_ids": [str(c) for c in mediators],
                        "other_mediators": rng.choice(OTHERS) if i or rng.random() < 0.4 else "",
                        "agreed": agreed,
                        "notes": said.format(**words),
                    }
                )
                if i == 0:
                    matter["status"] = "in_progress"
                    note(day, "start", "开始调解")
            if reach in ("done", "outcome"):
                day = min(today, day + dt.timedelta(days=rng.randint(0, 3)))
                closing_text = closing.format(**words)
                row.update(outcome=ending, outcome_date=day)
                if ending == "success":
                    row["agreement_text"] = closing_text
                    matter.update(status="done", result=closing_text, done_date=day)
                    note(day, "complete", f"调解成功：{closing_text}")
                elif ending in REFERRED_TO:
                    row["outcome_note"] = closing_text
                    office = REFERRED_TO[ending]
                    matter.update(
                        status="forwarded",
                        level="township",
                        handling="forwarded",
                        forwarded_to=office,
                        forwarded_date=day,
                        deadline=max(matter["deadline"], received + dt.timedelta(days=60)),
                    )
                    note(day, "forward", f"上报至{office}：{closing_text}")
                else:
                    row["outcome_note"] = closing_text
                    matter.update(status="unresolvable", explanation=closing_text)
                    note(day, "unresolvable", f"暂不能解决：{closing_text}")
            # the month-end review (004 L106) speaks of it in every month it stays open
            open_until = day if matter["status"] in ("done", "unresolvable") else today
            noted = {(n["date"].year, n["date"].month) for n in b.notes if n["matter_id"] == mid}
            month_end = _month_end(received)
            while month_end < open_until:
                if (month_end.year, month_end.month) not in noted:
                    if matter["status"] == "forwarded" and month_end >= matter["forwarded_date"]:
                        wait = f"已上报{matter['forwarded_to']}，等待处理结果"
                    else:
                        wait = rng.choice(WAITS)
                    note(_last_weekday(month_end), "note", "月底例会审议：" + wait)
                month_end = _month_end(month_end + dt.timedelta(days=1))
            b.matters.append(matter)
            disputes.append(row)
    return [
        ("写入矛盾纠纷", Dispute, disputes),
        ("写入纠纷当事人", DisputeParty, parties),
        ("写入调解记录", MediationSession, sessions),
    ]
