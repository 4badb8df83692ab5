"""How the window words what the services and the database say, in the chosen language.

Japanese mode shows everything as stored and as the CLI and the PDF print it. English mode
shows the stored vocabulary (stages, ties, kinds, statuses — ``domain/vocabulary.py``) and the
labels the services write by their English names, 年度 as FY2026, and the 要対応 list in
English. Names of persons, hosts, programmes and their stages are data: never translated.
"""

from __future__ import annotations

import re
from datetime import date

from kankei_desktop.domain.calendar import display_date, era_for, fiscal_year_label
from kankei_desktop.domain.vocabulary import english_label, english_name
from kankei_desktop.ui.translation import current_language

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ERA_ROMAJI = {"令和": "Reiwa", "平成": "Heisei", "昭和": "Showa", "大正": "Taisho", "明治": "Meiji"}
_PROGRAMME_LABEL = re.compile(r"^(?P<name>.+)（(?P<year>\d{4})(?:年度)?）$")
_PROGRAMME_WAREKI_LABEL = re.compile(r"^(?P<name>.+)（(?:令和|平成|昭和)\S*?（(?P<year>\d{4})年度））$")


def english() -> bool:
    return current_language() == "en"


def shown(word):
    """A stored word (stage, tie, residence area, kind, status…) as the window shows it."""
    return english_name(word) if english() and isinstance(word, str) else word


def shown_label(text, *, record_column: bool = True):
    """A label the services wrote (audit action/record, timeline kind, import decision…)."""
    return english_label(text, record_column=record_column) if english() and isinstance(text, str) else text


def fiscal_year_text(fiscal_year: int) -> str:
    """令和8年度（2026年度） in Japanese; FY2026 (Reiwa 8) in English."""
    if not english():
        return fiscal_year_label(fiscal_year)
    era, year = era_for(date(fiscal_year, 10, 1))
    return f"FY{fiscal_year} ({ERA_ROMAJI.get(era, era)} {year})"


def programme_text(name: str, fiscal_year: int) -> str:
    """A programme with its year, the same way everywhere: おてつだいPlus（2026年度） / (FY2026)."""
    return f"{name} (FY{fiscal_year})" if english() else f"{name}（{fiscal_year}年度）"


def shown_programme(label: str) -> str:
    """A programme label a service wrote (「name（2026年度）」 or 「name（2026）」) in the window's words."""
    for pattern in (_PROGRAMME_WAREKI_LABEL, _PROGRAMME_LABEL):
        match = pattern.match(label or "")
        if match:
            return programme_text(match["name"], int(match["year"]))
    return label


FOLLOWUP_TITLES_EN = {
    "not_delivered": "%1: delivery not confirmed (%2 days since shipping)",
    "no_reply": "%1: no reply to the letter yet (%2 days since sending)",
    "no_tour": "%1: thank-you letter received, no thank-you tour yet (%2 days)",
}


def followup_title(item) -> str:
    """One line of the 要対応 list."""
    template = FOLLOWUP_TITLES_EN.get(item.kind) if english() else None
    if template is None:
        return item.title
    return template.replace("%1", item.person_name).replace("%2", f"{item.days:,}")


def followup_action(item) -> str:
    return shown_label(item.action_label)


def _stage_or_word(text: str | None) -> str:
    return english_name(text) if text else ""


_TIMELINE = [
    (re.compile(r"^(?P<p>.+)（(?P<y>\d{4})年度）に登録$"), lambda m: f"Enrolled in {m['p']} (FY{m['y']})"),
    (re.compile(r"^段階: (?P<s>.+)$"), lambda m: f"Stage: {m['s']}"),
    (re.compile(r"^関わりの段階: (?P<to>[^（]+)(?:（(?P<fr>.+)から）)?$"),
     lambda m: f"Stage of involvement: {_stage_or_word(m['to'])}"
               + (f" (from {_stage_or_word(m['fr'])})" if m["fr"] else "")),
    (re.compile(r"^手紙 (?P<d>\S+)（(?P<s>[^）]+)）(?:・(?P<h>.+))?$"),
     lambda m: f"Letter {english_name(m['d'])} ({english_name(m['s'])})" + (f", {m['h']}" if m["h"] else "")),
    (re.compile(r"^(?P<k>日帰り|短期滞在|長期滞在)（(?P<s>[^）]+)）(?P<h>.*)$"),
     lambda m: f"{english_name(m['k'])} ({english_name(m['s'])}) {m['h']}".strip()),
    (re.compile(r"^(?P<c>.+)（(?P<s>準備中|発送済|配達済|返送)）$"),
     lambda m: f"{english_label(m['c'], record_column=True)} ({english_name(m['s'])})"),
    (re.compile(r"^(?P<c>[^・]+)・(?P<h>.+)より$"), lambda m: f"{english_name(m['c'])}, from {m['h']}"),
    (re.compile(r"^(?P<rest>.+) (?P<a>[\d,]+)円$"), lambda m: f"{timeline_title(m['rest'])} ¥{m['a']}"),
    (re.compile(r"^(?P<k>[^（]+)（(?P<p>.+)）$"),
     lambda m: f"{english_name(m['k'])} ({m['p']})" if english_name(m["k"]) != m["k"] else None),
    (re.compile(r"^(?P<p>.+): (?P<s>.+)へ$"), lambda m: f"{m['p']}: to {m['s']}"),
]


