"""設定: the organisation on reports, honorifics, and the display language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.paths import user_data_dir
from kankei_desktop.services import settings_store
from kankei_desktop.store import Database
from kankei_desktop.ui import settings
from kankei_desktop.ui.area import AreaPage

# Settings of the coordinator file shown on this page, in order.
FILE_SETTINGS = (
    settings_store.ORGANISATION_NAME,
    settings_store.REPORT_AUTHOR,
    settings_store.HONORIFIC_PERSON,
    settings_store.HONORIFIC_ORGANISATION,
)


class SettingsPage(AreaPage):
    AREA_KEY = "settings"
    ICON = "fa5s.cog"

    def area_title(self) -> str:
        return self.tr("Settings")

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(database, parent)
        file_group = QGroupBox(self.tr("This file"))
        file_form = QFormLayout(file_group)
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "organisation_name": self.tr("Organisation name"),
            "report_author": self.tr("Report author"),
            "honorific_person": self.tr("Honorific for persons"),
            "honorific_organisation": self.tr("Honorific for organisations"),
        }
        for declared in FILE_SETTINGS:
            edit = QLineEdit()
            edit.setObjectName(f"{declared.key}_edit")
            self.edits[declared.key] = edit
            file_form.addRow(labels[declared.key], edit)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)
        file_form.addRow(buttons)
        file_form.addRow(self.tr("File"), QLabel(str(database.path)))

        program_group = QGroupBox(self.tr("This computer"))
        program_form = QFormLayout(program_group)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.addItem("日本語", "ja")
        self.language_combo.addItem("English", "en")
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        program_form.addRow(self.tr("Language"), self.language_combo)
        program_form.addRow("", self.language_note)
        program_form.addRow(self.tr("Data folder"), QLabel(str(user_data_dir())))

        layout = QVBoxLayout(self)
        layout.addWidget(file_group)
        layout.addWidget(program_group)
        layout.addStretch(1)

    def refresh(self) -> None:
        with self.database.session() as session:
            for declared in FILE_SETTINGS:
                self.edits[declared.key].setText(str(settings_store.get(session, declared)))
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.get(settings.LANGUAGE))))
        self.language_combo.blockSignals(False)
        self.saved_label.clear()

    def save(self) -> None:
        with self.database.session() as session:
            for declared in FILE_SETTINGS:
                settings_store.put(session, declared, self.edits[declared.key].text().strip())
        self.saved_label.setText(self.tr("Saved."))

    def _language_changed(self) -> None:
        settings.put(settings.LANGUAGE, self.language_combo.currentData())
        self.language_note.setText(self.tr("The new language is used from the next start."))
