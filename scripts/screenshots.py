"""Render every area of the main window on demo data into docs/screenshots/ (offscreen).

    python scripts/screenshots.py [--size 1366x768]

Look at the pictures: cramped, clipped, untranslated or boxed text is a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QThreadPool  # noqa: E402

from kankei_desktop.ui.app import make_application, open_for_gui, organisation_name  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    width, height = map(int, args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as folder:
        os.environ["KANKEI_DESKTOP_DATA_DIR"] = folder
        app = make_application()
        database = open_for_gui(Path(folder) / "demo.sqlite3", demo=True)
        from kankei_desktop.ui.main_window import MainWindow

        window = MainWindow(database, organisation_name(database))
        window.resize(width, height)
        window.show()
        for key in window.pages:
            page = window.show_area(key)
            if key == "participants":
                page.table.selectRow(3)
            # Figures are computed in worker threads: wait for them before the picture.
            for _ in range(3):
                QThreadPool.globalInstance().waitForDone(30000)
                app.processEvents()
            target = args.out / f"{key}.png"
            window.grab().save(str(target))
            print(target.relative_to(ROOT))

        participants = window.show_area("participants")
        from kankei_desktop.ui.areas.participants.editor import PersonEditor

        editor = PersonEditor(database, participants.selected_ids()[0], window)
        editor.show()
        app.processEvents()
        editor.grab().save(str(args.out / "participant_editor.png"))
        participants.detail.setCurrentIndex(1)
        app.processEvents()
        window.grab().save(str(args.out / "participant_timeline.png"))
        print((args.out / "participant_editor.png").relative_to(ROOT))
        editor.close()
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
