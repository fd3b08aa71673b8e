"""The merge rules (docs/sync.md, storage/merge_policy.py) on a record's
history alone, without a database: the newest change wins (stamp, then
device), a value overwritten by a change that had not seen it is kept as a
conflict, lists merge as sets, map settings per key, a matter's life-cycle
state whole, and an edit that had not seen a deletion is reported."""

import itertools
import json
import uuid
from types import SimpleNamespace

import pytest

from village_desk.core.storage.merge import fold
from village_desk.core.storage.merge_policy import group_name, group_of, kind_of

RECORD = uuid.UUID(int=7)
# Device ids whose text sorts A < B < C; change ids sort the other way round,
# so a tie on the stamp must be settled by the device, not the change id.
A, B, C = (uuid.UUID(f"{d}" * 32) for d in "abc")
IDS = iter(uuid.UUID(int=n) for n in range(10**6, 0, -1))


def change(hlc, device, op, **fields):
    """A journal row; ``fields`` are (old, new) pairs."""
    return SimpleNamespace(
        id=next(IDS),
        hlc=hlc,
        device_id=device,
        record_id=RECORD,
        op=op,
        changes=json.dumps({k: list(v) for k, v in fields.items()}, ensure_ascii=False),
    )


def group_insert(hlc="0001", device=A, name="一组"):
    return change(
        hlc, device, "insert", name=(None, name), sort_order=(None, 1), deleted=(None, False)
    )


def folded_in_every_order(entity, history):
    """Fold every arrival order; all must agree (the merge's convergence)."""
    results = [fold(entity, list(order)) for order in itertools.permutations(history)]
    first = results[0]
    for other in results[1:]:
        assert other.state == first.state and other.hlc == first.hlc
        assert [vars(c) for c in other.conflicts] == [vars(c) for c in first.conflicts]
    return first


def test_the_newest_change_wins_and_the_value_it_overwrote_unseen_is_kept():
    history = [
        group_insert(),
        change("0002", A, "update", name=("一组", "甲组")),
        change("0003", B, "update", name=("一组", "乙组")),  # had not seen 甲组
    ]
    result = folded_in_every_order("villager_group", history)
    assert result.state["name"] == "乙组" and result.hlc == "0003"
    (lost,) = result.conflicts
    assert (lost.entity, lost.record_id, lost.field, lost.kind) == (
        "villager_group",
        RECORD,
        "name",
        "value",
    )
    assert (lost.winner_hlc, lost.winner_value) == ("0003", "乙组")
    assert (lost.loser_hlc, lost.loser_device, lost.loser_value) == ("0002", A, "甲组")


def test_a_change_that_had_seen_the_value_it_replaces_is_no_conflict():
    history = [
        group_insert(),
        change("0002", A, "update", name=("一组", "甲组")),
        change("0003", B, "update", name=("甲组", "乙组")),
    ]
    result = folded_in_every_order("villager_group", history)
    assert result.state["name"] == "乙组" and result.conflicts == []


def test_a_conflict_names_the_insert_when_the_overwritten_value_came_from_it():
    history = [
        group_insert(device=C),
        change("0003", B, "update", name=("二组", "乙组")),  # saw another value
    ]
    (lost,) = folded_in_every_order("villager_group", history).conflicts
    assert (lost.loser_hlc, lost.loser_device, lost.loser_value) == ("0001", C, "一组")


def test_on_the_same_stamp_the_device_decides_not_the_order_of_arrival():
    history = [
        group_insert(),
        change("0005", B, "update", name=("一组", "乙组")),
        change("0005", A, "update", name=("一组", "甲组")),
        change("0005", C, "update", name=("一组", "丙组")),
    ]
    result = folded_in_every_order("villager_group", history)
    assert result.state["name"] == "丙组"  # device C sorts last
    assert {c.loser_value for c in result.conflicts} == {"甲组", "乙组"}


def test_a_record_whose_insert_has_not_arrived_has_no_state_yet():
    result = fold("villager_group", [change("0002", A, "update", name=("一组", "甲组"))])
    assert result.state is None and result.hlc == "0002" and result.conflicts == []


