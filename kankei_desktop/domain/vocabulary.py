"""English display names for the stored Japanese vocabulary (``domain/enums.py``).

The database keeps the Japanese word (it is what the coordinator types, exports and prints);
in English mode the window shows these names instead. Only the program's own closed
vocabularies are here — names of persons, hosts, programmes and their stages are data and
stay as entered.
"""

from __future__ import annotations

from kankei_desktop.domain.enums import (
    RESIDENCE_AREAS,
    Carrier,
    HostKind,
    InteractionKind,
    LadderStage,
    LetterDirection,
    LetterStatus,
    ProgrammeKind,
    ShipmentStatus,
    StayKind,
    StayStatus,
    Tie,
)

ENGLISH: dict[str, str] = {
    LadderStage.INTERESTED: "Interested",
    LadderStage.PARTICIPATED: "Took part",
    LadderStage.REPEATER: "Repeater",
    LadderStage.CARRIER: "Contributor",
    LadderStage.CONSIDERING_MOVE: "Considering moving",
    LadderStage.MOVED_IN: "Moved in",
    Tie.BORN_HERE: "Born here",
    Tie.FORMER_RESIDENT: "Former resident",
    Tie.RELATIVES_HERE: "Relatives here",
    Tie.COMMUTED_HERE: "Worked or studied here",
    Tie.REPEAT_TOURIST: "Repeat visitor",
    Tie.HOMETOWN_TAX_DONOR: "Hometown-tax donor",
    Tie.WORK_RELATION: "Work connection",
    Tie.UNIVERSITY: "University / seminar",
    Tie.NONE: "None",
    "東京圏": "Tokyo area",
    "名古屋圏": "Nagoya area",
    "関西圏": "Kansai area",
    "県内都市部": "Cities in the prefecture",
    "県内その他": "Elsewhere in the prefecture",
    "その他の道府県": "Other prefectures",
    "海外": "Abroad",
    HostKind.FARM: "Farm",
    HostKind.COMMUNITY: "Community / hall",
    HostKind.NPO: "NPO / group",
    HostKind.COMPANY: "Company",
    HostKind.LODGING: "Lodging",
    HostKind.OTHER: "Other",
    StayKind.DAY_TRIP: "Day trip",
    StayKind.SHORT: "Short stay",
    StayKind.LONG: "Long stay",
    StayStatus.PLANNED: "Planned",
    StayStatus.CONFIRMED: "Confirmed",
    StayStatus.DONE: "Done",
    StayStatus.CANCELLED: "Cancelled",
    LetterDirection.TO_PERSON: "Region → participant",
    LetterDirection.FROM_PERSON: "Participant → region",
    LetterStatus.DRAFT: "Draft",
    LetterStatus.SENT: "Sent",
    LetterStatus.RECEIVED: "Received",
    LetterStatus.RETURNED: "Returned",
    Carrier.YUPACK: "Yu-Pack",
    Carrier.YAMATO: "Yamato Transport",
    Carrier.SAGAWA: "Sagawa Express",
    Carrier.JAPAN_POST_OTHER: "Japan Post (non-standard / Letter Pack)",
    ShipmentStatus.PREPARED: "Preparing",
    ShipmentStatus.DELIVERED: "Delivered",
    InteractionKind.ONLINE_EVENT: "Online event",
    InteractionKind.EVENT: "Event",
    InteractionKind.CONSULTATION: "Consultation desk",
    InteractionKind.DONATION: "Donation (hometown tax)",
    InteractionKind.PURCHASE: "Bought local products",
    InteractionKind.SNS_MAIL: "Social media / e-mail",
    InteractionKind.VISIT: "Visit",
    InteractionKind.VOLUNTEER: "Volunteering",
    InteractionKind.HOSTING: "Organiser / speaker",
    ProgrammeKind.OTETSUDAI: "Otetsudai Plus",
    ProgrammeKind.KOME_LETTER: "Rice letter",
    ProgrammeKind.QUEST: "Country-life quest",
    # gender, as the person editor offers it
    "女": "Female", "男": "Male", "無回答": "No answer", "女性": "Female", "男性": "Male",
}
ENGLISH = {str(word): name for word, name in ENGLISH.items()}
assert set(RESIDENCE_AREAS) <= set(ENGLISH)

