"""Photos (and other images) attached to letters, persons, hosts or stays.

A file is copied into ``user_data_dir()/attachments/<sha256[:2]>/<sha256>.<ext>``:
the same photo attached twice is stored once, and the stored original is never
rewritten (written to a temporary name, then renamed, then made read-only).
Thumbnails are derived files in a cache folder and can be thrown away any time.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlmodel import Session

from kankei_desktop import paths
from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.domain.tables import Attachment, utc_now
from kankei_desktop.services.record_ops import soft_delete
from kankei_desktop.store import audit
from kankei_desktop.store.backup import file_sha256

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


def attachments_dir() -> Path:
    return paths.user_data_dir() / "attachments"


def thumbnails_dir() -> Path:
    return paths.user_data_dir() / "cache" / "thumbnails"


def stored_path(sha256: str, mime_type: str) -> Path:
    extension = next((ext for ext, mime in _FORMATS.values() if mime == mime_type), "bin")
    return attachments_dir() / sha256[:2] / f"{sha256}.{extension}"


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


def store_file(source: Path) -> tuple[str, str, int]:
    """Copy an image into the attachments folder once; returns (sha256, mime type, size)."""
    source = Path(source)
    _ext, mime = inspect_image(source)
    sha = file_sha256(source)
    target = stored_path(sha, mime)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
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
    source = Path(source)
    sha, mime, size = store_file(source)
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
    return [AttachmentRow(*row, stored_path(row[2], row[3])) for row in rows]


def first_attachment_by_owner(session: Session, owner_kind: str, owner_ids: list[str]) -> dict[str, AttachmentRow]:
    """For a list screen: the first photo of each owner, in one query per 500 owners."""
    found: dict[str, AttachmentRow] = {}
    for start in range(0, len(owner_ids), 500):
        rows = session.execute(
            select(Attachment.owner_id, Attachment.id, Attachment.file_name, Attachment.sha256,
                   Attachment.mime_type, Attachment.size_bytes, Attachment.caption)
            .where(Attachment.owner_kind == owner_kind, Attachment.owner_id.in_(owner_ids[start:start + 500]),
                   Attachment.deleted_at.is_(None))
            .order_by(Attachment.created_at)
        ).all()
        for owner_id, *rest in rows:
            found.setdefault(owner_id, AttachmentRow(*rest, stored_path(rest[2], rest[3])))
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


def thumbnail(sha256: str, mime_type: str, size: int = THUMBNAIL_SIZE) -> Path | None:
    """A PNG no larger than ``size`` px on its long side, made on first use; None if the original is gone."""
    original = stored_path(sha256, mime_type)
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
