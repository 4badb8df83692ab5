"""Photos (and other images) attached to letters, persons, hosts or stays.

A file is copied into ``user_data_dir()/attachments/<sha256[:2]>/<sha256>.<ext>``:
the same photo attached twice is stored once, and the stored original is never
rewritten (written to a temporary name, then renamed, then made read-only).
Thumbnails are derived files in a cache folder and can be thrown away any time.

On a PostgreSQL server the photos live in the shared folder the setting ``shared_photo_folder``
names (same layout, docs/decisions.md): every coordinator's window stores to and reads from it,
and attaching is refused until an administrator has named it. Thumbnails stay per laptop.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from sqlalchemy import select, update
from sqlmodel import Session

from kankei_desktop import paths
from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.domain.tables import Attachment, utc_now
from kankei_desktop.services.record_ops import soft_delete
from kankei_desktop.services.settings_store import Declared, get
from kankei_desktop.store import audit
from kankei_desktop.store.backup import file_sha256
from kankei_desktop.store.dialect import is_postgresql

MAX_BYTES = 50 * 1024 * 1024
THUMBNAIL_SIZE = 160
OWNER_KINDS = ("letter", "person", "host", "stay")

# Pillow format name → (extension, MIME type) of the images we accept.
_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "GIF": ("gif", "image/gif"),
    "WEBP": ("webp", "image/webp"),
    "HEIF": ("heic", "image/heic"),
}


def _heif_available() -> bool:
    try:
        from pillow_heif import register_heif_opener  # optional: HEIC photos from iPhones
    except ImportError:
        return False
    register_heif_opener()
    return True


@dataclass(frozen=True)
class AttachmentRow:
    id: str
    file_name: str
    sha256: str
    mime_type: str
    size_bytes: int
    caption: str
    stored_path: Path


def _folder_path(value: Any) -> str:
    """An absolute folder (``\\\\fileserver\\kankei\\photos``, ``Z:\\photos``, ``/mnt/photos``), or empty."""
    text = "" if value is None else str(value).strip()
    if text and not (PureWindowsPath(text).is_absolute() or PurePosixPath(text).is_absolute()):
        raise ValueError("フォルダーは \\\\fileserver\\kankei\\photos のように、ドライブかサーバー名から入力してください")
    return text


# Server-wide: every coordinator's window stores and reads photos there (unused on a file).
SHARED_PHOTO_FOLDER = Declared("shared_photo_folder", "", "写真の共有フォルダー", parse=_folder_path)

NO_SHARED_FOLDER = ("サーバーでは写真を共有フォルダーに保存します。管理者が「設定」の「写真の共有フォルダー」"
                    "でフォルダーを指定するまで、写真は添付できません。")


def attachments_dir() -> Path:
    """This computer's own photo folder: where a file store keeps its photos."""
    return paths.user_data_dir() / "attachments"


def thumbnails_dir() -> Path:
    return paths.user_data_dir() / "cache" / "thumbnails"


def photos_folder(session: Session) -> Path | None:
    """Where the open store's photos live: this computer's folder for a file, the shared folder
    the server's settings name on a server (None while no administrator has named it)."""
    if not is_postgresql(session):
        return attachments_dir()
    named = get(session, SHARED_PHOTO_FOLDER)
    return Path(named) if named else None


def reading_folder(session: Session) -> Path:
    # A server without its shared folder yet: the photos this computer attached before still show.
    return photos_folder(session) or attachments_dir()


def stored_path(sha256: str, mime_type: str, folder: Path | None = None) -> Path:
    extension = next((ext for ext, mime in _FORMATS.values() if mime == mime_type), "bin")
    return (folder or attachments_dir()) / sha256[:2] / f"{sha256}.{extension}"


def inspect_image(path: Path) -> tuple[str, str]:
    """(extension, MIME type) of an acceptable image, or ValidationError naming the file."""
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    if not path.is_file():
        raise ValidationError({"file": f"ファイル「{path}」が見つかりません。"})
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError({"file": f"「{path.name}」は {size / 1024 / 1024:,.0f} MB あります。"
                                       f"写真は {MAX_BYTES // 1024 // 1024} MB までにしてください。"})
    if size == 0:
        raise ValidationError({"file": f"「{path.name}」は空のファイルです。"})
    _heif_available()
    try:
        with Image.open(path) as image:
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        hint = "（HEIC は pillow-heif を入れると扱えます）" if path.suffix.lower() in (".heic", ".heif") else ""
        raise ValidationError({"file": f"「{path.name}」は画像として読めません。JPEG か PNG の写真を選んでください{hint}。"}) from None
    if kind not in _FORMATS:
        raise ValidationError({"file": f"「{path.name}」の形式（{kind}）は扱えません。JPEG か PNG にしてください。"})
    return _FORMATS[kind]


