"""Migration 0015: phone fragments stop being search keys (the quick search
scans the phone columns' covering indexes instead). A database searched by
the earlier program keeps finding the same people by phone after the
upgrade, with none of the old digit keys left; a downgrade writes them back
for the earlier program."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select, text

from village_desk.core import queries, services
from village_desk.core.storage import migrate
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database
from village_desk.core.storage.derived import search_index
from village_desk.core.storage.models import SearchTerm


def _keys(db: Database) -> set[tuple]:
    with db.reading() as s:
        return set(s.execute(select(SearchTerm.term, SearchTerm.person_id)).all())


def _found(db: Database, text_: str) -> list[str]:
    with db.reading() as s:
        return sorted(h.name for h in queries.search.search(s, text_))


def test_phone_keys_go_at_the_upgrade_and_come_back_at_a_downgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database.open(url, device_name="旧版本")
    services.setup.initialize(db, village="桃花村", township="青山镇", county="隆回县")
    PersonInput = services.households.PersonInput
    services.households.create_household(
        db,
        None,
        services.households.HouseholdInput(number="03-015", phone="0739-8654321"),
        PersonInput(name="曾国华", phone="13974851234"),
        [PersonInput(name="单晓红", relation="spouse", phone="15873920001")],
    )
    without_phones = _keys(db)
    command.downgrade(migrate.alembic_config(db.engine), "0014")
    with db.engine.connect() as con:  # what the earlier program's search reads
        old = {
            term for (term,) in con.execute(text("SELECT term FROM search_term")) if term.isdigit()
        }
        indexes = {n for (n,) in con.execute(text("SELECT name FROM sqlite_master"))}
    assert {"51234", "13974851234", "920001", "07398654321", "654321"} <= old
    assert "12" not in old  # fragments have three digits or more
    assert "ix_person_phone" not in indexes and "ix_person_village_id_number" not in indexes
    db.close()

    upgraded = Database.open(url)
    try:
        assert _keys(upgraded) == without_phones  # no digit key is left
        with upgraded.engine.connect() as con:
            indexes = {n for (n,) in con.execute(text("SELECT name FROM sqlite_master"))}
        assert {
            "ix_person_phone",
            "ix_household_phone",
            "ix_person_village_id_number",
            "ix_household_village_number",
        } <= indexes
        assert _found(upgraded, "4851") == ["曾国华"]
        assert _found(upgraded, "920001") == ["单晓红"]
        assert _found(upgraded, "07398654") == ["曾国华"]  # the household's landline
        with upgraded.transaction() as s:
            search_index.rebuild(s)
        assert _keys(upgraded) == without_phones
        assert run_check(upgraded).problems == []
    finally:
        upgraded.close()
