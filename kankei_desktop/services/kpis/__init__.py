"""The one KPI computation behind the dashboard, ``kankei-desktop stats`` and the PDF.

``compute_kpis`` (compute.py) returns the plain shapes of ``domain/figures.py``; the SQL is in
queries.py, the person figures are counted with numpy in persons.py (loaded on first count, not
at start-up), programme funnels in funnels.py, the report's comments in comments.py.
The definitions are in ``docs/kpi.md``.
"""

from kankei_desktop.domain.figures import (
    SCHEMA_VERSION,
    CustomIndicatorFigure,
    FunnelStage,
    HostFigures,
    KpiReport,
    LadderCount,
    LadderFigures,
    MailFigures,
    MonthFigures,
    PersonDays,
    PersonFigures,
    ProgrammeFigures,
    TargetFigure,
    period_label,
)
from kankei_desktop.services.kpis.comments import report_comment, report_comments, save_report_comment
from kankei_desktop.services.kpis.compute import PERSON_FIGURES, compute_kpis, custom_indicators, persons_behind, share

__all__ = [
    "PERSON_FIGURES", "SCHEMA_VERSION", "CustomIndicatorFigure", "FunnelStage", "HostFigures", "KpiReport",
    "LadderCount", "LadderFigures", "MailFigures", "MonthFigures", "PersonDays", "PersonFigures",
    "ProgrammeFigures", "TargetFigure", "compute_kpis", "custom_indicators", "period_label",
    "persons_behind", "report_comment", "report_comments", "save_report_comment", "share",
]
