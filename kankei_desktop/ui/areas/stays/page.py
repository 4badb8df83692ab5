"""滞在: the calendar of stays, as a timeline (rows = hosts) or a month grid."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import work
from kankei_desktop.services.stay_calendar import calendar_rows, filter_choices, stays_between
from kankei_desktop.store import Database
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.areas.stays.editor import StayEditor
from kankei_desktop.ui.areas.stays.month import MonthView
from kankei_desktop.ui.areas.stays.timeline import TimelineView, month_span
from kankei_desktop.ui.widgets import OverflowToolbar, tool_button
from kankei_desktop.ui.words import shown_programme
from kankei_desktop.ui.worker import Recount

TIMELINE, MONTH = 0, 1


def add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class StaysPage(AreaPage):
    AREA_KEY = "stays"
    ICON = "fa5s.calendar-alt"

    def area_title(self) -> str:
        return self.tr("Stays")

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(database, parent)
        self.month_first = date.today().replace(day=1)
        self.today = date.today()

        self._build_layout()
        self._connect()
        self._loader = Recount(database, self._load_work, self._loaded, self._load_failed,
                               title=self.tr("Loading the stays"))

    def _build_layout(self) -> None:
        """The month toolbar and filters, the timeline and month views in a stack, the legend."""
        self.previous_button = tool_button("fa5s.chevron-left", "", self.tr("Previous month"))
        self.next_button = tool_button("fa5s.chevron-right", "", self.tr("Next month"))
        self.today_button = tool_button("fa5s.calendar-day", self.tr("Today"))
        self.today_button.setObjectName("stays_today")
        self.month_label = QLabel()
        self.month_label.setObjectName("stays_month_label")
        self.month_label.setStyleSheet("font-size: 16px; font-weight: bold; padding: 0 8px;")
        self.view_combo = QComboBox()
        self.view_combo.addItem(self.tr("Timeline"), TIMELINE)
        self.view_combo.addItem(self.tr("Month"), MONTH)
        self.programme_filter = QComboBox()
        self.host_filter = QComboBox()
        self.new_button = tool_button("fa5s.plus", self.tr("New stay"), self.tr("New stay (Ctrl+N)"))
        self.ics_button = tool_button("fa5s.file-export", self.tr(".ics"), self.tr("Export the stays for Outlook / Google Calendar"))
        self.schedule_button = tool_button("fa5s.file-pdf", self.tr("Host schedule"),
                                       self.tr("Printable schedule (PDF) of the host chosen in the filter"))

        self.import_button = tool_button("fa5s.file-import", self.tr("Import…"),
                                         self.tr("Read stays from Excel or CSV (Ctrl+I)"))
        self.export_button = tool_button("fa5s.file-export", self.tr("Export…"),
                                         self.tr("Write the stays to Excel or CSV (Ctrl+E)"))

        toolbar = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button, self.month_label):
            toolbar.addWidget(widget)
        toolbar.addStretch(1)
        for widget in (self.view_combo, self.programme_filter, self.host_filter):
            widget.setMinimumContentsLength(6)
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            toolbar.addWidget(widget)
        self.toolbar = OverflowToolbar([self.new_button, self.ics_button, self.schedule_button, self.import_button,
                                        self.export_button])
        toolbar.addWidget(self.toolbar, 1)

        self.timeline = TimelineView()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.timeline)
        self.month_view = MonthView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.scroll)
        self.stack.addWidget(self.month_view)
        self.legend = QLabel(self.tr("Drag across days to create a stay (double-click a day for one day); "
                                     "double-click a stay to open it. Red: Sunday/holiday, blue: Saturday, "
                                     "beige: year-end closing (12/29–1/3), yellow: today.")
                            + "　" + self.tr("Stays: ○ planned, ● confirmed, ✓ done, × cancelled."))
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #4b5563;")

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)

    def _connect(self) -> None:
        """Buttons, filters and the views' selections to their actions."""
        self.previous_button.clicked.connect(lambda: self.show_month(add_months(self.month_first, -1)))
        self.next_button.clicked.connect(lambda: self.show_month(add_months(self.month_first, 1)))
        self.today_button.clicked.connect(self.go_today)
        self.view_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.programme_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.host_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(self.create_new)
        self.ics_button.clicked.connect(self.export_ics)
        self.schedule_button.clicked.connect(self.export_schedule)
        self.import_button.clicked.connect(lambda: self.open_import())
        self.export_button.clicked.connect(lambda: self.open_export("stays"))
        for view in (self.timeline, self.month_view):
            view.days_selected.connect(self.create_from_selection)
            view.stay_activated.connect(self.open_stay)

    # ---------------------------------------------------------- AreaPage
    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._fill_filters()
        self.reload()

    def create_new(self) -> None:
        self.open_editor(StayEditor(self.database, host_id=self.host_filter.currentData(),
                                    start=max(self.today, self.month_first), parent=self))

    # ---------------------------------------------------------- data
    def _fill_filters(self) -> None:
        programmes, hosts = filter_choices(self.database)
        for combo, label, items in (
            (self.programme_filter, self.tr("All programmes"), programmes),
            (self.host_filter, self.tr("All hosts"), hosts),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, None)
            for item_id, name in items:
                combo.addItem(shown_programme(name), item_id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def show_month(self, first: date) -> None:
        self.month_first = first
        self.reload()

    def go_today(self) -> None:
        self.today = date.today()
        self.show_month(self.today.replace(day=1))

    @property
    def loading(self) -> bool:
        """A month is being read (in the background: 0.7 s on a large file)."""
        return self._loader.busy

    def reload(self) -> None:
        self.month_label.setText(self.tr("%1/%2").replace("%1", str(self.month_first.year))
                                 .replace("%2", f"{self.month_first.month:02d}"))
        self.status_message.emit(self.tr("Loading the stays…"))
        self._loader.request()

    def _load_work(self):
        """What to read, as chosen now; the reading itself runs in the worker."""
        month_first, today = self.month_first, self.today
        days = month_span(month_first)
        view = self.view_combo.currentData()
        start = month_first if view == TIMELINE else month_first - timedelta(days=month_first.weekday())
        last = start + timedelta(days=(days if view == TIMELINE else 42) - 1)
        host_id = self.host_filter.currentData()
        programme_id = self.programme_filter.currentData()

        def work(session, _progress):
            stays = stays_between(session, start, last, programme_id=programme_id, host_id=host_id)
            rows = calendar_rows(session)
            if host_id:
                rows = [row for row in rows if row[0] == host_id]
            return month_first, today, days, view, rows, stays

        return work

    def _loaded(self, answer) -> None:
        if self._loader.pending:
            return  # a newer month or filter was asked meanwhile: that one is shown
        month_first, today, days, view, rows, stays = answer
        if view == TIMELINE:
            self.timeline.set_data(month_first, days, rows, stays, today)
        else:
            self.month_view.set_data(month_first, stays, today)
        self.stack.setCurrentIndex(view)
        self.status_message.emit(self.tr("Stays this month: %1").replace("%1", str(len(stays))))

    def _load_failed(self, message: str) -> None:
        self.status_message.emit(message)
        QMessageBox.warning(self, self.tr("Stays"), message)

    # ---------------------------------------------------------- actions
    def create_from_selection(self, host_id: str, first: date, last: date) -> None:
        self.open_editor(StayEditor(self.database, host_id=host_id or self.host_filter.currentData(),
                                    start=first, end=last, parent=self))

    def open_stay(self, stay_id: str) -> None:
        try:
            editor = StayEditor(self.database, stay_id, parent=self)
        except KankeiError as error:
            QMessageBox.warning(self, self.tr("Stays"), error.message)
            return
        self.open_editor(editor)

    def open_editor(self, editor: StayEditor) -> None:
        """Modal in use; tests reach the editor through ``last_editor`` before it is shown."""
        self.last_editor = editor
        editor.finished.connect(lambda _result: self.reload())
        editor.open()

    def export_ics(self) -> None:
        from kankei_desktop.ui.areas.stays.ics_dialog import IcsExportDialog

        host_id = self.host_filter.currentData()
        dialog = IcsExportDialog(self.database, self.programme_filter.currentData(), host_id,
                                 self.host_filter.currentText() if host_id else "", self)
        self.last_ics_dialog = dialog  # tests reach it before it is shown
        if dialog.exec():
            self.status_message.emit(dialog.summary)

    def export_schedule(self) -> None:
        from kankei_desktop.services.host_schedule import write_host_schedule

        host_id = self.host_filter.currentData()
        if not host_id:
            QMessageBox.information(self, self.tr("Host schedule"), self.tr("Choose a host in the filter first."))
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Host schedule"), f"受入予定表_{self.host_filter.currentText()}.pdf", "PDF (*.pdf)")
        if not name:
            return
        try:
            with work.unit(self.database) as session:
                write_host_schedule(session, host_id, Path(name))
        except KankeiError as error:
            QMessageBox.warning(self, self.tr("Host schedule"), error.message)
            return
        self.status_message.emit(self.tr("Schedule written to %1").replace("%1", name))
