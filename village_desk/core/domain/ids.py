"""Ids that every copy of a village computes alike.

Reference records that each laptop creates for itself when it is set up —
the village profile, the default vocabularies, the settings — get ids
derived from the village and their kind/code/key, so two laptops of one
village set up separately hold the *same* records, which merge field by
field instead of colliding. The village is identified by its 12-digit
division code when it has one, else by county, township and village name:
set up every laptop of a village with the same values.
"""

from __future__ import annotations

import re
import uuid

NAMESPACE = uuid.UUID("6f1c2d8e-8a4b-5d6e-9f10-7c2b3a4d5e6f")


def village_key(county: str, township: str, village: str, division_code: str = "") -> str:
    code = (division_code or "").strip()
    if code:
        return "code:" + code
    return "name:" + "|".join(re.sub(r"\s+", "", p or "") for p in (county, township, village))


def village_id(county: str, township: str, village: str, division_code: str = "") -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "village:" + village_key(county, township, village, division_code))


def township_id(county: str, township: str) -> uuid.UUID:
    """A township office's own profile (its database holds its villages too)."""
    key = "|".join(re.sub(r"\s+", "", p or "") for p in (county, township))
    return uuid.uuid5(NAMESPACE, "township:" + key)


def vocab_id(village: uuid.UUID | None, kind: str, code: str) -> uuid.UUID:
    return uuid.uuid5(village or NAMESPACE, f"vocab:{kind}:{code}")


def setting_id(village: uuid.UUID | None, key: str) -> uuid.UUID:
    return uuid.uuid5(village or NAMESPACE, f"setting:{key}")