def test_an_edit_ordered_before_the_first_known_insert_is_skipped_not_the_rest():
    """A seeded record (same id on two copies): copy A's insert has not arrived
    yet, its edit has, and copy B's own insert is stamped later."""
    history = [
        change("0002", A, "update", sort_order=(1, 5)),
        group_insert("0003", B, "一组"),
        change("0004", B, "update", name=("一组", "第一组")),
    ]
    result = folded_in_every_order("villager_group", history)
    assert result.state["name"] == "第一组" and result.state["sort_order"] == 1
    assert result.hlc == "0004"


def test_lists_merge_as_sets():
    """Two cadres add different categories offline and one removes one: both
    additions and the removal are kept."""
    insert = change(
        "0001", A, "insert", number=(None, "01-001"), categories=(None, ["dibao", "elderly"])
    )
    history = [
        insert,
        change(
            "0002", A, "update", categories=(["dibao", "elderly"], ["dibao", "elderly", "five"])
        ),
        change("0003", B, "update", categories=(["dibao", "elderly"], ["dibao", "disabled"])),
    ]
    result = folded_in_every_order("household", history)
    assert sorted(result.state["categories"]) == ["dibao", "disabled", "five"]
    assert result.conflicts == []


def test_a_list_item_removed_elsewhere_is_not_brought_back_by_an_addition():
    history = [
        change("0001", A, "insert", number=(None, "01-001"), categories=(None, ["a", "b"])),
        change("0002", A, "update", categories=(["a", "b"], ["b"])),
        change("0003", B, "update", categories=(["a", "b"], ["a", "b", "c"])),
    ]
    assert folded_in_every_order("household", history).state["categories"] == ["b", "c"]


def quota_insert(value):
    return change(
        "0001",
        A,
        "insert",
        key=(None, "visit_quota"),
        value=(None, json.dumps(value)),
        deleted=(None, False),
    )


def test_map_settings_merge_per_key():
    """Visit quotas per role changed for different roles on two copies: both
    changes are kept; a key removed on one copy is gone."""
    start = {"grid": 4, "secretary": 2, "网格长": 3}
    history = [
        quota_insert(start),
        change("0002", A, "update", value=(json.dumps(start), json.dumps({**start, "grid": 6}))),
        change(
            "0003",
            B,
            "update",
            value=(json.dumps(start), json.dumps({"grid": 4, "secretary": 3})),
        ),
    ]
    result = folded_in_every_order("setting", history)
    assert json.loads(result.state["value"]) == {"grid": 6, "secretary": 3}
    assert result.conflicts == []


def test_a_map_setting_that_is_not_an_object_is_replaced_whole():
    for before, after in (([1, 2], {"grid": 5}), ({"grid": 4}, "很多"), ({"grid": 4}, None)):
        history = [
            quota_insert(before),
            change("0002", B, "update", value=(json.dumps(before), json.dumps(after))),
        ]
        assert json.loads(fold("setting", history).state["value"]) == after
    broken = [quota_insert({"grid": 4}), change("0002", B, "update", value=("{", "{坏"))]
    assert fold("setting", broken).state["value"] == "{坏"


MATTER_STATE = {"status": "registered", "result": "", "done_date": None, "satisfaction": ""}


def matter_insert():
    return change(
        "0001",
        A,
        "insert",
        content=(None, "修路"),
        deadline=(None, "2026-05-01"),
        **{k: (None, v) for k, v in MATTER_STATE.items()},
    )


def test_a_matter_s_state_comes_whole_from_one_change():
    """办结 on one copy, 退回 on another without seeing it: the newer one's state
    wins whole (never 已办结 with 退回's reasons), the other is kept to settle."""
    done = {
        "status": ("registered", "done"),
        "result": ("", "已修好"),
        "done_date": (None, "2026-04-02"),
    }
    returned = {"status": ("registered", "returned"), "return_reasons": ("", "1. 不属本村")}
    history = [
        matter_insert(),
        change("0002", A, "update", **done, satisfaction=("", "")),
        change("0003", B, "update", **returned, result=("", ""), done_date=(None, None)),
    ]
    result = folded_in_every_order("matter", history)
    state = result.state
    assert (state["status"], state["return_reasons"]) == ("returned", "1. 不属本村")
    assert (state["result"], state["done_date"]) == ("", None)
    (lost,) = result.conflicts
    assert (lost.field, lost.kind, lost.loser_hlc, lost.loser_device) == (
        "state",
        "group",
        "0002",
        A,
    )
    assert lost.loser_value["status"] == "done" and lost.loser_value["result"] == "已修好"
    assert lost.winner_value["status"] == "returned"


