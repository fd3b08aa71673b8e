"""Helpers shared by the tests (not fixtures)."""

from __future__ import annotations

from village_desk.core.domain.validation import id_check_digit


def make_id(born: str, seq: str = "123") -> str:
    first17 = "430521" + born + seq
    return first17 + id_check_digit(first17)
