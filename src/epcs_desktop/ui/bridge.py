"""Turn Profile change callbacks into a Qt signal.

`Profile.add_listener` calls back on whatever thread committed the change (a
worker, the wizard, the GUI). Models must only be reset on the GUI thread, so
the callback just emits a signal; Qt queues it across threads.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class ProfileBridge(QObject):
    """Emits `changed` after every committed change of one profile."""

    changed = Signal()

    def __init__(self, profile: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self._alive = True
        add = getattr(profile, "add_listener", None)
        if add is not None:
            add(self._on_change)

    def _on_change(self, *_args: object, **_kwargs: object) -> None:
        if self._alive:
            self.changed.emit()

    def detach(self) -> None:
        """Stop forwarding (the profile is being closed)."""
        self._alive = False
        remove = getattr(self.profile, "remove_listener", None)
        if remove is not None:
            try:
                remove(self._on_change)
            except Exception:  # a listener that is already gone is fine
                log.debug("listener already removed")
