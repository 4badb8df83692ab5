from __future__ import annotations

import pytest

from kankei_desktop.services.participants import PersonInput, create_person


@pytest.fixture
def app_ready(qapp):
    """The application font and Japanese translations, as the real start-up installs them."""
    from kankei_desktop.ui.app import make_application

    return make_application()


@pytest.fixture
def two_persons(database):
    with database.session() as session:
        yamada = create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ", phone="090-1234-5678"))
        sato = create_person(session, PersonInput(name="佐藤 花子", furigana="サトウ ハナコ", email="hana@example.jp"))
    return {"yamada": yamada, "sato": sato}
