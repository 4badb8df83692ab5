"""The coordinator's comments printed in the progress summary (one per period and programme)."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Programme, ReportComment, utc_now
from kankei_desktop.store import audit

MAX_LENGTH = 4000


def _match(fiscal_year: int, quarter: int | None, programme_id: str | None):
    return select(ReportComment).where(
        ReportComment.fiscal_year == fiscal_year,
        ReportComment.quarter.is_(None) if quarter is None else ReportComment.quarter == quarter,
        ReportComment.programme_id.is_(None) if programme_id is None else ReportComment.programme_id == programme_id,
        ReportComment.deleted_at.is_(None),
    ).order_by(ReportComment.created_at)


def report_comment(session: Session, fiscal_year: int, quarter: int | None, programme_id: str | None) -> str:
    rows = session.execute(_match(fiscal_year, quarter, programme_id)).scalars().all()
    return "\n\n".join(row.body for row in rows if row.body.strip())


def report_comments(session: Session, fiscal_year: int, quarter: int | None) -> list[tuple[str | None, str]]:
    """[(programme name or None for the whole, body)] for the period, the whole first."""
    rows = session.execute(
        select(Programme.name, ReportComment.body)
        .select_from(ReportComment)
        .outerjoin(Programme, Programme.id == ReportComment.programme_id)
        .where(ReportComment.fiscal_year == fiscal_year,
               ReportComment.quarter.is_(None) if quarter is None else ReportComment.quarter == quarter,
               ReportComment.deleted_at.is_(None))
        .order_by(ReportComment.programme_id.is_not(None), Programme.name, ReportComment.created_at)
    ).all()
    return [(name, body) for name, body in rows if body.strip()]


def save_report_comment(session: Session, fiscal_year: int, quarter: int | None, programme_id: str | None,
                        body: str) -> None:
    """Replace the comment of the period (an empty text removes it)."""
    body = (body or "").strip()
    if len(body) > MAX_LENGTH:
        raise ValidationError({"comment": f"コメントが長すぎます（{len(body)}文字、上限 {MAX_LENGTH}文字）。"})
    rows = session.execute(_match(fiscal_year, quarter, programme_id)).scalars().all()
    before = "\n\n".join(row.body for row in rows)
    if before == body:
        return
    now = utc_now()
    for row in rows:
        row.deleted_at, row.updated_at = now, now
    comment_id = ""
    if body:
        comment = ReportComment(fiscal_year=fiscal_year, quarter=quarter, programme_id=programme_id, body=body)
        session.add(comment)
        comment_id = comment.id
    audit.record(session, "update", "report_comment", comment_id,
                 {"period": [None, f"{fiscal_year}/{quarter or '-'}/{programme_id or '-'}"], "body": [before, body]})
