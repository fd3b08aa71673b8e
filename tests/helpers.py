"""Helpers shared by the tests (not fixtures).

ID numbers in tests get their check character from :func:`iso7064_check`, an
implementation of ISO 7064 MOD 11-2 written here independently of the
product's ``id_check_digit`` (recursive form, no weight table): a wrong table
in the product then disagrees with the tests instead of with itself."""

from __future__ import annotations


def iso7064_check(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character (GB 11643-1999): p ← 2·(p + digit)
    mod 11 over the 17 digits, then the character c with 2·(p) + c ≡ 1 (mod
    11), written X for 10."""
    assert len(first17) == 17 and first17.isdigit(), first17
    p = 0
    for ch in first17:
        p = ((p + int(ch)) * 2) % 11
    value = (12 - p) % 11
    return "X" if value == 10 else str(value)


def make_id(born: str, seq: str = "123", area: str = "430521") -> str:
    first17 = area + born + seq
    return first17 + iso7064_check(first17)


# Real-format numbers (area code, birth date, sequence) among which each of the
# eleven check characters occurs; the first is GB 11643's published example.
# Written out here; test_validation checks them against iso7064_check.
REAL_FORMAT_IDS = [
    "11010519491231002X",
    "350203199103050010",
    "110105200201274761",
    "440305196611029222",
    "230103193504252203",
    "320102194306108374",
    "530102195603103215",
    "370202198403258166",
    "430521201405243677",
    "510107195502124808",
    "610113196207091869",
    "42010619440320632X",
]
