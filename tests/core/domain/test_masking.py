"""Masking for what is shown outside (DOMAIN.md §4 public posting: names and
numbers are masked): an ID number keeps its first and last four characters,
a phone its last four digits (a mobile also its first three, a landline its
area code), any other long number in free text its last four; a name only its
first character."""

import pytest

from tests.helpers import make_id
from village_desk.core.domain.validation import (
    mask_id_number,
    mask_name,
    mask_numbers,
    mask_phone,
)

ID = make_id("19580312", "131")  # 18 characters
LEGACY = "430102650302123"  # 15 digits


@pytest.mark.parametrize(
    "value, shown",
    [
        (None, ""),
        ("", ""),
        ("11010519491231002X", "1101**********002X"),
        (LEGACY, "4301*******2123"),
        ("123456789", "1234*6789"),
        ("12345678", "********"),  # too short to show anything
        ("1234", "****"),
    ],
)
def test_id_numbers_keep_the_first_and_last_four(value, shown):
    assert mask_id_number(value) == shown


@pytest.mark.parametrize(
    "value, shown",
    [
        (None, ""),
        ("", ""),
        ("13812345678", "138****5678"),
        ("19912345678", "199****5678"),
        ("0731-84123456", "0731-****3456"),
        ("010-62345678", "010-****5678"),
        ("0739-8123456", "0739-***3456"),  # a 7-digit local number
        ("0731-84123456-123", "0731-****3456"),  # the extension would show the tail
        ("12345", "*2345"),  # anything else: digits only, last four kept
        ("+1 555 123 4567", "*******4567"),
        ("1234", "****"),
        ("12", "**"),
    ],
)
def test_phones_keep_their_last_four_digits(value, shown):
    assert mask_phone(value) == shown


@pytest.mark.parametrize(
    "text, shown",
    [
        (None, ""),
        ("", ""),
        ("家里没人，下午再来", "家里没人，下午再来"),
        ("2025年3月5日，3户，邮编422100", "2025年3月5日，3户，邮编422100"),  # six digits stay
        ("约在2025-03-05回访", "约在2025-03-05回访"),  # a date is not a number to hide
        (f"身份证{ID}已核对", f"身份证{ID[:4]}**********{ID[-4:]}已核对"),
        (f"身份证{ID[:17]}x已核对", f"身份证{ID[:4]}**********{ID[14:17]}x已核对"),
        ("证号11010519491231002X", "证号1101**********002X"),
        ("证号11010519491231002Ｘ", "证号1101**********002Ｘ"),
        (f"旧证{LEGACY}", "旧证4301*******2123"),
        (f"证号 {ID[:6]} {ID[6:14]} {ID[14:]}", f"证号 {ID[:4]}**********{ID[-4:]}"),
        ("电话13812345678", "电话138****5678"),
        ("电话138-1234-5678", "电话138****5678"),
        ("电话138 1234 5678", "电话138****5678"),
        ("电话+86 138 1234 5678", "电话138****5678"),
        ("电话8613812345678", "电话138****5678"),
        ("座机0739-8123456", "座机0739-***3456"),
        ("座机0731 84123456", "座机0731-****3456"),
        ("座机073184123456", "座机0731-****3456"),
        ("账号6212345678", "账号******5678"),
        ("号码8123456", "号码***3456"),
        ("号码812 3456", "号码***3456"),
        ("１３８１２３４５６７８", "*******５６７８"),  # full-width: a long number
        ("先打13812345678再打13912345678", "先打138****5678再打139****5678"),
    ],
)
def test_numbers_inside_free_text(text, shown):
    assert mask_numbers(text) == shown


def test_masking_twice_changes_nothing_more():
    text = f"户主{ID}，电话13812345678，座机0739-8123456，账号6212345678"
    once = mask_numbers(text)
    assert mask_numbers(once) == once


@pytest.mark.parametrize(
    "name, shown",
    [(None, ""), ("", ""), ("张", "张"), ("张三", "张*"), ("张三丰", "张**"), ("欧阳修", "欧**")],
)
def test_names_keep_only_their_first_character(name, shown):
    assert mask_name(name) == shown
