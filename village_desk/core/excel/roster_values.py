"""Cleaning the values real rosters contain, refusing what cannot be trusted.

Each ``clean_*`` function takes a raw cell value as python-calamine returns
it (str, int, float, bool, date, datetime, or ``""`` for an empty cell) and
returns the cleaned value, or raises :class:`ValidationError` naming the field.
Nothing is guessed: an 18-digit ID number stored as a number has already lost
its last digits in Excel, so it is refused, not "repaired".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from ..domain.validation import (
    IdNumber,
    ValidationError,
    mask_id_number,
    mask_phone,
    not_future,
    optional_phone,
    parse_id_number,
)

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Excel's 1900 leap bug)
CN_NUMERALS = "零一二三四五六七八九"

RELATIONS = {
    "户主": "head",
    "本人": "head",
    "配偶": "spouse",
    "妻": "spouse",
    "妻子": "spouse",
    "夫": "spouse",
    "丈夫": "spouse",
    "子女": "child",
    "子": "child",
    "女": "child",
    "儿子": "child",
    "女儿": "child",
    "长子": "child",
    "次子": "child",
    "三子": "child",
    "长女": "child",
    "次女": "child",
    "三女": "child",
    "养子": "child",
    "养女": "child",
    "父母": "parent",
    "父亲": "parent",
    "母亲": "parent",
    "父": "parent",
    "母": "parent",
    "孙子女": "grandchild",
    "孙子": "grandchild",
    "孙女": "grandchild",
    "外孙子": "grandchild",
    "外孙女": "grandchild",
    "儿媳": "child_in_law",
    "女婿": "child_in_law",
    "儿媳/女婿": "child_in_law",
    "祖父母": "grandparent",
    "祖父": "grandparent",
    "祖母": "grandparent",
    "兄弟姐妹": "sibling",
    "兄": "sibling",
    "弟": "sibling",
    "姐": "sibling",
    "妹": "sibling",
    "哥哥": "sibling",
    "弟弟": "sibling",
    "姐姐": "sibling",
    "妹妹": "sibling",
    "其他": "other",
}


def text(value) -> str:
    """A cell as trimmed half-width text; whole numbers without ``.0``."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


def clean_id(value) -> IdNumber | None:
    """A 公民身份号码, or None for an empty cell."""
    field = "person.id_number"
    if isinstance(value, bool):
        raise ValidationError(field, "不是身份证号")
    if isinstance(value, int | float):
        digits = f"{value:.0f}" if isinstance(value, float) else str(value)
        if len(digits) == 15 and float(value) == int(digits):
            return parse_id_number(digits, field)  # 15 digits fit exactly in a number
        raise ValidationError(
            field,
            "被存成了数字，Excel 只保留15位有效数字，后几位已经丢失；"
            "请把该列设为“文本”格式后重新录入号码",
        )
    raw = unicodedata.normalize("NFKC", str(value)).strip()
    if not raw:
        return None
    if re.fullmatch(r"\d(\.\d+)?E\+?\d+", raw.replace(" ", ""), re.I):
        raise ValidationError(field, f"“{raw}”是科学计数法，号码已经丢失，请按证件重新录入")
    try:
        return parse_id_number(raw, field)
    except ValidationError as err:
        compact = re.sub(r"\s+", "", raw)
        if len(compact) == 18 and compact.endswith("000") and "校验码" in err.message:
            raise ValidationError(
                field, err.message + "；末尾是000，可能在 Excel 中被当作数字丢了位数"
            ) from None
        raise


def clean_phone(value, field: str = "person.phone") -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return optional_phone(text(value), field)


_DATE_TEXT = re.compile(r"(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?")
_YEAR_MONTH_TEXT = re.compile(r"(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?|(\d{4})(\d{2})")
_YEAR_TEXT = re.compile(r"(\d{4})\s*年?")
YEARS = range(1800, 2200)  # numbers in this range are a year (1965) or year.month (1965.03)


@dataclass(frozen=True)
class YearMonth:
    """A birth date given only as a year, or a year and month (出生年月).

    ``months`` holds the months it may mean: one month (1965.03), none known
    (1965), or two when Excel dropped a trailing zero (1965.1 is 1965.10 or
    1965.01).
    """

    year: int
    months: tuple[int, ...] = ()

    def matches(self, day: dt.date) -> bool:
        return day.year == self.year and (not self.months or day.month in self.months)

    def __str__(self) -> str:
        if not self.months:
            return f"{self.year}年"
        return f"{self.year}年" + "或".join(f"{m}月" for m in self.months)


def _year_month(year: int, month: int | None, raw, field: str) -> YearMonth:
    if year not in YEARS or (month is not None and not 1 <= month <= 12):
        raise ValidationError(field, f"“{raw}”不是真实的年月")
    ym = YearMonth(year, () if month is None else (month,))
    if dt.date(year, month or 1, 1) > dt.date.today():
        raise ValidationError(field, f"“{raw}”晚于今天，不能填写将来的日期")
    return ym


def _number_date(value: int | float, field: str) -> dt.date | YearMonth:
    if YEARS.start <= value < YEARS.stop:  # 1965 or 1965.03 typed into a number cell
        whole, _, decimals = repr(float(value)).partition(".")
        if decimals in ("", "0"):
            return _year_month(int(whole), None, whole, field)
        if decimals == "1":  # 1965.10 shown as 1965.1: October or January
            ym = _year_month(int(whole), 1, value, field)
            return YearMonth(ym.year, (1, 10))
        if len(decimals) <= 2:  # 1965.3 or 1965.03: March
            return _year_month(int(whole), int(decimals), value, field)
        raise ValidationError(field, f"“{value}”无法识别，应为 1965-03-02 或 1965年3月2日")
    if float(value).is_integer():
        if 10000000 <= value < 100000000:  # 19650302 typed as a number
            return clean_date(str(int(value)), field)
        if 1 <= value < 2958466:  # an Excel serial day number
            return not_future(EXCEL_EPOCH + dt.timedelta(days=int(value)), field)
    raise ValidationError(field, f"“{value}”不是日期")


