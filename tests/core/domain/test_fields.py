"""Refusals name their field by a stable key; people read its Chinese label."""

from __future__ import annotations

from village_desk.core.domain.errors import ValidationError
from village_desk.core.domain.fields import field_label, item_field


def test_an_error_carries_the_key_and_reads_with_the_label():
    err = ValidationError("matter.deadline", "不能早于受理日期 2026-11-01")
    assert err.field == "matter.deadline"
    assert err.label == "办结时限"
    assert str(err) == "办结时限：不能早于受理日期 2026-11-01"


def test_a_diary_items_fields_are_numbered_from_one():
    assert item_field(2, "text") == "diary.item.2.text"
    assert field_label(item_field(2, "text")) == "第2项反映的问题"
    assert field_label(item_field(10, "outcome")) == "第10项处理方式"
    assert field_label(item_field(3, "kind")) == "第3项事项类别"


def test_an_unknown_key_reads_as_itself():
    assert str(ValidationError("工作表名", "没有这张表")) == "工作表名：没有这张表"


def test_every_field_a_merge_conflict_can_name_has_a_chinese_label():
    """The 冲突与待核对 list names the field two computers both changed: never
    a column name such as "address"."""
    from village_desk.core.queries.sync import _field_words
    from village_desk.core.storage.models import SYNCED_MODELS

    shown = ("household", "person", "matter", "cadre", "pairing", "villager_group", "diary_entry")
    for model in SYNCED_MODELS:
        if model.__tablename__ not in shown:
            continue
        for column in model.__table__.columns:
            if column.name in ("id", "hlc", "deleted"):
                continue
            label = _field_words(model.__tablename__, column.name)
            assert any("\u4e00" <= ch <= "\u9fff" for ch in label), (model.__tablename__, label)


def test_every_synced_table_has_a_chinese_name_in_the_review_list():
    from village_desk.core.queries.sync import ENTITY_LABELS
    from village_desk.core.storage.models import SYNCED_MODELS

    for model in SYNCED_MODELS:
        label = ENTITY_LABELS.get(model.__tablename__, "")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in label), model.__tablename__
