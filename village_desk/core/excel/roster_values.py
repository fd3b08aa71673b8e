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

from ..validation import IdNumber, ValidationError, not_future, optional_phone, parse_id_number

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
    field = "公民身份号码"
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


def clean_phone(value, field: str = "联系电话") -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return optional_phone(text(value), field)


_DATE_TEXT = re.compile(r"(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?")


def clean_date(value, field: str = "出生日期") -> dt.date | None:
    """Real date cells, Excel serial numbers, 1965.03.02, 1965年3月2日, 19650302."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return not_future(value.date(), field)
    if isinstance(value, dt.date):
        return not_future(value, field)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 10000000 <= value < 100000000:  # 19650302 typed as a number
            return clean_date(str(int(value)), field)
        if 1 <= value < 2958466:  # an Excel serial day number
            return not_future(EXCEL_EPOCH + dt.timedelta(days=int(value)), field)
        raise ValidationError(field, f"“{value}”不是日期")
    raw = text(value)
    m = _DATE_TEXT.fullmatch(raw) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", raw)
    if not m:
        raise ValidationError(field, f"“{raw}”无法识别，应为 1965-03-02 或 1965年3月2日")
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ValidationError(field, f"“{raw}”不是真实的日期") from None
    return not_future(day, field)


def clean_gender(value) -> str:
    raw = text(value).upper()
    if raw in ("", "男", "女"):
        return raw
    if raw in ("M", "MALE", "男性"):
        return "男"
    if raw in ("F", "FEMALE", "女性"):
        return "女"
    raise ValidationError("性别", f"“{raw}”应为“男”或“女”")


def relation_code(value, labels: dict[str, str]) -> tuple[str, str]:
    """(code, original text if it had to become 其他). ``labels`` is label → code."""
    raw = re.sub(r"\s+", "", text(value))
    if not raw:
        return "", ""
    code = labels.get(raw) or RELATIONS.get(raw)
    return (code, "") if code else ("other", raw)


def group_number(raw: str) -> int | None:
    """3 for 三组, 3组, 第三村民小组, 03, 3; None if the text names no number."""
    m = re.fullmatch(r"第?([0-9]+|[零一二三四五六七八九十]+)(村民小组|小组|组|队|社)?", raw)
    if not m:
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
