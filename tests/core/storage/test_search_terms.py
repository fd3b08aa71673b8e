"""The quick-search keys (what one query box accepts, storage/derived/
search_index.py): Chinese suffixes, full pinyin and initials of every
syllable suffix, surname readings, ID numbers from their end and the 户号 —
phone fragments of three digits or more are found by scanning the phone
columns, not as keys — and what a hit shows."""

import json
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from tests.helpers import make_id
from village_desk.core import queries, services
from village_desk.core.storage.derived import search_index as si


def test_a_query_is_read_as_typed_half_width_lower_case_without_spaces_or_dashes():
    assert si.normalize_query("  ＺＳＦ ") == "zsf"
    assert si.normalize_query("138-1234 5678") == "13812345678"
    assert si.normalize_query("03－015") == "03015"
    assert si.normalize_query("张\u3000三丰") == "张三丰"


def test_pinyin_of_one_character():
    assert si.char_pinyin("张") == "zhang"
    assert si.char_pinyin("绿") == "lv"  # ü typed as v
    assert si.char_pinyin("A") == "a"  # not Chinese: itself, lower case
    assert si.char_pinyin("㐀") != "㐀"  # CJK extension A is Chinese too


def test_surname_readings_come_first_and_the_everyday_reading_is_kept():
    assert si.name_readings("曾国华") == [["zeng", "guo", "hua"], ["ceng", "guo", "hua"]]
    assert si.name_readings("乐乐") == [["yue", "le"], ["le", "le"]]  # no reading twice
    assert si.name_readings("张三") == [["zhang", "san"]]
    assert si.name_readings(" 欧阳修 ") == [["ou", "yang", "xiu"]]
    assert si.name_readings("单于勇") == [["chan", "yu", "yong"]]


def test_a_person_s_keys():
    terms = si.person_terms("曾国华", "43052119650705273X")
    assert {"曾国华", "国华", "华"} <= terms  # Chinese, from any character
    assert {"zengguohua", "guohua", "hua", "cengguohua"} <= terms  # pinyin from any syllable
    assert {"zgh", "gh", "h", "cgh"} <= terms  # initials likewise
    assert "~" + "43052119650705273x"[::-1] in terms  # the ID number read from its end
    assert not any(t.isdigit() for t in terms)  # phones are scanned, not keys
    assert not any(t.startswith("#") for t in terms)  # no 户号 on a person


def test_no_id_means_no_number_keys():
    terms = si.person_terms("张三")
    assert terms == {"张三", "三", "zhangsan", "san", "zs", "s"}
    assert si.household_terms("01-001") == {"#01001"}


def test_keys_are_at_most_64_characters():
    terms = si.person_terms("a" * 80)
    assert max(len(t) for t in terms) == si.MAX_TERM == 64
    assert "a" * 64 in terms


def test_a_household_s_keys():
    assert si.household_terms("03-015") == {"#03015"}
    assert si.household_terms("") == set()


def person(pid, name, relation="member", deleted=False, phone="", id_number=""):
    return SimpleNamespace(
        id=pid, name=name, relation=relation, deleted=deleted, phone=phone, id_number=id_number
    )


def rows_by_person(household, people):
    out = {}
    for row in si.terms_for_household(household, people):
        assert row["household_id"] == household.id
        out.setdefault(row["person_id"], set()).add(row["term"])
    return out


def test_the_household_s_keys_go_to_its_head_and_deleted_people_have_none():
    household = SimpleNamespace(id="h", number="01-001", phone="0739-8123456", deleted=False)
    people = [
        person("a", "刘桂兰", "spouse"),
        person("b", "张三丰", "head", phone="13812345678"),
        person("c", "张小明", "child", deleted=True),
    ]
    keys = rows_by_person(household, people)
    assert set(keys) == {"a", "b"}
    assert "#01001" in keys["b"] and "zsf" in keys["b"]
    assert not any(t.isdigit() for t in keys["b"])  # phones are scanned, not keys
    assert "#01001" not in keys["a"] and "liuguilan" in keys["a"]


