"""The words and number formats of the figures, shared by the CLI table, the PDF and the dashboard.

One list of labelled rows means a figure is written the same way everywhere, which is also
what lets the tests compare the JSON, the PDF text and the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from kankei_desktop.domain.figures import KpiReport


def number(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.1f}"
    else:
        text = f"{int(value):,}"
    return f"{text}{unit}" if unit else text


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def days(value: float | None) -> str:
    return "—" if value is None else f"{number(value)}日"


def suppressed(count: int, threshold: int) -> str:
    """A breakdown count; 1 to threshold − 1 is printed as 「<threshold」 so nobody is singled out."""
    if 0 < count < threshold:
        return f"<{threshold}"
    return number(count)


@dataclass(frozen=True)
class SummaryRow:
    key: str  # stable id (dashboard tiles, tests)
    label: str
    value: str
    note: str = ""
    target: str = ""
    progress: float | None = None  # 0..n, for a progress bar


def summary_rows(figures: KpiReport) -> list[SummaryRow]:
    p, d, m, h = figures.persons, figures.person_days, figures.mail, figures.hosts
    return [
        SummaryRow("unique_persons", "実人数", number(p.unique_persons, "名"), "期間中に1回以上活動した人"),
        SummaryRow("person_visits", "のべ人数", number(p.person_visits, "人"),
                   f"滞在 {number(p.visits_from_stays)}・交流 {number(p.visits_from_interactions)}"
                   + (f"・お米レター {number(p.visits_from_mail)}" if p.visits_from_mail else "")),
        SummaryRow("person_days", "人日（実施済）", number(d.achieved, "人日"), "",
                   number(d.target, "人日") if d.target is not None else "", d.progress),
        SummaryRow("planned_person_days", "人日（予定・確定）", number(d.planned, "人日")),
        SummaryRow("repeaters", "リピーター", number(p.repeaters, "名"), f"実人数の {percent(p.repeat_share)}"),
        SummaryRow("continuing", "継続者（前年度から）", number(p.continuing, "名"),
                   f"継続率 {percent(p.continuing_rate)}（前年度の実人数 {number(p.previous_year_unique_persons, '名')}）"),
        SummaryRow("sustained", "継続的関与者", number(p.sustained, "名"),
                   f"直近4四半期の活動者 {number(p.sustained_base, '名')}中 {percent(p.sustained_share)}"),
        SummaryRow("moves_up", "関わりの段階が上がった回数", number(figures.ladder.moves_up, "回"),
                   f"上がった人 {number(figures.ladder.persons_moved_up, '名')}"),
        SummaryRow("letters_sent", "手紙（地域→参加者）", number(m.letters_sent, "通"),
                   f"返信あり {number(m.letters_replied, '通')}・返信率 {percent(m.reply_rate)}"),
        SummaryRow("letters_received", "手紙（参加者→地域）", number(m.letters_received, "通"),
                   f"返信までの日数（中央値） {days(m.median_days_to_reply)}"),
        SummaryRow("shipped", "荷物 発送", number(m.shipped, "件"),
                   f"配達 {number(m.delivered, '件')}・返送 {number(m.returned, '件')}・"
                   f"配達まで中央値 {days(m.median_days_in_transit)}"),
        SummaryRow("active_hosts", "活動した受入先", number(h.active_hosts, "件")),
        SummaryRow("side_job_companies", "副業・兼業人材を受け入れた中小企業", number(h.side_job_companies, "社"),
                   f"登録 {number(h.side_job_companies_registered, '社')}"),
    ]


def summary_lines(figures: KpiReport) -> list[str]:
    """The CLI's human-readable table."""
    title = figures.period_label + (f" ・ {figures.programme}" if figures.programme else "")
    lines = [f"関係人口 進捗サマリー　{title}",
             f"期間 {figures.period_start:%Y/%m/%d}〜{figures.period_end:%Y/%m/%d}"]
    if not figures.has_data:
        lines.append("この期間のデータはありません（すべて 0 です）。")
    width = max(len(row.label) for row in summary_rows(figures)) + 2
    for row in summary_rows(figures):
        target = f"　目標 {row.target}（{percent(row.progress)}）" if row.target else ""
        note = f"　{row.note}" if row.note else ""
        lines.append(f"{row.label.ljust(width, '　')}{row.value:>12}{target}{note}")
    lines.append("")
    lines.append("関わりの段階（期末）: " + "、".join(f"{c.stage} {number(c.persons)}名" for c in figures.ladder.stages))
    for programme in figures.programmes:
        lines.append("")
        lines.append(f"■ {programme.name}　実人数 {number(programme.unique_persons, '名')}・"
                     f"のべ {number(programme.person_visits, '人')}・人日 {number(programme.person_days.achieved)}"
                     f"（予定 {number(programme.person_days.planned)}）・登録 {number(programme.enrollments, '件')}"
                     + (f"・お米を届けた人 {number(programme.reach, '名')}・お礼状 {number(programme.letters_received, '通')}"
                        if programme.reach is not None else ""))
        for stage in programme.funnel:
            lines.append(f"    {stage.name}: 到達 {number(stage.reached)}　移行率 {percent(stage.conversion)}"
                         f"　滞留日数（中央値） {days(stage.median_days)}")
        for target in programme.targets:
            lines.append(f"    目標 {target.name}: {number(target.actual)} / {number(target.target, target.unit)}"
                         f"（{percent(target.progress)}）")
    if figures.custom_indicators:
        lines.append("")
        lines.append("独自指標（入力値）")
        for item in figures.custom_indicators:
            lines.append(f"    {item.name}: {number(item.value, item.unit)}{'（記録から計算）' if item.computed else ''}"
                         f"（目標 {number(item.target, item.unit)}）"
                         f"{'　対: ' + item.pair if item.pair else ''}"
                         f"{'　出典: ' + item.source_note if item.source_note else ''}")
    return lines


