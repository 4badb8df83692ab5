"""A server database's backup: ``pg_dump`` in its custom format, checked, and restored to a new database.

``pg_dump`` takes one consistent snapshot (a repeatable-read transaction) while people work.
The dump is checked by ``pg_restore --list`` (it must name our tables). The password, when the
keyring has it, reaches the tools in their environment, never on their command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.store.server import ServerAddress, _keyring_password


def tool(name: str) -> str | None:
    return shutil.which(name)


def _environment(address: ServerAddress) -> dict[str, str]:
    env = dict(os.environ)
    url = address.url
    password = _keyring_password({"user": url.username or "", "host": url.host or "", "port": url.port or 5432,
                                  "dbname": url.database})
    if password:
        env["PGPASSWORD"] = password
    return env


def _conninfo(address: ServerAddress) -> str:
    return str(address)


def dump(address: ServerAddress, out: Path) -> list[str]:
    """The whole database into ``out`` (custom format); returns the tables the dump holds."""
    program = tool("pg_dump")
    if program is None:
        raise StoreError("pg_dump がありません（postgresql-client を入れてください）。")
    partial = out.with_name(out.name + ".partial")
    result = subprocess.run([program, "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}",
                             f"--dbname={_conninfo(address)}"], capture_output=True, text=True,
                            env=_environment(address))
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        lines = result.stderr.strip().splitlines() or [""]
        said = next((line for line in lines if "error:" in line), lines[0])
        hint = "（バックアップは管理者の役割で作ります）" if "permission denied" in said else ""
        raise StoreError(f"pg_dump が失敗しました{hint}: {said}。バックアップは作成していません。")
    tables = listed_tables(partial)
    if "person" not in tables or "alembic_version" not in tables:
        partial.unlink(missing_ok=True)
        raise StoreError("作ったダンプに関係人口デスクの表がありません。バックアップは作成していません。")
    partial.replace(out)
    return tables


def listed_tables(path: Path) -> list[str]:
    program = tool("pg_restore")
    if program is None:
        raise StoreError("pg_restore がありません（postgresql-client を入れてください）。")
    result = subprocess.run([program, "--list", str(path)], capture_output=True, text=True)
    if result.returncode != 0:
        raise StoreError(f"「{path}」は読めるダンプではありません（{result.stderr.strip()[:200]}）。")
    return sorted({line.split()[-2] for line in result.stdout.splitlines()
                   if " TABLE DATA " in line and len(line.split()) >= 2})


def restore(path: Path, address: ServerAddress) -> None:
    """Into an empty database (checked by the caller), in one transaction: all or nothing."""
    listed_tables(path)
    result = subprocess.run([tool("pg_restore"), "--no-owner", "--no-privileges", "--single-transaction",
                             "--exit-on-error", f"--dbname={_conninfo(address)}", str(path)],
                            capture_output=True, text=True, env=_environment(address))
    if result.returncode != 0:
        raise StoreError(f"復元できませんでした（何も書き込んでいません）: {result.stderr.strip()[:300]}")
