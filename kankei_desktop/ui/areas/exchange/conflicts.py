"""The exchange page's 競合 tab: records changed at both offices, side by side, and the choices.

A part of ``ExchangePage`` (page.py), which gives it ``message``, ``confirm``, ``ask_text`` and ``_run``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.services import exchange
from kankei_desktop.ui.areas.exchange.shared import (
    IdRole,
    cell,
    exchange_table,
    field_text,
    value_text,
    when_text,
)
from kankei_desktop.ui.widgets import prepare_view
from kankei_desktop.ui.words import shown_label


def _button(text: str, name: str) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    return widget


def _button_row(label: str, buttons) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(QLabel(label))
    for widget in buttons:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class ConflictsTab:
    def _conflicts_tab(self) -> QWidget:
        """The tab's layout; ``_connect_conflicts`` wires it."""
        tab = QWidget()
        intro = QLabel(self.tr("Records changed at both offices. Until you decide, each keeps this office's value."))
        intro.setWordWrap(True)
        self.records_list = QListWidget()
        self.records_list.setObjectName("conflict_records")
        self.records_list.setAccessibleName(self.tr("Records with conflicts"))
        prepare_view(self.records_list)
        self.fields_view = exchange_table([self.tr("Field"), self.tr("This office's value"), self.tr("Office"),
                                           self.tr("When"), self.tr("Other office's value"), self.tr("Office"),
                                           self.tr("When")], "conflict_fields")
        self.fields_view.setAccessibleName(self.tr("Fields in conflict, side by side"))
        self.fields_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.fields_view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (1, 4):  # the two values, side by side, share the room
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.records_list)
        splitter.addWidget(self.fields_view)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([220, 700])
        self.keep_local_button = _button(self.tr("Keep this office's value"), "keep_local_button")
        self.take_remote_button = _button(self.tr("Take the other office's value"), "take_remote_button")
        self.edit_button = _button(self.tr("Edit the value…"), "edit_value_button")
        self.record_local_button = _button(self.tr("Whole record: this office"), "record_local_button")
        self.record_remote_button = _button(self.tr("Whole record: other office"), "record_remote_button")
        self.all_local_button = _button(self.tr("Resolve all with this office's values…"), "all_local_button")
        self.all_remote_button = _button(self.tr("Resolve all with the other office's values…"), "all_remote_button")
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(_button_row(self.tr("Chosen fields:"),
                                     (self.keep_local_button, self.take_remote_button, self.edit_button)))
        layout.addLayout(_button_row(self.tr("This record:"), (self.record_local_button, self.record_remote_button)))
        layout.addLayout(_button_row(self.tr("Every record:"), (self.all_local_button, self.all_remote_button)))
        self._conflicts: list = []
        self._connect_conflicts()
        return tab

    def _connect_conflicts(self) -> None:
        self.records_list.currentRowChanged.connect(lambda _row: self._show_record())
        self.keep_local_button.clicked.connect(lambda: self.resolve_fields("local"))
        self.take_remote_button.clicked.connect(lambda: self.resolve_fields("remote"))
        self.edit_button.clicked.connect(self.edit_field)
        self.record_local_button.clicked.connect(lambda: self.resolve_record("local"))
        self.record_remote_button.clicked.connect(lambda: self.resolve_record("remote"))
        self.all_local_button.clicked.connect(lambda: self.resolve_everything("local"))
        self.all_remote_button.clicked.connect(lambda: self.resolve_everything("remote"))

    def _fill_conflicts(self, views) -> None:
        current = self.current_record()
        self._conflicts = views
        self.records_list.blockSignals(True)
        self.records_list.clear()
        records: dict[tuple[str, str], list] = {}
        for view in views:
            records.setdefault((view.table, view.row_id), []).append(view)
        chosen = 0
        for index, (key, fields) in enumerate(records.items()):
            first = fields[0]
            item = QListWidgetItem(f"{shown_label(first.table_label)}: {first.record_label} ({len(fields)})")
            item.setData(IdRole, key)
            self.records_list.addItem(item)
            if key == current:
                chosen = index
        self.records_list.blockSignals(False)
        if records:
            self.records_list.setCurrentRow(chosen)
        self._show_record()
        for widget in (self.all_local_button, self.all_remote_button):
            widget.setEnabled(bool(views))

    def current_record(self) -> tuple[str, str] | None:
        item = self.records_list.currentItem()
        return item.data(IdRole) if item is not None else None

    def _record_conflicts(self) -> list:
        key = self.current_record()
        return [view for view in self._conflicts if (view.table, view.row_id) == key]

    def _show_record(self) -> None:
        self.fields_view.setRowCount(0)
        for view in self._record_conflicts():
            row = self.fields_view.rowCount()
            self.fields_view.insertRow(row)
            values = [field_text(view), value_text(view.local_value), view.local_office, when_text(view.local_at),
                      value_text(view.remote_value), view.remote_office, when_text(view.remote_at)]
            for column, value in enumerate(values):
                self.fields_view.setItem(row, column, cell(value, view.id))
        if self.fields_view.rowCount():
            self.fields_view.selectRow(0)
        has = bool(self.fields_view.rowCount())
        for widget in (self.keep_local_button, self.take_remote_button, self.edit_button,
                       self.record_local_button, self.record_remote_button):
            widget.setEnabled(has)

    def chosen_conflicts(self) -> list:
        ids = {self.fields_view.item(index.row(), 0).data(IdRole)
               for index in self.fields_view.selectionModel().selectedRows()}
        return [view for view in self._record_conflicts() if view.id in ids]

    def _side(self, choice: str) -> str:
        return self.tr("this office's value") if choice == "local" else self.tr("the other office's value")

    def resolve_fields(self, choice: str) -> None:
        chosen = self.chosen_conflicts()
        if not chosen:
            self.message.setText(self.tr("Choose a field in the list first."))
            return
        names = "、".join(field_text(view) for view in chosen)
        question = (self.tr("Use %1 for %2 of %3?").replace("%1", self._side(choice)).replace("%2", names)
                    .replace("%3", chosen[0].record_label))
        if not self.confirm(question):
            return

        def work(session):
            for view in chosen:
                exchange.resolve_conflict(session, view.id, choice)

        if self._run(work):
            self.message.setText(self.tr("Resolved: %1 of %2.").replace("%1", names)
                                 .replace("%2", chosen[0].record_label))

    def edit_field(self) -> None:
        chosen = self.chosen_conflicts()
        if len(chosen) != 1:
            self.message.setText(self.tr("Choose one field to edit."))
            return
        view = chosen[0]
        start = "" if view.local_value is None else str(view.local_value)
        value = self.ask_text(self.tr("Edit the value"),
                              self.tr("%1 of %2:").replace("%1", field_text(view))
                              .replace("%2", view.record_label), start)
        if value is None:
            return
        if self._run(lambda session: exchange.resolve_conflict(session, view.id, "edited", value)):
            self.message.setText(self.tr("Resolved: %1 of %2.").replace("%1", field_text(view))
                                 .replace("%2", view.record_label))

    def resolve_record(self, choice: str) -> None:
        fields = self._record_conflicts()
        if not fields:
            return
        question = (self.tr("Use %1 for all %2 fields of %3?").replace("%1", self._side(choice))
                    .replace("%2", str(len(fields))).replace("%3", fields[0].record_label))
        if not self.confirm(question):
            return
        table, row_id = fields[0].table, fields[0].row_id
        self._run(lambda session: exchange.resolve_all(session, choice, table=table, row_id=row_id))

    def resolve_everything(self, choice: str) -> None:
        if not self._conflicts:
            return
        records = len({(view.table, view.row_id) for view in self._conflicts})
        question = (self.tr("Use %1 for all %2 open conflicts in %3 records?").replace("%1", self._side(choice))
                    .replace("%2", str(len(self._conflicts))).replace("%3", str(records)))
        if not self.confirm(question):
            return
        self._run(lambda session: exchange.resolve_all(session, choice))
