"""The enrollment table (the board's other view): plain tuples from ``enrollments.table_rows``."""

from __future__ import annotations

from datetime import date

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.ui.common import TupleModel

COL_NAME, COL_FURIGANA, COL_STAGE, COL_SINCE, COL_DAYS, COL_APPLIED = range(6)


class EnrollmentTableModel(TupleModel):
    """Rows (``set_rows``) as (enrollment_id, name, furigana, stage, stage_since, days, applied_on)."""

    ID_COLUMN = 0

    def enrollment_id_at(self, row: int) -> str:
        return self.row_id(row)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Furigana"), self.tr("Stage"), self.tr("In stage since"),
                self.tr("Days in stage"), self.tr("Applied")]

    def right_aligned(self) -> tuple[int, ...]:
        return (COL_DAYS,)

    def display(self, row: tuple, column: int):
        return row[column + 1]  # the id comes first

    def text(self, value):
        if isinstance(value, date):
            return display_date(value)
        if isinstance(value, int):
            return f"{value:,}"
        return value or ""
