"""A small coordinator file whose KPI answers are worked out by hand (see EXPECTED).

Fiscal year 2026 (2026/04/01–2027/03/31); FY2025 is the previous year.
- A: two programmes (P1 and P2), a stay across 31 March 2027, a P1 event → repeater.
- B: the same cross-year stay; withdrew from P1 (辞退); an unanswered letter; a returned parcel.
- C: two visits on one day (not a repeater); a planned stay; a reply received in FY2026 to a FY2025 letter.
- D: deleted — their stay, event, enrollment, letter and parcel count nowhere.
- E: active only in FY2025; F: a stay from 2026/03/30 to 04/01 (active in both years → 継続者).
- G: only an SNS touch (not an activity).
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from kankei_desktop.domain.tables import (
    CustomIndicator,
    CustomIndicatorValue,
    Enrollment,
    EnrollmentStageChange,
    Host,
    Interaction,
    LadderStageChange,
    Letter,
    Person,
    Programme,
    ProgrammeStage,
    ProgrammeTarget,
    ReportComment,
    Shipment,
    Stay,
    StayParticipant,
)

D = date


def build(session) -> dict[str, str]:
    ids: dict[str, str] = {}

    def add(row):
        session.add(row)
        return row.id

    stages = {"A": "リピート", "B": "参加", "C": "関心", "D": "参加", "E": "関心", "F": "移住検討", "G": "関心"}
    for key, stage in stages.items():
        ids[key] = add(Person(name=f"参加者{key}", furigana=f"サンカシャ{key}", furigana_sort=f"サンカシャ{key}",
                              ladder_stage=stage))
    session.flush()
    session.get(Person, ids["D"]).deleted_at = datetime(2026, 10, 1, tzinfo=timezone.utc)

    ids["P1"] = add(Programme(name="おためし移住", fiscal_year=2026))
    ids["P2"] = add(Programme(name="稲刈り体験", fiscal_year=2026))
    ids["P0"] = add(Programme(name="前年度の企画", fiscal_year=2025))
    for name, position, final, dropout in (("応募", 1, False, False), ("参加", 2, False, False),
                                           ("修了", 3, True, False), ("辞退", 4, False, True)):
        ids[f"P1:{name}"] = add(ProgrammeStage(programme_id=ids["P1"], name=name, position=position,
                                               is_final=final, is_dropout=dropout))
    for name, position in (("申込", 1), ("実施", 2)):
        ids[f"P2:{name}"] = add(ProgrammeStage(programme_id=ids["P2"], name=name, position=position))
    add(ProgrammeTarget(programme_id=ids["P1"], key="participants", name="参加者数", unit="名", target_value=10))
    add(ProgrammeTarget(programme_id=ids["P1"], key="person_days", name="人日", unit="人日", target_value=20))
    add(ProgrammeTarget(programme_id=ids["P2"], key="survey", name="満足度", unit="%", target_value=80))
    session.flush()

    def enrollment(person, programme, path):
        enrollment_id = add(Enrollment(programme_id=ids[programme], person_id=ids[person],
                                       stage_id=ids[f"{programme}:{path[-1][0]}"], stage_since=path[-1][1]))
        previous = None
        for stage, on in path:
            add(EnrollmentStageChange(enrollment_id=enrollment_id, from_stage_id=previous,
                                      to_stage_id=ids[f"{programme}:{stage}"], changed_on=on))
            previous = ids[f"{programme}:{stage}"]
        return enrollment_id

    enrollment("A", "P1", [("応募", D(2026, 4, 10)), ("参加", D(2026, 5, 1)), ("修了", D(2026, 8, 1))])
    enrollment("B", "P1", [("応募", D(2026, 4, 15)), ("辞退", D(2026, 5, 15))])
    enrollment("C", "P1", [("応募", D(2026, 4, 20)), ("参加", D(2027, 5, 1))])
    enrollment("D", "P1", [("応募", D(2026, 4, 20))])
    enrollment("A", "P2", [("申込", D(2026, 4, 20)), ("実施", D(2026, 5, 10))])

    ids["H1"] = add(Host(name="山田農園", kind="農家"))
    ids["H2"] = add(Host(name="川上農園", kind="農家"))
    ids["H3"] = add(Host(name="株式会社ゆきぐに", kind="企業", hosts_side_job_talent=True, small_business=True))
    ids["H4"] = add(Host(name="有限会社はさぎ", kind="企業", hosts_side_job_talent=True, small_business=True))
    # Not a 中小企業: 例1 leaves it out although it hosts 副業・兼業 talent.
    ids["H5"] = add(Host(name="大手電機株式会社", kind="企業", hosts_side_job_talent=True))
    session.flush()

    def stay(start, end, status, programme, people, host="H1"):
        stay_id = add(Stay(host_id=ids[host], start_on=start, end_on=end, status=status,
                           programme_id=ids[programme] if programme else None,
                           kind="日帰り" if start == end else "短期滞在"))
        for person in people:
            add(StayParticipant(stay_id=stay_id, person_id=ids[person]))

    stay(D(2027, 3, 30), D(2027, 4, 2), "実施済", "P1", "AB", host="H3")
    stay(D(2026, 5, 10), D(2026, 5, 10), "実施済", "P2", "AD")
    stay(D(2026, 8, 1), D(2026, 8, 3), "予定", "P1", "C")
    stay(D(2026, 6, 1), D(2026, 6, 2), "中止", "P1", "E")
    stay(D(2026, 3, 30), D(2026, 4, 1), "実施済", None, "F")

    def interaction(person, kind, on, programme=None):
        add(Interaction(person_id=ids[person], kind=kind, occurred_on=on,
                        programme_id=ids[programme] if programme else None))

    interaction("A", "イベント参加", D(2026, 7, 1), "P1")
    interaction("B", "寄附（ふるさと納税）", D(2026, 6, 1))
    interaction("C", "訪問", D(2026, 9, 15))
    interaction("C", "訪問", D(2026, 9, 15))
    interaction("E", "オンラインイベント参加", D(2025, 10, 1))
    interaction("D", "イベント参加", D(2026, 7, 1))
    interaction("G", "SNS・メール", D(2026, 7, 1))

    def ladder(person, before, after, on):
        add(LadderStageChange(person_id=ids[person], from_stage=before, to_stage=after, changed_on=on))

    ladder("A", "関心", "参加", D(2026, 5, 10))
    ladder("A", "参加", "リピート", D(2026, 7, 2))
    ladder("B", "関心", "参加", D(2025, 6, 1))
    ladder("C", "参加", "関心", D(2026, 10, 1))
    ladder("F", "関心", "移住検討", D(2027, 4, 5))
    ladder("D", "関心", "参加", D(2026, 5, 10))

    def letter(direction, person, sent=None, received=None, reply_to=None, host="H1"):
        return add(Letter(direction=direction, person_id=ids[person], host_id=ids[host], sent_on=sent,
                          received_on=received, reply_to_id=reply_to,
                          status="受取済" if received else "発送済"))

    l1 = letter("地域→参加者", "A", sent=D(2026, 6, 1))
    letter("参加者→地域", "A", sent=D(2026, 6, 8), received=D(2026, 6, 11), reply_to=l1)
    letter("地域→参加者", "B", sent=D(2026, 7, 1))
    letter("地域→参加者", "D", sent=D(2026, 7, 1))
    l4 = letter("地域→参加者", "C", sent=D(2025, 12, 1))
    letter("参加者→地域", "C", sent=D(2026, 4, 5), received=D(2026, 4, 10), reply_to=l4)
    session.flush()

    add(Shipment(person_id=ids["A"], host_id=ids["H2"], shipped_on=D(2026, 6, 1), delivered_on=D(2026, 6, 3),
                 status="配達済"))
    add(Shipment(person_id=ids["B"], host_id=ids["H2"], shipped_on=D(2026, 7, 1), returned_on=D(2026, 7, 5),
                 status="返送"))
    add(Shipment(person_id=ids["D"], host_id=ids["H2"], shipped_on=D(2026, 7, 1), delivered_on=D(2026, 7, 2),
                 status="配達済"))

    survey = add(CustomIndicator(name="地域に誇りを持つ住民の割合", unit="%", source_note="住民アンケート"))
    add(CustomIndicatorValue(indicator_id=survey, fiscal_year=2026, value=62.5, target=70.0))
    pairs = add(CustomIndicator(name="送り手と受け手の組数", unit="組", source_note="手入力", programme_id=ids["P1"]))
    add(CustomIndicatorValue(indicator_id=pairs, fiscal_year=2026, quarter=2, value=4.0, target=5.0))
    add(ReportComment(fiscal_year=2026, body="今年度は稲刈り体験が好評でした。"))
    session.flush()
    return ids


EXPECTED = {
    "unique_persons": 4,  # A, B, C, F
    "person_visits": 7,  # A×3, B, C×2, F
    "visits_from_stays": 4,
    "repeaters": 1,  # A
    "continuing": 1,  # F
    "previous_year_unique_persons": 2,  # E, F
    "sustained": 1,  # A (Q1, Q2, Q4)
    "sustained_base": 4,
    "achieved_days": 6,  # A 2 + B 2 (to 31 March) + A 1 + F 1
    "planned_days": 3,  # C
    "letters_sent": 2,
    "letters_received": 2,
    "letters_replied": 1,
    "median_days_to_reply": 10.0,
    "shipped": 2,
    "delivered": 1,
    "returned": 1,
    "median_days_in_transit": 2.0,
    "active_hosts": 3,  # H1 (stay, letters), H2 (parcels), H3 (stay)
    "side_job_companies": 1,  # H3
    "side_job_companies_registered": 2,
    "ladder": {"関心": 4, "参加": 1, "リピート": 1, "担い手": 0, "移住検討": 0, "移住": 0},
    "moves_up": 2,
}
