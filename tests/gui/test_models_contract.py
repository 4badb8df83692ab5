"""Every item model of the window keeps Qt's model contract (issue 21, item 4).

pytest-qt's ``qtmodeltester`` (Qt's QAbstractItemModelTester) checks each model with the real
rows it shows on the demo file: indexes, parents, row and column counts, headers, the types of
the values of each role, and the signals around a reset.

The models are found, not listed: every model class under ``kankei_desktop.ui`` (each subclass
of QAbstractItemModel found after importing the ui package) must be shown somewhere in the
window opened on the demo file, or in a dialog the window opens, with rows. A new model without
a place in this walk fails its own case of ``test_model_keeps_the_qt_contract_with_rows``. A base class that only other
models derive from (a shared tuple model) is checked through the models built on it.
"""

from __future__ import annotations

import importlib
import pkgutil

import openpyxl
import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QThreadPool
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QPushButton, QSpinBox

import kankei_desktop.ui
import pg_support

pytestmark = pytest.mark.gui

# File backups belong to the SQLite file: on a server (pytest --pg) the list is empty by design.
EMPTY_ON_A_SERVER = {"BackupTableModel"}


def model_classes() -> dict[str, type]:
    """Every concrete model class of ``kankei_desktop.ui``, by name (bases left out)."""
    for module in pkgutil.walk_packages(kankei_desktop.ui.__path__, "kankei_desktop.ui."):
        importlib.import_module(module.name)
    found: set[type] = set()
    waiting = [QAbstractItemModel]
    while waiting:
        for subclass in waiting.pop().__subclasses__():
            waiting.append(subclass)
            if subclass.__module__.startswith("kankei_desktop."):
                found.add(subclass)
    bases = {base for cls in found for base in cls.__mro__[1:] if base in found}
    return {f"{cls.__module__}.{cls.__qualname__}": cls for cls in found - bases}


MODEL_CLASSES = model_classes()


def settle(app: QApplication) -> None:
    """Until every count running in the thread pool has answered and the answers are shown."""
    pool = QThreadPool.globalInstance()
    quiet = 0
    for _ in range(600):
        app.processEvents()
        busy = not pool.waitForDone(50)
        app.processEvents()
        quiet = 0 if busy else quiet + 1
        if quiet >= 5:
            return
    raise AssertionError("the thread pool never went quiet")


def models_in(widget) -> list[QAbstractItemModel]:
    """The models of every view under ``widget``, proxies followed to their sources."""
    found = []
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        while model is not None:
            found.append(model)
            model = model.sourceModel() if isinstance(model, QAbstractProxyModel) else None
    return found


@pytest.fixture(scope="module")
def shown_models(qapp, tmp_path_factory):
    """Each model class → the instances the window shows on the demo file, each area visited,
    the ladder suggestions and an import preview opened as a coordinator would."""
    from kankei_desktop.services import demo
    from kankei_desktop.ui.app import make_application, organisation_name
    from kankei_desktop.ui.main_window import MainWindow

    app = make_application()
    folder = tmp_path_factory.mktemp("models")
    database = pg_support.create(folder / "demo.sqlite3")
    with database.session() as session:
        demo.load_demo_data(session)
    window = MainWindow(database, organisation_name(database))
    window.show()
    settle(app)
    for key in window.pages:
        window.show_area(key)
        settle(app)
    # データの保護 → 長期未接触: one month without a touch, so the demo file has dormant persons.
    window.findChild(QComboBox, "period_unit").setCurrentIndex(1)
    window.findChild(QSpinBox, "period_spin").setValue(1)
    window.show_area("reports")
    window.findChild(QPushButton, "ladderButton").click()
    settle(app)
    book = openpyxl.Workbook()
    book.active.append(["お名前", "ふりがな", "携帯"])
    book.active.append(["山田 花子", "やまだ はなこ", "090-1234-5678"])
    book.active.append(["鈴木 一郎", "スズキ イチロウ", "12"])
    path = folder / "list.xlsx"
    book.save(path)
    wizard = window.open_import(path)
    while wizard.currentPage() is not wizard.preview_page:
        page = wizard.currentPage()
        wizard.next()
        settle(app)
        assert wizard.currentPage() is not page, "the import wizard stopped before its preview"
    by_class: dict[type, list[QAbstractItemModel]] = {}
    for widget in [window, *QApplication.topLevelWidgets()]:
        for model in models_in(widget):
            if model not in by_class.setdefault(type(model), []):
                by_class[type(model)].append(model)
    yield database, by_class
    wizard.reject()
    window.close()
    window.deleteLater()
    settle(app)
    database.close()


@pytest.mark.parametrize("name", sorted(MODEL_CLASSES))
def test_model_keeps_the_qt_contract_with_rows(qtmodeltester, shown_models, name):
    database, by_class = shown_models
    models = by_class.get(MODEL_CLASSES[name], [])
    assert models, f"{name} is not shown by any view of the window: open it in the shown_models fixture"
    with_rows = [model for model in models if model.rowCount() > 0]
    if not with_rows and database.is_server and MODEL_CLASSES[name].__name__ in EMPTY_ON_A_SERVER:
        pytest.skip("no file backups on a server")
    assert with_rows, f"{name} has no rows on the demo file: the check needs real rows"
    for model in with_rows:
        qtmodeltester.check(model)


def test_the_walk_finds_the_models_of_today():
    """The walk finds the models the code has today (a new one joins the test above by itself)."""
    names = {cls.__name__ for cls in MODEL_CLASSES.values()}
    assert {"PersonListModel", "EnrollmentTableModel", "HostListModel", "LetterModel", "ShipmentModel",
            "FollowUpModel", "BackupTableModel", "AuditTableModel", "DormantTableModel", "SuggestionsModel",
            "PlanModel"} <= names
