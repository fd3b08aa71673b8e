"""Validation of the values people type: ID numbers, phones, dates.

Every error is a :class:`ValidationError` carrying the field's key (see
:mod:`.fields`) and a message that says what is expected, so the GUI can put
it next to the field and the CLI can print it as is.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .errors import ValidationError
from .text import clean_text

__all__ = [
    "ValidationError",
    "IdNumber",
    "normalize_id_number",
    "parse_id_number",
    "id_check_digit",
    "normalize_phone",
    "validate_phone",
    "require",
    "mask_id_number",
    "mask_phone",
    "mask_name",
]


# GB 11643-1999: weights 2^(17-i) mod 11, check characters for sum mod 11.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def _halfwidth(text: str) -> str:
    # NFKC turns full-width digits/letters (１２３Ｘ) into ASCII.
    return unicodedata.normalize("NFKC", text)


def normalize_id_number(raw: str) -> str:
    """Full-width to half-width, spaces removed, lower-case x upper-cased."""
    return re.sub(r"\s+", "", _halfwidth(raw)).upper()


@dataclass(frozen=True)
class IdNumber:
    number: str  # normalised, as stored
    birth_date: dt.date
    gender: str  # "男" / "女"
    legacy: bool  # a 15-digit number issued before 1999


def parse_id_number(raw: str, field: str = "person.id_number") -> IdNumber:
    """Check a 公民身份号码 and return its parts, or raise ValidationError."""
    value = normalize_id_number(raw)
    if not value:
        raise ValidationError(field, "不能为空")
    if len(value) == 18:
        if not re.fullmatch(r"\d{17}[\dX]", value):
            raise ValidationError(field, "应为18位：前17位是数字，最后一位是数字或X")
        birth = _birth(value[6:14], field)
        if value[17] != id_check_digit(value[:17]):
            # Not "the last digit should be …": the slip is as likely in any
            # other digit, and a changed last digit would hide it.
            raise ValidationError(field, "号码有误（校验码不符），请对照身份证逐位核对")
        gender = "男" if int(value[16]) % 2 else "女"
        return IdNumber(value, birth, gender, legacy=False)
    if len(value) == 15:
        if not value.isdigit():
            raise ValidationError(field, "15位旧号码应全部是数字")
        birth = _birth("19" + value[6:12], field)
        gender = "男" if int(value[14]) % 2 else "女"
        return IdNumber(value, birth, gender, legacy=True)
    raise ValidationError(field, f"应为18位（或15位旧号码），现在是{len(value)}位")


def _birth(yyyymmdd: str, field: str) -> dt.date:
    try:
        born = dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        raise ValidationError(field, f"出生日期 {yyyymmdd} 不是真实的日期") from None
    if born > dt.date.today() or born.year < 1890:
        raise ValidationError(field, f"出生日期 {born.isoformat()} 不合理")
    return born


_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area code 0 + 2-3 digits, subscriber number 7-8 digits, optional extension.
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(-\d{1,6})?")


def normalize_phone(raw: str) -> str:
    """Strip spaces, brackets and a +86/0086 prefix; keep the area-code dash."""
    value = _halfwidth(raw).strip()
    value = re.sub(r"[\s()（）]", "", value)
    value = re.sub(r"^(\+86|0086)-?", "", value)
    if re.fullmatch(r"1[\d-]{10,12}", value):  # 138-1234-5678 → 13812345678
        value = value.replace("-", "")
    return value


def validate_phone(raw: str, field: str = "person.phone") -> str:
    """Return the normalised phone number or raise ValidationError."""
    value = normalize_phone(raw)
    if not value:
        raise ValidationError(field, "不能为空")
    if _MOBILE.fullmatch(value):
        return value
    if value.startswith("1"):
        raise ValidationError(field, "手机号应为11位，以13–19开头")
    if _LANDLINE.fullmatch(value):
        if "-" not in value:  # canonical form keeps area code apart
            area = 3 if value[1] in "12" else 4
            value = value[:area] + "-" + value[area:]
        return value
    raise ValidationError(field, "应为11位手机号，或带区号的固定电话（如 0731-84123456）")


def require(value: str | None, field: str) -> str:
    # Cleaned as it will be stored: a name of control or zero-width
    # characters only is empty.
    text = clean_text(value or "")
    if not text:
        raise ValidationError(field, "必须填写")
    return text


def optional_phone(raw: str | None, field: str = "person.phone") -> str:
    return validate_phone(raw, field) if (raw or "").strip() else ""


def not_future(value: dt.date, field: str, today: dt.date | None = None) -> dt.date:
    if value > (today or dt.date.today()):
        raise ValidationError(field, f"{value.isoformat()} 晚于今天，不能填写将来的日期")
    return value


def mask_id_number(value: str | None) -> str:
    """4311**********1234 style: keep the first 4 and last 4."""
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


_LANDLINE_FULL = re.compile(r"(0\d{2,3})-(\d{7,8})(?:-\d{1,6})?")


def mask_phone(value: str | None) -> str:
    """138****5678 for mobiles; landlines keep area code and last 4 digits (an
    extension is dropped: it would show the number's tail again)."""
    if not value:
        return ""
    if _MOBILE.fullmatch(value):
        return value[:3] + "****" + value[-4:]
    landline = _LANDLINE_FULL.fullmatch(value)
    if landline:
        number = landline[2]
        return f"{landline[1]}-{'*' * (len(number) - 4)}{number[-4:]}"
    digits = re.sub(r"\D", "", value)
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


# Numbers inside free text (notes, matter contents): ASCII or full-width digits
# (``\d`` matches both), with single spaces or dashes between digit groups.
# (Dashes only in phone numbers: ``2025-03-05`` is a date, not a number to hide.)
_SP = r"[ \u3000]?"
_SEP = r"[ \-\u3000]?"
_ID_IN_TEXT = re.compile(
    rf"(?<!\d)(?:\d{_SP}){{14}}(?:\d{_SP}\d{_SP}\d{_SP}[\dXxＸｘ]|\d)(?![\dXxＸｘ])"
)
_MOBILE_IN_TEXT = re.compile(rf"(?<!\d)(?:\+?86{_SEP})?1[3-9]\d(?:{_SEP}\d){{8}}(?!\d)")
_LANDLINE_IN_TEXT = re.compile(r"(?<!\d)(0\d{2,3})[-\s]?(\d{7,8})(?!\d)")
_LONG_IN_TEXT = re.compile(rf"(?<![\d*])\d(?:{_SP}\d){{6,}}(?!\d)")


def _keep_last_four(match: re.Match) -> str:
    digits = re.sub(r"[^\dXxＸｘ]", "", match.group())
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_numbers(text: str | None) -> str:
    """Mask identity numbers, phones and other long digit runs inside free text
    (printed sheets and exports for display)."""
    if not text:
        return ""
    text = _ID_IN_TEXT.sub(lambda m: _mask_id_in_text(m.group()), text)
    text = _MOBILE_IN_TEXT.sub(_keep_phone, text)
    text = _LANDLINE_IN_TEXT.sub(lambda m: f"{m[1]}-{'*' * (len(m[2]) - 4)}{m[2][-4:]}", text)
    return _LONG_IN_TEXT.sub(_keep_last_four, text)


def _mask_id_in_text(raw: str) -> str:
    digits = re.sub(r"[^\dXxＸｘ]", "", raw)
    return mask_id_number(digits)


def _keep_phone(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group())[-11:]
    return digits[:3] + "****" + digits[-4:]


def mask_name(value: str | None) -> str:
    """张** style for public notices."""
    if not value:
        return ""
    return value[0] + "*" * (len(value) - 1)