def test_without_a_head_the_first_living_member_carries_the_household_s_keys():
    household = SimpleNamespace(id="h", number="01-002", phone="", deleted=False)
    people = [person("a", "王一", deleted=True), person("b", "王二"), person("c", "王三")]
    keys = rows_by_person(household, people)
    assert "#01002" in keys["b"] and "#01002" not in keys["c"]


def test_a_deleted_household_has_no_keys():
    household = SimpleNamespace(id="h", number="01-003", phone="", deleted=True)
    assert si.terms_for_household(household, [person("a", "李四", "head")]) == []
    empty = SimpleNamespace(id="h", number="01-004", phone="110", deleted=False)
    assert si.terms_for_household(empty, []) == []


@pytest.fixture
def families(db, village):
    g2 = village["g2"]
    hh = services.households.create_household(
        db,
        None,
        services.households.HouseholdInput(number="03-015", group_id=g2),
        services.households.PersonInput(
            name="曾国华", phone="13974851234", id_number=make_id("19650705", "002")
        ),
        [services.households.PersonInput(name="曾华", relation="child")],
    )
    services.households.create_household(
        db,
        None,
        services.households.HouseholdInput(number="05-002"),  # no group
        services.households.PersonInput(name="曾国"),
        [services.households.PersonInput(name="曾国华", relation="spouse")],
    )
    return hh


def hits(db, text, limit=50):
    with db.reading() as s:
        return queries.search.search(s, text, limit)


def test_a_hit_shows_who_where_and_how_to_reach_them(db, village, families):
    (hit,) = [h for h in hits(db, "zgh") if h.household_number == "03-015"]
    number = make_id("19650705", "002")
    assert (hit.household_id, hit.name, hit.relation) == (families, "曾国华", "head")
    assert (hit.group_name, hit.phone, hit.id_number) == ("二组", "13974851234", number)
    with db.reading() as s:
        member = queries.households.members(s, families)[0]
    assert hit.person_id == member.id
    (other,) = [h for h in hits(db, "zgh") if h.household_number == "05-002"]
    assert other.group_name == ""  # a household in no group


def test_heads_first_then_shorter_names_then_by_name(db, village, families):
    found = [(h.name, h.relation, h.household_number) for h in hits(db, "曾")]
    assert found == [
        ("曾国", "head", "05-002"),
        ("曾国华", "head", "03-015"),
        ("曾华", "child", "03-015"),
        ("曾国华", "spouse", "05-002"),
    ]
    assert [h.name for h in hits(db, "曾", limit=2)] == ["曾国", "曾国华"]


def test_an_id_number_ending_in_x_is_found_by_its_last_digits(db, village):
    number = next(
        make_id("19700101", f"{n:03d}")
        for n in range(1000)
        if make_id("19700101", f"{n:03d}")[-1] == "X"
    )
    services.households.create_household(
        db,
        None,
        services.households.HouseholdInput(number="06-001"),
        services.households.PersonInput(name="邢十", id_number=number),
    )
    assert [h.name for h in hits(db, number[-4:])] == ["邢十"]
    assert [h.name for h in hits(db, number[-4:].lower())] == ["邢十"]
    assert hits(db, "") == [] and hits(db, "  ") == []


def test_a_search_shows_at_most_fifty_people(db, village):
    services.households.create_household(
        db,
        None,
        services.households.HouseholdInput(number="09-001"),
        services.households.PersonInput(name="欧一"),
        [services.households.PersonInput(name=f"欧{n:02d}", relation="child") for n in range(52)],
    )
    with db.reading() as s:
        shown = queries.search.search(s, "欧")  # as the search box asks
    assert len(shown) == 50 and shown[0].name == "欧一"  # the head first
    assert len(hits(db, "欧", limit=60)) == 53


