"""Every sub-command, read from the parser itself, against its declared class (cli/access.py).

- the window holds the one-writer lock: writers are refused naming who holds it, readers run;
- another database's -wal lies beside the file: every command but ``restore`` refuses, and neither
  the file nor the -wal changes by a byte (``stats`` used to fold it in);
- a page of the file is damaged: every command but ``check`` and ``restore`` refuses with one line
  naming the newest verified backup, exit non-zero, no traceback.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kankei_desktop.cli import build_parser
from kankei_desktop.cli.access import COMMAND_ACCESS, NO_DATABASE, READER, REPAIR, WRITER, access_of, leaf_commands
from kankei_desktop.services import backups, exchange
from kankei_desktop.store import backup, create_database, lock, open_database, probe

# One way to call each command on the demo file; {db}, {out}, {csv} and the demo's ids are filled in.
# A command missing here fails ``test_every_command_has_a_class_and_a_sample``.
SAMPLES: dict[str, list[str]] = {
    "init": ["--force"],
    "check": [],
    "backup": [],
    "restore": ["--latest"],
    "audit": [],
    "retention": [],
    "anonymise": ["--person", "{person}", "--yes"],
    "programmes list": [],
    "programmes create": ["--name", "新しい企画", "--year", "2026"],
    "programmes enroll": ["--programme", "{programme}", "--person", "{person}"],
    "duplicates": [],
    "labels": ["--person", "{person}", "--out", "{out}.pdf"],
    "carrier-csv": ["--format", "yamato-b2", "--shipment", "{shipment}", "--out", "{out}.csv"],
    "followups": [],
    "stays-ics": ["--out", "{out}.ics"],
    "host-schedule": ["--host", "{host}", "--out", "{out}.pdf"],
    "stays list": [],
    "stays add": ["--person", "{person}", "--host", "{host}", "--start", "2099/05/01", "--end", "2099/05/02"],
    "stays status": ["--stay", "{stay}", "--to", "中止"],
    "person-days": ["--year", "2026"],
    "import": ["{csv}"],
    "export": ["--what", "persons", "--out", "{out}.csv"],
    "template": ["persons", "--out", "{out}.xlsx"],
    "selftest": [],
    "stats": ["--fiscal-year", "2026"],
    "report": ["--fiscal-year", "2026", "--out", "{out}.pdf"],
    "roster": ["--segment", "連絡可", "--out", "{out}.pdf"],
    "exchange office": [],
    "exchange peer-add": ["--id", "00000000-0000-0000-0000-00000000beef", "--name", "離島支所"],
    "exchange copy": ["--to", "{out}-copy.sqlite3", "--name", "新しい支所"],
    "exchange export": ["--peer", "支所", "--out", "{out}.kankei-sync"],
    "exchange import": ["{out}.kankei-sync"],
    "exchange status": [],
    "exchange conflicts": [],
    "exchange backup": ["--to", "{out}-sealed"],
    "exchange restore": ["--from", "{sealed}"],
    "settings list": [],
    "settings set": ["organisation_phone", "03-1234-5678"],
    "indicators list": [],
    "indicators create": ["--name", "地域に誇りを持つ住民の割合", "--unit", "%"],
    "indicators edit": ["地域に誇りを持つ住民の割合", "--unit", "ポイント"],
    "indicators archive": ["地域に誇りを持つ住民の割合"],
    "indicators set": ["地域に誇りを持つ住民の割合", "--fiscal-year", "2026", "--value", "62"],
    "indicators import": ["{icsv}"],
    "indicators template": ["--out", "{out}.xlsx"],
    "server init": ["--admin", "kanri"],
    "server user add": ["--name", "etsuran", "--role", "閲覧者"],
    "server user list": [],
    "server user role": ["--name", "etsuran", "--role", "コーディネーター"],
    "server grant": [],
    "server backup": ["--out", "{out}.sqlite3"],
    "server restore": ["--from", "{out}.dump"],
    "migrate": ["--to", "{out}.sqlite3"],
}
# Options that change the class (and import's --dry-run, a writer too): these run as well.
VARIANTS = [("audit", ["--out", "{out}.csv"]), ("import", ["{csv}", "--dry-run"]), ("backup", ["--list"]),
            ("exchange office", ["--rename", "本庁舎"]), ("exchange conflicts", ["--keep", "local"])]


DUMMY = {"out": "x", "csv": "x.csv", "icsv": "i.csv", "sealed": "s.kankei-backup", "person": "p", "host": "h", "programme": "g", "stay": "s", "shipment": "m"}


def error_lines(result) -> list[str]:
    """What the command said went wrong (notices such as export's personal-data one aside)."""
    return [line for line in result.stderr.strip().splitlines() if not line.startswith("注意:")]


def _cases():
    cases = [(path, args) for path, args in SAMPLES.items()] + VARIANTS
    return [pytest.param(path, args, id=f"{path} {' '.join(args)}".strip()) for path, args in cases]


def _access(path: str, args: list[str]) -> str:
    parsed = build_parser().parse_args([*path.split(), *_argv(args, DUMMY), "--db", "x"]
                                       if COMMAND_ACCESS[path] != NO_DATABASE else [*path.split(), *args])
    return access_of(parsed)


def _argv(args: list[str], values: dict[str, str]) -> list[str]:
    return [arg.format(**values) for arg in args]


def run(*args):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from kankei_desktop.services import demo

    folder = tmp_path_factory.mktemp("demo")
    path = folder / "office.sqlite3"
    database = create_database(path)
    with database.session() as session:
        demo.load_demo_data(session)
    with database.session() as session:
        exchange.set_up_office(session, "本庁")
        exchange.add_peer(session, "00000000-0000-0000-0000-0000000000a1", "支所")
    database.close()
    connection = sqlite3.connect(path)
    ids = {
        "person": connection.execute("SELECT id FROM person ORDER BY id LIMIT 1").fetchone()[0],
        "host": connection.execute("SELECT id FROM host WHERE kind = '農家' ORDER BY id LIMIT 1").fetchone()[0],
        "programme": connection.execute("SELECT id FROM programme WHERE fiscal_year = 2026 LIMIT 1").fetchone()[0],
        "stay": connection.execute("SELECT id FROM stay WHERE status = '予定' LIMIT 1").fetchone()[0],
        "shipment": connection.execute("SELECT id FROM shipment LIMIT 1").fetchone()[0],
    }
    connection.close()
    assert not Path(f"{path}-wal").exists()
    return path, ids


@pytest.fixture(scope="module")
def foreign_wal(tmp_path_factory):
    """The -wal of another coordinator file, taken while a connection kept it from being folded in."""
    from kankei_desktop.services import demo

    other = tmp_path_factory.mktemp("other") / "other.sqlite3"
    create_database(other).close()
    keeper = sqlite3.connect(other)
    keeper.execute("SELECT count(*) FROM person").fetchone()  # holds the log open
    database = open_database(other)
    with database.session() as session:
        demo.load_demo_data(session)
    wal = Path(f"{other}-wal").read_bytes()
    assert probe.read_wal(Path(f"{other}-wal")).page_one_identities, "the log holds page 1"
    database.close()
    keeper.close()
    return wal


@pytest.fixture
def office(demo_file, tmp_path, monkeypatch):
    """A fresh copy of the demo file, its sample values, and a verified backup of it."""
    source, ids = demo_file
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(source, path)
    csv = tmp_path / "new.csv"
    csv.write_text("氏名,メールアドレス\n取込 太郎,torikomi@example.jp\n", encoding="utf-8-sig")
    monkeypatch.setenv("KANKEI_EXCHANGE_PASSPHRASE", "島と本庁の合言葉 2026")
    for folder in (tmp_path / "sealed", tmp_path / "out-sealed"):
        folder.mkdir()
    database = open_database(path)
    try:
        sealed = backups.backup_encrypted(database, tmp_path / "sealed", "島と本庁の合言葉 2026")
    finally:
        database.close()
    icsv = tmp_path / "values.csv"
    icsv.write_text("指標,年度,値\n地域に誇りを持つ住民の割合,2026,62\n", encoding="utf-8-sig")
    values = {**ids, "out": str(tmp_path / "out"), "csv": str(csv), "icsv": str(icsv), "sealed": str(sealed)}
    folder = backup.default_backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    backup.make_backup(path, folder, "manual")
    return path, values


def test_every_command_has_a_class_and_a_sample():
    commands = set(leaf_commands(build_parser()))
    assert commands == set(COMMAND_ACCESS), "cli/access.py COMMAND_ACCESS must name every sub-command"
    assert commands == set(SAMPLES), "a new sub-command needs a sample in this test"
    assert _access("audit", ["--out", "x.csv"]) == WRITER and _access("audit", []) == READER
    # the dry run checks activity rows by writing them in a savepoint it rolls back
    assert _access("import", ["x.csv", "--dry-run"]) == WRITER and _access("import", ["x.csv"]) == WRITER


def test_no_command_module_opens_the_file_its_own_way():
    folder = Path(__file__).parents[2] / "kankei_desktop" / "cli"
    offenders = [p.name for p in folder.glob("*.py") if p.name != "access.py" and "open_database(" in p.read_text("utf-8")]
    assert offenders == []


def test_a_command_without_a_class_cannot_be_built(monkeypatch):
    from kankei_desktop.cli import access

    monkeypatch.delitem(access.COMMAND_ACCESS, "stats")
    with pytest.raises(access.UndeclaredCommandError, match="stats"):
        build_parser()


@pytest.mark.sqlite_only  # the lock file, -wal and page damage of the file
@pytest.mark.parametrize("command,args", _cases())
def test_while_the_window_holds_the_lock_writers_are_refused_and_readers_run(office, command, args):
    path, values = office
    access = _access(command, args)
    if access == NO_DATABASE:
        pytest.skip("opens no database")
    held = lock.acquire(path)  # what the window does on start
    try:
        before = digest(path)
        result = run(*command.split(), "--db", path, *_argv(args, values))
        after = digest(path)
    finally:
        held.release()
    if access in (WRITER,) or command.split()[-1] == "restore":
        assert result.returncode != 0, result.stdout
        lines = error_lines(result)
        assert len(lines) == 1 and "開いています" in lines[0], result.stderr
        assert lock.current_user() in lines[0] and lock.machine_name() in lines[0]
        assert before == after
    else:
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert before == after, "a reading command changed the file"


@pytest.mark.sqlite_only  # the lock file, -wal and page damage of the file
@pytest.mark.parametrize("command,args", _cases())
def test_another_files_wal_is_never_read_or_folded_in(office, foreign_wal, command, args):
    path, values = office
    access = _access(command, args)
    if access == NO_DATABASE or command.split()[-1] == "restore" or args == ["--list"]:
        pytest.skip("does not read the file")
    wal = Path(f"{path}-wal")
    wal.write_bytes(foreign_wal)
    before, before_wal = digest(path), digest(wal)
    result = run(*command.split(), "--db", path, *_argv(args, values))
    assert result.returncode != 0, result.stdout
    assert "別のデータベース" in result.stderr and "Traceback" not in result.stderr
    if command != "check":
        assert len(error_lines(result)) == 1, result.stderr
    assert digest(path) == before and digest(wal) == before_wal


def _damage_a_page(path: Path) -> None:
    connection = sqlite3.connect(path)
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'person'").fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xa5" * 512)


@pytest.mark.sqlite_only  # the lock file, -wal and page damage of the file
@pytest.mark.parametrize("command,args", _cases())
def test_a_damaged_page_is_refused_with_one_line_naming_the_backup(office, command, args):
    path, values = office
    access = _access(command, args)
    if access == NO_DATABASE:
        pytest.skip("opens no database")
    _damage_a_page(path)
    before = digest(path)
    result = run(*command.split(), "--db", path, *_argv(args, values))
    assert "Traceback" not in result.stderr
    if access == REPAIR:
        if command == "check":
            assert result.returncode == 1 and "破損" in result.stderr and "最新の正常なバックアップ" in result.stderr
        else:  # restore, backup --list
            assert result.returncode == 0, result.stderr
        if command.split()[-1] == "restore":
            assert run("check", "--db", path).returncode == 0
        return
    assert result.returncode != 0, result.stdout
    lines = error_lines(result)
    assert len(lines) == 1, result.stderr
    assert "破損" in lines[0] and "最新の正常なバックアップ" in lines[0]
    assert digest(path) == before
