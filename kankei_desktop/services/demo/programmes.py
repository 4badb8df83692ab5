"""The demo story's programmes: who enrolled, what they did, where they slept.

Part of the demo data (``load.py`` plans the persons and writes
everything). Persons are planned by index; ``load._write`` swaps in their ids.
The rules the app enforces hold here too: a lodging never takes more guests a
night than its capacity, and nobody is in two stays at once.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from kankei_desktop.domain.enums import PARTICIPATION_KINDS
from kankei_desktop.domain.programme_templates import StageTemplate
from kankei_desktop.domain.tables import (
    Enrollment, EnrollmentStageChange, Interaction, Letter, Programme, ProgrammeStage, ProgrammeTarget,
    Shipment, Stay, StayParticipant, new_id,
)
from kankei_desktop.services.demo import names as N
from kankei_desktop.services.participants import PersonInput

DEMO_TODAY = date(2026, 11, 26)  # the story's "today"; activity after it is only planned


@dataclass
class PlannedPerson:
    persona: str
    data: PersonInput
    rank: int  # target ladder stage
    touches: list[date] = field(default_factory=list)  # dates the person took part
    first_seen: date = DEMO_TODAY


@dataclass
class Story:
    rng: random.Random
    persons: list[PlannedPerson]
    rows: dict = field(default_factory=lambda: defaultdict(list))  # table class → row dicts
    busy: dict = field(default_factory=lambda: defaultdict(list))  # person → [(start, end)]
    nights: dict = field(default_factory=lambda: defaultdict(int))  # (lodging, night) → guests
    hosts: dict = field(default_factory=dict)  # name → (id, kind, city, capacity)

    def add(self, table, **values) -> str:
        values.setdefault("id", new_id())
        self.rows[table].append(values)
        return values["id"]

    def seen(self, person: int, day: date, took_part: bool = False) -> None:
        p = self.persons[person]
        p.first_seen = min(p.first_seen, day)
        if took_part and day <= DEMO_TODAY:
            p.touches.append(day)


def between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _hosts_in(story: Story, city_part: str, kinds: tuple[str, ...]) -> list[str]:
    return [h for h, (_id, kind, city, _cap) in story.hosts.items() if city_part in city and kind in kinds]


CUSTOM_STAGES = (
    StageTemplate("STEP1 オンライン参加"), StageTemplate("STEP2 入塾"), StageTemplate("STEP3 現地訪問"),
    StageTemplate("修了", is_final=True), StageTemplate("辞退", is_dropout=True),
)


@dataclass
class PlannedProgramme:
    id: str
    kind: str
    fiscal_year: int
    region: str
    stages: list[str]  # stage ids by position


def add_programme(story, kind, fiscal_year, name, region, description, stages, targets) -> PlannedProgramme:
    programme_id = story.add(Programme, name=name, kind=kind, fiscal_year=fiscal_year, region=region,
                             description=description)
    stage_ids = [
        story.add(ProgrammeStage, programme_id=programme_id, name=stage.name, position=position,
                  is_final=stage.is_final, is_dropout=stage.is_dropout)
        for position, stage in enumerate(stages, start=1)
    ]
    for key, target_name, unit, value in targets:
        story.add(ProgrammeTarget, programme_id=programme_id, key=key, name=target_name, unit=unit,
                  target_value=value)
    return PlannedProgramme(programme_id, kind, fiscal_year, region, stage_ids)


def _stage_counts(rng: random.Random, total: int, weights: tuple[int, ...]) -> list[int]:
    """Every stage at least once (the funnel screens show them all), the rest by weight."""
    counts = [1] * len(weights)
    for index in rng.choices(range(len(weights)), weights, k=total - len(weights)):
        counts[index] += 1
    return counts


def _pick(story: Story, personas: tuple[str, ...], taken: set[int], took_part: bool) -> int:
    """A person for an enrollment: those who took part come from the upper ladder."""
    pool = [i for i, p in enumerate(story.persons)
            if p.persona in personas and i not in taken and (p.rank >= 1) == took_part]
    if not pool:
        pool = [i for i, p in enumerate(story.persons) if p.persona in personas and i not in taken]
    weights = [1 + story.persons[i].rank * 2 - len(story.persons[i].touches) for i in pool]
    chosen = story.rng.choices(pool, [max(1, w) for w in weights])[0]
    taken.add(chosen)
    return chosen


def _enroll(story: Story, programme: PlannedProgramme, person: int, path: list[tuple[int, date]]) -> str:
    """An enrollment whose stage history follows ``path`` [(stage position index, date)]."""
    path = [(stage, min(day, DEMO_TODAY)) for stage, day in path]
    for i in range(1, len(path)):  # dates never go backwards
        if path[i][1] < path[i - 1][1]:
            path[i] = (path[i][0], path[i - 1][1])
    enrollment_id = story.add(
        Enrollment, programme_id=programme.id, person_id=person,
        stage_id=programme.stages[path[-1][0]], applied_on=path[0][1],
        joined_on=path[1][1] if len(path) > 1 and path[1][0] == 1 else None, stage_since=path[-1][1],
    )
    previous = None
    for stage, day in path:
        story.add(EnrollmentStageChange, enrollment_id=enrollment_id, from_stage_id=previous,
                  to_stage_id=programme.stages[stage], changed_on=day, changed_by="demo")
        previous = programme.stages[stage]
    story.seen(person, path[0][1])
    return enrollment_id


def touch(story: Story, person: int, kind: str, day: date, programme: PlannedProgramme | None = None,
          note: str = "") -> None:
    note = note or story.rng.choice(N.INTERACTION_NOTES[kind])
    story.add(Interaction, person_id=person, kind=kind, occurred_on=day,
              programme_id=programme.id if programme else None, note=note)
    story.seen(person, day, took_part=kind in PARTICIPATION_KINDS)


# ------------------------------------------------------------------- stays


def _stay_kind(start: date, end: date) -> str:
    days = (end - start).days + 1
    return "日帰り" if days == 1 else "短期滞在" if days <= 6 else "長期滞在"


def _free(story: Story, person: int, start: date, end: date) -> bool:
    return all(end < s or e < start for s, e in story.busy[person])


def _room(story: Story, lodging: str | None, start: date, end: date, guests: int) -> bool:
    if lodging is None:
        return True
    capacity = story.hosts[lodging][3]
    return all(story.nights[(lodging, start + timedelta(n))] + guests <= capacity
               for n in range((end - start).days))


def _add_stay(story: Story, programme: PlannedProgramme, host: str, lodging: str | None, start: date,
              end: date, status: str, purpose: str, guests: list[tuple[int, str]]) -> None:
    if (end - start).days == 0:
        lodging = None  # a day trip sleeps nowhere
    stay_id = story.add(
        Stay, host_id=story.hosts[host][0], lodging_id=story.hosts[lodging][0] if lodging else None,
        start_on=start, end_on=end, kind=_stay_kind(start, end), purpose=purpose,
        programme_id=programme.id, status=status,
        notes="大雨のため中止" if status == "中止" else "",
    )
    for person, enrollment in guests:  # already reserved with _reserve
        story.add(StayParticipant, stay_id=stay_id, person_id=person, enrollment_id=enrollment)
        story.seen(person, end, took_part=status == "実施済")


def _status_for(rng: random.Random, start: date, end: date) -> str:
    if end < DEMO_TODAY:
        return "実施済"
    if start <= DEMO_TODAY or (start - DEMO_TODAY).days < 30:
        return "確定"
    return rng.choice(("予定", "確定"))


# The help-out occasions of a year: (month, day, length in days, purpose).
_OTETSUDAI_OCCASIONS = (
    (5, 10, 2, "田植えのおてつだい"), (5, 24, 1, "田植えのおてつだい"), (6, 14, 1, "棚田の草刈り"),
    (7, 12, 2, "草刈りと水路の泥上げ"), (8, 14, 3, "夏祭りの準備と運営"), (9, 20, 3, "稲刈りとはさ掛け"),
    (9, 27, 2, "稲刈りとはさ掛け"), (10, 4, 1, "稲刈りのおてつだい"), (10, 18, 2, "秋祭りの準備"),
    (11, 8, 1, "冬囲い"), (12, 13, 2, "雪囲いと餅つき"), (1, 24, 3, "雪掘りボランティア"),
    (2, 14, 2, "雪掘りボランティア"), (2, 28, 1, "雪まつりの運営"),
)


def otetsudai(story: Story, programme: PlannedProgramme, region_city: str) -> None:
    rng = story.rng
    fy = programme.fiscal_year
    hosts = _hosts_in(story, region_city, ("農家", "集落・公民館")) or _hosts_in(story, "", ("農家",))
    lodging = next(iter(_hosts_in(story, region_city, ("宿泊施設",))), None)
    occasions = []
    for month, day, days, purpose in _OTETSUDAI_OCCASIONS:
        start = date(fy if month >= 4 else fy + 1, month, day)
        occasions.append([start, start + timedelta(days - 1), rng.choice(hosts), purpose, []])
    if fy == 2025:  # spring preparations across the fiscal year end
        occasions.append([date(2026, 3, 28), date(2026, 4, 1), hosts[0], "春の田んぼの準備（年度またぎ）", []])
    counts = _stage_counts(rng, 46 if fy == 2025 else 52,
                           (2, 3, 8, 75, 12) if fy == 2025 else (8, 15, 20, 45, 12))
    taken: set[int] = set()
    personas = ("tokyo", "niigata", "student", "kansai", "local")
    for stage, count in enumerate(counts):
        for _ in range(count):
            done = stage in (2, 3)
            person = _pick(story, personas, taken, took_part=done)
            _otetsudai_enrollment(story, programme, person, stage, occasions, lodging)
    for start, end, host, purpose, guests in occasions:
        if guests:
            status = "中止" if guests[0][2] else _status_for(rng, start, end)
            _add_stay(story, programme, host, lodging, start, end, status, purpose,
                      [(p, e) for p, e, _c in guests])


def _otetsudai_enrollment(story, programme, person, stage, occasions, lodging) -> None:
    rng = story.rng
    cancelled = stage == 4 and rng.random() < 0.5
    if stage in (2, 3):
        wanted = lambda o: o[1] < DEMO_TODAY and not (o[4] and o[4][0][2])  # noqa: E731
    elif stage == 1:
        wanted = lambda o: o[0] > DEMO_TODAY  # noqa: E731
    elif cancelled:
        wanted = lambda o: o[1] < DEMO_TODAY and o[1].month != 4 and (not o[4] or o[4][0][2])  # noqa: E731
    else:
        wanted = lambda o: False  # noqa: E731
    candidates = [o for o in occasions
                  if wanted(o) and len(o[4]) < 4 and _free(story, person, o[0], o[1])
                  and _room(story, lodging if o[1] > o[0] else None, o[0], o[1], 1)]
    # The spring occasion across 31 March goes first: the year-end reports need one.
    crossing = [o for o in candidates if o[0].month == 3 and o[1].month == 4]
    occasion = crossing[0] if crossing else (rng.choice(candidates) if candidates else None)
    fy = programme.fiscal_year
    if occasion is None:  # applied, never placed (or placed and the record went stale)
        applied = between(rng, date(fy, 4, 10), min(date(fy, 10, 31), DEMO_TODAY))
        path = [(0, applied)] + [(s, applied + timedelta(days=12 * s)) for s in range(1, min(stage, 3) + 1)]
        if stage == 4:
            path = [(0, applied), (4, applied + timedelta(days=rng.randint(5, 40)))]
        _enroll(story, programme, person, path)
        return
    start, end = occasion[0], occasion[1]
    path = [(0, start - timedelta(days=rng.randint(20, 60))), (1, start - timedelta(days=rng.randint(5, 15)))]
    if stage in (2, 3):
        path.append((2, end))
    if stage == 3:
        path.append((3, end + timedelta(days=rng.randint(3, 14))))
    if stage == 4:
        path.append((4, start - timedelta(days=rng.randint(1, 4))))
    enrollment = _enroll(story, programme, person, path)
    occasion[4].append((person, enrollment, cancelled))
    _reserve(story, person, lodging if end > start else None, start, end)
    if stage == 3:
        story.add(Letter, direction="地域→参加者", person_id=person, host_id=story.hosts[occasion[2]][0],
                  programme_id=programme.id, written_on=path[-1][1], sent_on=path[-1][1],
                  status="発送済", summary="おてつだいのお礼状")


def _reserve(story: Story, person: int, lodging: str | None, start: date, end: date) -> None:
    story.busy[person].append((start, end))
    if lodging:
        for n in range((end - start).days):
            story.nights[(lodging, start + timedelta(n))] += 1


def quest(story: Story, programme: PlannedProgramme, region_city: str) -> None:
    rng = story.rng
    fy = programme.fiscal_year
    hosts = _hosts_in(story, region_city, ("農家", "集落・公民館", "NPO・団体"))
    hosts += [name for name, (_i, kind, _c, _cap) in story.hosts.items() if kind == "企業"]
    lodging = next(iter(_hosts_in(story, region_city, ("宿泊施設",))))
    counts = _stage_counts(rng, 15 if fy == 2025 else 18,
                           (3, 10, 10, 3, 3, 55, 16) if fy == 2025 else (15, 15, 15, 20, 15, 5, 15))
    taken: set[int] = set()
    for stage, count in enumerate(counts):
        for _ in range(count):
            person = _pick(story, ("tokyo", "kansai", "nagoya", "other", "niigata"), taken,
                           took_part=stage in (4, 5))
            _quest_enrollment(story, programme, person, stage, rng.choice(hosts), lodging)


def _quest_enrollment(story, programme, person, stage, host, lodging) -> None:
    rng = story.rng
    fy = programme.fiscal_year
    reached = rng.randint(0, 3) if stage == 6 else stage
    days = [between(rng, date(fy, 8, 1), date(fy, 9, 15)), between(rng, date(fy, 9, 20), date(fy, 10, 5)),
            between(rng, date(fy, 10, 6), date(fy, 10, 25)), between(rng, date(fy, 10, 26), date(fy, 11, 1))]
    path = [(s, days[s]) for s in range(min(reached, 3) + 1)]
    if reached >= 1:
        touch(story, person, "オンラインイベント参加", days[1], programme, "田舎暮らしクエスト オンライン説明会")
    if reached >= 2:
        touch(story, person, "相談窓口", days[2], programme, "クエスト個別面談（オンライン）")
    stay = None
    if 3 <= reached <= 5 and stage != 6:
        length = rng.choice((5, 6, 7, 8, 10))
        if fy == 2025 or reached == 3:
            first, last = (date(fy, 11, 3), date(fy + 1, 1, 20)) if fy == 2025 else (date(2026, 12, 1), date(2027, 1, 20))
        elif reached == 4:  # under way on the story's today
            first, last = DEMO_TODAY - timedelta(days=length - 2), DEMO_TODAY - timedelta(days=1)
        else:  # finished already this autumn
            first, last = date(2026, 11, 2), DEMO_TODAY - timedelta(days=length + 2)
        for _ in range(30):
            start = between(rng, first, last)
            end = start + timedelta(days=length - 1)
            if _free(story, person, start, end) and _room(story, lodging, start, end, 1):
                stay = (start, end)
                break
    if stay:
        start, end = stay
        if reached >= 4:
            path.append((4, start))
        if reached == 5:
            path.append((5, end + timedelta(days=rng.randint(2, 10))))
    if stage == 6:
        path.append((6, path[-1][1] + timedelta(days=rng.randint(3, 20))))
    enrollment = _enroll(story, programme, person, path)
    if stay:
        _reserve(story, person, lodging, *stay)
        status = "中止" if fy == 2025 and reached == 3 else _status_for(rng, *stay)
        _add_stay(story, programme, host, lodging, stay[0], stay[1], status,
                  "田舎暮らしクエスト（地域の人と暮らし働く滞在）", [(person, enrollment)])


def _tracking_number(rng: random.Random, carrier: str) -> str:
    if carrier == "ヤマト運輸":  # eleven digits and the check digit ヤマト is reported to use (mod 7)
        body = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(10))
        return body + str(int(body) % 7)
    digits = 12 if rng.random() < 0.7 else 11
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(digits - 1))


def kome_letter(story: Story, programme: PlannedProgramme) -> None:
    rng = story.rng
    fy = programme.fiscal_year
    farmers = _hosts_in(story, "村上市", ("農家",))
    counts = _stage_counts(rng, 25 if fy == 2025 else 30,
                           (3, 3, 12, 30, 45, 7) if fy == 2025 else (12, 20, 25, 20, 15, 8))
    tour = date(2026, 3, 14) if fy == 2025 else date(2026, 8, 22)
    taken: set[int] = set()
    for stage, count in enumerate(counts):
        for _ in range(count):
            person = _pick(story, ("student",), taken, took_part=stage in (3, 4))
            spring = fy == 2026 and stage in (3, 4)
            if fy == 2025:
                window = (date(2025, 10, 15), date(2025, 11, 20))
            elif spring:
                window = (date(2026, 5, 15), date(2026, 6, 5))
            else:
                window = (date(2026, 10, 20), date(2026, 11, 15)) if stage == 2 else (date(2026, 11, 18), DEMO_TODAY)
            shipped = between(rng, *window)
            registered = shipped - timedelta(days=rng.randint(20, 45))
            delivered = shipped + timedelta(days=rng.randint(1, 3))
            returned = stage == 5 and rng.random() < 0.5
            path = [(0, registered)]
            if 1 <= stage <= 4 or returned:
                path.append((1, shipped))
            if 2 <= stage <= 4:
                path.append((2, delivered + timedelta(days=rng.randint(0, 3))))
            reply_on = delivered + timedelta(days=rng.randint(10, 40))
            if 3 <= stage <= 4:
                path.append((3, reply_on + timedelta(days=2)))
            if stage == 4:
                path.append((4, tour))
            if stage == 5:
                path.append((5, path[-1][1] + timedelta(days=rng.randint(3, 15))))
            _enroll(story, programme, person, path)
            farmer = story.hosts[rng.choice(farmers)][0]
            if stage == 0 and rng.random() < 0.5 or (stage == 5 and not returned):
                continue  # nothing packed yet, or withdrew before shipping
            _shipment(story, programme, person, farmer, stage, registered, shipped, delivered, returned)
            if 3 <= stage <= 4:
                letter = story.rows[Letter][-1]["id"]
                story.add(Letter, direction="参加者→地域", person_id=person, host_id=farmer,
                          programme_id=programme.id, written_on=reply_on - timedelta(days=1),
                          sent_on=reply_on, received_on=reply_on + timedelta(days=2), status="受取済",
                          summary=rng.choice(N.LETTER_REPLY), reply_to_id=letter)
                story.seen(person, reply_on, took_part=True)
            if stage == 4:
                touch(story, person, "訪問", tour, programme, "お米レター お礼ツアー（村上市 山北）")


def _shipment(story, programme, person, farmer, stage, registered, shipped, delivered, returned) -> None:
    rng = story.rng
    prepared = shipped - timedelta(days=rng.randint(1, 5))
    is_shipped = stage >= 1 or returned
    is_delivered = 2 <= stage <= 4
    status = "返送" if returned else "配達済" if is_delivered else "発送済" if is_shipped else "準備中"
    carrier = "ヤマト運輸" if rng.random() < 0.4 else "ゆうパック"
    shipment = story.add(
        Shipment, person_id=person, host_id=farmer, programme_id=programme.id,
        contents=N.SHIPMENT_CONTENTS, quantity=1, carrier=carrier,
        tracking_number=_tracking_number(rng, carrier) if is_shipped else "",
        prepared_on=min(prepared, DEMO_TODAY), shipped_on=shipped if is_shipped else None,
        delivered_on=delivered if is_delivered else None,
        returned_on=delivered + timedelta(days=5) if returned else None, status=status,
        cost_yen=rng.choice((1400, 1500, 1650, 1800)), notes="宛先不明で返送" if returned else "",
    )
    letter_status = {"返送": "返送", "配達済": "受取済", "発送済": "発送済"}.get(status, "作成中")
    story.add(Letter, direction="地域→参加者", person_id=person, host_id=farmer, programme_id=programme.id,
              written_on=min(prepared, DEMO_TODAY), sent_on=shipped if is_shipped else None,
              received_on=delivered if is_delivered else None, status=letter_status,
              summary=rng.choice(N.LETTER_TO_PERSON), shipment_id=shipment)
    story.seen(person, registered)


def mitsuke(story: Story, programme: PlannedProgramme) -> None:
    rng = story.rng
    fy = programme.fiscal_year
    counts = _stage_counts(rng, 20 if fy == 2025 else 22, (5, 5, 10, 65, 15) if fy == 2025 else (25, 25, 25, 10, 15))
    taken: set[int] = set()
    finish = date(2026, 2, 21) if fy == 2025 else None
    for stage, count in enumerate(counts):
        for _ in range(count):
            person = _pick(story, ("tokyo", "kansai", "niigata", "abroad", "other"), taken,
                           took_part=stage in (2, 3))
            reached = rng.randint(0, 2) if stage == 4 else stage
            days = [between(rng, date(fy, 5, 10), date(fy, 6, 30)), between(rng, date(fy, 7, 1), date(fy, 8, 20)),
                    between(rng, date(fy, 10, 1), date(fy, 11, 10) if fy == 2026 else date(fy, 10, 31)),
                    finish or between(rng, date(2026, 11, 15), date(2026, 11, 25))]
            path = [(s, days[s]) for s in range(reached + 1)]
            touch(story, person, "オンラインイベント参加", days[0], programme, "ふるさとみつけ塾 STEP1 オンライン講座")
            if reached >= 2:
                touch(story, person, "訪問", days[2], programme, f"ふるさとみつけ塾 現地訪問（{programme.region}）")
            if stage == 4:
                path.append((4, days[reached] + timedelta(days=rng.randint(5, 30))))
            _enroll(story, programme, person, path)

