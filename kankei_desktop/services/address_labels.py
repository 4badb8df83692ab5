"""Who gets an address label, and the label PDF written from a selection or a segment.

Persons who said no to contact (連絡不可) are left out unless the coordinator
overrides it, and the override is written to the audit log with their names.
A selected person without a usable address refuses the whole export, naming
everyone concerned, so no sheet is printed with holes in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.domain.tables import Host, Person
from kankei_desktop.reports.labels import PRESETS, LabelAddress, LabelGeometry, split_address, write_labels_pdf
from kankei_desktop.services import settings_store
from kankei_desktop.services.settings_store import Declared
from kankei_desktop.store import audit

ORGANISATION_POSTAL_CODE = Declared("organisation_postal_code", "", "団体の郵便番号（差出人ラベル）",
                                    settings_store.postal_code)
ORGANISATION_ADDRESS = Declared("organisation_address", "", "団体の住所（差出人ラベル）")
ORGANISATION_BUILDING = Declared("organisation_building", "", "団体の住所・建物名（差出人ラベル）")
ORGANISATION_PHONE = Declared("organisation_phone", "", "団体の電話番号（差出人ラベル）", settings_store.phone_number)


@dataclass
class LabelSummary:
    labels: int
    pages: int
    left_out: list[str] = field(default_factory=list)  # 連絡不可 persons not printed
    overridden: list[str] = field(default_factory=list)  # 連絡不可 persons printed on purpose


def _has_address(postal: str, city: str, street: str) -> bool:
    return len(postal) == 7 and bool(city or street)


def person_labels(session: Session, person_ids: list[str], *, include_no_contact: bool = False,
                  honorific: str | None = None) -> tuple[list[LabelAddress], list[str], list[str]]:
    """(labels in フリガナ order, names left out for 連絡不可, names printed despite 連絡不可)."""
    honorific = honorific if honorific is not None else settings_store.get(session, settings_store.HONORIFIC_PERSON)
    ids = list(dict.fromkeys(person_ids))
    rows = []
    for start in range(0, len(ids), 500):
        rows += session.execute(
            select(Person.id, Person.name, Person.postal_code, Person.prefecture, Person.city, Person.address_line,
                   Person.address_building, Person.contact_ok, Person.furigana_sort, Person.deleted_at)
            .where(Person.id.in_(ids[start:start + 500]))  # tombstones filtered below: see followups._live_names
        ).all()
    rows = [row for row in rows if row.deleted_at is None]
    if len(rows) != len(ids):
        raise NotFoundError("選んだ参加者の中に、見つからない（削除された）人がいます。")
    rows.sort(key=lambda r: (r.furigana_sort, r.name))
    left_out = [r.name for r in rows if not r.contact_ok and not include_no_contact]
    overridden = [r.name for r in rows if not r.contact_ok and include_no_contact]
    printed = [r for r in rows if r.contact_ok or include_no_contact]
    missing = [r.name for r in printed if not _has_address(r.postal_code, r.city, r.address_line)]
    if missing:
        raise ValidationError({"address": f"住所（郵便番号と住所）が登録されていない人がいるため、ラベルを作れません: "
                                          f"{'、'.join(missing)}。参加者の画面で住所を入力するか、選択から外してください。"})
    labels = [LabelAddress(r.postal_code, *split_address(r.prefecture, r.city, r.address_line, r.address_building),
                           r.name, honorific) for r in printed]
    return labels, left_out, overridden


def host_labels(session: Session, host_ids: list[str], *, honorific: str | None = None) -> list[LabelAddress]:
    """Hosts are organisations or farms: 御中 by default (setting 敬称（団体）)."""
    honorific = honorific if honorific is not None else settings_store.get(session, settings_store.HONORIFIC_ORGANISATION)
    rows = session.execute(
        select(Host.name, Host.postal_code, Host.prefecture, Host.city, Host.address_line, Host.address_building,
               Host.contact_person)
        .where(Host.id.in_(list(host_ids)), Host.deleted_at.is_(None)).order_by(Host.name)
    ).all()
    if len(rows) != len(set(host_ids)):
        raise NotFoundError("選んだ受入先の中に、見つからない（削除された）ものがあります。")
    missing = [r.name for r in rows if not _has_address(r.postal_code, r.city, r.address_line)]
    if missing:
        raise ValidationError({"address": f"住所が登録されていない受入先があるため、ラベルを作れません: {'、'.join(missing)}。"})
    return [LabelAddress(r.postal_code, *split_address(r.prefecture, r.city, r.address_line, r.address_building),
                         r.name, honorific) for r in rows]


def sender_label(session: Session) -> LabelAddress:
    name = settings_store.get(session, settings_store.ORGANISATION_NAME)
    if not name:
        raise ValidationError({"sender": "差出人ラベルには団体名が必要です。設定で「団体名」を入力してください。"})
    phone = settings_store.get(session, ORGANISATION_PHONE)
    address = settings_store.get(session, ORGANISATION_ADDRESS)
    building = settings_store.get(session, ORGANISATION_BUILDING)
    return LabelAddress(settings_store.get(session, ORGANISATION_POSTAL_CODE), address,
                        building or (f"TEL {phone}" if phone else ""), name, "", note="差出人")


def export_labels(session: Session, out: Path, *, person_ids: list[str] | None = None, segment: str | None = None,
                  host_ids: list[str] | None = None, layout: str = "a4-12", geometry: LabelGeometry | None = None,
                  start: int = 1, include_no_contact: bool = False, sender_labels: int = 0,
                  calibration_page: bool = False, honorific: str | None = None) -> LabelSummary:
    """Write the label PDF for persons (ids or a saved segment) and/or hosts."""
    if geometry is None:
        if layout not in PRESETS:
            raise ValidationError({"layout": f"レイアウト「{layout}」はありません（{' / '.join(PRESETS)}）。"})
        geometry = PRESETS[layout]
    ids = list(person_ids or [])
    if segment:
        from kankei_desktop.services.segments import person_ids_for_segment_name

        ids += person_ids_for_segment_name(session, segment)
    labels, left_out, overridden = person_labels(session, ids, include_no_contact=include_no_contact,
                                                 honorific=honorific) if ids else ([], [], [])
    if host_ids:
        labels += host_labels(session, host_ids)
    if sender_labels:
        labels += [sender_label(session)] * sender_labels
    if not labels:
        detail = f"（連絡不可で除外: {'、'.join(left_out)}）" if left_out else ""
        raise ValidationError({"labels": f"印刷するラベルがありません{detail}。"})
    pages = write_labels_pdf(Path(out), labels, geometry, start=start, calibration_page=calibration_page,
                             author=settings_store.document_author(session))
    changes = {"labels": [None, len(labels)], "layout": [None, geometry.name], "file": [None, Path(out).name]}
    if overridden:
        changes["contact_override"] = [None, overridden]  # printed for persons who refused contact, on purpose
    audit.record(session, "export", "label", segment or "", changes)
    return LabelSummary(len(labels), pages, left_out, overridden)
