"""The progress summary PDF (関係人口 進捗サマリー) for the supervisor: drawn from values.

``services.progress_report`` gathers the figures (``services.kpis.compute_kpis``), the comments
and the settings, calls ``draw_progress_pdf`` and records the audit entry. Every figure is written
through ``reports.summary``, so the PDF says what ``stats --json`` and the dashboard say.
Aggregates only unless ``named`` is asked for; then every page is marked
取扱注意（個人情報）. The file is written next to its destination and renamed, so a
failure never leaves half a PDF behind.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from kankei_desktop import APP_NAME_JA
from kankei_desktop.domain.calendar import document_date, document_period, fiscal_year_label
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.figures import KpiReport, ProgrammeFigures, period_label
from kankei_desktop.reports import charts
from kankei_desktop.reports.definitions import DEFINITIONS
from kankei_desktop.reports.fonts import register_japanese_fonts
from kankei_desktop.reports.pages import numbered_canvas, page_of
from kankei_desktop.reports.summary import days, number, percent, summary_rows, suppressed

TITLE = "関係人口 進捗サマリー"
SENSITIVE_MARK = "取扱注意（個人情報）"
MARGIN = 18 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN
HEAD_BG = colors.HexColor("#E8EEF5")
RULE = colors.HexColor("#B0B7C0")

Progress = Callable[[float, str], None]


@dataclass
class ReportOptions:
    fiscal_year: int
    quarter: int | None = None
    programme_id: str | None = None
    named: bool = False
    threshold: int | None = None  # None: the file's setting (default 3)
    named_limit: int = 3000


@dataclass
class ReportResult:
    path: Path
    pages: int
    has_data: bool


def check_output_path(path: Path) -> Path:
    """Refuse, with the reason, a destination the PDF cannot be written to."""
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ValidationError({"out": f"「{path}」はフォルダーです。PDF のファイル名を指定してください。"})
    if not folder.is_dir():
        raise ValidationError({"out": f"保存先のフォルダー「{folder}」がありません。"})
    if not os.access(folder, os.W_OK):
        raise ValidationError({"out": f"保存先のフォルダー「{folder}」に書き込めません（読み取り専用か権限がありません）。"})
    if path.exists() and not os.access(path, os.W_OK):
        raise ValidationError({"out": f"「{path}」は読み取り専用のため上書きできません。"})
    return path


def save_pdf(data: bytes, path: Path) -> None:
    """Write next to the destination and rename, so a failure never leaves half a PDF behind."""
    handle, temporary = tempfile.mkstemp(prefix=".kankei-report-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ValidationError({"out": f"「{path}」に保存できませんでした（{error.strerror or error}）。"}) from None


def draw_progress_pdf(figures: KpiReport, *, threshold: int, organisation: str, author: str, named: bool,
                      comments: list[tuple[str | None, str]], named_rows: list, named_limit: int,
                      progress: Progress | None = None) -> tuple[bytes, int]:
    """(PDF bytes, page count) of the figures, the coordinator's comments and (``named``) the persons."""
    report = progress or (lambda _fraction, _message: None)
    report(0.5, "PDF を作成しています…")
    builder = _Builder(figures, threshold, organisation, author, named)
    story = builder.story(comments, named_rows, named_limit)
    buffer = io.BytesIO()
    regular, _bold = register_japanese_fonts()
    title = f"{TITLE} {figures.period_label}" + (f" {figures.programme}" if figures.programme else "")
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 6 * mm,
        bottomMargin=MARGIN, title=title, author=author, subject=organisation or TITLE,
        creator=APP_NAME_JA, initialFontName=regular, initialFontSize=10, initialLeading=14,
    )
    # Charts start each drawing in the graphics default font (Helvetica, never embedded);
    # point it at the bundled face while this document is drawn.
    previous_graphics_font = rl_config.defaultGraphicsFontName
    rl_config.defaultGraphicsFontName = regular
    try:
        document.build(story, onLaterPages=builder.header, canvasmaker=builder.canvas_class())
    finally:
        rl_config.defaultGraphicsFontName = previous_graphics_font
    report(1.0, "完了しました")
    return buffer.getvalue(), builder.page_count


