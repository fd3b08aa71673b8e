"""Attaching photos and scans to records, and 办结签收 (see
``domain/attachments.py``).

A file is read, checked and made a sensible size *before* anything is
written: an image is turned upright (EXIF orientation), scaled down to
:data:`~..domain.attachments.MAX_SIDE` and saved again without its metadata
(the place a phone recorded) unless ``keep_metadata``; a PDF is kept as it
is. A file the program cannot read is refused with the reason and nothing is
stored. The prepared bytes go to the content-addressed store, then the
attachment record is written through the journal; a store left with a file
no record names (a failed save) is harmless — the same bytes are the same
file next time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.attachments import (
    EXTENSIONS,
    IMAGE_FORMATS,
    JPEG_QUALITY,
    KINDS,
    MAX_CAPTION,
    MAX_INPUT_BYTES,
    MAX_PDF_BYTES,
    MAX_PER_RECORD,
    MAX_PIXELS,
    MAX_SIDE,
    OWNERS,
    PDF_MIME,
    SIGNOFF_STATUSES,
    human_size,
)
from ..domain.errors import ServiceError, ValidationError
from ..domain.validation import not_future
from ..queries import attachments as q
from ..storage import journal, roles
from ..storage.db import Database
from ..storage.models import ENTITY_BY_TABLE, Attachment, Matter
from .common import get_live, tx_id

log = logging.getLogger(__name__)

_EXIF_ORIENTATION = 0x0112
_EXIF_IFD = 0x8769
_EXIF_DATETIME_ORIGINAL = 0x9003
_EXIF_DATETIME = 0x0132
_GPS_IFD = 0x8825


@dataclass(frozen=True)
class Prepared:
    """A file made ready to store: its bytes and what the record says of them."""

    data: bytes
    mime: str
    width: int
    height: int
    taken: str  # ISO date-time from the camera, or ""
    original_name: str

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.mime]


def _refuse(name: str, why: str) -> ValidationError:
    return ValidationError("attachment.file", f"“{name}”{why}，没有添加")


def _taken(exif) -> str:
    """When the camera says the photo was taken (ISO), or ""."""
    raw = ""
    try:
        raw = exif.get_ifd(_EXIF_IFD).get(_EXIF_DATETIME_ORIGINAL) or exif.get(_EXIF_DATETIME)
    except (KeyError, ValueError, TypeError, AttributeError):
        raw = exif.get(_EXIF_DATETIME) if exif is not None else ""
    if not isinstance(raw, str):
        return ""
    try:
        return dt.datetime.strptime(raw.strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return ""


def prepare_bytes(raw: bytes, name: str, *, keep_metadata: bool = False) -> Prepared:
    """Check and shrink one file's content (``name`` is only for messages
    and the record)."""
    if not raw:
        raise _refuse(name, "是空文件")
    if len(raw) > MAX_INPUT_BYTES:
        raise _refuse(name, f"太大（{human_size(len(raw))}，最多 {human_size(MAX_INPUT_BYTES)}）")
    if raw.startswith(b"%PDF-"):
        if len(raw) > MAX_PDF_BYTES:
            raise _refuse(
                name,
                f"太大（{human_size(len(raw))}，扫描件 PDF 最多 {human_size(MAX_PDF_BYTES)}；"
                "可以拍照或降低扫描分辨率）",
            )
        if b"%%EOF" not in raw[-2048:]:
            raise _refuse(name, "不完整（PDF 文件结尾缺失，可能没有复制完）")
        return Prepared(raw, PDF_MIME, 0, 0, "", name)
    return _prepare_image(raw, name, keep_metadata)


def _prepare_image(raw: bytes, name: str, keep_metadata: bool) -> Prepared:
    from PIL import Image, ImageOps, UnidentifiedImageError

    if raw[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        raise _refuse(
            name,
            "是 HEIC 格式（苹果手机的“高效”照片），本程序读不了；"
            "请在手机“设置 → 相机 → 格式”选“兼容性最佳”，或先转成 JPG",
        )
    try:
        with Image.open(io.BytesIO(raw)) as img:
            if img.format not in IMAGE_FORMATS:
                raise _refuse(name, f"的格式（{img.format}）不支持；请用 JPG、PNG 或 PDF")
            if img.width * img.height > MAX_PIXELS:
                raise _refuse(name, f"的像素太多（{img.width}×{img.height}），不像一张照片")
            img.load()
            exif = img.getexif()
            taken = _taken(exif)
            source_format = img.format
            upright = ImageOps.exif_transpose(img)
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise _refuse(name, "不是能识别的图片或 PDF（文件可能已损坏）") from None
    except (OSError, ValueError, SyntaxError, EOFError) as err:
        raise _refuse(name, f"无法读取（图片不完整或已损坏：{err}）") from None
    upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    keep_png = source_format in ("PNG", "GIF", "BMP") and (
        upright.mode in ("RGBA", "LA", "P", "1", "L") or source_format == "PNG"
    )
    options: dict = {}
    icc = upright.info.get("icc_profile")
    if icc:
        options["icc_profile"] = icc  # colours, not personal data
    if keep_metadata and len(exif):
        exif[_EXIF_ORIENTATION] = 1  # the pixels are upright now
        options["exif"] = exif.tobytes()
    out = io.BytesIO()
    if keep_png:
        if upright.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
            upright = upright.convert("RGBA")
        upright.save(out, "PNG", optimize=True, **options)
        mime = "image/png"
    else:
        if upright.mode != "RGB":
            background = Image.new("RGB", upright.size, "white")
            rgba = upright.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            upright = background
        upright.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, **options)
        mime = "image/jpeg"
    return Prepared(out.getvalue(), mime, upright.width, upright.height, taken, name)


def prepare_file(path: str | os.PathLike, *, keep_metadata: bool = False) -> Prepared:
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise _refuse(name, f"太大（{human_size(size)}，最多 {human_size(MAX_INPUT_BYTES)}）")
        raw = path.read_bytes()
    except IsADirectoryError:
        raise _refuse(name, "是一个文件夹") from None
    except FileNotFoundError:
        raise _refuse(name, "不存在（可能已被移走）") from None
    except OSError as err:
        raise _refuse(name, f"无法读取（{err.strerror or err}）") from None
    return prepare_bytes(raw, name, keep_metadata=keep_metadata)


# --------------------------------------------------------------------------- records


def _owner(s: Session, entity: str, owner_id: uuid.UUID):
    if entity not in OWNERS:
        raise ValidationError("attachment.owner", f"这类记录（{entity}）不能添加附件")
    return get_live(s, ENTITY_BY_TABLE[entity], owner_id, OWNERS[entity])


def _kind(entity: str, kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError("attachment.kind", "请选择附件类别（照片、扫描件或办结签收单）")
    if kind == "signoff" and entity != "matter":
        raise ValidationError("attachment.kind", "办结签收单只能附在台账事项上")
    return kind


def _caption(text: str) -> str:
    text = (text or "").strip()
    if len(text) > MAX_CAPTION:
        raise ValidationError("attachment.caption", f"最多 {MAX_CAPTION} 个字")
    return text


def add_prepared(
    db: Database,
    actor_id,
    entity: str,
    owner_id: uuid.UUID,
    prepared: Prepared,
    *,
    kind: str = "photo",
    caption: str = "",
    today: dt.date | None = None,
) -> uuid.UUID:
    """Store a prepared file and attach it to a record; returns the
    attachment's id. Refused when the record already has
    :data:`MAX_PER_RECORD` attachments or the store would pass its cap."""
    # refused before the file is stored (the transaction would refuse the
    # record, leaving the file behind): an inspector, a read-only folder
    roles.check_tables(db.role, ["attachment"])
    if db.read_only:
        raise ServiceError("数据库是以只读方式打开的，不能添加附件")
    kind = _kind(entity, kind)
    caption = _caption(caption)
    files = q.store(db)
    with db.reading() as s:
        owner = _owner(s, entity, owner_id)
        if kind == "signoff" and owner.status not in SIGNOFF_STATUSES:
            raise ValidationError("attachment.kind", "事项办结后才有办结签收单")
        count = s.scalar(
            select(func.count())
            .select_from(Attachment)
            .where(Attachment.owner_id == owner_id, Attachment.deleted.is_(False))
        )
        if count >= MAX_PER_RECORD:
            raise ValidationError(
                "attachment.file", f"一条记录最多 {MAX_PER_RECORD} 个附件，请先删去不需要的"
            )
        cap = q.cap_bytes(s)
    sha = hashlib.sha256(prepared.data).hexdigest()
    if not files.has(sha):
        used = files.total_size()
        if used + len(prepared.data) > cap:
            raise ServiceError(
                f"附件已占用 {human_size(used)}，达到本机上限 {human_size(cap)}，"
                f"“{prepared.original_name}”没有添加。可以在“设置 → 数据与备份”里提高上限，或删去不需要的附件"
            )
        files.put(prepared.data)
    with db.transaction(actor_id) as s:
        owner = _owner(s, entity, owner_id)
        a = Attachment(
            village_id=owner.village_id,
            owner_entity=entity,
            owner_id=owner_id,
            kind=kind,
            caption=caption,
            sha256=sha,
            mime=prepared.mime,
            size=len(prepared.data),
            width=prepared.width,
            height=prepared.height,
            original_name=prepared.original_name[:255],
            taken=prepared.taken,
            added_on=today or dt.date.today(),
        )
        s.add(a)
        s.flush()
        log.info(
            "attached %s (%s, %d bytes) to %s %s", sha[:12], prepared.mime, a.size, entity, owner_id
        )
        return a.id


def add_attachment(
    db: Database,
    actor_id,
    entity: str,
    owner_id: uuid.UUID,
    path: str | os.PathLike,
    *,
    kind: str = "photo",
    caption: str = "",
    keep_metadata: bool = False,
) -> uuid.UUID:
    """Read, prepare and attach the file at ``path`` (see :func:`add_prepared`)."""
    with db.reading() as s:
        _owner(s, entity, owner_id)
        _kind(entity, kind)
    prepared = prepare_file(path, keep_metadata=keep_metadata)
    return add_prepared(db, actor_id, entity, owner_id, prepared, kind=kind, caption=caption)


def update_attachment(
    db: Database, actor_id, attachment_id: uuid.UUID, *, caption: str, kind: str
) -> None:
    """Correct an attachment's caption or kind."""
    with db.transaction(actor_id) as s:
        a = get_live(s, Attachment, attachment_id, "附件")
        new_kind = _kind(a.owner_entity, kind)
        if new_kind == "signoff" and a.kind != "signoff":
            owner = _owner(s, a.owner_entity, a.owner_id)
            if owner.status not in SIGNOFF_STATUSES:
                raise ValidationError("attachment.kind", "事项办结后才有办结签收单")
        new_caption = _caption(caption)
        if a.kind != new_kind:
            a.kind = new_kind
        if a.caption != new_caption:
            a.caption = new_caption


