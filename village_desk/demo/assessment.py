"""Demo spot-checks of diaries and the year's 三评 for the generated village(s).

Drawn from the builder's cadres and diary entries (``generator._Builder``),
with a random generator of their own so the rest of the demo data stays as
it was.

* One spot-check per village, ten days ago, by the township's inspector: one
  active cadre's diary entries of the three months before it, a sample of
  eight drawn exactly as :func:`services.assessment.draw_spot_check` draws
  (the entries ordered by date and id, ``random.Random(seed).sample``), so
  the printed seed repeats it. The inspector found most entries 真实, one
  不够具体 and one 未回访 (each explained), and has not yet reached the last.
* The 三评 of this year for every active cadre: a 自评 score and text, the
  包村领导's (or the township secretary's) 点评 with a score, and a 群众测评
  of 30 to 60 votes, mostly 满意, taken in the last three weeks.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from ..core.domain.assessment import draw
from ..core.queries.assessment import assessment_id
from ..core.storage.models import Assessment, SpotCheck, SpotCheckItem

INSPECTOR = "镇纪委 刘明"
TOWNSHIP_SECRETARY = "镇党委书记 陈国华"
SAMPLE = 8
SELF_TEXT = [
    "全年坚持每月走访联系户，记好民情日记，群众反映的问题基本做到件件有回音；不足是产业发展办法不多。",
    "认真落实首访负责制，代办事项按时办结；对年轻人外出务工家庭走访还不够勤。",
    "带头践行公开承诺，组织开展人居环境整治；政策宣传方式还比较单一。",
    "坚持值班坐访，热情接待来访群众；个别事项办理进度跟踪不及时。",
]
LEADER_TEXT = [
    "工作扎实，群众基础好，民情日记记录具体，望在产业发展上再下功夫。",
    "走访到位，代办事项办结率高；要注意回访，做到事事有着落。",
    "责任心强，能主动化解矛盾；日记有的记得过简，要写清楚具体情况。",
    "完成了年度走访任务，群众评价较好；要加强政策学习，提高解答能力。",
]
FINDING_NOTES = {
    "vague": "只写了“了解情况”，没有写清反映了什么问题、怎么处理的",
    "no_follow_up": "电话回访户主：反映的问题登记后一直没有人回复",
}


def build(b, villages, seed: int) -> list[tuple[str, type, list[dict]]]:
    """The rows to write, as (stage, model, rows) like the generator's tables."""
    rng = random.Random(f"assessment-{seed}")
    today = b.today
    year = today.year
    checks: list[dict] = []
    items: list[dict] = []
    evaluations: list[dict] = []

    def uid() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    for v in villages:
        where = v.profile_id  # (None on a village copy: the journal's)
        cadres = [c for c in v.cadres if c["active"]]
        if not cadres:
            continue

        # --- one spot-check of one cadre's diary
        day = today - dt.timedelta(days=10)
        start, end = day - dt.timedelta(days=91), day - dt.timedelta(days=1)
        ids = {c["id"] for c in cadres}
        written: dict[uuid.UUID, list[dict]] = {}
        for e in b.entries:
            if e["author_id"] in ids and start <= e["date"] <= end:
                written.setdefault(e["author_id"], []).append(e)
        candidates = [c for c in cadres if len(written.get(c["id"], ())) >= SAMPLE]
        if candidates:
            cadre = rng.choice(candidates)
            scope = sorted(written[cadre["id"]], key=lambda e: (e["date"], e["id"].hex))
            check_seed = rng.randint(100_000, 999_999)
            drawn = draw([e["id"] for e in scope], SAMPLE, check_seed)
            check_id = uid()
            checks.append(
                {
                    "id": check_id,
                    "date": day,
                    "inspector": INSPECTOR,
                    "scope_village_id": None,
                    "cadre_id": cadre["id"],
                    "period_start": start,
                    "period_end": end,
                    "sample_size": SAMPLE,
                    "population": len(scope),
                    "seed": check_seed,
                    "note": "镇党委季度抽查民情日记",
                    "village_id": where,
                }
            )
            odd = rng.sample(range(SAMPLE - 1), 2)  # one vague, one not followed up
            for n, entry_id in enumerate(drawn, 1):
                finding, note = "true", ""
                if n - 1 == odd[0]:
                    finding, note = "vague", FINDING_NOTES["vague"]
                elif n - 1 == odd[1]:
                    finding, note = "no_follow_up", FINDING_NOTES["no_follow_up"]
                if n == len(drawn):
                    finding = ""  # the inspector has not reached the last one yet
                items.append(
                    {
                        "id": uid(),
                        "check_id": check_id,
                        "entry_id": entry_id,
                        "position": n,
                        "finding": finding,
                        "note": note,
                    }
                )

        # --- the 三评 of this year
        leader = next((c for c in cadres if c["role"] == "township_leader"), None)
        first_day = dt.date(year, 1, 1)
        for c in cadres:
            assessor = TOWNSHIP_SECRETARY if leader is None or leader is c else leader["name"]
            votes = rng.randint(30, 60)
            satisfied = round(votes * rng.uniform(0.55, 0.92))
            basic = round((votes - satisfied) * rng.uniform(0.4, 0.9))
            poll_day = max(first_day, today - dt.timedelta(days=rng.randint(0, 21)))
            parts = {
                "self": {"score": rng.randint(85, 97), "text": rng.choice(SELF_TEXT)},
                "leader": {
                    "score": rng.randint(78, 95),
                    "assessor": assessor,
                    "text": rng.choice(LEADER_TEXT),
                },
                "poll": {
                    "satisfied": satisfied,
                    "basic": basic,
                    "unsatisfied": votes - satisfied - basic,
                    "date": poll_day,
                },
            }
            for part, values in parts.items():
                evaluations.append(
                    {
                        "id": assessment_id(c["id"], year, part),
                        "cadre_id": c["id"],
                        "year": year,
                        "part": part,
                        "score": None,
                        "assessor": "",
                        "text": "",
                        "satisfied": None,
                        "basic": None,
                        "unsatisfied": None,
                        "date": None,
                        "village_id": where,
                        **values,
                    }
                )
    return [
        ("写入日记抽查", SpotCheck, checks),
        ("写入抽查结论", SpotCheckItem, items),
        ("写入干部三评", Assessment, evaluations),
    ]
