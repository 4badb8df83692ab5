"""受入予定表: one host's upcoming stays on A4 landscape, to hand to a farm or an inn.

Drawn from values: ``services.host_schedule`` gathers the host, its stays and the settings into a
``HostSchedule`` and calls ``write_host_schedule_pdf``. Dates in the table read as
2026/11/27 (金) (a farmer reads the week at a glance); the sheet's own dates are 和暦 with the
Western year. Guests carry 様 and a name never breaks across lines. 作成日 is the day the sheet is
made, whatever the first day listed is. Every page carries 「n / N」. The bundled BIZ UDPGothic is
embedded so the sheet prints the same anywhere.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kankei_desktop.domain.calendar import document_date
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.reports.fonts import register_japanese_fonts
from kankei_desktop.reports.pages import numbered_canvas, page_of, unbroken

HEADERS = ["期間", "日数", "参加者", "人数", "受入先・宿泊先", "目的・プログラム", "状態", "備考"]
WIDTHS = [44 * mm, 13 * mm, 58 * mm, 13 * mm, 46 * mm, 48 * mm, 16 * mm, 29 * mm]


class ScheduleError(KankeiError):
    pass


@dataclass(frozen=True)
class ScheduleLine:
    """One stay as the sheet prints it."""
    period: str  # 2026/11/27 (金)〜\n2026/11/29 (日)
    days: int
    guests: tuple[str, ...]
    other_party: str  # 受入: …／宿泊: 当施設, or —
    purpose: str
    status: str
    notes: str


@dataclass(frozen=True)
class HostSchedule:
    host_name: str
    contact_person: str
    phone: str
    organisation: str
    author: str
    made_on: date  # the real day the sheet is made
    listed_from: date  # the first day listed
    lines: list[ScheduleLine]


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    names: ParagraphStyle
    head: ParagraphStyle

    @classmethod
    def with_fonts(cls, regular: str, bold: str) -> _Styles:
        cell = ParagraphStyle("cell", fontName=regular, fontSize=9.5, leading=13)
        return cls(
            title=ParagraphStyle("title", fontName=bold, fontSize=16, leading=22),
            small=ParagraphStyle("small", fontName=regular, fontSize=9, leading=13),
            cell=cell,
            # Names: wrapped only at the spaces between names (no-break spaces inside each name).
            names=ParagraphStyle("names", parent=cell, wordWrap=None, splitLongWords=False),
            head=ParagraphStyle("head", fontName=bold, fontSize=9.5, leading=13, textColor=colors.white),
        )


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped.replace("\n", "<br/>"), style)


def _table(schedule: HostSchedule, styles: _Styles) -> Table:
    cell = styles.cell
    data = [[_para(text, styles.head) for text in HEADERS]]
    for line in schedule.lines:
        data.append([
            _para(line.period, cell),
            _para(f"{line.days}日", cell),
            _para("、 ".join(unbroken(f"{name} 様") for name in line.guests) or "—", styles.names),
            _para(f"{len(line.guests)}名", cell),
            _para(line.other_party, cell),
            _para(line.purpose or "—", cell),
            _para(line.status, cell),
            _para(line.notes, cell),
        ])
    if not schedule.lines:
        data.append([_para("今後の受入予定はありません。", cell)] + [_para("", cell)] * (len(HEADERS) - 1))
    table = Table(data, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2F5D50")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9AA5A0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F1F5F3")]),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    if not schedule.lines:
        table.setStyle(TableStyle([("SPAN", (0, 1), (-1, 1))]))
    return table


def _story(schedule: HostSchedule, styles: _Styles) -> list:
    author = schedule.author
    contact = "　".join(part for part in (
        f"ご担当: {schedule.contact_person} 様" if schedule.contact_person else "",
        f"電話: {schedule.phone}" if schedule.phone else "",
    ) if part)
    story = [
        _para(f"{schedule.host_name}　受入予定表", styles.title),
        _para(f"作成日: {document_date(schedule.made_on)}" + (f"　作成: {author}" if author else ""), styles.small),
    ]
    if contact:
        story.append(_para(contact, styles.small))
    story += [
        _para(f"{document_date(schedule.listed_from)}以降の予定 {len(schedule.lines)} 件（中止を除く）。"
              "日程の変更はお早めにご連絡ください。", styles.small),
        Spacer(1, 4 * mm),
        _table(schedule, styles),
    ]
    return story


def _footer(schedule: HostSchedule, font: str):
    footer_text = f"{schedule.organisation}　" if schedule.organisation else ""

    def footer(canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawString(15 * mm, 8 * mm, f"{footer_text}{schedule.host_name} 受入予定表")
        canvas.drawRightString(landscape(A4)[0] - 15 * mm, 8 * mm, page_of(page, total))
        canvas.restoreState()

    return footer


def write_host_schedule_pdf(schedule: HostSchedule, path: Path) -> None:
    """Draw the sheet and save it next to ``path`` first, then rename (never half a PDF)."""
    regular, bold = register_japanese_fonts()
    story = _story(schedule, _Styles.with_fonts(regular, bold))
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ScheduleError(f"フォルダー「{folder}」がありません。")
    handle, temp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".pdf", dir=folder)
    os.close(handle)
    try:
        document = SimpleDocTemplate(
            temp_name, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
            topMargin=14 * mm, bottomMargin=15 * mm, title=f"{schedule.host_name} 受入予定表",
            author=schedule.author, subject=schedule.organisation, creator="関係人口デスク",
        )
        document.build(story, canvasmaker=numbered_canvas(_footer(schedule, regular)))
        os.replace(temp_name, target)
    except PermissionError:
        raise ScheduleError(
            f"「{target.name}」に書き込めません。PDF を開いていれば閉じてから、もう一度お試しください。"
        ) from None
    finally:
        Path(temp_name).unlink(missing_ok=True)
