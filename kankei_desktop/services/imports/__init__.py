"""Importing persons, enrollments and activities from a spreadsheet: plan, then commit.

``build_plan`` (plan.py) reads nothing but the table and the database: it finds the header row
(mapping.py), maps the columns, and hands the rows to a planner that normalises, validates and
sorts each into new / update / unchanged / duplicate / error (persons.py for persons and
enrollments, activities.py for stays, contacts, letters, shipments and the other record kinds).
The coordinator picks an action per row; ``commit_plan`` (commit.py) writes them in the caller's
one transaction. types.py holds the shapes they all share, so no module imports one that imports
it back.
"""

from kankei_desktop.services.imports.commit import commit_plan, preview_table, report_table, write_report
from kankei_desktop.services.imports.mapping import (
    detect_header_row,
    load_saved_mapping,
    mapping_from_file,
    resolve_header_mapping,
    save_mapping,
)
from kankei_desktop.services.imports.plan import build_plan
from kankei_desktop.services.imports.types import (
    ACTION_LABELS,
    CREATE,
    DUPLICATE,
    ERROR,
    NEW,
    SKIP,
    STATUS_LABELS,
    UNCHANGED,
    UPDATE,
    CellMessage,
    ImportCancelled,
    ImportPlan,
    ImportResult,
    PlanRow,
    fresh_ids,
)

__all__ = [
    "ACTION_LABELS", "CREATE", "DUPLICATE", "ERROR", "NEW", "SKIP", "STATUS_LABELS", "UNCHANGED", "UPDATE",
    "CellMessage", "ImportCancelled", "ImportPlan", "ImportResult", "PlanRow", "build_plan",
    "commit_plan", "detect_header_row", "fresh_ids", "load_saved_mapping", "mapping_from_file", "preview_table",
    "report_table", "resolve_header_mapping", "save_mapping", "write_report",
]
