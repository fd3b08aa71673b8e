"""The change journal (ENGINEERING.md habit 3): every write to a record leaves
a row saying who, when, on which device and what changed — the history a
person audits and the changes another copy merges."""

import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import select

from village_desk.core.storage import journal
from village_desk.core.storage.journal import JournalError
from village_desk.core.storage.models import (
    Change,
    Household,
    LocalCounter,
    Matter,
    Person,
    VillageProfile,
    VillagerGroup,
)


def the_village(db):
    with db.reading() as s:
        (pid,) = s.scalars(select(VillageProfile.id)).all()
    return pid


def rows_of(db, record_id) -> list[Change]:
    with db.reading() as s:
        return list(
            s.scalars(select(Change).where(Change.record_id == record_id).order_by(Change.seq))
        )


def changes(row: Change) -> dict:
    return json.loads(row.changes)


def add_group(db, name="九组", actor=None):
    with db.transaction(actor) as s:
        g = VillagerGroup(name=name)
        s.add(g)
    return g.id


def test_an_insert_carries_every_field_with_defaults_filled(db, village):
    gid = add_group(db, actor=village["secretary"])
    (row,) = rows_of(db, gid)
    assert row.op == "insert" and row.entity == "villager_group"
    assert row.actor_id == village["secretary"] and row.device_id == db.device.id
    assert changes(row) == {
        "name": [None, "九组"],
        "sort_order": [None, 0],
        "deleted": [None, False],
        # a village copy: the group belongs to its one village
        "village_id": [None, str(the_village(db))],
    }
    with db.reading() as s:
        assert s.get(VillagerGroup, gid).hlc == row.hlc  # the record carries its last stamp


def test_an_update_carries_only_what_changed_old_and_new(db, village):
    gid = add_group(db)
    with db.transaction() as s:
        s.get(VillagerGroup, gid).name = "十组"
    insert, update = rows_of(db, gid)
    assert update.op == "update" and changes(update) == {"name": ["九组", "十组"]}
    assert update.hlc > insert.hlc and update.seq > insert.seq
    assert update.actor_id is None
    with db.reading() as s:
        assert s.get(VillagerGroup, gid).hlc == update.hlc


def test_the_old_value_is_the_stored_one_even_when_it_was_not_loaded(db, village):
    """A merge decides conflicts by the old value a change replaced: it must be
    the real one, also for an attribute set without being read first."""
    gid = add_group(db)
    with db.transaction() as s:
        group = s.get(VillagerGroup, gid)
        group.name = "九组"  # an equal value: flushed as nothing, the record expired
        s.flush()
        group.sort_order = 3
        s.flush()
        s.expire(group, ["name"])
        group.name = "十组"
    rows = rows_of(db, gid)
    assert [r.op for r in rows] == ["insert", "update", "update"]
    assert changes(rows[1]) == {"sort_order": [0, 3]}
    assert changes(rows[2]) == {"name": ["九组", "十组"]}


def test_setting_an_equal_value_writes_nothing(db, village):
    gid = add_group(db)
    with db.transaction() as s:
        s.get(VillagerGroup, gid).name = "九组"
    with db.transaction() as s:
        person = s.scalars(select(Person).where(Person.name == "张三丰")).one()
        person.tags = list(person.tags)  # an equal list
    assert [r.op for r in rows_of(db, gid)] == ["insert"]
    assert [r.op for r in rows_of(db, person.id)] == ["insert"]


def test_a_deletion_carries_every_field_as_it_was(db, village):
    gid = add_group(db)
    with db.transaction() as s:
        s.get(VillagerGroup, gid).deleted = True
    deletion = rows_of(db, gid)[-1]
    assert deletion.op == "delete"
    assert changes(deletion) == {
        "deleted": [False, True],
        "name": ["九组", "九组"],
        "sort_order": [0, 0],
        "village_id": [str(the_village(db))] * 2,
    }


