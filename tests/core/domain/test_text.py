"""Cleaning stored text: control, bidi and zero-width characters never stay."""

import pytest

from village_desk.core.domain.text import clean_text, printable
from village_desk.core.domain.validation import ValidationError, require


@pytest.mark.parametrize(
    ("raw", "single", "multi"),
    [
        ("张三", "张三", "张三"),
        ("张\x01三", "张三", "张三"),
        ("\x1b[31m李四\x7f\x85", "[31m李四", "[31m李四"),
        ("王\u202e五\u2066六\u2069", "王五六", "王五六"),
        ("\ufeff赵\u200b六\u200c\u200d\u2060", "赵六", "赵六"),
        ("  钱\t七 \n 八\r\n", "钱 七 八", "钱 七 \n 八"),
        ("第一行\r\n第二行\r第三行", "第一行 第二行 第三行", "第一行\n第二行\n第三行"),
        ("_x0001_孙_x001B_八_x000A_", "孙八", "孙八"),
        ("e\u0301", "\u00e9", "\u00e9"),  # NFC
        ("a  b", "a  b", "a  b"),  # spaces typed on purpose stay
    ],
)
def test_clean_text(raw, single, multi):
    assert clean_text(raw) == single
    assert clean_text(raw, multiline=True) == multi


def test_a_name_of_invisible_characters_only_is_empty():
    with pytest.raises(ValidationError):
        require("\u200b\x01\u202e", "person.name")
    assert require(" 张\x01三 ", "person.name") == "张三"


def test_printable_keeps_a_terminal_line_safe():
    assert printable("张\x1b[2J三\t户\n\u202e") == "张[2J三 户 "
