import datetime as dt

import pytest
from sqlalchemy import select

from village_desk.core import queries, services
from village_desk.core.domain.validation import ValidationError
from village_desk.core.storage.models import DiaryItem, Matter

TODAY = dt.date.today()


def entry(village, **kw):
    base = dict(
        date=TODAY,
        mode="home_visit",
        author_id=village["grid"],
        household_ids=[village["hh"]],
        sections={"q_hardship": "房屋漏雨"},
        narrative="入户了解情况",
        items=[
            services.diary.RaisedItem("低保政策咨询", "solved", solution="当场讲解了政策"),
            services.diary.RaisedItem("屋顶漏雨需维修", "matter", kind="hardship"),
        ],
    )
    base.update(kw)
    return services.diary.DiaryInput(**base)


def test_item_turned_into_matter_with_visitor_responsible(db, village):
    entry_id, matter_ids = services.diary.write_entry(db, village["grid"], entry(village))
    assert len(matter_ids) == 1
    with db.reading() as s:
        m = s.get(Matter, matter_ids[0])
        assert m.responsible_id == village["grid"]  # 首访负责制
        assert m.applicant_name == "张三丰" and m.channel == "home_visit"
        assert m.received_date == TODAY and m.status == "registered"
        items = queries.diary.entry_items(s, entry_id)
        assert [(i.outcome, i.matter_id) for i in items] == [("solved", None), ("matter", m.id)]
        # the link is visible from the matter side too
        assert s.scalar(select(DiaryItem.entry_id).where(DiaryItem.matter_id == m.id)) == entry_id


def test_solved_items_do_not_reach_the_ledger(db, village):
    items = [
        services.diary.RaisedItem("问路", "solved"),
        services.diary.RaisedItem("屋顶漏雨需维修", "matter", kind="hardship"),
        services.diary.RaisedItem("医保缴费咨询", "solved", solution="当场讲解"),
    ]
    entry_id, matter_ids = services.diary.write_entry(db, None, entry(village, items=items))
    with db.reading() as s:
        # only the item turned into a matter is in the ledger…
        assert [m.content for m in s.scalars(select(Matter))] == ["屋顶漏雨需维修"]
        assert [m.id for m in s.scalars(select(Matter))] == matter_ids
        # …and the solved ones stay in the diary, as solved
        kept = [(i.text, i.outcome) for i in queries.diary.entry_items(s, entry_id)]
    assert ("问路", "solved") in kept and ("医保缴费咨询", "solved") in kept


def test_future_date_refused(db, village):
    with pytest.raises(ValidationError) as err:
        services.diary.write_entry(db, None, entry(village, date=TODAY + dt.timedelta(days=1)))
    assert err.value.field == "diary.date"


def test_home_visit_needs_a_household_meeting_needs_a_place(db, village):
    with pytest.raises(ValidationError, match="至少选择一户"):
        services.diary.write_entry(db, None, entry(village, household_ids=[]))
    with pytest.raises(ValidationError, match="地点"):
        services.diary.write_entry(
            db, None, entry(village, mode="courtyard", household_ids=[], items=[])
        )
    services.diary.write_entry(
        db,
        None,
        entry(village, mode="courtyard", household_ids=[], place="一组院坝，12户参加", items=[]),
    )


def test_failed_item_rolls_back_the_whole_entry(db, village):
    bad = entry(
        village,
        items=[
            services.diary.RaisedItem(
                "修路", "matter", kind="hardship", deadline=TODAY - dt.timedelta(days=5)
            )
        ],
    )
    with pytest.raises(ValidationError, match="办结时限"):
        services.diary.write_entry(db, None, bad)
    with db.reading() as s:
        assert s.scalars(select(Matter)).all() == [] and s.scalars(select(DiaryItem)).all() == []


def test_edit_and_delete_entry_keeps_matters(db, village):
    entry_id, (mid,) = services.diary.write_entry(db, None, entry(village))
    with db.reading() as s:
        assert len(queries.diary.entry_items(s, entry_id)) == 2
    services.diary.update_entry(db, None, entry_id, entry(village, narrative="补充说明"))
    services.diary.delete_entry(db, None, entry_id)
    with db.reading() as s:
        assert not s.get(Matter, mid).deleted
        assert queries.diary.entry_items(s, entry_id) == []  # its items went with it
        assert queries.diary.diary_count(s, queries.diary.DiaryFilter()) == 0
    services.ledger.apply_action(db, None, mid, "start")  # the matter lives on
    with db.reading() as s:
        assert s.get(Matter, mid).status == "in_progress"


def test_old_entry_stays_editable_after_its_cadre_and_household_are_gone(db, village):

    entry_id, _ = services.diary.write_entry(db, None, entry(village, items=[]))
    services.setup.update_cadre(db, None, village["grid"], active=False)
    services.households.delete_household(db, None, village["hh"])
    fixed = entry(village, items=[], narrative="入户了解情况（改正错字）")
    services.diary.update_entry(db, None, entry_id, fixed)
    with db.reading() as s:
        from village_desk.core.storage.models import DiaryEntry

        assert s.get(DiaryEntry, entry_id).narrative.endswith("改正错字）")
    # but a deactivated cadre cannot be newly credited with a visit
    with pytest.raises(ValidationError, match="已停用"):
        services.diary.write_entry(db, None, entry(village, items=[], household_ids=[]))


def test_missing_optional_texts_are_not_a_crash(db, village):
    data = entry(
        village, place=None, items=[services.diary.RaisedItem("问路", "solved", solution=None)]
    )
    entry_id, _ = services.diary.write_entry(db, None, data)
    with db.reading() as s:
        from village_desk.core.storage.models import DiaryEntry

        assert s.get(DiaryEntry, entry_id).place == ""
        assert [(i.text, i.solution) for i in queries.diary.entry_items(s, entry_id)] == [
            ("问路", "")
        ]
    with pytest.raises(ValidationError, match="走访日期"):
        services.diary.write_entry(db, None, entry(village, date="2026-01-01"))


def test_an_item_turned_into_a_matter_needs_its_category(db, village):
    """转入台账 registers a matter: the item's category is required, refused at
    that item, and nothing of the entry is written."""
    items = [
        services.diary.RaisedItem("问路", "solved"),
        services.diary.RaisedItem("屋顶漏雨需维修", "matter"),
    ]
    with pytest.raises(ValidationError) as err:
        services.diary.write_entry(db, None, entry(village, items=items))
    assert err.value.field == "diary.item.2.kind"
    assert str(err.value) == "第2项事项类别：请选择事项类别"
    with db.reading() as s:
        assert s.scalars(select(Matter)).all() == []
        assert queries.diary.diary_count(s, queries.diary.DiaryFilter()) == 0
    items[1].kind = "hardship"
    _entry_id, (mid,) = services.diary.write_entry(db, None, entry(village, items=items))
    with db.reading() as s:
        assert s.get(Matter, mid).kind == "hardship"
