"""Fixtures for every test: a fresh database with a village profile, and a
small village (groups, cadres, one household). Core tests run on these
without Qt; GUI fixtures are in ``tests/ui/conftest.py``."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Logs of GUI starts and the devices' identity record (replicas.json) go to
# temporary folders, not the user's.
os.environ.setdefault(
    "VILLAGE_DESK_LOG_DIR",
    os.path.join(tempfile.gettempdir(), f"village-desk-test-logs-{os.getpid()}"),
)
os.environ.setdefault(
    "VILLAGE_DESK_CONFIG_DIR", tempfile.mkdtemp(prefix="village-desk-test-config-")
)

import datetime as dt

import pytest

from tests.helpers import make_id
from village_desk.core import services
from village_desk.core.services.households import HouseholdInput, PersonInput, create_household
from village_desk.core.storage.db import Database


@pytest.fixture
def db(tmp_path):
    database = Database.open(f"sqlite:///{tmp_path / 'test.sqlite3'}", device_name="测试机")
    services.setup.initialize(database, village="桃花村", township="青山镇", county="隆回县")
    yield database
    database.close()


@pytest.fixture
def village(db):
    """Two groups, two cadres and one household, as ids."""
    g1 = services.setup.add_group(db, None, "一组")
    g2 = services.setup.add_group(db, None, "二组")
    secretary = services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001", "全面负责")
    grid = services.setup.add_cadre(db, None, "李秀英", "grid", "13907310002", "一组网格")
    hh = create_household(
        db,
        secretary,
        HouseholdInput(number="01-001", group_id=g1, categories=["dibao"]),
        PersonInput(name="张三丰", id_number=make_id("19580312", "131"), phone="13812345678"),
        [PersonInput(name="刘桂兰", relation="spouse", id_number=make_id("19600101", "222"))],
    )
    return {
        "g1": g1,
        "g2": g2,
        "secretary": secretary,
        "grid": grid,
        "hh": hh,
        "today": dt.date.today(),
    }
