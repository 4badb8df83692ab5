"""Where a coordinator file lives: network shares are refused, risky places warned about.

SQLite's locking and WAL need a local file system: on a network share two PCs
can both believe they write alone, and a dropped connection tears pages. A
USB stick can be pulled mid-write, and a sync client (OneDrive, Dropbox …)
may copy the file while it is half-written or bring back an older copy.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePath, PureWindowsPath

from kankei_desktop import paths
from kankei_desktop.domain.errors import StoreError

NETWORK_FS_TYPES = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "ncpfs", "9p",
                    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "ceph", "glusterfs", "fuse.rclone"}
CLOUD_FOLDER_NAMES = ("onedrive", "dropbox", "google drive", "googledrive", "my drive", "マイドライブ",
                      "icloud drive", "iclouddrive", "mobile documents", "box sync", "box drive")


class NetworkLocationError(StoreError):
    """The file is on a network drive; ``make_local_copy`` offers the way out."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


@dataclass
class LocationReport:
    path: Path
    network: str | None = None  # why the place is refused
    warnings: list[str] = field(default_factory=list)


def is_unc_path(path: PurePath | str) -> bool:
    text = str(path)
    return text.startswith("\\\\") or text.startswith("//")


def _mount_for(path: Path, mounts_file: Path) -> tuple[str, str, str] | None:
    """(device, mount point, fs type) of the longest mount point containing ``path``."""
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[str, str, str] | None = None
    target = str(path)
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        device, mount_point, fs_type = parts[0], parts[1].replace("\\040", " "), parts[2]
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > len(best[1])):
            best = (device, mount_point, fs_type)
    return best


def _removable_block_device(device: str) -> bool:
    name = Path(device).name
    if not device.startswith("/dev/") or not name:
        return False
    sys_block = Path("/sys/class/block") / name
    for candidate in (sys_block / "removable", sys_block.resolve().parent / "removable"):
        try:
            if candidate.read_text().strip() == "1":
                return True
        except OSError:
            continue
    return False


def _windows_drive_type(path: Path) -> int:
    import ctypes

    root = PureWindowsPath(str(path)).anchor or str(path)[:3]
    return ctypes.windll.kernel32.GetDriveTypeW(root)


def check_location(path: Path, *, mounts_file: Path = Path("/proc/mounts")) -> LocationReport:
    """Judge where ``path`` lives; never touches the file."""
    raw = Path(path)
    report = LocationReport(raw)
    if is_unc_path(raw):
        report.network = "ネットワーク上の共有フォルダー（UNC パス）"
        return report
    resolved = raw.resolve() if raw.exists() or raw.parent.exists() else raw.absolute()
    if is_unc_path(resolved):
        report.network = "ネットワーク上の共有フォルダー（UNC パス）"
        return report
    if os.name == "nt":
        kind = _windows_drive_type(resolved)
        if kind == 4:  # DRIVE_REMOTE
            report.network = "ネットワークドライブ"
            return report
        if kind == 2:  # DRIVE_REMOVABLE
            report.warnings.append(_removable_warning(raw))
    elif mounts_file.exists():
        mount = _mount_for(resolved, mounts_file)
        if mount is not None:
            device, mount_point, fs_type = mount
            if fs_type.lower() in NETWORK_FS_TYPES or device.startswith("//"):
                report.network = f"ネットワーク上のファイルシステム（{fs_type}、{mount_point}）"
                return report
            if _removable_block_device(device):
                report.warnings.append(_removable_warning(raw))
    if not report.warnings and _under_media_folder(resolved):
        report.warnings.append(_removable_warning(raw))
    lowered = [part.lower() for part in resolved.parts]
    for part in lowered:
        if any(part == name or part.startswith(name + " -") or part.startswith(name + "-")
               for name in CLOUD_FOLDER_NAMES) or part.startswith("onedrive"):
            report.warnings.append(
                f"「{raw}」はクラウド同期フォルダー（{part}）の中にあります。同期中にファイルが壊れたり、"
                "古い版に戻ったりすることがあります。ローカルのフォルダーに置き、バックアップ先をクラウドにすることをおすすめします。"
            )
            break
    return report


def _under_media_folder(path: Path) -> bool:
    text = str(path)
    if sys.platform == "darwin":
        return text.startswith("/Volumes/")
    return text.startswith(("/media/", "/run/media/", "/mnt/usb"))


def _removable_warning(path: Path) -> str:
    return (
        f"「{path}」は USB メモリーなどの取り外せるドライブにあります。作業中に抜くとファイルが壊れます。"
        "パソコン内にコピーして作業し、USB メモリーはバックアップ先にすることをおすすめします。"
    )


def refuse_network(path: Path, *, mounts_file: Path = Path("/proc/mounts")) -> LocationReport:
    """Raise ``NetworkLocationError`` for a network location; otherwise return the report."""
    report = check_location(path, mounts_file=mounts_file)
    if report.network:
        raise NetworkLocationError(
            f"「{path}」は{report.network}にあります。ネットワーク越しに開くと、同時に使ったときや"
            "接続が切れたときにファイルが壊れるため、このまま開くことはできません。"
            "パソコン内にコピーして作業してください（「ローカルにコピーして開く」）。",
            Path(path),
        )
    return report


def make_local_copy(path: Path, target_dir: Path | None = None) -> Path:
    """A verified copy of ``path`` in a local folder (default: the user's data folder).

    The original is only read. The copy gets a name with the time so an earlier
    local copy is never overwritten.
    """
    from kankei_desktop.store.backup import copy_database  # late: backup imports probe

    target_dir = Path(target_dir) if target_dir else paths.user_data_dir() / "local-copies"
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"コピー先のフォルダー「{target_dir}」を作成できません（{exc.strerror or exc}）。") from exc
    source = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{source.stem}_local-{stamp}{source.suffix or '.sqlite3'}"
    temp = target_dir / f".tmp-{target.name}"
    copy_database(source, temp)
    os.replace(temp, target)
    return target