def store_file(source: Path, folder: Path | None = None) -> tuple[str, str, int]:
    """Copy an image into ``folder`` (this computer's attachments folder by default) once;
    returns (sha256, mime type, size)."""
    source = Path(source)
    _ext, mime = inspect_image(source)
    sha = file_sha256(source)
    target = stored_path(sha, mime, folder)
    if not target.exists():
        try:  # a shared folder may be read-only for this coordinator
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        except OSError as refused:
            raise ValidationError({"file": f"写真のフォルダー「{target.parent}」に書き込めません（{refused.strerror}）。"
                                           f"写真は添付していません。"}) from None
        os.close(handle)
        try:
            shutil.copyfile(source, temp)
            if file_sha256(Path(temp)) != sha:  # the source changed while we copied
                raise ValidationError({"file": f"「{source.name}」を読み込む途中でファイルが変わりました。もう一度お試しください。"})
            os.replace(temp, target)
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
        target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return sha, mime, source.stat().st_size


def add_attachment(session: Session, owner_kind: str, owner_id: str, source: Path, caption: str = "") -> str:
    """Store the file (once per content) and link it to its owner; returns the attachment id."""
    if owner_kind not in OWNER_KINDS:
        raise ValidationError({"owner_kind": f"添付先「{owner_kind}」は扱えません。"})
    folder = photos_folder(session)
    if folder is None:
        raise ValidationError({"file": NO_SHARED_FOLDER})
    if is_postgresql(session) and not folder.is_dir():  # never made here: a typo must not become a folder
        raise ValidationError({"file": f"写真の共有フォルダー「{folder}」が見つかりません。ネットワークへの接続と"
                                       f"フォルダーの場所を確かめてください（写真は添付していません）。"})
    source = Path(source)
    sha, mime, size = store_file(source, folder)
    existing = session.execute(
        select(Attachment.id).where(Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id,
                                    Attachment.sha256 == sha, Attachment.deleted_at.is_(None))
    ).scalar()
    if existing:
        return existing
    row = Attachment(owner_kind=owner_kind, owner_id=owner_id, sha256=sha, file_name=source.name[:255],
                     mime_type=mime, size_bytes=size, caption=caption.strip())
    session.add(row)
    session.flush()
    audit.record(session, "create", "attachment", row.id, {
        "owner": [None, f"{owner_kind}:{owner_id}"], "file_name": [None, row.file_name], "sha256": [None, sha]})
    return row.id


def list_attachments(session: Session, owner_kind: str, owner_id: str) -> list[AttachmentRow]:
    rows = session.execute(
        select(Attachment.id, Attachment.file_name, Attachment.sha256, Attachment.mime_type,
               Attachment.size_bytes, Attachment.caption)
        .where(Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id, Attachment.deleted_at.is_(None))
        .order_by(Attachment.created_at)
    ).all()
    folder = reading_folder(session)
    return [AttachmentRow(*row, stored_path(row[2], row[3], folder)) for row in rows]


def first_attachment_by_owner(session: Session, owner_kind: str, owner_ids: list[str]) -> dict[str, AttachmentRow]:
    """For a list screen: the first photo of each owner, in one query per 500 owners."""
    found: dict[str, AttachmentRow] = {}
    folder = reading_folder(session)
    for start in range(0, len(owner_ids), 500):
        rows = session.execute(
            select(Attachment.owner_id, Attachment.id, Attachment.file_name, Attachment.sha256,
                   Attachment.mime_type, Attachment.size_bytes, Attachment.caption)
            .where(Attachment.owner_kind == owner_kind, Attachment.owner_id.in_(owner_ids[start:start + 500]),
                   Attachment.deleted_at.is_(None))
            .order_by(Attachment.created_at)
        ).all()
        for owner_id, *rest in rows:
            found.setdefault(owner_id, AttachmentRow(*rest, stored_path(rest[2], rest[3], folder)))
    return found


def remove_attachment(session: Session, attachment_id: str) -> None:
    """Unlink from its owner (tombstone). The stored file stays: another row may share it."""
    row = session.get(Attachment, attachment_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("添付ファイルが見つかりません（削除済みの可能性があります）。")
    soft_delete(session, row, "attachment", {"file_name": [row.file_name, None]})


def remove_attachments_of(session: Session, owner_kind: str, owner_id: str) -> None:
    now = utc_now()
    session.execute(update(Attachment).where(Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id,
                                             Attachment.deleted_at.is_(None)).values(deleted_at=now, updated_at=now))


def thumbnail(sha256: str, mime_type: str, size: int = THUMBNAIL_SIZE, original: Path | None = None) -> Path | None:
    """A PNG no larger than ``size`` px on its long side, made on first use; None if the original is gone.

    ``original``: the row's ``stored_path`` (on a server, in the shared folder); by default this
    computer's attachments folder."""
    original = original or stored_path(sha256, mime_type)
    if not original.exists():
        return None
    target = thumbnails_dir() / sha256[:2] / f"{sha256}-{size}.png"
    if target.exists():
        return target
    from PIL import Image, ImageOps

    _heif_available()
    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(original) as image:
        image = ImageOps.exif_transpose(image)  # phones store rotation in EXIF
        image.thumbnail((size, size))
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA")
        handle, temp = tempfile.mkstemp(dir=target.parent, suffix=".png")
        os.close(handle)
        try:
            image.save(temp, "PNG")
            os.replace(temp, target)
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
    return target
