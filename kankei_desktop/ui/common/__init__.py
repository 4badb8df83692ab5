"""What the areas' tables and forms share: item roles, the tuple table model, the table-view
setup and the field-error helper. Each is written here once; ``ui/areas/*`` import them."""

from kankei_desktop.ui.common.field_error import (
    ERROR_COLOUR,
    ERROR_FIELD_STYLE,
    ERROR_STRONG_STYLE,
    ERROR_TEXT_STYLE,
    error_label,
    mark_field,
    set_error,
    style_error_label,
)
from kankei_desktop.ui.common.roles import PersonIdRole, RowIdRole
from kankei_desktop.ui.common.table_view import setup_table, table_view
from kankei_desktop.ui.common.tuple_model import TupleModel

__all__ = [
    "ERROR_COLOUR",
    "ERROR_FIELD_STYLE",
    "ERROR_STRONG_STYLE",
    "ERROR_TEXT_STYLE",
    "PersonIdRole",
    "RowIdRole",
    "TupleModel",
    "error_label",
    "mark_field",
    "set_error",
    "setup_table",
    "style_error_label",
    "table_view",
]
