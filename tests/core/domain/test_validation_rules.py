"""What a person reads when a value is refused, at which field, and what is
stored when it is accepted: ID numbers (GB 11643), phones, required texts,
dates not in the future."""

import datetime as dt

import pytest

from tests.helpers import make_id
from village_desk.core.domain.validation import (
    ValidationError,
    id_check_digit,
    normalize_id_number,
    normalize_phone,
    not_future,
    optional_phone,
    parse_id_number,
    require,
    validate_phone,
)

TODAY = dt.date.today()


def refusal(fn, *args) -> tuple[str, str]:
    with pytest.raises(ValidationError) as err:
        fn(*args)
    return err.value.field, err.value.message


@pytest.mark.parametrize(
    "raw, message",
    [
        ("", "不能为空"),
        ("   ", "不能为空"),
        ("11010519491231A02X", "应为18位：前17位是数字，最后一位是数字或X"),
        ("1101051949123100Y", "应为18位（或15位旧号码），现在是17位"),
        ("110105194912310Y2", "应为18位（或15位旧号码），现在是17位"),
        ("11010519491231002XY", "应为18位（或15位旧号码），现在是19位"),
        ("43010265030212X", "15位旧号码应全部是数字"),
        ("1101051949123", "应为18位（或15位旧号码），现在是13位"),
        (make_id("19490231", "002", area="110105"), "出生日期 19490231 不是真实的日期"),
        (make_id("18891231", "002", area="110105"), "出生日期 1889-12-31 不合理"),
        ("430102651302123", "出生日期 19651302 不是真实的日期"),
        ("110105194912310021", "号码有误（校验码不符），请对照身份证逐位核对"),
    ],
)
def test_refused_id_numbers_say_why_at_their_field(raw, message):
    assert refusal(parse_id_number, raw, "member.id_number") == ("member.id_number", message)


def test_the_default_field_is_the_person_s_id_number():
    assert refusal(parse_id_number, "")[0] == "person.id_number"


def test_born_today_and_in_1890_are_accepted_born_tomorrow_is_not():
    assert parse_id_number(make_id(TODAY.strftime("%Y%m%d"))).birth_date == TODAY
    assert parse_id_number(make_id("18900101")).birth_date == dt.date(1890, 1, 1)
    tomorrow = TODAY + dt.timedelta(days=1)
    field, message = refusal(parse_id_number, make_id(tomorrow.strftime("%Y%m%d")))
    assert message == f"出生日期 {tomorrow.isoformat()} 不合理"


@pytest.mark.parametrize(
    "seq, gender", [("130", "女"), ("131", "男"), ("132", "女"), ("139", "男"), ("008", "女")]
)
def test_gender_from_the_17th_digit(seq, gender):
    parsed = parse_id_number(make_id("19580312", seq))
    assert (parsed.gender, parsed.legacy) == (gender, False)


@pytest.mark.parametrize(
    "raw, born, gender",
    [
        ("430102650302123", dt.date(1965, 3, 2), "男"),
        ("430102650302124", dt.date(1965, 3, 2), "女"),
        ("430102991231120", dt.date(1999, 12, 31), "女"),
    ],
)
def test_legacy_15_digit_numbers_give_birth_date_and_gender(raw, born, gender):
    parsed = parse_id_number(f" {raw[:6]} {raw[6:]} ")
    assert (parsed.number, parsed.birth_date, parsed.gender, parsed.legacy) == (
        raw,
        born,
        gender,
        True,
    )


def test_numbers_are_stored_half_width_upper_case_without_spaces():
    assert normalize_id_number("１１０１０５ １９４９１２３１ ００２ｘ") == "11010519491231002X"
    assert parse_id_number("11010519491231002x").number == "11010519491231002X"


def test_a_check_character_needs_exactly_17_digits():
    assert id_check_digit("11010519491231002") == "X"
    with pytest.raises(ValueError):
        id_check_digit("1101051949123100")
    with pytest.raises(ValueError):
        id_check_digit("110105194912310021")


@pytest.mark.parametrize(
    "raw, stored",
    [
        ("13812345678", "13812345678"),
        ("  138 1234 5678 ", "13812345678"),
        ("(138)1234-5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("+86-138-1234-5678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("０７３１－８４１２３４５６", "0731-84123456"),
        ("073184123456", "0731-84123456"),
        ("07398123456", "0739-8123456"),
        ("01062345678", "010-62345678"),
        ("02087654321", "020-87654321"),
        ("（0731）84123456", "0731-84123456"),
        ("0731-84123456-123", "0731-84123456-123"),
    ],
)
def test_accepted_phones_are_stored_in_one_form(raw, stored):
    assert validate_phone(raw) == stored
    assert optional_phone(raw, "household.phone") == stored


@pytest.mark.parametrize(
    "raw, message",
    [
        ("", "不能为空"),
        ("  ", "不能为空"),
        ("1381234567", "手机号应为11位，以13–19开头"),
        ("12812345678", "手机号应为11位，以13–19开头"),
        ("138123456789", "手机号应为11位，以13–19开头"),
        ("84123456", "应为11位手机号，或带区号的固定电话（如 0731-84123456）"),
        ("0731-841234", "应为11位手机号，或带区号的固定电话（如 0731-84123456）"),
        ("abc", "应为11位手机号，或带区号的固定电话（如 0731-84123456）"),
    ],
)
def test_refused_phones_say_why_at_their_field(raw, message):
    assert refusal(validate_phone, raw, "cadre.phone") == ("cadre.phone", message)


def test_the_default_phone_field_is_the_person_s():
    assert refusal(validate_phone, "")[0] == "person.phone"


def test_normalize_phone_keeps_the_area_code_dash():
    assert normalize_phone(" 0731-84123456 ") == "0731-84123456"
    assert normalize_phone("138-1234-5678") == "13812345678"


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_an_optional_phone_left_empty_is_empty(raw):
    assert optional_phone(raw) == ""


def test_an_optional_phone_filled_in_wrong_is_refused_at_its_field():
    assert refusal(optional_phone, "2345", "household.phone") == (
        "household.phone",
        "应为11位手机号，或带区号的固定电话（如 0731-84123456）",
    )
    assert refusal(optional_phone, "2345")[0] == "person.phone"


def test_required_text_is_trimmed_and_refused_when_empty():
    assert require("  张三丰 ", "person.name") == "张三丰"
    for empty in (None, "", "   ", "\u200b\u200b"):
        assert refusal(require, empty, "person.name") == ("person.name", "必须填写")


def test_dates_up_to_today_are_accepted_later_ones_refused():
    assert not_future(TODAY, "diary.date") == TODAY
    assert not_future(dt.date(2020, 5, 1), "diary.date", today=dt.date(2020, 5, 1)) == dt.date(
        2020, 5, 1
    )
    later = dt.date(2020, 5, 2)
    assert refusal(not_future, later, "diary.date", dt.date(2020, 5, 1)) == (
        "diary.date",
        "2020-05-02 晚于今天，不能填写将来的日期",
    )
    tomorrow = TODAY + dt.timedelta(days=1)
    assert refusal(not_future, tomorrow, "matter.received")[0] == "matter.received"
