"""Exchange packages: what one copy sends another, and importing one.

A package is a container (``container.py``) whose content is JSON lines:

1. the **manifest** — format and schema version, package id, when, the
   sending copy (replica id, device, village, township, signing key), the
   receiving copy if it was made for one, the range of the sender's local
   sequence numbers it covers, counts per kind of record, and the
   sender's **acknowledgements**: for every copy it has received from, the
   sequence number up to which it holds everything;
2. the **changes**, one per line, exactly as the journal holds them;
3. the **files** (format 2) of the attachments whose records the changes
   insert or update and that are not deleted — photos and scans, from the
   sender's content-addressed store (``storage/blobs.py``) — each cut into
   pieces of :data:`FILE_PIECE` bytes, one piece per line
   (``{"type":"file","sha256":…,"size":…,"at":offset,"data":base64}``), so
   neither side ever holds a whole file in memory; a file the sender does not
   have (or whose bytes no longer match) is left out and the receiver's
   ``check`` names it missing. Every manifest lists the files its sender
   lacks (``wants``); the receiver's next package *for* that copy brings
   those it has, and a ``--full`` package carries every file anyway;
4. the **end**: the number of changes and of files, the SHA-256 of the lines
   before it (the content hash) and the sending installation's Ed25519
   signature over the header and that hash.

Importing reads the file twice: first it checks everything (passphrase,
every chunk, the content hash, the signature, the counts, the schema, the
sender's key: known, new — a person confirms its fingerprint — or revoked)
without touching the database, and that every file's bytes hash to its
SHA-256; then it merges the changes and records the watermarks and the
package in one transaction (``services.sync``), after a backup, writing the
files into the receiver's store as they come (before that transaction
commits; a file left by an import that failed is harmless, being only a
copy of a real file under its own hash). A package already imported is
recognised and changes nothing.

Watermarks: a package made *for* a peer holds every change recorded here
after the sequence number that peer acknowledged, so a lost package is
simply covered by the next one; a copy relays what it received from others
(sequence numbers are local to each copy and count received changes too).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from ..domain.errors import ServiceError
from ..jobs import Job, ensure
from ..queries.attachments import live_hashes
from ..queries.attachments import store as _store
from ..queries.reference import profile, village_profiles
from ..queries.rules import Violation
from ..services.sync import SyncReport, merge_changes
from ..storage import villages
from ..storage.blobs import BlobStore, is_hash
from ..storage.db import Database
from ..storage.migrate import HEAD, REVISIONS
from ..storage.models import (
    Attachment,
    Change,
    ExchangeKey,
    ExchangePackage,
    ExchangePeer,
    LocalClock,
)
from . import container, keys
from .container import ExchangeFileError

log = logging.getLogger(__name__)

SUFFIX = ".vdx"
# Change rows as exchanged, read without turning ids into UUID objects and
# back (most of an export's time otherwise).
_CHANGE_COLUMNS = (
    type_coerce(Change.id, String).label("id"),
    Change.hlc,
    type_coerce(Change.device_id, String).label("device_id"),
    type_coerce(Change.tx_id, String).label("tx_id"),
    type_coerce(Change.actor_id, String).label("actor_id"),
    Change.entity,
    type_coerce(Change.record_id, String).label("record_id"),
    Change.op,
    Change.changes,
)


def _uuid_text(value) -> str | None:
    """An id as text with dashes (SQLite stores 32 hex digits; PostgreSQL's
    driver hands out UUID objects)."""
    if value is None:
        return None
    if not isinstance(value, str):
        return str(value)
    if len(value) != 32:
        return value
    return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def _exchanged(row) -> dict:
    return {
        "id": _uuid_text(row.id),
        "hlc": row.hlc,
        "device_id": _uuid_text(row.device_id),
        "tx_id": _uuid_text(row.tx_id),
        "actor_id": _uuid_text(row.actor_id),
        "entity": row.entity,
        "record_id": _uuid_text(row.record_id),
        "op": row.op,
        "changes": row.changes,
    }


_SIGNED = b"village-desk exchange package 1\n"
_READ_ROWS = 2000
FILE_PIECE = 768 * 1024  # file bytes per line (1 MiB of base64)
_FILE_LINE = b'{"type":"file"'  # how a file line starts (as _line writes it)


# --------------------------------------------------------------------------- who


def key_folder(db: Database) -> Path:
    """The installation's config folder (where its signing key lives)."""
    return db.identities.path.parent


def copy_id(db: Database) -> uuid.UUID:
    return db.identity.replica_id


