"""Sealed files: a readable header and an AES-GCM encrypted body, for packages and backups.

Layout: ``MAGIC``, the header's length (4 bytes, big-endian), the header (UTF-8 JSON), then the
ciphertext of the zlib-compressed body. The key comes from the offices' shared passphrase
through scrypt (salt and cost in the header). The whole header, with the organisation, the
offices, the schema revision and the package number, is the associated data: changing any
byte of it, or of the body, makes the decryption fail. A short key check in the header tells
a wrong passphrase apart from a damaged file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import zlib
from pathlib import Path

from kankei_desktop.domain.errors import KankeiError

MAGIC = b"KANKEI-SEALED\x001\n"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 8


class SealedFileError(KankeiError):
    """A sealed file refused: wrong passphrase, damaged, truncated, or not one of ours."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def derive_key(passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)


def _key_check(key: bytes) -> str:
    return _b64(hmac.new(key, b"kankei-desktop key check", hashlib.sha256).digest()[:12])


def check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise SealedFileError(f"合言葉は{MIN_PASSPHRASE}文字以上にしてください（交換する事務所どうしで同じものを使います）。")


def seal(header: dict, body: bytes, passphrase: str) -> bytes:
    """The sealed bytes of ``body`` under ``header`` (the kdf, nonce and key check are added)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    key = derive_key(passphrase, salt)
    header = {**header, "kdf": {"name": "scrypt", "salt": _b64(salt), "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P},
              "cipher": "AES-256-GCM", "nonce": _b64(nonce), "key_check": _key_check(key)}
    head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    prefix = MAGIC + len(head).to_bytes(4, "big") + head
    return prefix + AESGCM(key).encrypt(nonce, zlib.compress(body, 6), prefix)


def write_sealed(path: Path, header: dict, body: bytes, passphrase: str) -> int:
    """Write atomically (temporary name, flush, rename); returns the size. A full disk leaves nothing."""
    data = seal(header, body, passphrase)
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise SealedFileError(f"「{path}」を書き込めませんでした（{error.strerror or error}）。"
                              "空き容量と書き込みできる場所かを確かめてください。何も書き込んでいません。") from error
    return len(data)


def _split(data: bytes, name: str) -> tuple[dict, bytes, bytes]:
    if len(data) < len(MAGIC) and data and MAGIC.startswith(data):
        raise SealedFileError(f"「{name}」は途中で切れています（ファイルが不完全です）。何も適用していません。")
    if not data.startswith(MAGIC):
        raise SealedFileError(f"「{name}」は関係人口デスクの暗号化ファイルではありません。何も適用していません。")
    start = len(MAGIC) + 4
    if len(data) < start:
        raise SealedFileError(f"「{name}」は途中で切れています（ファイルが不完全です）。何も適用していません。")
    length = int.from_bytes(data[len(MAGIC):start], "big")
    if len(data) < start + length + 16:
        raise SealedFileError(f"「{name}」は途中で切れています（ファイルが不完全です）。何も適用していません。")
    head = data[start:start + length]
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise SealedFileError(f"「{name}」の見出しが壊れています（改ざんまたは破損）。何も適用していません。") from error
    return header, data[:start + length], data[start + length:]


def read_file(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise SealedFileError(f"「{path}」を読み込めませんでした（{error.strerror or error}）。") from error


def read_header(path: Path) -> dict:
    """The header (readable without the passphrase; not yet authenticated)."""
    header, _prefix, _body = _split(read_file(path), Path(path).name)
    return header


def unseal(data: bytes, passphrase: str, name: str = "ファイル") -> tuple[dict, bytes]:
    """(header, body) of sealed bytes, or ``SealedFileError`` saying why not."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header, prefix, ciphertext = _split(data, name)
    try:
        kdf = header["kdf"]
        salt = base64.b64decode(kdf["salt"])
        nonce = base64.b64decode(header["nonce"])
        key = derive_key(passphrase or "", salt, int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
    except (KeyError, TypeError, ValueError) as error:
        raise SealedFileError(f"「{name}」の見出しが壊れています（改ざんまたは破損）。何も適用していません。") from error
    if not hmac.compare_digest(_key_check(key), str(header.get("key_check", ""))):
        raise SealedFileError(f"「{name}」の合言葉が違います。交換相手と決めた合言葉を入力してください。何も適用していません。")
    try:
        body = AESGCM(key).decrypt(nonce, ciphertext, prefix)
    except InvalidTag as error:
        raise SealedFileError(
            f"「{name}」は改ざんされているか、壊れているか、途中で切れています（認証に失敗しました）。何も適用していません。"
        ) from error
    return header, zlib.decompress(body)
