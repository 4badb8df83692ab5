"""Demo data: an intermediary organisation in 新潟 over fiscal years 2025 and 2026.

Deterministic: a fixed random seed and a fixed "today" inside the story
(``DEMO_TODAY``), never the clock, so every run writes the same records and
screenshots stay comparable. The story is planned in memory first (persons by
index), then written: persons through ``participants.create_person`` (so they
are normalised exactly like typed ones), the rest with Core inserts.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import jaconv
from pydantic_core import PydanticUndefined
from sqlalchemy import insert, update
from sqlmodel import Session

from kankei_desktop.domain.enums import LadderStage, ProgrammeKind
from kankei_desktop.domain.programme_templates import TEMPLATES
from kankei_desktop.domain.tables import (
    CustomIndicator, CustomIndicatorValue, Enrollment, EnrollmentStageChange, Host, Interaction,
    LadderStageChange, Letter, Person, Programme, ProgrammeStage, ProgrammeTarget, Setting,
    Shipment, Stay, StayParticipant, utc_now,
)
from kankei_desktop.domain.tables.base import new_id
from kankei_desktop.services import activity
from kankei_desktop.services.demo import names as N
from kankei_desktop.services.demo.programmes import (
    CUSTOM_STAGES, DEMO_TODAY, PlannedPerson, PlannedProgramme, Story, add_programme, between,
    kome_letter, mitsuke, otetsudai, quest, touch,
)
from kankei_desktop.services.addresses import lookup_postal_code
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.store import audit

SEED = 20250401
ORGANISATION = "NPO法人 越後つながりラボ"

# persona → (share of persons, residence area, age range)
_PERSONAS = (
    ("student", 75, "県内都市部", (18, 23)),
    ("tokyo", 105, "東京圏", (24, 62)),
    ("niigata", 38, "県内都市部", (25, 75)),
    ("local", 30, "県内その他", (30, 75)),
    ("kansai", 27, "関西圏", (22, 65)),
    ("nagoya", 10, "名古屋圏", (24, 60)),
    ("other", 12, "その他の道府県", (25, 70)),
    ("abroad", 3, "海外", (28, 50)),
)
_LADDER_WEIGHTS = {
    "student": (35, 35, 20, 7, 3, 0), "tokyo": (30, 25, 20, 8, 12, 5), "niigata": (35, 30, 20, 15, 0, 0),
    "local": (15, 15, 20, 25, 5, 20), "kansai": (40, 30, 15, 5, 8, 2), "nagoya": (40, 30, 15, 5, 8, 2),
    "other": (45, 30, 15, 5, 5, 0), "abroad": (50, 30, 20, 0, 0, 0),
}
_TIES = {
    "student": ("大学・ゼミ", "なし", "通勤・通学経験", "観光リピーター"),
    "tokyo": ("出身者", "観光リピーター", "ふるさと納税寄附者", "仕事上の関わり", "親族が在住", "なし"),
    "niigata": ("出身者", "通勤・通学経験", "仕事上の関わり", "親族が在住"),
    "local": ("元居住者", "出身者", "親族が在住", "仕事上の関わり"),
    "kansai": ("観光リピーター", "ふるさと納税寄附者", "なし", "出身者"),
    "nagoya": ("観光リピーター", "仕事上の関わり", "なし"),
    "other": ("ふるさと納税寄附者", "観光リピーター", "元居住者"),
    "abroad": ("出身者", "親族が在住"),
}


# ------------------------------------------------------------------ persons


def _plan_persons(rng: random.Random) -> list[PlannedPerson]:
    persons: list[PlannedPerson] = []
    names: set[str] = set()
    for persona, count, area, (low, high) in _PERSONAS:
        for _ in range(count):
            persons.append(_plan_person(rng, persona, area, low, high, names))
    return persons


def _plan_person(rng, persona, area, low, high, names) -> PlannedPerson:
    # The editor's own words (男 / 女), so a demo person opens with their gender selected.
    gender = rng.choices(("男", "女", ""), (47, 49, 4))[0]
    age = rng.randint(low, high)
    generation = "young" if age < 30 else "middle" if age < 55 else "old"
    while True:
        family, family_kana = rng.choice(N.FAMILY_NAMES)
        given, given_kana = rng.choice(N.GIVEN_NAMES[({"男": "男性", "女": "女性"}.get(gender)
                                                      or rng.choice(("男性", "女性")), generation)])
        if f"{family} {given}" not in names:
            names.add(f"{family} {given}")
            break
    rank = rng.choices(range(6), _LADDER_WEIGHTS[persona])[0]
    if rank == LadderStage.MOVED_IN.rank:
        area = "県内その他"  # moved in: they live in the region now
    birth = date(2026 - age, 1, 1) - timedelta(days=rng.randint(-250, 110))
    code = rng.choice(N.POSTAL_CODES[area]) if N.POSTAL_CODES[area] else ""
    found = lookup_postal_code(code) if code else None
    if found:
        line = (f"{found.town}{rng.randint(100, 3999)}" if area == "県内その他"
                else f"{found.town}{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}")
    else:
        line = "Unit 5, 12 Harbour Street, Vancouver, Canada" if area == "海外" else ""
    romaji = jaconv.kana2alphabet(jaconv.kata2hira(given_kana + "." + family_kana)).lower()
    domain = "example.ac.jp" if persona == "student" else rng.choice(("example.jp", "example.com", "example.ne.jp"))
    email = "" if rng.random() < 0.08 else f"{romaji}{rng.choice(('', '', str(rng.randint(1, 99))))}@{domain}"
    phone = _phone(rng, area, found.prefecture if found else "")
    ties = rng.sample(_TIES[persona], k=min(len(_TIES[persona]), rng.choice((1, 1, 1, 2, 2, 3))))
    if "なし" in ties and len(ties) > 1:
        ties.remove("なし")
    affiliation = {
        "student": N.UNIVERSITIES, "tokyo": N.TOKYO_AFFILIATIONS, "niigata": N.NIIGATA_AFFILIATIONS,
        "local": N.NIIGATA_AFFILIATIONS,
    }.get(persona, N.OTHER_AFFILIATIONS)
    data = PersonInput(
        name=f"{family} {given}", furigana=f"{family_kana} {given_kana}", birth_date=birth,
        gender=gender, email=email, phone=phone, postal_code=code,
        prefecture=found.prefecture if found else "", city=found.city if found else "",
        address_line=line,
        address_building=rng.choice(N.BUILDINGS) if area in ("東京圏", "関西圏") and rng.random() < 0.5 else "",
        residence_area=area, affiliation=rng.choice(affiliation),
        ladder_stage=LadderStage.INTERESTED.value,
        contact_ok=rng.random() < 0.92, photo_ok=rng.random() < 0.6,
        found_via=rng.choice(N.FOUND_VIA), notes=rng.choice(N.PERSON_NOTES), ties=ties,
        interests=rng.sample(N.INTERESTS, k=rng.randint(0, 3)),
        skills=rng.sample(N.SKILLS, k=rng.choice((0, 0, 1, 1, 2))),
    )
    if rank == LadderStage.MOVED_IN.rank:
        data.notes = "地域おこし協力隊を経て移住。"
    return PlannedPerson(persona, data, rank)


def _phone(rng: random.Random, area: str, prefecture: str) -> str:
    roll = rng.random()
    if roll < 0.06 or area == "海外":
        return ""
    if roll < 0.75:
        number = f"0{rng.choice('987')}0-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        # Some typed in full width, as coordinators do; create_person folds them.
        return jaconv.h2z(number, digit=True, ascii=True) if roll < 0.15 else number
    # Area codes by where they live (03 Tokyo, 06 Osaka, 025 新潟); a local number never starts with 0 or 1.
    prefix = {"東京都": "03", "大阪府": "06", "新潟県": "025"}.get(prefecture, "")
    if not prefix:
        return f"080-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
    rest = str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(9 - len(prefix)))
    return prefix + rest


# --------------------------------------------------------- hosts, programmes


def _plan_hosts(story: Story) -> None:
    for name, kind, code, line, contact, phone, capacity, side_job in N.HOSTS:
        found = lookup_postal_code(code)
        host_id = story.add(
            Host, name=name, kind=kind, contact_person=contact, phone=phone, postal_code=code,
            prefecture=found.prefecture, city=found.city, address_line=line,
            email=f"info{len(story.hosts) + 1}@example.jp", capacity_per_night=capacity,
            hosts_side_job_talent=side_job, small_business=kind == "企業",
            notes="1泊2食。男女別の部屋あり。" if capacity else "",
        )
        story.hosts[name] = (host_id, kind, found.city, capacity)


# Kinds each persona tends to have, for the everyday touches.
_EVERYDAY = {
    "student": ("SNS・メール", "オンラインイベント参加", "イベント参加", "ボランティア"),
    "tokyo": ("イベント参加", "物産購入", "寄附（ふるさと納税）", "相談窓口", "SNS・メール", "オンラインイベント参加"),
    "niigata": ("イベント参加", "ボランティア", "訪問", "SNS・メール"),
    "local": ("ボランティア", "主催・講師", "イベント参加", "訪問"),
    "kansai": ("寄附（ふるさと納税）", "物産購入", "オンラインイベント参加", "SNS・メール"),
    "nagoya": ("寄附（ふるさと納税）", "物産購入", "相談窓口"),
    "other": ("寄附（ふるさと納税）", "物産購入", "SNS・メール", "その他"),
    "abroad": ("オンラインイベント参加", "SNS・メール"),
}
_PARTICIPATION = ("イベント参加", "ボランティア", "訪問", "オンラインイベント参加")


def _everyday_touches(story: Story) -> None:
    rng = story.rng
    for index, person in enumerate(story.persons):
        for _ in range(rng.randint(1, 2 + person.rank)):
            touch(story, index, rng.choice(_EVERYDAY[person.persona]), between(rng, date(2025, 4, 1), DEMO_TODAY))
        # Whoever the story puts up the ladder has taken part often enough to be there.
        while len(person.touches) < min(person.rank, 3):
            touch(story, index, rng.choice(_PARTICIPATION), between(rng, date(2025, 4, 1), DEMO_TODAY - timedelta(days=7)))
        if person.rank == LadderStage.CARRIER.rank:
            touch(story, index, "主催・講師", between(rng, date(2025, 10, 1), DEMO_TODAY))


def _ladder_history(story: Story, index: int, registered: date) -> list[dict]:
    """Steps from 関心 up to the person's stage, on the days they took part where possible."""
    rng = story.rng
    person = story.persons[index]
    stages = list(LadderStage)
    touches = sorted(day for day in person.touches if day > registered)
    steps, previous = [], registered
    for rank in range(1, person.rank + 1):
        later = [day for day in touches if day > previous]
        day = later[0] if later and rank <= 3 else between(rng, previous + timedelta(days=1), DEMO_TODAY)
        steps.append(dict(from_stage=stages[rank - 1].value, to_stage=stages[rank].value, changed_on=day,
                          changed_by="demo", reason="活動の記録から"))
        previous = day
    return steps