def passphrase(db: Database, given: str | None = None) -> str | None:
    """The passphrase to use: the one given, else the environment variable,
    else the one stored at set-up; None if there is none."""
    return given or keys.stored_passphrase(key_folder(db))


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _where(session: Session) -> tuple[str, str]:
    p = profile(session)
    return (p.village, p.township) if p is not None else ("", "")


def this_copy(db: Database) -> dict:
    """How this copy presents itself in the manifests it writes: which
    village it holds (``village_id``) or that it is a township office."""
    with db.reading() as s:
        village, township = _where(s)
        office = villages.is_township(s)
        home = villages.home_village(s)
    private = keys.signing_key(key_folder(db))
    return {
        "copy": str(copy_id(db)),
        "device": str(db.device.id),
        "code": db.device.code,
        "name": db.device.name,
        "village": village,
        "township": township,
        "kind": villages.TOWNSHIP if office else villages.VILLAGE,
        "village_id": str(home) if home is not None else None,
        "key": keys.public_hex(private),
    }


def _label(source: dict) -> str:
    place = source.get("village") or source.get("township") or "未命名"
    name = source.get("name") or ""
    code = source.get("code") or ""
    return " ".join(x for x in (place, name, f"({code})" if code else "") if x)


def find_peer(session: Session, text: str) -> ExchangePeer:
    """A peer named by its code, the start of its id, or part of its label."""
    wanted = text.strip()
    peers = list(session.scalars(select(ExchangePeer)))
    exact = [p for p in peers if p.code.upper() == wanted.upper() or str(p.copy_id) == wanted]
    found = exact or [
        p for p in peers if str(p.copy_id).startswith(wanted.lower()) or wanted in p.label
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        known = "；".join(f"{p.code} {p.label}" for p in peers) or "还没有"
        raise ServiceError(f"没有叫“{wanted}”的交换对象（已知的：{known}）")
    raise ServiceError(
        f"“{wanted}”对应多个交换对象，请写它的代码：" + "；".join(p.code for p in found)
    )


def find_village(session: Session, text: str) -> uuid.UUID:
    """A village of this (township) database named by its name or its
    division code."""
    wanted = text.strip()
    found = [
        p
        for p in village_profiles(session)
        if wanted in (p.village, p.division_code, str(p.id))
        or wanted.removesuffix("（示范数据）") == p.village.removesuffix("（示范数据）")
    ]
    if len(found) == 1:
        return found[0].id
    known = "；".join(p.village for p in village_profiles(session)) or "还没有"
    if not found:
        raise ServiceError(f"没有叫“{wanted}”的村（本库中的村：{known}）")
    raise ServiceError(f"“{wanted}”对应多个村，请写区划代码：{known}")


def _for_whom(s: Session, target: ExchangePeer | None, village: str | None) -> list:
    """In a township office's database: the condition keeping a package to
    what the receiving village may hold (its own records and the township
    cadres), never another village's."""
    if village:
        return [villages.for_village(find_village(s, village))]
    if target is None or not villages.is_township(s):
        return []
    if target.kind == villages.VILLAGE and target.village_id is not None:
        return [villages.for_village(target.village_id)]
    if target.kind == villages.TOWNSHIP:
        return []
    raise ServiceError(
        f"不知道“{target.label}”是哪个村的电脑，请用“村”选项指明这个交换文件给哪个村"
    )


# --------------------------------------------------------------------------- export


@dataclass
class ExportResult:
    path: Path
    package_id: uuid.UUID
    changes: int
    from_seq: int
    to_seq: int
    peer: str  # the receiver's label, or "" for a full package
    by_entity: dict[str, int] = field(default_factory=dict)
    files: int = 0  # attached files carried
    file_bytes: int = 0
    files_missing: int = 0  # attachments whose file this copy lacks: not carried


def default_file_name(db: Database, folder: Path, today: dt.date | None = None) -> Path:
    from .naming import file_name

    with db.reading() as s:
        village, township = _where(s)
    return file_name(folder, village or township, db.device.code, today or dt.date.today())


def export_package(
    db: Database,
    out: Path,
    *,
    secret: str,
    peer: str | None = None,
    full: bool = False,
    village: str | None = None,
    job: Job | None = None,
) -> ExportResult:
    """Write a package to ``out`` (a file, or a folder for the default
    name): for ``peer``, everything it has not acknowledged; ``full``:
    everything. With neither, the only known peer, or everything when there
    is none. In a township office's database a package holds only what the
    receiving village may hold (its village, or ``village``: a name or
    division code). Written to a temporary name and renamed when complete."""
    job = ensure(job)
    secret = keys.check_passphrase(secret)
    me = this_copy(db)
    out = Path(out)
    if out.is_dir():
        out = default_file_name(db, out)
    elif not out.parent.is_dir():
        raise ServiceError(f"文件夹不存在：{out.parent}")
    if out.suffix.lower() != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    with db.reading() as s:
        target: ExchangePeer | None = None
        if peer:
            target = find_peer(s, peer)
        elif not full:
            peers = list(s.scalars(select(ExchangePeer)))
            if len(peers) == 1:
                target = peers[0]
            elif len(peers) > 1:
                raise ServiceError(
                    "有多个交换对象，请指明发给谁（--for 代码）或导出全部（--full）："
                    + "；".join(f"{p.code} {p.label}" for p in peers)
                )
        since = target.acked_seq if target is not None else 0
        upto = s.scalar(select(func.coalesce(func.max(Change.seq), 0)))
        wanted = [Change.seq > since, Change.seq <= upto]
        wanted += _theirs(s, target, since)
        wanted += _for_whom(s, target, village)
        lacking = _lacking(s, db)
        by_entity = dict(
            s.execute(
                select(Change.entity, func.count()).where(*wanted).group_by(Change.entity)
            ).all()
        )
        acks = {str(p.copy_id): p.received_seq for p in s.scalars(select(ExchangePeer))}
        total = sum(by_entity.values())
        scope = _for_whom(s, target, village)
        files, missing = _files_to_send(s, db, wanted, by_entity, _asked(s, target), scope)
        package_id = uuid.uuid4()
        manifest = {
            "type": "manifest",
            "format": container.FORMAT,
            "schema": HEAD,
            "package": str(package_id),
            "created": _now(),
            "source": me,
            "to": str(target.copy_id) if target is not None else None,
            "to_label": target.label if target is not None else "",
            "from_seq": since,
            "to_seq": upto,
            "counts": {
                "changes": total,
                "entities": by_entity,
                "files": len(files),
                "file_bytes": sum(size for _sha, size in files),
            },
            "acks": acks,
            "wants": lacking,
        }
        tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
        try:
            content = hashlib.sha256()
            with open(tmp, "wb") as f:
                writer = container.Writer(f, secret, me["township"])
                line = _line(manifest)
                content.update(line)
                writer.write(line)
                rows = s.execute(
                    select(*_CHANGE_COLUMNS)
                    .where(*wanted)
                    .order_by(Change.seq)
                    .execution_options(yield_per=_READ_ROWS)
                )
                done = 0
                for part in rows.partitions():
                    block = b"".join(_line(_exchanged(row)) for row in part)
                    content.update(block)
                    writer.write(block)
                    done += len(part)
                    job.report("正在导出交换文件", done / max(total, 1))
                if done != total:
                    raise ServiceError("导出时记录数发生了变化，请重试")
                if files:
                    _write_files(db, files, writer, content, job)
                digest = content.hexdigest()
                signature = keys.signing_key(key_folder(db)).sign(
                    _SIGNED + writer.header_digest + bytes.fromhex(digest)
                )
                writer.write(
                    _line(
                        {
                            "type": "end",
                            "changes": total,
                            "files": len(files),
                            "content_hash": digest,
                            "signature": base64.b64encode(signature).decode("ascii"),
                        }
                    )
                )
                writer.close()
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, out)
        except OSError as err:
            raise ServiceError(f"无法写入“{out}”：{err.strerror or err}") from None
        finally:
            tmp.unlink(missing_ok=True)
    with db.transaction(None) as s:
        s.add(
            ExchangePackage(
                id=package_id,
                direction="out",
                peer_copy_id=target.copy_id if target is not None else None,
                created=manifest["created"],
                processed=manifest["created"],
                file_name=str(out),
                from_seq=since,
                to_seq=upto,
                change_count=total,
                content_hash=digest,
                summary=json.dumps(
                    {"entities": by_entity, "files": len(files)}, ensure_ascii=False
                ),
            )
        )
    # No progress report from here on: a Cancel now would come too late.
    return ExportResult(
        out,
        package_id,
        total,
        since,
        upto,
        target.label if target else "",
        by_entity,
        len(files),
        manifest["counts"]["file_bytes"],
        missing,
    )


