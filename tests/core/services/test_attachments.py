"""Evidence photos and scans (issue 16 item 4): a phone photo comes in
upright, smaller and without the place it was taken; the same photo is stored
once; a bad file is refused and nothing is stored; 办结签收 as a photo of the
slip or a tick with who signed."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from PIL import Image
from sqlalchemy import select

from village_desk.core import queries, services
from village_desk.core.domain.attachments import MAX_SIDE
from village_desk.core.domain.errors import ServiceError, ValidationError
from village_desk.core.services import attachments as att
from village_desk.core.services.ledger import MatterInput, apply_action
from village_desk.core.storage.models import Attachment, Change, DiaryEntry

TODAY = dt.date.today()
GPS_IFD = 0x8825


def phone_photo(tmp_path, *, size=(4000, 3000), orientation=6, gps=True, name="IMG_0001.jpg"):
    """A JPEG as a phone writes it: landscape pixels with an orientation tag
    (6: turn 90° clockwise to view), the time taken and a GPS position. The
    top-left quarter is red so the turn can be seen in the result."""
    img = Image.new("RGB", size, "white")
    img.paste((255, 0, 0), (0, 0, size[0] // 2, size[1] // 2))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8769)[0x9003] = "2026:11:20 09:30:15"
    if gps:
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (27.0, 6.0, 30.0), 3: "E", 4: (111.0, 0.0, 5.0)})
    path = tmp_path / name
    img.save(path, "JPEG", exif=exif.tobytes(), quality=90)
    return path


@pytest.fixture
def entry(db, village):
    entry_id, _matters = services.diary.write_entry(
        db,
        village["secretary"],
        services.diary.DiaryInput(
            date=TODAY,
            author_id=village["secretary"],
            household_ids=[village["hh"]],
            mode="home_visit",
            narrative="走访张三丰户，了解危房改造进展",
        ),
    )
    return entry_id


@pytest.fixture
def matter(db, village):
    sec = village["secretary"]
    return services.ledger.register_matter(
        db,
        sec,
        MatterInput(
            content="申请办理残疾人证",
            responsible_id=sec,
            received_date=TODAY - dt.timedelta(days=10),
            applicant_name="张三丰",
            household_id=village["hh"],
            kind="hardship",
            deadline=TODAY + dt.timedelta(days=10),
        ),
    )


def stored(db, attachment_id):
    row, data = att.file_bytes(db, attachment_id)
    return row, Image.open(io.BytesIO(data)), data


def test_phone_photo_comes_in_upright_smaller_and_without_its_place(db, village, entry, tmp_path):
    path = phone_photo(tmp_path)
    aid = att.add_attachment(db, village["secretary"], "diary_entry", entry, path, caption="现场")
    row, img, data = stored(db, aid)
    # turned as the camera said: 4000×3000 landscape becomes portrait, then
    # scaled so the longer side is MAX_SIDE
    assert (img.width, img.height) == (MAX_SIDE * 3 // 4, MAX_SIDE)
    assert (row.width, row.height) == (img.width, img.height)
    # the red quarter was top-left; after a 90° clockwise turn it is top-right
    assert img.getpixel((img.width - 10, 10))[0] > 200 and img.getpixel((10, 10))[1] > 200
    exif = img.getexif()
    assert not exif.get_ifd(GPS_IFD) and 0x010F not in exif  # no position, no maker
    assert row.taken == "2026-11-20T09:30:15"  # the time taken is kept on the record
    assert row.original_name == "IMG_0001.jpg" and row.caption == "现场"
    assert row.size == len(data) < path.stat().st_size


def test_metadata_kept_when_the_person_chooses(db, village, entry, tmp_path):
    path = phone_photo(tmp_path)
    aid = att.add_attachment(
        db, village["secretary"], "diary_entry", entry, path, keep_metadata=True
    )
    _row, img, _data = stored(db, aid)
    exif = img.getexif()
    assert exif.get_ifd(GPS_IFD)[1] == "N"
    assert exif[0x0112] == 1  # upright pixels say so: a viewer must not turn them again
    assert img.height > img.width


def test_same_photo_twice_is_stored_once(db, village, entry, matter, tmp_path):
    path = phone_photo(tmp_path, size=(800, 600))
    a = att.add_attachment(db, village["secretary"], "diary_entry", entry, path)
    b = att.add_attachment(db, village["secretary"], "matter", matter, path)
    with db.reading() as s:
        rows = s.scalars(select(Attachment).where(Attachment.id.in_([a, b]))).all()
    assert len({r.sha256 for r in rows}) == 1
    store = queries.attachments.store(db)
    assert list(store.hashes()) == [rows[0].sha256]
    # the name is the content's hash: the store can tell a damaged file
    assert hashlib.sha256(store.path(rows[0].sha256).read_bytes()).hexdigest() == rows[0].sha256


def test_attaching_is_journaled_and_listed_with_its_record(db, village, entry, tmp_path):
    aid = att.add_attachment(
        db, village["secretary"], "diary_entry", entry, phone_photo(tmp_path, size=(640, 480))
    )
    with db.reading() as s:
        listed = queries.attachments.for_owner(s, "diary_entry", entry)
        journaled = s.scalar(select(Change).where(Change.record_id == aid))
        village_of_entry = s.get(DiaryEntry, entry).village_id
        record = s.get(Attachment, aid)
    assert [r.id for r in listed] == [aid]
    assert journaled is not None and journaled.entity == "attachment"
    assert record.village_id == village_of_entry is not None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "空文件"),
        (b"hello, this is text", "不是能识别的图片"),
        (b"\x00\x00\x00\x18ftypheic" + b"\x00" * 100, "HEIC"),
        (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "不完整"),
    ],
)
def test_bad_file_is_refused_with_its_name_and_nothing_stored(
    db, village, entry, tmp_path, content, reason
):
    path = tmp_path / "收据.jpg"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as err:
        att.add_attachment(db, village["secretary"], "diary_entry", entry, path)
    assert "收据.jpg" in str(err.value) and reason in str(err.value)
    assert err.value.field == "attachment.file"
    with db.reading() as s:
        assert queries.attachments.for_owner(s, "diary_entry", entry) == []
    assert list(queries.attachments.store(db).hashes()) == []


def test_truncated_jpeg_is_refused(db, village, entry, tmp_path):
    whole = phone_photo(tmp_path, size=(1200, 900)).read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(ValidationError, match="cut.jpg"):
        att.add_attachment(db, village["secretary"], "diary_entry", entry, cut)


def test_pdf_scan_is_kept_as_it_is(db, village, matter, tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "签收单.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(100, 700, "signed")
    c.save()
    aid = att.add_attachment(db, village["secretary"], "matter", matter, path, kind="scan")
    row, data = att.file_bytes(db, aid)
    assert data == path.read_bytes()
    assert (row.mime, row.kind) == ("application/pdf", "scan")


def test_store_cap_refuses_with_how_much_is_used(db, village, entry, tmp_path):
    services.setup.set_setting(db, None, "attachment_cap_mb", 100)
    # fill the store near its cap with a file no record needs
    store = queries.attachments.store(db)
    store.put(b"x" * (100 * 1024 * 1024 - 1000))
    with pytest.raises(ServiceError, match="上限"):
        att.add_attachment(
            db, village["secretary"], "diary_entry", entry, phone_photo(tmp_path, size=(900, 700))
        )
    with db.reading() as s:
        assert queries.attachments.for_owner(s, "diary_entry", entry) == []


def test_cap_setting_is_checked(db):
    with pytest.raises(ValidationError):
        services.setup.set_setting(db, None, "attachment_cap_mb", 5)


def test_only_known_records_and_signoff_only_on_a_finished_matter(
    db, village, entry, matter, tmp_path
):
    photo = phone_photo(tmp_path, size=(640, 480))
    with pytest.raises(ValidationError, match="不能添加附件"):
        att.add_attachment(db, village["secretary"], "household", village["hh"], photo)
    with pytest.raises(ValidationError, match="只能附在台账事项"):
        att.add_attachment(db, village["secretary"], "diary_entry", entry, photo, kind="signoff")
    with pytest.raises(ValidationError, match="办结后"):
        att.add_attachment(db, village["secretary"], "matter", matter, photo, kind="signoff")
    apply_action(db, village["secretary"], matter, "start", when=TODAY - dt.timedelta(days=9))
    apply_action(db, village["secretary"], matter, "complete", text="已办好", when=TODAY)
    att.add_attachment(db, village["secretary"], "matter", matter, photo, kind="signoff")
    with db.reading() as s:
        state = queries.attachments.sign_off(s, matter)
    assert state.photos == 1 and state.done and not state.by


def test_delete_and_undo(db, village, entry, tmp_path):
    aid = att.add_attachment(
        db, village["secretary"], "diary_entry", entry, phone_photo(tmp_path, size=(640, 480))
    )
    att.delete_attachment(db, village["secretary"], aid)
    with db.reading() as s:
        assert queries.attachments.for_owner(s, "diary_entry", entry) == []
    att.restore_attachment(db, village["secretary"], aid)
    with db.reading() as s:
        assert [r.id for r in queries.attachments.for_owner(s, "diary_entry", entry)] == [aid]


def test_sign_off_tick(db, village, matter):
    sec = village["secretary"]
    with pytest.raises(ValidationError, match="办结后"):
        att.sign_off(db, sec, matter, by="张三丰", date=TODAY)
    apply_action(db, sec, matter, "start", when=TODAY - dt.timedelta(days=9))
    apply_action(db, sec, matter, "complete", text="已办好", when=TODAY - dt.timedelta(days=2))
    with pytest.raises(ValidationError) as err:
        att.sign_off(db, sec, matter, by="张三丰", date=TODAY - dt.timedelta(days=3))
    assert err.value.field == "matter.signoff_date"
    with pytest.raises(ValidationError) as err:
        att.sign_off(db, sec, matter, by="  ", date=TODAY)
    assert err.value.field == "matter.signoff_by"
    att.sign_off(db, sec, matter, by="张三丰", date=TODAY - dt.timedelta(days=1))
    with db.reading() as s:
        state = queries.attachments.sign_off(s, matter)
    assert (state.by, state.date, state.done) == ("张三丰", TODAY - dt.timedelta(days=1), True)
    att.clear_sign_off(db, sec, matter)
    with db.reading() as s:
        assert not queries.attachments.sign_off(s, matter).done


def test_check_reports_a_damaged_or_missing_file(db, village, entry, tmp_path):
    from village_desk.core.storage.check import run_check

    aid = att.add_attachment(
        db, village["secretary"], "diary_entry", entry, phone_photo(tmp_path, size=(640, 480))
    )
    assert run_check(db).problems == []
    row, _data = att.file_bytes(db, aid)
    path = queries.attachments.store(db).path(row.sha256)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))
    problems = run_check(db).problems
    assert any("已损坏" in p and "IMG_0001.jpg" in p for p in problems), problems
    with pytest.raises(ServiceError, match="损坏"):
        att.file_bytes(db, aid)
    path.unlink()
    assert any("不在附件文件夹" in p for p in run_check(db).problems)
    with pytest.raises(ServiceError, match="不在本机"):
        att.file_bytes(db, aid)


def test_an_inspector_cannot_attach_and_no_file_is_left(db, village, entry, tmp_path):
    from village_desk.core.storage import roles

    db.role = roles.INSPECTOR
    try:
        with pytest.raises(roles.ReadOnlyRole):
            att.add_attachment(
                db,
                village["secretary"],
                "diary_entry",
                entry,
                phone_photo(tmp_path, size=(640, 480)),
            )
    finally:
        db.role = roles.FULL
    assert list(queries.attachments.store(db).hashes()) == []
