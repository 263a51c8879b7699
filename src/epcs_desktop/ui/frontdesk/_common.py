"""Small helpers shared by the front-desk dialogs: links, inline errors, profile listeners."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QUrl
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


def profile_usable(profile: Any) -> bool:
    """False once the profile's vault was closed (lock, auto-lock, switch profile)."""
    vault = getattr(profile, "vault", None)
    return bool(getattr(vault, "is_open", True))


def still_open(widget: QWidget, profile: Any) -> bool:
    """After a nested `exec()` returns: is this dialog still there and its profile still unlocked?

    A lock while a nested wizard runs closes every window and the vault before
    `exec()` returns; code after it must then stop instead of reading a closed vault.
    """
    return shiboken6.isValid(widget) and profile_usable(profile)


class _ShowWatcher(QObject):
    """Re-attaches a listener when its dialog is shown again after it finished."""

    def __init__(self, widget: QWidget, on_show: Callable[[], None]) -> None:
        super().__init__(widget)
        self._on_show = on_show
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._on_show()
        return False


def listen(profile: Any, widget: QWidget, callback: Callable[[], None]) -> None:
    """Refresh `widget` after each committed profile change, while the dialog is open.

    The listener is removed when the dialog finishes (closed, accepted,
    rejected), not only when it is destroyed: dialogs parented to the main
    window live on hidden until the window goes, and each would otherwise keep
    refreshing on every change. Showing the dialog again re-attaches it and
    catches up with what changed meanwhile.
    """
    add = getattr(profile, "add_listener", None)
    if add is None:
        return
    remove = getattr(profile, "remove_listener", None)
    attached = {"on": False}

    def _on_change(*_args: Any) -> None:
        if not shiboken6.isValid(widget):
            _detach()
            return
        try:
            callback()
        except RuntimeError:  # the C++ object was deleted between the check and the call
            _detach()

    def _attach() -> None:
        if not attached["on"]:
            add(_on_change)
            attached["on"] = True

    def _detach(*_args: Any) -> None:
        if attached["on"] and remove is not None:
            remove(_on_change)
            attached["on"] = False

    def _shown() -> None:
        if not attached["on"] and profile_usable(profile):
            _attach()
            _on_change()  # changes made while it was closed

    _attach()
    finished = getattr(widget, "finished", None)
    if finished is not None:
        finished.connect(_detach)
    widget.destroyed.connect(_detach)
    _ShowWatcher(widget, _shown)
