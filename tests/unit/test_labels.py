"""Address labels: text and embedded fonts checked with pypdf; refusals write nothing."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import AuditEntry, Host
from kankei_desktop.reports.labels import PRESETS, custom_geometry, split_address, write_calibration_pdf
from kankei_desktop.services import address_labels, settings_store
from kankei_desktop.services.participants import PersonInput, create_person

NAMES = ("山田 太郎", "佐藤 花子", "長谷川 左右衛門之助")


@pytest.fixture
def people(session):
    settings_store.put(session, settings_store.ORGANISATION_NAME, "NPO法人 山北むらづくり")
    return [create_person(session, PersonInput(name=name, postal_code="951-8000", prefecture="新潟県",
                                               city="新潟市中央区", address_line=f"旭町{i}-1",
                                               address_building="メゾン旭 101号室" if i == 0 else ""))
            for i, name in enumerate(NAMES)]


def _text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _embedded_fonts(path):
    found = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    found.add(str(font["/BaseFont"]))
            if "/FontDescriptor" in font and "/FontFile2" in font["/FontDescriptor"].get_object():
                found.add(str(font["/BaseFont"]))
    return found


def _all_fonts(path):
    return {str(f.get_object()["/BaseFont"]) for page in PdfReader(path).pages
            for f in page["/Resources"]["/Font"].values()}


@pytest.mark.parametrize("layout", ["a4-12", "a4-24"])
def test_labels_have_postal_mark_honorific_every_name_and_embedded_fonts(session, people, tmp_path, layout):
    out = tmp_path / "labels.pdf"
    summary = address_labels.export_labels(session, out, person_ids=people, layout=layout, sender_labels=1)
    assert (summary.labels, summary.pages) == (4, 1)
    text = _text(out)
    assert "〒951-8000" in text and "様" in text
    for name in NAMES:
        assert name in text
    assert "NPO法人 山北むらづくり" in text and "差出人" in text
    assert "メゾン旭 101号室" in text
    fonts = _all_fonts(out)
    assert fonts and _embedded_fonts(out) == fonts  # every font used is embedded (FontFile2)
    assert all("BIZUDPGothic" in f for f in fonts)


def test_start_position_spills_onto_a_second_sheet(session, people, tmp_path):
    out = tmp_path / "labels.pdf"
    summary = address_labels.export_labels(session, out, person_ids=people, layout="a4-12", start=11)
    assert summary.pages == 2  # positions 11 and 12, then the first label of a new sheet


def test_contact_refused_left_out_unless_overridden_and_audited(session, people, tmp_path):
    from kankei_desktop.domain.tables import Person

    session.get(Person, people[1]).contact_ok = False
    session.flush()
    out = tmp_path / "a.pdf"
    summary = address_labels.export_labels(session, out, person_ids=people)
    assert summary.left_out == ["佐藤 花子"] and "佐藤 花子" not in _text(out)
    summary = address_labels.export_labels(session, tmp_path / "b.pdf", person_ids=people, include_no_contact=True)
    assert summary.overridden == ["佐藤 花子"] and "佐藤 花子" in _text(tmp_path / "b.pdf")
    entry = session.execute(select(AuditEntry.changes_json).where(AuditEntry.entity == "label")
                            .order_by(AuditEntry.at.desc())).scalars().first()
    assert json.loads(entry)["contact_override"] == [None, ["佐藤 花子"]]


def test_person_without_address_refused_by_name_and_nothing_written(session, people, tmp_path):
    nowhere = create_person(session, PersonInput(name="住所 なし"))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(ValidationError) as error:
        address_labels.export_labels(session, out_dir / "labels.pdf", person_ids=[*people, nowhere])
    assert "住所 なし" in error.value.message
    assert list(out_dir.iterdir()) == []


def test_hosts_get_onchu(session, tmp_path):
    session.add(Host(name="佐藤農園", kind="農家", postal_code="9583200", prefecture="新潟県", city="村上市",
                     address_line="山北1-2"))
    session.flush()
    host_id = session.execute(select(Host.id)).scalar_one()
    address_labels.export_labels(session, tmp_path / "h.pdf", host_ids=[host_id])
    assert "御中" in _text(tmp_path / "h.pdf")


def test_custom_geometry_and_calibration(tmp_path):
    geometry = custom_geometry("a4-12", left_mm=20.0, top_mm=22.0)
    write_calibration_pdf(tmp_path / "cal.pdf", geometry)
    text = _text(tmp_path / "cal.pdf")
    assert "左余白 20 mm" in text and "86.4×42.3 mm" in text and "12" in text
    with pytest.raises(ValidationError) as error:
        custom_geometry("a4-24", left_mm=5.0)  # three 70 mm labels no longer fit across
    assert "はみ出します" in error.value.message
    assert PRESETS["a4-24"].per_page == 24


def test_split_address():
    assert split_address("新潟県", "新潟市中央区", "旭町1-1", "メゾン旭 101") == ("新潟県新潟市中央区旭町1-1", "メゾン旭 101")
    assert split_address("新潟県", "新潟市中央区", "西堀通三番町二丁目八十八番地の二十", "") == (
        "新潟県新潟市中央区", "西堀通三番町二丁目八十八番地の二十")
