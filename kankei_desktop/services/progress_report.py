"""The progress summary PDF (関係人口 進捗サマリー): gather, draw, save, audit.

The figures come from ``services.kpis``, the comments and the persons named from the same
package, the threshold, organisation and author from the settings; ``reports.progress`` draws
them. Like ``services.address_labels`` → ``reports.labels``: the report sees values only.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.figures import KpiReport
from kankei_desktop.reports.progress import (
    Progress,
    ReportOptions,
    ReportResult,
    check_output_path,
    draw_progress_pdf,
    save_pdf,
)
from kankei_desktop.services import settings_store
from kankei_desktop.services.kpis import compute_kpis, report_comments
from kankei_desktop.services.kpis.queries import active_persons
from kankei_desktop.store import audit

__all__ = ["ReportOptions", "ReportResult", "build_progress_pdf", "write_progress_report"]


def write_progress_report(session: Session, options: ReportOptions, out: Path,
                          progress: Progress | None = None) -> ReportResult:
    """Compute, draw and save the PDF; records an audit entry ``report``."""
    path = check_output_path(out)
    data, pages, figures = build_progress_pdf(session, options, progress)
    save_pdf(data, path)
    audit.record(session, "report", "report", options.programme_id or "", {
        "fiscal_year": [None, options.fiscal_year], "quarter": [None, options.quarter],
        "named": [None, options.named], "file": [None, path.name], "pages": [None, pages],
    })
    return ReportResult(path, pages, figures.has_data)


def build_progress_pdf(session: Session, options: ReportOptions,
                       progress: Progress | None = None) -> tuple[bytes, int, KpiReport]:
    """(PDF bytes, page count, the figures printed)."""
    report = progress or (lambda _fraction, _message: None)
    report(0.05, "集計しています…")
    figures = compute_kpis(session, options.fiscal_year, options.quarter, options.programme_id)
    threshold = options.threshold
    if threshold is None:
        threshold = int(settings_store.get(session, settings_store.SUPPRESSION_THRESHOLD) or 3)
    if threshold < 1:
        raise ValidationError({"threshold": f"秘匿のしきい値は 1 以上にしてください（{threshold}）。"})
    organisation = str(settings_store.get(session, settings_store.ORGANISATION_NAME) or "").strip()
    author = settings_store.document_author(session)
    comments = report_comments(session, options.fiscal_year, options.quarter)
    if options.programme_id:
        comments = [(name, body) for name, body in comments if name in (None, figures.programme)]
    named_rows = []
    if options.named:
        named_rows = active_persons(session, figures.period_start, figures.period_end, options.programme_id,
                                    options.named_limit + 1)
    data, pages = draw_progress_pdf(figures, threshold=threshold, organisation=organisation, author=author,
                                    named=options.named, comments=comments, named_rows=named_rows,
                                    named_limit=options.named_limit, progress=report)
    return data, pages, figures
