"""`stays`, `stays-ics`, `host-schedule` and `person-days` run as the real command in a subprocess."""

from __future__ import annotations

import subprocess
import sys

import pg_support
from icalendar import Calendar
from pypdf import PdfReader
from sqlalchemy import func, select

from kankei_desktop.domain.tables import Stay
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.store import open_database


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "kankei_desktop", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def _stay_count(db_path):
    database = open_database(db_path)
    try:
        with database.session() as session:
            return session.execute(select(func.count()).select_from(Stay)).scalar_one()
    finally:
        database.close()


def test_add_refuse_export_and_schedule(tmp_path):
    db_path = tmp_path / "cli.sqlite3"
    database = pg_support.create(db_path)
    db_path = database.path
    with database.session() as session:
        taro = create_person(session, PersonInput(name="山田 太郎"))
        hanako = create_person(session, PersonInput(name="佐藤 花子"))
        create_host(session, HostInput(name="民宿やまびこ", kind="宿泊施設", capacity_per_night=1,
                                       contact_person="高橋", phone="0258123456"))
    database.close()

    added = run("stays", "add", "--db", db_path, "--person", taro, "--lodging", "民宿やまびこ",
                "--start", "2099/11/27", "--end", "2099/11/29", "--purpose", "稲刈り")
    assert added.returncode == 0, added.stderr
    refused = run("stays", "add", "--db", db_path, "--person", hanako, "--lodging", "民宿やまびこ",
                  "--start", "2099/11/28", "--end", "2099/11/30")
    assert refused.returncode == 2
    assert "2099/11/28" in refused.stderr and "民宿やまびこ" in refused.stderr and "定員 1 名" in refused.stderr
    assert _stay_count(db_path) == 1
    overridden = run("stays", "add", "--db", db_path, "--person", hanako, "--lodging", "民宿やまびこ",
                     "--start", "2099/11/28", "--end", "2099/11/30", "--override-reason", "家族で同室")
    assert overridden.returncode == 0, overridden.stderr
    backwards = run("stays", "add", "--db", db_path, "--person", hanako, "--lodging", "民宿やまびこ",
                    "--start", "2099/12/05", "--end", "2099/12/01")
    assert backwards.returncode == 2 and "終了日" in backwards.stderr
    assert _stay_count(db_path) == 2

    listing = run("stays", "list", "--db", db_path)
    assert listing.returncode == 0 and "山田 太郎 様" in listing.stdout

    ics = tmp_path / "stays.ics"
    exported = run("stays-ics", "--db", db_path, "--out", ics)
    assert exported.returncode == 0, exported.stderr
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events)[0].startswith("佐藤 花子 様")
    assert {int(e["SEQUENCE"]) for e in events} == {0} and all("LAST-MODIFIED" in e for e in events)

    folder = tmp_path / "per-host"
    folder.mkdir()
    per_host = run("stays-ics", "--db", db_path, "--out", folder, "--per-host")
    assert per_host.returncode == 0, per_host.stderr
    assert "民宿やまびこ:" in per_host.stdout
    files = sorted(p.name for p in folder.iterdir())
    assert "滞在_民宿やまびこ.ics" in files and len(files) >= 1
    both = run("stays-ics", "--db", db_path, "--out", folder, "--per-host", "--host", "民宿やまびこ")
    assert both.returncode == 2 and "--per-host" in both.stderr

    pdf = tmp_path / "schedule.pdf"
    made = run("host-schedule", "--db", db_path, "--host", "民宿やまびこ", "--out", pdf, "--today", "2099/11/01")
    assert made.returncode == 0, made.stderr
    reader = PdfReader(pdf)
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    text = page.extract_text()
    assert "民宿やまびこ" in text and "山田 太郎 様" in text and "2099/11/27 (金)" in text
    fonts = {str(f["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert any("BIZ" in name or "Gothic" in name for name in fonts)

    missing = run("host-schedule", "--db", db_path, "--host", "ない宿", "--out", pdf)
    assert missing.returncode == 2 and "ない宿" in missing.stderr

    days = run("person-days", "--db", db_path, "--year", 2099)
    assert days.returncode == 0 and "予定・確定 6 人日" in days.stdout


def test_general_export_delegates_ics(tmp_path):
    db_path = tmp_path / "cli.sqlite3"
    database = pg_support.create(db_path)
    db_path = database.path
    with database.session() as session:
        taro = create_person(session, PersonInput(name="山田 太郎"))
        create_host(session, HostInput(name="棚田農園"))
    database.close()
    added = run("stays", "add", "--db", db_path, "--person", taro, "--host", "棚田農園",
                "--start", "2099/05/03", "--end", "2099/05/03")
    assert added.returncode == 0, added.stderr
    out = tmp_path / "stays.ics"
    exported = run("export", "--db", db_path, "--what", "stays", "--out", out)
    assert exported.returncode == 0, exported.stderr
    (event,) = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert "山田 太郎 様" in str(event["SUMMARY"]) and "棚田農園" in str(event["SUMMARY"])
