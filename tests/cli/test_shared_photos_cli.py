"""``migrate`` takes the photos along, and ``settings set`` names a server's shared photo folder.

Needs a real PostgreSQL server (``pytest --pg``); each laptop is its own data folder
(``KANKEI_DESKTOP_DATA_DIR``) and the commands run as subprocesses.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

from PIL import Image

from kankei_desktop.services.attachments import add_attachment
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.store import create_database


def run(*args, laptop):
    env = {**os.environ, "KANKEI_DESKTOP_DATA_DIR": str(laptop)}
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300, env=env, check=False)


def _file_with_a_photo(path, picture, laptop, monkeypatch):
    monkeypatch.setenv("KANKEI_DESKTOP_DATA_DIR", str(laptop))
    Image.new("RGB", (40, 30), (200, 180, 90)).save(picture)
    database = create_database(path)
    with database.session() as session:
        add_attachment(session, "person", create_person(session, PersonInput(name="山田 太郎")), picture)
    database.close()
    return hashlib.sha256(picture.read_bytes()).hexdigest()


def test_without_a_shared_folder_migrate_says_the_photos_stayed(empty_server_database, tmp_path, monkeypatch):
    laptop = tmp_path / "laptop-a"
    _file_with_a_photo(tmp_path / "a.sqlite3", tmp_path / "rice.png", laptop, monkeypatch)
    moved = run("migrate", "--from", tmp_path / "a.sqlite3", "--to", empty_server_database, laptop=laptop)
    assert moved.returncode == 0, moved.stderr
    assert "写真 1 枚はコピーしていません" in moved.stdout and "--photos" in moved.stdout


def test_photos_go_to_the_shared_folder_and_back_to_another_laptops_file(empty_server_database, tmp_path, monkeypatch):
    shared, laptop_a, laptop_b = tmp_path / "shared", tmp_path / "laptop-a", tmp_path / "laptop-b"
    sha = _file_with_a_photo(tmp_path / "a.sqlite3", tmp_path / "rice.png", laptop_a, monkeypatch)
    there = run("migrate", "--from", tmp_path / "a.sqlite3", "--to", empty_server_database, "--photos", shared,
                laptop=laptop_a)
    assert there.returncode == 0, there.stderr
    assert (shared / sha[:2] / f"{sha}.png").read_bytes() == (tmp_path / "rice.png").read_bytes()
    assert f"写真: 1 枚を「{shared}」で確認" in there.stdout
    assert "shared_photo_folder" in there.stdout  # how to name it on the server

    named = run("settings", "set", "--db", empty_server_database, "shared_photo_folder", shared, laptop=laptop_a)
    assert named.returncode == 0, named.stderr
    listed = run("settings", "list", "--db", empty_server_database, laptop=laptop_b)
    assert f"shared_photo_folder\t{shared}\t写真の共有フォルダー" in listed.stdout
    refused = run("settings", "set", "--db", empty_server_database, "shared_photo_folder", "photos", laptop=laptop_a)
    assert refused.returncode == 2 and "写真の共有フォルダー" in refused.stderr

    back = run("migrate", "--from", empty_server_database, "--to", tmp_path / "b.sqlite3", laptop=laptop_b)
    assert back.returncode == 0, back.stderr
    arrived = laptop_b / "attachments" / sha[:2] / f"{sha}.png"
    assert arrived.read_bytes() == (tmp_path / "rice.png").read_bytes()
    assert f"写真: 1 枚を「{laptop_b / 'attachments'}」で確認" in back.stdout
