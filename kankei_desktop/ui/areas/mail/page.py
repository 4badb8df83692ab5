"""手紙・発送: tabs 手紙 / 発送 / 要対応, the お米レター batch, and labels / carrier CSV under 出力."""

from __future__ import annotations

from datetime import date

from kankei_desktop.ui import icons as qta
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.enums import LetterDirection
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import followups, letters, mail, shipments
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.services.work import unit as unit_of_work
from kankei_desktop.store import Database
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.areas.mail.dialogs import BatchDialog, LabelsDialog, MarkDialog, PhotoViewer
from kankei_desktop.ui.areas.mail.editors import LetterEditor, ShipmentEditor
from kankei_desktop.ui.areas.mail.models import (
    LIST_LIMIT,
    FollowUpModel,
    LetterModel,
    ShipmentModel,
)
from kankei_desktop.ui.common import PersonIdRole, RowIdRole, table_view
from kankei_desktop.ui.worker import Recount
from kankei_desktop.ui.widgets import SEARCH_DELAY_MS, OverflowToolbar, focus_first_row, prepare_view, tool_button

LETTERS_TAB, SHIPMENTS_TAB, FOLLOWUPS_TAB = range(3)


def _table(model, name: str) -> QTableView:
    return table_view(model, name=name, row_height=30, word_wrap=False)


