"""ホーム: KPI tiles against targets, the ladder funnel, the monthly trend and 要対応.

Every number comes from ``services.kpis.compute_kpis`` through ``reports.summary`` — the same
text the PDF and ``stats`` print. The computation runs in the thread pool so the window stays
responsive on a large file.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.reports.summary import summary_rows, summary_rows_en
from kankei_desktop.services import work
from kankei_desktop.services.kpis import KpiReport, compute_kpis, persons_behind
from kankei_desktop.services.kpis.queries import persons_at_stage, persons_at_stage_on
from kankei_desktop.store import Database
from kankei_desktop.ui.area import AreaPage
from kankei_desktop.ui.areas.home.charts import LadderChart, TrendChart
from kankei_desktop.ui.areas.home.dialogs import PersonsDialog
from kankei_desktop.ui.areas.home.tiles import Tile
from kankei_desktop.ui.worker import Recount
from kankei_desktop.ui.widgets import PeriodPicker
from kankei_desktop.ui.words import english, followup_title, period_text, retention_period_text, shown

TILE_KEYS = ("unique_persons", "person_visits", "person_days", "repeaters", "continuing",
             "sustained", "letters_sent", "shipped", "active_hosts", "side_job_companies")
PERSON_TILES = {"unique_persons", "person_visits", "repeaters", "continuing", "sustained"}
AREA_OF_TILE = {"letters_sent": "mail", "shipped": "mail", "active_hosts": "hosts",
                "side_job_companies": "hosts", "person_days": "stays"}
LIST_LIMIT = 2000


class HomePage(AreaPage):
    AREA_KEY = "home"
    ICON = "fa5s.home"

    def area_title(self) -> str:
        return self.tr("Home")

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(database, parent)
        self.figures: KpiReport | None = None
        self.figures_count = Recount(database, self._figures_work, self._shown, self._failed,
                                     finished=self._after_figures)
        self.followups_count = Recount(database, self._followups_work, self._followups_shown, self._followups_failed,
                                       finished=self.count_retention)
        self.retention_count = Recount(database, self._retention_work, self._retention_shown, self._followups_failed)
        self._followups_due = False  # counted once the figures are shown
        self.retention = None

        self._build_layout()
        self._connect()

    def _build_layout(self) -> None:
        """The period and state line, the retention notice, the tiles and the three charts."""
        top = self._build_top()
        tiles = self._build_tiles()
        charts_row = self._build_charts()
        self._build_retention_bar()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.retention_bar)
        layout.addLayout(tiles)
        layout.addLayout(charts_row, 1)

    def _build_top(self) -> QHBoxLayout:
        self.period_picker = PeriodPicker(self)
        self.year_combo = self.period_picker.year_combo
        self.quarter_combo = self.period_picker.quarter_combo
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.state_label = QLabel()
        self.state_label.setObjectName("stateLabel")
        self.state_label.setStyleSheet("color: #b7791f; font-weight: 600;")

        top = QHBoxLayout()
        title = QLabel(self.tr("Progress at a glance"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.state_label)
        top.addWidget(self.year_combo)
        top.addWidget(self.quarter_combo)
        top.addWidget(self.refresh_button)
        return top

    def _build_tiles(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(8)
        self.tiles: dict[str, Tile] = {}
        for index, key in enumerate(TILE_KEYS):
            tile = Tile(key)
            grid.addWidget(tile, index // 5, index % 5)
            self.tiles[key] = tile
        return grid

    def _build_charts(self) -> QHBoxLayout:
        self.ladder_chart = LadderChart()
        self.ladder_chart.setObjectName("ladderChart")
        self.trend_chart = TrendChart()
        self.trend_chart.setObjectName("trendChart")
        self.followups = QListWidget()
        self.followups.setObjectName("followups")
        self.followups.setWordWrap(True)
        self.followups.setSpacing(3)
        self.followups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        charts_row = QHBoxLayout()
        for title_text, widget, stretch in ((self.tr("Ladder (persons at the end of the period)"), self.ladder_chart, 2),
                                            (self.tr("Monthly unique persons and person-visits"), self.trend_chart, 3),
                                            (self.tr("Needs attention"), self.followups, 2)):
            box = QGroupBox(title_text)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(widget)
            charts_row.addWidget(box, stretch)
        return charts_row

    def _build_retention_bar(self) -> None:
        """保存期間: shown while persons are past the retention period, until acted on or postponed."""
        self.retention_bar = QFrame()
        self.retention_bar.setObjectName("retentionBar")
        self.retention_bar.setStyleSheet("#retentionBar { background: #fffaf0; border: 1px solid #dd6b20; "
                                         "border-radius: 4px; }")
        self.retention_label = QLabel()
        self.retention_label.setObjectName("retentionLabel")
        self.retention_label.setWordWrap(True)
        self.retention_list_button = QPushButton(self.tr("Show the &list"))
        self.retention_list_button.setObjectName("retentionList")
        self.retention_later_button = QPushButton(self.tr("Remind me in &30 days"))
        self.retention_later_button.setObjectName("retentionLater")
        bar = QHBoxLayout(self.retention_bar)
        bar.addWidget(self.retention_label, 1)
        bar.addWidget(self.retention_list_button)
        bar.addWidget(self.retention_later_button)
        self.retention_bar.setVisible(False)

    def _connect(self) -> None:
        """Period, refresh, tiles, ladder stages, 要対応 entries and the retention notice's buttons."""
        self.period_picker.changed.connect(self.count_figures)
        self.refresh_button.clicked.connect(self.refresh)
        for tile in self.tiles.values():
            tile.clicked.connect(self.open_records)
        self.ladder_chart.stage_clicked.connect(self.open_stage)
        self.followups.itemActivated.connect(lambda _item: self._go("mail"))
        self.retention_list_button.clicked.connect(self.open_retention)
        self.retention_later_button.clicked.connect(self.postpone_retention)

    # ------------------------------------------------------------ data
    def period(self) -> tuple[int, int | None]:
        return self.period_picker.period()

    def refresh(self) -> None:
        """Count the figures, then the 要対応 list (the button, and the area coming back).

        One after the other: side by side in the thread pool they took turns for the
        interpreter and the figures came later (3.4 s against 1.6–2.2 s on a 100,000-person file).
        """
        self._followups_due = True
        self.count_figures()

    def count_figures(self) -> None:
        """The period's figures in the thread pool; a period chosen meanwhile is counted next."""
        self.state_label.setText(self.tr("Counting…"))
        self.figures_count.request()

    def count_followups(self) -> None:
        """The 要対応 list (it does not depend on the period) in a task of its own, so the
        figures appear without waiting for it (about a second each on a very large file)."""
        self.followups_count.request()

    def _figures_work(self):
        year, quarter = self.period()
        return lambda session, _progress: compute_kpis(session, year, quarter)

    @staticmethod
    def _followups_work():
        from kankei_desktop.services.followups import list_followups

        today = date.today()
        return lambda session, _progress: list_followups(session, today)

    def _after_figures(self) -> None:
        if self._followups_due:
            self._followups_due = False
            self.count_followups()

    def _alive(self) -> bool:
        """False once the page's widgets are gone (a window closed while a count ran)."""
        from shiboken6 import isValid

        return isValid(self.followups) and isValid(self.state_label)

    def _failed(self, message: str) -> None:
        if self._alive():
            self.state_label.setText(message)

    def _shown(self, figures: KpiReport) -> None:
        if self._alive():
            self.show_figures(figures)

    def _followups_shown(self, followups: list) -> None:
        if not self._alive():
            return
        self.followups.clear()
        for item in followups:
            entry = QListWidgetItem(followup_title(item))
            entry.setData(Qt.ItemDataRole.UserRole, item.person_id)
            self.followups.addItem(entry)
        if not followups:
            self.followups.addItem(self.tr("Nothing to follow up."))

    def _followups_failed(self, message: str) -> None:
        if not self._alive():
            return
        self.followups.clear()
        self.followups.addItem(message)

    def show_figures(self, figures: KpiReport) -> None:
        self.figures = figures
        rows = {row.key: row for row in (summary_rows_en(figures) if english() else summary_rows(figures))}
        for key, tile in self.tiles.items():
            tile.show_row(rows[key], self.tr("Target"))
        self.state_label.setText("" if figures.has_data else self.tr("No data for this period"))
        self.ladder_chart.set_stages([(c.stage, c.persons) for c in figures.ladder.stages])
        self.trend_chart.set_months([(self.tr("M%1").replace("%1", str(int(m.month[5:]))), m.unique_persons,
                                      m.person_visits) for m in figures.monthly],
                                    (self.tr("Unique persons"), self.tr("Person-visits")))
        self.status_message.emit(period_text(figures))

    # ------------------------------------------------------------ retention
    def count_retention(self) -> None:
        self.retention_count.request()

    @staticmethod
    def _retention_work():
        from kankei_desktop.services import retention

        today = date.today()
        return lambda session, _progress: retention.notice(session, today)

    def _retention_shown(self, notice) -> None:
        from kankei_desktop.services import retention

        if not self._alive():  # the page was closed while counting
            return
        self.retention = notice
        if english():
            text = self.tr("%1 participants are past the retention period (%2).").replace(
                "%1", f"{notice.count:,}").replace("%2", retention_period_text(notice.period))
            if notice.postponed_until and not notice.shown and notice.count:
                text += " " + self.tr("(Reminder postponed until %1.)").replace(
                    "%1", display_date(notice.postponed_until))
        else:
            text = retention.describe(notice)
        self.retention_label.setText(text)
        self.retention_bar.setVisible(notice.shown)

    def open_retention(self) -> QWidget | None:
        """The persons past the period; erasing them is in データの保護 → 個人情報."""
        from kankei_desktop.services import retention

        with work.unit(self.database) as session:
            period = retention.settings_store.get(session, retention.RETENTION_PERIOD)
            rows = retention.persons_past(session, retention.months_of(period), date.today(), LIST_LIMIT)
        note = self.tr("Persons with no contact for longer than %1. Erase their personal data in Data safety "
                       "→ Personal data, or double-click to open a person.").replace(
                           "%1", retention_period_text(period))
        dialog = self._persons_dialog(self.tr("Past the retention period"), rows,
                                      [self.tr("Name"), self.tr("Last activity")], note)
        return dialog

    def postpone_retention(self) -> None:
        from kankei_desktop.services import retention

        with work.unit(self.database) as session:
            until = retention.postpone(session, date.today())
        self.retention_bar.setVisible(False)
        self.status_message.emit(self.tr("Retention reminder postponed until %1.").replace(
            "%1", until.strftime("%Y/%m/%d")))

    # ------------------------------------------------------------ records behind a figure
    def open_records(self, key: str) -> QWidget | None:
        if self.figures is None:
            return None
        if key in PERSON_TILES:
            f = self.figures
            with work.unit(self.database) as session:
                rows = persons_behind(session, key, f.fiscal_year, f.quarter, None, LIST_LIMIT)
            note = {
                "repeaters": self.tr("Persons active on two or more different dates in %1."),
                "continuing": self.tr("Persons active in %1 and in the previous fiscal year."),
                "sustained": self.tr("Persons active in at least two of the four quarters ending with %1 "
                                     "(visits and last activity over those quarters)."),
            }.get(key, self.tr("Persons with at least one activity in %1.")).replace("%1", period_text(f))
            note += " " + self.tr("Double-click opens the person.")
            if len(rows) >= LIST_LIMIT:
                note += " " + self.tr("Only the first %1 are listed.").replace("%1", f"{LIST_LIMIT:,}")
            return self._persons_dialog(self.tiles[key].label.text(), rows,
                                        [self.tr("Name"), self.tr("Visits"), self.tr("Last activity")], note)
        return self._go(AREA_OF_TILE.get(key, "participants"))

    def open_stage(self, stage: str) -> QWidget:
        """The persons the ladder chart counts at ``stage`` on the period's last day."""
        if self.figures is None:
            with work.unit(self.database) as session:
                rows = persons_at_stage(session, stage, LIST_LIMIT)
            note = self.tr("Persons whose current stage is %1.").replace("%1", shown(stage))
        else:
            day = self.figures.period_end
            with work.unit(self.database) as session:
                rows = persons_at_stage_on(session, stage, day, LIST_LIMIT)
            note = self.tr("Persons at %1 on %2 (the last day of the period).").replace("%1", shown(stage)).replace(
                "%2", display_date(day))
        return self._persons_dialog(shown(stage), rows, [self.tr("Name"), self.tr("Last activity")], note)

    def _persons_dialog(self, title: str, rows, headers, note) -> PersonsDialog:
        dialog = PersonsDialog(title, rows, headers, note, self)
        dialog.person_opened.connect(self._open_person)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _window(self):
        window = self.window()
        return window if hasattr(window, "show_area") else None

    def _go(self, area: str):
        window = self._window()
        if window is not None and area in getattr(window, "pages", {}):
            return window.show_area(area)
        return None

    def _open_person(self, person_id: str) -> None:
        page = self._go("participants")
        detail = getattr(page, "detail", None)
        if detail is not None and hasattr(detail, "show_person"):
            detail.show_person(person_id)
