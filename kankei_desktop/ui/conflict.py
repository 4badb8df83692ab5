"""When somebody else saved the record an editor holds: reload, or choose field by field.

``ask_conflict`` shows the refusal (who changed which fields) with 再読み込み / 項目ごとに選ぶ /
キャンセル. ``FieldChoiceDialog`` lists each field where the two versions differ, the
coordinator's own value and the stored one side by side, and a choice per field.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.services.audit_log import field_label
from kankei_desktop.ui.words import shown, yes_no

RELOAD, CHOOSE, CANCEL = "reload", "choose", "cancel"


def value_text(value) -> str:
    """A stored value as the choice dialog shows it."""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    if isinstance(value, date):
        return display_date(value)
    return "" if value is None else str(value)


def settle(parent: QWidget, error, mine, theirs, *, fields=None, text=None):
    """Ask how to go on after ``error`` (a StaleRecordError); ``mine`` and ``theirs`` are the
    editor's input dataclass. Returns (RELOAD, theirs), (CHOOSE, merged) or (CANCEL, None).

    ``fields``: the fields the editor shows, to choose between (default: all of them);
    ``text(field, value)``: a value as the coordinator reads it (default ``value_text``),
    e.g. a name for an id."""
    answer = ask_conflict(parent, error.message)
    if answer != CHOOSE:
        return answer, (theirs if answer == RELOAD else None)
    as_text = text or (lambda _name, value: value_text(value))
    rows = [(name, shown(field_label(name, error.entity)),
             as_text(name, getattr(mine, name)), as_text(name, getattr(theirs, name)))
            for name in (fields or asdict(mine)) if getattr(mine, name) != getattr(theirs, name)]
    dialog = FieldChoiceDialog(rows, set(error.fields), parent)
    parent.field_choice = dialog  # for tests and screenshots
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return CANCEL, None
    return CHOOSE, replace(mine, **{name: getattr(theirs, name) for name in dialog.theirs_fields()})


class ConflictBox(QMessageBox):
    """The refusal, with 再読み込み / 項目ごとに選ぶ / キャンセル."""

    def __init__(self, message: str, parent: QWidget | None = None):
        super().__init__(QMessageBox.Icon.Warning, "", message, QMessageBox.StandardButton.NoButton, parent)
        self.setObjectName("conflict_box")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.reload_button = self.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        self.choose_button = self.addButton(self.tr("Choose field by field…"), QMessageBox.ButtonRole.ActionRole)
        self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.choose_button)


def ask_conflict(parent: QWidget, message: str) -> str:
    """RELOAD, CHOOSE or CANCEL, as the coordinator answers the refusal."""
    box = ConflictBox(message, parent)
    box.exec()
    clicked = box.clickedButton()
    if clicked is box.reload_button:
        return RELOAD
    if clicked is box.choose_button:
        return CHOOSE
    return CANCEL


class FieldChoiceDialog(QDialog):
    """One row per differing field: keep mine or take theirs. ``theirs_fields()`` after OK."""

    def __init__(self, rows: list[tuple[str, str, str, str]], changed_by_them: set[str],
                 parent: QWidget | None = None):
        """``rows``: (field, label, my value as text, stored value as text). Fields the other
        person changed start on their value, the rest on mine."""
        super().__init__(parent)
        self.setObjectName("field_choice_dialog")
        self.setWindowTitle(self.tr("Choose field by field"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("For each field, choose the value to keep. Fields not listed are the same."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        for column, heading in enumerate((self.tr("Field"), self.tr("My value"), self.tr("Saved by the other person"))):
            label = QLabel(heading)
            label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, 0, column)
        grid.setHorizontalSpacing(16)
        self._groups: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for row, (field, label, mine, theirs) in enumerate(rows, 1):
            grid.addWidget(QLabel(label), row, 0)
            mine_button = QRadioButton(mine or self.tr("(empty)"))
            theirs_button = QRadioButton(theirs or self.tr("(empty)"))
            mine_button.setObjectName(f"mine_{field}")
            theirs_button.setObjectName(f"theirs_{field}")
            group = QButtonGroup(self)
            group.addButton(mine_button)
            group.addButton(theirs_button)
            (theirs_button if field in changed_by_them else mine_button).setChecked(True)
            grid.addWidget(mine_button, row, 1)
            grid.addWidget(theirs_button, row, 2)
            self._groups[field] = (mine_button, theirs_button)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save with these values"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose(self, field: str, theirs: bool) -> None:
        self._groups[field][1 if theirs else 0].setChecked(True)

    def theirs_fields(self) -> set[str]:
        return {field for field, (_mine, theirs) in self._groups.items() if theirs.isChecked()}
