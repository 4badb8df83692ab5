"""Writing a file so that it appears complete or not at all.

Every export is written to a temporary file in the target's own folder (same drive, so the
rename is atomic) and renamed over the target at the end; on any error the temporary file is
removed and the target is left as it was. Only the error type differs by caller, so each
passes the function that builds its own.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replaced_atomically(path: Path, refuse: Callable[[str], Exception], *,
                        held_by: str = "ほかのアプリ") -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` when the block succeeds.

    A missing folder, and a target another program holds open (Windows refuses the write or the
    rename), are refused with ``refuse(message)``; ``held_by`` names that program in the message."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise refuse(f"フォルダー「{folder}」がありません。")
    handle, temp_name = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        os.replace(temp, path)
    except PermissionError:
        raise refuse(
            f"「{path.name}」に書き込めません。{held_by}で開いていれば閉じてから、もう一度お試しください。"
        ) from None
    finally:
        temp.unlink(missing_ok=True)


def write_bytes_atomically(path: Path, data: bytes, refuse: Callable[[str], Exception]) -> None:
    """``data`` as the whole new content of ``path`` (see ``replaced_atomically``)."""
    with replaced_atomically(path, refuse) as temp:
        temp.write_bytes(data)