# --------------------------------------------------------------- writing


def _complete(table, rows: list[dict], now) -> list[dict]:
    """Give every row every column (Core executemany wants the same keys in each)."""
    defaults = {name: info.default for name, info in table.model_fields.items()
                if info.default is not PydanticUndefined}
    defaults.update(created_at=now, updated_at=now, deleted_at=None)
    return [{**defaults, **row} for row in rows]


def _write(session: Session, story: Story) -> list[str]:
    rng = story.rng
    ids: list[str] = []
    ladders: list[dict] = []
    for index, person in enumerate(story.persons):
        if person.first_seen < DEMO_TODAY:
            registered = max(date(2024, 4, 1), person.first_seen - timedelta(days=rng.randint(3, 60)))
        else:
            registered = between(rng, date(2024, 4, 1), date(2026, 10, 31))
        consent = registered if rng.random() < 0.9 else None
        # create_person refuses a consent date after the real today: only a clock set before
        # the story's 2026 would reach this, and then a clamped date beats a failed demo.
        person.data.consent_date = min(consent, date.today()) if consent else None
        person_id = create_person(session, person.data, on=registered)
        ids.append(person_id)
        for step in _ladder_history(story, index, registered):
            ladders.append(dict(person_id=person_id, **step))
        if person.rank:
            session.execute(update(Person).where(Person.id == person_id)
                            .values(ladder_stage=list(LadderStage)[person.rank].value))
    session.flush()
    now = utc_now()
    story.rows[LadderStageChange] = ladders
    order = (Host, Programme, ProgrammeStage, ProgrammeTarget, Enrollment, EnrollmentStageChange, Stay,
             StayParticipant, Shipment, Letter, Interaction, LadderStageChange, CustomIndicator,
             CustomIndicatorValue, Setting)
    for table in order:
        rows = story.rows.get(table, [])
        for row in rows:
            if isinstance(row.get("person_id"), int):
                row["person_id"] = ids[row["person_id"]]
        if rows:
            session.execute(insert(table), _complete(table, rows, now))
    return ids


