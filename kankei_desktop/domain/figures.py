"""The shapes of the figures (docs/kpi.md): what ``services.kpis.compute_kpis`` returns and the
dashboard, ``kankei-desktop stats`` and the progress PDF read. Plain values, so reports can draw
them without importing the service that counts them. ``KpiReport.to_json_dict()`` is the stable
JSON of ``docs/stats-json.md``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from kankei_desktop.domain.calendar import fiscal_year_label, fiscal_year_period

SCHEMA_VERSION = 1


@dataclass
class FunnelStage:
    name: str
    position: int
    is_final: bool
    is_dropout: bool
    reached: int  # enrollments that ever reached the stage by the period's end
    current: int  # enrollments at the stage on the period's last day
    conversion: float | None  # reached the next (non-dropout) stage ÷ reached this one
    median_days: float | None  # for enrollments that left the stage


@dataclass
class PersonFigures:
    unique_persons: int  # 実人数
    person_visits: int  # のべ人数
    visits_from_stays: int
    visits_from_interactions: int
    visits_from_mail: int  # お米レター parcels and letters (docs/kpi.md)
    repeaters: int
    repeat_share: float | None
    continuing: int
    previous_year_unique_persons: int
    continuing_rate: float | None  # 継続者 ÷ 実人数 of the previous fiscal year
    sustained: int  # 継続的関与者 (例2)
    sustained_base: int
    sustained_share: float | None


@dataclass
class PersonDays:
    achieved: int  # 実施済
    planned: int  # 予定・確定
    target: float | None
    progress: float | None  # achieved ÷ target


@dataclass
class TargetFigure:
    programme: str | None
    key: str
    name: str
    unit: str
    target: float
    actual: float | None  # None: a named target the app does not count (printed as entered)
    progress: float | None


@dataclass
class ProgrammeFigures:
    programme_id: str
    name: str
    kind: str
    fiscal_year: int
    unique_persons: int
    person_visits: int
    repeaters: int
    repeat_share: float | None
    person_days: PersonDays
    enrollments: int
    funnel: list[FunnelStage]
    targets: list[TargetFigure]
    reach: int | None = None  # お米レター: persons a parcel was shipped to in the period
    letters_received: int | None = None  # お米レター: letters received from persons in the period


@dataclass
class MonthFigures:
    month: str  # YYYY-MM
    person_visits: int
    unique_persons: int


@dataclass
class LadderCount:
    stage: str
    persons: int


@dataclass
class LadderFigures:
    stages: list[LadderCount]  # on the period's last day, in ladder order
    moves_up: int
    persons_moved_up: int


@dataclass
class MailFigures:
    letters_sent: int
    letters_received: int
    replies: int
    letters_replied: int
    reply_rate: float | None
    median_days_to_reply: float | None
    shipped: int
    delivered: int
    returned: int
    median_days_in_transit: float | None


@dataclass
class HostFigures:
    active_hosts: int
    side_job_companies: int  # 例1: active in the period
    side_job_companies_registered: int


@dataclass
class CustomIndicatorFigure:
    name: str
    unit: str
    value: float | None
    target: float | None
    source_note: str
    programme: str | None
    id: str = ""
    computed: bool = False  # the value was summed from 物産購入・寄附 amounts (not entered)
    pair: str | None = None  # the name of the paired indicator (例4), printed side by side
    target_key: str = ""  # the programme target this value counts toward
    programme_id: str | None = None


@dataclass
class KpiReport:
    fiscal_year: int
    quarter: int | None
    period_start: date
    period_end: date
    period_label: str
    programme_id: str | None
    programme: str | None
    has_data: bool
    persons: PersonFigures
    person_days: PersonDays
    monthly: list[MonthFigures]
    ladder: LadderFigures
    mail: MailFigures
    hosts: HostFigures
    programmes: list[ProgrammeFigures]
    targets: list[TargetFigure]
    custom_indicators: list[CustomIndicatorFigure]
    schema_version: int = field(default=SCHEMA_VERSION)

    def to_json_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


def period_label(fiscal_year: int, quarter: int | None) -> str:
    label = fiscal_year_label(fiscal_year)
    if quarter is None:
        return label
    period = fiscal_year_period(fiscal_year, quarter)
    return f"{label} 第{quarter}四半期（{period.start.month}月〜{period.end.month}月）"
