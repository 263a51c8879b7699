"""Small helpers shared by the front-desk dialogs: links, inline errors, profile listeners."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QWidget

from epcs_desktop.core.errors import EpcsError

log = logging.getLogger(__name__)

PRACTICE_STYLE = "background:#b00020;color:white;font-weight:bold;padding:6px;"
ERROR_STYLE = "color:#b00020;"
OK_STYLE = "color:#1b5e20;"


def setting_url(profile: Any, key: str) -> str:
    """The address held in the profile's settings (fallback: the declared default)."""
    try:
        value = profile.settings().get(key)
    except EpcsError:
        value = None
    if not value:
        from epcs_desktop.core.settings import setting

        value = setting(key).default
    return str(value or "")


def open_setting_link(profile: Any, key: str) -> bool:
    """Open a settings address in the default browser; False when none is configured."""
    url = setting_url(profile, key)
    if not url:
        return False
    return QDesktopServices.openUrl(QUrl(url))


def show_message(label: QLabel, text: str, ok: bool = False) -> None:
    label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
    label.setText(text)
    label.setVisible(bool(text))


def run_inline(label: QLabel, action: Callable[[], Any], ok_text: str = "") -> Any:
    """Run a profile change; an `EpcsError` is shown in `label` instead of escaping to the user."""
    try:
        result = action()
    except EpcsError as exc:
        show_message(label, str(exc))
        return None
    show_message(label, ok_text or (result if isinstance(result, str) else ""), ok=True)
    return result


def listen(profile: Any, widget: QWidget, callback: Callable[[], None]) -> None:
    """Refresh `widget` after each committed profile change, until the widget is gone.

    The Profile contract has `add_listener` but no removal, so the callback
    outlives the dialog; it checks that the widget still exists first.
    """
    add = getattr(profile, "add_listener", None)
    if add is None:
        return
    alive = {"ok": True}
    widget.destroyed.connect(lambda *_: alive.update(ok=False))

    def _on_change(*_args: Any) -> None:
        if alive["ok"]:
            try:
                callback()
            except RuntimeError:  # the C++ object was deleted between the check and the call
                alive["ok"] = False

    add(_on_change)
    remove = getattr(profile, "remove_listener", None)
    if remove is not None:
        widget.destroyed.connect(lambda *_: remove(_on_change))
