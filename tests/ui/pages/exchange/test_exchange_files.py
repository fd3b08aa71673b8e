"""交换文件 on the 数据交换 page, driven like a cadre: export a file for the
township, import the township's reply (confirming a laptop not seen before
by its fingerprint), see the peers and the files sent and received."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from PIL import Image
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from tests.ui.helpers import click, exposed, wait_ops
from village_desk.core import queries, services
from village_desk.core.domain.attachments import human_size
from village_desk.core.exchange import package
from village_desk.core.services import attachments
from village_desk.core.services.diary import DiaryInput
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage import merge
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Household
from village_desk.core.storage.replica import IdentityStore
from village_desk.ui.context import AppContext
from village_desk.ui.pages.exchange.packages import EVERYTHING
from village_desk.ui.pages.exchange.page import ExchangePage

SECRET = "qingshan-2026"


@pytest.fixture
def ctx(demo_db, settings, monkeypatch):
    monkeypatch.setenv("VILLAGE_DESK_EXCHANGE_PASSPHRASE", SECRET)
    context = AppContext(demo_db, settings)
    yield context
    context.close()


@pytest.fixture
def panel(ctx, qtbot):
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    exposed(page)
    yield page.files_panel  # (the page stays referenced until the test ends)


@pytest.fixture
def township(tmp_path, demo_db):
    """Another installation holding the same village (set up with the same
    village details, so the same village)."""
    db = Database.open(
        f"sqlite:///{tmp_path / 'township.sqlite3'}",
        identities=IdentityStore(tmp_path / "township-config"),
    )
    profile = demo_db.read(queries.reference.profile)
    services.setup.initialize(
        db,
        village=profile.village,
        township=profile.township,
        county=profile.county,
        division_code=profile.division_code,
    )
    return db


def visit_photo(db, hid) -> bytes:
    """A township cadre's visit to household ``hid`` with a photo; its bytes."""
    cadre = services.setup.add_cadre(db, None, "赵乡干", "secretary", "")
    entry, _ = services.diary.write_entry(
        db, cadre, DiaryInput(dt.date.today(), "home_visit", cadre, [hid], narrative="入户走访")
    )
    jpeg = io.BytesIO()
    Image.new("RGB", (320, 240), "red").save(jpeg, "JPEG")
    prepared = attachments.prepare_bytes(jpeg.getvalue(), "visit.jpg")
    attachments.add_prepared(db, cadre, "diary_entry", entry, prepared)
    return prepared.data


class Answer:
    """Answer the next modal message box by clicking the button with
    ``text``; records the box's text, and whether one appeared at all."""

    def __init__(self, text: str):
        self.text = text
        self.seen: str | None = None
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.timer.stop()
            self.seen = box.text()
            [button] = [b for b in box.buttons() if b.text() == self.text]
            button.click()


def test_export_then_import_the_townships_reply(panel, ctx, qtbot, township, tmp_path):
    # The first time, there is nobody to send to: everything.
    assert panel.peer_combo.currentData() == EVERYTHING
    out = tmp_path / "for-township.vdx"
    panel.ask_save_path = lambda suggested: str(out)
    click(qtbot, panel.export_button)
    wait_ops(qtbot, ctx, 30000)
    assert out.exists()
    assert "条改动" in panel.result_label.text() and str(out) in panel.result_label.text()
    assert panel.history_table.rowCount() == 1
    assert "全部记录" in panel.history_table.item(0, 1).text()

    # The township imports it, registers a household, and replies.
    package.import_package(township, out, secret=SECRET, confirm_new=lambda _c: True)
    hid = services.households.create_household(
        township,
        None,
        HouseholdInput(number="99-001"),
        PersonInput(name="乡镇登记户"),
    )
    photo = visit_photo(township, hid)
    reply = package.export_package(township, tmp_path / "reply.vdx", secret=SECRET).path

    # A laptop not seen before: the cadre compares fingerprints and accepts.
    panel.ask_open_path = lambda: str(reply)
    answer = Answer("一致，导入")
    click(qtbot, panel.import_button)
    qtbot.waitUntil(lambda: answer.seen is not None, timeout=30000)
    assert package.own_fingerprint(township) in answer.seen
    wait_ops(qtbot, ctx, 30000)
    assert "已导入 reply.vdx" in panel.result_label.text()
    # The visit photo came with it, and the cadre is told (count and size).
    assert human_size(len(photo)) in panel.result_label.text()
    assert queries.attachments.store(ctx.db).read(hashlib.sha256(photo).hexdigest()) == photo
    with ctx.db.reading() as s:
        assert s.scalar(select(Household.number).where(Household.id == hid)) == "99-001"
    assert merge.digest(ctx.db) == merge.digest(township)

    # The township is now a peer, with nothing waiting for it; both files listed.
    assert panel.peers_table.rowCount() == 1
    assert panel.peers_table.item(0, 2).text() == "0"
    assert panel.peer_combo.currentData() == panel.peers_table.item(0, 1).text()
    directions = {panel.history_table.item(r, 1).text() for r in range(2)}
    assert any(d.startswith("收到") for d in directions)

    # The same file again: nothing changes, and the cadre is told so.
    click(qtbot, panel.import_button)
    wait_ops(qtbot, ctx, 30000)
    qtbot.waitUntil(lambda: "已在" in panel.result_label.text(), timeout=10000)
    assert "导入过" in panel.result_label.text()


def test_a_laptop_not_confirmed_is_not_imported(panel, ctx, qtbot, township, tmp_path):
    services.households.create_household(
        township, None, HouseholdInput(number="99-002"), PersonInput(name="未确认")
    )
    path = package.export_package(township, tmp_path / "t.vdx", secret=SECRET, full=True).path
    before = merge.digest(ctx.db)
    panel.ask_open_path = lambda: str(path)
    answer = Answer("取消")
    click(qtbot, panel.import_button)
    qtbot.waitUntil(lambda: answer.seen is not None, timeout=30000)
    wait_ops(qtbot, ctx, 30000)
    assert "没有导入" in panel.result_label.text()
    assert merge.digest(ctx.db) == before


def test_a_wrong_passphrase_is_said_plainly(panel, ctx, qtbot, township, tmp_path, monkeypatch):
    path = package.export_package(
        township, tmp_path / "t.vdx", secret="another-passphrase", full=True
    ).path
    before = merge.digest(ctx.db)
    panel.ask_open_path = lambda: str(path)
    click(qtbot, panel.import_button)
    wait_ops(qtbot, ctx, 30000)
    qtbot.waitUntil(lambda: panel.result_label.isVisible(), timeout=10000)
    assert "交换口令不对" in panel.result_label.text()
    assert merge.digest(ctx.db) == before


def test_the_review_list_is_one_click_away(panel, qtbot):
    with qtbot.waitSignal(panel.review_requested, timeout=2000):
        click(qtbot, panel.review_button)


def test_the_window_opens_the_review_list_when_asked(window, qtbot):
    from village_desk.ui.pages.dashboard.review import ReviewDialog

    opened = []

    def close_it():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ReviewDialog):
            opened.append(dialog)
            dialog.reject()
        else:
            QTimer.singleShot(20, close_it)

    window.nav.setCurrentRow(window.PAGE_EXCHANGE)
    QTimer.singleShot(20, close_it)
    click(qtbot, window.exchange_page.files_panel.review_button)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
