"""A village's week of exchange files, as it happens (DOMAIN.md §7).

Two laptops of 桃花村 (A1 at the village office, A2 with the 网格员) and the
township office (T), each its own installation. Households are registered on
A1 and reach A2 through the township; both laptops then edit the same
household offline; packages travel on a stick in a realistic order — one is
lost, one is imported twice; the township's replies carry everything back;
the conflict is settled on one laptop and the settlement travels too. In the
end every copy holds the same records (equal digests) and nothing was lost.
"""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image
from sqlalchemy import select

from tests.core.exchange.test_package import Copy, add_household, households
from tests.core.storage.postgres_server import PostgresServer
from village_desk.core import queries, services
from village_desk.core.services.households import HouseholdInput
from village_desk.core.services.ledger import MatterInput
from village_desk.core.storage.blobs import ENV_FOLDER
from village_desk.core.storage.models import Household, Matter


def phone_of(copy: Copy, number: str) -> str:
    with copy.db.reading() as s:
        return s.scalar(select(Household.phone).where(Household.number == number))


def set_phone(copy: Copy, hid, phone: str) -> None:
    h = copy.db.read(queries.households.household, hid)
    services.households.update_household(
        copy.db,
        None,
        hid,
        HouseholdInput(number=h.number, group_id=h.group_id, phone=phone, categories=h.categories),
    )


def village_digest(copy: Copy) -> str:
    """The digest of 桃花村's records (the township office holds its own too)."""
    from village_desk.core.storage.merge import digest
    from village_desk.core.storage.models import VillageProfile

    with copy.db.reading() as s:
        village = s.scalar(select(VillageProfile.id).where(VillageProfile.village == "桃花村"))
    return digest(copy.db, village=village)


def open_conflicts(copy: Copy):
    return copy.db.read(queries.sync.open_conflicts)


@pytest.fixture(scope="module")
def server():
    srv = PostgresServer()
    yield srv
    srv.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def township_url(request):
    """The township office's database: a file, or a PostgreSQL server."""
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("server").new_database()


def test_two_laptops_and_the_township_end_with_the_same_records(
    tmp_path, township_url, monkeypatch
):
    # (a township server keeps attached files in a folder it is told)
    monkeypatch.setenv(ENV_FOLDER, str(tmp_path / "township-files"))
    a1, a2 = Copy(tmp_path, "a1"), Copy(tmp_path, "a2")
    t = Copy(
        tmp_path,
        "township",
        url=township_url,
        village="",
        township="青山镇",
        county="隆回县",
        township_office=True,
    )
    try:
        a_week_of_exchange(tmp_path, a1, a2, t)
    finally:
        for copy in (a1, a2, t):
            copy.db.close()


def a_week_of_exchange(tmp_path, a1: Copy, a2: Copy, t: Copy) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()

    # Monday: A1 registers the village; the township gets it and passes it on.
    cadre = services.setup.add_cadre(a1.db, None, "王建国", "secretary", "13907310001")
    hid = add_household(a1, "01-001", "张三丰", phone="13800000001")
    add_household(a1, "01-002", "李四")
    t.take(a1.export(stick).path)
    a2.take(t.export(stick / "t-for-a2.vdx", full=True, village="桃花村").path)
    assert households(a2) == {"01-001": "张三丰", "01-002": "李四"}

    # Tuesday, offline: both laptops change the same household's phone; A2
    # also records a matter.
    set_phone(a1, hid, "13800000011")
    set_phone(a2, hid, "13800000022")
    matter = services.ledger.register_matter(
        a2.db,
        cadre,
        MatterInput(
            content="申请危房改造补助",
            responsible_id=cadre,
            household_id=hid,
            applicant_name="张三丰",
            kind="hardship",
        ),
    )
    # with a photo of the house taken on the visit
    jpeg = io.BytesIO()
    Image.new("RGB", (640, 480), "gray").save(jpeg, "JPEG")
    house = services.attachments.prepare_bytes(jpeg.getvalue(), "危房.jpg")
    services.attachments.add_prepared(a2.db, cadre, "matter", matter, house, caption="房屋现状")

    # A2's first package is lost on the way; its next one covers it.
    lost = a2.export(stick / "a2-lost.vdx")
    add_household(a2, "01-003", "王五")
    a2_second = a2.export(stick / "a2-second.vdx")
    assert a2_second.from_seq == lost.from_seq
    a1_package = a1.export(stick / "a1.vdx")

    # Wednesday at the township: A1's package is imported twice by mistake.
    t.take(a1_package.path)
    assert t.take(a1_package.path).replay
    t.take(a2_second.path)
    assert len(open_conflicts(t)) == 1  # the phone, changed on both laptops
    [conflict] = open_conflicts(t)
    assert {conflict.current, conflict.other} == {"13800000011", "13800000022"}

    # Thursday: the replies go back to both laptops.
    a1.take(t.export(stick / "t-for-a1.vdx", peer=a1.db.device.code).path)
    a2.take(t.export(stick / "t-for-a2-2.vdx", peer=a2.db.device.code).path)
    for copy in (a1, a2, t):
        assert set(households(copy)) == {"01-001", "01-002", "01-003"}
        assert len(open_conflicts(copy)) == 1
        with copy.db.reading() as s:
            assert s.scalars(select(Matter.content)).all() == ["申请危房改造补助"]
    assert village_digest(a1) == village_digest(a2) == village_digest(t)

    # Friday: the village office settles it — the 网格员's number is right.
    [conflict] = open_conflicts(a1)
    choice = "loser" if conflict.other == "13800000022" else "winner"
    services.sync.settle_conflict(a1.db, None, conflict.id, choice)
    assert phone_of(a1, "01-001") == "13800000022"
    t.take(a1.export(stick / "a1-settled.vdx").path)
    a2.take(t.export(stick / "t-for-a2-3.vdx", peer=a2.db.device.code).path)
    a1.take(t.export(stick / "t-for-a1-2.vdx", peer=a1.db.device.code).path)

    for copy in (a1, a2, t):
        assert phone_of(copy, "01-001") == "13800000022"
        assert open_conflicts(copy) == []
        # the photo reached every copy, byte for byte
        files = queries.attachments.store(copy.db)
        assert files.read(hashlib.sha256(house.data).hexdigest()) == house.data
    assert village_digest(a1) == village_digest(a2) == village_digest(t)
    # Nothing is left to send anywhere.
    for copy in (a1, a2):
        assert [p.pending for p in services_peers(copy)] == [0]


def services_peers(copy: Copy):
    from village_desk.core.exchange.package import peers

    return peers(copy.db)