class MailPage(AreaPage):
    AREA_KEY = "mail"
    ICON = "fa5s.envelope"

    def area_title(self) -> str:
        return self.tr("Letters & shipments")

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(database, parent)
        self.letter_model = LetterModel(database, self)
        self.shipment_model = ShipmentModel(database, self)
        self.followup_model = FollowUpModel(database, self)
        self.followups_count = Recount(database, self._followups_work, self._followups_counted,
                                       self._followups_failed)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self._build_tabs(), 1)
        self._connect()
        self.update_actions()

    def _build_toolbar(self) -> QHBoxLayout:
        self.new_letter_button = tool_button("fa5s.envelope-open-text", self.tr("New letter"))
        self.new_shipment_button = tool_button("fa5s.box", self.tr("New shipment"))
        self.edit_button = tool_button("fa5s.edit", self.tr("Edit"), self.tr("Edit the selected row (Enter)"))
        self.delete_button = tool_button("fa5s.trash-alt", self.tr("Delete"))
        self.batch_button = tool_button("fa5s.seedling", self.tr("Rice letter batch…"),
                                    self.tr("One shipment and one letter for everyone in a programme"))
        self.shipped_button = tool_button("fa5s.truck", self.tr("Mark shipped…"))
        self.delivered_button = tool_button("fa5s.check", self.tr("Mark delivered…"))
        self.export_button = tool_button("fa5s.file-export", self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.labels_action = menu.addAction(self.tr("Address labels (PDF)…"))
        self.yamato_action = menu.addAction(self.tr("Yamato B2 Cloud CSV…"))
        self.yupack_action = menu.addAction(self.tr("Yu-Pack Print R CSV…"))
        self.export_button.setMenu(menu)
        self.import_button = tool_button("fa5s.file-import", self.tr("Import…"),
                                         self.tr("Read letters or shipments from Excel or CSV (Ctrl+I)"))
        self.export_list_button = tool_button("fa5s.file-excel", self.tr("Export list…"),
                                              self.tr("Write the letters or shipments to Excel or CSV (Ctrl+E)"))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search name, contents, tracking number (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(240)
        toolbar = QHBoxLayout()
        # Eleven buttons: those that do not fit go into the » menu, the search box keeps 240 px (issue 17).
        self.toolbar = OverflowToolbar([
            self.new_letter_button, self.new_shipment_button, self.edit_button, self.delete_button,
            self.batch_button, self.shipped_button, self.delivered_button, self.export_button,
            self.import_button, self.export_list_button])
        toolbar.addWidget(self.toolbar)
        toolbar.addWidget(self.search_edit, 1)
        return toolbar

    def _build_tabs(self) -> QTabWidget:
        self.letter_table = _table(self.letter_model, "letter_table")
        self.letter_table.verticalHeader().setDefaultSectionSize(46)
        for column, width in enumerate((60, 110, 120, 170, 118, 118, 130)):
            self.letter_table.setColumnWidth(column, width)
        self.shipment_table = _table(self.shipment_model, "shipment_table")
        for column, width in enumerate((110, 160, 160, 100, 150, 118, 118, 118, 80)):
            self.shipment_table.setColumnWidth(column, width)
        self.followup_table = _table(self.followup_model, "followup_table")
        self.followup_table.setColumnWidth(0, 50)
        self.followup_table.setColumnWidth(2, 420)
        self.action_button = tool_button("fa5s.bolt", self.tr("Do the suggested action"))
        self.followup_empty = QLabel(self.tr("Nothing needs attention."))
        followup_page = QWidget()
        followup_layout = QVBoxLayout(followup_page)
        followup_layout.addWidget(self.followup_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.followup_empty, 1)
        row.addWidget(self.action_button)
        followup_layout.addLayout(row)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.letter_table, qta.icon("fa5s.envelope", color="#2d3748"), self.tr("Letters"))
        self.tabs.addTab(self.shipment_table, qta.icon("fa5s.box", color="#2d3748"), self.tr("Shipments"))
        self.tabs.addTab(followup_page, qta.icon("fa5s.exclamation-circle", color="#c05621"), self.tr("Follow-ups"))
        return self.tabs

    def _connect(self) -> None:
        self.labels_action.triggered.connect(self.export_labels)
        self.yamato_action.triggered.connect(lambda: self.export_carrier("yamato-b2"))
        self.yupack_action.triggered.connect(lambda: self.export_carrier("yupack"))
        self.new_letter_button.clicked.connect(lambda: self.new_letter())
        self.new_shipment_button.clicked.connect(self.new_shipment)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.batch_button.clicked.connect(self.open_batch)
        self.shipped_button.clicked.connect(lambda: self.mark("shipped"))
        self.delivered_button.clicked.connect(lambda: self.mark("delivered"))
        self.action_button.clicked.connect(self.run_followup_action)
        self.import_button.clicked.connect(lambda: self.open_import())
        self.export_list_button.clicked.connect(
            lambda: self.open_export("shipments" if self.tabs.currentIndex() == SHIPMENTS_TAB else "letters"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.tabs.currentChanged.connect(self._update_status)
        self.letter_table.doubleClicked.connect(self._letter_double_clicked)
        self.shipment_table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.followup_table.doubleClicked.connect(lambda _i: self.run_followup_action())
        prepare_view(self.letter_table, self.edit_selected)
        prepare_view(self.shipment_table, self.edit_selected)
        prepare_view(self.followup_table, self.run_followup_action)
        self.search_edit.installEventFilter(self)
        # Actions act only on what was chosen (issue 16): each is enabled by its table's selection.
        for table in (self.letter_table, self.shipment_table, self.followup_table):
            table.selectionModel().selectionChanged.connect(self.update_actions)
            table.model().modelReset.connect(self.update_actions)
        self.tabs.currentChanged.connect(self.update_actions)

    def update_actions(self, *_args) -> None:
        """Edit (one row), delete, mark shipped/delivered, carrier CSV and the follow-up action
        are enabled only with rows of their own list selected."""
        tab = self.tabs.currentIndex()
        chosen = len(self._selected()) if tab is not None else 0
        self.edit_button.setEnabled(tab != FOLLOWUPS_TAB and chosen == 1)
        self.delete_button.setEnabled(tab != FOLLOWUPS_TAB and chosen > 0)
        on_shipments = tab == SHIPMENTS_TAB and chosen > 0
        for widget in (self.shipped_button, self.delivered_button, self.yamato_action, self.yupack_action):
            widget.setEnabled(on_shipments)
        followups_chosen = bool(self.followup_table.selectionModel().selectedRows())
        self.action_button.setEnabled(followups_chosen and not self.followups_count.pending
                                      and not self.followups_count.busy)

    def confirm(self, text: str) -> bool:
        """Yes/No before an action on chosen rows (tests answer it)."""
        return QMessageBox.question(self, self.tr("Letters & shipments"), text) == QMessageBox.StandardButton.Yes

    # ---------------------------------------------------------- AreaPage
    def refresh(self) -> None:
        self.apply_search()
        self.count_followups()

    def count_followups(self) -> None:
        """The 要対応 list in the thread pool: on a large file it reads every letter and parcel
        (about a second at 100,000 persons). Its action waits for the fresh list."""
        self.action_button.setEnabled(False)
        self.followups_count.request()

    @staticmethod
    def _followups_work():
        today = date.today()
        return lambda session, _progress: followups.list_followups(session, today)

    def _followups_counted(self, items: list) -> None:
        self.followup_model.set_items(items)
        count = self.followup_model.rowCount()
        self.followup_empty.setVisible(count == 0)
        self.update_actions()
        self.action_button.setEnabled(self.action_button.isEnabled() and not self.followups_count.pending)
        self.tabs.setTabText(FOLLOWUPS_TAB, self.tr("Follow-ups (%1)").replace("%1", str(count)))
        self._update_status()

    def _followups_failed(self, message: str) -> None:
        self.status_message.emit(message)

    def apply_search(self) -> None:
        """The letters and parcels the search box narrows (the 要対応 list does not depend on it)."""
        self.search_timer.stop()
        self.letter_model.search = self.shipment_model.search = self.search_edit.text().strip()
        for model in (self.letter_model, self.shipment_model):
            model.reload()
        self._update_status()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        # Down from the search box goes to the list of the tab on top.
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            table = self._current_table()
            table.setFocus()
            focus_first_row(table)
            return True
        return super().eventFilter(watched, event)

    def create_new(self) -> None:
        self.new_shipment() if self.tabs.currentIndex() == SHIPMENTS_TAB else self.new_letter()

    def _update_status(self, *_args) -> None:
        model = (self.letter_model, self.shipment_model, self.followup_model)[self.tabs.currentIndex()]
        text = self.tr("%1 rows").replace("%1", f"{model.rowCount():,}")
        if model is not self.followup_model and model.rowCount() >= LIST_LIMIT:
            text += " " + self.tr("(the newest only: search to find older ones)")
        self.status_message.emit(text)

    # ---------------------------------------------------------- helpers
    def _current_table(self) -> QTableView:
        return (self.letter_table, self.shipment_table, self.followup_table)[self.tabs.currentIndex()]

    def _selected(self, role=RowIdRole) -> list[str]:
        table = self._current_table()
        rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
        return [table.model().data(table.model().index(row, 0), role) for row in rows]

    def _run(self, action) -> bool:
        try:
            with unit_of_work(self.database) as session:
                action(session)
        except KankeiError as error:
            QMessageBox.warning(self, self.tr("Letters & shipments"), error.message)
            return False
        self.refresh()
        return True

    # ---------------------------------------------------------- commands
    def new_letter(self, preset=None) -> None:
        if LetterEditor(self.database, None, self, preset=preset).exec():
            self.refresh()

    def new_shipment(self) -> None:
        if ShipmentEditor(self.database, None, self).exec():
            self.refresh()

    def edit_selected(self) -> None:
        ids = self._selected()
        if len(ids) != 1 or self.tabs.currentIndex() == FOLLOWUPS_TAB:
            return
        editor = (LetterEditor if self.tabs.currentIndex() == LETTERS_TAB else ShipmentEditor)(self.database, ids[0], self)
        if editor.exec():
            self.refresh()

    def delete_selected(self) -> None:
        ids = self._selected()
        if not ids or self.tabs.currentIndex() == FOLLOWUPS_TAB:
            return
        is_letter = self.tabs.currentIndex() == LETTERS_TAB
        what = self.tr("%1 letters") if is_letter else self.tr("%1 shipments")
        names = self._selected_names()
        question = self.tr("Delete %1?").replace("%1", what.replace("%1", str(len(ids)))) + (
            f"（{names}）" if names else "")
        if not self.confirm(question):
            return
        remove = letters.delete_letter if is_letter else shipments.delete_shipment
        self._run(lambda session: [remove(session, record_id) for record_id in ids])

    def _letter_double_clicked(self, index) -> None:
        path = self.letter_model.photo_path(index.row()) if index.column() == LetterModel.PHOTO else None
        if path is not None and path.exists():
            PhotoViewer(path, self).exec()
        else:
            self.edit_selected()

    def open_batch(self) -> None:
        dialog = BatchDialog(self.database, self)
        if dialog.exec():
            self.refresh()
            self.tabs.setCurrentIndex(SHIPMENTS_TAB)

    def mark(self, what: str) -> None:
        if self.tabs.currentIndex() != SHIPMENTS_TAB:
            self.tabs.setCurrentIndex(SHIPMENTS_TAB)
        ids = self._selected()
        if not ids:
            QMessageBox.information(self, self.tr("Shipments"), self.tr("Select the shipments first."))
            return
        if MarkDialog(self.database, ids, what, self).exec():
            self.refresh()

    def _selected_names(self) -> str:
        """The persons of the selected rows, for a confirmation (the first five)."""
        table = self._current_table()
        rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
        column = {LETTERS_TAB: 2, SHIPMENTS_TAB: 0, FOLLOWUPS_TAB: 1}[self.tabs.currentIndex()]  # 参加者
        names = [str(table.model().data(table.model().index(row, column)) or "") for row in rows]
        names = list(dict.fromkeys(name for name in names if name))
        return "、".join(names[:5]) + ("…" if len(names) > 5 else "")

    def run_followup_action(self) -> bool:
        """The suggested action of the selected follow-ups only, after a confirmation naming the
        persons and the action (「3 名にお礼ツアーを記録します」). Nothing selected: nothing done."""
        rows = sorted({index.row() for index in self.followup_table.selectionModel().selectedRows()})
        if not rows or self.followups_count.busy:
            return False
        items = [self.followup_model.item(row) for row in rows]
        today = date.today()
        if len(items) == 1 and items[0].action == "record_reply":
            # A reply usually comes with a photo and a few words: open the editor ready to fill in.
            original = mail.letter_for_editing(self.database, items[0].record_id).data
            self.new_letter(LetterInput(direction=LetterDirection.FROM_PERSON.value, person_id=original.person_id,
                                        host_id=original.host_id, programme_id=original.programme_id,
                                        received_on=today, reply_to_id=items[0].record_id))
            return True
        persons = list(dict.fromkeys(item.person_name for item in items))
        actions = "・".join(dict.fromkeys(item.action_label for item in items))
        question = self.tr("%1 persons: %2 (%3). Go ahead?").replace("%1", str(len(persons))).replace(
            "%2", actions).replace("%3", "、".join(persons[:5]) + ("…" if len(persons) > 5 else ""))
        if not self.confirm(question):
            return False
        if self._run(lambda session: [mail.run_followup_action(session, item, today) for item in items]):
            self.status_message.emit(self.tr("Done: %1").replace("%1", "、".join(i.action_label for i in items)))
            return True
        return False

    # ---------------------------------------------------------- exports
    def export_labels(self) -> None:
        person_ids = [pid for pid in self._selected(PersonIdRole) if pid]
        dialog = LabelsDialog(self.database, person_ids, self)
        if dialog.exec():
            self.status_message.emit(self.tr("Labels written: %1").replace("%1", str(dialog.out_path)))

    def export_carrier(self, fmt: str) -> None:
        from kankei_desktop.ui.areas.mail.carrier_dialog import CarrierExportDialog

        if self.tabs.currentIndex() != SHIPMENTS_TAB or not self._selected():
            QMessageBox.information(self, self.tr("Shipments"), self.tr("Select the shipments to export first."))
            self.tabs.setCurrentIndex(SHIPMENTS_TAB)
            return
        dialog = CarrierExportDialog(self.database, fmt, self._selected(), self)
        self.last_carrier_dialog = dialog  # tests reach it before it is shown
        if dialog.exec():
            self.refresh()
            if "\n" in dialog.result_summary:
                QMessageBox.information(self, dialog.windowTitle(), dialog.result_summary)
            self.status_message.emit(dialog.result_summary.splitlines()[0])
