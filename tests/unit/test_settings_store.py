"""Settings of the file: each checked by its declared rule, saved all together or not at all."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import AuditEntry, Setting
from kankei_desktop.services import address_labels, carrier_export, followups, settings_store, stays


def _stored(session):
    return {key: value for key, value in session.execute(select(Setting.key, Setting.value_json)).all()}


def test_save_normalises_and_stores_every_value(session):
    stored = settings_store.save(session, {
        followups.REPLY_DAYS: "４５",  # full-width digits from an IME
        stays.SHORT_FROM_DAYS: 3,
        address_labels.ORGANISATION_POSTAL_CODE: "〒２５８－０１１３",
        address_labels.ORGANISATION_PHONE: "０４６５－７８－１２３４",
        carrier_export.YAMATO_CUSTOMER_CODE: "0465-78-1234 01",
        carrier_export.YAMATO_CUSTOMER_CLASS: " ００１ ",
        settings_store.ORGANISATION_NAME: "  山北むらづくり  ",
    })
    assert stored == {"followup_reply_days": 45, "stay_short_from_days": 3, "organisation_postal_code": "2580113",
                      "organisation_phone": "0465-78-1234", "yamato_b2_customer_code": "046578123401",
                      "yamato_b2_customer_class": "001", "organisation_name": "山北むらづくり"}
    assert settings_store.get(session, followups.REPLY_DAYS) == 45
    assert settings_store.get(session, address_labels.ORGANISATION_POSTAL_CODE) == "2580113"
    changes = [json.loads(c) for c in session.execute(select(AuditEntry.changes_json)
                                                      .where(AuditEntry.entity == "setting")).scalars()]
    assert {"followup_reply_days": [30, 45]} in changes


@pytest.mark.parametrize(("declared", "value", "words"), [
    (followups.SHIPMENT_DAYS, "0", "1〜90の整数"),
    (followups.REPLY_DAYS, "-3", "1〜365の整数"),
    (followups.TOUR_DAYS, "2.5", "整数"),
    (followups.HORIZON_DAYS, "", "整数"),
    (stays.SHORT_FROM_DAYS, "1", "2〜30"),
    (address_labels.ORGANISATION_POSTAL_CODE, "25801", "7桁"),
    (address_labels.ORGANISATION_POSTAL_CODE, "258-01133", "7桁"),
    (address_labels.ORGANISATION_PHONE, "12345", "10桁または11桁"),
    (carrier_export.YAMATO_CUSTOMER_CODE, "04657A123401", "半角数字12桁"),
    (carrier_export.YAMATO_CUSTOMER_CODE, "0465781234", "半角数字12桁"),  # B2: 半角数字12文字
    (carrier_export.YAMATO_CUSTOMER_CLASS, "A01", "半角数字3桁"),  # B2: 空白または半角数字3文字
    (carrier_export.YAMATO_FREIGHT_NUMBER, "", "半角数字2桁"),
])
def test_bad_value_is_refused_naming_the_setting_and_nothing_is_saved(session, declared, value, words):
    before = _stored(session)
    with pytest.raises(ValidationError) as refused:
        settings_store.save(session, {settings_store.ORGANISATION_NAME: "変更", followups.REPLY_DAYS: 40,
                                      declared: value})
    message = refused.value.errors[declared.key]
    assert f"「{declared.label}」" in message and words in message
    assert _stored(session) == before  # not even the valid ones


def test_ordered_settings_are_checked_against_each_other(session):
    with pytest.raises(ValidationError) as refused:
        settings_store.save(session, {stays.SHORT_FROM_DAYS: 7, stays.LONG_FROM_DAYS: 7})
    assert "「長期滞在とする日数（以上）」（7）は「短期滞在とする日数（以上）」（7）より大きく" in refused.value.errors[
        "stay_long_from_days"]
    # Saving only the smaller one is checked against the stored larger one.
    with pytest.raises(ValidationError) as refused:
        settings_store.save(session, {followups.TOUR_DAYS: 200})
    assert "要対応に載せる期間" in refused.value.errors["followup_tour_days"]
    settings_store.save(session, {followups.TOUR_DAYS: 200, followups.HORIZON_DAYS: 400})
    assert settings_store.get(session, followups.TOUR_DAYS) == 200


def test_a_stored_value_breaking_the_rule_reads_as_the_default(session):
    settings_store.put(session, stays.LONG_FROM_DAYS, "たくさん")
    settings_store.put(session, followups.SHIPMENT_DAYS, -4)
    assert settings_store.get(session, stays.LONG_FROM_DAYS) == 7
    assert stays.kind_thresholds(session) == (2, 7)
    assert settings_store.get(session, followups.SHIPMENT_DAYS) == 7