def _files_to_send(
    s: Session,
    db: Database,
    wanted: list,
    by_entity: dict[str, int],
    asked: list[str],
    scope: list,
) -> tuple[list[tuple[str, int]], int]:
    """The files a package carries, as (SHA-256, size), whole in this copy's
    store: those of the attachments its changes insert or update and that are
    not deleted, and those the receiver said it lacks (``asked``, from its
    last package) of attachments it may hold (``scope``: a village's, in a
    township office's database). Also how many attachments of the changes
    have their file missing or damaged here (left out: the receiver's
    ``check`` reports them). A package without attachments costs nothing
    more."""
    hashes: set[str] = set()
    if by_entity.get("attachment"):
        changed = select(Change.record_id).where(*wanted, Change.entity == "attachment")
        hashes.update(
            s.scalars(
                select(Attachment.sha256)
                .where(Attachment.deleted.is_(False), Attachment.id.in_(changed))
                .distinct()
            )
        )
    store = _store(db)
    found, missing = [], 0
    for sha in sorted(hashes):
        # (read once here: a damaged file would make the receiver refuse the package)
        if is_hash(sha) and store.hash_of(sha) == sha:
            found.append((sha, store.path(sha).stat().st_size))
        else:
            missing += 1
            log.warning("attachment file %s missing or damaged here: not in the package", sha)
    asked = sorted(set(asked) - hashes)
    if asked:
        mine = select(Change.record_id).where(Change.entity == "attachment", *scope)
        for sha in sorted(
            s.scalars(
                select(Attachment.sha256)
                .where(
                    Attachment.deleted.is_(False),
                    Attachment.sha256.in_(asked),
                    Attachment.id.in_(mine),
                )
                .distinct()
            )
        ):
            if store.hash_of(sha) == sha:
                found.append((sha, store.path(sha).stat().st_size))
    return found, missing


