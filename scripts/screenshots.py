"""Render every area and dialog of the window on demo data into docs/screenshots/ (offscreen).

    python scripts/screenshots.py                  # all four sets (two sizes × ja/en)
    python scripts/screenshots.py --set 1280x650-150pct --lang en   # one set

Each set goes into its own folder, ``docs/screenshots/<size>-<lang>/``:

- ``1366x768`` — a 1366×768 laptop at 100 %. The screen is 1366×768; the window is the
  whole screen, as the coordinator would see it maximised with the taskbar set to hide
  (the layout must still fit when a 40-px taskbar and the title bar take ~70 px of it; the
  1280×650 set is the tighter of the two in height).
- ``1280x650-150pct`` — a 1920×1080 laptop at 150 % scaling (Windows' default for such a
  screen). Qt sees a logical screen of 1280×720 (1920×1080 ÷ 1.5); the taskbar (48 logical
  px) and the title bar (~22) leave about 1280×650 logical for the window. So the window is
  rendered at 1280×650 *logical* pixels with ``QT_SCALE_FACTOR=1.5`` on a 1920×1080 offscreen
  screen, which gives 1920×975-pixel pictures with fonts rasterised at 150 %, exactly what the
  laptop shows. (Resizing to 853×433 would model a 1280×650 screen at 150 %, a different laptop.)

Every set runs in its own process (the scale factor and the translators are fixed per process).
The pictures are stored as 256-colour PNGs to keep the folder small; text stays sharp.

Look at the pictures: cramped, clipped, untranslated or boxed text is a bug.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {"1366x768": (1366, 768, 1.0), "1280x650-150pct": (1280, 650, 1.5)}
LANGUAGES = ("ja", "en")


def _run_all(out: Path) -> int:
    status = 0
    for name in SETS:
        for language in LANGUAGES:
            status |= subprocess.call([sys.executable, __file__, "--set", name, "--lang", language,
                                       "--out", str(out)])
    return status


def _environment(scale: float, folder: Path) -> None:
    """Before Qt starts: an offscreen screen the size of the laptop's, and its scale factor."""
    width, height = (1920, 1080) if scale != 1.0 else (1366, 768)
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    os.environ["KANKEI_DESKTOP_DATA_DIR"] = str(folder / "data")


def _save(widget, target: Path, app) -> None:
    from PySide6.QtCore import QBuffer, QIODevice

    app.processEvents()
    pixmap = widget.grab()
    try:
        from io import BytesIO

        from PIL import Image

        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        pixmap.save(buffer, "PNG")
        image = Image.open(BytesIO(bytes(buffer.data()))).convert("RGB")
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
    except ImportError:  # Pillow missing: full-colour PNGs, only larger
        pixmap.save(str(target))
    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)


def _one_set(name: str, language: str, out: Path) -> int:
    width, height, scale = SETS[name]
    # A fixed folder: the paths shown on 設定 and データの保護 stay the same from run to run.
    folder = Path(tempfile.gettempdir()) / "kankei-desktop-screenshots" / f"{name}-{language}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    _environment(scale, folder)
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtWidgets import QDialog, QWidget

    # The user's own settings (language, window geometry) must neither be used nor changed.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    from kankei_desktop.ui import settings
    from kankei_desktop.ui.app import make_application, open_for_gui, organisation_name

    settings.put(settings.LANGUAGE, language)
    app = make_application()
    target_dir = out / f"{name}-{language}"
    target_dir.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        # Figures and loads run in worker threads: wait for them before the picture.
        for _ in range(3):
            QThreadPool.globalInstance().waitForDone(30000)
            app.processEvents()

    database = open_for_gui(folder / "demo.sqlite3", demo=True)
    from kankei_desktop.ui.main_window import MainWindow

    window = MainWindow(database, organisation_name(database))
    window.resize(width, height)
    window.show()
    for key in window.pages:
        page = window.show_area(key)
        if key == "participants":
            page.table.selectRow(3)
        settle()
        _save(window, target_dir / f"{key}.png", app)

    participants = window.show_area("participants")
    participants.table.selectRow(3)
    settle()
    participants.detail.setCurrentIndex(1)
    settle()
    _save(window, target_dir / "participants_timeline.png", app)

    for dialog_name, make in _dialogs(database, window):
        try:
            dialog = make()
        except Exception as error:  # noqa: BLE001 (a dialog that cannot open on demo data is itself a finding)
            print(f"{dialog_name}: cannot open ({error!r})", file=sys.stderr)
            continue
        if dialog is None:
            continue
        dialog.show()
        settle()
        _save(dialog, target_dir / f"dialog_{dialog_name}.png", app)
        if isinstance(dialog, QDialog):
            dialog.reject()
        elif isinstance(dialog, QWidget):
            dialog.close()
        settle()
    window.close()
    database.close()
    return 0


def _first(database, table, *where):
    from sqlmodel import select

    with database.session() as session:
        statement = select(table.id).where(table.deleted_at.is_(None), *where)
        return session.exec(statement.limit(1)).first()