def delete_attachment(db: Database, actor_id, attachment_id: uuid.UUID) -> uuid.UUID:
    """Tombstone an attachment (its file stays in the store, for undo and
    for the copies that still show it); returns the tx id."""
    with db.transaction(actor_id) as s:
        get_live(s, Attachment, attachment_id, "附件").deleted = True
        return tx_id(s)


def restore_attachment(db: Database, actor_id, attachment_id: uuid.UUID) -> None:
    """Undo :func:`delete_attachment`."""
    with db.transaction(actor_id) as s:
        a = s.get(Attachment, attachment_id)
        if a is None or not a.deleted:
            raise ServiceError("该附件没有被删除，无需恢复")
        journal.undo_deletions(s, journal.last_deletion(s, attachment_id))


def file_bytes(db: Database, attachment_id: uuid.UUID) -> tuple[q.AttachmentRow, bytes]:
    """An attachment and its file's bytes (checked). A file not on this
    computer, or damaged, is a ``ServiceError`` saying so."""
    from ..storage.blobs import DamagedFile

    with db.reading() as s:
        row = q.get(s, attachment_id)
    if row is None:
        raise ServiceError("找不到该附件（可能已被删除）")
    try:
        return row, q.store(db).read(row.sha256)
    except FileNotFoundError:
        raise ServiceError(
            f"“{row.original_name or row.caption or '附件'}”的文件不在本机"
            "（交换文件没有带来，或附件文件夹被移动过）"
        ) from None
    except DamagedFile as err:
        log.error("damaged attachment file %s", row.sha256)
        raise ServiceError(str(err)) from None


