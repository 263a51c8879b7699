"""Typed change events: what a committed profile change did, for the views that show it.

Why events with a payload: a listener called with no arguments cannot tell a
renamed device from a changed setting, so every view re-read everything and
the window grew a cache keyed by the connection's change counter. The service
knows what it changed; it says so once, after the commit, and each view takes
what concerns it. Events hold ids and keys, never a secret.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProfileEvent:
    """Base class of every event `Profile` passes to its listeners (after the commit)."""


@dataclass(frozen=True)
class DevicesChanged(ProfileEvent):
    """Devices added, removed or renamed (ids); `primary` is the new primary's id when the primary changed.

    `updated`: devices changed in place, e.g. an HOTP counter moved on (`Profile.next_hotp_code`).
    """

    added: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    renamed: tuple[int, ...] = ()
    primary: int | None = None
    updated: tuple[int, ...] = ()


@dataclass(frozen=True)
class PrescriberChanged(ProfileEvent):
    """The Prescriber Info (state, licence, DEA, NPI) changed."""


@dataclass(frozen=True)
class IdentityChanged(ProfileEvent):
    """The identity confirmation changed."""


@dataclass(frozen=True)
class SettingsChanged(ProfileEvent):
    """These settings (registry keys) changed."""

    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class GuideChanged(ProfileEvent):
    """The change-device guide's stored progress changed (started, ticked, finished)."""


@dataclass(frozen=True)
class HandoverChanged(ProfileEvent):
    """The hand-over state changed (profile put on, or taken off, a temporary password)."""


@dataclass(frozen=True)
class PasswordChanged(ProfileEvent):
    """The profile password was changed (the file was re-keyed)."""


@dataclass(frozen=True)
class Restored(ProfileEvent):
    """A backup was restored: anything may have changed."""


@dataclass(frozen=True)
class ActivityAdded(ProfileEvent):
    """Only the activity log changed (every other change also adds an entry, without this event)."""


@dataclass(frozen=True)
class RecordChanged(ProfileEvent):
    """A small fact kept by a service changed (e.g. `last_backup_at`); `key` names it."""

    key: str = ""