def test_bringing_back_is_an_update_not_a_deletion(db, village):
    gid = add_group(db)
    for deleted in (True, False):
        with db.transaction() as s:
            s.get(VillagerGroup, gid).deleted = deleted
    restore = rows_of(db, gid)[-1]
    assert restore.op == "update" and changes(restore) == {"deleted": [True, False]}


def test_a_change_to_a_matter_s_state_carries_the_whole_state(db, village):
    """The life-cycle fields merge as one (merge_policy): the journal row of a
    status change holds the others as the writer saw them."""
    from village_desk.core import services

    mid = services.ledger.register_matter(
        db,
        None,
        services.ledger.MatterInput(
            content="修路", responsible_id=village["secretary"], applicant_name="张三丰",
            kind="hardship",
        ),
    )  # fmt: skip
    with db.transaction() as s:
        s.get(Matter, mid).status = "in_progress"
    row = changes(rows_of(db, mid)[-1])
    assert row["status"] == ["registered", "in_progress"]
    assert row["satisfaction"][0] == row["satisfaction"][1] and row["level"][0] == row["level"][1]
    assert "content" not in row  # not part of the state: not carried
    # A state field and another field changed together: the state still whole.
    with db.transaction() as s:
        m = s.get(Matter, mid)
        m.status, m.deadline = "done", m.deadline + dt.timedelta(days=1)
    row = changes(rows_of(db, mid)[-1])
    assert row["status"] == ["in_progress", "done"] and row["deadline"][0] != row["deadline"][1]
    assert row["satisfaction"][0] == row["satisfaction"][1] and "closed_date" in row


def test_one_transaction_shares_its_id_and_numbers_its_rows_in_order(db, village):
    with db.transaction() as s:
        a, b = VillagerGroup(name="甲"), VillagerGroup(name="乙")
        s.add_all([a, b])
        s.flush()
        a.name = "甲组"
    rows = rows_of(db, a.id) + rows_of(db, b.id)
    assert len({r.tx_id for r in rows}) == 1
    seqs = sorted(r.seq for r in rows)
    assert seqs == list(range(seqs[0], seqs[0] + 3))
    later = add_group(db)
    assert rows_of(db, later)[0].seq == seqs[-1] + 1
    assert rows_of(db, later)[0].tx_id != rows[0].tx_id


NO_CONTEXT = "^记录只能通过服务写入（缺少日志上下文）$"


def test_writes_around_the_journal_are_refused(db, village):
    with db.reading() as s:
        s.add(VillagerGroup(name="黑户组"))
        with pytest.raises(JournalError, match=NO_CONTEXT):
            s.flush()
    with (
        pytest.raises(JournalError, match="^villager_group 记录不能物理删除，应标记为已删除$"),
        db.transaction() as s,
    ):
        s.delete(s.get(VillagerGroup, village["g1"]))
    with db.reading() as s, pytest.raises(JournalError, match=NO_CONTEXT):
        journal.bulk_insert(s, VillagerGroup, [{"name": "x"}])


def test_local_bookkeeping_in_the_same_flush_does_not_hide_records(db, village):
    """Local rows (counters) written in the same transaction as records,
    before and after them: every record is still journaled."""
    with db.transaction() as s:
        s.add(LocalCounter(name="甲", value=1))
        first = VillagerGroup(name="甲组")
        s.add(first)
        s.add(LocalCounter(name="乙", value=1))
        second = VillagerGroup(name="乙组")
        s.add(second)
    with db.transaction() as s:
        s.get(LocalCounter, "甲").value = 2
        s.get(VillagerGroup, first.id).name = "甲组改"
        s.get(LocalCounter, "乙").value = 2
        s.get(VillagerGroup, second.id).name = "乙组改"
    for gid, name in ((first.id, "甲组"), (second.id, "乙组")):
        assert [(r.op, changes(r)["name"]) for r in rows_of(db, gid)] == [
            ("insert", [None, name]),
            ("update", [name, name + "改"]),
        ]


