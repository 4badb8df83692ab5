"""Closed vocabularies, stored as their Japanese text.

The stored value is the word a coordinator sees in Excel and in the PDF, so an
export needs no translation table and a SQL query reads naturally.
"""

from __future__ import annotations

from enum import StrEnum


class LadderStage(StrEnum):
    INTERESTED = "関心"
    PARTICIPATED = "参加"
    REPEATER = "リピート"
    CARRIER = "担い手"
    CONSIDERING_MOVE = "移住検討"
    MOVED_IN = "移住"

    @property
    def rank(self) -> int:
        return list(LadderStage).index(self)


class Tie(StrEnum):
    BORN_HERE = "出身者"
    FORMER_RESIDENT = "元居住者"
    RELATIVES_HERE = "親族が在住"
    COMMUTED_HERE = "通勤・通学経験"
    REPEAT_TOURIST = "観光リピーター"
    HOMETOWN_TAX_DONOR = "ふるさと納税寄附者"
    WORK_RELATION = "仕事上の関わり"
    UNIVERSITY = "大学・ゼミ"
    NONE = "なし"


RESIDENCE_AREAS = (
    "東京圏",
    "名古屋圏",
    "関西圏",
    "県内都市部",
    "県内その他",
    "その他の道府県",
    "海外",
)


class HostKind(StrEnum):
    FARM = "農家"
    COMMUNITY = "集落・公民館"
    NPO = "NPO・団体"
    COMPANY = "企業"
    LODGING = "宿泊施設"
    OTHER = "その他"


class StayKind(StrEnum):
    DAY_TRIP = "日帰り"
    SHORT = "短期滞在"
    LONG = "長期滞在"


class StayStatus(StrEnum):
    PLANNED = "予定"
    CONFIRMED = "確定"
    DONE = "実施済"
    CANCELLED = "中止"


class LetterDirection(StrEnum):
    TO_PERSON = "地域→参加者"
    FROM_PERSON = "参加者→地域"


class LetterStatus(StrEnum):
    DRAFT = "作成中"
    SENT = "発送済"
    RECEIVED = "受取済"
    RETURNED = "返送"


class Carrier(StrEnum):
    YUPACK = "ゆうパック"
    YAMATO = "ヤマト運輸"
    SAGAWA = "佐川急便"
    JAPAN_POST_OTHER = "日本郵便 定形外/レターパック"
    OTHER = "その他"


class ShipmentStatus(StrEnum):
    PREPARED = "準備中"
    SHIPPED = "発送済"
    DELIVERED = "配達済"
    RETURNED = "返送"


class InteractionKind(StrEnum):
    ONLINE_EVENT = "オンラインイベント参加"
    EVENT = "イベント参加"
    CONSULTATION = "相談窓口"
    DONATION = "寄附（ふるさと納税）"
    PURCHASE = "物産購入"
    SNS_MAIL = "SNS・メール"
    VISIT = "訪問"
    VOLUNTEER = "ボランティア"
    HOSTING = "主催・講師"
    OTHER = "その他"


# Kinds that count as taking part (docs/kpi.md); the rest are touches.
PARTICIPATION_KINDS = frozenset(
    {
        InteractionKind.ONLINE_EVENT,
        InteractionKind.EVENT,
        InteractionKind.VISIT,
        InteractionKind.VOLUNTEER,
        InteractionKind.HOSTING,
    }
)


class ProgrammeKind(StrEnum):
    OTETSUDAI = "おてつだいPlus"
    KOME_LETTER = "お米レター"
    QUEST = "田舎暮らしクエスト"
    CUSTOM = "その他"