def summary_rows_en(figures: KpiReport) -> list[SummaryRow]:
    """``summary_rows`` in English, row for row (same keys and figures), for the window in English mode.

    The CLI and the PDF are Japanese documents and keep ``summary_rows``.
    """
    p, d, m, h = figures.persons, figures.person_days, figures.mail, figures.hosts

    def n(value, unit: str = "") -> str:
        return number(value, f" {unit}" if unit else "")

    def in_days(value) -> str:
        return "—" if value is None else f"{number(value)} days"

    return [
        SummaryRow("unique_persons", "Unique persons", n(p.unique_persons), "Active at least once in the period"),
        SummaryRow("person_visits", "Person-visits", n(p.person_visits),
                   f"stays {n(p.visits_from_stays)} · contacts {n(p.visits_from_interactions)}"),
        # The label says what is counted: a bare number fits the tile in English (「人日」 is one character).
        SummaryRow("person_days", "Person-days (done)", n(d.achieved), "",
                   n(d.target) if d.target is not None else "", d.progress),
        SummaryRow("planned_person_days", "Person-days (planned, confirmed)", n(d.planned)),
        SummaryRow("repeaters", "Repeaters", n(p.repeaters), f"{percent(p.repeat_share)} of unique persons"),
        SummaryRow("continuing", "Continuing (from last year)", n(p.continuing),
                   f"rate {percent(p.continuing_rate)} (last year {n(p.previous_year_unique_persons)} persons)"),
        SummaryRow("sustained", "Sustained", n(p.sustained),
                   f"{percent(p.sustained_share)} of {n(p.sustained_base)} active in the last 4 quarters"),
        SummaryRow("moves_up", "Moves up the ladder", n(figures.ladder.moves_up),
                   f"{n(figures.ladder.persons_moved_up)} persons moved up"),
        SummaryRow("letters_sent", "Letters (region → participant)", n(m.letters_sent),
                   f"{n(m.letters_replied)} replied · reply rate {percent(m.reply_rate)}"),
        SummaryRow("letters_received", "Letters (participant → region)", n(m.letters_received),
                   f"days to reply (median) {in_days(m.median_days_to_reply)}"),
        SummaryRow("shipped", "Parcels shipped", n(m.shipped),
                   f"{n(m.delivered)} delivered · {n(m.returned)} returned · "
                   f"median {in_days(m.median_days_in_transit)} in transit"),
        SummaryRow("active_hosts", "Active hosts", n(h.active_hosts)),
        SummaryRow("side_job_companies", "Companies hosting side-job workers", n(h.side_job_companies),
                   f"{n(h.side_job_companies_registered)} registered"),
    ]