def _marker(stage) -> str:
    """（修了）/（辞退） after a stage's name, as in the window; none when the name already says it."""
    if stage.is_final and "修了" not in stage.name:
        return "（修了）"
    if stage.is_dropout and "辞退" not in stage.name:
        return "（辞退）"
    return ""


class _Builder:
    def __init__(self, figures: KpiReport, threshold: int, organisation: str, author: str, named: bool):
        self.figures, self.threshold, self.organisation, self.author, self.named = (
            figures, threshold, organisation, author, named)
        self.regular, self.bold = register_japanese_fonts()
        self.page_count = 0
        base = ParagraphStyle("base", fontName=self.regular, fontSize=9.5, leading=14, wordWrap="CJK")
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=12)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5)
        self.cell_right = ParagraphStyle("cell_right", parent=self.cell, alignment=2)
        self.head = ParagraphStyle("head", parent=self.cell, fontName=self.bold)
        self.h1 = ParagraphStyle("h1", parent=base, fontName=self.bold, fontSize=15, leading=20,
                                 spaceBefore=4, spaceAfter=8, textColor=colors.HexColor("#1F3B57"))
        self.h2 = ParagraphStyle("h2", parent=base, fontName=self.bold, fontSize=11.5, leading=16,
                                 spaceBefore=10, spaceAfter=5, textColor=colors.HexColor("#1F3B57"))

    # ------------------------------------------------------------ pages

    def canvas_class(self):
        return numbered_canvas(self.footer)

    def footer(self, canvas: Canvas, page: int, total: int) -> None:
        width, _height = A4
        self.page_count = total
        canvas.saveState()
        canvas.setFont(self.regular, 8.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawCentredString(width / 2, 10 * mm, page_of(page, total))
        if self.named:
            canvas.setFont(self.bold, 10)
            canvas.setFillColor(colors.HexColor("#C0392B"))
            canvas.drawRightString(width - MARGIN, A4[1] - 10 * mm, SENSITIVE_MARK)
            canvas.drawRightString(width - MARGIN, 10 * mm, SENSITIVE_MARK)
        canvas.restoreState()

    def header(self, canvas: Canvas, _document) -> None:
        canvas.saveState()
        canvas.setFont(self.regular, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        text = f"{TITLE}　{self.figures.period_label}"
        if self.figures.programme:
            text += f"　{self.figures.programme}"
        canvas.drawString(MARGIN, A4[1] - 10 * mm, text)
        if self.organisation:
            # With --named the red 取扱注意 mark takes the right end (drawn by the footer): the organisation sits before it.
            room = pdfmetrics.stringWidth(SENSITIVE_MARK, self.bold, 10) + 4 * mm if self.named else 0
            canvas.drawRightString(A4[0] - MARGIN - room, A4[1] - 10 * mm, self.organisation)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, A4[1] - 12 * mm, A4[0] - MARGIN, A4[1] - 12 * mm)
        canvas.restoreState()

    # ------------------------------------------------------------ helpers

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        escaped = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
        return Paragraph(escaped, style or self.body)

    def count(self, value: int) -> str:
        return suppressed(value, self.threshold)

    def table(self, header: list[str], rows: list[list], widths: list[float], right: tuple[int, ...] = (),
              fit: tuple[int, ...] = (), flex: int = -1) -> Table:
        """A table; the ``fit`` columns widen to their longest text (so labels never break mid-word),
        taking the room from the ``flex`` column."""
        widths = list(widths)
        for column in fit:
            texts = [header[column]] + [row[column] for row in rows if isinstance(row[column], str)]
            need = max(pdfmetrics.stringWidth(text, self.bold if text is header[column] else self.regular,
                                              self.cell.fontSize) for text in texts) + 8 + 1
            need = min(need, widths[column] + widths[flex] - 60)  # the flex column keeps 60 pt
            if need > widths[column]:
                widths[flex] -= need - widths[column]
                widths[column] = need

        def cell(value, column):
            if isinstance(value, str):
                return self.p(value, self.cell_right if column in right else self.cell)
            return value

        data = [[self.p(text, self.head) for text in header]]
        data += [[cell(value, column) for column, value in enumerate(row)] for row in rows]
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.regular),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#DDDDDD")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]))
        return table

    # ------------------------------------------------------------ story

    def story(self, comments: list[tuple[str | None, str]], named_rows: list[tuple], named_limit: int) -> list:
        f = self.figures
        story = self.cover()
        story.append(self.p("1. 概要", self.h1))
        if not f.has_data:
            story.append(self.no_data_notice())
        story.append(self.summary_table())
        story.append(Spacer(1, 8))
        story.append(self.p(
            "実人数は期間中に1回以上活動した人の数、のべ人数は活動の回数です（定義は巻末の付録）。"
            f"内訳の表とグラフでは、1〜{self.threshold - 1}の数を「<{self.threshold}」と表示しています。"
            if self.threshold > 1 else "実人数は期間中に1回以上活動した人の数、のべ人数は活動の回数です（定義は巻末の付録）。",
            self.small))
        if f.targets:
            story.append(CondPageBreak(60 * mm))
            story.append(self.p("目標に対する進捗", self.h2))
            story.append(self.targets_table(f.targets, with_programme=not f.programme))
        if f.has_data:
            story += self.charts()
        for programme in f.programmes:
            story += self.programme_section(programme)
        if f.custom_indicators:
            story.append(CondPageBreak(50 * mm))
            story.append(self.p("独自指標（入力値）", self.h1))
            story += self.indicators_table()
        story += self.comments_section(comments)
        if self.named:
            story += self.named_section(named_rows, named_limit)
        story += self.appendix()
        return story

    def cover(self) -> list:
        f = self.figures
        today = date.today()
        cover_title = ParagraphStyle("cover_title", parent=self.h1, fontSize=26, leading=34, alignment=1,
                                     spaceAfter=14)
        centred = ParagraphStyle("centred", parent=self.body, fontSize=13, leading=20, alignment=1)
        info = ParagraphStyle("info", parent=self.body, fontSize=10.5, leading=17, alignment=1)
        story: list = [Spacer(1, 45 * mm)]
        if self.organisation:
            story.append(self.p(self.organisation, centred))
            story.append(Spacer(1, 8))
        story.append(self.p(TITLE, cover_title))
        story.append(self.p(f.period_label, ParagraphStyle("period", parent=centred, fontSize=16, leading=24)))
        if f.programme:
            story.append(self.p(f"プログラム: {f.programme}", centred))
        story.append(Spacer(1, 10))
        story.append(HRFlowable(width="60%", color=RULE, thickness=0.7, spaceBefore=6, spaceAfter=12))
        # 和暦 on the first line, the Western dates under it: the line never breaks inside a date.
        story.append(self.p("対象期間　" + document_period(f.period_start, f.period_end).replace("（", "\n（", 1), info))
        if self.author:
            story.append(self.p(f"作成者　{self.author}", info))
        story.append(self.p(f"作成日　{document_date(today)}", info))
        story.append(Spacer(1, 30 * mm))
        if self.named:
            mark = ParagraphStyle("mark", parent=centred, fontName=self.bold, textColor=colors.HexColor("#C0392B"))
            story.append(self.p(SENSITIVE_MARK, mark))
            story.append(self.p("この資料には参加者の氏名の一覧が含まれます。取り扱いと保管に注意してください。", info))
        else:
            story.append(self.p("この資料は集計値のみを掲載しています（個人を特定できる情報は含みません）。", info))
        story.append(PageBreak())
        return story

    def no_data_notice(self) -> Table:
        notice = ParagraphStyle("notice", parent=self.body, fontName=self.bold, fontSize=11, leading=17)
        box = Table([[self.p(f"{self.figures.period_label}のデータはありません。", notice)],
                     [self.p("この期間には活動、滞在、手紙、荷物、プログラムの登録、独自指標の入力がありません。"
                             "以下の数値はすべて 0 です。", self.body)]], colWidths=[CONTENT_WIDTH])
        box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FFF6E5")),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 6),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        return KeepTogether([box, Spacer(1, 10)])

    def summary_table(self) -> Table:
        rows = []
        for row in summary_rows(self.figures):
            bar = charts.progress_bar(row.progress, self.regular) if row.target else ""
            rows.append([row.label, row.value, row.target, bar, row.note])
        return self.table(["指標", "値", "目標", "進捗", "内訳・備考"], rows,
                          [112, 62, 62, 90, CONTENT_WIDTH - 326], right=(1, 2), fit=(0,), flex=4)

    def targets_table(self, targets, with_programme: bool) -> Table:
        rows = []
        for target in targets:
            actual = "入力なし（集計対象外）" if target.actual is None else number(target.actual, target.unit)
            row = [target.name, actual, number(target.target, target.unit),
                   charts.progress_bar(target.progress, self.regular)]
            rows.append(([target.programme or "全体"] if with_programme else []) + row)
        header = (["プログラム"] if with_programme else []) + ["目標", "実績", "目標値", "進捗"]
        widths = ([CONTENT_WIDTH - 350] if with_programme else []) + [100, 90, 60, 100]
        if not with_programme:
            widths[0] = CONTENT_WIDTH - 250
        return self.table(header, rows, widths, right=(2, 3) if with_programme else (1, 2),
                          fit=(1, 2) if with_programme else (1,), flex=0)

    def charts(self) -> list:
        f = self.figures
        months = [f"{int(m.month[5:])}月" for m in f.monthly]
        story: list = [PageBreak(), self.p("2. グラフ", self.h1), self.p("月別の実人数とのべ人数", self.h2)]
        story.append(charts.monthly_chart(months, [m.unique_persons for m in f.monthly],
                                          [m.person_visits for m in f.monthly], CONTENT_WIDTH, 190,
                                          self.regular, self.threshold))
        story.append(self.p("月の実人数は、その月に活動した人の数です（月の実人数を足しても期間の実人数にはなりません）。",
                            self.small))
        ladder = [self.p("関わりの段階（期末時点の人数）", self.h2),
                  charts.horizontal_chart([c.stage for c in f.ladder.stages], [c.persons for c in f.ladder.stages],
                                          CONTENT_WIDTH, self.regular, self.threshold),
                  self.p(f"期間中に段階が上がった回数 {number(f.ladder.moves_up, '回')}"
                         f"（{number(f.ladder.persons_moved_up, '名')}）", self.small)]
        story.append(KeepTogether(ladder))
        return story

    def programme_section(self, programme: ProgrammeFigures) -> list:
        story: list = [CondPageBreak(120 * mm), self.p(f"プログラム: {programme.name}", self.h1)]
        story.append(self.p(f"{fiscal_year_label(programme.fiscal_year)}・{programme.kind}", self.small))
        story.append(Spacer(1, 6))
        days_row = f"{number(programme.person_days.achieved, '人日')}（予定・確定 {number(programme.person_days.planned, '人日')}）"
        rows = [
            ["実人数", self.count(programme.unique_persons) + "名"],
            ["のべ人数", self.count(programme.person_visits) + "人"],
            ["リピーター", f"{self.count(programme.repeaters)}名（{percent(programme.repeat_share)}）"],
            ["人日（実施済）", days_row],
            ["登録（期末まで）", self.count(programme.enrollments) + "件"],
        ]
        if programme.reach is not None:  # お米レター: the parcel and the letter are the participation
            rows.insert(0, ["お米を届けた人", self.count(programme.reach) + "名"])
            rows.insert(1, ["お礼状（受け取った手紙）", self.count(programme.letters_received or 0) + "通"])
        story.append(self.table(["指標", "値"], rows, [140, CONTENT_WIDTH - 140]))
        if programme.targets:
            story.append(self.p("目標に対する進捗", self.h2))
            story.append(self.targets_table(programme.targets, with_programme=False))
        story.append(self.p("段階（ファネル）", self.h2))
        if programme.funnel:
            rows = [[stage.name + _marker(stage), self.count(stage.reached),
                     self.count(stage.current), percent(stage.conversion), days(stage.median_days)]
                    for stage in programme.funnel]
            story.append(self.table(["段階", "到達した登録", "期末時点", "次の段階への移行率", "滞留日数（中央値）"], rows,
                                    [CONTENT_WIDTH - 340, 80, 70, 100, 90], right=(1, 2, 3, 4)))
            ordinary = [stage for stage in programme.funnel if not stage.is_dropout]
            story.append(Spacer(1, 8))
            story.append(charts.horizontal_chart([s.name for s in ordinary], [s.reached for s in ordinary],
                                                 CONTENT_WIDTH, self.regular, self.threshold,
                                                 empty_message="この期間の登録はありません"))
        else:
            story.append(self.p("段階が設定されていません。", self.small))
        return story

    @staticmethod
    def indicator_value(item) -> str:
        if item.value is None:
            return "未入力"
        return number(item.value, item.unit) + ("※" if item.computed else "")

    def indicators_table(self) -> list:
        """The indicators one a row; a pair (例4) on one row of its own table, side by side."""
        items = self.figures.custom_indicators
        by_name = {item.name: item for item in items}
        paired = [(item, by_name[item.pair]) for item in items
                  if item.pair in by_name and items.index(item) < items.index(by_name[item.pair])]
        in_pairs = {id(item) for pair in paired for item in pair}
        rows = [[item.name, self.indicator_value(item), number(item.target, item.unit), item.programme or "全体",
                 item.source_note] for item in items if id(item) not in in_pairs]
        story: list = []
        if rows:
            story.append(self.table(["指標", "値", "目標", "対象", "出典・備考"], rows,
                                    [150, 62, 62, 90, CONTENT_WIDTH - 364], right=(1, 2), fit=(0,), flex=4))
        if paired:
            story.append(self.p("対になる指標（例4）", self.h2))
            pair_rows = []
            for left, right in paired:
                pair_rows.append([left.name, self.indicator_value(left), number(left.target, left.unit),
                                  right.name, self.indicator_value(right), number(right.target, right.unit)])
            half = (CONTENT_WIDTH - 2 * 135) / 2
            story.append(self.table(["指標", "値", "目標", "対の指標", "値", "目標"], pair_rows,
                                    [half, 85, 50, half, 85, 50], right=(1, 2, 4, 5)))
            notes = [f"{item.name}: {item.source_note}" for pair in paired for item in pair if item.source_note]
            if notes:
                story.append(self.p("出典: " + "／".join(notes), self.small))
        if any(item.computed for item in items):
            story.append(self.p("※ 値の入力がないため、期間内の物産購入・寄附の金額の記録から計算した値です。", self.small))
        if paired or any(item.computed for item in items):
            story.append(Spacer(1, 8))
        return story

    def comments_section(self, comments: list[tuple[str | None, str]]) -> list:
        story: list = [CondPageBreak(40 * mm), self.p("コーディネーターのコメント", self.h1)]
        if not comments:
            story.append(self.p("この期間のコメントはありません。", self.small))
        for name, body in comments:
            story.append(self.p(name or "全体", self.h2))
            story.append(self.p(body))
        return story

    def named_section(self, rows: list[tuple], limit: int) -> list:
        story: list = [PageBreak(), self.p(f"参加者一覧（{SENSITIVE_MARK}）", self.h1)]
        if not rows:
            story.append(self.p("この期間に活動した参加者はいません。", self.small))
            return story
        shown = rows[:limit]
        story.append(self.p("この期間に活動した参加者（フリガナ順）。のべは活動の回数です。", self.small))
        data = [[str(index), name, number(visits), document_date(date.fromisoformat(str(last)[:10]))]
                for index, (_id, name, visits, last) in enumerate(shown, start=1)]
        story.append(self.table(["No.", "氏名", "のべ", "最終活動日"], data,
                                [40, CONTENT_WIDTH - 280, 70, 170], right=(0, 2)))
        if len(rows) > limit:
            story.append(self.p(f"先頭の {limit:,} 名のみ掲載しています（一覧は画面または CSV で確認してください）。",
                                self.small))
        return story

    def appendix(self) -> list:
        story: list = [PageBreak(), self.p("付録　指標の定義", self.h1)]
        rows = []
        for term, text in DEFINITIONS:
            if term == "少数の秘匿":
                text = (text.replace("しきい値", str(self.threshold)) if self.threshold > 1
                        else "この資料では少数の秘匿を行っていません（しきい値 1）。")
            rows.append([term, text])
        story.append(self.table(["用語", "定義"], rows, [80, CONTENT_WIDTH - 80], fit=(0,), flex=1))
        story.append(Spacer(1, 8))
        story.append(self.p(f"この資料は {APP_NAME_JA} で作成しました（{period_label(self.figures.fiscal_year, self.figures.quarter)}）。",
                            self.small))
        return story
