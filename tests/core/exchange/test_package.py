"""Exchange files between copies: what a cadre carrying a USB stick relies on.

Each copy is a separate installation (its own config folder, so its own
signing key and device identity) on its own database file. Expected results
come from what was done on the copies (the same records everywhere, nothing
imported from a bad file), compared through the digest of every synced
record and the records themselves.
"""

from __future__ import annotations

import datetime as dt
import struct
import uuid

import pytest
from sqlalchemy import func, select

from tests.helpers import make_id
from village_desk.core import services
from village_desk.core.domain.errors import ServiceError
from village_desk.core.exchange import container, package
from village_desk.core.exchange.container import WrongPassphrase
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage import merge
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import (
    Change,
    ExchangePackage,
    Household,
    Person,
    VillageProfile,
)
from village_desk.core.storage.replica import IdentityStore

SECRET = "qingshan-2026"
VILLAGE = {"village": "桃花村", "township": "青山镇", "county": "隆回县"}
# The township office's database (乡镇汇总): holds its villages.
OFFICE = {"village": "", "township": "青山镇", "county": "隆回县", "township_office": True}


class Copy:
    """One installation with its database."""

    def __init__(self, tmp_path, name: str, url: str | None = None, **where):
        folder = tmp_path / name
        self.folder = folder
        self.db = Database.open(
            url or f"sqlite:///{folder / 'data.sqlite3'}",
            identities=IdentityStore(folder / "config"),
        )
        services.setup.initialize(self.db, **(where or VILLAGE))

    def export(self, out, **kw):
        return package.export_package(self.db, out, secret=SECRET, **kw)

    def take(self, path, *, trust=True, secret=SECRET):
        return package.import_package(self.db, path, secret=secret, confirm_new=(lambda _c: trust))

    @property
    def digest(self) -> str:
        return merge.digest(self.db)


@pytest.fixture
def a(tmp_path):
    return Copy(tmp_path, "laptop-a")


@pytest.fixture
def b(tmp_path):
    return Copy(tmp_path, "laptop-b")


def add_household(copy: Copy, number: str, name: str, phone: str = "") -> uuid.UUID:
    return services.households.create_household(
        copy.db,
        None,
        HouseholdInput(number=number, phone=phone),
        PersonInput(name=name, id_number=make_id("19600101", f"{int(number[-3:]):03d}")),
    )


def households(copy: Copy) -> dict[str, str]:
    """户号 → the head's name, of the live households."""
    with copy.db.reading() as s:
        rows = s.execute(
            select(Household.number, Person.name)
            .join(Person, Person.household_id == Household.id)
            .where(
                Household.deleted.is_(False), Person.relation == "head", Person.deleted.is_(False)
            )
        )
        return dict(rows.all())


def test_a_package_carries_a_villages_records_and_copies_agree_after_both_ways(a, b, tmp_path):
    add_household(a, "01-001", "张三丰")
    add_household(a, "01-002", "李四")
    add_household(b, "02-001", "王五")
    sent = a.export(tmp_path)
    assert sent.path.name.startswith("VD-THC-") and sent.path.suffix == ".vdx"
    assert sent.path.name.isascii()
    got = b.take(sent.path)
    assert not got.replay and got.new_key
    assert households(b) == {"01-001": "张三丰", "01-002": "李四", "02-001": "王五"}
    back = b.export(tmp_path)
    a.take(back.path)
    assert households(a) == households(b)
    assert a.digest == b.digest


def test_the_content_is_not_readable_without_the_passphrase(a, tmp_path):
    add_household(a, "01-001", "张三丰", phone="13812345678")
    path = a.export(tmp_path).path
    raw = path.read_bytes()
    for secret in ("张三丰", "13812345678", "01-001", "household"):
        assert secret.encode() not in raw


def test_watermarks_send_only_what_the_peer_has_not_acknowledged(a, b, tmp_path):
    add_household(a, "01-001", "张三丰")
    b.take(a.export(tmp_path / "1.vdx").path)
    # B's package acknowledges everything it received from A.
    a.take(b.export(tmp_path / "2.vdx").path)
    nothing_new = a.export(tmp_path / "3.vdx")
    assert nothing_new.changes == 0
    add_household(a, "01-002", "李四")
    with a.db.reading() as s:
        new_rows = s.scalar(
            select(func.count()).select_from(Change).where(Change.seq > nothing_new.to_seq)
        )
    later = a.export(tmp_path / "4.vdx")
    assert later.changes == new_rows > 0