def timeline_title(text: str) -> str:
    """A line of the person's timeline (services/timeline.py writes Japanese) in the window's words."""
    if not english() or not text:
        return text
    for pattern, english_text in _TIMELINE:
        match = pattern.match(text)
        if match:
            result = english_text(match)
            if result is not None:
                return result
    return english_name(text)


QUARTER_MONTHS_EN = {1: "Apr–Jun", 2: "Jul–Sep", 3: "Oct–Dec", 4: "Jan–Mar"}


def retention_period_text(period: str) -> str:
    """The retention period as stored (「5年」「18か月」), or 5 years / 18 months in English."""
    if not english():
        return period
    from kankei_desktop.services.retention import months_of

    months = months_of(period)
    if months % 12 == 0:
        return f"{months // 12} year" + ("s" if months != 12 else "")
    return f"{months} month" + ("s" if months != 1 else "")


def period_text(figures) -> str:
    """The period of a KpiReport: its own (Japanese) label, or FY2026 Q1 (Apr–Jun) in English."""
    if not english():
        return figures.period_label
    text = fiscal_year_text(figures.fiscal_year)
    if figures.quarter:
        text += f" Q{figures.quarter} ({QUARTER_MONTHS_EN[figures.quarter]})"
    return text


def describe_changes(row) -> str:
    """An audit entry's changes, one line ('備考: 旧 → 新'), field names and yes/no in the window's words."""
    from kankei_desktop.domain.vocabulary import FIELD_NAMES_EN
    from kankei_desktop.services import audit_log

    if not english():
        return audit_log.describe_changes(row)

    def text(value) -> str:
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, str) and _ISO_DATE.match(value):  # stored as 2026-11-27: shown as the window does
            return display_date(date.fromisoformat(value[:10]))
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return ", ".join(english_name(v) for v in value)
        return english_name(audit_log._text(value))

    parts = []
    for change in row.changes:
        name = FIELD_NAMES_EN.get(change.field, change.field)
        before, after = text(change.before), text(change.after)
        if row.action == "create":
            if after and after != "[]":
                parts.append(f"{name}: {after}")
        else:
            parts.append(f"{name}: {before} → {after}")
    if not parts and row.details:
        parts.append(audit_log._text(row.details))
    return "; ".join(parts)


_LADDER_REASONS = [
    (re.compile(r"^主催・講師の記録があります（(?P<d>.+)）。$"), "Recorded as organiser / speaker (%1)."),
    (re.compile(r"^12か月以内の別々の日に参加しています（(?P<d>.+)、(?P<e>.+)）。$"),
     "Took part on different days within 12 months (%1, %2)."),
    (re.compile(r"^参加の記録があります（(?P<d>.+)）。$"), "Has taken part (%1)."),
    (re.compile(r"^記録から見て、今の段階を変える理由はありません。$"), "Nothing in the record calls for another stage."),
]


def ladder_reason(text: str) -> str:
    """Why services/ladder suggests a stage, in the window's words."""
    if not english() or not text:
        return text
    for pattern, english_text in _LADDER_REASONS:
        match = pattern.match(text)
        if match:
            groups = match.groupdict()
            return english_text.replace("%1", groups.get("d") or "").replace("%2", groups.get("e") or "")
    return text


def tracking_rule(fmt) -> str:
    """A carrier's tracking-number rule (domain/carriers.TrackingFormat)."""
    if not english():
        return fmt.describe()
    if not fmt.lengths:
        return "no fixed format"
    return " or ".join(str(n) for n in fmt.lengths) + " digits"