def test_bulk_inserts_are_journaled_like_single_ones(db, village):
    ids = [uuid.uuid4(), None]
    with db.transaction(village["grid"]) as s:
        journal.bulk_insert(s, VillagerGroup, [])  # nothing to do
        journal.bulk_insert(
            s,
            VillagerGroup,
            [{"id": ids[0], "name": " 十一组\t"}, {"name": "十二组", "sort_order": 12}],
        )
    with db.reading() as s:
        groups = {g.name: g for g in s.scalars(select(VillagerGroup))}
    assert {"十一组", "十二组"} <= set(groups)  # text cleaned as on any write
    eleven, twelve = groups["十一组"], groups["十二组"]
    assert eleven.id == ids[0] and eleven.sort_order == 0 and not eleven.deleted
    for g in (eleven, twelve):
        (row,) = rows_of(db, g.id)
        assert row.op == "insert" and row.hlc == g.hlc and row.actor_id == village["grid"]
        assert changes(row)["name"] == [None, g.name]
    assert changes(rows_of(db, twelve.id)[0])["sort_order"] == [None, 12]
    assert rows_of(db, eleven.id)[0].tx_id == rows_of(db, twelve.id)[0].tx_id


def test_undo_brings_back_exactly_what_one_transaction_deleted(db, village):
    first, second, kept = add_group(db, "甲"), add_group(db, "乙"), add_group(db, "丙")
    with db.transaction() as s:
        s.get(VillagerGroup, first).deleted = True
        s.get(VillagerGroup, second).deleted = True
    with db.transaction() as s:
        s.get(VillagerGroup, kept).deleted = True
    with db.reading() as s:
        tx = journal.last_deletion(s, first)
        assert journal.last_deletion(s, second) == tx
        assert journal.last_deletion(s, kept) not in (None, tx)
        assert journal.last_deletion(s, village["g1"]) is None
    with db.transaction() as s:
        assert journal.undo_deletions(s, tx) == 2
    with db.transaction() as s:
        assert journal.undo_deletions(s, tx) == 0  # already back
    with db.reading() as s:
        assert not s.get(VillagerGroup, first).deleted and not s.get(VillagerGroup, second).deleted
        assert s.get(VillagerGroup, kept).deleted


def test_the_last_deletion_is_the_newest(db, village):
    gid = add_group(db)
    txs = []
    for _ in range(2):
        with db.transaction() as s:
            s.get(VillagerGroup, gid).deleted = True
        with db.reading() as s:
            txs.append(journal.last_deletion(s, gid))
        with db.transaction() as s:
            s.get(VillagerGroup, gid).deleted = False
    assert txs[0] != txs[1]
    with db.reading() as s:
        assert journal.last_deletion(s, gid) == txs[1]


def test_chunks_cover_everything_once_in_order():
    assert [list(c) for c in journal.iter_chunks(list(range(7)), 3)] == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(journal.iter_chunks([], 3)) == []


def test_a_value_set_to_nothing_or_from_nothing_is_journaled(db, village):
    with db.transaction() as s:
        s.get(Household, village["hh"]).group_id = None
    assert changes(rows_of(db, village["hh"])[-1]) == {"group_id": [str(village["g1"]), None]}
    with db.transaction() as s:
        s.get(Household, village["hh"]).group_id = village["g2"]
    assert changes(rows_of(db, village["hh"])[-1]) == {"group_id": [None, str(village["g2"])]}


def test_a_value_equal_in_the_journal_s_terms_is_not_a_change(db, village):
    """A list given again as a tuple is the same list: nothing journaled for
    it, and the other changes of the flush are kept."""
    with db.reading() as s:
        pid = s.scalars(select(Person.id).where(Person.name == "张三丰")).one()
    with db.transaction() as s:
        s.get(Person, pid).tags = ["low_income"]
    before = len(rows_of(db, pid))
    with db.transaction() as s:
        person = s.get(Person, pid)
        person.tags = tuple(person.tags)  # equal: no journal row
        s.get(VillagerGroup, village["g2"]).name = "二组（新）"
    assert len(rows_of(db, pid)) == before
    assert changes(rows_of(db, village["g2"])[-1]) == {"name": ["二组", "二组（新）"]}
    with db.transaction() as s:
        person = s.get(Person, pid)
        person.tags, person.notes = tuple(person.tags), "常年在外务工"  # a change after it
    assert changes(rows_of(db, pid)[-1]) == {"notes": ["", "常年在外务工"]}
    with db.reading() as s:
        assert s.get(Person, pid).tags == ["low_income"]


