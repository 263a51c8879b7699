"""ui/bridge.py: one adapter per profile re-emits typed events and owns the shared device list."""

from __future__ import annotations

import threading

from gui_support import otp

from epcs_desktop.core.erx import DeviceOption, PrescriberInfo
from epcs_desktop.ui.bridge import bridge_for


def test_each_event_reaches_its_signal(qtbot, lee_profile) -> None:
    bridge = bridge_for(lee_profile)
    assert bridge_for(lee_profile) is bridge  # one per profile
    got: list[str] = []
    bridge.devices_changed.connect(lambda e: got.append(f"devices:{type(e).__name__}"))
    bridge.prescriber_changed.connect(lambda: got.append("prescriber"))
    bridge.settings_changed.connect(lambda keys: got.append(f"settings:{','.join(keys)}"))
    bridge.activity_changed.connect(lambda: got.append("activity"))
    lee_profile.add_device("Desk", DeviceOption.PUSH)
    lee_profile.set_prescriber(PrescriberInfo(state="CA"))
    lee_profile.set_settings({"auto_lock_minutes": 9})
    assert got == [
        "devices:DevicesChanged",
        "activity",
        "prescriber",
        "activity",
        "settings:auto_lock_minutes",
        "activity",
    ]


def test_the_device_list_is_read_once_per_device_change(qtbot, lee_profile) -> None:
    bridge = bridge_for(lee_profile)
    first = bridge.devices()
    reads = bridge.reads
    assert bridge.devices() == first and bridge.reads == reads  # shared, not re-read
    lee_profile.set_prescriber(PrescriberInfo(state="CA"))
    bridge.devices()
    assert bridge.reads == reads  # not a device change: the list stays
    lee_profile.rename_device("Laptop", "Home laptop")
    names = [d.nickname for d in bridge.devices()]
    assert "Home laptop" in names and bridge.reads == reads + 1


def test_a_change_on_a_worker_thread_is_delivered_on_the_gui_thread(qtbot, lee_profile) -> None:
    bridge = bridge_for(lee_profile)
    gui = threading.get_ident()
    threads: list[int] = []
    bridge.devices_changed.connect(lambda _event: threads.append(threading.get_ident()))
    worker = threading.Thread(
        target=lambda: lee_profile.add_device(
            "Tablet", DeviceOption.GENERATOR_HERE, otp=otp(account="t@x.org")
        )
    )
    worker.start()
    worker.join(10)
    qtbot.waitUntil(lambda: bool(threads), timeout=5000)
    assert threads == [gui]
    assert "Tablet" in [d.nickname for d in bridge.devices()]


def test_detach_stops_forwarding(qtbot, lee_profile) -> None:
    bridge = bridge_for(lee_profile)
    got: list[object] = []
    bridge.changed.connect(got.append)
    bridge.detach()
    lee_profile.add_device("Desk", DeviceOption.PUSH)
    assert got == [] and not bridge.attached
    assert bridge_for(lee_profile) is not bridge  # a new window gets a fresh one


def test_devices_changed_carries_the_event_object(qtbot, lee_profile) -> None:
    """Issue 18: the models apply the event itself, so the signal passes it (ids, never a secret)."""
    from epcs_desktop.core import events as ev

    bridge = bridge_for(lee_profile)
    got: list[object] = []
    bridge.devices_changed.connect(got.append)
    laptop = lee_profile.device("Laptop")
    lee_profile.set_primary("Laptop")
    lee_profile.rename_device("Laptop", "Home laptop")
    assert got == [ev.DevicesChanged(primary=laptop.id), ev.DevicesChanged(renamed=(laptop.id,))]