def test_a_state_change_that_had_seen_the_state_is_no_conflict():
    history = [
        matter_insert(),
        change("0002", A, "update", status=("registered", "in_progress"), result=("", "")),
        change("0003", B, "update", status=("in_progress", "done"), result=("", "已修好")),
    ]
    result = folded_in_every_order("matter", history)
    assert (result.state["status"], result.state["result"]) == ("done", "已修好")
    assert result.conflicts == []


def test_an_edit_that_had_not_seen_a_deletion_is_applied_and_reported():
    history = [
        group_insert(),
        change(
            "0002", A, "delete", deleted=(False, True), name=("一组", "一组"), sort_order=(1, 1)
        ),
        change("0003", B, "update", name=("一组", "第一组")),
    ]
    result = folded_in_every_order("villager_group", history)
    assert result.state["deleted"] is True and result.state["name"] == "第一组"
    (lost,) = result.conflicts
    assert (lost.field, lost.kind, lost.winner_value, lost.loser_value) == (
        "deleted",
        "deleted",
        True,
        False,
    )
    assert (lost.loser_hlc, lost.loser_device) == ("0002", A)


def test_a_deletion_that_had_not_seen_an_edit_is_reported():
    history = [
        group_insert(),
        change("0002", B, "update", name=("一组", "第一组")),
        change(
            "0003", A, "delete", deleted=(False, True), name=("一组", "一组"), sort_order=(1, 1)
        ),
    ]
    result = folded_in_every_order("villager_group", history)
    assert result.state["deleted"] is True and result.state["name"] == "第一组"
    (lost,) = result.conflicts
    assert (lost.field, lost.kind, lost.loser_value, lost.winner_value) == (
        "name",
        "deleted",
        "第一组",
        None,
    )


def test_a_deletion_that_saw_a_list_in_another_order_saw_the_same_list():
    insert = change(
        "0001",
        A,
        "insert",
        number=(None, "01-001"),
        categories=(None, ["a", "b"]),
        deleted=(None, False),
    )
    seen = change("0002", B, "delete", deleted=(False, True), categories=(["b", "a"], ["b", "a"]))
    assert folded_in_every_order("household", [insert, seen]).conflicts == []
    unseen = change("0002", B, "delete", deleted=(False, True), categories=(["a"], ["a"]))
    (lost,) = folded_in_every_order("household", [insert, unseen]).conflicts
    assert (lost.field, lost.kind) == ("categories", "deleted")


def test_the_same_record_inserted_on_two_copies_with_other_values_is_a_conflict():
    history = [group_insert("0001", A, "一组"), group_insert("0002", B, "第一组")]
    result = folded_in_every_order("villager_group", history)
    assert result.state["name"] == "第一组"
    assert [(c.field, c.loser_value) for c in result.conflicts] == [("name", "一组")]
    same = [group_insert("0001", A, "一组"), group_insert("0002", B, "一组")]
    assert folded_in_every_order("villager_group", same).conflicts == []


@pytest.mark.parametrize(
    "entity, field, kind",
    [
        ("household", "categories", "list"),
        ("person", "tags", "list"),
        ("diary_entry", "companion_ids", "list"),
        ("matter", "co_handler_ids", "list"),
        ("setting", "value", "map"),
        ("matter", "status", "group"),
        ("matter", "satisfaction", "group"),
        ("matter", "closed_date", "group"),
        ("matter", "content", "value"),
        ("matter", "deadline", "value"),
        ("household", "number", "value"),
        ("setting", "key", "value"),
    ],
)
def test_how_each_field_merges(entity, field, kind):
    assert kind_of(entity, field) == kind
    in_group = kind == "group"
    assert (group_name(entity, field) == "state") == in_group
    assert (field in group_of(entity, field)) == in_group
    if not in_group:
        assert group_name(entity, field) is None and group_of(entity, field) == frozenset()


def test_a_key_removed_on_both_copies_is_simply_gone():
    start = {"grid": 4, "secretary": 2}
    after = json.dumps({"grid": 4})
    history = [
        quota_insert(start),
        change("0002", A, "update", value=(json.dumps(start), after)),
        change("0003", B, "update", value=(json.dumps(start), after)),
    ]
    assert json.loads(folded_in_every_order("setting", history).state["value"]) == {"grid": 4}