MAX_WANTS = 500  # files a package asks for at most (its manifest stays small)


def _lacking(s: Session, db: Database) -> list[str]:
    """The files of this copy's live attachments that its store lacks: a
    package asks its receiver for them (``wants`` in the manifest), and the
    receiver's next package for this copy brings those it has."""
    if s.scalar(select(Attachment.id).limit(1)) is None:
        return []
    present = set(_store(db).hashes())
    return sorted(live_hashes(s) - present)[:MAX_WANTS]


def _wants(manifest: dict) -> list[str]:
    wants = manifest.get("wants")
    if not isinstance(wants, list):
        return []
    return [w for w in wants if isinstance(w, str) and is_hash(w)][:MAX_WANTS]


def _asked(s: Session, target: ExchangePeer | None) -> list[str]:
    """The files ``target`` said it lacks, in the last package it sent here."""
    if target is None:
        return []
    summary = s.scalar(
        select(ExchangePackage.summary)
        .where(ExchangePackage.direction == "in", ExchangePackage.peer_copy_id == target.copy_id)
        .order_by(ExchangePackage.processed.desc())
        .limit(1)
    )
    try:
        wants = json.loads(summary or "{}").get("wants", [])
    except (ValueError, AttributeError):
        return []
    return [w for w in wants if isinstance(w, str) and is_hash(w)][:MAX_WANTS]


def _write_files(db: Database, files: list[tuple[str, int]], writer, content, job: Job) -> None:
    """The file lines of a package, a piece at a time."""
    store = _store(db)
    total = max(sum(size for _sha, size in files), 1)
    sent = 0
    for sha, size in files:
        h = hashlib.sha256()
        at = 0
        try:
            for piece in store.pieces(sha, FILE_PIECE):
                h.update(piece)
                line = _file_line(sha, size, at, piece)
                content.update(line)
                writer.write(line)
                at += len(piece)
                sent += len(piece)
                job.report("正在导出附件文件", sent / total)
        except OSError as err:
            raise ServiceError(
                f"无法读取附件文件 {store.path(sha)}：{err.strerror or err}"
            ) from None
        if at == 0:  # (an empty file: one empty piece says so)
            line = _file_line(sha, size, 0, b"")
            content.update(line)
            writer.write(line)
        if at != size or h.hexdigest() != sha:
            raise ServiceError(f"附件文件 {store.path(sha)} 在导出时发生了变化，请重试")


def _file_line(sha: str, size: int, at: int, piece: bytes) -> bytes:
    return _line(
        {
            "type": "file",
            "sha256": sha,
            "size": size,
            "at": at,
            "data": base64.b64encode(piece).decode("ascii"),
        }
    )


def _theirs(s: Session, peer: ExchangePeer | None, since: int) -> list:
    """Conditions leaving out what the peer surely has: the changes its own
    devices made, and the changes recorded here from its packages."""
    if peer is None:
        return []
    out = []
    devices = [uuid.UUID(d) for d in peer.devices.split()]
    if devices:
        out.append(Change.device_id.not_in(devices))
    ranges = []
    for summary in s.scalars(
        select(ExchangePackage.summary).where(
            ExchangePackage.direction == "in", ExchangePackage.peer_copy_id == peer.copy_id
        )
    ):
        lo, hi = json.loads(summary).get("local_seqs", (0, 0))
        if hi > since and hi >= lo > 0:
            ranges.append((lo, hi))
    merged: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    out += [~Change.seq.between(lo, hi) for lo, hi in merged]
    return out


