"""Table models of the data-safety area: backups and audit entries, over plain tuples."""

from __future__ import annotations

from kankei_desktop.domain.text import file_size
from kankei_desktop.services.audit_log import AuditRow
from kankei_desktop.store.backup import BackupInfo
from kankei_desktop.ui.common import TupleModel
from kankei_desktop.ui.words import describe_changes, shown_label


class BackupTableModel(TupleModel):
    COL_TAKEN, COL_REASON, COL_SIZE, COL_PERSONS, COL_FILE = range(5)

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Kind"), self.tr("Size"), self.tr("Persons"), self.tr("File")]

    def right_aligned(self) -> tuple[int, ...]:
        return (self.COL_SIZE, self.COL_PERSONS)

    def set_backups(self, infos: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._ids = [info.path for info in infos]
        self._rows = [
            (
                f"{info.taken_at:%Y/%m/%d %H:%M:%S}",
                shown_label(info.reason_label),
                file_size(info.size_bytes),
                self.tr("unreadable") if info.person_count is None else f"{info.person_count:,}",
                info.path.name,
            )
            for info in infos
        ]
        self.endResetModel()


class AuditTableModel(TupleModel):
    COL_AT, COL_USER, COL_ACTION, COL_ENTITY, COL_CHANGES = range(5)

    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Record"), self.tr("Changes")]

    def set_entries(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self._ids = [row.id for row in rows]
        self._rows = [
            (
                f"{row.at:%Y/%m/%d %H:%M}",
                row.user,
                shown_label(row.action_label),
                shown_label(row.entity_label),
                describe_changes(row),
            )
            for row in rows
        ]
        self.endResetModel()


class DormantTableModel(TupleModel):
    COL_NAME, COL_LAST, COL_REGISTERED = range(3)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Last activity"), self.tr("Registered")]

    def set_persons(self, persons) -> None:
        self.beginResetModel()
        self._ids = [p.person_id for p in persons]
        self._rows = [
            (p.name, f"{p.last_activity_on:%Y/%m/%d}" if p.last_activity_on else "—", f"{p.registered_on:%Y/%m/%d}")
            for p in persons
        ]
        self.endResetModel()
