"""The .ics export dialog: one file (the stays shown by the filters) or one file per host, cancelled or not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import work
from kankei_desktop.store import Database
from kankei_desktop.ui.common import error_label


class IcsExportDialog(QDialog):
    def __init__(self, database: Database, programme_id: str | None, host_id: str | None, host_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.programme_id, self.host_id = database, programme_id, host_id
        self.summary = ""
        self.setWindowTitle(self.tr("Export stays"))
        self.setMinimumWidth(520)
        self.one_file = QRadioButton(self.tr("&One file: the stays shown (%1)").replace(
            "%1", host_name or self.tr("all hosts")))
        self.per_host = QRadioButton(self.tr("One file &per host, into a folder"))
        self.one_file.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_file)
        group.addButton(self.per_host)
        self.cancelled = QCheckBox(self.tr("Include &cancelled stays (written as cancelled)"))
        self.path = QLineEdit(str(Path.home() / "滞在.ics"))
        self.path.setAccessibleName(self.tr("File or folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        path_label = QLabel(self.tr("&Save to"))
        path_label.setBuddy(self.path)
        row.addWidget(path_label)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        note = QLabel(self.tr("Outlook adds the events of a file as new appointments; Google Calendar's import "
                              "adds them and does not change events imported before. To refresh a calendar, "
                              "import into a calendar of its own and replace it (see the help on stays)."))
        note.setWordWrap(True)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self.per_host.toggled.connect(self._mode_changed)
        layout = QVBoxLayout(self)
        for widget in (self.one_file, self.per_host, self.cancelled):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self.adjustSize()

    def _mode_changed(self, per_host: bool) -> None:
        current = Path(self.path.text() or str(Path.home()))
        self.path.setText(str(current.parent if per_host and current.suffix else current))

    def _browse(self) -> None:
        if self.per_host.isChecked():
            name = QFileDialog.getExistingDirectory(self, self.windowTitle(), self.path.text())
        else:
            name, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path.text(), "iCalendar (*.ics)")
        if name:
            self.path.setText(name)

    def run(self) -> None:
        from kankei_desktop.services.stay_ics import write_per_host, write_stays_ics

        target = Path(self.path.text().strip())
        try:
            with work.unit(self.database) as session:
                if self.per_host.isChecked():
                    files = write_per_host(session, target, programme_id=self.programme_id,
                                           include_cancelled=self.cancelled.isChecked())
                    self.summary = (self.tr("%1 files written to %2").replace("%1", str(len(files)))
                                    .replace("%2", str(target)) if files else "")
                    if not files:
                        self.error_label.setText(self.tr("No host has stays to write; no file was made."))
                        return
                else:
                    count = write_stays_ics(session, target, programme_id=self.programme_id, host_id=self.host_id,
                                            include_cancelled=self.cancelled.isChecked())
                    self.summary = (self.tr("%1 stays written to %2").replace("%1", str(count))
                                    .replace("%2", str(target)))
        except KankeiError as error:
            self.error_label.setText(error.message)
            return
        self.accept()
