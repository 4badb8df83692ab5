"""The progress summary PDF: same numbers as the JSON, suppression, marking, fonts, safe writing."""

from __future__ import annotations

import os
import re

import plain_sql
import pytest
from kpi_known_data import EXPECTED, build
from pypdf import PdfReader

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.reports.progress import SENSITIVE_MARK
from kankei_desktop.services.progress_report import ReportOptions, write_progress_report
from kankei_desktop.reports.summary import summary_rows
from kankei_desktop.services import settings_store
from kankei_desktop.services.kpis import compute_kpis


@pytest.fixture
def known(database):
    with database.session() as session:
        ids = build(session)
        settings_store.put(session, settings_store.ORGANISATION_NAME, "NPO法人 テスト里山")
        settings_store.put(session, settings_store.REPORT_AUTHOR, "佐藤 花子")
    return database, ids


def make(database, tmp_path, name="report.pdf", **options):
    with database.session() as session:
        result = write_progress_report(session, ReportOptions(fiscal_year=options.pop("fiscal_year", 2026), **options),
                                       tmp_path / name)
    reader = PdfReader(str(result.path))
    pages = [page.extract_text() or "" for page in reader.pages]
    return result, reader, pages


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pdf_text_equals_the_computed_figures(known, tmp_path):
    database, _ids = known
    result, reader, pages = make(database, tmp_path)
    with database.session() as session:
        figures = compute_kpis(session, 2026)
    text = flat("".join(pages))
    for row in summary_rows(figures):
        assert flat(row.label + row.value) in text, row.label
    assert "実人数4名" in text and "のべ人数7人" in text
    assert result.pages == len(pages) and result.has_data
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in page
    assert reader.metadata.title.startswith("関係人口 進捗サマリー 令和8年度（2026年度）")
    assert reader.metadata.author == "佐藤 花子"
    cover = flat(pages[0])
    assert "NPO法人テスト里山" in cover and "令和8年度（2026年度）" in cover and "作成者佐藤花子" in cover
    assert "今年度は稲刈り体験が好評でした。" in text
    assert "地域に誇りを持つ住民の割合" in text and "62.5%" in text
    assert "付録指標の定義" in text


def test_bundled_font_is_embedded_and_nothing_else(known, tmp_path):
    database, _ids = known
    _result, reader, _pages = make(database, tmp_path)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    assert fonts and all("BIZUDPGothic" in name for name in fonts)
    assert all(fonts.values())  # embedded


def test_small_counts_suppressed_in_breakdowns_not_totals(known, tmp_path):
    database, _ids = known
    _result, _reader, pages = make(database, tmp_path)
    text = flat("".join(pages))
    assert "参加<3" in text  # the funnel stage 参加, reached by one enrollment
    assert f"実人数{EXPECTED['unique_persons']}名" in text  # totals stay as they are
    assert "参加者A" not in text  # aggregates only
    _result, _reader, pages = make(database, tmp_path, name="t1.pdf", threshold=1)
    text = flat("".join(pages))
    assert "<" not in text and "参加10" in text  # reached by 1, none left there at the end


def test_named_lists_mark_every_page(known, tmp_path):
    database, _ids = known
    _result, _reader, pages = make(database, tmp_path, named=True)
    assert all(SENSITIVE_MARK in page for page in pages)
    text = flat("".join(pages))
    assert "参加者A" in text and "参加者F" in text
    assert "参加者D" not in text  # deleted persons appear nowhere


def test_audit_entry_report(known, tmp_path):
    database, _ids = known
    make(database, tmp_path)
    connection = plain_sql.connect(database)
    try:
        assert connection.execute("SELECT count(*) FROM audit_log WHERE action = 'report'").fetchone()[0] == 1
    finally:
        connection.close()


def test_year_without_data_is_an_explicit_report(database, tmp_path):
    result, _reader, pages = make(database, tmp_path, fiscal_year=2031)
    assert not result.has_data
    text = flat("".join(pages))
    assert "令和13年度（2031年度）のデータはありません" in text
    assert "実人数0名" in text


def test_missing_folder_refused_without_a_file(known, tmp_path):
    database, _ids = known
    target = tmp_path / "nowhere" / "report.pdf"
    with database.session() as session, pytest.raises(ValidationError) as caught:
        write_progress_report(session, ReportOptions(fiscal_year=2026), target)
    assert "フォルダー" in caught.value.message
    assert not target.parent.exists()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_refused_without_a_file(known, tmp_path):
    database, _ids = known
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with database.session() as session, pytest.raises(ValidationError):
            write_progress_report(session, ReportOptions(fiscal_year=2026), folder / "report.pdf")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_failure_during_build_leaves_no_partial_file(known, tmp_path):
    database, _ids = known
    folder = tmp_path / "out"
    folder.mkdir()
    with database.session() as session, pytest.raises(ValidationError):
        write_progress_report(session, ReportOptions(fiscal_year=2026, threshold=0), folder / "bad.pdf")
    assert list(folder.iterdir()) == []


def test_demo_data_same_numbers_in_sql_json_and_pdf(database, tmp_path):
    from kankei_desktop.services import demo

    with database.session() as session:
        demo.load_demo_data(session)
    connection = plain_sql.connect(database)
    try:
        visits, unique = connection.execute("""
            SELECT count(*), count(DISTINCT person_id) FROM (
                SELECT i.person_id FROM interaction i JOIN person p ON p.id = i.person_id
                WHERE p.deleted_at IS NULL AND i.deleted_at IS NULL
                  AND i.kind IN ('イベント参加','オンラインイベント参加','訪問','ボランティア','主催・講師')
                  AND i.occurred_on BETWEEN '2025-04-01' AND '2026-03-31'
                UNION ALL
                SELECT sp.person_id FROM stay s JOIN stay_participant sp ON sp.stay_id = s.id
                JOIN person p ON p.id = sp.person_id
                WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND sp.deleted_at IS NULL
                  AND s.status = '実施済' AND s.start_on <= '2026-03-31' AND s.end_on >= '2025-04-01'
                UNION ALL  -- お米レター: the parcels shipped and the letters both ways (docs/kpi.md)
                SELECT sh.person_id FROM shipment sh JOIN person p ON p.id = sh.person_id
                JOIN programme g ON g.id = sh.programme_id
                WHERE p.deleted_at IS NULL AND sh.deleted_at IS NULL AND g.kind = 'お米レター'
                  AND sh.shipped_on BETWEEN '2025-04-01' AND '2026-03-31'
                UNION ALL
                SELECT l.person_id FROM letter l JOIN person p ON p.id = l.person_id
                JOIN programme g ON g.id = l.programme_id
                WHERE p.deleted_at IS NULL AND l.deleted_at IS NULL AND g.kind = 'お米レター'
                  AND CASE l.direction WHEN '地域→参加者' THEN l.sent_on ELSE l.received_on END
                      BETWEEN '2025-04-01' AND '2026-03-31') AS activity
        """).fetchone()
    finally:
        connection.close()
    with database.session() as session:
        data = compute_kpis(session, 2025).to_json_dict()
    assert (data["persons"]["person_visits"], data["persons"]["unique_persons"]) == (visits, unique)
    assert unique > 0
    _result, _reader, pages = make(database, tmp_path, fiscal_year=2025)
    text = flat("".join(pages))
    assert f"実人数{unique:,}名" in text and f"のべ人数{visits:,}人" in text