def clean_birth(value, field: str = "person.birth_date") -> dt.date | YearMonth | None:
    """Like :func:`clean_date`, but a year or a year and month alone (出生年月:
    1965.03, 1965年3月, 1965-03, 1965, or the number 1965.03 Excel keeps for
    it) comes back as a :class:`YearMonth`, never as an invented day."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return not_future(value.date(), field)
    if isinstance(value, dt.date):
        return not_future(value, field)
    if isinstance(value, bool):
        raise ValidationError(field, f"“{value}”不是日期")
    if isinstance(value, int | float):
        return _number_date(value, field)
    raw = text(value)
    m = _DATE_TEXT.fullmatch(raw) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", raw)
    if m:
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise ValidationError(field, f"“{raw}”不是真实的日期") from None
        return not_future(day, field)
    if m := _YEAR_MONTH_TEXT.fullmatch(raw):
        year, month = (m[1], m[2]) if m[1] else (m[3], m[4])
        return _year_month(int(year), int(month), raw, field)
    if m := _YEAR_TEXT.fullmatch(raw):
        return _year_month(int(m[1]), None, raw, field)
    raise ValidationError(field, f"“{raw}”无法识别，应为 1965-03-02 或 1965年3月2日")


def clean_date(value, field: str = "person.birth_date") -> dt.date | None:
    """Real date cells, Excel serial numbers, 1965.03.02, 1965年3月2日, 19650302;
    a year or year and month alone is refused (no day is invented)."""
    day = clean_birth(value, field)
    if isinstance(day, YearMonth):
        raise ValidationError(field, f"只有年月（{day}），请补全日期")
    return day


def clean_gender(value) -> str:
    raw = text(value).upper()
    if raw in ("", "男", "女"):
        return raw
    if raw in ("M", "MALE", "男性"):
        return "男"
    if raw in ("F", "FEMALE", "女性"):
        return "女"
    raise ValidationError("person.gender", f"“{raw}”应为“男”或“女”")


def relation_code(value, labels: dict[str, str]) -> tuple[str, str]:
    """(code, original text if it had to become 其他). ``labels`` is label → code."""
    raw = re.sub(r"\s+", "", text(value))
    if not raw:
        return "", ""
    code = labels.get(raw) or RELATIONS.get(raw)
    return (code, "") if code else ("other", raw)


def group_number(raw: str) -> int | None:
    """3 for 三组, 3组, 第三村民小组, 03, 3; None if the text names no number."""
    m = re.fullmatch(
        r"第?([0-9]{1,2}|[一二三四五六七八九]?十[一二三四五六七八九]?|[零一二三四五六七八九])"
        r"(村民小组|小组|组|队|社)?",
        raw,
    )
    if not m:
        # Not a group's number (a village has tens of groups): 十十组, or an
        # ID number pasted into the 组 column once made the label ask for
        # the 43,052,119th numeral and the import stop with an IndexError.
        return None
    token = m[1]
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    if "十" in token:
        tens, _, ones = token.partition("十")
        return (CN_NUMERALS.index(tens) if tens else 1) * 10 + (
            CN_NUMERALS.index(ones) if ones else 0
        )
    return CN_NUMERALS.index(token) if len(token) == 1 else None


_ID_LIKE = re.compile(r"\d{17}[\dX]|\d{15}")
_PHONE_LIKE = re.compile(r"1[3-9]\d{9}|0\d{9,11}")  # a mobile; a landline with its area code


def clean_group(value) -> str:
    """The 组 cell's text. An ID number or a phone number there — the
    columns shifted by one — is refused, rather than becoming a group named
    by it (the number masked in the message, like everywhere it is shown)."""
    raw = text(value)
    compact = re.sub(r"[\s\-－()（）]", "", raw).upper()
    if _ID_LIKE.fullmatch(compact):
        what, shown = "身份证号", mask_id_number(compact)
    elif _PHONE_LIKE.fullmatch(compact):
        what, shown = "电话号码", mask_phone(compact)
    else:
        return raw
    raise ValidationError(
        "household.group_id", f"“{shown}”看起来是{what}，请检查列是否错位", label="组"
    )


def group_label(n: int) -> str:
    if n < 10:
        return CN_NUMERALS[n] + "组"
    tens, ones = divmod(n, 10)
    return (
        ("" if tens == 1 else CN_NUMERALS[tens]) + "十" + (CN_NUMERALS[ones] if ones else "") + "组"
    )


_LIST_SPLIT = re.compile(r"[、，,；;/\\|\s]+")


def split_list(value) -> list[str]:
    """``低保户、残疾人 / 五保`` → ``["低保户", "残疾人", "五保"]``."""
    return [part for part in _LIST_SPLIT.split(text(value)) if part]


_NOT_PARTY = ("非党员", "不是", "否", "群众", "无")


def clean_party(value) -> bool | None:
    """A 政治面貌 / 是否党员 cell: True (中共党员, 预备党员, 是, √), False, or
    None when blank."""
    raw = text(value)
    if not raw:
        return None
    if any(word in raw for word in _NOT_PARTY):
        return False
    return "党员" in raw or raw in ("是", "√", "✓", "Y", "y", "1")
