"""Township mode (乡镇汇总): two villages' laptops and the township office.

桃花村 has two laptops (A1 at the village office, A2 new, set up from the
township's file), 杏花村 one (B); the township office (T) holds both villages
and its own records: a township cadre (包村干部) who visits households in
both villages, a matter assigned to 桃花村 (上级交办) and the result of a
matter 桃花村 forwarded to the township (上报 → 结果返回). Both villages number
their first household 01-001. Packages travel in a realistic order — one is
lost, one is imported twice; a phone changed on both of 桃花村's laptops
conflicts and is settled on one. Expected: each village's laptops hold their
village and the township cadre, never the other village; every copy that saw
the same changes of a village has the same digest of that village; the
township sees both villages without reporting their equal 户号 as duplicates.
The same with the township office on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.core.exchange.test_package import Copy, add_household, households
from tests.core.exchange.test_scenario import open_conflicts, phone_of, set_phone
from tests.core.storage.postgres_server import PostgresServer
from village_desk.core import queries, services
from village_desk.core.domain.errors import ServiceError
from village_desk.core.exchange import package
from village_desk.core.services.diary import DiaryInput
from village_desk.core.services.ledger import MatterInput
from village_desk.core.storage import merge
from village_desk.core.storage.models import Cadre, DiaryEntry, Matter, VillageProfile

TAOHUA = {"village": "桃花村", "township": "青山镇", "county": "隆回县"}
XINGHUA = {"village": "杏花村", "township": "青山镇", "county": "隆回县"}
OFFICE = {"village": "", "township": "青山镇", "county": "隆回县", "township_office": True}


@pytest.fixture(scope="module")
def server():
    srv = PostgresServer()
    yield srv
    srv.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def township_url(request):
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("server").new_database()


def village_id(copy: Copy, name: str):
    with copy.db.reading() as s:
        return s.scalar(select(VillageProfile.id).where(VillageProfile.village == name))


def digest(copy: Copy, village) -> str:
    return merge.digest(copy.db, village=village)


def cadre_names(copy: Copy) -> set[str]:
    with copy.db.reading() as s:
        return set(s.scalars(select(Cadre.name).where(Cadre.deleted.is_(False))))


def matters(copy: Copy) -> set[str]:
    with copy.db.reading() as s:
        return set(s.scalars(select(Matter.content).where(Matter.deleted.is_(False))))


def test_two_villages_and_the_township_office(tmp_path, township_url):
    a1 = Copy(tmp_path, "a1", **TAOHUA)
    b = Copy(tmp_path, "b", **XINGHUA)
    t = Copy(tmp_path, "township", url=township_url, **OFFICE)
    a2 = None
    try:
        a2 = two_villages(tmp_path, a1, b, t)
    finally:
        for copy in (a1, a2, b, t):
            if copy is not None:
                copy.db.close()


def two_villages(tmp_path, a1: Copy, b: Copy, t: Copy) -> Copy:
    stick = tmp_path / "stick"
    stick.mkdir()
    with t.db.reading() as s:
        assert queries.reference.is_township(s)
        assert queries.reference.profile(s).village == "青山镇"

    # Monday: each village registers its people; the township takes both.
    a_cadre = services.setup.add_cadre(a1.db, None, "王建国", "secretary", "13907310001")
    a_home = add_household(a1, "01-001", "张三丰", phone="13800000001")
    add_household(a1, "01-002", "李四")
    services.setup.add_cadre(b.db, None, "刘桂兰", "secretary", "13907310002")
    b_home = add_household(b, "01-001", "陈五")
    t.take(a1.export(stick / "a1-mon.vdx").path)
    t.take(b.export(stick / "b-mon.vdx").path)
    taohua, xinghua = village_id(t, "桃花村"), village_id(t, "杏花村")
    assert taohua == village_id(a1, "桃花村") and xinghua == village_id(b, "杏花村")
    with t.db.reading() as s:
        names = [p.village for p in queries.reference.village_profiles(s)]
        # Both villages' 01-001 side by side, and no rule broken by it.
        assert sorted(names) == ["杏花村", "桃花村"]
        assert queries.rules.violations(s) == []
    assert digest(t, taohua) == digest(a1, taohua)
    assert digest(t, xinghua) == digest(b, xinghua)

    # The township's own work: a 包村干部 visits 杏花村's household, and the
    # township assigns 桃花村 a matter (上级交办) with no household.
    zhao = services.setup.add_cadre(t.db, None, "赵乡干", "township_cadre", "13907319999")
    services.diary.write_entry(
        t.db,
        zhao,
        DiaryInput(
            date=dt.date.today(),
            mode="home_visit",
            author_id=zhao,
            household_ids=[b_home],
            narrative="了解春耕用种情况",
        ),
    )
    services.ledger.register_matter(
        t.db,
        zhao,
        MatterInput(
            content="上级交办：核实桃花村河堤隐患",
            responsible_id=zhao,
            applicant_name="青山镇应急办",
            kind="shortcoming",
            village_id=taohua,
        ),
    )

    # A new laptop for 桃花村 starts from the township's file for that village.
    a2 = Copy(tmp_path, "a2", **TAOHUA)
    a2.take(t.export(stick / "t-for-taohua.vdx", full=True, village="桃花村").path)
    assert households(a2) == {"01-001": "张三丰", "01-002": "李四"}  # no 杏花村 household
    assert cadre_names(a2) == {"王建国", "赵乡干"}
    assert matters(a2) == {"上级交办：核实桃花村河堤隐患"}
    with a2.db.reading() as s:
        assert s.scalars(select(DiaryEntry.id)).all() == []  # the visit was in 杏花村

    # Offline: both 桃花村 laptops change the same phone; 杏花村 adds a household;
    # 桃花村 forwards a matter to the township (上报).
    forwarded = services.ledger.register_matter(
        a1.db,
        a_cadre,
        MatterInput(
            content="申请危房改造补助",
            responsible_id=a_cadre,
            household_id=a_home,
            applicant_name="张三丰",
            kind="hardship",
        ),
    )
    services.ledger.apply_action(a1.db, a_cadre, forwarded, "start")
    services.ledger.apply_action(a1.db, a_cadre, forwarded, "forward", forwarded_to="镇住建办")
    set_phone(a1, a_home, "13800000011")
    set_phone(a2, a_home, "13800000022")
    lost = a2.export(stick / "a2-lost.vdx")
    add_household(a2, "01-003", "王五")
    a2_next = a2.export(stick / "a2-next.vdx")
    assert a2_next.from_seq == lost.from_seq  # the next package covers the lost one
    add_household(b, "01-002", "孙六")
    a1_pkg = a1.export(stick / "a1-tue.vdx")

    # At the township: A1's file is imported twice by mistake.
    t.take(a1_pkg.path)
    assert t.take(a1_pkg.path).replay
    t.take(a2_next.path)
    t.take(b.export(stick / "b-tue.vdx").path)
    [conflict] = open_conflicts(t)
    assert {conflict.current, conflict.other} == {"13800000011", "13800000022"}
    # The township records the forwarded matter's result (结果返回).
    services.ledger.apply_action(t.db, zhao, forwarded, "result", text="已列入明年改造计划")

    # A village laptop never takes another village's file.
    before = digest(b, xinghua)
    with pytest.raises(ServiceError, match="杏花村的台账"):
        b.take(a1_pkg.path)
    assert digest(b, xinghua) == before

    # Replies: each village gets its own records and the township's.
    for copy in (a1, a2, b):
        copy.take(
            t.export(stick / f"t-for-{copy.db.device.code}.vdx", peer=copy.db.device.code).path
        )
    assert (
        households(a1) == households(a2) == {"01-001": "张三丰", "01-002": "李四", "01-003": "王五"}
    )
    assert households(b) == {"01-001": "陈五", "01-002": "孙六"}
    assert cadre_names(b) == {"刘桂兰", "赵乡干"}
    with b.db.reading() as s:
        assert len(s.scalars(select(DiaryEntry.id)).all()) == 1  # the 包村干部's visit
    assert matters(b) == set()
    assert matters(a1) == matters(a2) == {"上级交办：核实桃花村河堤隐患", "申请危房改造补助"}
    for copy in (a1, a2):
        with copy.db.reading() as s:
            back = s.get(Matter, forwarded)
            assert (back.status, back.result) == ("result_returned", "已列入明年改造计划")
    assert len(open_conflicts(a1)) == len(open_conflicts(a2)) == 1
    assert open_conflicts(b) == []

    # 桃花村's office settles it; the settlement travels through the township.
    [conflict] = open_conflicts(a1)
    choice = "loser" if conflict.other == "13800000022" else "winner"
    services.sync.settle_conflict(a1.db, a_cadre, conflict.id, choice)
    t.take(a1.export(stick / "a1-settled.vdx").path)
    for copy in (a1, a2, b):
        copy.take(
            t.export(stick / f"t-for-{copy.db.device.code}-2.vdx", peer=copy.db.device.code).path
        )
    for copy in (a1, a2, t):
        assert open_conflicts(copy) == []
    assert phone_of(a1, "01-001") == phone_of(a2, "01-001") == "13800000022"
    assert digest(a1, taohua) == digest(a2, taohua) == digest(t, taohua)
    assert digest(b, xinghua) == digest(t, xinghua)
    with t.db.reading() as s:
        assert queries.rules.violations(s) == []
    # Nothing is left to send anywhere.
    for copy in (a1, a2, b):
        assert {p.pending for p in package.peers(copy.db)} == {0}
    # Their next files acknowledge what they got: the township is done too.
    for copy in (a1, a2, b):
        t.take(copy.export(stick / f"{copy.db.device.code}-ack.vdx").path)
    assert {p.pending for p in package.peers(t.db)} == {0}
    return a2
