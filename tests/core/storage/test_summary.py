"""The household summary (last visit, open matters, next deadline) stays true
to the records through every service, and is checked and repaired."""

import datetime as dt

from alembic import command
from sqlalchemy import select, update

from village_desk import demo
from village_desk.cli import main
from village_desk.core import queries, services
from village_desk.core.storage import migrate
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database
from village_desk.core.storage.derived import summary
from village_desk.core.storage.models import HouseholdSummary

TODAY = dt.date.today()


def _row(db, household_id):
    with db.reading() as s:
        row = s.get(HouseholdSummary, household_id)
        return (row.last_visit, row.open_matters, row.next_deadline) if row else None


def _fresh(db):
    with db.reading() as s:
        return summary.stale(s) == 0


def _entry(village, day, items=()):
    return services.diary.DiaryInput(
        date=day,
        mode="home_visit",
        author_id=village["grid"],
        household_ids=[village["hh"]],
        narrative="入户了解情况",
        items=list(items),
    )


def test_new_household_has_no_visit_and_no_open_matters(db, village):
    assert _row(db, village["hh"]) == (None, 0, None)


def test_visits_and_matters_update_the_list_columns(db, village):
    hh = village["hh"]
    earlier = TODAY - dt.timedelta(days=30)
    services.diary.write_entry(db, None, _entry(village, earlier))
    assert _row(db, hh)[0] == earlier

    deadline = TODAY + dt.timedelta(days=5)
    entry_id, (mid,) = services.diary.write_entry(
        db,
        None,
        _entry(
            village,
            TODAY,
            [services.diary.RaisedItem("屋顶漏雨", "matter", kind="hardship", deadline=deadline)],
        ),
    )
    assert _row(db, hh) == (TODAY, 1, deadline)
    with db.reading() as s:
        page = queries.households.household_page(s, queries.households.HouseholdFilter(), 0, 10)
    assert page[0].last_visit == TODAY and page[0].open_matters == 1

    services.ledger.apply_action(db, None, mid, "start")
    services.ledger.apply_action(db, None, mid, "complete", text="已修好")
    assert _row(db, hh) == (TODAY, 0, None)  # 办结: no longer open

    services.diary.delete_entry(db, None, entry_id)
    assert _row(db, hh)[0] == earlier
    assert _fresh(db)


def test_filters_use_the_summary(db, village):
    hh = village["hh"]
    flt = queries.households.HouseholdFilter(not_visited_days=60, today=TODAY)
    with db.reading() as s:
        assert queries.households.household_count(s, flt) == 1  # never visited
    services.diary.write_entry(
        db,
        None,
        _entry(
            village,
            TODAY - dt.timedelta(days=20),
            [
                services.diary.RaisedItem(
                    "修路", "matter", kind="hardship", deadline=TODAY - dt.timedelta(days=1)
                )
            ],
        ),
    )
    with db.reading() as s:
        assert queries.households.household_count(s, flt) == 0
        overdue = queries.households.HouseholdFilter(has_overdue=True, today=TODAY)
        assert queries.households.household_count(s, overdue) == 1
        (row,) = queries.households.household_page(s, overdue)
    assert row.id == hh and row.overdue_matters == 1


def test_deleting_and_restoring_a_household_keeps_the_summary_true(db, village):
    services.diary.write_entry(db, None, _entry(village, TODAY))
    services.households.delete_household(db, None, village["hh"])
    with db.reading() as s:
        assert queries.households.household_count(s) == 0
    services.households.restore_household(db, None, village["hh"])
    assert _row(db, village["hh"])[0] == TODAY
    assert _fresh(db)


def test_check_finds_a_stale_summary_and_repair_fixes_it(db, village, tmp_path, capsys):
    services.diary.write_entry(db, None, _entry(village, TODAY))
    with db.engine.begin() as conn:
        conn.execute(update(HouseholdSummary).values(last_visit=None))
    report = run_check(db)
    assert not report.ok and any("户统计" in p for p in report.problems)
    url = str(db.engine.url)
    assert main(["--db-url", url, "check"]) == 1
    assert main(["--db-url", url, "check", "--repair"]) == 0
    assert "已重新计算" in capsys.readouterr().out
    assert _row(db, village["hh"])[0] == TODAY


def test_upgrading_an_older_database_fills_the_summary(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database.open(url, device_name="旧版本")
    demo.generate(db, households=20, seed=3)
    with db.reading() as s:
        expected = {r.household_id: r.last_visit for r in s.scalars(select(HouseholdSummary))}
    command.downgrade(migrate.alembic_config(db.engine), "0001")
    db.close()
    assert migrate.current_revision(Database.open(url, migrate=False).engine) == "0001"

    upgraded = Database.open(url)
    assert migrate.current_revision(upgraded.engine) == migrate.HEAD
    with upgraded.reading() as s:
        got = {r.household_id: r.last_visit for r in s.scalars(select(HouseholdSummary))}
    assert got == expected and len(got) == 20
    assert run_check(upgraded).ok
