"""受入予定表: one host's upcoming stays on A4 landscape, to hand to a farm or an inn.

Dates in the table read as 2026/11/27 (金) (a farmer reads the week at a glance); the sheet's
own dates are 和暦 with the Western year. Guests carry 様 and a name never breaks across lines.
作成日 is the day the sheet is made, whatever ``today`` (the first day listed) says. Every page
carries 「n / N」. The bundled BIZ UDPGothic is embedded so the sheet prints the same anywhere.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from sqlmodel import Session

from kankei_desktop.domain.calendar import document_date
from kankei_desktop.domain.errors import KankeiError, NotFoundError
from kankei_desktop.domain.tables import Host
from kankei_desktop.reports.pages import document_author, numbered_canvas, page_of, unbroken
from kankei_desktop.services import settings_store
from kankei_desktop.services.stay_calendar import StayRow, stays_between
from kankei_desktop.services.stay_rules import display_date_with_weekday, stay_days


class ScheduleError(KankeiError):
    pass


def _fonts() -> tuple[str, str]:
    from kankei_desktop.reports.fonts import register_japanese_fonts

    return register_japanese_fonts()


def upcoming_stays(session: Session, host_id: str, today: date) -> list[StayRow]:
    """Stays at the host (as host or lodging) that have not ended yet, cancelled ones left out."""
    return stays_between(session, today, None, host_id=host_id, include_cancelled=False)


def _period_text(row: StayRow) -> str:
    first = display_date_with_weekday(row.start_on)
    if row.end_on == row.start_on:
        return first
    return f"{first}〜\n{display_date_with_weekday(row.end_on)}"


def _other_party(row: StayRow, host_id: str) -> str:
    """Where else the guests are: the farm they work at, or the inn they sleep at."""
    parts = []
    if row.host_id and row.host_id != host_id:
        parts.append(f"受入: {row.host_name}")
    if row.lodging_id == host_id:
        parts.append("宿泊: 当施設")
    elif row.lodging_id:
        parts.append(f"宿泊: {row.lodging_name}")
    return "\n".join(parts) or "—"


def write_host_schedule(session: Session, host_id: str, path: Path, *, today: date | None = None) -> int:
    """Write the PDF of the stays from ``today`` on (default: the real today); returns how many."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    made_on = date.today()
    today = today or made_on
    host = session.get(Host, host_id)
    if host is None or host.deleted_at is not None:
        raise NotFoundError("受入先が見つかりません（削除された可能性があります）。")
    rows = upcoming_stays(session, host_id, today)
    organisation = str(settings_store.get(session, settings_store.ORGANISATION_NAME) or "").strip()
    author = document_author(session)
    regular, bold = _fonts()

    title = ParagraphStyle("title", fontName=bold, fontSize=16, leading=22)
    small = ParagraphStyle("small", fontName=regular, fontSize=9, leading=13)
    cell = ParagraphStyle("cell", fontName=regular, fontSize=9.5, leading=13)
    # Names: wrapped only at the spaces between names (no-break spaces inside each name).
    names = ParagraphStyle("names", parent=cell, wordWrap=None, splitLongWords=False)
    head = ParagraphStyle("head", fontName=bold, fontSize=9.5, leading=13, textColor=colors.white)

    def para(text: str, style=cell) -> Paragraph:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return Paragraph(escaped.replace("\n", "<br/>"), style)

    headers = ["期間", "日数", "参加者", "人数", "受入先・宿泊先", "目的・プログラム", "状態", "備考"]
    data = [[para(text, head) for text in headers]]
    for row in rows:
        purpose = "\n".join(part for part in (row.purpose, row.programme_name) if part)
        data.append([
            para(_period_text(row)),
            para(f"{stay_days(row.start_on, row.end_on)}日"),
            para("、 ".join(unbroken(f"{name} 様") for name in row.person_names) or "—", names),
            para(f"{row.persons}名"),
            para(_other_party(row, host_id)),
            para(purpose or "—"),
            para(row.status),
            para(row.notes),
        ])
    if not rows:
        data.append([para("今後の受入予定はありません。")] + [para("")] * (len(headers) - 1))

    widths = [44 * mm, 13 * mm, 58 * mm, 13 * mm, 46 * mm, 48 * mm, 16 * mm, 29 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2F5D50")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9AA5A0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F1F5F3")]),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    if not rows:
        table.setStyle(TableStyle([("SPAN", (0, 1), (-1, 1))]))

    footer_text = f"{organisation}　" if organisation else ""

    def footer(canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawString(15 * mm, 8 * mm, f"{footer_text}{host.name} 受入予定表")
        canvas.drawRightString(landscape(A4)[0] - 15 * mm, 8 * mm, page_of(page, total))
        canvas.restoreState()

    contact = "　".join(part for part in (
        f"ご担当: {host.contact_person} 様" if host.contact_person else "",
        f"電話: {host.phone}" if host.phone else "",
    ) if part)
    story = [
        para(f"{host.name}　受入予定表", title),
        para(f"作成日: {document_date(made_on)}" + (f"　作成: {author}" if author else ""), small),
    ]
    if contact:
        story.append(para(contact, small))
    story += [
        para(f"{document_date(today)}以降の予定 {len(rows)} 件（中止を除く）。"
             "日程の変更はお早めにご連絡ください。", small),
        Spacer(1, 4 * mm),
        table,
    ]

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ScheduleError(f"フォルダー「{folder}」がありません。")
    handle, temp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".pdf", dir=folder)
    os.close(handle)
    try:
        document = SimpleDocTemplate(
            temp_name, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
            topMargin=14 * mm, bottomMargin=15 * mm, title=f"{host.name} 受入予定表", author=author,
            subject=organisation, creator="関係人口デスク",
        )
        document.build(story, canvasmaker=numbered_canvas(footer))
        os.replace(temp_name, target)
    except PermissionError:
        raise ScheduleError(
            f"「{target.name}」に書き込めません。PDF を開いていれば閉じてから、もう一度お試しください。"
        ) from None
    finally:
        Path(temp_name).unlink(missing_ok=True)
    return len(rows)
