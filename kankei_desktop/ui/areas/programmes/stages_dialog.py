"""Edit a programme's stages: add, rename, reorder, mark final / dropped-out, delete.

Each change is saved at once through the page's undoable runner, so Ctrl+Z
takes it back like a card move.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.services import programmes, work
from kankei_desktop.store import Database
from kankei_desktop.ui.words import stage_marker


class StagesDialog(QDialog):
    def __init__(self, database: Database, programme_id: str, run, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.programme_id = programme_id
        self._run = run  # page.run_undoable(text, do, undo, redo=None)
        self.setWindowTitle(self.tr("Stages"))
        self.setMinimumSize(420, 400)

        self.stage_list = QListWidget()
        self.stage_list.setObjectName("stages_list")
        self.final_check = QCheckBox(self.tr("Final stage (completed)"))
        self.dropout_check = QCheckBox(self.tr("Dropped-out stage"))
        buttons = {}
        column = QVBoxLayout()
        for key, text in (("add", self.tr("Add…")), ("rename", self.tr("Rename…")), ("up", self.tr("Move up")),
                          ("down", self.tr("Move down")), ("delete", self.tr("Delete"))):
            buttons[key] = QPushButton(text)
            column.addWidget(buttons[key])
        column.addWidget(self.final_check)
        column.addWidget(self.dropout_check)
        column.addStretch(1)
        self.buttons = buttons
        row = QHBoxLayout()
        row.addWidget(self.stage_list, 1)
        row.addLayout(column)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)

        buttons["add"].clicked.connect(self.add_stage)
        buttons["rename"].clicked.connect(self.rename_stage)
        buttons["up"].clicked.connect(lambda: self.move_stage(-1))
        buttons["down"].clicked.connect(lambda: self.move_stage(1))
        buttons["delete"].clicked.connect(self.delete_stage)
        self.final_check.clicked.connect(self._flags_changed)
        self.dropout_check.clicked.connect(self._flags_changed)
        self.stage_list.currentRowChanged.connect(self._show_flags)
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        with work.unit(self.database) as session:
            self.stages = programmes.programme_stages(session, self.programme_id)
        current = select_id or self.current_id()
        self.stage_list.clear()
        for stage in self.stages:
            mark = stage_marker(stage.name, stage.is_final, stage.is_dropout, self.tr(" (final)"),
                                self.tr(" (dropped out)"))
            item = QListWidgetItem(f"{stage.name}{mark}  ({stage.enrollment_count:,})")
            item.setData(Qt.ItemDataRole.UserRole, stage.id)
            self.stage_list.addItem(item)
        ids = [s.id for s in self.stages]
        self.stage_list.setCurrentRow(ids.index(current) if current in ids else 0)

    def current_id(self) -> str | None:
        item = self.stage_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _current(self):
        return next((s for s in self.stages if s.id == self.current_id()), None)

    def _show_flags(self, *_args) -> None:
        stage = self._current()
        self.final_check.setChecked(bool(stage and stage.is_final))
        self.dropout_check.setChecked(bool(stage and stage.is_dropout))

    def add_stage(self, name: str | None = None) -> None:
        if not isinstance(name, str):
            name, ok = QInputDialog.getText(self, self.tr("Add a stage"), self.tr("Name of the new stage"))
            if not ok:
                return
        position = self.stage_list.currentRow() + 1 if self.stage_list.currentRow() >= 0 else None
        new_id = self._run(
            self.tr("Add stage %1").replace("%1", name),
            lambda s: programmes.add_stage(s, self.programme_id, name, position=position),
            lambda s, stage_id: programmes.delete_stage(s, stage_id),
            lambda s, stage_id: programmes.restore_stage(s, stage_id, position),
        )
        self.reload(new_id)

    def rename_stage(self, name: str | None = None) -> None:
        stage = self._current()
        if stage is None:
            return
        if not isinstance(name, str):
            name, ok = QInputDialog.getText(self, self.tr("Rename the stage"), self.tr("New name"), text=stage.name)
            if not ok:
                return
        self._run(
            self.tr("Rename stage %1").replace("%1", stage.name),
            lambda s: programmes.rename_stage(s, stage.id, name),
            lambda s, old: programmes.rename_stage(s, stage.id, old),
            lambda s, _old: programmes.rename_stage(s, stage.id, name),
        )
        self.reload(stage.id)

    def move_stage(self, direction: int) -> None:
        ids = [s.id for s in self.stages]
        row = self.stage_list.currentRow()
        target = row + direction
        if row < 0 or not 0 <= target < len(ids):
            return
        ids[row], ids[target] = ids[target], ids[row]
        self._run(
            self.tr("Reorder stages"),
            lambda s: programmes.reorder_stages(s, self.programme_id, ids),
            lambda s, old: programmes.reorder_stages(s, self.programme_id, old),
            lambda s, _old: programmes.reorder_stages(s, self.programme_id, ids),
        )
        self.reload(ids[target])

    def _flags_changed(self) -> None:
        stage = self._current()
        if stage is None:
            return
        final, dropout = self.final_check.isChecked(), self.dropout_check.isChecked()
        if final and dropout:  # one or the other: the box just ticked wins
            if self.sender() is self.final_check:
                dropout = False
            else:
                final = False
        self._run(
            self.tr("Change stage %1").replace("%1", stage.name),
            lambda s: programmes.set_stage_flags(s, stage.id, is_final=final, is_dropout=dropout),
            lambda s, old: programmes.set_stage_flags(s, stage.id, is_final=old[0], is_dropout=old[1]),
            lambda s, _old: programmes.set_stage_flags(s, stage.id, is_final=final, is_dropout=dropout),
        )
        self.reload(stage.id)

    def delete_stage(self) -> None:
        stage = self._current()
        if stage is None:
            return
        position = self.stage_list.currentRow()
        self._run(
            self.tr("Delete stage %1").replace("%1", stage.name),
            lambda s: programmes.delete_stage(s, stage.id),
            lambda s, _none: programmes.restore_stage(s, stage.id, position),
            lambda s, _none: programmes.delete_stage(s, stage.id),
        )
        self.reload()
