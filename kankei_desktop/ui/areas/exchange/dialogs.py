"""The dialogs of データの交換: the passphrase, what a package holds before it is applied, and
what applying it did (counts, the rule findings to resolve, the backup made first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.ui.common import error_label
from kankei_desktop.ui.widgets import keyboard_friendly
from kankei_desktop.ui.words import exchange_finding

# The rules apply_package checks after a package (services/exchange/rules.py).
RULES = ("capacity", "overlap", "duplicate", "enrollment")


class PassphraseDialog(QDialog):
    """The passphrase agreed with the other office; entered twice when ``twice`` (the first
    package to a peer), never stored."""

    def __init__(self, title: str, intro: str, twice: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("passphrase_dialog")
        self.twice = twice
        self._build_layout(intro, twice)
        self._connect()
        self.setMinimumWidth(460)
        keyboard_friendly(self)
        self.passphrase_edit.setFocus()

    def _build_layout(self, intro: str, twice: bool) -> None:
        layout = QVBoxLayout(self)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        layout.addWidget(intro_label)
        form = QFormLayout()
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase"), self.passphrase_edit)
        self.again_edit = QLineEdit()
        self.again_edit.setObjectName("passphrase_again_edit")
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_edit.setAccessibleName(self.tr("Passphrase again"))
        if twice:
            form.addRow(self.tr("&Again"), self.again_edit)
        else:
            self.again_edit.hide()
        layout.addLayout(form)
        note = QLabel(self.tr("The passphrase is not stored. Tell it to the other office by phone or in person, "
                              "never with the file."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.error_label = error_label("passphrase_error")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def accept(self) -> None:
        text = self.passphrase_edit.text()
        if len(text) < 8:
            self.error_label.setText(self.tr("Enter a passphrase of at least 8 characters."))
            self.passphrase_edit.setFocus()
            return
        if self.twice and self.again_edit.text() != text:
            self.error_label.setText(self.tr("The two passphrases differ. Enter the same passphrase twice."))
            self.again_edit.setFocus()
            return
        super().accept()


class HeaderDialog(QDialog):
    """Before applying: who sent the package, its number and how many records, and the passphrase."""

    def __init__(self, file_name: str, header: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Apply an exchange file"))
        self.setObjectName("apply_header_dialog")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        sender = header.get("from_office") or {}
        receiver = header.get("to_office") or {}
        self.file_label = QLabel(file_name)
        form.addRow(self.tr("File"), self.file_label)
        self.sender_label = QLabel(f"{sender.get('name', '')}  ({sender.get('id', '')})")
        self.sender_label.setObjectName("header_sender")
        form.addRow(self.tr("From office"), self.sender_label)
        form.addRow(self.tr("To office"), QLabel(str(receiver.get("name", ""))))
        self.number_label = QLabel(str(header.get("number", "")))
        self.number_label.setObjectName("header_number")
        form.addRow(self.tr("Package number"), self.number_label)
        form.addRow(self.tr("Records"), QLabel(str(header.get("records", ""))))
        written = str(header.get("written_at", ""))[:16].replace("-", "/").replace("T", " ")
        form.addRow(self.tr("Written"), QLabel(written))
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("apply_passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase"), self.passphrase_edit)
        layout.addLayout(form)
        note = QLabel(self.tr("A backup of this file is made first. Records changed at both offices are kept "
                              "as they are here and listed under Conflicts for you to decide."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Apply"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        keyboard_friendly(self)
        self.passphrase_edit.setFocus()


class ApplyResultDialog(QDialog):
    """What applying did: counts, the backup made first, and each finding to resolve."""

    def __init__(self, result, parent: QWidget | None = None, review_duplicates=None, review_conflicts=None,
                 persons: list[list[str]] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exchange file applied"))
        self.setObjectName("apply_result_dialog")
        self.findings = list(result.findings)
        self._build_layout(result, persons, with_duplicates=review_duplicates is not None and any(
            f.get("rule") == "duplicate" for f in result.findings),
            with_conflicts=review_conflicts is not None and bool(result.conflicts))
        self._connect(review_duplicates, review_conflicts)
        self.setMinimumWidth(560)

    def _summary(self, result) -> str:
        if result.already_applied:
            return self.tr("This package was applied before; nothing was changed.")
        return (self.tr("Package %1 from %2: %3 added, %4 updated, %5 unchanged, %6 conflicts, "
                        "%7 erased, %8 merged, %9 photos.")
                .replace("%1", str(result.number)).replace("%2", result.peer_name)
                .replace("%3", str(result.added)).replace("%4", str(result.updated))
                .replace("%5", str(result.unchanged)).replace("%6", str(result.conflicts))
                .replace("%7", str(result.erased)).replace("%8", str(result.merged))
                .replace("%9", str(result.photos)))

    def _build_layout(self, result, persons, *, with_duplicates: bool, with_conflicts: bool) -> None:
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self._summary(result))
        self.summary_label.setObjectName("apply_summary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        backup_text = (self.tr("Backup made before applying: %1").replace("%1", str(result.backup_path))
                       if result.backup_path else self.tr("No backup was made."))
        self.backup_label = QLabel(backup_text)
        self.backup_label.setObjectName("apply_backup")
        self.backup_label.setWordWrap(True)
        layout.addWidget(self.backup_label)
        rule_names = {"capacity": self.tr("Capacity"), "overlap": self.tr("Overlapping stays"),
                      "duplicate": self.tr("Possible duplicate"), "enrollment": self.tr("Same enrollment")}
        self.findings_list = QListWidget()
        self.findings_list.setObjectName("apply_findings")
        self.findings_list.setAccessibleName(self.tr("Findings to resolve"))
        self.findings_list.setWordWrap(True)  # a finding is a sentence: wrapped, never cut
        self.findings_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for index, finding in enumerate(result.findings):
            name = rule_names.get(finding.get("rule"), str(finding.get("rule")))
            text = f"{name}: {exchange_finding(finding.get('message', ''))}"
            names = persons[index] if persons and index < len(persons) else []
            if names and not all(person in text for person in names):
                text += "  (" + ", ".join(names) + ")"
            self.findings_list.addItem(text)
        if result.findings:
            layout.addWidget(QLabel(self.tr("To resolve (%1):").replace("%1", str(len(result.findings)))))
            layout.addWidget(self.findings_list, 1)
        else:
            self.findings_list.hide()
            layout.addWidget(QLabel(self.tr("No capacity, overlap, duplicate or enrollment findings.")))
        layout.addWidget(self._build_buttons(with_duplicates, with_conflicts))

    def _build_buttons(self, with_duplicates: bool, with_conflicts: bool) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.duplicates_button = self.conflicts_button = None
        if with_duplicates:
            self.duplicates_button = QPushButton(self.tr("Review duplicates…"))
            self.duplicates_button.setObjectName("review_duplicates_button")
            self.buttons.addButton(self.duplicates_button, QDialogButtonBox.ButtonRole.ActionRole)
        if with_conflicts:
            self.conflicts_button = QPushButton(self.tr("Review conflicts"))
            self.conflicts_button.setObjectName("review_conflicts_button")
            self.buttons.addButton(self.conflicts_button, QDialogButtonBox.ButtonRole.ActionRole)
        return self.buttons

    def _connect(self, review_duplicates, review_conflicts) -> None:
        self.buttons.rejected.connect(self.reject)
        if self.duplicates_button is not None:
            self.duplicates_button.clicked.connect(lambda: review_duplicates(self.duplicate_pair()))
        if self.conflicts_button is not None:
            self.conflicts_button.clicked.connect(lambda: (self.accept(), review_conflicts()))

    def duplicate_pair(self) -> list[str]:
        """The persons of the chosen duplicate finding (else of the first one)."""
        row = self.findings_list.currentRow()
        chosen = [self.findings[row]] if 0 <= row < len(self.findings) else []
        for finding in chosen + self.findings:
            if finding.get("rule") == "duplicate":
                return list(finding.get("ids") or [])
        return []