def _line(obj: dict) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


# --------------------------------------------------------------------------- read


@dataclass(frozen=True)
class Checked:
    """A package that passed every check of the file itself."""

    path: Path
    header: container.Header
    key: bytes
    manifest: dict
    end: dict

    @property
    def source(self) -> dict:
        return self.manifest["source"]

    @property
    def package_id(self) -> uuid.UUID:
        return uuid.UUID(self.manifest["package"])

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.source["key"])

    @property
    def label(self) -> str:
        return _label(self.source)


def _bad(name: str, what: str) -> ExchangeFileError:
    return ExchangeFileError(f"“{name}”{what}，没有导入任何内容")


def check_package(path: Path, secret: str, *, township: str = "") -> Checked:
    """Read the whole file once and check it (nothing is written anywhere)."""
    path = Path(path)
    name = path.name
    with container.open_reader(path) as f:
        header = container.read_header(f, name)
        if township and header.township and header.township != township:
            raise ExchangeFileError(
                f"“{name}”是{header.township}的交换文件，本机属于{township}。没有导入任何内容"
            )
        key = container.open_key(header, secret, name)
        content = hashlib.sha256()
        manifest: dict | None = None
        last: bytes | None = None
        count = 0
        files = _FileLines(name)
        for line in container.lines(container.plaintext(f, header, key, name)):
            if last is not None:
                content.update(last)
                if manifest is None:
                    manifest = _json(last, name, "清单")
                elif last.startswith(_FILE_LINE):
                    files.add(last)
                elif files.count or files.open:
                    raise _bad(name, "内容结构不对")
                else:
                    count += 1
            last = line
        files.close()
    if manifest is None or last is None:
        raise _bad(name, "内容不完整")
    end = _json(last, name, "结尾")
    if manifest.get("type") != "manifest" or end.get("type") != "end":
        raise _bad(name, "内容结构不对")
    try:
        source = manifest["source"]
        schema = str(manifest["schema"])
        uuid.UUID(manifest["package"])
        uuid.UUID(source["copy"])
        uuid.UUID(source["device"])
        bytes.fromhex(source["key"])
        signature = base64.b64decode(end["signature"], validate=True)
        stated = int(end["changes"])
        int(manifest["from_seq"]), int(manifest["to_seq"])
    except (KeyError, TypeError, ValueError):
        raise _bad(name, "的清单缺少必要内容") from None
    if content.hexdigest() != end.get("content_hash"):
        raise _bad(name, "的内容与校验值不符（可能被改动过）")
    if not keys.verify(
        source["key"],
        signature,
        _SIGNED + hashlib.sha256(header.raw).digest() + bytes.fromhex(end["content_hash"]),
    ):
        raise _bad(name, "的签名不对（不是由清单上的电脑导出的，或被改动过）")
    if stated != count or manifest.get("counts", {}).get("changes") != count:
        raise _bad(name, f"的变更条数不符（写明 {stated} 条，实际 {count} 条）")
    if (
        end.get("files", 0) != files.count
        or manifest.get("counts", {}).get("files", 0) != files.count
    ):
        raise _bad(
            name, f"的附件文件个数不符（写明 {end.get('files', 0)} 个，实际 {files.count} 个）"
        )
    if schema not in REVISIONS:
        raise ExchangeFileError(
            f"“{name}”来自更新版本的村务民情台账（数据结构 {schema}，本程序支持到 {HEAD}），"
            "请先升级软件；没有导入任何内容"
        )
    return Checked(path, header, key, manifest, end)


def _json(line: bytes, name: str, what: str) -> dict:
    try:
        obj = json.loads(line)
    except ValueError:
        raise _bad(name, f"的{what}无法读取") from None
    if not isinstance(obj, dict):
        raise _bad(name, f"的{what}格式不对")
    return obj


def _changes(
    checked: Checked, job: Job | None = None, files: _FileLines | None = None
) -> Iterator[dict]:
    """The change rows of a checked package (second reading, inside the
    merge's transaction: a file changed since the check, or a Cancel, raises
    there and nothing is merged); its attached files go to ``files`` as they
    come (written into the store before the merge commits)."""
    name = checked.path.name
    total = max(int(checked.end["changes"]), 1)
    content = hashlib.sha256()
    with container.open_reader(checked.path) as f:
        header = container.read_header(f, name)
        if header.raw != checked.header.raw:
            raise _bad(name, "在导入过程中被改动了")
        previous: bytes | None = None
        n = 0
        for line in container.lines(container.plaintext(f, header, checked.key, name)):
            if previous is not None:
                content.update(previous)
                if n and previous.startswith(_FILE_LINE):
                    if files is not None:
                        files.add(previous)
                elif n:
                    yield _json(previous, name, "变更")
                n += 1
                if job is not None and n % _READ_ROWS == 0:
                    job.report("正在合并", 0.2 + 0.6 * n / total)
            previous = line
    if files is not None:
        files.close()
    if content.hexdigest() != checked.end["content_hash"]:
        raise _bad(name, "在导入过程中被改动了")


