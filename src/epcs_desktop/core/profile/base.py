"""The profile service's core: the open vault, its listeners and the one activity-log writer.

Every part of `Profile` (ID.me devices, generators, records, hand-over,
restore) builds on this class; all of them write the activity log through
`_log`, so a change to what an activity entry is happens in one place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.context import PolicySource
from epcs_desktop.core.events import ProfileEvent
from epcs_desktop.core.profile import repository as repo
from epcs_desktop.core.vault import Vault, _Tx

logger = logging.getLogger(__name__)

Listener = Callable[[ProfileEvent], None]


@dataclass(frozen=True)
class ActivityEntry:
    """One log entry. `detail` is its sentence in English; `stored` what the log holds (core.activity:
    a structured event the window renders in the language it shows)."""

    at: float
    action: str
    detail: str
    stored: str = ""


class ProfileBase:
    """An unlocked profile's vault, name, clock and listeners (see `core.profile.Profile`)."""

    def __init__(self, vault: Vault, name: str, policy: PolicySource) -> None:
        self.vault = vault
        self.name = name
        self.clock: Clock = vault.clock  # the store's (the context's) clock, which the vault was opened with
        self.policy = policy  # IT's policy in force, asked at each use (core/context.py)
        self._listeners: list[Listener] = []
        self.set_aside: list[str] = []  # one message per stored row that was set aside (this session)
        # id -> (the row's stored values, its decoded views): rows are decoded once, not at every read
        # (the opening check and the first `devices()` of an unlock read the same 1,000 rows).
        self._decoded: dict[int, tuple[tuple[Any, ...], repo.StoredRow]] = {}
        # One message per stored row that changed side when the profile was upgraded (ID.me device or
        # another site's code generator), for the window to show once, on this (the first) unlock.
        self.upgrade_notes: list[str] = []

    def __repr__(self) -> str:
        return f"Profile(name={self.name!r})"

    # -- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        self._decoded.clear()  # no decoded secret outlives the lock
        self.vault.close()

    @property
    def is_open(self) -> bool:
        """False once closed (lock, auto-lock, switch): front ends ask this, never the vault."""
        return bool(self.vault.is_open)

    def check_integrity(self) -> list[str]:
        """Every page's check (`Vault.check_integrity`): problem lines, empty when intact."""
        return list(self.vault.check_integrity())

    @property
    def path(self) -> Path:
        """The profile's file (backups must never be written over it)."""
        return self.vault.path

    # -- listeners ----------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        """`listener(event)` is called after every committed change, with what changed (`core.events`)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: ProfileEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken view must not undo or hide a committed change
                logger.exception("profile listener failed")

    # -- decoded rows ---------------------------------------------------------------------------

    def _decode(self, row: Any) -> repo.StoredRow:
        """`repository.decode_row`, remembered per row id while the row's stored values stay the same."""
        values = tuple(row)
        cached = self._decoded.get(int(row["id"]))
        if cached is not None and cached[0] == values:
            return cached[1]
        stored = repo.decode_row(row)
        self._decoded[stored.id] = (values, stored)
        return stored

    def minimum_password_strength(self) -> int:
        """IT's minimum strength for this profile's new passwords (profile, hand-over, backup)."""
        from epcs_desktop.core.policy import minimum_password_strength

        return minimum_password_strength(self.policy.current())

    def _log(self, db: _Tx, action: str, detail: str) -> None:
        """THE activity-log writer: every entry the service makes goes through here."""
        repo.append_activity(db, self.clock.now(), action, detail)