def test_undo_of_a_deletion_leaves_other_records_that_transaction_touched(db, village):
    old, new = add_group(db, "甲"), add_group(db, "乙")
    with db.transaction() as s:
        s.get(VillagerGroup, old).deleted = True
    with db.transaction() as s:
        s.get(VillagerGroup, new).deleted = True
        s.get(VillagerGroup, old).name = "甲（已删）"  # an edit of a tombstone
    with db.reading() as s:
        tx = journal.last_deletion(s, new)
    with db.transaction() as s:
        assert journal.undo_deletions(s, tx) == 1
    with db.reading() as s:
        assert not s.get(VillagerGroup, new).deleted
        assert s.get(VillagerGroup, old).deleted  # deleted by another transaction


def test_bulk_inserts_fill_list_defaults_give_each_row_its_own_id_and_keep_line_breaks(db, village):
    rows = [
        {
            "household_id": village["hh"],
            "name": "张一",
            "relation": "child",
            "notes": "第一行\n第二行",
        },
        {"household_id": village["hh"], "name": "张二", "relation": "child", "notes": "甲\t乙"},
        {"household_id": village["hh"], "name": "张三", "relation": "child"},
    ]
    with db.transaction() as s:
        journal.bulk_insert(s, Person, rows)
    with db.reading() as s:
        people = {
            p.name: p
            for p in s.scalars(select(Person).where(Person.name.in_(["张一", "张二", "张三"])))
        }
    assert len({p.id for p in people.values()}) == 3
    assert people["张一"].notes == "第一行\n第二行"  # notes are several lines
    assert people["张二"].notes == "甲 乙"
    assert people["张三"].tags == [] and people["张三"].notes == ""
    assert changes(rows_of(db, people["张三"].id)[0])["tags"] == [None, []]


def test_many_records_given_equal_values_hide_no_real_change_of_the_same_flush(db, village):
    """A flush's records come in no particular order: twenty people given
    their tags again as tuples (nothing to journal) and twenty groups given
    their own names again must not stop the twenty renamed groups of the same
    flush from being journaled."""
    with db.transaction() as s:
        journal.bulk_insert(
            s,
            Person,
            [
                {
                    "household_id": village["hh"],
                    "name": f"甲{n}",
                    "relation": "child",
                    "tags": ["a"],
                }
                for n in range(20)
            ],
        )
        journal.bulk_insert(s, VillagerGroup, [{"name": f"{n}组"} for n in range(20)])
        journal.bulk_insert(s, VillagerGroup, [{"name": f"{n}队"} for n in range(20)])
    with db.reading() as s:
        people = list(s.scalars(select(Person.id).where(Person.name.like("甲%"))))
        groups = list(s.scalars(select(VillagerGroup.id).where(VillagerGroup.name.like("%组"))))
        teams = list(s.scalars(select(VillagerGroup.id).where(VillagerGroup.name.like("%队"))))
    with db.transaction() as s:  # all loaded first: the changes go in one flush
        loaded = [s.get(Person, pid) for pid in people] + [s.get(VillagerGroup, g) for g in groups]
        same = [s.get(VillagerGroup, g) for g in teams]
        for record in loaded:
            if isinstance(record, Person):
                record.tags = tuple(record.tags)
            else:
                record.name = record.name + "（改）"
        for team in same:
            team.name = str(team.name)  # set to what it was: touched, not changed
    for gid in groups:
        assert [r.op for r in rows_of(db, gid)] == ["insert", "update"]
    for pid in people + teams:
        assert [r.op for r in rows_of(db, pid)] == ["insert"]