def _dialogs(database, window):
    """(file name, factory) for every dialog a coordinator meets, opened on demo records."""
    from kankei_desktop.domain.tables.hosts import Host, Stay
    from kankei_desktop.domain.tables.mail import Letter, Shipment
    from kankei_desktop.domain.tables.people import Person
    from kankei_desktop.domain.tables.programmes import Enrollment, Programme
    from kankei_desktop.services.programmes import load_programme_input
    from kankei_desktop.ui.areas.home.dialogs import PersonsDialog
    from kankei_desktop.ui.areas.home.page import PERSON_TILES
    from kankei_desktop.ui.areas.hosts.editor import HostEditor
    from kankei_desktop.ui.areas.mail.dialogs import BatchDialog, LabelsDialog, MarkDialog
    from kankei_desktop.ui.areas.mail.editors import LetterEditor, ShipmentEditor
    from kankei_desktop.ui.areas.participants.editor import PersonEditor
    from kankei_desktop.ui.areas.programmes.card_dialog import CardDialog
    from kankei_desktop.ui.areas.programmes.merge_dialog import DuplicatesDialog
    from kankei_desktop.ui.areas.participants.person_dialogs import (
        AddToProgrammeDialog,
        InteractionDialog,
        LadderDialog,
    )
    from kankei_desktop.ui.areas.programmes.programme_dialog import ProgrammeDialog
    from kankei_desktop.ui.areas.programmes.segments_dialog import SegmentsDialog
    from kankei_desktop.ui.areas.programmes.stages_dialog import StagesDialog
    from kankei_desktop.ui.areas.stays.editor import StayEditor
    from kankei_desktop.ui.import_wizard.export_dialog import ExportDialog
    from kankei_desktop.ui.import_wizard.wizard import ImportWizard

    person = _first(database, Person)
    programme = _first(database, Programme)
    enrollment = _first(database, Enrollment, Enrollment.programme_id == programme)
    with database.session() as session:
        enrolled_person = session.get(Enrollment, enrollment).person_id
        programme_input = load_programme_input(session, programme)

    def home_drilldown():
        home = window.show_area("home")
        opened = home.open_records(next(iter(PERSON_TILES))) if hasattr(home, "open_records") else None
        return opened or PersonsDialog("", [], [], parent=window)

    return [
        ("participant_new", lambda: PersonEditor(database, None, window)),
        ("participant_edit", lambda: PersonEditor(database, person, window)),
        ("interaction", lambda: InteractionDialog(database, person, window)),
        ("add_to_programme", lambda: AddToProgrammeDialog(database, [person], window)),
        ("ladder", lambda: LadderDialog(database, person, window)),
        ("programme_new", lambda: ProgrammeDialog(None, lambda data: None, window)),
        ("programme_edit", lambda: ProgrammeDialog(programme_input, lambda data: None, window)),
        ("stages", lambda: StagesDialog(database, programme, lambda *a, **k: None, window)),
        ("card", lambda: CardDialog(database, enrollment, enrolled_person, window)),
        ("segments", lambda: SegmentsDialog(database, window)),
        ("duplicates", lambda: DuplicatesDialog(database, lambda *a: None, window)),
        ("stay_new", lambda: StayEditor(database, parent=window)),
        ("stay_edit", lambda: StayEditor(database, _first(database, Stay), parent=window)),
        ("host_edit", lambda: HostEditor(database, _first(database, Host), window)),
        ("letter_edit", lambda: LetterEditor(database, _first(database, Letter), window)),
        ("shipment_edit", lambda: ShipmentEditor(database, _first(database, Shipment), window)),
        ("rice_batch", lambda: BatchDialog(database, window)),
        ("mark_shipped", lambda: MarkDialog(database, [_first(database, Shipment)], "shipped", window)),
        ("labels", lambda: LabelsDialog(database, [person], window)),
        ("home_drilldown", home_drilldown),
        ("export", lambda: ExportDialog(database, window)),
        ("import", lambda: ImportWizard(database, window)),
        *_exchange_dialogs(window),
    ]


def _exchange_dialogs(window):
    """データの交換: the passphrase, the package's header before applying, and what applying did."""
    from kankei_desktop.services.exchange import ApplyResult
    from kankei_desktop.ui.areas.exchange.dialogs import ApplyResultDialog, HeaderDialog, PassphraseDialog

    from kankei_desktop.domain.tables.hosts import Host
    from kankei_desktop.domain.tables.people import Person
    from kankei_desktop.ui.words import english

    database = window.database
    with database.session() as session:
        person = session.get(Person, _first(database, Person)).name
        host = session.get(Host, _first(database, Host)).name
    # Office names are the user's data; written in the language shown.
    island, town = ("Island branch", "Town hall") if english() else ("島しょ支所", "本庁")
    header = {"from_office": {"id": "0f3c2a", "name": island}, "to_office": {"id": "9b1d7e", "name": town},
              "number": 3, "records": 42, "written_at": "2026-12-04T10:30:00"}
    findings = [
        {"rule": "capacity", "ids": [], "message": f"{host} の定員 4 名を 2026/12/10 の夜に超えています（5 名、ほか 0 夜）。"
                                                   "両方の事務所の滞在を合わせた結果です。"},
        {"rule": "duplicate", "ids": [], "message": f"{person} さんは両方の事務所で別々に登録されているようです。統合を検討してください。"},
    ]
    result = ApplyResult(peer_id="0f3c2a", peer_name=island, number=3, added=12, updated=25, unchanged=2,
                         conflicts=3, erased=0, merged=1, photos=4, backup_path=Path("kankei_20261204_1031.sqlite3"),
                         findings=findings)
    return [
        ("exchange_passphrase", lambda: PassphraseDialog(island, "", True, window)),
        ("exchange_apply", lambda: HeaderDialog(f"{island}-{town}-20261204.kankei-sync", header, window)),
        ("exchange_result", lambda: ApplyResultDialog(result, window, review_duplicates=lambda pair: None,
                                                      review_conflicts=lambda: None)),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=sorted(SETS), help="one size (default: every size and language)")
    parser.add_argument("--lang", choices=LANGUAGES, default="ja")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    if args.set is None:
        return _run_all(args.out)
    return _one_set(args.set, args.lang, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
