"""A township office's households: each belongs to one of its villages, and
户号 are numbered by each village for itself (DOMAIN.md §7: every village
keeps its own ledger; the township holds them side by side). Two villages'
01-001 are two different households; one village's two 01-001 are a
mistake. The office's lists can show one village at a time."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.exchange.test_package import OFFICE, Copy
from tests.helpers import make_id
from village_desk.core import queries, services
from village_desk.core.domain.errors import ValidationError
from village_desk.core.queries.diary import DiaryFilter
from village_desk.core.queries.households import HouseholdFilter
from village_desk.core.queries.matters import MatterFilter
from village_desk.core.services.diary import DiaryInput
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.services.ledger import MatterInput
from village_desk.core.storage.check import run_check
from village_desk.core.storage.models import Household

TAOHUA = {"village": "桃花村", "township": "青山镇", "county": "隆回县"}
XINGHUA = {"village": "杏花村", "township": "青山镇", "county": "隆回县"}


SEQ = iter(range(100, 999))  # a different ID number for everyone


def new_household(db, number: str, name: str, village=None, group=None):
    return services.households.create_household(
        db,
        None,
        HouseholdInput(number=number, village_id=village, group_id=group),
        PersonInput(name=name, id_number=make_id("19580101", f"{next(SEQ):03d}")),
    )


@pytest.fixture
def township(tmp_path):
    """An office that has taken in 桃花村's and 杏花村's packages: both
    villages numbered a household 01-001."""
    a, b = Copy(tmp_path, "a", **TAOHUA), Copy(tmp_path, "b", **XINGHUA)
    office = Copy(tmp_path, "office", **OFFICE)
    new_household(a.db, "01-001", "张大山")
    new_household(b.db, "01-001", "李小河")
    for copy, name in ((a, "a.vdx"), (b, "b.vdx")):
        copy.export(tmp_path / name, full=True)
        office.take(tmp_path / name)
    with office.db.reading() as s:
        villages = {p.village: p.id for p in queries.reference.village_profiles(s)}
    return office, villages


def numbers(db, **flt) -> list[str]:
    with db.reading() as s:
        return [r.head_name for r in queries.households.household_page(s, HouseholdFilter(**flt))]


def test_two_villages_may_each_have_a_01_001_and_check_is_clean(township):
    office, villages = township
    assert sorted(numbers(office.db)) == ["张大山", "李小河"]
    report = run_check(office.db)
    assert not [p for p in report.problems if "户号" in p], report.problems


def test_a_new_household_at_the_office_goes_into_the_village_chosen(township):
    office, villages = township
    hid = new_household(office.db, "01-002", "王春生", village=villages["杏花村"])
    with office.db.reading() as s:
        assert s.get(Household, hid).village_id == villages["杏花村"]
    # the same 户号 in the other village is another household
    new_household(office.db, "01-002", "赵秋实", village=villages["桃花村"])
    assert numbers(office.db, village_id=villages["杏花村"]) == ["李小河", "王春生"]
    assert numbers(office.db, village_id=villages["桃花村"]) == ["张大山", "赵秋实"]


def test_the_office_refuses_a_household_without_its_village(township):
    office, _ = township
    with pytest.raises(ValidationError) as err:
        new_household(office.db, "02-001", "孙立", village=None)
    assert err.value.field == "household.village_id"
    assert numbers(office.db).count("孙立") == 0


def test_one_village_cannot_have_two_01_001(township):
    office, villages = township
    with pytest.raises(ValidationError) as err:
        new_household(office.db, "01-001", "周全", village=villages["桃花村"])
    assert err.value.field == "household.number"
    assert "01-001" in err.value.message


def test_a_group_of_another_village_is_refused(township):
    office, villages = township
    group = services.setup.add_group(office.db, None, "一组", village_id=villages["桃花村"])
    with pytest.raises(ValidationError) as err:
        new_household(office.db, "03-001", "吴江", village=villages["杏花村"], group=group)
    assert err.value.field == "household.group_id"
    hid = new_household(office.db, "03-001", "吴江", village=villages["桃花村"], group=group)
    with office.db.reading() as s:
        assert s.get(Household, hid).group_id == group


def test_the_lists_show_one_village_when_asked(township):
    office, villages = township
    today = dt.date.today()
    cadre = services.setup.add_cadre(office.db, None, "包村干部甲", role="township_cadre")
    with office.db.reading() as s:
        by_head = {
            r.head_name: r.id for r in queries.households.household_page(s, HouseholdFilter())
        }
    for head in ("张大山", "李小河"):
        services.diary.write_entry(
            office.db,
            cadre,
            DiaryInput(
                date=today,
                mode="home_visit",
                author_id=cadre,
                household_ids=[by_head[head]],
                narrative=f"走访{head}",
            ),
        )
        services.ledger.register_matter(
            office.db,
            cadre,
            MatterInput(
                content=f"{head}申请临时救助",
                responsible_id=cadre,
                household_id=by_head[head],
                applicant_name=head,
                received_date=today,
                kind="hardship",
            ),
        )
    with office.db.reading() as s:
        xinghua = villages["杏花村"]
        entries = queries.diary.diary_page(s, DiaryFilter(village_id=xinghua))
        assert [e.households for e in entries] == [["李小河（01-001）"]]
        assert queries.diary.diary_count(s, DiaryFilter()) == 2
        matters = queries.matters.matter_page(s, MatterFilter(village_id=xinghua))
        assert [m.content for m in matters] == ["李小河申请临时救助"]
        assert queries.matters.matter_count(s, MatterFilter(village_id=villages["桃花村"])) == 1