def save_copy(db: Database, attachment_id: uuid.UUID, out: str | os.PathLike) -> Path:
    """Write the attachment's file to ``out`` (written whole or not at all)."""
    from ..storage.files import atomic_output

    _row, data = file_bytes(db, attachment_id)
    out = Path(out)
    with atomic_output(out) as f:
        f.write(data)
    return out


# --------------------------------------------------------------------------- 办结签收


def sign_off(
    db: Database, actor_id, matter_id: uuid.UUID, *, by: str, date: dt.date | None
) -> None:
    """Record that the applicant signed the completion slip (办结签收): who
    signed and the day, not before the matter was finished."""
    by = (by or "").strip()
    if not by:
        raise ValidationError("matter.signoff_by", "请填写签收人（一般是申请人本人）")
    if not isinstance(date, dt.date):
        raise ValidationError("matter.signoff_date", "请填写签收日期")
    not_future(date, "matter.signoff_date")
    with db.transaction(actor_id) as s:
        m = get_live(s, Matter, matter_id, "事项")
        if m.status not in SIGNOFF_STATUSES:
            raise ValidationError("matter.signoff_by", "事项办结后才能签收")
        if m.done_date is not None and date < m.done_date:
            raise ValidationError(
                "matter.signoff_date", f"签收日期不能早于办结日期（{m.done_date:%Y-%m-%d}）"
            )
        if m.signoff_by != by:
            m.signoff_by = by
        if m.signoff_date != date:
            m.signoff_date = date


def clear_sign_off(db: Database, actor_id, matter_id: uuid.UUID) -> None:
    """Take back a 办结签收 tick entered by mistake."""
    with db.transaction(actor_id) as s:
        m = get_live(s, Matter, matter_id, "事项")
        if m.signoff_by or m.signoff_date is not None:
            m.signoff_by, m.signoff_date = "", None