@pytest.fixture
def phones(db, village):
    """Three households: one with a head, one without, one deleted."""
    PersonInput = services.households.PersonInput
    HouseholdInput = services.households.HouseholdInput
    services.households.create_household(
        db,
        None,
        HouseholdInput(number="07-001", phone="0739-8654321"),
        PersonInput(name="林海", phone="13974851234"),
        [PersonInput(name="林妻", relation="spouse", phone="15873920001")],
    )
    headless = services.households.create_household(
        db,
        None,
        HouseholdInput(number="07-002", phone="0739-5550199"),
        PersonInput(name="周甲"),
        [PersonInput(name="周乙", relation="child")],
    )
    with db.reading() as s:
        head = queries.households.members(s, headless)[0]
    services.households.update_person(
        db, None, head.id, PersonInput(name="周甲", relation="grandchild")
    )
    gone = services.households.create_household(
        db,
        None,
        HouseholdInput(number="07-003", phone="0739-7770123"),
        PersonInput(name="吴丙", phone="18877770123"),
    )
    services.households.delete_household(db, None, gone)
    return village


def test_a_phone_is_found_by_any_three_digits_or_more(db, phones):
    assert [h.name for h in hits(db, "4851")] == ["林海"]  # in the middle
    assert [h.name for h in hits(db, "51234")] == ["林海"]  # the last digits, as people quote
    assert [h.name for h in hits(db, "0001")] == ["林妻"]
    assert [h.name for h in hits(db, "158 7392")] == ["林妻"]  # typed with a space
    assert hits(db, "51") == []  # two digits are no fragment


def test_a_household_phone_finds_its_head_even_across_the_dash(db, phones):
    assert [h.name for h in hits(db, "8654321")] == ["林海"]
    assert [h.name for h in hits(db, "07398654")] == ["林海"]  # 0739-8654… typed whole
    assert [h.name for h in hits(db, "0739-865")] == ["林海"]


def test_a_household_without_a_head_is_found_through_every_living_member(db, phones):
    assert sorted(h.name for h in hits(db, "5550199")) == ["周乙", "周甲"]


def test_deleted_households_and_people_are_not_found_by_phone(db, phones):
    assert hits(db, "7770123") == [] and hits(db, "18877770") == []


def test_a_phone_edit_is_found_at_once_and_the_old_number_no_longer(db, phones):
    (hit,) = hits(db, "0001")
    services.households.update_person(
        db,
        None,
        hit.person_id,
        services.households.PersonInput(name="林妻", relation="spouse", phone="18600001111"),
    )
    assert hits(db, "15873920") == [] and [h.name for h in hits(db, "860000")] == ["林妻"]


KEYS_OF_NAMES = """
import json, sys
from village_desk.core.storage.derived.search_index import person_terms
from village_desk.demo.words import GIVEN, SURNAMES
names = [s + g for s, _w in SURNAMES for g in sorted({g for gs in GIVEN.values() for g in gs})[:40]]
print(json.dumps({n: sorted(person_terms(n)) for n in names}))
print("phrases" if "pypinyin.phrases_dict" in sys.modules else "no phrases")
"""


def _keys_of_names(phrases: bool) -> tuple[dict, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYPINYIN_")}
    if phrases:  # pypinyin's switch, off: its phrase dictionary loaded
        env["PYPINYIN_NO_PHRASES"] = ""
    out = subprocess.run(
        [sys.executable, "-c", KEYS_OF_NAMES], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return json.loads(out[0]), out[1]


def test_names_get_the_same_keys_without_pypinyin_s_phrase_dictionary():
    # (46 MB and a quarter second saved in every process that saves a person)
    without, loaded = _keys_of_names(phrases=False)
    assert loaded == "no phrases"
    with_phrases, loaded = _keys_of_names(phrases=True)
    assert loaded == "phrases"
    assert len(without) > 1000 and without == with_phrases
