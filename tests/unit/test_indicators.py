"""Custom indicators (例3, 例4): service, CLI and the amounts they may be summed from (issue 16 item 5)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from sqlmodel import select

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import AuditEntry, CustomIndicatorValue, Host
from kankei_desktop.services import hosts, indicators as svc, interactions
from kankei_desktop.services.interactions import InteractionInput
from kankei_desktop.services.kpis import compute_kpis
from kankei_desktop.services.participants import PersonInput, create_person


def cli(database, *args):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *args, "--db", str(database.path)],
                          capture_output=True, text=True, timeout=120)


def test_values_set_through_the_cli_read_back_in_stats(database):
    made = cli(database, "indicators", "create", "--name", "地域に誇りを持つ住民の割合", "--unit", "%",
               "--source-note", "住民アンケート", "--first-year", "2025", "--last-year", "2027")
    assert made.returncode == 0, made.stderr
    assert cli(database, "indicators", "set", "地域に誇りを持つ住民の割合", "--fiscal-year", "2026",
               "--value", "68.5", "--target", "70").returncode == 0
    assert cli(database, "indicators", "set", "地域に誇りを持つ住民の割合", "--fiscal-year", "2026",
               "--quarter", "3", "--value", "66").returncode == 0
    listed = cli(database, "indicators", "list")
    assert "2026年度\t値 68.5\t目標 70" in listed.stdout and "2026年度 第3四半期\t値 66" in listed.stdout
    for args, field in ((("--fiscal-year", "2026", "--value", "たくさん"), "値は数"),
                        (("--fiscal-year", "2030", "--value", "1"), "期間（2025〜2027年度）の外"),
                        (("--fiscal-year", "2026", "--quarter", "5", "--value", "1"), "四半期")):
        refused = cli(database, "indicators", "set", "地域に誇りを持つ住民の割合", *args)
        assert refused.returncode == 2 and field in refused.stderr, refused.stderr
    assert cli(database, "indicators", "archive", "地域に誇りを持つ住民の割合").returncode == 0
    refused = cli(database, "indicators", "set", "地域に誇りを持つ住民の割合", "--fiscal-year", "2026", "--value", "1")
    assert refused.returncode == 2 and "アーカイブ済み" in refused.stderr
    stats = json.loads(subprocess.run([sys.executable, "-m", "kankei_desktop", "stats", "--db", str(database.path),
                                       "--fiscal-year", "2026", "--json"], capture_output=True, text=True,
                                      timeout=120).stdout)
    pride = stats["custom_indicators"][0]
    assert (pride["name"], pride["value"], pride["target"]) == ("地域に誇りを持つ住民の割合", 68.5, 70.0)
    with database.session() as session:
        values = session.exec(select(CustomIndicatorValue)).all()
    assert sorted((v.fiscal_year, v.quarter or 0, v.value) for v in values) == [(2026, 0, 68.5), (2026, 3, 66.0)]


def test_import_from_a_sheet_all_or_nothing_and_the_template(database, tmp_path):
    with database.session() as session:
        svc.create_indicator(session, svc.IndicatorInput(name="移住相談件数", unit="件"))
    template = tmp_path / "t.csv"
    assert subprocess.run([sys.executable, "-m", "kankei_desktop", "indicators", "template", "--out", str(template)],
                          capture_output=True, timeout=120).returncode == 0
    assert template.read_text(encoding="utf-8-sig").splitlines()[0] == "指標,年度,四半期,値,目標"
    good = tmp_path / "good.csv"
    good.write_text("指標,年度,四半期,値,目標\n移住相談件数,2026,1,12,10\n移住相談件数,令和8年度,,40,\n",
                    encoding="utf-8-sig")
    bad = tmp_path / "bad.csv"
    bad.write_text("指標,年度,四半期,値\n移住相談件数,2026,2,5\n知らない指標,2026,,1\n", encoding="utf-8-sig")
    refused = cli(database, "indicators", "import", str(bad))
    assert refused.returncode == 2 and "3 行目「指標」: 指標「知らない指標」が見つかりません" in refused.stderr
    with database.session() as session:
        assert session.exec(select(CustomIndicatorValue)).all() == []  # the good row of the bad sheet neither
    # A year that is not one is refused naming 年度 (令和8年度 is read like on every other sheet).
    good.write_text("指標,年度,四半期,値,目標\n移住相談件数,2026,1,12,10\n移住相談件数,来年,,40,\n",
                    encoding="utf-8-sig")
    refused = cli(database, "indicators", "import", str(good))
    assert refused.returncode == 2 and "3 行目「年度」" in refused.stderr, refused.stderr
    good.write_text("指標,年度,四半期,値,目標\n移住相談件数,2026,1,12,10\n移住相談件数,令和8年度,,40,\n",
                    encoding="utf-8-sig")
    done = cli(database, "indicators", "import", str(good))
    assert done.returncode == 0 and "2 件" in done.stdout, done.stderr
    with database.session() as session:
        q1 = compute_kpis(session, 2026, 1).custom_indicators[0]
        year = compute_kpis(session, 2026).custom_indicators[0]
    assert (q1.value, q1.target, year.value) == (12.0, 10.0, 40.0)


def test_sales_summed_from_purchase_amounts_pair_and_linked_target(session):
    person = create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ"))
    for kind, on, amount in (("物産購入", date(2026, 5, 1), 5000), ("物産購入", date(2026, 8, 1), 3000),
                             ("物産購入", date(2025, 8, 1), 9999), ("寄附（ふるさと納税）", date(2026, 6, 1), 10000)):
        interactions.log_interaction(session, InteractionInput(person, kind, on, amount_yen=amount))
    with pytest.raises(ValidationError) as refused:
        interactions.log_interaction(session, InteractionInput(person, "訪問", date(2026, 5, 1), amount_yen=100))
    assert "amount_yen" in refused.value.errors
    with pytest.raises(ValidationError):
        interactions.log_interaction(session, InteractionInput(person, "物産購入", date(2026, 5, 1), amount_yen=-1))
    interest = svc.create_indicator(session, svc.IndicatorInput(name="食育に関心を持つ参加者の割合", unit="%"))
    sales = svc.create_indicator(session, svc.IndicatorInput(name="農産物販売額", unit="円", pair_id=interest,
                                                             computed_from="物産購入"))
    svc.set_value(session, interest, 2026, None, "55", "60")
    figures = {i.name: i for i in compute_kpis(session, 2026).custom_indicators}
    assert (figures["農産物販売額"].value, figures["農産物販売額"].computed) == (8000.0, True)
    assert figures["農産物販売額"].pair == "食育に関心を持つ参加者の割合"
    assert figures["食育に関心を持つ参加者の割合"].pair == "農産物販売額"  # a pair is mutual
    svc.set_value(session, sales, 2026, None, "12000")  # entered: wins over the records
    figures = {i.name: i for i in compute_kpis(session, 2026).custom_indicators}
    assert (figures["農産物販売額"].value, figures["農産物販売額"].computed) == (12000.0, False)
    with pytest.raises(ValidationError) as refused:
        svc.create_indicator(session, svc.IndicatorInput(name="農産物販売額"))
    assert "name" in refused.value.errors
    with pytest.raises(ValidationError) as refused:
        svc.create_indicator(session, svc.IndicatorInput(name="x", computed_from="SNS・メール"))
    assert "computed_from" in refused.value.errors
    assert session.exec(select(AuditEntry).where(AuditEntry.entity == "custom_indicator_value")).all()


def test_side_job_count_needs_the_small_business_flag_on_the_host(session):
    big = hosts.create_host(session, hosts.HostInput(name="大手電機", kind="企業", hosts_side_job_talent=True))
    small = hosts.create_host(session, hosts.HostInput(name="越後工房", kind="企業", hosts_side_job_talent=True,
                                                       small_business=True))
    assert session.get(Host, small).small_business and not session.get(Host, big).small_business
    assert hosts.load_host_input(session, small).small_business
    assert compute_kpis(session, 2026).hosts.side_job_companies_registered == 1


def test_a_computed_indicator_without_amounts_is_not_entered_and_not_data(session):
    svc.create_indicator(session, svc.IndicatorInput(name="農産物販売額", unit="円", computed_from="物産購入"))
    figures = compute_kpis(session, 2026)
    sales = figures.custom_indicators[0]
    assert (sales.value, sales.computed, figures.has_data) == (None, False, False)


def test_values_exported_re_imported_unchanged_and_templated_by_the_common_commands(database, tmp_path):
    """export --what indicator_values / all, import (0 new, all 変更なし), template indicator_values."""
    import openpyxl

    with database.session() as session:
        pride = svc.create_indicator(session, svc.IndicatorInput(name="地域に誇りを持つ住民の割合", unit="%"))
        svc.set_value(session, pride, 2025, None, 62.4, 65)
        svc.set_value(session, pride, 2026, 2, None, 70)
        svc.archive_indicator(session, pride)  # archived: its values still go out and come back unchanged
    out = tmp_path / "values.xlsx"
    done = cli(database, "export", "--what", "indicator_values", "--out", str(out))
    assert done.returncode == 0 and "2 行" in done.stdout, done.stderr
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("ID", "指標", "年度", "四半期", "値", "目標")
    assert [r[1:] for r in rows[1:]] == [("地域に誇りを持つ住民の割合", 2025, None, 62.4, 65),
                                        ("地域に誇りを持つ住民の割合", 2026, 2, None, 70)]
    again = cli(database, "import", str(out))  # the kind is recognised from the headers
    assert again.returncode == 0, again.stderr
    assert "新規 0 件、更新 0 件、変更なし 2 件" in again.stdout, again.stdout
    with database.session() as session:
        entries = session.exec(select(AuditEntry).where(AuditEntry.entity == "custom_indicator_value")).all()
    assert sorted(e.action for e in entries) == ["import", "update", "update"]  # the import wrote no value
    whole = tmp_path / "all.xlsx"
    assert cli(database, "export", "--what", "all", "--out", str(whole)).returncode == 0
    assert "独自指標の値" in openpyxl.load_workbook(whole).sheetnames
    template = tmp_path / "template.xlsx"
    made = subprocess.run([sys.executable, "-m", "kankei_desktop", "template", "indicator_values", "--out",
                           str(template)], capture_output=True, text=True, timeout=120)
    assert made.returncode == 0 and "独自指標の値" in made.stdout, made.stderr
    assert [c.value for c in openpyxl.load_workbook(template).worksheets[0][1]] == ["指標", "年度", "四半期", "値", "目標"]
