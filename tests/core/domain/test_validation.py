import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tests.helpers import REAL_FORMAT_IDS, iso7064_check, make_id
from village_desk.core.domain.validation import (
    ValidationError,
    mask_id_number,
    mask_phone,
    parse_id_number,
    validate_phone,
)

VALID = "11010519491231002X"  # the GB 11643 standard's own example


def test_standard_example_is_valid():
    parsed = parse_id_number(VALID)
    assert parsed.birth_date == dt.date(1949, 12, 31)
    assert parsed.gender == "女"
    assert not parsed.legacy


def test_lower_case_x_full_width_and_spaces_are_normalised():
    assert parse_id_number("１１０１０５ 19491231002x").number == VALID


def test_wrong_check_digit_asks_to_check_the_card_not_to_change_the_last_digit():
    with pytest.raises(ValidationError) as err:
        parse_id_number("110105194912310021")  # the valid number ends in X
    assert err.value.field == "person.id_number"
    assert "身份证" in err.value.message and "核对" in err.value.message
    assert "X" not in err.value.message and "最后一位" not in err.value.message


@pytest.mark.parametrize(
    "bad, words",
    [
        ("11010519490231002X", "不是真实的日期"),  # 31 Feb… here 1949-02-31
        ("1101051949123100", "16位"),
        ("11010519491231A02X", "数字"),
        ("", "不能为空"),
    ],
)
def test_refused_numbers_say_why(bad, words):
    if bad == "11010519490231002X":
        bad = bad[:17] + iso7064_check(bad[:17])
    with pytest.raises(ValidationError) as err:
        parse_id_number(bad)
    assert words in err.value.message


def test_future_birth_date_refused():
    future = (dt.date.today() + dt.timedelta(days=400)).strftime("%Y%m%d")
    with pytest.raises(ValidationError, match="不合理"):
        parse_id_number(make_id(future, "123", area="431102"))


def test_legacy_15_digit_accepted_and_flagged():
    parsed = parse_id_number("430102650302123")
    assert parsed.legacy
    assert parsed.birth_date == dt.date(1965, 3, 2)
    assert parsed.gender == "男"


def test_the_listed_numbers_carry_the_iso7064_check_character():
    """The fixed list is what it claims: each check character computed by the
    independent ISO 7064 MOD 11-2 above, all eleven of them present."""
    assert all(n[17] == iso7064_check(n[:17]) for n in REAL_FORMAT_IDS)
    assert {n[17] for n in REAL_FORMAT_IDS} == set("0123456789X")


@pytest.mark.parametrize("number", REAL_FORMAT_IDS)
def test_real_format_numbers_are_accepted_with_their_birth_date_and_gender(number):
    parsed = parse_id_number(number)
    assert parsed.number == number
    assert parsed.birth_date == dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    assert parsed.gender == ("男" if int(number[16]) % 2 else "女")  # odd sequence: male


@pytest.mark.parametrize("number", REAL_FORMAT_IDS)
def test_every_other_check_character_is_refused(number):
    for wrong in set("0123456789X") - {number[17]}:
        with pytest.raises(ValidationError, match="校验码"):
            parse_id_number(number[:17] + wrong)


# Positions whose change keeps the number well-formed with a real birth date:
# the area code (0–5) and the sequence (14–16). A change there can be caught
# by the check character alone.
NOT_DATE = [*range(0, 6), *range(14, 17)]


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31)),
    st.integers(0, 999),
    st.sampled_from(NOT_DATE),
    st.integers(1, 9),
)
def test_any_single_mistyped_digit_is_caught_by_the_check(born, seq, position, delta):
    number = make_id(born.strftime("%Y%m%d"), f"{seq:03d}", area="431102")
    assert parse_id_number(number).birth_date == born
    digit = str((int(number[position]) + delta) % 10)
    broken = number[:position] + digit + number[position + 1 :]
    with pytest.raises(ValidationError, match="校验码"):
        parse_id_number(broken)


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31)),
    st.integers(0, 999),
    st.sampled_from([p for p in NOT_DATE if p + 1 in NOT_DATE]),
)
def test_two_neighbouring_digits_swapped_are_caught_by_the_check(born, seq, position):
    number = make_id(born.strftime("%Y%m%d"), f"{seq:03d}", area="431102")
    a, b = number[position], number[position + 1]
    assume(a != b)  # swapping equal digits changes nothing
    broken = number[:position] + b + a + number[position + 2 :]
    with pytest.raises(ValidationError, match="校验码"):
        parse_id_number(broken)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("13812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("０７３１－８４１２３４５６", "0731-84123456"),
        ("073184123456", "0731-84123456"),
        ("010-62345678", "010-62345678"),
    ],
)
def test_phones_accepted_and_normalised(raw, expected):
    assert validate_phone(raw) == expected


@pytest.mark.parametrize("raw", ["12812345678", "1381234567", "84123456", "abc", "138123456789"])
def test_bad_phones_refused(raw):
    with pytest.raises(ValidationError) as err:
        validate_phone(raw, field="手机号")
    assert err.value.field == "手机号"


def test_masks():
    assert mask_id_number(VALID) == "1101**********002X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0731-84123456") == "0731-****3456"
    assert mask_phone("0731-84123456-123") == "0731-****3456"  # extension would show the tail
