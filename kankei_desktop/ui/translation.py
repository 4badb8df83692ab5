"""Loading our translations and Qt's own (so standard buttons say キャンセル)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kankei_desktop.paths import program_root, translations_dir

_installed: list[QTranslator] = []
_language = "ja"


def current_language() -> str:
    """'ja' or 'en': the language the translators were installed for."""
    return _language



def _qt_translations_dirs() -> list[str]:
    # A frozen build carries Qt's .qm files next to ours; from source, Qt's own folder.
    return [str(translations_dir()), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(program_root() / "PySide6" / "Qt" / "translations")]


def install_translations(app: QCoreApplication, language: str) -> list[str]:
    """Install the translators for ``language`` ('ja' or 'en'); returns the files loaded."""
    global _language
    _language = "en" if language == "en" else "ja"
    from kankei_desktop.domain.errors import set_message_display
    from kankei_desktop.ui.words import error_text

    # The services' refusals in the window's language where known (the CLI never installs this).
    set_message_display(error_text if _language == "en" else None)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded: list[str] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Japan))
        return loaded
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    for folder in _qt_translations_dirs():
        translator = QTranslator(app)
        if translator.load("qtbase_ja", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(f"{folder}/qtbase_ja.qm")
            break
    for qm in sorted(translations_dir().glob("*_ja.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(str(qm))
    return loaded
