"""Which device this process writes as — decided outside the database.

A database file can be copied (a data folder duplicated, a backup
restored, a folder carried to a second laptop). If the copy kept writing
under the original's device identity, two copies would issue the same
stamps and the same matter numbers. So the identity is anchored *outside*
the file, in this computer account's config folder (``replicas.json``):

* each installation (computer account) has an id;
* each database copy has a replica id (``local_replica``) and remembers the
  installation that owns it;
* the config file maps replica → (device, path, highest stamp issued).

On opening, the copy is recognised, or it **re-keys** itself as a new
device before writing anything:

* owned by another installation → copied to another computer;
* another path on this computer still holds the same replica → a copy;
* the file's highest stamp issued is above the database's → a restored
  backup (the device already issued stamps this copy never saw).

A moved folder (the old path gone) keeps its identity. On a PostgreSQL
server each client installation is its own device for that server.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import secrets
import socket
import sqlite3
import tempfile
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import LocalClock, LocalDevice, LocalReplica

log = logging.getLogger(__name__)

ENV_CONFIG_DIR = "VILLAGE_DESK_CONFIG_DIR"
IDENTITY_FILE = "replicas.json"
DEVICE_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I/O/0/1: read aloud safely


def config_dir() -> Path:
    env = os.environ.get(ENV_CONFIG_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("village-desk", appauthor=False))


class IdentityStore:
    """The installation's record of its replicas (a small JSON file, written
    atomically). Without a writable folder it lives in memory only."""

    _guard = threading.Lock()

    def __init__(self, folder: Path | None = None):
        self.path = (folder or config_dir()) / IDENTITY_FILE
        self._memory: dict | None = None

    def load(self) -> dict:
        if self._memory is not None:
            return self._memory
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = {}
        except (OSError, ValueError) as err:
            log.warning("identity file %s unreadable (%s); starting a new one", self.path, err)
            data = {}
        data.setdefault("installation", str(uuid.uuid4()))
        data.setdefault("replicas", {})
        return data

    def save(self, data: dict) -> None:
        with self._guard:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".replicas-")
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(data, f, ensure_ascii=False, indent=1)
                os.replace(tmp, self.path)
            except OSError as err:
                log.warning("cannot write identity file %s: %s", self.path, err)
                self._memory = data

    def note_stamp(self, replica_key: str, stamp: str) -> None:
        """Remember the highest stamp this device issued in that copy."""
        data = self.load()
        entry = data["replicas"].get(replica_key)
        if entry is not None and stamp > entry.get("max_stamp", ""):
            entry["max_stamp"] = stamp
            self.save(data)


@dataclass(frozen=True)
class Identity:
    replica_id: uuid.UUID
    device_id: uuid.UUID
    rekeyed: str = ""  # why this open made the copy a new device ("" if it did not)


def _replica_id_at(path: str) -> uuid.UUID | None:
    """The replica id stored in the SQLite file at ``path`` (read-only peek)."""
    if not path or not Path(path).is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            raw = conn.execute("SELECT replica_id FROM local_replica WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return uuid.UUID(raw[0]) if raw and raw[0] else None


def codes_in_use(session: Session) -> set[str]:
    """Device codes of this database's devices and of every matter number it
    holds (numbers read ``YEAR-CODE-SEQ``), from any device."""
    from .models import Matter

    used = set(session.scalars(select(LocalDevice.code)))
    for number in session.scalars(select(Matter.number)):
        parts = number.split("-")
        if len(parts) == 3:
            used.add(parts[1])
    return used


def _new_code(session: Session, like: str | None = None) -> str:
    """A matter-number code no device here has used. Codes are the village's
    code from the township plus a letter per laptop (``K7`` + ``B``): a copy of
    a laptop's data keeps the village part and takes a free letter."""
    used = codes_in_use(session)
    if like and len(like) == 3:
        free = [like[:2] + c for c in DEVICE_CODE_ALPHABET if like[:2] + c not in used]
        if free:
            return secrets.choice(free)
    while True:
        code = "".join(secrets.choice(DEVICE_CODE_ALPHABET) for _ in range(3))
        if code not in used:
            return code


def _new_device(session: Session, name: str | None, like: str | None = None) -> LocalDevice:
    device = LocalDevice(
        id=uuid.uuid4(),
        name=name or socket.gethostname() or "本机",
        code=_new_code(session, like),
        created=dt.datetime.now().isoformat(timespec="seconds"),
    )
    session.add(device)
    session.flush()
    return device


def resolve(
    session: Session,
    location: str,
    store: IdentityStore,
    *,
    sqlite_file: bool,
    device_name: str | None = None,
) -> Identity:
    """The device this process writes as (inside an open transaction)."""
    data = store.load()
    installation = uuid.UUID(data["installation"])
    replica = session.get(LocalReplica, 1)
    if replica is None:
        replica = LocalReplica(
            id=1,
            replica_id=uuid.uuid4(),
            installation_id=installation,
            created=dt.datetime.now().isoformat(timespec="seconds"),
        )
        session.add(replica)
        session.flush()
    clock = session.get(LocalClock, 1)
    db_max = clock.max_stamp if clock is not None else ""
    path = str(Path(location).resolve()) if sqlite_file else location

    if not sqlite_file:  # a server: one device per installation and server
        key = f"server:{location}"
        entry = data["replicas"].get(key)
        rekeyed = ""
        if entry is not None and entry.get("max_stamp", "") > db_max:
            rekeyed = "服务器数据库是从备份恢复的"
            entry = None
        if entry is None or session.get(LocalDevice, uuid.UUID(entry["device"])) is None:
            device = _new_device(session, device_name)
            entry = {"device": str(device.id), "path": location, "max_stamp": ""}
            data["replicas"][key] = entry
            store.save(data)
        return Identity(replica.replica_id, uuid.UUID(entry["device"]), rekeyed)

    key = str(replica.replica_id)
    entry = data["replicas"].get(key)
    reason = ""
    if replica.installation_id is not None and replica.installation_id != installation:
        reason = "数据文件夹是从另一台电脑复制来的"
    elif entry is not None:
        if (
            entry.get("path") != path
            and _replica_id_at(entry.get("path", "")) == replica.replica_id
        ):
            reason = "数据文件夹是另一个文件夹的副本"
        elif entry.get("max_stamp", "") > db_max:
            reason = "数据是从备份恢复的，本机在备份之后写过的数据不在其中"
    if reason:
        old = replica.device_id
        previous = session.get(LocalDevice, old) if old else None
        device = _new_device(
            session,
            device_name or (previous.name if previous else None),
            like=previous.code if previous else None,
        )
        replica.replica_id, replica.device_id = uuid.uuid4(), device.id
        replica.installation_id = installation
        data["replicas"][str(replica.replica_id)] = {
            "device": str(device.id),
            "path": path,
            "max_stamp": "",
        }
        store.save(data)
        log.warning("this copy is a new device %s (%s); it was %s", device.id, reason, old)
        return Identity(replica.replica_id, device.id, reason)

    if replica.device_id is None or session.get(LocalDevice, replica.device_id) is None:
        replica.device_id = _new_device(session, device_name).id
    replica.installation_id = installation
    if entry is None or entry.get("path") != path or entry.get("device") != str(replica.device_id):
        data["replicas"][key] = {
            "device": str(replica.device_id),
            "path": path,
            "max_stamp": (entry or {}).get("max_stamp", ""),
        }
        store.save(data)
    return Identity(replica.replica_id, replica.device_id)
