"""Small helpers shared by the front-desk dialogs: settings links and running a change inline.

Profile refreshes come from ui.bridge (`follow`), inline messages from
ui.feedback (`show_message`): one of each for every window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel

from epcs_desktop.core.errors import EpcsError
from epcs_desktop.ui.bridge import follow, profile_usable
from epcs_desktop.ui.feedback import show_message
from epcs_desktop.ui.tasks import user_message

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

T = TypeVar("T")

PRACTICE_STYLE = "background:#b00020;color:white;font-weight:bold;padding:6px;"

__all__ = [
    "PRACTICE_STYLE",
    "follow",
    "open_setting_link",
    "profile_usable",
    "run_inline",
    "setting_url",
    "show_message",
]


def setting_url(profile: Profile, key: str) -> str:
    """The address a guide step links to: the profile's setting `key` (its registry default when unset).

    `key` comes from core's step data (`GuideStep.link_setting`), so it is read by name here.
    """
    try:
        value = getattr(profile.settings, key)
    except (EpcsError, AttributeError):
        from epcs_desktop.core.settings import setting

        value = setting(key).default
    return str(value or "")


def open_setting_link(profile: Profile, key: str) -> bool:
    """Open a settings address in the default browser; False when none is configured."""
    url = setting_url(profile, key)
    if not url:
        return False
    return QDesktopServices.openUrl(QUrl(url))


def run_inline(label: QLabel, action: Callable[[], T], ok_text: str = "") -> T | None:
    """Run a profile change; an `EpcsError` is shown in `label` instead of escaping to the user."""
    try:
        result = action()
    except EpcsError as exc:
        show_message(label, user_message(exc))
        return None
    show_message(label, ok_text or (result if isinstance(result, str) else ""), ok=True)
    return result