def test_a_field_the_insert_never_had_overwritten_unseen_names_no_earlier_change():
    """A column added by a later version: records inserted before it have no
    value for it in their history."""
    insert = change("0001", A, "insert", name=(None, "一组"), deleted=(None, False))
    history = [
        insert,
        change("0002", B, "update", sort_order=(5, 6)),  # saw a value never journaled
    ]
    result = folded_in_every_order("villager_group", history)
    assert result.state["sort_order"] == 6
    (lost,) = result.conflicts
    assert (lost.field, lost.loser_value, lost.loser_hlc, lost.loser_device) == (
        "sort_order",
        None,
        "",
        None,
    )


def test_bringing_a_deleted_record_back_is_no_conflict():
    history = [
        group_insert(),
        change(
            "0002", A, "delete", deleted=(False, True), name=("一组", "一组"), sort_order=(1, 1)
        ),
        change("0003", A, "update", deleted=(True, False)),
    ]
    result = folded_in_every_order("villager_group", history)
    assert result.state["deleted"] is False and result.conflicts == []


def test_a_field_this_version_does_not_know_is_skipped_not_the_rest():
    history = [
        group_insert(),
        change("0002", B, "update", colour=("", "红"), name=("一组", "第一组")),
    ]
    result = folded_in_every_order("villager_group", history)
    assert result.state["name"] == "第一组" and "colour" not in result.state


def test_a_deletion_compares_lists_as_sets_and_names_the_edit_it_had_not_seen():
    insert = change(
        "0001",
        A,
        "insert",
        number=(None, "01-001"),
        categories=(None, ["b", "a"]),
        deleted=(None, False),
    )
    seen = change("0003", C, "delete", deleted=(False, True), categories=(["a", "b"], ["a", "b"]))
    assert folded_in_every_order("household", [insert, seen]).conflicts == []
    edit = change("0002", B, "update", categories=(["b", "a"], ["b", "a", "c"]))
    (lost,) = folded_in_every_order("household", [insert, edit, seen]).conflicts
    assert (lost.field, lost.kind, lost.loser_hlc, lost.loser_device) == (
        "categories",
        "deleted",
        "0002",
        B,
    )
    assert sorted(lost.loser_value) == ["a", "b", "c"] and lost.winner_value is None


def test_a_deletion_that_had_not_seen_a_setting_change_names_it():
    start, later = {"grid": 4}, {"grid": 6}
    history = [
        quota_insert(start),
        change("0002", B, "update", value=(json.dumps(start), json.dumps(later))),
        change(
            "0003",
            C,
            "delete",
            deleted=(False, True),
            key=("visit_quota", "visit_quota"),
            value=(json.dumps(start), json.dumps(start)),
        ),
    ]
    (lost,) = folded_in_every_order("setting", history).conflicts
    assert (lost.field, lost.kind, lost.loser_hlc, lost.loser_device) == (
        "value",
        "deleted",
        "0002",
        B,
    )


def test_the_same_record_inserted_twice_names_both_inserts():
    first = change("0001", A, "insert", name=(None, None), sort_order=(None, 1))
    second = change("0002", B, "insert", name=(None, "一组"), sort_order=(None, 1))
    (lost,) = folded_in_every_order("villager_group", [first, second]).conflicts
    assert (lost.field, lost.kind, lost.loser_value, lost.winner_value) == (
        "name",
        "value",
        None,
        "一组",
    )
    assert (lost.loser_hlc, lost.loser_device, lost.winner_hlc) == ("0001", A, "0002")


def test_a_state_change_and_another_field_in_one_change_are_both_applied():
    history = [
        matter_insert(),
        change(
            "0002",
            A,
            "update",
            status=("registered", "done"),
            result=("", "已修好"),
            content=("修路", "修村道"),
        ),
    ]
    state = folded_in_every_order("matter", history).state
    assert (state["status"], state["result"], state["content"]) == ("done", "已修好", "修村道")


def test_a_state_the_insert_never_had_overwritten_unseen_names_no_earlier_change():
    """Records from before a field group existed have none of its fields."""
    history = [
        change("0001", A, "insert", content=(None, "修路"), deleted=(None, False)),
        change("0002", B, "update", status=("registered", "done"), result=("", "已修好")),
    ]
    result = folded_in_every_order("matter", history)
    assert (result.state["status"], result.state["result"]) == ("done", "已修好")
    (lost,) = result.conflicts
    assert (lost.field, lost.kind, lost.loser_hlc, lost.loser_device) == (
        "state",
        "group",
        "",
        None,
    )