WEEKDAYS_EN = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def weekday_short(weekday: int) -> str:
    """Monday = 0: 月 … 日, or Mo … Su in English (two letters fit a day column)."""
    from kankei_desktop.services.stay_rules import WEEKDAYS_JA

    return WEEKDAYS_EN[weekday] if english() else WEEKDAYS_JA[weekday]


def with_capacity(name: str, capacity: int | None) -> str:
    """A lodging with its capacity: 民宿やまびこ（定員8） / (max 8)."""
    if capacity is None:
        return name
    return f"{name} (max {capacity})" if english() else f"{name}（定員{capacity}）"


def stage_marker(name: str, is_final: bool, is_dropout: bool, final_text: str, dropout_text: str) -> str:
    """The （修了）/（辞退） marker after a programme stage's name; none when the name already says it
    (a stage called 辞退 reads 辞退, not 辞退（辞退）). ``final_text``/``dropout_text`` are the tr()'d markers."""
    if is_final:
        return "" if "修了" in name and not english() else final_text
    if is_dropout:
        return "" if "辞退" in name and not english() else dropout_text
    return ""


def yes_no(value: bool) -> str:
    """A yes/no value in a preview: 可 / 不可, or yes / no."""
    if english():
        return "yes" if value else "no"
    return "可" if value else "不可"


def unnamed_column(number: int) -> str:
    """A spreadsheet column without a header: （3列目） / (column 3)."""
    return f"(column {number})" if english() else f"（{number}列目）"


def more_count(count: int) -> str:
    """What does not fit in a day of the month view: +2件 / +2 more."""
    return f"+{count} more" if english() else f"+{count}件"


def stay_title(stay) -> str:
    """A stay on the calendar (services.stay_calendar.StayRow.title), cancelled ones marked, in the window's words."""
    if not english():
        title = stay.title()
        return f"中止 {title}" if stay.status == "中止" else title
    who = stay.person_names[0] if stay.person_names else "(no participants)"
    if stay.persons > 1:
        who += f" +{stay.persons - 1}"
    place = stay.host_name or stay.lodging_name
    if stay.host_name and stay.lodging_name and stay.lodging_name != stay.host_name:
        place += f" (sleeps at {stay.lodging_name})"
    title = f"{who} — {place}" if place else who
    return f"Cancelled: {title}" if stay.status == "中止" else title


# The services' most common refusals, in English for the window in English mode (installed as
# domain.errors' message display). A message not listed stays as the service wrote it.
_ERRORS: list[tuple[re.Pattern, str]] = [(re.compile(pattern), text) for pattern, text in (
    (r"^氏名を入力してください。$", "Enter the name."),
    (r"^氏名は(\d+)文字以内で入力してください。$", r"The name can be at most \1 characters."),
    (r"^フリガナはカタカナ（またはひらがな）で入力してください。$", "Write the furigana in katakana (or hiragana)."),
    (r"^メールアドレス「(.*)」の形式が正しくありません（例: (.*)）。$", r"The e-mail address “\1” is not valid (e.g. \2)."),
    (r"^電話番号「(.*)」は桁数が合いません（10桁または11桁）。$", r"The phone number “\1” has the wrong number of digits (10 or 11)."),
    (r"^郵便番号は7桁の数字で入力してください（例: (.*)）。$", r"Enter the postal code as 7 digits (e.g. \1)."),
    (r"^生年月日が未来の日付です。$", "The date of birth is in the future."),
    (r"^同意日が未来の日付です。$", "The consent date is in the future."),
    (r"^開始日を入力してください。$", "Enter the start date."),
    (r"^終了日を入力してください。$", "Enter the end date."),
    (r"^終了日 (\S+) が開始日 (\S+) より前です。$", r"The end date \1 is before the start date \2."),
    (r"^滞在する参加者を1人以上選んでください。$", "Choose at least one participant for the stay."),
    (r"^受入先か宿泊先のどちらかを選んでください。$", "Choose a host or a lodging."),
    (r"^開始日 (\S+) が未来の滞在は「実施済」にできません。$", r"A stay that starts in the future (\1) cannot be Done."),
    (r"^目的は(\d+)文字以内で入力してください。$", r"The purpose can be at most \1 characters."),
    (r"^受入先の名称を入力してください。$", "Enter the host's name."),
    (r"^名称は(\d+)文字以内で入力してください。$", r"The name can be at most \1 characters."),
    (r"^1泊の定員は1〜1000名で入力してください（宿泊しない受入先は空欄）。$",
     "Capacity per night is 1 to 1000 persons (leave it empty for a host where nobody sleeps)."),
    (r"^(\S+) の夜、(.+) の定員 (\d+) 名を超えます（この滞在を含めて (\d+) 名）。定員を超えて登録するには理由を入力してください。$",
     r"On the night of \1, \2 would be over its capacity of \3 (\4 with this stay). Give a reason to save it anyway."),
    (r"^(.+) さんは (\S+)〜(\S+) に別の滞在(?:（(.+)）)?があり、日付が重なります。日付を変えるか、先の滞在を中止にしてください。$",
     r"\1 already has a stay from \2 to \3 (\4). Change the dates or cancel the other stay."),
    (r"^「(.*)」は日付として読めません（例: .*）。$", r"“\1” is not a date (e.g. 2026/11/27, R8.11.27, 令和8年11月27日)."),
    (r"^(.*) は存在しない日付です。$", r"\1 is not a day of the calendar."),
    (r"^目標には名前を入力してください。$", "Give each target a name."),
    (r"^印刷するラベルがありません。$", "There are no labels to print."),
)]
_NOT_FOUND = re.compile(r"^(.+?)が見つかりません（削除された可能性があります）。$")