class _FileLines:
    """The file lines of a package, in order: each file's pieces follow one
    another from offset 0 to its size, and its bytes must hash to its
    SHA-256 — else the whole package is refused. With a ``store`` the bytes
    are also written there (``BlobStore.receive``: a file appears under its
    name only when whole and right)."""

    def __init__(self, name: str, store: BlobStore | None = None):
        self.name, self.store = name, store
        self.count = 0  # files read whole
        self.bytes = 0
        self.stored = 0  # files this store did not have
        self._sha = ""
        self._size = self._at = 0
        self._sink = None  # hashlib object, or blobs.Incoming

    @property
    def open(self) -> bool:
        return self._sink is not None

    def add(self, line: bytes) -> None:
        obj = _json(line, self.name, "附件文件")
        try:
            sha, size, at = str(obj["sha256"]), int(obj["size"]), int(obj["at"])
            data = base64.b64decode(obj["data"], validate=True)
        except (KeyError, TypeError, ValueError):
            raise _bad(self.name, "的附件文件无法读取") from None
        if not is_hash(sha) or size < 0:
            raise _bad(self.name, "的附件文件无法读取")
        if at == 0 and self._sink is None:
            self._sha, self._size, self._at = sha, size, 0
            self._sink = self.store.receive(sha) if self.store else hashlib.sha256()
        elif self._sink is None or sha != self._sha or at != self._at:
            raise _bad(self.name, "的附件文件不完整")
        if self.store is None:
            self._sink.update(data)
        else:
            self._sink.write(data)
        self._at += len(data)
        if self._at > self._size:
            raise _bad(self.name, "的附件文件不完整")
        if self._at == self._size:
            self._finish()

    def _finish(self) -> None:
        sink, self._sink = self._sink, None
        whole = sink.hexdigest() == self._sha if self.store is None else sink.finish()
        if not whole:
            raise _bad(
                self.name,
                f"中的附件文件（{self._sha[:12]}…）与它的校验值不符（可能被改动过或已损坏）",
            )
        self.count += 1
        self.bytes += self._size
        if self.store is not None and sink.stored:
            self.stored += 1

    def close(self) -> None:
        """The end of the package: no file may be left unfinished."""
        if self._sink is not None:
            self.abort()
            raise _bad(self.name, "的附件文件不完整")

    def abort(self) -> None:
        if self._sink is not None and self.store is not None:
            self._sink.abort()
        self._sink = None


# --------------------------------------------------------------------------- import


@dataclass
class ImportResult:
    path: Path
    package_id: uuid.UUID
    source: str  # the sender, in words
    replay: bool = False  # already imported before: nothing changed
    imported_on: str = ""  # when it was first imported (replay)
    new_key: bool = False  # the sender's key was confirmed now
    backup: Path | None = None
    sync: SyncReport | None = None
    by_entity: dict[str, int] = field(default_factory=dict)  # records changed, by kind
    files: int = 0  # attached files the package carried
    files_new: int = 0  # of them, not here before
    file_bytes: int = 0

    @property
    def violations(self) -> list[Violation]:
        return self.sync.violations if self.sync else []


class NotConfirmed(ServiceError):
    pass


