"""A backup reports its stages and stops cleanly when its progress callback raises (a cancel)."""

from __future__ import annotations

import pytest

from kankei_desktop.services import backups
from kankei_desktop.services.participants import PersonInput, count_persons, create_person
from kankei_desktop.store import backup, open_database


class Stop(Exception):
    pass


@pytest.fixture
def filled(database):
    with database.session() as session:
        for number in range(300):
            create_person(session, PersonInput(name=f"参加者 {number}", notes="メモ" * 200))
    return database


@pytest.mark.sqlite_only  # file backups
def test_backup_reports_copy_then_check_then_photos(filled, tmp_path):
    calls = []
    (tmp_path / "backups").mkdir()
    made = backups.backup_now(filled, "manual", (tmp_path / "backups", backup.RetentionPolicy()),
                              progress=lambda stage, fraction: calls.append((stage, fraction)))
    stages = [stage for stage, _fraction in calls]
    assert stages[0] == "copy" and stages[-1] == "photos" and "check" in stages
    assert stages.index("check") > max(i for i, s in enumerate(stages) if s == "copy")  # copy, then check
    checked = [fraction for stage, fraction in calls if stage == "check"]
    assert checked[0] == 0.0 and checked[-1] == 1.0 and checked == sorted(checked)
    copied = [fraction for stage, fraction in calls if stage == "copy"]
    assert copied[0] == 0.0 and copied[-1] == 1.0 and copied == sorted(copied)
    db = open_database(made)
    try:
        with db.session() as session:
            assert count_persons(session) == 300
    finally:
        db.close()


@pytest.mark.parametrize("stop_at", ["copy", "check"])
@pytest.mark.sqlite_only  # file backups
def test_a_raising_progress_stops_the_backup_and_leaves_nothing(filled, tmp_path, stop_at):
    seen = []

    def progress(stage, fraction):
        seen.append(stage)
        if stage == stop_at and (stage == "check" or fraction):  # stop after the first step of the copy
            raise Stop()

    folder = tmp_path / "backups"
    folder.mkdir()
    with pytest.raises(Stop):
        backups.backup_now(filled, "manual", (folder, backup.RetentionPolicy()), progress=progress)
    assert stop_at in seen
    assert list(folder.iterdir()) == []  # neither a backup nor a half-made temporary file
