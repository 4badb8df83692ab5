"""Stays import: which rows of a sheet are one stay with several persons.

A mixin of ``ActivityPlanner`` (``activities.py``), kept apart so that
the rule lives in one place: rows with the same 滞在ID, or — without an ID —
rows naming the same 受入先, 宿泊先, プログラム, 開始日, 終了日 and 状況, are
one stay led by its first row. The leader is checked and written with every
person of its group, so capacity and overlaps are judged for the stay as a
whole; a refusal is copied to every row of the group.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kankei_desktop.domain.text import normalise_spaces
from kankei_desktop.io.columns import column_by_key
from kankei_desktop.services.imports.types import SKIP, CellMessage

if TYPE_CHECKING:
    from kankei_desktop.services.imports.activity_rows import ActivityRow


class StayGroups:
    """Needs ``self.plan`` and ``self._error(row, key, message)`` from the planner."""

    @staticmethod
    def _group_note(row: ActivityRow) -> str:
        if not row.members or len(row.members) < 2:
            return ""
        numbers = "・".join(str(m.number) for m in row.members)
        return f"（{numbers} 行目の {len(row.members)} 名を 1 つの滞在として確かめました）"

    @staticmethod
    def _named_member(row: ActivityRow, message: str) -> ActivityRow:
        """The row of the group whose person a refusal names (「山田 花子 さんは…」), else the first."""
        for member in row.members or [row]:
            name = member.new_person.name if member.new_person else member.label
            if name and message.startswith(f"{name} さん"):
                return member
        return row

    @staticmethod
    def _share_refusal(leader: ActivityRow) -> None:
        """Every row of a refused stay says why, so no row of it looks importable on its own."""
        broken = [m for m in leader.members if m.messages]
        if not broken:
            return
        first = broken[0]
        reason = first.messages[0].message.removesuffix(StayGroups._group_note(leader))
        for member in leader.members:
            if not member.messages:
                member.messages.append(CellMessage(
                    member.number, "", f"{first.number} 行目と同じ滞在のため取り込めません: {reason}"))

    def _group_stays(self, rows: list[ActivityRow]) -> list[ActivityRow]:
        """Rows that are one stay with several persons become one group led by its first row.

        With a 滞在ID: rows with the same ID (as exports write them), which must agree on dates,
        hosts and status. Without one: rows naming the same 受入先 and 宿泊先 (at least one of
        them), プログラム, 開始日, 終了日 and 状況 — a coordinator's one-row-per-person sheet.
        """
        leaders: dict[tuple, ActivityRow] = {}
        for row in rows:
            if row.data is None:  # a cell could not be read: which stay it belongs to is unknown
                continue
            stay_id = row.fields.get("id", "")
            key = ("id", stay_id) if stay_id else self._group_key(row)
            if key is None:
                continue
            leader = leaders.setdefault(key, row)
            if leader is row:
                row.members, row.group = [row], [row.number]
                continue
            self._same_person(leader, row)
            leader.members.append(row)
            leader.group.append(row.number)
            row.members, row.group = leader.members, leader.group
            if stay_id:
                self._same_stay_fields(leader, row)
        shared = [leader for leader in leaders.values() if len(leader.members) > 1]
        for leader in shared:
            if not leader.fields.get("id"):  # an export repeats the stay's own texts on each row: keep the first
                self._merge_texts(leader)
            for member in leader.members[1:]:
                if member.messages:
                    self._error(leader, "", f"同じ滞在の {member.number} 行目にエラーがあります。")
        if shared:
            # Said before the commit, so a coordinator sees how the rows were read as stays.
            listed = "、".join("・".join(str(m.number) for m in leader.members) for leader in shared[:5])
            more = f" ほか {len(shared) - 5} 件" if len(shared) > 5 else ""
            self.plan.notes.append(
                f"{sum(len(leader.members) for leader in shared)} 行を {len(shared)} 件の滞在（複数人）に"
                f"まとめます（{listed} 行目{more}）。")
        return rows

    def _group_key(self, row: ActivityRow) -> tuple | None:
        f, data = row.fields, row.data
        host, lodging = normalise_spaces(f.get("host", "")), normalise_spaces(f.get("lodging", ""))
        if not (host or lodging) or not data.start_on or not data.end_on:
            return None  # refused by the stay rules anyway; grouping would only blur the message
        return ("key", host, lodging, normalise_spaces(f.get("programme", "")), data.start_on, data.end_on,
                data.status)

    def _same_person(self, leader: ActivityRow, row: ActivityRow) -> None:
        def who(r: ActivityRow):
            return ("new", r.new_person.name) if r.new_person else ("id", tuple(r.data.person_ids))

        if not row.data.person_ids and row.new_person is None:
            return  # no person found: that row has its own error already
        twin = next((m for m in leader.members if who(m) == who(row)), None)
        if twin is not None:
            self._error(row, "person_id", f"{twin.number} 行目と同じ人が同じ滞在にもう一度書かれています"
                                          "（重複した行なら消してください）。")

    def _same_stay_fields(self, leader: ActivityRow, row: ActivityRow) -> None:
        # The stay's own fields, written on each of its rows by the export: an edit in one row only
        # would be lost (the first row is written), so the rows must agree.
        for key in ("start_on", "end_on", "host_id", "lodging_id", "status", "programme_id", "purpose", "notes",
                    "override_reason"):
            if getattr(row.data, key) != getattr(leader.data, key):
                column = {"host_id": "host", "lodging_id": "lodging", "programme_id": "programme"}.get(key, key)
                label = column_by_key("stays", column).header
                self._error(row, column, f"{leader.number} 行目と同じ滞在ID ですが「{label}」が違います"
                                         "（同じ滞在の行はすべて同じにしてください）。")
                return

    @staticmethod
    def _merge_texts(leader: ActivityRow) -> None:
        """目的, 備考 and 定員超過の理由 of the stay, gathered from all its rows without losing any."""
        datas = [m.data for m in leader.members]
        purposes = list(dict.fromkeys(d.purpose for d in datas if d.purpose))
        leader.data.purpose = "、".join(purposes)
        notes = list(dict.fromkeys((m.new_person.name if m.new_person else m.label, m.data.notes)
                                   for m in leader.members if m.data.notes))
        if len({text for _label, text in notes}) > 1:
            leader.data.notes = "／".join(f"{label}: {text}" for label, text in notes)
        elif notes:
            leader.data.notes = notes[0][1]
        reason = next((d.override_reason for d in datas if d.override_reason), "")
        leader.data.override_reason = reason


def writes_its_stay(row: ActivityRow) -> bool:
    """One row writes a grouped stay: the first of its rows that the coordinator did not skip."""
    if not row.members:
        return True
    return row is next((m for m in row.members if m.action != SKIP), None)