def _indicators(story: Story, otetsudai_2026: PlannedProgramme) -> None:
    pride = story.add(CustomIndicator, name="地域に誇りを持つ住民の割合", unit="%",
                      source_note="住民アンケート（出雲崎町・山古志地区、毎年2月に実施）")
    story.add(CustomIndicatorValue, indicator_id=pride, fiscal_year=2025, value=62.4, target=65.0)
    story.add(CustomIndicatorValue, indicator_id=pride, fiscal_year=2026, value=None, target=70.0)
    side_jobs = story.add(CustomIndicator, name="副業・兼業人材を受け入れた地域の中小企業数", unit="社",
                          source_note="受入先への聞き取り")
    story.add(CustomIndicatorValue, indicator_id=side_jobs, fiscal_year=2025, value=1.0, target=2.0)
    story.add(CustomIndicatorValue, indicator_id=side_jobs, fiscal_year=2026, quarter=2, value=2.0, target=3.0)
    trained = story.add(CustomIndicator, name="受入コーディネーターの育成数", unit="人",
                        source_note="研修の修了者名簿", programme_id=otetsudai_2026.id, target_key="coordinators")
    story.add(CustomIndicatorValue, indicator_id=trained, fiscal_year=2026, value=6.0, target=10.0)
    # 例4: interest in food education beside the sales it should lead to, the sales summed from
    # the 物産購入 amounts (a fixed amount per purchase: the story's random draws stay as they were).
    interest_id, sales_id = new_id(), new_id()
    story.add(CustomIndicator, id=interest_id, name="食育に関心を持つ参加者の割合", unit="%",
              source_note="参加者アンケート（年1回）", pair_id=sales_id)
    story.add(CustomIndicatorValue, indicator_id=interest_id, fiscal_year=2025, value=48.0, target=50.0)
    story.add(CustomIndicator, id=sales_id, name="農産物販売額", unit="円", source_note="物産購入の記録から集計",
              pair_id=interest_id, computed_from="物産購入")
    for number, row in enumerate(story.rows[Interaction]):
        if row["kind"] in ("物産購入", "寄附（ふるさと納税）"):
            row["amount_yen"] = 3000 + (number % 7) * 1000


