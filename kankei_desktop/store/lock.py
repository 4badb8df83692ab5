"""One writer per coordinator file: a lock file next to it, ``<db>.lock``.

The lock file holds who has the file open (OS user, machine, process id and
since when) as JSON and is created with O_EXCL, so of two programs starting at
the same moment exactly one wins. We use a file of our own rather than OS file
locks because those are unreliable on network and synced folders, vanish
without trace when a laptop crashes, and cannot tell the second user *who*
holds the file. A lock whose process is gone on this same machine was left by
a crash: it is taken over, and the caller is told so (the file then gets a
full check).
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.store.audit import current_user

# An empty lock file this old was left by a crash between create and write.
_EMPTY_LOCK_GRACE_SECONDS = 10


class LockedError(StoreError):
    """Another program (or another PC) has the file open."""

    def __init__(self, message: str, holder: dict | None, lock_path: Path):
        super().__init__(message)
        self.holder = holder
        self.lock_path = lock_path


def lock_path_for(db_path: Path) -> Path:
    return Path(f"{db_path}.lock")


def machine_name() -> str:
    return socket.gethostname() or "unknown"


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        exit_code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(exit_code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return exit_code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def boot_id() -> str:
    """Which boot of this machine we are in: a pid from before a restart means nothing now.

    Linux has a boot id; Windows gives the boot time (rounded to the minute, as
    the uptime counter and the clock are read a moment apart). Elsewhere ''.
    """
    try:
        if os.name == "nt":
            import ctypes

            ctypes.windll.kernel32.GetTickCount64.restype = ctypes.c_ulonglong
            booted = time.time() - ctypes.windll.kernel32.GetTickCount64() / 1000
            return f"boot-{int(booted // 60)}"
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except (OSError, AttributeError):
        return ""


def _same_boot(holder: dict) -> bool:
    theirs, ours = str(holder.get("boot") or ""), boot_id()
    if not theirs or not ours:
        return True  # unknown: trust the pid check alone
    if theirs.startswith("boot-") and ours.startswith("boot-"):
        return abs(int(theirs[5:]) - int(ours[5:])) <= 1
    return theirs == ours


@dataclass
class DatabaseLock:
    """A held lock; ``release`` removes the file if it is still ours."""

    path: Path
    content: dict
    # Set when a lock left by a crashed program was taken over.
    recovered_from: dict | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def after_crash(self) -> bool:
        return self.recovered_from is not None

    def release(self) -> None:
        try:
            if _read(self.path) == self.content:
                self.path.unlink()
        except (OSError, ValueError):
            pass  # already gone or replaced by someone who broke it: not ours to remove


def _read(path: Path) -> dict:
    """The lock's content; ValueError when it is not our JSON."""
    raw = path.read_bytes()
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict) or not {"user", "machine", "pid", "since"} <= set(data):
        raise ValueError("not a lock record")
    return data


def _since_label(holder: dict) -> str:
    try:
        return datetime.fromisoformat(str(holder["since"])).strftime("%Y/%m/%d %H:%M")
    except ValueError:
        return str(holder["since"])


def holder_description(holder: dict) -> str:
    return f"{holder['user']} さん（コンピューター「{holder['machine']}」、{_since_label(holder)} から）"


def _create(path: Path, content: dict) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    except OSError as exc:
        raise StoreError(
            f"ロックファイル「{path}」を作成できません（{exc.strerror or exc}）。"
            "フォルダーが読み取り専用でないか確かめてください。"
        ) from exc
    try:
        try:
            os.write(fd, json.dumps(content, ensure_ascii=False).encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        # Left behind empty, it would read as a broken lock on every later open.
        path.unlink(missing_ok=True)
        from kankei_desktop.store.probe import disk_full_message, disk_is_full

        if disk_is_full(path, exc):
            raise StoreError(disk_full_message(path)) from exc
        raise StoreError(f"ロックファイル「{path}」を書き込めません（{exc.strerror or exc}）。") from exc
    return True


def _take_over(path: Path, stale_raw: bytes) -> bool:
    """Move a stale lock out of the way, but only if it is still the one we judged stale."""
    parked = Path(f"{path}.stale-{uuid.uuid4().hex}")
    try:
        os.replace(path, parked)
    except FileNotFoundError:
        return True  # someone else cleared it; try to create ours
    if parked.read_bytes() != stale_raw:
        # Another program took it over between our read and our rename: give theirs back.
        try:
            os.replace(parked, path) if not path.exists() else parked.unlink()
        except OSError:
            pass
        return False
    parked.unlink(missing_ok=True)
    return True


def acquire(db_path: Path, *, break_garbage: bool = False) -> DatabaseLock:
    """Take the lock of ``db_path`` or raise ``LockedError`` naming who holds it.

    ``break_garbage``: the user confirmed that nobody else uses the file, so a
    lock file with unreadable content may be replaced.
    """
    path = lock_path_for(Path(db_path))
    content = {
        "user": current_user(),
        "machine": machine_name(),
        "pid": os.getpid(),
        "since": datetime.now().replace(microsecond=0).isoformat(),
        "boot": boot_id(),
        "token": uuid.uuid4().hex,
    }
    recovered: dict | None = None
    notes: list[str] = []
    for _attempt in range(5):
        if _create(path, content):
            return DatabaseLock(path, content, recovered, notes)
        try:
            stale_raw = path.read_bytes()
        except FileNotFoundError:
            continue
        try:
            holder = _read(path) if stale_raw else None
        except ValueError:
            holder = None
        if holder is None:
            empty_and_old = not stale_raw and time.time() - path.stat().st_mtime > _EMPTY_LOCK_GRACE_SECONDS
            if not (break_garbage or empty_and_old):
                raise LockedError(
                    f"ロックファイル「{path}」の内容が読めません（壊れています）。"
                    "ほかのパソコンやプログラムでこのデータベースを開いていないことを確かめてから、"
                    "「ロックを解除して開く」を選ぶか、このロックファイルを削除してください。データベースは変更していません。",
                    None,
                    path,
                )
            if _take_over(path, stale_raw):
                recovered = {"user": "?", "machine": "?", "pid": 0, "since": "?"}
                notes.append(f"壊れたロックファイル「{path}」を置き換えました。")
            continue
        same_machine = holder["machine"] == machine_name()
        # After a restart the old pid may belong to some other program now: the boot tells.
        if same_machine and (not _same_boot(holder) or not pid_alive(int(holder.get("pid") or 0))):
            if _take_over(path, stale_raw):
                recovered = holder
                notes.append(
                    f"前回 {holder_description(holder)} が正常に終了しなかったため、ロックを引き継ぎました。"
                    "データベースを詳しく検査します。"
                )
            continue
        raise LockedError(
            f"このデータベースは {holder_description(holder)} が開いています。"
            "同時に書き込むとデータが壊れるため、閉じてもらってから開いてください。",
            holder,
            path,
        )
    raise LockedError(f"ロックファイル「{path}」を取得できませんでした。しばらくしてからもう一度開いてください。", None, path)


def read_holder(db_path: Path) -> dict | None:
    """Who holds the lock now (None when nobody or unreadable); never changes anything."""
    try:
        return _read(lock_path_for(Path(db_path)))
    except (OSError, ValueError):
        return None
