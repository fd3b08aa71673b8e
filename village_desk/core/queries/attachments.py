"""The photos and scans attached to records, and their files
(``domain/attachments.py``, ``storage/blobs.py``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.attachments import CAP_SETTING, OWNERS
from ..storage.blobs import BlobStore, folder_for
from ..storage.db import Database
from ..storage.models import ENTITY_BY_TABLE, Attachment, Matter
from .reference import get_setting


@dataclass(frozen=True)
class AttachmentRow:
    id: uuid.UUID
    owner_entity: str
    owner_id: uuid.UUID
    kind: str
    caption: str
    sha256: str
    mime: str
    size: int
    width: int
    height: int
    original_name: str
    taken: str
    added_on: dt.date

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


def store(db: Database) -> BlobStore:
    """The content-addressed store of this database's attached files."""
    return BlobStore(folder_for(db.sqlite_path))


def cap_bytes(session: Session) -> int:
    return int(get_setting(session, CAP_SETTING)) * 1024 * 1024


def _row(a: Attachment) -> AttachmentRow:
    return AttachmentRow(
        a.id,
        a.owner_entity,
        a.owner_id,
        a.kind,
        a.caption,
        a.sha256,
        a.mime,
        a.size,
        a.width,
        a.height,
        a.original_name,
        a.taken,
        a.added_on,
    )


def for_owner(session: Session, entity: str, owner_id: uuid.UUID) -> list[AttachmentRow]:
    """The live attachments of one record, in the order they were added."""
    rows = session.scalars(
        select(Attachment)
        .where(
            Attachment.owner_entity == entity,
            Attachment.owner_id == owner_id,
            Attachment.deleted.is_(False),
        )
        .order_by(Attachment.added_on, Attachment.hlc)
    )
    return [_row(a) for a in rows]


def get(session: Session, attachment_id: uuid.UUID) -> AttachmentRow | None:
    a = session.get(Attachment, attachment_id)
    return None if a is None or a.deleted else _row(a)


def counts(session: Session, entity: str, ids: Iterable[uuid.UUID] | None = None) -> dict:
    """owner id → how many live attachments (only owners that have some)."""
    q = (
        select(Attachment.owner_id, func.count())
        .where(Attachment.owner_entity == entity, Attachment.deleted.is_(False))
        .group_by(Attachment.owner_id)
    )
    if ids is not None:
        wanted = list(ids)
        if not wanted:
            return {}
        q = q.where(Attachment.owner_id.in_(wanted))
    return dict(session.execute(q).all())


def live_hashes(session: Session) -> set[str]:
    """The files live attachments point to (whose owner is live too)."""
    out: set[str] = set()
    for entity in OWNERS:
        model = ENTITY_BY_TABLE[entity]
        out.update(
            session.scalars(
                select(Attachment.sha256)
                .join(model, model.id == Attachment.owner_id)
                .where(
                    Attachment.owner_entity == entity,
                    Attachment.deleted.is_(False),
                    model.deleted.is_(False),
                )
            )
        )
    return out


@dataclass(frozen=True)
class StoreUse:
    files: int
    bytes: int
    cap: int
    missing: int  # live attachments whose file is not on this computer


def usage(db: Database) -> StoreUse:
    """How much the attached files take, against the cap, and how many
    attachments wait for their file (an exchange package that did not
    carry it)."""
    files = store(db)
    hashes = list(files.hashes())
    with db.reading() as s:
        cap = cap_bytes(s)
        wanted = live_hashes(s)
    present = set(hashes)
    return StoreUse(len(hashes), files.total_size(), cap, len(wanted - present))


@dataclass(frozen=True)
class SignOff:
    by: str
    date: dt.date | None
    photos: int  # photos of the signed slip

    @property
    def done(self) -> bool:
        return bool(self.by) or self.photos > 0


def sign_off(session: Session, matter_id: uuid.UUID) -> SignOff:
    """A matter's 办结签收: the tick (who, when) and the photos of the slip."""
    m = session.get(Matter, matter_id)
    if m is None:
        return SignOff("", None, 0)
    photos = session.scalar(
        select(func.count())
        .select_from(Attachment)
        .where(
            Attachment.owner_id == matter_id,
            Attachment.kind == "signoff",
            Attachment.deleted.is_(False),
        )
    )
    return SignOff(m.signoff_by, m.signoff_date, photos or 0)


def first_owner(session: Session, entity: str, kind: str) -> uuid.UUID | None:
    """The live record of ``entity`` most recently given an attachment of ``kind``."""
    model = ENTITY_BY_TABLE[entity]
    return session.scalar(
        select(Attachment.owner_id)
        .join(model, model.id == Attachment.owner_id)
        .where(
            Attachment.owner_entity == entity,
            Attachment.kind == kind,
            Attachment.deleted.is_(False),
            model.deleted.is_(False),
        )
        .order_by(Attachment.added_on.desc())
        .limit(1)
    )