_JUKU = "大人の学校。STEP1 オンライン講座 → STEP2 入塾 → STEP3 現地訪問で、自分のふるさとを見つけます。"


def _programmes(story: Story) -> PlannedProgramme:
    """The eight programmes of the two years; returns おてつだいPlus 2026 for its indicator."""
    helping = TEMPLATES[ProgrammeKind.OTETSUDAI]
    for fy, region, city in ((2025, "三島郡出雲崎町", "出雲崎"), (2026, "長岡市 山古志", "長岡市")):
        programme = add_programme(
            story, helping.kind.value, fy, "おてつだいPlus", region, helping.description, helping.stages,
            (("participants", "参加者数", "名", 50), ("person_days", "派遣人日", "人日", 100),
             ("coordinators", "受入コーディネーター育成", "人", 10)))
        otetsudai(story, programme, city)
    questing = TEMPLATES[ProgrammeKind.QUEST]
    for fy, region, city in ((2025, "村上市 山北", "村上市"), (2026, "三島郡出雲崎町", "出雲崎")):
        quest(story, add_programme(
            story, questing.kind.value, fy, "田舎暮らしクエスト", region, questing.description, questing.stages,
            (("participants", "参加者数", "名", 10), ("person_days", "滞在人日", "人日", 60))), city)
    rice = TEMPLATES[ProgrammeKind.KOME_LETTER]
    for fy in (2025, 2026):
        kome_letter(story, add_programme(
            story, rice.kind.value, fy, "お米レター", "村上市 山北", rice.description, rice.stages,
            (("participants", "お米を届けた学生", "名", 30), ("replies", "お礼状", "通", 25))))
    for fy, region in ((2025, "新潟市南区"), (2026, "長岡市 山古志")):
        mitsuke(story, add_programme(story, ProgrammeKind.CUSTOM.value, fy, "ふるさとみつけ塾", region, _JUKU,
                                     CUSTOM_STAGES, (("participants", "入塾者数", "名", 20),)))
    return programme


def load_demo_data(session: Session) -> str:
    """Fill an empty database with the demo story; returns a one-line Japanese summary."""
    rng = random.Random(SEED)
    story = Story(rng, _plan_persons(rng))
    story.add(Setting, key="organisation_name", value_json=json.dumps(ORGANISATION, ensure_ascii=False))
    _plan_hosts(story)
    helping_2026 = _programmes(story)
    _everyday_touches(story)
    _indicators(story, helping_2026)
    ids = _write(session, story)
    activity.refresh_last_activity(session, ids)
    audit.record(session, "import", "demo", "", {"persons": len(ids)})
    count = {table: len(story.rows[table]) for table in (Programme, Host, Enrollment, Stay, Shipment, Letter, Interaction)}
    return (f"参加者 {len(ids)} 名、プログラム {count[Programme]} 件、参加登録 {count[Enrollment]} 件、"
            f"受入先 {count[Host]} 件、滞在 {count[Stay]} 件、発送 {count[Shipment]} 件、"
            f"手紙 {count[Letter]} 通、関わり記録 {count[Interaction]} 件")
