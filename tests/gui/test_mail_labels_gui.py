"""The address labels dialog through its real widgets: its segment list and the PDF it writes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_labels_dialog_lists_saved_segments_and_prints_the_chosen_one(qtbot, app_ready, database, tmp_path):
    """The 「Who」 list reads the segments through the service; choosing one prints its members."""
    from pypdf import PdfReader

    from kankei_desktop.services import settings_store
    from kankei_desktop.services.participants import PersonInput, create_person
    from kankei_desktop.services.segments import SegmentCriteria, save_segment
    from kankei_desktop.ui.areas.mail.dialogs import LabelsDialog

    with database.session() as session:
        settings_store.put(session, settings_store.ORGANISATION_NAME, "NPO法人 山北むらづくり")
        for name, city in (("山田 太郎", "新潟市中央区"), ("佐藤 花子", "村上市")):
            create_person(session, PersonInput(name=name, postal_code="951-8000", prefecture="新潟県", city=city,
                                               address_line="旭町1-1"))
        save_segment(session, "村上の人", SegmentCriteria(text="佐藤", never_contacted="include"))
    dialog = LabelsDialog(database, [], None)
    qtbot.addWidget(dialog)
    choices = [dialog.source.itemText(i) for i in range(dialog.source.count())]
    assert any("村上の人" in text for text in choices)
    dialog.source.setCurrentIndex(dialog.source.findData("村上の人"))
    dialog.out_path = tmp_path / "labels.pdf"
    dialog.run()
    assert dialog.result() == 1, dialog.error_label.text()
    text = "\n".join(page.extract_text() for page in PdfReader(dialog.out_path).pages)
    assert "佐藤 花子" in text and "山田 太郎" not in text
