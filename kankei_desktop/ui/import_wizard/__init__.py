"""The import wizard: file → sheet/encoding → mapping → preview → commit → report.

Open it with ``open_import_wizard(parent, database)``; it is modal and returns
the wizard after it closes (``wizard.result_summary`` says what was imported).
"""

from __future__ import annotations


def open_import_wizard(parent, database, *, modal: bool = True):
    from kankei_desktop.ui.import_wizard.wizard import ImportWizard

    wizard = ImportWizard(database, parent)
    if modal:
        wizard.exec()
    else:
        wizard.show()
    return wizard


def open_export_dialog(parent, database, what: str = "persons"):
    """Export ``what`` (persons, enrollments, stays, letters, shipments, interactions, all)."""
    from kankei_desktop.ui.import_wizard.export_dialog import open_export_dialog as run

    return run(parent, database, what)


__all__ = ["open_export_dialog", "open_import_wizard"]
