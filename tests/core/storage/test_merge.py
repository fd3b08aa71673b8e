"""Merging changes between copies of a village's data (the sync engine's core).

Each test forks one seeded database into copies the way users do (copying the
data folder: the copy becomes a new device), lets them change things offline,
exchanges their journals and checks what a cadre would see afterwards.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
import uuid

import pytest
from sqlalchemy import func, select

from tests.helpers import make_id
from village_desk.core import queries, services
from village_desk.core.domain.errors import ServiceError, ValidationError
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.services.ledger import MatterInput
from village_desk.core.storage import merge, replica
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import (
    Change,
    DiaryItem,
    Household,
    Matter,
    Person,
    SyncConflict,
    SyncPending,
)

TODAY = dt.date.today()


def open_db(path) -> Database:
    return Database.open(f"sqlite:///{path}")


@pytest.fixture
def seed(tmp_path):
    """A village with one household and a cadre, as a file to copy."""
    path = tmp_path / "seed.sqlite3"
    db = open_db(path)
    services.setup.initialize(db, village="桃花村", township="青山镇", county="隆回县")
    cadre = services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001")
    hid = services.households.create_household(
        db,
        cadre,
        HouseholdInput(number="01-001", categories=["dibao"], phone="13800000000"),
        PersonInput(name="张三丰", id_number=make_id("19580312", "131")),
    )
    db.close()
    return {"path": path, "cadre": cadre, "household": hid}


def fork(seed, tmp_path, name: str) -> Database:
    target = tmp_path / f"{name}.sqlite3"
    shutil.copy(seed["path"], target)
    return open_db(target)


def exchange(a: Database, b: Database) -> None:
    """Both ways, everything each has (duplicates are expected and harmless)."""
    merge.merge(b, merge.export_changes(a))
    merge.merge(a, merge.export_changes(b))


def household(db, hid):
    return db.read(queries.households.household, hid)


def conflicts(db) -> list[tuple]:
    with db.reading() as s:
        return sorted(
            (c.entity, c.field, c.kind, json.loads(c.winner_value), json.loads(c.loser_value))
            for c in s.scalars(select(SyncConflict))
        )


# --------------------------------------------------------------------------- identity


def fork_taking(seed, tmp_path, name: str, monkeypatch, index: int) -> Database:
    """A copy whose random laptop letter is the ``index``-th free one (the
    choice is random: two copies of one folder pick theirs independently)."""
    with monkeypatch.context() as patch:
        patch.setattr(replica.secrets, "choice", lambda seq: list(seq)[index])
        return fork(seed, tmp_path, name)


def register_in_both(seed, a: Database, b: Database) -> list[str]:
    numbers = []
    for db in (a, b):
        mid = services.ledger.register_matter(
            db,
            None,
            MatterInput(
                content="路灯坏了",
                responsible_id=seed["cadre"],
                household_id=seed["household"],
                kind="hardship",
                applicant_name="张三丰",
            ),
        )
        numbers.append(db.read(queries.matters.matter, mid).number)
    return numbers


def test_a_copied_folder_is_a_new_device_and_numbers_do_not_clash(seed, tmp_path, monkeypatch):
    a = fork_taking(seed, tmp_path, "a", monkeypatch, 0)
    b = fork_taking(seed, tmp_path, "b", monkeypatch, -1)
    assert a.device.id != b.device.id and a.device.code != b.device.code
    assert a.device.code[:2] == b.device.code[:2]  # the village part stays
    numbers = register_in_both(seed, a, b)
    exchange(a, b)
    with a.reading() as s:
        assert sorted(s.scalars(select(Matter.number))) == sorted(numbers)
        assert not [v for v in queries.rules.violations(s) if v.kind == "matter_number"]
    assert numbers[0] != numbers[1]
    assert merge.digest(a) == merge.digest(b)


def test_two_copies_that_drew_the_same_letter_get_their_clash_in_the_rules_queue(
    seed, tmp_path, monkeypatch
):
    """Copies made apart cannot agree on a letter: on the same one (1 in 32)
    their next numbers are equal, and the merge must say so, not hide one."""
    a = fork_taking(seed, tmp_path, "a", monkeypatch, 0)
    b = fork_taking(seed, tmp_path, "b", monkeypatch, 0)
    assert a.device.id != b.device.id and a.device.code == b.device.code
    numbers = register_in_both(seed, a, b)
    assert numbers[0] == numbers[1]
    exchange(a, b)
    for db in (a, b):
        with db.reading() as s:
            assert sorted(s.scalars(select(Matter.number))) == numbers  # both kept
            clashes = [v for v in queries.rules.violations(s) if v.kind == "matter_number"]
        assert len(clashes) == 1 and numbers[0] in str(clashes[0])


def test_a_restored_backup_becomes_a_new_device(seed, tmp_path):
    path = tmp_path / "village.sqlite3"
    shutil.copy(seed["path"], path)
    db = open_db(path)
    first = db.device.id
    db.close()
    backup = tmp_path / "backup.sqlite3"
    shutil.copy(path, backup)
    db = open_db(path)
    assert db.device.id == first  # the same folder, reopened: the same device
    services.setup.add_group(db, None, "二组")  # written after the backup
    db.close()
    shutil.copy(backup, path)  # the user restores the backup in place
    restored = open_db(path)
    assert restored.device.id != first
    assert "备份" in restored.identity.rekeyed


def test_a_moved_folder_keeps_its_identity(seed, tmp_path):
    path = tmp_path / "old" / "village.sqlite3"
    path.parent.mkdir()
    shutil.copy(seed["path"], path)
    db = open_db(path)
    device = db.device.id
    db.close()
    moved = tmp_path / "new" / "village.sqlite3"
    moved.parent.mkdir()
    shutil.move(path, moved)
    again = open_db(moved)
    assert again.device.id == device and not again.identity.rekeyed


def test_two_laptops_set_up_separately_merge_without_collisions(tmp_path):
    one, two = open_db(tmp_path / "one.sqlite3"), open_db(tmp_path / "two.sqlite3")
    for db in (one, two):
        services.setup.initialize(db, village="桃花村", township="青山镇", county="隆回县")
    services.setup.save_settings(one, None, {"due_soon_days": 5})
    exchange(one, two)
    for db in (one, two):
        with db.reading() as s:
            assert len(queries.reference.vocabulary(s, "household_category")) == 21
            assert queries.reference.get_setting(s, "due_soon_days") == 5
            assert s.scalar(select(func.count()).select_from(SyncPending)) == 0
    assert merge.digest(one) == merge.digest(two)


# --------------------------------------------------------------------------- merging


def test_concurrent_list_additions_both_survive(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    hid = seed["household"]
    services.households.update_household(
        a, None, hid, HouseholdInput(number="01-001", categories=["dibao", "weifang"])
    )
    services.households.update_household(
        b, None, hid, HouseholdInput(number="01-001", categories=["disabled"])
    )  # B added 残疾人 and removed 低保
    exchange(a, b)
    for db in (a, b):
        assert set(household(db, hid).categories) == {"weifang", "disabled"}
    assert merge.digest(a) == merge.digest(b)


def test_the_same_field_changed_on_two_copies_keeps_the_losing_value(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    hid = seed["household"]
    services.households.update_household(
        a, None, hid, HouseholdInput(number="01-001", phone="13800000001", categories=["dibao"])
    )
    time.sleep(0.002)
    services.households.update_household(
        b, None, hid, HouseholdInput(number="01-001", phone="13800000002", categories=["dibao"])
    )
    exchange(a, b)
    assert household(a, hid).phone == household(b, hid).phone == "13800000002"  # newer wins
    assert (
        conflicts(a)
        == conflicts(b)
        == [("household", "phone", "value", "13800000002", "13800000001")]
    )


def test_an_edit_after_a_change_it_had_seen_is_no_conflict(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    hid = seed["household"]
    services.households.update_household(
        a, None, hid, HouseholdInput(number="01-001", phone="13800000001", categories=["dibao"])
    )
    exchange(a, b)
    services.households.update_household(
        b, None, hid, HouseholdInput(number="01-001", phone="13800000002", categories=["dibao"])
    )
    exchange(a, b)
    assert household(a, hid).phone == "13800000002"
    assert conflicts(a) == conflicts(b) == []


def test_an_edit_concurrent_with_a_delete_is_a_conflict_not_a_silent_loss(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    hid = seed["household"]
    services.households.delete_household(a, None, hid)
    time.sleep(0.002)
    services.households.update_household(
        b, None, hid, HouseholdInput(number="01-001", phone="13800000009", categories=["dibao"])
    )
    exchange(a, b)
    for db in (a, b):
        h = household(db, hid)
        assert h.deleted and h.phone == "13800000009"  # deleted, and the edit is not lost
    assert ("household", "deleted", "deleted", True, False) in conflicts(a)
    assert conflicts(a) == conflicts(b)


def test_a_delete_that_had_not_seen_an_edit_is_a_conflict(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    hid = seed["household"]
    services.households.update_household(
        b, None, hid, HouseholdInput(number="01-001", phone="13800000009", categories=["dibao"])
    )
    time.sleep(0.002)
    services.households.delete_household(a, None, hid)
    exchange(a, b)
    found = conflicts(a)
    assert ("household", "phone", "deleted", None, "13800000009") in found
    assert found == conflicts(b)
    assert household(a, hid).phone == "13800000009"  # still there, for a restore


def test_a_matters_state_merges_as_one_group(seed, tmp_path):
    """办结 on one laptop, 退回 on another: the result is one of the two
    reachable states, never 退回 with a result and a done date."""
    db = open_db(seed["path"])
    mid = services.ledger.register_matter(
        db,
        None,
        MatterInput(
            content="修路",
            responsible_id=seed["cadre"],
            household_id=seed["household"],
            kind="hardship",
            applicant_name="张三丰",
        ),
    )
    services.ledger.apply_action(db, None, mid, "start")
    db.close()
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    services.ledger.apply_action(a, None, mid, "complete", text="已修好")
    time.sleep(0.002)
    services.ledger.apply_action(b, None, mid, "return", reasons=["不属于本村道路"])
    exchange(a, b)
    for db in (a, b):
        m = db.read(queries.matters.matter, mid)
        assert (m.status, m.result, m.done_date, m.handling) == ("returned", "", None, "returned")
    groups = [c for c in conflicts(a) if c[1] == "state"]
    assert len(groups) == 1 and groups[0][4]["status"] == "done"  # 办结 kept for a person
    assert merge.digest(a) == merge.digest(b)


def test_records_whose_parent_has_not_arrived_wait_for_it(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    hid = services.households.create_household(
        a, None, HouseholdInput(number="01-002"), PersonInput(name="李四")
    )
    changes = merge.export_changes(a)
    people = [c for c in changes if c["entity"] == "person"]
    rest = [c for c in changes if c["entity"] != "person"]
    merge.merge(b, people)  # the member arrives before its household
    with b.reading() as s:
        assert s.scalar(select(func.count()).select_from(SyncPending)) == 1
    assert household(b, hid) is None
    merge.merge(b, rest)
    with b.reading() as s:
        assert s.scalar(select(func.count()).select_from(SyncPending)) == 0
        assert [m.name for m in queries.households.members(s, hid)] == ["李四"]
        assert [h.name for h in queries.search.search(s, "李四")] == ["李四"]  # derived too
    assert merge.digest(a) == merge.digest(b)


def test_far_future_stamps_are_held_until_a_person_accepts_them(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    gid = services.setup.add_group(a, None, "未来组")
    future = [c for c in merge.export_changes(a) if c["entity"] == "villager_group"]
    ms = int(time.time() * 1000) + 365 * 24 * 3600 * 1000  # a laptop a year ahead
    for c in future:
        c["hlc"] = f"{ms:013d}" + c["hlc"][13:]
    report = merge.merge(b, future)
    assert report.quarantined == 1 and report.recorded == 0
    assert not [g for g in b.read(queries.reference.groups) if g.id == gid]
    assert b.clock.current() < future[0]["hlc"]  # our clock was not dragged along
    assert len(merge.quarantined(b)) == 1
    merge.accept_quarantined(b)
    assert [g.name for g in b.read(queries.reference.groups) if g.id == gid] == ["未来组"]
    assert merge.quarantined(b) == []


def test_a_bad_row_is_refused_by_its_place_and_nothing_changes(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    services.setup.add_group(a, None, "二组")
    rows = merge.export_changes(a)
    before = merge.digest(b)
    broken = rows[:3] + [dict(rows[3], op="explode")] + rows[4:]
    with pytest.raises(ServiceError, match="第 4 条变更"):
        merge.merge(b, broken)
    unknown = [dict(rows[0], entity="nonsense")]
    with pytest.raises(ServiceError, match="nonsense"):
        merge.merge(b, unknown)
    assert merge.digest(b) == before


# --------------------------------------------------------------------------- watermark


def test_the_sequence_follows_commit_order_so_a_watermark_skips_nothing(seed, tmp_path):
    """Writers in several threads; an exporter that keeps taking 'everything
    after the last sequence number I sent' gets every change exactly once."""
    import threading

    db = fork(seed, tmp_path, "busy")
    sent: list[dict] = []
    watermark = [0]
    done = threading.Event()

    def writer(n: int) -> None:
        for k in range(15):
            services.setup.add_group(db, None, f"{n}-{k}组")

    def exporter() -> None:
        while not done.is_set():
            with db.reading() as s:
                rows = list(
                    s.execute(
                        select(Change.id, Change.seq, Change.hlc)
                        .where(Change.seq > watermark[0])
                        .order_by(Change.seq)
                    )
                )
            if rows:
                sent.extend({"id": r.id, "seq": r.seq, "hlc": r.hlc} for r in rows)
                watermark[0] = rows[-1].seq

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    reader = threading.Thread(target=exporter)
    reader.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join()
    with db.reading() as s:
        everything = list(s.execute(select(Change.id, Change.seq, Change.hlc).order_by(Change.seq)))
    late = [r for r in everything if r.seq > watermark[0]]
    got = [r["id"] for r in sent] + [r.id for r in late]
    assert sorted(map(str, got)) == sorted(
        str(r.id) for r in everything
    )  # none skipped, none twice
    mine = [r.hlc for r in everything if r.hlc.endswith(db.device.id.hex)]
    assert mine == sorted(mine)  # this device's stamps follow commit order
    assert [r.seq for r in everything] == list(range(1, len(everything) + 1))


