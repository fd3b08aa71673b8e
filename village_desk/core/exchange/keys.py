"""This installation's signing key and the stored exchange passphrase.

Both live in the installation's config folder (next to ``replicas.json``,
``storage/replica.py``), never in the database: a copied data folder or a
backup does not carry them, and a copy opened on another computer signs with
that computer's key. Files are created owner-only (0600).

* The **signing key** (Ed25519) is made on first use. Peers know this
  installation by its public key; the fingerprint people compare is a short
  hash of it.
* The **exchange passphrase** is set by the township for all its villages.
  The environment variable ``VILLAGE_DESK_EXCHANGE_PASSPHRASE`` wins over the
  stored one (scripts, tests).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from ..domain.errors import ServiceError, ValidationError

KEY_FILE = "exchange-signing-key.pem"
SECRET_FILE = "exchange-passphrase.json"
ENV_PASSPHRASE = "VILLAGE_DESK_EXCHANGE_PASSPHRASE"
MIN_PASSPHRASE = 8


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def signing_key(folder: Path):
    """The installation's Ed25519 private key (made and stored on first use)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = folder / KEY_FILE
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("not an Ed25519 key")
        return key
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as err:
        raise ServiceError(
            f"本机的交换签名密钥文件已损坏（{path}：{err}）。请联系技术人员；"
            "删除它会生成新密钥，乡镇需要重新确认本机。"
        ) from None
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        _write_private(path, pem)
    except OSError as err:
        raise ServiceError(f"无法保存本机的交换签名密钥（{path}：{err.strerror or err}）") from None
    return key


def public_hex(private_key) -> str:
    from cryptography.hazmat.primitives import serialization

    return (
        private_key.public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        .hex()
    )


def fingerprint(public_key_hex: str) -> str:
    """What people compare on the phone: 16 characters in groups of four."""
    digest = hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:16].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def verify(public_key_hex: str, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex)).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def check_passphrase(passphrase: str) -> str:
    text = passphrase.strip()
    if len(text) < MIN_PASSPHRASE:
        raise ValidationError(
            "exchange.passphrase", f"交换口令至少 {MIN_PASSPHRASE} 个字符（由乡镇统一设定）"
        )
    return text


def stored_passphrase(folder: Path) -> str | None:
    env = os.environ.get(ENV_PASSPHRASE)
    if env:
        return env
    try:
        data = json.loads((folder / SECRET_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("passphrase") if isinstance(data, dict) else None
    return value if isinstance(value, str) and value else None


def store_passphrase(folder: Path, passphrase: str) -> None:
    text = check_passphrase(passphrase)
    try:
        _write_private(
            folder / SECRET_FILE, json.dumps({"passphrase": text}, ensure_ascii=False).encode()
        )
    except OSError as err:
        raise ServiceError(f"无法保存交换口令（{folder}：{err.strerror or err}）") from None
