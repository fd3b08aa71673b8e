"""Several office PCs write to the township's PostgreSQL database at once,
each with its own device identity: nothing is lost, every change is
journaled once, in one gap-free sequence (what exchange files are cut from)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from village_desk.core import services
from village_desk.core.services.ledger import MatterInput
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Change, Matter, MatterNote
from village_desk.core.storage.replica import IdentityStore

from .postgres_server import PostgresServer

PER_WRITER = 15


@pytest.fixture(scope="module")
def server():
    srv = PostgresServer()
    yield srv
    srv.stop()


def test_two_office_pcs_writing_at_once_lose_nothing(server, tmp_path):
    url = server.new_database()
    first = Database.open(url, identities=IdentityStore(tmp_path / "pc1"), device_name="办公室1")
    services.setup.initialize(first, village="", township="青山镇", township_office=True)
    second = Database.open(url, identities=IdentityStore(tmp_path / "pc2"), device_name="办公室2")
    assert first.device.id != second.device.id
    cadre = services.setup.add_cadre(first, None, "赵乡干", "township_cadre", "13907319999")
    shared = services.ledger.register_matter(
        first,
        cadre,
        MatterInput(
            content="核实河堤隐患",
            responsible_id=cadre,
            applicant_name="应急办",
            kind="shortcoming",
        ),
    )
    errors: list[BaseException] = []

    def write(db: Database, who: str) -> None:
        try:
            for n in range(PER_WRITER):
                services.ledger.register_matter(
                    db,
                    cadre,
                    MatterInput(
                        content=f"{who}登记的第{n + 1}件事",
                        responsible_id=cadre,
                        applicant_name=who,
                        kind="hardship",
                    ),
                )
                services.ledger.add_note(db, cadre, shared, f"{who}的第{n + 1}条办理情况")
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [
        threading.Thread(target=write, args=(first, "一号机")),
        threading.Thread(target=write, args=(second, "二号机")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with first.reading() as s:
        numbers = s.scalars(select(Matter.number)).all()
        notes = s.scalars(select(MatterNote.text).where(MatterNote.matter_id == shared)).all()
        seqs = s.scalars(select(Change.seq).order_by(Change.seq)).all()
        devices = s.scalar(select(func.count(func.distinct(Change.device_id))))
    assert len(numbers) == 1 + 2 * PER_WRITER and len(set(numbers)) == len(numbers)
    assert len([t for t in notes if "办理情况" in t]) == 2 * PER_WRITER
    assert seqs == list(range(1, len(seqs) + 1))  # one gap-free sequence
    assert devices == 2
    assert run_check(second).ok
    first.close()
    second.close()
