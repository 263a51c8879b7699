"""This computer's display preferences: language and light/dark, chosen in Settings.

They are not profile settings: the lock screen needs them before any profile
is unlocked, and they are about the screen, not the clinician's MFA. So they
live next to the window geometry (`window.ini` in the data folder, the same
QSettings the controller keeps), not in a vault. The environment variables
`EPCS_DESKTOP_LANG` and `EPCS_DESKTOP_COLOR_SCHEME` still win (tests, screenshots).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QSettings

log = logging.getLogger(__name__)

LANGUAGE_KEY = "display/language"
SCHEME_KEY = "display/color_scheme"
LANGUAGES = ("", "en", "es")  # "" = the computer's language
SCHEMES = ("", "light", "dark")  # "" = follow the desktop


def settings_file(data_dir: str | os.PathLike[str]) -> QSettings:
    """The QSettings file the controller also uses for window geometry."""
    return QSettings(str(Path(data_dir) / "window.ini"), QSettings.Format.IniFormat)


def _read(settings: QSettings, key: str, allowed: tuple[str, ...]) -> str:
    value = str(settings.value(key, "") or "")
    return value if value in allowed else ""


def language(settings: QSettings) -> str:
    return _read(settings, LANGUAGE_KEY, LANGUAGES)


def scheme(settings: QSettings) -> str:
    return _read(settings, SCHEME_KEY, SCHEMES)


def save(settings: QSettings, *, language: str, scheme: str) -> None:
    if language not in LANGUAGES or scheme not in SCHEMES:
        raise ValueError("unknown display preference")
    settings.setValue(LANGUAGE_KEY, language)
    settings.setValue(SCHEME_KEY, scheme)
    settings.sync()


def apply_scheme(settings: QSettings) -> None:
    """Light/dark as chosen (the environment variable still wins); takes effect at once."""
    from epcs_desktop.ui import theme

    theme.set_preferred_scheme(scheme(settings) or None)


def apply_language(settings: QSettings) -> bool:
    """Install the chosen language's translators (the environment variable still wins)."""
    from epcs_desktop.ui.i18n import install_translators

    chosen = os.environ.get("EPCS_DESKTOP_LANG") or language(settings) or None
    return install_translators(chosen)