LIST_SEPARATOR = "、"


def english_name(text: str) -> str:
    """The English name of a stored word, or of a 「、」-joined list of them; anything else unchanged."""
    if not text:
        return text
    if text in ENGLISH:
        return ENGLISH[text]
    parts = text.split(LIST_SEPARATOR)
    if len(parts) > 1 and all(part.strip() in ENGLISH for part in parts):
        return ", ".join(ENGLISH[part.strip()] for part in parts)
    return text


def is_vocabulary(text: str) -> bool:
    return text in ENGLISH


# Labels the services write for the CLI and the PDF (audit actions and records, follow-up
# actions, timeline kinds, import decisions): the window shows these names in English mode.
PROGRAM_WORDS: dict[str, str] = {
    # audit log: actions
    "作成": "Created", "変更": "Changed", "削除": "Deleted", "復元": "Restored", "統合": "Merged",
    "取り込み": "Import", "出力": "Export", "レポート": "Report", "個人情報の消去": "Personal data erased",
    "連絡不可の人を含めた出力": "Output including persons who refused contact",
    # audit log: records
    "参加者": "Participant", "プログラム": "Programme", "参加": "Enrollment", "滞在": "Stay", "受入先": "Host",
    "手紙": "Letter", "発送": "Shipment", "関わり": "Contact", "設定": "Setting", "添付": "Attachment",
    "独自指標": "Custom indicator", "独自指標の値": "Custom indicator value",
    # 要対応: the one-click actions
    "配達済にする": "Mark delivered", "返信を記録": "Record the reply", "お礼ツアーを記録": "Record the thank-you tour",
    # timeline kinds
    "参加登録": "Enrolled", "段階変更": "Stage changed", "関わりの段階": "Stage of involvement",
    # import decisions
    "新規": "New", "重複": "Duplicate", "エラー": "Error",
    "新規登録": "Create", "更新": "Update", "取り込まない": "Skip",
    # why a backup was taken
    # file encodings offered by the import
    "UTF-8（BOM付き）": "UTF-8 (with BOM)", "Shift_JIS（CP932）": "Shift_JIS (CP932)",
    "UTF-16（Unicode テキスト）": "UTF-16 (Unicode text)",
    "起動時": "On opening", "終了時": "On closing", "定期": "Periodic", "手動": "By hand",
    "更新前": "Before upgrade", "取り込み前": "Before import", "取り込み後": "After import",
    "統合前": "Before merge", "統合後": "After merge", "一括変更前": "Before bulk change",
    "復元前": "Before restore", "消去前": "Before erasure",
}


def english_label(text: str, *, record_column: bool = False) -> str:
    """A program label (``PROGRAM_WORDS``) or a stored word in English; anything else unchanged.

    ``record_column``: the text is known to be a label column (an audit action, a timeline
    kind…), where 参加 means an enrollment rather than the ladder stage 参加.
    """
    if record_column and text in PROGRAM_WORDS:
        return PROGRAM_WORDS[text]
    name = english_name(text)
    if name != text:
        return name
    return PROGRAM_WORDS.get(text, text)


# The audit log's field names (services/audit_log.FIELD_LABELS) in English.
FIELD_NAMES_EN: dict[str, str] = {
    "name": "Name", "furigana": "Furigana", "birth_date": "Date of birth", "gender": "Gender", "email": "E-mail",
    "phone": "Phone", "postal_code": "Postal code", "prefecture": "Prefecture", "city": "City",
    "address_line": "Street", "address_building": "Building", "residence_area": "Residence",
    "affiliation": "Affiliation", "ladder_stage": "Stage of involvement", "contact_ok": "Contact OK",
    "photo_ok": "Photos OK", "consent_date": "Consent date", "found_via": "Found us via", "notes": "Notes",
    "ties": "Ties", "interests": "Interests", "skills": "Skills", "summary": "Summary", "note": "Note",
    "status": "Status",
}