def test_merging_the_same_changes_again_changes_nothing(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    services.setup.add_group(a, None, "二组")
    rows = merge.export_changes(a)
    first = merge.merge(b, rows)
    again = merge.merge(b, list(reversed(rows)) + rows)
    assert first.recorded > 0 and again.recorded == 0 and again.applied == 0
    assert merge.digest(a) == merge.digest(b)
    assert uuid.UUID(str(b.device.id)) != a.device.id


# --------------------------------------------------------------------------- rules


def test_rules_broken_together_by_two_copies_go_to_the_queue(seed, tmp_path):
    """Both laptops register 户号 01-002, and each makes a different member
    head of the seeded household: the merge succeeds and lists both breaks."""
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    hid = seed["household"]
    for db, name in ((a, "王五"), (b, "赵六")):
        services.households.create_household(
            db, None, HouseholdInput(number="01-002"), PersonInput(name=name)
        )
    head = db_members(a, hid)[0]
    services.households.add_person(a, None, hid, PersonInput(name="张小", relation="child"))
    # on B, the head is changed to another relation and a new head added
    services.households.update_person(
        b, None, head.id, PersonInput(name=head.name, relation="spouse", id_number=head.id_number)
    )
    services.households.add_person(b, None, hid, PersonInput(name="张大", relation="head"))
    services.households.update_person(
        a, None, head.id, PersonInput(name=head.name, relation="head", id_number=head.id_number)
    )
    report = services.sync.merge_changes(b, merge.export_changes(a))
    kinds = sorted(v.kind for v in report.violations)
    assert "household_number" in kinds
    assert str(next(v for v in report.violations if v.kind == "household_number")).startswith(
        "户号重复：户号 01-002"
    )
    merge.merge(a, merge.export_changes(b))
    assert sorted(v.kind for v in a.read(queries.rules.violations)) == kinds


def test_a_matter_number_clash_is_reported_with_both_numbers_kept(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    b.rename_device(b.device.name, a.device.code)  # two laptops given the same code
    for db in (a, b):
        services.ledger.register_matter(
            db,
            None,
            MatterInput(
                content="路灯坏了",
                responsible_id=seed["cadre"],
                household_id=seed["household"],
                kind="hardship",
                applicant_name="张三丰",
            ),
        )
    report = services.sync.merge_changes(a, merge.export_changes(b))
    clash = [v for v in report.violations if v.kind == "matter_number"]
    assert len(clash) == 1 and len(clash[0].record_ids) == 2
    with a.reading() as s:
        assert s.scalar(select(func.count()).select_from(Matter)) == 2  # both kept


def test_a_demo_village_breaks_no_rule(tmp_path):
    from village_desk import demo

    db = open_db(tmp_path / "demo.sqlite3")
    demo.generate(db, households=60, seed=5)
    assert db.read(queries.rules.violations) == []


def test_a_whole_village_merged_into_an_empty_copy_in_one_go_holds_every_record(tmp_path):
    """Diary items point at the matters they became and matters at the items
    they came from: a record whose parent comes later in the same merge must
    not be left waiting (a township receiving a village's first package)."""
    from village_desk import demo

    village = open_db(tmp_path / "village.sqlite3")
    demo.generate(village, households=40, seed=3)
    with village.reading() as s:
        linked = s.scalar(
            select(func.count()).select_from(DiaryItem).where(DiaryItem.matter_id.is_not(None))
        )
    assert linked > 0  # the case this test is about is in the demo
    township = open_db(tmp_path / "township.sqlite3")
    report = merge.merge(township, merge.export_changes(village))
    assert report.pending == 0
    with township.reading() as s:
        assert s.scalar(select(func.count()).select_from(SyncPending)) == 0
    assert merge.digest(township) == merge.digest(village)


def db_members(db, hid):
    return db.read(queries.households.members, hid)


# --------------------------------------------------------------------------- stale forms


def test_a_form_opened_before_a_merge_does_not_write_old_values_back(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    hid = seed["household"]
    form = household(a, hid)  # A opens the household's edit form
    services.households.update_household(
        b, None, hid, HouseholdInput(number="01-001", phone="13800000002", categories=["dibao"])
    )
    merge.merge(a, merge.export_changes(b))  # B's new phone arrives meanwhile
    # A only changes the address and adds a category; the form still shows the old phone
    services.households.update_household(
        a,
        None,
        hid,
        HouseholdInput(
            number=form.number,
            phone=form.phone,
            address="桃花村一组8号",
            categories=[*form.categories, "weifang"],
        ),
        base=form._mapping,
    )
    h = household(a, hid)
    assert (h.phone, h.address) == ("13800000002", "桃花村一组8号")
    assert h.categories == ["dibao", "weifang"]
    exchange(a, b)
    assert conflicts(a) == []  # nothing was overwritten unseen


def test_a_field_changed_underneath_and_in_the_form_is_shown_not_overwritten(seed, tmp_path):
    db = fork(seed, tmp_path, "a")
    hid = seed["household"]
    form = household(db, hid)
    services.households.update_household(
        db, None, hid, HouseholdInput(number="01-001", phone="13800000002", categories=["dibao"])
    )  # saved from another page meanwhile
    with pytest.raises(ServiceError) as err:
        services.households.update_household(
            db,
            None,
            hid,
            HouseholdInput(number=form.number, phone="13800000003", categories=form.categories),
            base=form._mapping,
        )
    assert err.value.field == "household.phone" and "13800000002" in err.value.message
    assert "刚被别处修改" in err.value.message
    assert household(db, hid).phone == "13800000002"


def test_a_copy_keeps_the_village_code_and_takes_a_free_laptop_letter(seed, tmp_path):
    db = open_db(seed["path"])
    db.rename_device(db.device.name, "K7A")  # the township gave 桃花村 K7; this laptop is A
    services.ledger.register_matter(
        db,
        None,
        MatterInput(
            content="修路",
            responsible_id=seed["cadre"],
            household_id=seed["household"],
            kind="hardship",
            applicant_name="张三丰",
        ),
    )
    db.close()
    copies = [fork(seed, tmp_path, name) for name in ("one", "two", "three")]
    codes = [c.device.code for c in copies]
    # Copies that never met may draw the same letter: a clash the rules report.
    assert all(code.startswith("K7") and code != "K7A" for code in codes)


# --------------------------------------------------------------------------- settling


def phone_clash(seed, tmp_path):
    """B's phone (newer) wins over A's; A's is kept as the losing value."""
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    hid = seed["household"]
    services.households.update_household(
        a, None, hid, HouseholdInput(number="01-001", phone="13800000001", categories=["dibao"])
    )
    time.sleep(0.002)
    services.households.update_household(
        b, None, hid, HouseholdInput(number="01-001", phone="13800000002", categories=["dibao"])
    )
    exchange(a, b)
    return a, b, hid


def test_open_conflicts_say_which_record_and_both_values_in_words(seed, tmp_path):
    a, _b, _hid = phone_clash(seed, tmp_path)
    [c] = a.read(queries.sync.open_conflicts)
    assert c.what == "户 01-001 张三丰"
    assert c.field_label == "家庭电话"
    assert (c.current, c.other) == ("13800000002", "13800000001")
    assert a.read(queries.sync.open_conflict_count) == 1


def test_keeping_the_losing_value_writes_it_and_every_copy_stops_listing_it(seed, tmp_path):
    a, b, hid = phone_clash(seed, tmp_path)
    [c] = a.read(queries.sync.open_conflicts)
    services.sync.settle_conflict(a, seed["cadre"], c.id, "loser")
    assert household(a, hid).phone == "13800000001"  # the value that had lost
    assert a.read(queries.sync.open_conflicts) == []
    assert len(b.read(queries.sync.open_conflicts)) == 1  # until B gets the settlement
    exchange(a, b)
    for db in (a, b):
        assert household(db, hid).phone == "13800000001"
        assert db.read(queries.sync.open_conflicts) == []
    assert merge.digest(a) == merge.digest(b)
    with pytest.raises(ServiceError):  # settled once, on any copy
        services.sync.settle_conflict(b, None, c.id, "winner")


def test_keeping_the_current_value_changes_no_record(seed, tmp_path):
    a, b, hid = phone_clash(seed, tmp_path)
    before = household(a, hid)
    [c] = a.read(queries.sync.open_conflicts)
    services.sync.settle_conflict(a, None, c.id, "winner")
    assert household(a, hid) == before
    exchange(a, b)
    assert b.read(queries.sync.open_conflicts) == []
    assert household(b, hid).phone == "13800000002"


def test_an_edit_that_lost_to_a_deletion_can_bring_the_record_back(seed, tmp_path):
    a, b = fork(seed, tmp_path, "a"), fork(seed, tmp_path, "b")
    hid = seed["household"]
    services.households.delete_household(a, None, hid)
    time.sleep(0.002)
    services.households.update_household(
        b, None, hid, HouseholdInput(number="01-001", phone="13800000009", categories=["dibao"])
    )
    exchange(a, b)
    [c] = [c for c in b.read(queries.sync.open_conflicts) if c.field == "deleted"]
    assert c.current == "已删除"
    services.sync.settle_conflict(b, None, c.id, "loser")
    exchange(a, b)
    for db in (a, b):
        h = household(db, hid)
        assert not h.deleted and h.phone == "13800000009"


def test_a_bad_settlement_changes_nothing(seed, tmp_path):
    a, _b, hid = phone_clash(seed, tmp_path)
    [c] = a.read(queries.sync.open_conflicts)
    with pytest.raises(ValidationError):
        services.sync.settle_conflict(a, None, c.id, "both")
    with pytest.raises(ServiceError):
        services.sync.settle_conflict(a, None, uuid.uuid4(), "winner")
    assert a.read(queries.sync.open_conflict_count) == 1
    assert household(a, hid).phone == "13800000002"


def test_control_characters_from_another_copy_are_cleaned_the_same_everywhere(seed, tmp_path):
    """A change from another copy (an older version, a file made by hand)
    carrying control, bidi or zero-width characters is applied and journaled
    cleaned — the same way on every copy, so the copies stay equal."""
    a, b, c = (fork(seed, tmp_path, n) for n in "abc")
    hid = services.households.create_household(
        a,
        seed["cadre"],
        HouseholdInput(number="01-002", address="桃花村一组 2号", notes="第一行\n第二行"),
        PersonInput(name="李四"),
    )
    rows = merge.export_changes(a)
    for row in rows:
        changes = json.loads(row["changes"])
        if row["entity"] == "person" and changes["name"][1] == "李四":
            changes["name"][1] = "\u200b李\x01四\u202e"
        elif row["entity"] == "household" and row["record_id"] == str(hid):
            changes["address"][1] = "桃花村\x1b一组\t2号"
            changes["notes"][1] = "第一行\r\n\x7f第二行\ufeff"
        else:
            continue
        row["changes"] = changes  # a parsed object, as an exchange file may hold it
    merge.merge(b, rows)
    as_text = [
        dict(r, changes=r["changes"] if isinstance(r["changes"], str) else json.dumps(r["changes"]))
        for r in rows
    ]
    merge.merge(c, as_text)
    for copy in (b, c):
        with copy.reading() as s:
            h = s.get(Household, hid)
            assert [
                p.name for p in s.scalars(select(Person).where(Person.household_id == hid))
            ] == ["李四"]
            assert (h.address, h.notes) == ("桃花村一组 2号", "第一行\n第二行")
            logged = s.scalars(select(Change.changes).where(Change.entity == "person")).all()
            assert not any("\\u0001" in text or "\u202e" in text for text in logged)
    assert merge.digest(b) == merge.digest(c)
    # cleaned, the values are what copy ``a`` wrote: all three agree
    exchange(a, b)
    exchange(b, c)
    assert merge.digest(a) == merge.digest(b) == merge.digest(c)
