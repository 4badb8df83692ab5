"""io/files.py: an export appears complete or not at all, and its refusals are the caller's errors."""

from __future__ import annotations

import pytest

from kankei_desktop.io.files import replaced_atomically, write_bytes_atomically


class Refused(Exception):
    pass


def test_the_new_content_replaces_the_old_and_nothing_else_is_left(tmp_path):
    target = tmp_path / "list.csv"
    target.write_bytes(b"old")
    write_bytes_atomically(target, b"new", Refused)
    assert target.read_bytes() == b"new"
    assert [path.name for path in tmp_path.iterdir()] == ["list.csv"]


def test_a_failure_inside_leaves_the_target_as_it_was(tmp_path):
    target = tmp_path / "list.csv"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with replaced_atomically(target, Refused) as temp:
            temp.write_bytes(b"half")
            raise RuntimeError("the writer stopped")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["list.csv"]


def test_a_missing_folder_is_refused_with_the_callers_error(tmp_path):
    with pytest.raises(Refused, match="フォルダー「.*nowhere」がありません"):
        write_bytes_atomically(tmp_path / "nowhere" / "list.csv", b"x", Refused)


def test_a_file_held_open_is_refused_in_words(tmp_path, monkeypatch):
    def held(*_args):
        raise PermissionError(13, "in use")

    monkeypatch.setattr("kankei_desktop.io.files.os.replace", held)
    with pytest.raises(Refused, match="「list.xlsx」に書き込めません。Excel などで開いていれば閉じて"):
        with replaced_atomically(tmp_path / "list.xlsx", Refused, held_by="Excel など") as temp:
            temp.write_bytes(b"x")
    assert list(tmp_path.iterdir()) == []