def import_package(
    db: Database,
    path: Path,
    *,
    secret: str,
    confirm_new: Callable[[Checked], bool] | None = None,
    job: Job | None = None,
) -> ImportResult:
    """Check the package, then merge it — all or nothing — and record the
    sender's watermarks and the package. ``confirm_new(checked)`` is asked
    when the sender's signing key is not known yet (show its fingerprint);
    without it, or when it says no, nothing is imported."""
    job = ensure(job)
    job.report("正在检查交换文件", 0.0)
    me = copy_id(db)
    with db.reading() as s:
        _village, township = _where(s)
    checked = check_package(Path(path), secret, township=township)
    name = checked.path.name
    source = checked.source
    result = ImportResult(checked.path, checked.package_id, checked.label)
    if source["copy"] == str(me):
        raise ServiceError(f"“{name}”是本机自己导出的交换文件，不需要导入")
    with db.reading() as s:
        _refuse_other_village(s, source, name)
        seen = s.get(ExchangePackage, (checked.package_id, "in"))
        if seen is not None:
            result.replay, result.imported_on = True, seen.processed
            return result
        known = s.get(ExchangeKey, source["key"])
        if known is not None and known.revoked_on:
            raise ServiceError(
                f"“{name}”来自已停用的电脑（{known.label}，{known.revoked_on[:10]} 停用），"
                "没有导入任何内容"
            )
        if known is not None and str(known.copy_id) != source["copy"]:
            # The same installation now sends another copy (a re-keyed data
            # folder): its key is known, the copy is new. Accepted.
            log.info("key %s now sends copy %s", source["key"][:12], source["copy"])
    if known is None:
        if confirm_new is None or not confirm_new(checked):
            raise NotConfirmed(
                f"“{name}”来自一台还没有确认过的电脑（{checked.label}，"
                f"密钥指纹 {checked.fingerprint}）。请与对方核对指纹后再导入；没有导入任何内容"
            )
        result.new_key = True
    job.report("正在备份数据库", 0.1)
    # The copy is made now, before anything is written; it is checked while
    # the merge runs, and the merge commits only once the check has passed.
    backup_copy = _start_backup(db)
    job.report("正在合并", 0.2)
    manifest = checked.manifest

    def record(s: Session, report) -> None:
        if backup_copy is not None:
            result.backup = _finish_backup(backup_copy)
        now = _now()
        next_seq = s.info["journal"].next_seq
        sender = uuid.UUID(source["copy"])
        peer = s.get(ExchangePeer, sender)
        if peer is None:
            peer = ExchangePeer(copy_id=sender, devices="", received_seq=0, acked_seq=0)
            s.add(peer)
        devices = set(peer.devices.split()) | {str(uuid.UUID(source["device"]))}
        peer.devices = " ".join(sorted(devices))
        peer.code = str(source.get("code", ""))[:8]
        peer.label = checked.label[:200]
        peer.last_seen = now
        kind = source.get("kind") or ""
        if kind in (villages.VILLAGE, villages.TOWNSHIP):
            peer.kind = kind
            theirs = source.get("village_id")
            peer.village_id = uuid.UUID(theirs) if theirs and kind == villages.VILLAGE else None
        if int(manifest["from_seq"]) <= peer.received_seq:
            peer.received_seq = max(peer.received_seq, int(manifest["to_seq"]))
        mine = manifest.get("acks", {}).get(str(me))
        if mine is not None:
            ours = s.scalar(select(LocalClock.next_seq)) or 1
            peer.acked_seq = max(peer.acked_seq, min(int(mine), ours - 1))
        key = s.get(ExchangeKey, source["key"])
        if key is None:
            s.add(
                ExchangeKey(
                    public_key=source["key"],
                    copy_id=sender,
                    label=checked.label[:200],
                    trusted_on=now,
                    revoked_on="",
                )
            )
        else:
            key.copy_id, key.label = sender, checked.label[:200]
        s.add(
            ExchangePackage(
                id=checked.package_id,
                direction="in",
                peer_copy_id=sender,
                created=str(manifest.get("created", "")),
                processed=now,
                file_name=str(checked.path),
                from_seq=int(manifest["from_seq"]),
                to_seq=int(manifest["to_seq"]),
                change_count=int(checked.end["changes"]),
                content_hash=checked.end["content_hash"],
                summary=json.dumps(
                    {
                        "received": report.received,
                        "duplicates": report.duplicates,
                        "recorded": report.recorded,
                        "applied": report.applied,
                        "pending": report.pending,
                        "quarantined": report.quarantined,
                        "conflicts": report.conflicts,
                        "files": files.count,
                        "files_new": files.stored,
                        # the files the sender lacks: its next package asks for them
                        "wants": _wants(manifest),
                        # the sequence numbers its changes got here
                        "local_seqs": [next_seq - report.recorded, next_seq - 1],
                    },
                    ensure_ascii=False,
                ),
            )
        )

    files = _FileLines(name, _store(db))
    if checked.end.get("files"):
        files.store.remove_leftovers()  # (of an import killed before)
    try:
        result.sync = merge_changes(db, _changes(checked, job, files), then=record)
    finally:
        files.abort()  # (a file half-written when the merge failed: its temporary copy)
        if backup_copy is not None and result.backup is None:
            backup_copy.discard()  # the merge failed before the backup was needed
    result.files, result.files_new, result.file_bytes = files.count, files.stored, files.bytes
    changes = result.sync.merge.changes
    result.by_entity = {e: len(changes.ids(e)) for e in changes.entities}
    return result  # no progress report after the commit: a Cancel would come too late