def test_a_lost_package_is_covered_by_the_next_one(a, b, tmp_path):
    add_household(a, "01-001", "张三丰")
    b.take(a.export(tmp_path / "1.vdx").path)
    a.take(b.export(tmp_path / "2.vdx").path)
    add_household(a, "01-002", "李四")
    lost = a.export(tmp_path / "lost.vdx")  # never arrives
    add_household(a, "01-003", "王五")
    arrived = a.export(tmp_path / "3.vdx")
    assert arrived.from_seq == lost.from_seq  # still from what B acknowledged
    b.take(arrived.path)
    assert set(households(b)) == {"01-001", "01-002", "01-003"}


def test_a_replayed_package_changes_nothing_and_says_so(a, b, tmp_path):
    add_household(a, "01-001", "张三丰")
    path = a.export(tmp_path).path
    b.take(path)
    before = b.digest
    again = b.take(path)
    assert again.replay and again.imported_on
    assert b.digest == before
    with b.db.reading() as s:
        received = s.scalars(select(ExchangePackage).where(ExchangePackage.direction == "in"))
        assert len(received.all()) == 1


# --------------------------------------------------------------------------- refusals


def state(copy: Copy) -> tuple:
    """What a refused file must leave exactly as it was."""
    with copy.db.reading() as s:
        packages = s.scalar(select(func.count()).select_from(ExchangePackage))
        changes = s.scalar(select(func.count()).select_from(Change))
    return copy.digest, packages, changes, len(package.peers(copy.db))


@pytest.fixture
def sent(a, tmp_path):
    add_household(a, "01-001", "张三丰", phone="13812345678")
    add_household(a, "01-002", "李四")
    return a.export(tmp_path / "from-a.vdx").path


def refused(copy: Copy, path, match: str, **kw):
    before = state(copy)
    with pytest.raises(ServiceError, match=match):
        copy.take(path, **kw)
    assert state(copy) == before


