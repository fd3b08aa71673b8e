import pytest

from tests.helpers import make_id
from village_desk.core import queries, services
from village_desk.core.storage.derived import search_index


@pytest.fixture
def people(db, village):
    services.households.create_household(
        db,
        None,
        services.households.HouseholdInput(
            number="03-015", group_id=village["g2"], phone="0739-8123456"
        ),
        services.households.PersonInput(
            name="曾国华", phone="13974851234", id_number=make_id("19650705", "273")
        ),
        [
            services.households.PersonInput(name="单晓红", relation="spouse", phone="15873920001"),
            services.households.PersonInput(name="仇小军", relation="child"),
        ],
    )
    return village


def names(db, text):
    with db.reading() as s:
        return [h.name for h in queries.search.search(s, text)]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("曾国华", "曾国华"),  # Chinese
        ("国华", "曾国华"),  # Chinese substring
        ("zengguohua", "曾国华"),  # full pinyin, surname reading
        ("ZengGuo", "曾国华"),  # prefix, any case
        ("guohua", "曾国华"),  # given-name pinyin
        ("zgh", "曾国华"),  # initials
        ("gh", "曾国华"),  # initials of the given name alone
        ("xh", "单晓红"),
        ("shanxiaohong", "单晓红"),  # 单 read shan as a surname
        ("sxh", "单晓红"),
        ("qiuxiaojun", "仇小军"),  # 仇 read qiu
        ("zhangsanfeng", "张三丰"),
        ("zsf", "张三丰"),
        ("85123", "曾国华"),  # phone fragment in the middle
        ("0001", "单晓红"),  # the last four digits of a mobile, as people quote them
        ("001", "单晓红"),  # three digits are a fragment too (search.py: ≥3 digits)
        ("748", "曾国华"),
        ("139 7485", "曾国华"),  # typed with a space
        ("2737", None),  # ID tail (last digits incl. check digit) — filled below
        ("03-015", "曾国华"),  # 户号 finds the head
        ("8123456", "曾国华"),  # household landline
    ],
)
def test_search_finds(db, people, query, expected):
    if query == "2737":
        number = make_id("19650705", "273")
        query, expected = number[-4:].lower(), "曾国华"
    assert expected in names(db, query)


def test_search_does_not_overmatch(db, people):
    assert names(db, "zengguohuax") == []
    # the everyday reading is indexed too, for people who don't know the surname reading
    assert names(db, "danxiaohong") == ["单晓红"]
    assert names(db, "李") == []
    assert names(db, "") == []


def test_heads_first(db, people):
    with db.reading() as s:
        result = queries.search.search(s, "03-015")
    assert result[0].relation == "head"


def test_index_follows_edits(db, people):
    with db.reading() as s:
        hit = queries.search.search(s, "仇小军")[0]
    services.households.update_person(
        db, None, hit.person_id, services.households.PersonInput(name="仇晓军", relation="child")
    )
    assert names(db, "仇小军") == [] and names(db, "qxj") == ["仇晓军"]


def test_rebuild_index_matches_incremental(db, people):
    from sqlalchemy import select

    from village_desk.core.storage.models import SearchTerm

    with db.reading() as s:
        before = set(s.execute(select(SearchTerm.term, SearchTerm.person_id)).all())
    with db.transaction() as s:
        search_index.rebuild(s)
    with db.reading() as s:
        assert set(s.execute(select(SearchTerm.term, SearchTerm.person_id)).all()) == before


def test_polyphonic_surname_table():
    assert search_index.name_readings("曾国华")[0] == ["zeng", "guo", "hua"]
    assert search_index.name_readings("欧阳修")[0] == ["ou", "yang", "xiu"]
    assert ["zhang", "san"] in search_index.name_readings("张三")


def test_names_with_rare_characters_are_found(db, village):
    """生僻字 beyond U+FFFF (here 𬌗) must not fall outside the prefix range."""
    services.households.create_household(
        db,
        None,
        services.households.HouseholdInput(number="05-001"),
        services.households.PersonInput(name="张𬌗强"),
    )
    assert "张𬌗强" in names(db, "张")
    assert "张𬌗强" in names(db, "张𬌗")
    assert "张𬌗强" in names(db, "zhang")


def test_index_follows_deletions_and_undo_without_any_service_indexing(db, people):
    """The search index is derived at commit from the journal rows (the
    registry in storage/derived): deleting and restoring are enough."""
    with db.reading() as s:
        head = queries.search.search(s, "曾国华")[0]
        child = queries.search.search(s, "仇小军")[0]
    services.households.delete_person(db, None, child.person_id)
    assert names(db, "仇小军") == [] and names(db, "曾国华") == ["曾国华"]
    services.households.restore_person(db, None, child.person_id)
    assert names(db, "仇小军") == ["仇小军"]
    services.households.delete_household(db, None, head.household_id)
    assert names(db, "曾国华") == [] and names(db, "03-015") == []
    services.households.restore_household(db, None, head.household_id)
    assert names(db, "曾国华") == ["曾国华"] and names(db, "03-015") == ["曾国华"]


def test_edits_of_names_and_phones_leave_the_keys_a_rebuild_gives(db, people):
    """Only the keys that differ are rewritten after an edit: what is left
    must be exactly what a rebuild from the records gives, and the old phone
    and name no longer find anyone."""
    from sqlalchemy import select

    from village_desk.core.storage.models import SearchTerm

    with db.reading() as s:
        head = queries.search.search(s, "曾国华")[0]
        spouse = queries.search.search(s, "单晓红")[0]
    PersonInput = services.households.PersonInput
    services.households.update_person(
        db,
        None,
        spouse.person_id,
        PersonInput(name="单晓红", relation="spouse", phone="18600001111"),
    )
    services.households.update_person(
        db,
        None,
        head.person_id,
        PersonInput(name="曾国强", phone="13974851234", id_number=make_id("19650705", "273")),
    )
    assert names(db, "58739200") == [] and names(db, "860000111") == ["单晓红"]
    assert names(db, "国华") == [] and names(db, "zgq") == ["曾国强"]
    assert names(db, "03-015") == ["曾国强"]  # the head still carries the 户号

    def keys():
        with db.reading() as s:
            columns = (SearchTerm.term, SearchTerm.person_id, SearchTerm.household_id)
            return set(s.execute(select(*columns)).all())

    incremental = keys()
    with db.transaction() as s:
        search_index.rebuild(s)
    assert keys() == incremental
