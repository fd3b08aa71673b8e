"""Photos and scans on a record, as a cadre uses them: a phone photo dropped
on the strip appears as an upright thumbnail; the viewer shows it, takes a
caption and deletes it (with Undo); a file that is not a picture is named in
a message and nothing is added; photos chosen for a new diary entry are
added once it is saved; a finished matter's 办结签收 is recorded on its tab."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.helpers import click, exposed, settle, type_chinese
from village_desk.core import queries, services
from village_desk.core.services.ledger import MatterInput, apply_action
from village_desk.ui.widgets.attachments import AttachmentPanel, AttachmentViewer

TODAY = dt.date.today()


@pytest.fixture
def ctx(db, village, settings):
    from village_desk.ui.context import AppContext

    context = AppContext(db, settings, operator_id=village["secretary"])
    yield context
    context.close()


@pytest.fixture
def entry(db, village):
    entry_id, _ = services.diary.write_entry(
        db,
        village["secretary"],
        services.diary.DiaryInput(
            date=TODAY,
            mode="home_visit",
            author_id=village["secretary"],
            household_ids=[village["hh"]],
            narrative="走访张三丰户",
        ),
    )
    return entry_id


def portrait_photo(tmp_path, name="IMG_2001.jpg"):
    """A phone photo stored landscape (1200×900) with "turn 90°" in its EXIF."""
    img = Image.new("RGB", (1200, 900), "white")
    img.paste((0, 0, 255), (0, 0, 600, 450))
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / name
    img.save(path, "JPEG", exif=exif.tobytes())
    return path


def drop(widget, *paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


@pytest.fixture
def panel(ctx, entry, qtbot):
    panel = AttachmentPanel(ctx, "diary_entry")
    qtbot.addWidget(panel)
    panel.resize(600, 300)
    panel.show()
    exposed(panel)
    panel.set_owner(entry)
    return panel


def test_dropped_photo_shows_upright_and_the_viewer_captions_and_deletes_it(
    panel, ctx, db, entry, qtbot, modal, tmp_path
):
    assert panel.list.count() == 0 and panel.hint.isVisible()
    drop(panel, portrait_photo(tmp_path))
    settle(qtbot, ctx)
    assert panel.list.count() == 1 and not panel.hint.isVisible()
    icon = panel.list.item(0).icon().pixmap(96, 96)
    assert icon.height() > icon.width()  # upright: the phone held it portrait
    with db.reading() as s:
        (row,) = queries.attachments.for_owner(s, "diary_entry", entry)
    assert (row.width, row.height) == (900, 1200)

    def in_viewer(viewer: AttachmentViewer) -> None:
        assert viewer.image_label.pixmap().height() > viewer.image_label.pixmap().width()
        assert "IMG_2001.jpg" in viewer.info.text()
        viewer.caption_edit.clear()
        type_chinese(viewer.caption_edit, "入户走访现场")
        click(qtbot, viewer.save_caption_button)
        settle(qtbot, ctx)
        with modal.expect(lambda box: box.button(QMessageBox.StandardButton.Yes).click()):
            click(qtbot, viewer.delete_button)
        settle(qtbot, ctx)
        assert not viewer.isVisible()  # the last one gone: the viewer closes

    with modal.expect(in_viewer, AttachmentViewer):
        panel.list.setCurrentRow(0)
        panel.list.itemActivated.emit(panel.list.item(0))
    settle(qtbot, ctx)
    assert panel.list.count() == 0
    assert panel.undo.isVisible()
    click(qtbot, panel.undo.button)
    settle(qtbot, ctx)
    assert panel.list.count() == 1
    assert panel.list.item(0).text() == "入户走访现场"


def test_a_file_that_is_not_a_picture_is_named_and_nothing_added(
    panel, ctx, db, entry, qtbot, modal, tmp_path
):
    bad = tmp_path / "通知.docx"
    bad.write_bytes(b"PK\x03\x04 not a picture")
    good = portrait_photo(tmp_path)
    seen = []

    def message(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    with modal.expect(message, QMessageBox):
        drop(panel, bad, good)
    settle(qtbot, ctx)
    assert "通知.docx" in seen[0] and "没有添加" in seen[0]
    assert panel.list.count() == 1  # the good one still came in
    with db.reading() as s:
        names = [r.original_name for r in queries.attachments.for_owner(s, "diary_entry", entry)]
    assert names == ["IMG_2001.jpg"]


def test_photos_chosen_for_a_new_diary_entry_are_added_when_it_is_saved(
    ctx, db, village, qtbot, monkeypatch, tmp_path
):
    from village_desk.ui.pages.diary.drafts import DraftStore
    from village_desk.ui.pages.diary.editor import DiaryEditor

    editor = DiaryEditor(ctx, DraftStore(tmp_path / "drafts"))
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    exposed(editor)
    editor.start_new([village["hh"]])
    photo = portrait_photo(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    click(qtbot, editor.attachments.add_button)
    assert editor.attachments.list.count() == 1  # waiting for the entry
    editor.narrative_edit.setPlainText("走访张三丰户，看了危房")
    saved = []
    editor.saved.connect(lambda entry_id, _m: saved.append(entry_id))
    click(qtbot, editor.save_button)
    settle(qtbot, ctx)
    settle(qtbot, ctx)
    assert saved
    with db.reading() as s:
        rows = queries.attachments.for_owner(s, "diary_entry", saved[0])
    assert [r.original_name for r in rows] == ["IMG_2001.jpg"]


def test_signoff_of_a_finished_matter_on_its_tab(ctx, db, village, qtbot, modal, tmp_path):
    from village_desk.ui.pages.ledger.matter import MatterView
    from village_desk.ui.pages.ledger.signoff import SignOffDialog

    sec = village["secretary"]
    mid = services.ledger.register_matter(
        db,
        sec,
        MatterInput(
            content="申请办理低保",
            responsible_id=sec,
            received_date=TODAY - dt.timedelta(days=12),
            applicant_name="张三丰",
            household_id=village["hh"],
            kind="hardship",
            deadline=TODAY + dt.timedelta(days=3),
        ),
    )
    view = MatterView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    exposed(view)
    view.show_matter(mid)
    tab = view.signoff_tab
    view.side_tabs.setCurrentWidget(view.signoff_scroll)
    assert not tab.sign_button.isEnabled()  # not done yet: nothing to sign
    apply_action(db, sec, mid, "start", when=TODAY - dt.timedelta(days=11))
    apply_action(db, sec, mid, "complete", text="低保已批", when=TODAY - dt.timedelta(days=2))
    settle(qtbot, ctx)
    assert tab.sign_button.isEnabled()
    assert "未签收" in tab.state_label.text() or "Not signed" in tab.state_label.text()

    def sign(dialog: SignOffDialog) -> None:
        assert dialog.by_edit.text() == "张三丰"  # the applicant, as a start
        dialog.save_button.click()

    with modal.expect(sign, SignOffDialog):
        click(qtbot, tab.sign_button)
    settle(qtbot, ctx)
    assert "张三丰" in tab.state_label.text()
    with db.reading() as s:
        state = queries.attachments.sign_off(s, mid)
    assert (state.by, state.date) == ("张三丰", TODAY)

    # a photo of the slip, as its kind
    slip = tmp_path / "slip.png"
    Image.new("RGB", (600, 800), "white").save(slip)
    tab.panel.add_files([slip], kind="signoff")
    settle(qtbot, ctx)
    with db.reading() as s:
        assert queries.attachments.sign_off(s, mid).photos == 1
    index = view.side_tabs.indexOf(view.signoff_scroll)
    assert view.side_tabs.tabText(index).endswith("(1)")


def test_stored_bytes_are_what_the_viewer_saves(
    panel, ctx, db, entry, qtbot, tmp_path, monkeypatch
):
    drop(panel, portrait_photo(tmp_path))
    settle(qtbot, ctx)
    with db.reading() as s:
        (row,) = queries.attachments.for_owner(s, "diary_entry", entry)
    out = tmp_path / "copy.jpg"
    viewer = AttachmentViewer(ctx, [row], 0, panel)
    qtbot.addWidget(viewer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    viewer.save_as()
    settle(qtbot, ctx)
    saved = Image.open(io.BytesIO(out.read_bytes()))
    assert saved.size == (900, 1200)