def _refuse_other_village(s: Session, source: dict, name: str) -> None:
    """A village copy holds its own village: it takes packages from its
    village's other laptops and from the township office, not from another
    village's laptop (those go through the township)."""
    home = villages.home_village(s)
    theirs = source.get("village_id")
    if (
        home is None
        or source.get("kind") == villages.TOWNSHIP
        or not theirs
        or str(home) == str(theirs)
    ):
        return
    mine, _township = _where(s)
    theirs_name = source.get("village") or "另一个村"
    if theirs_name == mine:
        raise ServiceError(
            f"“{name}”来自另一台{mine}的电脑，但两台电脑初始化时填的村庄信息（县、乡镇、"
            "区划代码）不一样，被当作两个村。请让乡镇用汇总库为本村导出一个文件，"
            "在新的数据文件夹里导入它来建立本机的台账；没有导入任何内容"
        )
    raise ServiceError(
        f"“{name}”是{theirs_name}的交换文件，本机是{mine}的台账。"
        "村与村之间的数据经乡镇汇总后再分发，不直接交换；没有导入任何内容"
    )


def backup_before_import(db: Database) -> Path | None:
    """A checked backup of the SQLite database before an import (the backup
    folder and rotation of ``storage/backup.py``)."""
    pending = _start_backup(db)
    return _finish_backup(pending) if pending is not None else None


def _start_backup(db: Database):
    """The backup before an import, copied now and checked in the background
    (``backup.start``); None for a database that is not a SQLite file."""
    from ..storage import backup

    path = db.sqlite_path
    if path is None or not path.exists():
        return None
    return backup.start(path, backup.folder_for(path), "before-exchange-import")


def _finish_backup(pending) -> Path:
    """Wait for the backup's check (``ServiceError`` if the copy is not
    whole: the import then changes nothing), then rotate the folder."""
    from ..storage import backup

    made = pending.finish()
    backup.rotate(pending.folder)
    return made


def township_of(db: Database) -> str:
    with db.reading() as s:
        return _where(s)[1]


def key_state(db: Database, checked: Checked) -> str:
    """``known``, ``new`` (a person must confirm its fingerprint) or
    ``revoked`` — the signing key of a checked package, here."""
    with db.reading() as s:
        known = s.get(ExchangeKey, checked.source["key"])
    if known is None:
        return "new"
    return "revoked" if known.revoked_on else "known"


# --------------------------------------------------------------------------- status


@dataclass(frozen=True)
class PeerStatus:
    copy_id: uuid.UUID
    code: str
    label: str
    received_seq: int  # its changes we hold (its numbering)
    acked_seq: int  # our changes it holds (our numbering)
    pending: int  # our changes it has not acknowledged
    last_seen: str
    keys: tuple[tuple[str, str], ...]  # (fingerprint, revoked_on)


def peers(db: Database) -> list[PeerStatus]:
    with db.reading() as s:
        out = []
        keys_by_copy: dict[uuid.UUID, list[ExchangeKey]] = {}
        for k in s.scalars(select(ExchangeKey).order_by(ExchangeKey.trusted_on)):
            keys_by_copy.setdefault(k.copy_id, []).append(k)
        for p in s.scalars(select(ExchangePeer).order_by(ExchangePeer.label)):
            wanted = [Change.seq > p.acked_seq, *_theirs(s, p, p.acked_seq)]
            # a peer of unknown village: everything counts as pending
            with contextlib.suppress(ServiceError):
                wanted += _for_whom(s, p, None)
            pending = s.scalar(select(func.count()).select_from(Change).where(*wanted))
            out.append(
                PeerStatus(
                    p.copy_id,
                    p.code,
                    p.label,
                    p.received_seq,
                    p.acked_seq,
                    pending or 0,
                    p.last_seen,
                    tuple(
                        (keys.fingerprint(k.public_key), k.revoked_on)
                        for k in keys_by_copy.get(p.copy_id, [])
                    ),
                )
            )
        return out


def history(db: Database, limit: int = 200) -> list[ExchangePackage]:
    with db.reading() as s:
        return list(
            s.scalars(
                select(ExchangePackage).order_by(ExchangePackage.processed.desc()).limit(limit)
            )
        )


def revoke(db: Database, who: str) -> list[str]:
    """Stop accepting packages signed by a peer's keys (a lost laptop).
    Returns the fingerprints revoked."""
    with db.transaction(None) as s:
        peer = find_peer(s, who)
        found = list(s.scalars(select(ExchangeKey).where(ExchangeKey.copy_id == peer.copy_id)))
        now = _now()
        for k in found:
            if not k.revoked_on:
                k.revoked_on = now
        return [keys.fingerprint(k.public_key) for k in found]


def own_fingerprint(db: Database) -> str:
    return keys.fingerprint(keys.public_hex(keys.signing_key(key_folder(db))))