def test_a_flipped_byte_is_refused_and_changes_nothing(b, sent):
    data = bytearray(sent.read_bytes())
    data[len(data) // 2] ^= 0x01
    sent.write_bytes(bytes(data))
    refused(b, sent, "已损坏或被改动过")


def test_a_changed_header_is_refused(b, sent):
    data = sent.read_bytes()
    # The same length, another township spelled in the plain header.
    tampered = data.replace("青山镇".encode(), "青云镇".encode(), 1)
    assert tampered != data
    sent.write_bytes(tampered)
    refused(b, sent, "青云镇的交换文件")  # refused before decrypting
    # Told it is for our township, it fails authentication instead.
    sent.write_bytes(data.replace(b'"app": "village-desk"', b'"app": "village-dusk"', 1))
    refused(b, sent, "已损坏或被改动过")


def test_a_truncated_file_is_refused(b, sent):
    data = sent.read_bytes()
    sent.write_bytes(data[: len(data) * 2 // 3])
    refused(b, sent, "不完整")
    sent.write_bytes(data[:6])
    refused(b, sent, "不是村务民情台账的交换文件")


def test_a_chunk_dropped_at_a_boundary_is_refused(a, b, tmp_path, monkeypatch):
    # A package of several (small) chunks, cut after a whole chunk.
    for n in range(1, 20):
        add_household(a, f"03-{n:03d}", f"户主{n:03d}", phone=f"139{n:08d}")
    monkeypatch.setattr(container, "CHUNK", 2048)
    path = a.export(tmp_path / "big.vdx", full=True).path
    monkeypatch.undo()
    data = path.read_bytes()
    header_end = 8 + struct.unpack(">I", data[4:8])[0]
    (word,) = struct.unpack(">I", data[header_end : header_end + 4])
    first_chunk_end = header_end + 4 + (word & 0x7FFFFFFF)
    assert first_chunk_end < len(data)
    path.write_bytes(data[:first_chunk_end])
    refused(b, path, "不完整")


def test_a_wrong_passphrase_is_refused_as_such(b, sent):
    before = state(b)
    with pytest.raises(WrongPassphrase, match="交换口令不对"):
        b.take(sent, secret="another-township-secret")
    assert state(b) == before


def test_a_package_of_another_township_is_refused(tmp_path, b):
    other = Copy(tmp_path, "other", village="白云村", township="白云镇", county="隆回县")
    add_household(other, "01-001", "赵六")
    path = other.export(tmp_path / "other.vdx").path
    refused(b, path, "白云镇的交换文件")


def test_a_newer_file_format_is_refused_with_advice_to_upgrade(b, sent):
    data = bytearray(sent.read_bytes())
    data[3] = container.FORMAT + 1
    sent.write_bytes(bytes(data))
    refused(b, sent, "更新版本.*请先升级")


def test_a_package_from_a_newer_schema_is_refused(a, b, sent, tmp_path, monkeypatch):
    monkeypatch.setattr(package, "HEAD", "0099")
    newer = a.export(tmp_path / "newer.vdx", full=True).path
    monkeypatch.undo()
    refused(b, newer, "数据结构 0099")


def test_an_unknown_device_is_imported_only_after_its_fingerprint_is_confirmed(a, b, sent):
    before = state(b)
    with pytest.raises(package.NotConfirmed, match=package.own_fingerprint(a.db)):
        package.import_package(b.db, sent, secret=SECRET)  # nobody to ask
    refused(b, sent, "还没有确认过", trust=False)
    assert state(b) == before
    b.take(sent, trust=True)
    assert "01-001" in households(b)


def test_a_revoked_laptop_is_refused(a, b, sent, tmp_path):
    b.take(sent)
    [peer] = package.peers(b.db)
    assert package.revoke(b.db, peer.code) == [package.own_fingerprint(a.db)]
    add_household(a, "01-003", "王五")
    later = a.export(tmp_path / "later.vdx", full=True).path
    refused(b, later, "已停用")


def test_a_package_signed_by_another_key_than_it_claims_is_refused(
    a, b, sent, tmp_path, monkeypatch
):
    b.take(sent)  # B knows A's key
    mallory = Copy(tmp_path, "mallory")
    add_household(mallory, "09-001", "冒充")
    claim = package.this_copy(a.db)
    monkeypatch.setattr(package, "this_copy", lambda _db: claim)
    forged = mallory.export(tmp_path / "forged.vdx", full=True).path
    monkeypatch.undo()
    refused(b, forged, "签名不对")


def test_a_copys_own_package_is_not_imported_into_it(a, sent):
    refused(a, sent, "本机自己导出")


def test_a_package_for_an_empty_copy_brings_a_whole_village(tmp_path):
    from village_desk import demo

    village = Copy.__new__(Copy)
    village.folder = tmp_path / "v"
    village.db = Database.open(
        f"sqlite:///{village.folder / 'data.sqlite3'}",
        identities=IdentityStore(village.folder / "config"),
    )
    demo.generate(village.db, households=30, seed=2, today=dt.date(2026, 11, 20))
    township = Copy(tmp_path, "t", **OFFICE)
    got = township.take(village.export(tmp_path / "v.vdx", full=True).path)
    assert got.sync.merge.pending == 0
    back = township.export(tmp_path / "t.vdx")
    village.take(back.path)
    with village.db.reading() as s:
        (vid,) = s.scalars(select(VillageProfile.id)).all()
    assert merge.digest(village.db) == merge.digest(township.db, village=vid)
    assert merge.digest(township.db) != merge.digest(township.db, village=vid)


def test_a_cancelled_import_changes_nothing_and_can_be_redone(tmp_path, monkeypatch):
    from village_desk import demo
    from village_desk.core.jobs import Cancelled, Job

    village = Copy.__new__(Copy)
    village.folder = tmp_path / "v"
    village.db = Database.open(
        f"sqlite:///{village.folder / 'data.sqlite3'}",
        identities=IdentityStore(village.folder / "config"),
    )
    demo.generate(village.db, households=60, seed=4, today=dt.date(2026, 11, 20))
    path = village.export(tmp_path / "v.vdx", full=True).path
    township = Copy(tmp_path, "t", **OFFICE)
    before = state(township)
    monkeypatch.setattr(package, "_READ_ROWS", 500)  # progress every 500 rows
    stages = []

    def progress(stage: str, _fraction: float) -> None:
        stages.append(stage)
        if stage == "正在合并" and len(stages) > 3:  # midway through the rows
            job.cancel()

    job = Job(progress)
    with pytest.raises(Cancelled):
        package.import_package(
            township.db, path, secret=SECRET, confirm_new=lambda _c: True, job=job
        )
    assert stages.count("正在合并") >= 2
    assert state(township) == before
    township.take(path)
    assert merge.digest(township.db) != before[0]


def test_a_senders_key_is_new_then_known_then_revoked(a, b, sent):
    checked = package.check_package(sent, SECRET, township=package.township_of(b.db))
    assert package.township_of(b.db) == "青山镇"
    assert package.key_state(b.db, checked) == "new"
    b.take(sent)
    assert package.key_state(b.db, checked) == "known"
    package.revoke(b.db, package.peers(b.db)[0].code)
    assert package.key_state(b.db, checked) == "revoked"
