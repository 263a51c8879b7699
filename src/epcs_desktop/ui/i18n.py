"""Translations: the program's own catalogue plus Qt's, chosen by locale.

Compiled catalogues ship in resources/translations/epcs_desktop_<lang>.qm
(built from the .ts with pyside6-lrelease). `EPCS_DESKTOP_LANG` overrides the
system locale, which helps when checking a translation.
"""

from __future__ import annotations

import logging
import os
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS = resources.files("epcs_desktop") / "resources" / "translations"

_installed: list[QTranslator] = []


def available_languages() -> list[str]:
    return sorted(
        p.name.removeprefix("epcs_desktop_").removesuffix(".qm")
        for p in TRANSLATIONS.iterdir()
        if p.name.startswith("epcs_desktop_") and p.name.endswith(".qm")
    )


def remove_translators() -> None:
    app = QCoreApplication.instance()
    if _installed:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    while _installed:
        t = _installed.pop()
        if app is not None:
            app.removeTranslator(t)


def install_translators(locale: QLocale | str | None = None) -> bool:
    """Install translators for `locale` (default: env override or system). True if ours loaded."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    remove_translators()
    if locale is None:
        locale = os.environ.get("EPCS_DESKTOP_LANG") or QLocale.system()
    loc = QLocale(locale) if isinstance(locale, str) else locale
    ours = QTranslator(app)
    loaded = ours.load(loc, "epcs_desktop", "_", str(TRANSLATIONS), ".qm")
    if loaded:
        QLocale.setDefault(loc)  # help pages and number formats follow the loaded language
        app.installTranslator(ours)
        _installed.append(ours)
        log.info("translation loaded: %s", loc.name())
        qt = QTranslator(app)
        if qt.load(loc, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    return loaded
