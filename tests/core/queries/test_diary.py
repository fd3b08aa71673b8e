"""The diary list query, visits per month, and undoing deletes of entries and matters."""

import datetime as dt

import pytest

from village_desk.core import queries, services
from village_desk.core.domain.errors import ServiceError
from village_desk.core.queries.diary import DiaryFilter, diary_count, diary_page, visits_by_month
from village_desk.core.storage.models import Matter

TODAY = dt.date.today()


def _write(db, village, day, items=(), mode="home_visit", author="grid"):
    return services.diary.write_entry(
        db,
        None,
        services.diary.DiaryInput(
            date=day,
            mode=mode,
            author_id=village[author],
            household_ids=[village["hh"]],
            narrative=f"{day} 入户",
            items=list(items),
        ),
    )


def test_diary_page_newest_first_with_households_and_item_counts(db, village):
    old = TODAY - dt.timedelta(days=40)
    _write(db, village, old)
    _write(
        db,
        village,
        TODAY,
        [
            services.diary.RaisedItem("问政策", "solved"),
            services.diary.RaisedItem("修路", "matter", kind="hardship"),
        ],
        mode="phone",
        author="secretary",
    )
    with db.reading() as s:
        rows = diary_page(s, DiaryFilter())
        assert [r.date for r in rows] == [TODAY, old]
        assert rows[0].author == "王建国" and rows[0].solved == 1 and rows[0].matters == 1
        assert rows[0].households == ["张三丰（01-001）"]
        assert diary_count(s, DiaryFilter(mode="phone")) == 1
        assert diary_count(s, DiaryFilter(author_id=village["grid"])) == 1
        assert diary_count(s, DiaryFilter(since=TODAY - dt.timedelta(days=10))) == 1
        assert diary_count(s, DiaryFilter(household_id=village["hh"])) == 2
        assert diary_count(s, DiaryFilter(household_id=village["g1"])) == 0


def test_visits_by_month_counts_household_visits(db, village):
    first = TODAY.replace(day=1)
    _write(db, village, first)
    _write(db, village, first)
    with db.reading() as s:
        months = visits_by_month(s, first - dt.timedelta(days=400), TODAY)
    assert months == {(first.year, first.month): 2}


def test_deleted_entry_and_matter_can_be_restored(db, village):
    entry_id, (mid,) = _write(
        db, village, TODAY, [services.diary.RaisedItem("修路", "matter", kind="hardship")]
    )
    tx = services.diary.delete_entry(db, None, entry_id)
    assert tx
    with db.reading() as s:
        assert diary_count(s, DiaryFilter()) == 0
    services.diary.restore_entry(db, None, entry_id)
    with db.reading() as s:
        (row,) = diary_page(s, DiaryFilter())
    assert row.id == entry_id and row.matters == 1 and row.households

    services.ledger.add_note(db, None, mid, "已联系施工队")
    services.ledger.delete_matter(db, None, mid)
    services.ledger.restore_matter(db, None, mid)
    with db.reading() as s:
        assert not s.get(Matter, mid).deleted
        assert "已联系施工队" in [n.text for n in queries.matters.notes(s, mid)]
    with pytest.raises(ServiceError, match="没有被删除"):
        services.ledger.restore_matter(db, None, mid)
    with pytest.raises(ServiceError, match="没有被删除"):
        services.diary.restore_entry(db, None, entry_id)
