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


__all__ = ["open_import_wizard"]
