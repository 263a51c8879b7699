"""Translations: the program's own catalogue plus Qt's, chosen by locale.

Compiled catalogues ship in resources/translations/epcs_desktop_<lang>.qm
(built from the .ts with pyside6-lrelease). `EPCS_DESKTOP_LANG` overrides the
system locale, which helps when checking a translation.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"  # a folder (see theme)

_installed: list[QTranslator] = []

# The context of core/'s N_() texts (core.i18n.CONTEXT; repeated here so the lock screen's first paint
# does not import core/ for it — tests/ui/test_i18n.py checks the two agree).
CORE_CONTEXT = "core"


def core_text(text: str) -> str:
    """A text core/ wrote with `N_()` (guide steps, setting labels, rule messages) in the user's language.

    lupdate extracts every `N_("...")` literal of core/ into the "core" context
    (scripts/lupdate.py), so nothing is copied into a table here.
    """
    return QCoreApplication.translate("core", text) if text else text  # "core": CORE_CONTEXT


def core_message(exc: BaseException) -> str:
    """An `EpcsError`'s sentence in the user's language.

    A message core/ wrote as a plain `N_()` literal is looked up as it is. One
    that carries values keeps its template and values apart (`template`,
    `params`) so the template is translated before the values go in; an error
    without either is shown as written (English is always correct, if not local).
    """
    template = getattr(exc, "template", None)
    params = getattr(exc, "params", None)
    if isinstance(template, str) and template and isinstance(params, dict):
        try:
            return core_text(template).format(**params)
        except (KeyError, IndexError, ValueError):
            log.warning("a translated message lost a placeholder; shown in English")
            return str(exc)
    return core_text(str(exc))


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
        # Qt's dialog texts its own catalogue misses (QFileDialog's "&Look in:"): ours, asked first.
        extra = QTranslator(app)
        if extra.load(loc, "qt_extra", "_", str(TRANSLATIONS), ".qm"):
            app.installTranslator(extra)
            _installed.append(extra)
    return loaded
