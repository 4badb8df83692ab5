"""The line of figures under a programme's title: enrollments now, and targets against the KPIs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from kankei_desktop.services import programmes, work
from kankei_desktop.services.enrollments import BoardColumn
from kankei_desktop.services.programmes import ProgrammeInput
from kankei_desktop.store import Database
from kankei_desktop.ui.worker import Recount

if TYPE_CHECKING:
    from kankei_desktop.services.kpis import KpiReport

SEPARATOR = "　／　"


class FiguresLabel(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._count: Recount | None = None
        self._wanted: tuple[str, int] | None = None  # (programme id, fiscal year) to count
        self.setObjectName("programme_figures")
        self.setWordWrap(True)

    def show_enrolled(self, data: ProgrammeInput, columns: list[BoardColumn]) -> None:
        """What the board knows without counting the year: enrolled, active, completed, targets."""
        total = sum(len(c.cards) for c in columns)
        active = sum(len(c.cards) for c in columns if not c.is_dropout)
        finished = sum(len(c.cards) for c in columns if c.is_final)
        parts = [self.tr("Enrolled %1 (active %2, completed %3)")
                 .replace("%1", f"{total:,}").replace("%2", f"{active:,}").replace("%3", f"{finished:,}")]
        for target in data.targets:
            value = f"{target.target_value:g}{target.unit}"
            if target.key == programmes.TARGET_PARTICIPANTS:
                parts.append(self.tr("Target %1: %2 (now %3)").replace("%1", target.name).replace("%2", value)
                             .replace("%3", f"{active:,}{target.unit}"))
            else:
                parts.append(self.tr("Target %1: %2").replace("%1", target.name).replace("%2", value))
        self.setText(SEPARATOR.join(parts))

    def count_kpis(self, database: Database, programme_id: str) -> None:
        """Targets against the KPI service's figures, counted in the thread pool (on demand: it
        reads the whole year's activity, a second or two on a very large file). Another
        programme chosen meanwhile is counted next, so the line always ends on the last one."""
        with work.unit(database) as session:
            year = programmes.live_programme(session, programme_id).fiscal_year
        self._wanted = (programme_id, year)
        self.setText(self.tr("Counting…"))
        if self._count is None or self._count.database is not database:
            self._count = Recount(database, self._kpi_work, self._kpi_counted, self.setText)
        self._count.request()

    def _kpi_work(self):
        from kankei_desktop.services.kpis import compute_kpis

        programme_id, year = self._wanted
        # The task's own session has not begun: compute_kpis counts quicker in one.
        return lambda session, _progress: (programme_id, compute_kpis(session, year, programme_id=programme_id))

    def _kpi_counted(self, answer: tuple[str, KpiReport]) -> None:
        programme_id, report = answer
        self.show_kpis(report, programme_id)

    def show_kpis(self, report: KpiReport, programme_id: str) -> None:
        figures = next((p for p in report.programmes if p.programme_id == programme_id), None)
        if figures is None:
            return
        parts = [self.tr("Persons %1 (visits %2), person-days %3")
                 .replace("%1", f"{figures.unique_persons:,}").replace("%2", f"{figures.person_visits:,}")
                 .replace("%3", f"{figures.person_days.achieved:,}")]
        for target in figures.targets:
            if target.actual is None:
                parts.append(self.tr("Target %1: %2").replace("%1", target.name)
                             .replace("%2", f"{target.target:g}{target.unit}"))
            else:
                progress = f"{target.progress:.0%}" if target.progress is not None else "—"
                parts.append(self.tr("%1: %2 of %3 (%4)").replace("%1", target.name)
                             .replace("%2", f"{target.actual:,g}{target.unit}")
                             .replace("%3", f"{target.target:g}{target.unit}").replace("%4", progress))
        self.setText(SEPARATOR.join(parts))
