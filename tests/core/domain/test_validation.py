import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from village_desk.core.domain.validation import (
    ValidationError,
    id_check_digit,
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
        bad = bad[:17] + id_check_digit(bad[:17])
    with pytest.raises(ValidationError) as err:
        parse_id_number(bad)
    assert words in err.value.message


def test_future_birth_date_refused():
    future = (dt.date.today() + dt.timedelta(days=400)).strftime("%Y%m%d")
    first17 = "431102" + future + "123"
    with pytest.raises(ValidationError, match="不合理"):
        parse_id_number(first17 + id_check_digit(first17))


def test_legacy_15_digit_accepted_and_flagged():
    parsed = parse_id_number("430102650302123")
    assert parsed.legacy
    assert parsed.birth_date == dt.date(1965, 3, 2)
    assert parsed.gender == "男"


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31)),
    st.integers(0, 999),
)
def test_any_generated_number_round_trips(born, seq):
    first17 = "431102" + born.strftime("%Y%m%d") + f"{seq:03d}"
    number = first17 + id_check_digit(first17)
    assert parse_id_number(number).birth_date == born
    # Changing any single digit of the body breaks the check.
    broken = first17[:10] + str((int(first17[10]) + 1) % 10) + first17[11:] + number[-1]
    with pytest.raises(ValidationError):
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
