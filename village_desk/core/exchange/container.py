"""The exchange file container: encrypted, authenticated, streamed.

Layout::

    b"VDX" + format (1 byte) + header length (4 bytes, big-endian) + header
    then chunks: length (4 bytes; top bit set on the last chunk) + ciphertext

The header is JSON and not secret (the township's name, the key derivation's
salt and cost, the nonce prefix, a key check); it is authenticated as the
associated data of every chunk, so changing a byte of it fails decryption.
The content is a zstd stream cut into chunks of 1 MiB, each sealed with
AES-256-GCM under the nonce *prefix ‖ chunk number ‖ last-chunk flag* (the
STREAM construction): a flipped byte, swapped, dropped or appended chunks and
a file cut short are all detected. The key comes from the passphrase by
scrypt; a 16-byte check value in the header tells a wrong passphrase from a
damaged file.

Nothing here knows what the content means (``package.py`` does).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..domain.errors import ServiceError

MAGIC = b"VDX"
# This program writes format 2 and reads 1 and 2. Format 2: a package may
# carry attached files as lines after its changes (``package.py``); a
# program that knows only format 1 refuses it by this byte, asking to
# upgrade, instead of counting those lines as changes.
FORMAT = 2
CHUNK = 1 << 20  # plaintext bytes per sealed chunk
_LAST = 0x80000000
_MAX_HEADER = 64 * 1024
_MAX_SEALED = CHUNK + 1024
SCRYPT = {"n": 2**15, "r": 8, "p": 1}  # ~32 MB and ~0.1 s per key


class ExchangeFileError(ServiceError):
    """A file that cannot be read as an exchange file: the message says why
    (and that nothing was imported)."""


class WrongPassphrase(ExchangeFileError):
    pass


@dataclass(frozen=True)
class Header:
    raw: bytes  # as stored (the associated data of every chunk)
    fields: dict

    @property
    def township(self) -> str:
        return str(self.fields.get("township", ""))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive_key(passphrase: str, salt: bytes, cost: dict) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=cost["n"], r=cost["r"], p=cost["p"]).derive(
        passphrase.encode("utf-8")
    )


def _key_check(key: bytes, salt: bytes) -> bytes:
    return hmac.new(key, b"village-desk exchange key check" + salt, hashlib.sha256).digest()[:16]


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


class Writer:
    """Write a container: ``with Writer(f, passphrase, township) as w: w.write(b)``.
    Bytes written are compressed, cut into chunks and sealed as they come."""

    def __init__(self, out: BinaryIO, passphrase: str, township: str, *, level: int = 3):
        import zstandard
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        salt = os.urandom(16)
        self._prefix = os.urandom(7)
        key = derive_key(passphrase, salt, SCRYPT)
        fields = {
            "format": FORMAT,
            "app": "village-desk",
            "township": township,
            "kdf": {"name": "scrypt", "salt": _b64(salt), **SCRYPT},
            "cipher": "AES-256-GCM",
            "nonce": _b64(self._prefix),
            "chunk": CHUNK,
            "compression": "zstd",
            "check": _b64(_key_check(key, salt)),
        }
        body = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
        self.header = MAGIC + bytes([FORMAT]) + struct.pack(">I", len(body)) + body
        self._aead = AESGCM(key)
        self._out = out
        self._out.write(self.header)
        self._index = 0
        self._pending = bytearray()
        self._zstd = zstandard.ZstdCompressor(level=level).compressobj()
        self.header_digest = hashlib.sha256(self.header).digest()

    def write(self, data: bytes) -> None:
        self._pending += self._zstd.compress(data)
        while len(self._pending) > CHUNK:
            self._seal(bytes(self._pending[:CHUNK]), last=False)
            del self._pending[:CHUNK]

    def _seal(self, plain: bytes, *, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._prefix, self._index, last), plain, self.header)
        self._out.write(struct.pack(">I", len(sealed) | (_LAST if last else 0)))
        self._out.write(sealed)
        self._index += 1

    def close(self) -> None:
        import zstandard

        self._pending += self._zstd.flush(zstandard.COMPRESSOBJ_FLUSH_FINISH)
        while len(self._pending) > CHUNK:
            self._seal(bytes(self._pending[:CHUNK]), last=False)
            del self._pending[:CHUNK]
        self._seal(bytes(self._pending), last=True)
        self._pending.clear()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, exc_type, *_exc) -> None:
        if exc_type is None:
            self.close()


def read_header(f: BinaryIO, name: str) -> Header:
    start = f.read(8)
    if len(start) < 8 or start[:3] != MAGIC:
        raise ExchangeFileError(f"“{name}”不是村务民情台账的交换文件，没有导入任何内容")
    version = start[3]
    if version > FORMAT:
        raise ExchangeFileError(
            f"“{name}”由更新版本的村务民情台账生成（交换文件格式 {version}，"
            f"本程序支持到 {FORMAT}），请先升级软件；没有导入任何内容"
        )
    (length,) = struct.unpack(">I", start[4:8])
    if not 0 < length <= _MAX_HEADER:
        raise ExchangeFileError(f"“{name}”的文件头已损坏，没有导入任何内容")
    body = f.read(length)
    try:
        fields = json.loads(body.decode("utf-8"))
        if not isinstance(fields, dict):
            raise ValueError("not an object")
    except ValueError:
        raise ExchangeFileError(f"“{name}”的文件头已损坏，没有导入任何内容") from None
    return Header(start + body, fields)


def open_key(header: Header, passphrase: str, name: str) -> bytes:
    """The content key, or a clear refusal: wrong passphrase / damaged header."""
    try:
        kdf = header.fields["kdf"]
        salt = _unb64(kdf["salt"])
        cost = {k: int(kdf[k]) for k in ("n", "r", "p")}
        check = _unb64(header.fields["check"])
        if kdf["name"] != "scrypt" or cost["n"] > 2**20 or cost["r"] > 16 or cost["p"] > 4:
            raise ValueError("unsupported key derivation")
    except (KeyError, TypeError, ValueError):
        raise ExchangeFileError(f"“{name}”的文件头已损坏，没有导入任何内容") from None
    key = derive_key(passphrase, salt, cost)
    if not hmac.compare_digest(_key_check(key, salt), check):
        raise WrongPassphrase(
            "交换口令不对：这个文件是用另一个口令加密的（口令由乡镇统一设定）。没有导入任何内容"
        )
    return key


def plaintext(f: BinaryIO, header: Header, key: bytes, name: str) -> Iterator[bytes]:
    """The decrypted, decompressed content in pieces, each authenticated
    before it is handed out; raises ``ExchangeFileError`` for a damaged or
    incomplete file (pieces already handed out must then be discarded)."""
    import zstandard
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        prefix = _unb64(header.fields["nonce"])
        if len(prefix) != 7:
            raise ValueError
    except (KeyError, TypeError, ValueError):
        raise ExchangeFileError(f"“{name}”的文件头已损坏，没有导入任何内容") from None
    aead = AESGCM(key)
    unzstd = zstandard.ZstdDecompressor().decompressobj()
    index = 0
    while True:
        size = f.read(4)
        if len(size) < 4:
            raise ExchangeFileError(
                f"“{name}”不完整（在第 {index + 1} 块处中断，可能没有拷贝完）。请重新拷贝；没有导入任何内容"
            )
        (word,) = struct.unpack(">I", size)
        last, length = bool(word & _LAST), word & ~_LAST
        if length > _MAX_SEALED:
            raise ExchangeFileError(f"“{name}”已损坏（第 {index + 1} 块），没有导入任何内容")
        sealed = f.read(length)
        if len(sealed) < length:
            raise ExchangeFileError(
                f"“{name}”不完整（在第 {index + 1} 块处中断，可能没有拷贝完）。请重新拷贝；没有导入任何内容"
            )
        try:
            plain = aead.decrypt(_nonce(prefix, index, last), sealed, header.raw)
        except InvalidTag:
            raise ExchangeFileError(
                f"“{name}”已损坏或被改动过（第 {index + 1} 块校验失败）。请重新拷贝；没有导入任何内容"
            ) from None
        try:
            out = unzstd.decompress(plain)
        except zstandard.ZstdError:
            raise ExchangeFileError(f"“{name}”的内容无法解压，没有导入任何内容") from None
        if out:
            yield out
        index += 1
        if last:
            break
    if f.read(1):
        raise ExchangeFileError(f"“{name}”末尾有多余的数据（可能已被改动），没有导入任何内容")
    if not unzstd.eof:
        raise ExchangeFileError(f"“{name}”的内容不完整，没有导入任何内容")


def lines(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """Split the content into lines (each ending with b"\\n")."""
    rest = b""
    for piece in pieces:
        rest += piece
        *whole, rest = rest.split(b"\n")
        for line in whole:
            yield line + b"\n"
    if rest:
        yield rest


def open_reader(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise ExchangeFileError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise ExchangeFileError(f"“{path}”是一个文件夹，不是交换文件") from None
    except OSError as err:
        raise ExchangeFileError(f"无法读取“{path}”：{err.strerror or err}") from None