def error_text(message: str) -> str:
    """A service's message in English where it is one of the common ones (English mode only)."""
    if not english() or not message:
        return message
    lines = []
    for line in message.split("\n"):
        for pattern, text in _ERRORS:
            if pattern.match(line):
                line = pattern.sub(text, line).replace(" ()", "")
                break
        else:
            match = _NOT_FOUND.match(line)
            if match:
                line = f"{english_label(match[1], record_column=True)} not found (it may have been deleted)."
        lines.append(line)
    return "\n".join(lines)


def segment_description(criteria) -> str:
    """A segment in words: services.segments.describe, or the same parts in English."""
    from kankei_desktop.services import segments

    if not english():
        return segments.describe(criteria)
    names = lambda values: ", ".join(english_name(v) for v in values)  # noqa: E731
    parts = []
    if criteria.ladder_stages:
        parts.append(f"stage {names(criteria.ladder_stages)}")
    if criteria.ties:
        parts.append(f"ties {names(criteria.ties)}")
    if criteria.residence_areas:
        parts.append(f"living in {names(criteria.residence_areas)}")
    if criteria.programme_id or criteria.programme_stage_ids:
        parts.append("enrolled in the programme")
    after, before = criteria.last_touch_after, criteria.last_touch_before
    if after or before:
        span = " and ".join(filter(None, [f"on or after {display_date(after)}" if after else "",
                                          f"on or before {display_date(before)}" if before else ""]))
        never = ("persons never contacted included" if criteria.never_contacted == segments.NEVER_INCLUDE
                 else "persons never contacted left out")
        parts.append(f"last contact {span} ({never})")
    if criteria.tags:
        parts.append(f"interests and skills {', '.join(criteria.tags)}")
    if criteria.contact_ok is not None:
        parts.append("contact OK" if criteria.contact_ok else "no contact")
    if criteria.photo_ok is not None:
        parts.append("photos OK" if criteria.photo_ok else "no photos")
    if criteria.text:
        parts.append(f"containing “{criteria.text}”")
    return "; ".join(parts) or "Everyone"

# データの交換: the findings apply_package lists after a package (services/exchange/rules.py, apply.py).
_EXCHANGE_FINDINGS = [(re.compile(pattern), text) for pattern, text in (
    (r"^(.+) の定員 (\d+) 名を (\S+) の夜に超えています（(\d+) 名、ほか (\d+) 夜）。両方の事務所の滞在を合わせた結果です。$",
     r"\1 is over its capacity of \2 on the night of \3 (\4 persons; \5 more nights), counting the stays of both offices."),
    (r"^(.+) さんの滞在 (\S+)〜(\S+) と (\S+)〜(\S+) の日付が重なっています。$", r"The stays of \1 from \2 to \3 and from \4 to \5 overlap."),
    (r"^(.+) さんは両方の事務所で別々に登録されているようです。統合を検討してください。$",
     r"\1 seems to be registered at both offices separately. Consider merging the two."),
    (r"^同じ参加者が同じプログラムに両方の事務所で登録されていたため、一方の参加登録を削除しました。内容を確かめてください。$",
     "The same participant was enrolled in the same programme at both offices; one enrollment was deleted. Check it."),
)]


def exchange_finding(message: str) -> str:
    """A finding of an applied exchange file, in English in English mode."""
    if english():
        for pattern, text in _EXCHANGE_FINDINGS:
            if pattern.match(message):
                message = pattern.sub(text, message)
                break
    return re.sub(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", r"\1/\2/\3", message)
