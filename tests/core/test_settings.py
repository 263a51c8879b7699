"""`core.settings`: the registry, and `Settings` — a profile's settings as typed attributes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

import epcs_desktop
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.events import SettingsChanged
from epcs_desktop.core.settings import SETTINGS, Settings, defaults


def test_settings_fields_are_exactly_the_registry_with_its_defaults() -> None:
    assert [f.name for f in dataclasses.fields(Settings)] == [s.key for s in SETTINGS]
    assert Settings().as_dict() == defaults()


def test_stored_values_are_coerced_and_bad_ones_fall_back_to_the_default() -> None:
    s = Settings.from_stored({"auto_lock_minutes": "7", "camera_index": -1, "gone": 1, "ntp_server": "a b"})
    assert (s.auto_lock_minutes, s.camera_index, s.ntp_server) == (7, 0, "pool.ntp.org")
    assert s["auto_lock_minutes"] == 7
    with pytest.raises(RuleError, match="no setting called"):
        s["nope"]
    assert Settings.from_stored(None) == Settings()


def test_profile_settings_are_typed_and_a_change_is_one_event(profile) -> None:
    events: list[object] = []
    profile.add_listener(events.append)
    assert profile.settings == Settings()
    profile.set_settings({"auto_lock_minutes": 9, "clipboard_clear_seconds": "15"})
    assert (profile.settings.auto_lock_minutes, profile.settings.clipboard_clear_seconds) == (9, 15)
    assert events == [SettingsChanged(("auto_lock_minutes", "clipboard_clear_seconds"))]
    assert profile.stored_settings() == {"auto_lock_minutes": 9, "clipboard_clear_seconds": 15}


def test_no_call_site_repeats_a_default() -> None:
    """`settings().get("auto_lock_minutes", 5)` style reads: the default is the registry's, read typed."""
    src = Path(epcs_desktop.__file__).parent
    keys = "|".join(s.key for s in SETTINGS)
    pattern = re.compile(rf"""\.get\(\s*["']({keys})["']\s*,|\bprofile\.settings\(\)""")
    found = [
        f"{p.relative_to(src)}:{n}"
        for p in sorted(src.rglob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []
