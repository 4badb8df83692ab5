"""The built-in programme pipelines from the seed document.

A stage is (name, is_final, is_dropout). The coordinator can copy a template
and change its stages; custom programmes start from ``CUSTOM``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kankei_desktop.domain.enums import ProgrammeKind


@dataclass(frozen=True)
class StageTemplate:
    name: str
    is_final: bool = False
    is_dropout: bool = False


@dataclass(frozen=True)
class ProgrammeTemplate:
    kind: ProgrammeKind
    stages: tuple[StageTemplate, ...]
    description: str = ""


TEMPLATES: dict[ProgrammeKind, ProgrammeTemplate] = {
    ProgrammeKind.OTETSUDAI: ProgrammeTemplate(
        ProgrammeKind.OTETSUDAI,
        (
            StageTemplate("申込"),
            StageTemplate("マッチング済"),
            StageTemplate("実施済"),
            StageTemplate("お礼済", is_final=True),
            StageTemplate("キャンセル", is_dropout=True),
        ),
        "農繁期や集落行事・共同作業のおてつだい（半日〜数日）。人日で数えます。",
    ),
    ProgrammeKind.KOME_LETTER: ProgrammeTemplate(
        ProgrammeKind.KOME_LETTER,
        (
            StageTemplate("対象者登録"),
            StageTemplate("発送済"),
            StageTemplate("到着確認"),
            StageTemplate("お礼状受領"),
            StageTemplate("お礼ツアー参加", is_final=True),
            StageTemplate("辞退", is_dropout=True),
        ),
        "農家が手紙を添えてお米を学生に送り、学生はお礼状と料理の写真を返します。",
    ),
    ProgrammeKind.QUEST: ProgrammeTemplate(
        ProgrammeKind.QUEST,
        (
            StageTemplate("応募"),
            StageTemplate("説明会参加"),
            StageTemplate("面談済"),
            StageTemplate("参加決定"),
            StageTemplate("クエスト実施中"),
            StageTemplate("修了", is_final=True),
            StageTemplate("辞退", is_dropout=True),
        ),
        "地域の人と暮らし働く数日間の滞在（11月〜1月）。",
    ),
    ProgrammeKind.CUSTOM: ProgrammeTemplate(
        ProgrammeKind.CUSTOM,
        (
            StageTemplate("申込"),
            StageTemplate("参加"),
            StageTemplate("修了", is_final=True),
            StageTemplate("辞退", is_dropout=True),
        ),
    ),
}
