"""Reference-data services: several settings saved in one transaction (all or
nothing, each value checked), and a cadre added inactive in one step."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from village_desk.core import queries, services
from village_desk.core.domain.validation import ValidationError
from village_desk.core.storage.models import Change


def journal(db) -> list[tuple]:
    with db.reading() as s:
        return list(s.execute(select(Change.tx_id, Change.entity, Change.op)))


def setting(db, key):
    return db.read(queries.reference.get_setting, key)


def test_several_settings_are_one_transaction(db, village):
    before = len(journal(db))
    services.setup.save_settings(
        db,
        village["secretary"],
        {
            "due_soon_days": 5,
            "long_unvisited_days": 60,
            "duty_days": [5, 1, 1],
            "default_deadline_days": {"": 10, "proposal": 20},
            "card_title": "  干群连心卡 ",
        },
    )
    new = journal(db)[before:]
    assert len(new) == 5 and len({tx for tx, _e, _o in new}) == 1
    assert setting(db, "due_soon_days") == 5
    assert setting(db, "long_unvisited_days") == 60
    assert setting(db, "duty_days") == [1, 5]
    assert setting(db, "default_deadline_days") == {"": 10, "proposal": 20}
    assert setting(db, "card_title") == "干群连心卡"


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        ("due_soon_days", -1),
        ("long_unvisited_days", "90"),
        ("monthly_visit_minimum", True),
        ("duty_days", [2, 8]),
        ("duty_days", "2,4"),
        ("default_deadline_days", [15]),
        ("default_deadline_days", {"style": 0}),
        ("visit_quotas", {"secretary": {"visits": -5, "period": "year"}}),
        ("visit_quotas", {"secretary": {"visits": 5, "period": "week"}}),
        ("card_title", "   "),
        ("card_service_items", "低保申请"),
    ],
)
def test_one_refused_value_saves_nothing(db, village, key, bad):
    keys = ("due_soon_days", "monthly_visit_minimum", "card_slogan", key)
    old = {k: setting(db, k) for k in keys}
    before = len(journal(db))
    with pytest.raises(ValidationError) as refused:
        services.setup.save_settings(
            db,
            village["secretary"],
            {"due_soon_days": 7, "monthly_visit_minimum": 25, "card_slogan": "新标语", key: bad},
        )
    assert refused.value.field == f"setting.{key}"
    assert refused.value.label != refused.value.field  # a Chinese label, not the key
    assert len(journal(db)) == before
    assert {k: setting(db, k) for k in keys} == old


def test_an_inactive_cadre_is_added_in_one_transaction(db, village):
    before = len(journal(db))
    cid = services.setup.add_cadre(
        db, village["secretary"], "赵退休", "village_cadre", active=False
    )
    new = journal(db)[before:]
    assert [(e, o) for _tx, e, o in new] == [("cadre", "insert")]
    assert cid not in {c.id for c in db.read(queries.reference.cadres)}
    assert cid in {c.id for c in db.read(queries.reference.cadres, include_inactive=True)}


def test_unchanged_settings_write_nothing(db, village):
    services.setup.save_settings(db, None, {"due_soon_days": 4})
    with db.reading() as s:
        before = s.scalar(select(func.count()).select_from(Change))
    services.setup.save_settings(db, None, {"due_soon_days": 4})
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Change)) == before


def test_a_laptop_letter_another_computer_numbered_with_is_refused(db, village):
    from village_desk.core.services.ledger import MatterInput

    assert services.setup.set_number_code(db, "k7", "b") == "K7B"
    assert db.device.code == "K7B"
    # A number another laptop issued (here: merged in) keeps its code taken.
    cadre = db.read(queries.reference.cadres)[0].id
    mid = services.ledger.register_matter(
        db,
        None,
        MatterInput(
            content="路灯坏了", responsible_id=cadre, kind="hardship", applicant_name="张三"
        ),
    )
    number = db.read(queries.matters.matter, mid).number
    assert "-K7B-" in number
    services.setup.set_number_code(db, "K7", "C")  # moving away from B…
    with pytest.raises(ValidationError) as err:  # …B is still in the numbers here
        services.setup.set_number_code(db, "K7", "B")
    assert err.value.field == "device.letter" and "K7B" in err.value.message
    assert db.device.code == "K7C"
    for village_code, letter, field in (
        ("K", "B", "device.village_code"),
        ("K7", "I", "device.letter"),
    ):
        with pytest.raises(ValidationError) as err:
            services.setup.set_number_code(db, village_code, letter)
        assert err.value.field == field


def test_a_changed_visit_quota_leaves_check_clean(db, village):
    """A map setting saved with its roles in any order replays to the same
    record (``check`` compares the records with their journal)."""
    from village_desk.core.storage.check import run_check

    quotas = db.read(queries.reference.get_setting, "visit_quotas")
    changed = {"township_cadre": {"households": 120}, **quotas, "grid": {"visits": 99}}
    services.setup.set_setting(db, None, "visit_quotas", changed)
    assert db.read(queries.reference.get_setting, "visit_quotas")["grid"] == {"visits": 99}
    report = run_check(db)
    assert report.ok, report.problems
