"""THE Qt adapter of one profile's change events (core/events.py).

Why one object per profile: `Profile` calls its listeners on whatever thread
committed the change, with an event saying what changed. Views must only be
touched on the GUI thread and should refresh only what an event concerns, so
one bridge per profile re-emits each event as Qt signals (queued to the GUI
thread when a worker committed) and keeps the one device list that the device
table, the primary-device note and the code list share: it is read once after
a device change, not once per view, and never again until devices change.
This replaces a module-level cache keyed by `id(profile)` that read the
connection's change counter, and the front-desk dialogs' own subscriptions.

The signals carry the event object itself (as KeePassXC's database signals
carry the entry): `devices_changed` passes the `DevicesChanged` (or the
`Restored`) so the item models apply the ids it names as row inserts,
removals, moves and `dataChanged` (`ui.models`), instead of diffing lists.

`bridge_for(profile)` returns the profile's bridge (made on first use);
`detach()` (the window does it before a lock closes the profile) stops it.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from epcs_desktop.core import events as ev
from epcs_desktop.core.erx import Device
from epcs_desktop.core.generator import Generator

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

_BRIDGES: weakref.WeakKeyDictionary[Profile, ProfileBridge] = weakref.WeakKeyDictionary()


class ProfileBridge(QObject):
    """Re-emits a profile's events on the GUI thread; owns the profile's shared device list.

    `restored` also fires every other signal (a restore may have changed anything).
    A listener called without an event is treated as `Restored` (everything changed).
    `devices_changed` carries the event: a `DevicesChanged`, or the `Restored` of a restore.
    """

    changed = Signal(ev.ProfileEvent)  # every event (not `event`: that would hide QObject.event())
    devices_changed = Signal(ev.ProfileEvent)  # ev.DevicesChanged | ev.Restored
    prescriber_changed = Signal()
    identity_changed = Signal()
    settings_changed = Signal(list)
    activity_changed = Signal()
    guide_changed = Signal()
    handover_changed = Signal()
    record_changed = Signal(str)
    restored = Signal()

    # Internal: carries the event to the GUI thread (queued when emitted from a worker).
    _arrived = Signal(ev.ProfileEvent)

    def __init__(self, profile: Profile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile = weakref.ref(profile)
        self._devices: list[Device] | None = None
        self._generators: list[Generator] | None = None
        self.attached = False
        self.reads = 0  # device-list reads (tests and the benchmark count them)
        self._arrived.connect(self._dispatch)
        add = getattr(profile, "add_listener", None)
        if add is not None:
            add(self._on_event)
            self.attached = True

    @property
    def profile(self) -> Profile | None:
        return self._profile()

    # -- the shared device list -------------------------------------------------------------------
    def devices(self) -> list[Device]:
        """The profile's ID.me devices, read once per device change (a copy: callers may keep it)."""
        self._read()
        return list(self._devices or [])

    def generators(self) -> list[Generator]:
        """The code generators held here (code pane order), from the same one read (a copy)."""
        self._read()
        return list(self._generators or [])

    def _read(self) -> None:
        if self._devices is not None and self._generators is not None:
            return
        profile = self.profile
        if profile is None:
            self._devices, self._generators = [], []
            return
        devices, generators = profile.devices_and_generators()
        self._devices, self._generators = list(devices), list(generators)
        self.reads += 1

    def invalidate(self) -> None:
        """Forget the device and generator lists (the next read reads them again)."""
        self._devices = None
        self._generators = None

    # -- events -----------------------------------------------------------------------------------
    def _on_event(self, event: object = None, *_args: object) -> None:
        """The profile's listener: any thread. The cache is dropped at once, the signals go to the GUI."""
        if not isinstance(event, ev.ProfileEvent):
            event = ev.Restored()
        if isinstance(event, ev.DevicesChanged | ev.Restored):
            self.invalidate()
        self._arrived.emit(event)

    def _dispatch(self, event: ev.ProfileEvent) -> None:
        if not self.attached:
            return
        self.changed.emit(event)
        if isinstance(event, ev.Restored):
            self.invalidate()
            self.devices_changed.emit(event)
            self.prescriber_changed.emit()
            self.identity_changed.emit()
            self.settings_changed.emit([])
            self.guide_changed.emit()
            self.handover_changed.emit()
            self.record_changed.emit("")
            self.restored.emit()
        elif isinstance(event, ev.DevicesChanged):
            self.devices_changed.emit(event)
        elif isinstance(event, ev.PrescriberChanged):
            self.prescriber_changed.emit()
        elif isinstance(event, ev.IdentityChanged):
            self.identity_changed.emit()
        elif isinstance(event, ev.SettingsChanged):
            self.settings_changed.emit(list(event.keys))
        elif isinstance(event, ev.GuideChanged):
            self.guide_changed.emit()
        elif isinstance(event, ev.HandoverChanged):
            self.handover_changed.emit()
        elif isinstance(event, ev.RecordChanged):
            self.record_changed.emit(event.key)
        self.activity_changed.emit()  # every change adds an activity entry

    def detach(self) -> None:
        """Stop forwarding (the profile is being closed); views keep what they show."""
        if not self.attached:
            return
        self.attached = False
        profile = self.profile
        remove = getattr(profile, "remove_listener", None)
        if remove is not None:
            try:
                remove(self._on_event)
            except Exception:  # a listener that is already gone is fine
                log.debug("listener already removed")
        if profile is not None and _BRIDGES.get(profile) is self:
            del _BRIDGES[profile]

    @property
    def usable(self) -> bool:
        """True while the profile is attached and open (False after a lock closed it)."""
        profile = self.profile
        return self.attached and profile is not None and bool(getattr(profile, "is_open", True))


def bridge_for(profile: Profile) -> ProfileBridge:
    """The profile's one bridge (made and attached on first use; a new one after `detach()`)."""
    bridge = _BRIDGES.get(profile)
    if bridge is None:
        bridge = ProfileBridge(profile)
        _BRIDGES[profile] = bridge
    return bridge


def profile_usable(profile: Profile) -> bool:
    """False once the profile was closed (lock, auto-lock, switch profile)."""
    return bool(getattr(profile, "is_open", True))


class _ShowWatcher(QObject):
    """Calls back when its widget is shown again (to catch up after it was closed)."""

    def __init__(self, widget: QWidget, on_show: Callable[[], None]) -> None:
        super().__init__(widget)
        self._on_show = on_show
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._on_show()
        return False


def follow(profile: Profile, widget: QWidget, callback: Callable[[], None], *signals: str) -> None:
    """Call `callback` on the named bridge signals while `widget` is open.

    The connection belongs to a small QObject parented to `widget`, so it ends
    when the widget is destroyed. A dialog that only finished (closed but kept
    hidden by its parent) stops refreshing and catches up when shown again.
    `signals` defaults to every change (`changed`).
    """
    bridge = bridge_for(profile)
    follower = _Follower(widget, callback)
    for name in signals or ("changed",):
        getattr(bridge, name).connect(follower.changed)
    finished = getattr(widget, "finished", None)
    if finished is not None:
        finished.connect(follower.pause)
    _ShowWatcher(widget, follower.resume)


class _Follower(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        self.active = True
        self._missed = False
        self._profile_ok = True

    def changed(self, *_args: object) -> None:
        if self.active:
            self._callback()
        else:
            self._missed = True

    def pause(self, *_args: object) -> None:
        self.active = False

    def resume(self) -> None:
        if not self.active:
            self.active = True
            if self._missed:
                self._missed = False
                self._callback()
