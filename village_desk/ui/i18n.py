"""Loading the compiled UI translations (.qm).

Source strings are English and go through ``tr()``; Simplified Chinese is the
default language. The ``.ts``/``.qm`` files live in the repository's top-level
``resources/translations`` (see ``resources/translations/README.md`` for how to
regenerate them).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

DEFAULT_LANGUAGE = "zh_CN"
RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"


def qm_path(language: str = DEFAULT_LANGUAGE) -> Path:
    return TRANSLATIONS_DIR / f"village_desk_{language}.qm"


def install_translators(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> list:
    """Install our translation and Qt's own (button texts such as OK/Cancel).

    Returns the installed translators; the caller keeps them alive. English
    ("en") installs nothing: the source strings are English.
    """
    installed: list[QTranslator] = []
    if language.startswith("en"):
        return installed
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if ours.load(str(qm_path(language))):
        app.installTranslator(ours)
        installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    return installed
