"""What every PDF promises, read back with pypdf: who made it, 和暦 dates, n / N, unbroken names.

The progress summary, the host schedule and the address labels are written by the real code
on small hand-made data; their text and metadata are read back from the file.
"""

from __future__ import annotations

import getpass
import re
from datetime import date, timedelta

import pytest
from kpi_known_data import build
from pypdf import PdfReader

from kankei_desktop.domain.calendar import wareki_date
from kankei_desktop.services.host_schedule import write_host_schedule
from kankei_desktop.reports.progress import SENSITIVE_MARK
from kankei_desktop.services.progress_report import ReportOptions, write_progress_report
from kankei_desktop.services import address_labels, settings_store, stays
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person

ORGANISATION = "NPO法人 テスト里山"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def progress(database, tmp_path, **options):
    with database.session() as session:
        result = write_progress_report(session, ReportOptions(fiscal_year=2026, **options), tmp_path / "r.pdf")
    reader = PdfReader(str(result.path))
    return reader, [page.extract_text() or "" for page in reader.pages]


@pytest.fixture
def known(database):
    with database.session() as session:
        build(session)
        settings_store.put(session, settings_store.ORGANISATION_NAME, ORGANISATION)
    return database


def test_author_is_the_organisation_when_none_is_configured_never_the_login(known, tmp_path):
    reader, pages = progress(known, tmp_path)
    assert reader.metadata.author == ORGANISATION
    assert f"作成者{flat(ORGANISATION)}" in flat(pages[0])
    login = getpass.getuser()
    if login not in ORGANISATION:
        assert login not in (reader.metadata.author or "") and f"作成者{login}" not in flat(pages[0])


def test_no_author_and_no_organisation_leaves_the_line_out(database, tmp_path):
    with database.session() as session:
        build(session)
    reader, pages = progress(database, tmp_path)
    assert "作成者" not in pages[0]
    assert (reader.metadata.author or "") in ("", "anonymous") and getpass.getuser() != reader.metadata.author


def test_period_and_date_in_wareki_with_the_western_year(known, tmp_path):
    _reader, pages = progress(known, tmp_path)
    cover = flat(pages[0])
    assert "対象期間令和8年4月1日〜令和9年3月31日（2026/04/01〜2027/03/31）" in cover
    today = date.today()
    assert f"作成日{wareki_date(today)}（{today:%Y/%m/%d}）" in cover


def test_every_page_numbered_and_overview_labels_on_one_line(known, tmp_path):
    _reader, pages = progress(known, tmp_path)
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in page
    overview = next(page for page in pages if "1. 概要" in page)
    lines = overview.splitlines()
    for label in ("関わりの段階が上がった回数", "副業・兼業人材を受け入れた中小企業", "継続者（前年度から）"):
        assert any(label in line for line in lines), f"「{label}」 is broken across lines"


def test_named_pages_keep_the_organisation_in_the_header(known, tmp_path):
    _reader, pages = progress(known, tmp_path, named=True)
    for page in pages[1:]:
        assert ORGANISATION in page and SENSITIVE_MARK in page


@pytest.fixture
def farm_with_a_crowd(session):
    settings_store.put(session, settings_store.ORGANISATION_NAME, ORGANISATION)
    names = ["阿部 啓介", "長谷川 左右衛門之助", "五十嵐 香織", "木村 泰太", "勅使河原 三郎", "林 杏", "小野寺 美代子"]
    ids = [create_person(session, PersonInput(name=name)) for name in names]
    farm = create_host(session, HostInput(name="渡辺農場", kind="農家"))
    start = date.today() + timedelta(days=400)
    stays.create_stay(session, stays.StayInput(person_ids=ids, host_id=farm, start_on=start,
                                               end_on=start + timedelta(days=1), purpose="稲刈り"))
    return farm, names, start


def test_host_schedule_real_date_unbroken_names_and_page_numbers(session, farm_with_a_crowd, tmp_path):
    farm, names, start = farm_with_a_crowd
    out = tmp_path / "schedule.pdf"
    listed_from = start - timedelta(days=30)  # --today: the first day listed, not the day it is made
    assert write_host_schedule(session, farm, out, today=listed_from) == 1
    reader = PdfReader(str(out))
    text = "\n".join(page.extract_text() for page in reader.pages)
    made = date.today()
    assert f"作成日:{wareki_date(made)}（{made:%Y/%m/%d}）" in flat(text)
    assert f"作成日:{wareki_date(listed_from)}" not in flat(text)
    lines = text.splitlines()
    for name in names:
        assert any(f"{name} 様" in line for line in lines), f"「{name} 様」 is broken across lines"
    for number, page in enumerate(reader.pages, start=1):
        assert f"{number} / {len(reader.pages)}" in page.extract_text()
    assert reader.metadata.author == ORGANISATION



def test_host_schedule_gathered_by_the_service_drawn_from_values(session, farm_with_a_crowd, tmp_path):
    """The service decides each line's words; the report draws a sheet it is handed, no database."""
    from kankei_desktop.reports.host_schedule import HostSchedule, ScheduleLine, write_host_schedule_pdf
    from kankei_desktop.services.host_schedule import host_schedule

    farm, names, start = farm_with_a_crowd
    sheet = host_schedule(session, farm, today=start - timedelta(days=30))
    assert (sheet.host_name, sheet.organisation, sheet.author) == ("渡辺農場", ORGANISATION, ORGANISATION)
    [line] = sheet.lines
    assert sorted(line.guests) == sorted(names)
    assert (line.days, line.purpose, line.other_party) == (2, "稲刈り", "—")
    assert line.period.startswith(f"{start:%Y/%m/%d} (") and "〜" in line.period

    drawn = HostSchedule("北の宿", "", "", "", "", date(2026, 12, 1), date(2026, 12, 1),
                         [ScheduleLine("2026/12/05 (土)", 1, ("佐藤 花子",), "受入: 南農園", "", "確定", "")])
    write_host_schedule_pdf(drawn, tmp_path / "drawn.pdf")
    text = PdfReader(str(tmp_path / "drawn.pdf")).pages[0].extract_text()
    assert "北の宿 受入予定表" in text and "佐藤 花子 様" in text and "受入: 南農園" in text

def test_label_sheet_forbids_print_scaling_and_names_its_author(session, tmp_path):
    settings_store.put(session, settings_store.ORGANISATION_NAME, ORGANISATION)
    person = create_person(session, PersonInput(name="山田 太郎", postal_code="951-8000", prefecture="新潟県",
                                                city="新潟市中央区", address_line="旭町1-1"))
    out = tmp_path / "labels.pdf"
    address_labels.export_labels(session, out, person_ids=[person])
    reader = PdfReader(str(out))
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/PrintScaling"] == "/None"
    assert reader.metadata.author == ORGANISATION


def test_stage_markers_once_and_one_word(database, tmp_path):
    from kankei_desktop.services.demo import load_demo_data

    with database.session() as session:
        load_demo_data(session)
    _reader, pages = progress(database, tmp_path)
    text = flat("".join(pages))
    assert "キャンセル（辞退）" in text and "お礼済（修了）" in text
    assert "修了（修了）" not in text and "辞退（辞退）" not in text and "離脱" not in text
