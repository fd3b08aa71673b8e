"""Photos and scans travel with the records they prove (issue 16 item 4).

A visit photo attached on one laptop must arrive, byte for byte, on the copy
that imports the package — never damaged bytes under a good name, never a
village's photos in another village's package — and a package made by an
older program (no files in it) must still import. Expected files are the
bytes that were attached on the sending copy, read back from the receiving
copy's store by their hash.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import os
import time

import pytest
from PIL import Image
from sqlalchemy import select

from tests.core.exchange.test_package import SECRET, Copy, add_household, refused, state
from village_desk.core import queries, services
from village_desk.core.domain.errors import ServiceError
from village_desk.core.exchange import container, keys, package
from village_desk.core.services import attachments as att
from village_desk.core.services.diary import DiaryInput
from village_desk.core.storage.check import run_check
from village_desk.core.storage.models import Attachment

TAOHUA = {"village": "桃花村", "township": "青山镇", "county": "隆回县"}
XINGHUA = {"village": "杏花村", "township": "青山镇", "county": "隆回县"}
OFFICE = {"village": "", "township": "青山镇", "county": "隆回县", "township_office": True}


def photo(color: str) -> bytes:
    img = Image.new("RGB", (640, 480), color)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


def scan(size: int) -> bytes:
    """A PDF scan of ``size`` bytes that does not compress (several pieces)."""
    return b"%PDF-1.4\n" + os.urandom(size) + b"\n%%EOF\n"


def visit_with(copy: Copy, number: str, name: str, *files: tuple[bytes, str]) -> list[str]:
    """A cadre visits a new household and attaches ``files`` to the diary
    entry; the SHA-256 of each stored file."""
    cadre = services.setup.add_cadre(copy.db, None, f"干部{number}", "secretary", "")
    hid = add_household(copy, number, name)
    entry, _ = services.diary.write_entry(
        copy.db,
        cadre,
        DiaryInput(
            date=dt.date.today(),
            mode="home_visit",
            author_id=cadre,
            household_ids=[hid],
            narrative="入户走访，了解危房改造进展",
        ),
    )
    out = []
    for data, file_name in files:
        prepared = att.prepare_bytes(data, file_name)
        att.add_prepared(copy.db, cadre, "diary_entry", entry, prepared, caption="走访照片")
        out.append(hashlib.sha256(prepared.data).hexdigest())
    return out


def stored(copy: Copy) -> dict[str, bytes]:
    files = queries.attachments.store(copy.db)
    return {sha: files.path(sha).read_bytes() for sha in files.hashes()}


def attachment_hashes(copy: Copy) -> set[str]:
    with copy.db.reading() as s:
        return set(s.scalars(select(Attachment.sha256).where(Attachment.deleted.is_(False))))


def content_lines(path) -> list[bytes]:
    """The decrypted lines of a package (the test reads what was sent)."""
    with open(path, "rb") as f:
        header = container.read_header(f, path.name)
        key = container.open_key(header, SECRET, path.name)
        return list(container.lines(container.plaintext(f, header, key, path.name)))


def carried(path) -> set[str]:
    return {
        json.loads(line)["sha256"]
        for line in content_lines(path)
        if json.loads(line).get("type") == "file"
    }


@pytest.fixture
def a(tmp_path):
    return Copy(tmp_path, "laptop-a", **TAOHUA)


@pytest.fixture
def b(tmp_path):
    return Copy(tmp_path, "laptop-b", **TAOHUA)


def test_a_photo_and_a_scan_arrive_byte_for_byte_with_their_record(a, b, tmp_path):
    big = scan(2 * 1024 * 1024)  # more than two pieces of a package line
    sent_files = visit_with(
        a, "01-001", "张三丰", (photo("red"), "IMG_0001.jpg"), (big, "签收单.pdf")
    )
    sent = a.export(tmp_path)
    assert (sent.files, sent.files_missing) == (2, 0)
    got = b.take(sent.path)
    assert (got.files, got.files_new) == (2, 2)
    assert attachment_hashes(b) == set(sent_files)
    assert stored(b) == stored(a)  # the same bytes under the same names
    assert stored(b)[hashlib.sha256(big).hexdigest()] == big
    assert run_check(b.db).problems == []
    # Imported again: nothing changes, nothing is written.
    before = state(b)
    again = b.take(sent.path)
    assert again.replay and again.files == 0
    assert state(b) == before


def test_a_package_without_photos_carries_no_files(a, b, tmp_path):
    visit_with(a, "01-001", "张三丰", (photo("red"), "IMG_0001.jpg"))
    b.take(a.export(tmp_path / "first.vdx").path)
    a.take(b.export(tmp_path / "reply.vdx").path)  # (B acknowledges what it holds)
    add_household(a, "01-002", "李四")
    second = a.export(tmp_path / "second.vdx")
    assert second.files == 0 and carried(second.path) == set()


def rewrite(path, copy: Copy, change) -> None:
    """Decrypt a package, let ``change`` alter its lines, then encrypt and
    sign it again with ``copy``'s own key and a correct content hash: a
    package that passes every check except what ``change`` broke."""
    lines = content_lines(path)
    body = change(lines[:-1])
    end = json.loads(lines[-1])
    with open(path, "wb") as f:
        writer = container.Writer(f, SECRET, "青山镇")
        content = hashlib.sha256()
        for line in body:
            content.update(line)
            writer.write(line)
        end["content_hash"] = content.hexdigest()
        signature = keys.signing_key(package.key_folder(copy.db)).sign(
            package._SIGNED + writer.header_digest + bytes.fromhex(end["content_hash"])
        )
        end["signature"] = base64.b64encode(signature).decode("ascii")
        writer.write(json.dumps(end).encode() + b"\n")
        writer.close()


def test_a_file_whose_bytes_were_altered_is_refused_and_nothing_imported(a, b, tmp_path):
    [sha] = visit_with(a, "01-001", "张三丰", (photo("red"), "IMG_0001.jpg"))
    path = a.export(tmp_path / "a.vdx").path
    original = path.read_bytes()

    def alter(lines):
        out = []
        for line in lines:
            obj = json.loads(line)
            if obj.get("type") == "file":
                data = bytearray(base64.b64decode(obj["data"]))
                data[100] ^= 0x01  # one bit of the photo
                obj["data"] = base64.b64encode(bytes(data)).decode()
                line = json.dumps(obj, separators=(",", ":")).encode() + b"\n"
            out.append(line)
        return out

    rewrite(path, a, alter)
    refused(b, path, f"附件文件（{sha[:12]}…）与它的校验值不符")
    assert stored(b) == {}
    # The same package rewritten without the change imports (the test's
    # rewriting is not what was refused).
    path.write_bytes(original)
    rewrite(path, a, lambda lines: lines)
    b.take(path)
    assert set(stored(b)) == {sha}


def test_a_file_cut_short_in_a_signed_package_is_refused(a, b, tmp_path):
    visit_with(a, "01-001", "张三丰", (scan(1024 * 1024), "scan.pdf"))
    path = a.export(tmp_path / "a.vdx").path
    # The last piece of the file left out, the counts still right.
    rewrite(path, a, lambda lines: lines[:-1])
    refused(b, path, "附件文件不完整")
    assert stored(b) == {}


def test_a_failed_import_leaves_no_file_under_a_wrong_name_and_can_be_redone(
    a, b, tmp_path, monkeypatch
):
    shas = visit_with(a, "01-001", "张三丰", (photo("red"), "a.jpg"), (scan(900_000), "b.pdf"))
    path = a.export(tmp_path / "a.vdx").path
    before = state(b)

    # The merge fails after the files were written (a power cut would leave
    # the same: a committed nothing, some files).
    def broken(*_args, **_kw):
        raise ServiceError("磁盘已满")

    monkeypatch.setattr(package, "_now", broken)  # (called as the package is recorded)
    with pytest.raises(ServiceError, match="磁盘已满"):
        b.take(path)
    monkeypatch.undo()
    assert state(b) == before
    files = queries.attachments.store(b.db)
    for sha in files.hashes():  # whatever was written is whole
        assert files.intact(sha)
    assert run_check(b.db).problems == []
    # What a kill would leave: a half-written temporary file, from yesterday.
    left = files.root / shas[0][:2] / ".part-killed"
    left.parent.mkdir(parents=True, exist_ok=True)
    left.write_bytes(b"half a photo")
    yesterday = time.time() - 86400
    os.utime(left, (yesterday, yesterday))
    got = b.take(path)
    assert not got.replay and attachment_hashes(b) == set(shas)
    assert not left.exists()  # cleared by the next import that brings files
    assert stored(b) == stored(a)
    assert run_check(b.db).problems == []


def test_a_missing_file_is_left_out_and_a_full_package_brings_it_later(a, b, tmp_path):
    [sha] = visit_with(a, "01-001", "张三丰", (photo("red"), "IMG_0001.jpg"))
    files = queries.attachments.store(a.db)
    kept = files.path(sha).read_bytes()
    files.path(sha).unlink()  # lost on the sending laptop
    sent = a.export(tmp_path / "first.vdx")
    assert (sent.files, sent.files_missing) == (0, 1)
    b.take(sent.path)
    assert attachment_hashes(b) == {sha}
    assert any("不在附件文件夹" in p for p in run_check(b.db).problems)
    files.put(kept)  # found again (from a backup)
    b.take(a.export(tmp_path / "full.vdx", full=True).path)
    assert stored(b) == {sha: kept}
    assert run_check(b.db).problems == []


def test_an_older_programs_package_still_imports(a, b, tmp_path, monkeypatch):
    add_household(a, "01-001", "张三丰")
    monkeypatch.setattr(container, "FORMAT", 1)
    path = a.export(tmp_path / "old.vdx").path
    monkeypatch.undo()
    assert path.read_bytes()[3] == 1
    got = b.take(path)
    assert got.files == 0 and got.by_entity.get("household") == 1


def test_a_package_for_a_village_carries_its_photos_and_not_another_villages(tmp_path, monkeypatch):
    x = Copy(tmp_path, "taohua", **TAOHUA)
    y = Copy(tmp_path, "xinghua", **XINGHUA)
    t = Copy(tmp_path, "township", **OFFICE)
    [x_sha] = visit_with(x, "01-001", "张三丰", (photo("red"), "x.jpg"))
    [y_sha] = visit_with(y, "01-001", "陈五", (photo("blue"), "y.jpg"))
    t.take(x.export(tmp_path / "x.vdx").path)
    t.take(y.export(tmp_path / "y.vdx").path)
    assert set(stored(t)) == {x_sha, y_sha}
    for_x = t.export(tmp_path / "t-for-x.vdx", full=True, village="桃花村")
    assert carried(for_x.path) == {x_sha}
    fresh = Copy(tmp_path, "taohua-2", **TAOHUA)
    fresh.take(for_x.path)
    assert stored(fresh) == {x_sha: stored(x)[x_sha]}
    assert run_check(fresh.db).problems == []
    # Even asked for it (a package saying it lacks 杏花村's photo), the
    # township does not send another village's file.
    monkeypatch.setattr(package, "_lacking", lambda _s, _db: [y_sha])
    t.take(fresh.export(tmp_path / "reply.vdx").path)
    monkeypatch.undo()
    assert carried(t.export(tmp_path / "t-for-x-2.vdx", peer=fresh.db.device.code).path) == set()


def test_a_file_the_receiver_lacks_comes_with_the_next_package_for_it(a, b, tmp_path):
    [sha] = visit_with(a, "01-001", "张三丰", (photo("red"), "IMG_0001.jpg"))
    files = queries.attachments.store(a.db)
    kept = files.path(sha).read_bytes()
    files.path(sha).unlink()  # not on A when the first package is made
    b.take(a.export(tmp_path / "first.vdx").path)
    assert not queries.attachments.store(b.db).has(sha)
    # B's reply says what B lacks; A has the photo again by then.
    files.put(kept)
    a.take(b.export(tmp_path / "reply.vdx").path)
    add_household(a, "01-002", "李四")
    later = a.export(tmp_path / "later.vdx", peer=b.db.device.code)
    assert later.by_entity == {"household": 1, "person": 1}  # no attachment change again
    assert carried(later.path) == {sha}
    b.take(later.path)
    assert stored(b) == {sha: kept}
    assert run_check(b.db).problems == []
