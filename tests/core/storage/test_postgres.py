"""The same services on PostgreSQL (the township/county server case)."""

import datetime as dt

import pytest

from tests.helpers import make_id
from village_desk.core import queries, services
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database
from village_desk.core.storage.migrate import HEAD, current_revision

from .postgres_server import PostgresServer


@pytest.fixture(scope="module")
def server():
    srv = PostgresServer()
    yield srv
    srv.stop()


@pytest.fixture
def pg(server):
    db = Database.open(server.new_database(), device_name="乡镇服务器")
    yield db
    db.close()


def test_services_work_on_postgresql(pg):
    assert current_revision(pg.engine) == HEAD
    services.setup.initialize(pg, village="桃花村", township="青山镇")
    group = services.setup.add_group(pg, None, "一组")
    cadre = services.setup.add_cadre(pg, None, "王建国", "secretary", "13907310001")
    number = make_id("19650705", "273")
    hh = services.households.create_household(
        pg,
        cadre,
        services.households.HouseholdInput(number="01-001", group_id=group, categories=["dibao"]),
        services.households.PersonInput(name="曾国华", id_number=number, phone="13974851234"),
    )
    services.households.pair_cadre(pg, cadre, hh, cadre)
    _, (mid,) = services.diary.write_entry(
        pg,
        cadre,
        services.diary.DiaryInput(
            date=dt.date.today(),
            mode="home_visit",
            author_id=cadre,
            household_ids=[hh],
            items=[services.diary.RaisedItem("屋顶漏雨", "matter", kind="hardship")],
        ),
    )
    for action, kw in [
        ("start", {}),
        ("complete", {"text": "已修好"}),
        ("feedback", {"satisfaction": "satisfied", "mode": "phone", "respondent": "户主本人"}),
        ("close", {}),
    ]:
        services.ledger.apply_action(pg, cadre, mid, action, **kw)
    with pg.reading() as s:
        for query in ("zengguohua", "zgh", "国华", "85123", number[-4:].lower(), "01-001"):
            assert [h.name for h in queries.search.search(s, query)] == ["曾国华"], query
        assert (
            queries.households.household_count(
                s, queries.households.HouseholdFilter(category="dibao", cadre_id=cadre)
            )
            == 1
        )
        assert (
            queries.matters.matter_count(s, queries.matters.MatterFilter(statuses=("closed",))) == 1
        )
        assert queries.stats.dashboard(s).households == 1
    services.households.delete_household(pg, cadre, hh)
    services.households.restore_household(pg, cadre, hh)
    report = run_check(pg)
    assert report.ok, report.problems
