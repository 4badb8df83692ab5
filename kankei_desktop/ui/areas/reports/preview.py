"""The preview and the printout of the summary as a rich-text document (QtPdf is not in Essentials).

It is built from the same ``reports.summary`` rows as the PDF, so preview, print and PDF agree.
"""

from __future__ import annotations

from html import escape

from kankei_desktop.reports.summary import number, percent, summary_rows, suppressed
from kankei_desktop.services.kpis import KpiReport


def summary_html(figures: KpiReport, organisation: str, threshold: int, named: bool) -> str:
    from kankei_desktop.reports.progress import SENSITIVE_MARK, TITLE  # brings reportlab: not at start

    cells = "".join(
        f"<tr><td>{escape(row.label)}</td><td align='right'><b>{escape(row.value)}</b></td>"
        f"<td align='right'>{escape(row.target)}</td><td align='right'>"
        f"{percent(row.progress) if row.target else ''}</td><td>{escape(row.note)}</td></tr>"
        for row in summary_rows(figures))
    def count(value: int) -> str:
        return escape(suppressed(value, threshold))

    ladder = "、".join(f"{escape(c.stage)} {count(c.persons)}" for c in figures.ladder.stages)
    programmes = "".join(
        f"<tr><td>{escape(p.name)}</td><td align='right'>{count(p.unique_persons)}</td>"
        f"<td align='right'>{count(p.person_visits)}</td>"
        f"<td align='right'>{number(p.person_days.achieved)}</td><td align='right'>{percent(p.person_days.progress)}</td></tr>"
        for p in figures.programmes)
    targets = "".join(
        f"<tr><td>{escape(t.programme or '')}</td><td>{escape(t.name)}</td>"
        f"<td align='right'>{'入力なし' if t.actual is None else escape(number(t.actual, t.unit))}</td>"
        f"<td align='right'>{escape(number(t.target, t.unit))}</td><td align='right'>{percent(t.progress)}</td></tr>"
        for t in figures.targets)
    indicators = "".join(
        f"<tr><td>{escape(i.name)}</td><td align='right'>"
        f"{'未入力' if i.value is None else escape(number(i.value, i.unit)) + ('（記録から計算）' if i.computed else '')}"
        f"</td><td align='right'>{escape(number(i.target, i.unit))}</td><td>{escape(i.programme or '全体')}</td>"
        f"<td>{escape(i.pair or '')}</td></tr>"
        for i in figures.custom_indicators)
    mark = f"<p style='color:#C0392B'><b>{SENSITIVE_MARK}</b></p>" if named else ""
    empty = ("<p style='background:#FFF6E5; padding:6px'><b>"
             f"{escape(figures.period_label)}のデータはありません。</b></p>") if not figures.has_data else ""
    heading = escape(figures.period_label + (f"　{figures.programme}" if figures.programme else ""))
    return f"""
    <html><body style='font-size:10pt'>
    {mark}<p style='color:#555'>{escape(organisation)}</p>
    <h2 style='color:#1F3B57'>{TITLE}</h2><h3>{heading}</h3>{empty}
    <table cellspacing='0' cellpadding='4' border='1' style='border-color:#ccc; border-collapse:collapse' width='100%'>
    <tr style='background:#E8EEF5'><th align='left'>指標</th><th>値</th><th>目標</th><th>進捗</th><th align='left'>内訳・備考</th></tr>
    {cells}</table>
    <p>関わりの段階（期末）: {ladder}</p>
    {"<h3>プログラム</h3><table cellspacing='0' cellpadding='4' border='1' width='100%'><tr style='background:#E8EEF5'>"
     "<th align='left'>プログラム</th><th>実人数</th><th>のべ人数</th><th>人日</th><th>人日の進捗</th></tr>" + programmes + "</table>"
     if programmes else ""}
    {"<h3>目標に対する進捗</h3><table cellspacing='0' cellpadding='4' border='1' width='100%'><tr style='background:#E8EEF5'>"
     "<th align='left'>プログラム</th><th align='left'>目標</th><th>実績</th><th>目標値</th><th>進捗</th></tr>"
     + targets + "</table>" if targets else ""}
    {"<h3>独自指標</h3><table cellspacing='0' cellpadding='4' border='1' width='100%'><tr style='background:#E8EEF5'>"
     "<th align='left'>指標</th><th>値</th><th>目標</th><th align='left'>対象</th><th align='left'>対の指標</th></tr>"
     + indicators + "</table>" if indicators else ""}
    </body></html>"""
