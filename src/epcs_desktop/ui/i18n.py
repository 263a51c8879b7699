"""Translations: the program's own catalogue plus Qt's, chosen by locale.

Compiled catalogues ship in resources/translations/epcs_desktop_<lang>.qm
(built from the .ts with pyside6-lrelease). `EPCS_DESKTOP_LANG` overrides the
system locale, which helps when checking a translation.
"""

from __future__ import annotations

import logging
import os
from importlib import resources

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS = resources.files("epcs_desktop") / "resources" / "translations"

_installed: list[QTranslator] = []

# Display texts that core/ declares as data (the change-phone guide's steps, the settings' labels
# and help). core/ has no Qt, so they are listed here for lupdate; the UI shows them through
# core_text(). tests/ui/test_i18n.py fails when core's wording and this list drift apart.
CORE_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "Open ID.me from DrChrono"),
    QT_TRANSLATE_NOOP(
        "core",
        "In DrChrono go to Account > Provider Settings > eRx Info and click “Update MFA Device” "
        "(or open your ID.me account directly).",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The eRx Info tab with the ID.me Device Information table (Name · Option · Primary Device) "
        "and the link “Update MFA Device” above it.",
    ),
    QT_TRANSLATE_NOOP("core", "Open DrChrono eRx Info"),
    QT_TRANSLATE_NOOP("core", "Go to Sign In & Security"),
    QT_TRANSLATE_NOOP("core", "Once you are logged into ID.me, click “Sign In & Security” in the top menu."),
    QT_TRANSLATE_NOOP("core", "ID.me's menu: OVERVIEW · PROFILE · SIGN IN & SECURITY · MY WALLET."),
    QT_TRANSLATE_NOOP("core", "Open ID.me Sign In & Security"),
    QT_TRANSLATE_NOOP("core", "Sign in with your current MFA device"),
    QT_TRANSLATE_NOOP(
        "core",
        "ID.me asks you to finish signing in with multi-factor authentication: choose the method "
        "of your current primary device and enter its 6-digit code (or approve the push).",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "“COMPLETE YOUR SIGN IN” with the choices Text Message or Phone Call, Push Notification "
        "and Code Generator Application.",
    ),
    QT_TRANSLATE_NOOP("core", "Delete the old device in ID.me"),
    QT_TRANSLATE_NOOP(
        "core",
        "Under “Your Multi-Factor Sign in Method” click the trash can next to the old device, then "
        "mark it removed here. Do this only once you can still sign in another way.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "“Securing Your Account” with Push Notification and Code Generator sections, each device "
        "listed with its date added and a trash can.",
    ),
    QT_TRANSLATE_NOOP("core", "Set up the new device"),
    QT_TRANSLATE_NOOP(
        "core",
        "Click “Set Up” and choose “Enroll with barcode / secret key”. Scan the QR code with this "
        "program (or type the secret key), enter the 6-digit code on “Confirm your device” and "
        "give it a unique nickname. If the new device is a phone app or push device, record it "
        "here.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "“SECURE YOUR ACCOUNT”, then a QR code with a secret key, then “Confirm your device” "
        "asking for the 6-digit code and a device name.",
    ),
    QT_TRANSLATE_NOOP("core", "Select the new primary device in DrChrono"),
    QT_TRANSLATE_NOOP(
        "core",
        "Return to DrChrono's Account > Provider Settings > eRx Info, click “Select as Primary "
        "Device” next to the new device, then mark it primary here too.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "The ID.me Device Information table with “Is Primary” next to exactly one device.",
    ),
    QT_TRANSLATE_NOOP("core", "Lock after inactivity (minutes)"),
    QT_TRANSLATE_NOOP(
        "core",
        "The profile locks itself after this many idle minutes; 0 never locks (not recommended).",
    ),
    QT_TRANSLATE_NOOP("core", "Clear copied codes after (seconds)"),
    QT_TRANSLATE_NOOP(
        "core",
        "A copied code is wiped from the clipboard after this many seconds; 0 keeps it.",
    ),
    QT_TRANSLATE_NOOP("core", "ID.me Sign In & Security"),
    QT_TRANSLATE_NOOP("core", "Where ID.me lets you add, rename or delete MFA devices."),
    QT_TRANSLATE_NOOP("core", "DrChrono eRx Info"),
    QT_TRANSLATE_NOOP("core", "DrChrono's Account > Provider Settings page (eRx Info tab)."),
    QT_TRANSLATE_NOOP("core", "EPCS Permissions"),
    QT_TRANSLATE_NOOP("core", "DrChrono's page for adjusting EPCS permissions."),
    QT_TRANSLATE_NOOP("core", "Camera"),
    QT_TRANSLATE_NOOP("core", "Which camera scans QR codes (0 is the first)."),
    QT_TRANSLATE_NOOP("core", "Time server"),
    QT_TRANSLATE_NOOP("core", "Used to check that this computer's clock is right; codes depend on it."),
    QT_TRANSLATE_NOOP("core", "Backup reminder (days)"),
    QT_TRANSLATE_NOOP(
        "core",
        "Remind me to make an encrypted backup after this many days; 0 turns reminders off.",
    ),
)


def core_text(text: str) -> str:
    """A core-declared display text in the user's language (English when not in CORE_TEXTS)."""
    return QCoreApplication.translate("core", text) if text else text


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
