"""Loading the compiled UI translations (.qm).

Source strings are English and go through ``tr()``; Simplified Chinese is the
default language. The ``.ts``/``.qm`` files live in the repository's top-level
``resources/translations`` (see ``resources/translations/README.md`` for how to
regenerate them); a wheel or a bundle carries them inside the package, and
:mod:`village_desk.core.resources` finds them in all three.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from village_desk.core.resources import resources_dir

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
RESOURCES_DIR = resources_dir()
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"


_language = [DEFAULT_LANGUAGE]


def current_language() -> str:
    """The UI language installed last (``zh_CN``, or ``en`` for the source strings)."""
    return _language[0]


def qm_path(language: str = DEFAULT_LANGUAGE) -> Path:
    return TRANSLATIONS_DIR / f"village_desk_{language}.qm"


def install_translators(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> list:
    """Install our translation and Qt's own (button texts such as OK/Cancel).

    Returns the installed translators; the caller keeps them alive. English
    ("en") installs nothing: the source strings are English.
    """
    installed: list[QTranslator] = []
    _language[0] = language
    if language.startswith("en"):
        return installed
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if ours.load(str(qm_path(language))):
        app.installTranslator(ours)
        installed.append(ours)
    else:  # an incomplete install: say so in the log instead of an English UI in silence
        log.warning("translation %s not found or unreadable", qm_path(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        # Texts of Qt's own widgets its catalogue lacks (see the .ts); asked
        # only where qtbase has none (translators installed later are asked first).
        extra = QTranslator(app)
        if extra.load(str(TRANSLATIONS_DIR / f"qtbase_extra_{language}.qm")):
            app.installTranslator(extra)
            installed.append(extra)
        app.installTranslator(qt_base)
        installed.append(qt_base)
    return installed
