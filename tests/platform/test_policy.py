"""core/policy.py: IT's defaults and locks, from the file, the Windows registry and macOS managed preferences.

The promise tested throughout: a locked setting always reads the policy's value,
cannot be changed through the profile, and a policy that cannot be read never
unlocks anything (it locks to the safest reading instead).
"""

from __future__ import annotations

import json
import os
import plistlib
from pathlib import Path
from typing import Any

import pytest

from epcs_desktop.core import policy as pol
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.platform import platform_for
from epcs_desktop.core.policy import PolicyError, load_policy
from epcs_desktop.core.settings import SETTINGS
from profile_support import store_at

LINUX = platform_for("linux", env={}, home=Path("/home/x"))


def _write(tmp_path: Path, doc: Any, name: str = "policy.json") -> Path:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def _machine_platform(machine_file: Path):
    class _Linux(type(LINUX)):  # the Linux facts, with the machine's file in tmp
        def policy_file(self) -> Path:
            return machine_file

    return _Linux(env={}, home=Path("/home/x"))


def test_no_policy_file_means_no_policy(tmp_path: Path) -> None:
    policy = load_policy(tmp_path / "missing.json", platform=LINUX)
    assert policy.entries == {} and policy.problems == () and policy.error is None
    eff = policy.effective({"auto_lock_minutes": 9})
    assert eff["auto_lock_minutes"] == pol.EffectiveSetting(9, False, "profile")
    assert eff["clipboard_clear_seconds"] == pol.EffectiveSetting(30, False, "default")


def test_the_issue_example_locks_one_key_and_defaults_another(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {
            "settings": {
                "auto_lock_minutes": {"value": 5, "locked": True},
                "ntp_server": {"value": "time.example.org"},
            }
        },
    )
    policy = load_policy(path, platform=LINUX)
    assert policy.problems == ()
    source = f"policy file {path}"
    eff = policy.effective({"auto_lock_minutes": 60, "clipboard_clear_seconds": 10})
    assert eff["auto_lock_minutes"] == pol.EffectiveSetting(5, True, source)  # the stored 60 loses
    assert eff["ntp_server"] == pol.EffectiveSetting("time.example.org", False, source)
    assert eff["clipboard_clear_seconds"] == pol.EffectiveSetting(10, False, "profile")
    # A default from the policy yields to the clinician's own choice.
    assert policy.effective({"ntp_server": "ntp.local"})["ntp_server"] == pol.EffectiveSetting(
        "ntp.local", False, "profile"
    )
    with pytest.raises(RuleError, match=r"set by your practice's IT \(policy file .*policy.json\)"):
        policy.refuse_locked({"auto_lock_minutes": 1})
    policy.refuse_locked({"ntp_server": "x"})  # not locked: no error


def test_locked_without_value_locks_the_builtin_default(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, {"settings": {"disable_export": {"locked": True}}}), platform=LINUX)
    assert policy.effective({"disable_export": True})["disable_export"].value is False
    assert policy.locked("disable_export")


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("{not json", "is not valid JSON (line 1, column 2)"),
        ("[]", 'has no "settings" object'),
        ('{"settings": [1]}', 'has no "settings" object'),
        ("", "is not valid JSON"),
    ],
)
def test_unreadable_file_locks_every_key_to_its_safest_reading(
    tmp_path: Path, text: str, expect: str
) -> None:
    path = _write(tmp_path, text)
    policy = load_policy(path, platform=LINUX)
    assert expect in policy.problems[0]
    with pytest.raises(PolicyError) as err:
        policy.check()
    assert "\n" not in str(err.value) and str(path) in str(err.value)
    stored = {
        "auto_lock_minutes": 0,  # "never lock": unsafe, must not survive
        "clipboard_clear_seconds": 3,  # already stricter than the default: kept
        "backup_reminder_days": 0,
        "disable_export": False,
        "camera_index": 2,
        "ntp_server": "ntp.local",
    }
    eff = policy.effective(stored)
    assert all(e.locked for e in eff.values()), "a broken policy must never leave a setting unlocked"
    assert eff["auto_lock_minutes"].value == 5
    assert eff["clipboard_clear_seconds"].value == 3
    assert eff["backup_reminder_days"].value == 14
    assert eff["disable_export"].value is True and eff["disable_practice_mode"].value is True
    assert eff["camera_index"].value == 2 and eff["ntp_server"].value == "ntp.local"  # kept as they are
    with pytest.raises(RuleError):
        policy.refuse_locked(["camera_index"])


def test_unreadable_file_permissions_also_lock(tmp_path: Path) -> None:
    if getattr(os, "geteuid", lambda: 0)() == 0:  # root (or Windows) reads it anyway: use another refusal
        path = tmp_path / "policy.json"
        path.mkdir()  # reading a folder fails with an OSError too
    else:
        path = _write(tmp_path, "{}")
        path.chmod(0)
    policy = load_policy(path, platform=LINUX)
    assert "could not be read" in policy.problems[0]
    assert all(policy.locked(s.key) for s in SETTINGS)


def test_one_bad_entry_locks_only_its_own_key(tmp_path: Path) -> None:
    doc = {
        "settings": {
            "auto_lock_minutes": {"value": 999, "locked": True},  # out of range
            "clipboard_clear_seconds": {"value": 20, "lock": True},  # misspelt field: meant to lock
            "disable_export": {"value": True, "locked": "yes"},  # not a boolean
            "ntp_server": {"value": "time.example.org"},
            "no_such_setting": {"value": 1, "locked": True},
        }
    }
    policy = load_policy(_write(tmp_path, doc), platform=LINUX)
    assert len(policy.problems) == 4
    assert any("no_such_setting" in p and "ignored" in p for p in policy.problems)
    assert any("unknown field “lock”" in p for p in policy.problems)
    eff = policy.effective({"auto_lock_minutes": 0, "clipboard_clear_seconds": 0, "disable_export": False})
    assert eff["auto_lock_minutes"] == pol.EffectiveSetting(5, True, eff["auto_lock_minutes"].source)
    assert eff["clipboard_clear_seconds"].locked and eff["clipboard_clear_seconds"].value == 30
    assert eff["disable_export"].locked and eff["disable_export"].value is True
    assert not eff["ntp_server"].locked and eff["ntp_server"].value == "time.example.org"
    assert not eff["camera_index"].locked  # untouched by the bad entries


def test_env_variable_points_at_another_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, {"settings": {"camera_index": {"value": 1, "locked": True}}}, "elsewhere.json")
    monkeypatch.setenv("EPCS_DESKTOP_POLICY", str(path))
    assert pol.policy_file_location(LINUX) == path
    assert load_policy(platform=LINUX).locked("camera_index")
    monkeypatch.delenv("EPCS_DESKTOP_POLICY")
    assert str(pol.policy_file_location(LINUX)) == "/etc/epcs-desktop/policy.json"


# --- Windows registry (substituted reader) ----------------------------------------------------


def _registry(values: dict[str, dict[str, Any]]):
    calls: list[tuple[str, str]] = []

    def read(hive: str, key: str) -> dict[str, Any]:
        calls.append((hive, key))
        return values.get(f"{hive}\\{key}", {})

    return read, calls


WINDOWS = platform_for("win32", env={"ProgramData": r"C:\ProgramData"}, home=Path("/u"))
KEY = r"HKLM\Software\Policies\EPCS Desktop"


def test_windows_registry_values_are_enforced_and_recommended_ones_are_defaults(tmp_path: Path) -> None:
    read, calls = _registry(
        {
            KEY: {"auto_lock_minutes": 3, "disable_practice_mode": 1},  # REG_DWORDs
            KEY + r"\Recommended": {"ntp_server": "time.example.org", "auto_lock_minutes": 10},
        }
    )
    policy = load_policy(tmp_path / "none.json", platform=WINDOWS, registry_values=read)
    assert ("HKLM", r"Software\Policies\EPCS Desktop") in calls
    assert policy.problems == ()
    eff = policy.effective({})
    source = r"Windows registry HKLM\Software\Policies\EPCS Desktop"
    assert eff["auto_lock_minutes"] == pol.EffectiveSetting(3, True, source)  # enforced beats recommended
    assert eff["disable_practice_mode"] == pol.EffectiveSetting(True, True, source)
    assert eff["ntp_server"] == pol.EffectiveSetting("time.example.org", False, source)


def test_windows_registry_lock_wins_over_the_file_and_env_cannot_lift_it(tmp_path: Path) -> None:
    read, _ = _registry({KEY: {"auto_lock_minutes": 2}})
    file = _write(tmp_path, {"settings": {"auto_lock_minutes": {"value": 30, "locked": False}}})
    policy = load_policy(platform=WINDOWS, registry_values=read, env={"EPCS_DESKTOP_POLICY": str(file)})
    assert policy.effective({})["auto_lock_minutes"].value == 2
    assert policy.effective({})["auto_lock_minutes"].locked


def test_windows_registry_bad_value_and_unreadable_key_stay_locked(tmp_path: Path) -> None:
    read, _ = _registry({KEY: {"auto_lock_minutes": "soon"}})
    policy = load_policy(tmp_path / "none.json", platform=WINDOWS, registry_values=read)
    assert policy.locked("auto_lock_minutes") and "auto_lock_minutes" in policy.problems[0]

    def refused(hive: str, key: str) -> dict[str, Any]:
        raise PermissionError(5, "Access is denied")

    policy = load_policy(tmp_path / "none.json", platform=WINDOWS, registry_values=refused)
    assert "Access is denied" in policy.problems[0]
    assert all(policy.locked(s.key) for s in SETTINGS)


def test_windows_policy_file_location() -> None:
    assert str(pol.policy_file_location(WINDOWS, env={})) == r"C:\ProgramData\EPCS Desktop\policy.json"


# --- macOS managed preferences (a configuration profile) -----------------------------------------


def test_macos_managed_preferences_lock_like_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plist = tmp_path / "org.epcsdesktop.EpcsDesktop.plist"
    plist.write_bytes(plistlib.dumps({"settings": {"disable_export": {"value": True, "locked": True}}}))
    mac = platform_for("darwin", env={}, home=tmp_path)
    monkeypatch.setattr(type(mac), "managed_preference_files", lambda self: (plist,))
    policy = load_policy(tmp_path / "none.json", platform=mac)
    eff = policy.effective({"disable_export": False})["disable_export"]
    assert eff.value is True and eff.locked and "configuration profile" in eff.source
    plist.write_bytes(b"not a plist")
    broken = load_policy(tmp_path / "none.json", platform=mac)
    assert broken.problems and all(broken.locked(s.key) for s in SETTINGS)


# --- end to end through the profile ------------------------------------------------------------------


def test_profile_reads_locked_values_and_refuses_to_change_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    store = store_at(tmp_path / "data")
    profile = store.create("Dr Policy", "policy-test-password-1")
    try:
        profile.set_settings({"auto_lock_minutes": 60, "camera_index": 1})
        path = _write(tmp_path, {"settings": {"auto_lock_minutes": {"value": 5, "locked": True}}})
        monkeypatch.setenv("EPCS_DESKTOP_POLICY", str(path))
        assert profile.settings.auto_lock_minutes == 5
        assert profile.settings.camera_index == 1
        before = profile.vault.get_record("settings", {})
        with pytest.raises(RuleError, match="practice's IT"):
            profile.set_settings({"camera_index": 2, "auto_lock_minutes": 1})
        assert profile.vault.get_record("settings", {}) == before  # nothing written, not even camera_index
        profile.set_settings({"camera_index": 2})
        assert profile.settings.camera_index == 2
        monkeypatch.setenv("EPCS_DESKTOP_POLICY", str(tmp_path / "gone.json"))
        assert profile.settings.auto_lock_minutes == 60  # the clinician's own value was kept underneath
    finally:
        profile.close()


def test_the_variable_adds_a_file_but_cannot_lift_the_machine_lock(tmp_path: Path) -> None:
    """$EPCS_DESKTOP_POLICY must not let a user escape IT's file: the machine's locks still apply."""
    lock5 = {"settings": {"auto_lock_minutes": {"value": 5, "locked": True}}}
    machine_file = _write(tmp_path, lock5, "m.json")

    class _Linux(type(LINUX)):  # the Linux facts, with the machine's file in tmp
        def policy_file(self) -> Path:
            return machine_file

    plat = _Linux(env={}, home=Path("/home/x"))
    own = _write(
        tmp_path,
        {
            "settings": {
                "auto_lock_minutes": {"value": 60, "locked": True},
                "ntp_server": {"value": "ntp.own", "locked": True},
            }
        },
        "own.json",
    )
    policy = load_policy(platform=plat, env={"EPCS_DESKTOP_POLICY": str(own)})
    eff = policy.effective({})
    assert eff["auto_lock_minutes"] == pol.EffectiveSetting(5, True, f"policy file {machine_file}")
    # adding a lock is fine
    assert eff["ntp_server"] == pol.EffectiveSetting("ntp.own", True, f"policy file {own}")


def test_a_pipe_at_the_policy_path_locks_instead_of_hanging(tmp_path: Path) -> None:
    """A FIFO (or device) where the policy file should be: read nothing, lock every setting, never block."""
    fifo = tmp_path / "policy.json"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)  # a plain open() of a FIFO with no writer blocks for ever
    else:
        fifo.mkdir()  # Windows: no FIFOs; a folder at the path is its "not a regular file"
    policy = load_policy(fifo, platform=LINUX)
    assert "could not be read" in policy.problems[0]
    assert any(why in policy.problems[0] for why in ("not a regular file", "folder", "Permission denied"))
    assert all(policy.locked(s.key) for s in SETTINGS)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested more than"),
        ('{"settings": {"auto_lock_minutes": {"value": ' + "9" * 5000 + "}}}", "number longer than"),
        ('{"settings": {"ntp_server": {"value": ' + "[" * 70 + "]" * 70 + "}}}", "nested more than"),
    ],
)
def test_hostile_policy_shapes_are_one_line_and_lock(tmp_path: Path, text: str, why: str) -> None:
    """Issue 23 item 7: a policy nested 100,000 deep or with a 5,000-digit number was exit 70."""
    path = _write(tmp_path, text)
    policy = load_policy(path, platform=LINUX)
    assert len(policy.problems) == 1 and why in policy.problems[0] and "\n" not in policy.problems[0]
    assert all(policy.locked(s.key) for s in SETTINGS)


def test_thousands_of_unknown_names_are_a_few_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, {"settings": {f"n{i}": 1 for i in range(50_000)}})
    policy = load_policy(path, platform=LINUX)
    assert len(policy.problems) == pol.MAX_UNKNOWN_REPORTED + 1
    assert "49995 more unknown settings; they were ignored" in policy.problems[-1]


def test_a_deeply_nested_managed_preferences_plist_locks(tmp_path: Path) -> None:
    plist = tmp_path / "deep.plist"
    plist.write_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?><plist version="1.0">'
        + b"<array>" * 50_000
        + b"</array>" * 50_000
        + b"</plist>"
    )
    entries, problems, present = pol.read_managed_preferences(plist)
    assert present and len(problems) == 1 and "every setting stays locked" in problems[0]
    assert all(entry.locked for entry in entries.values()) and len(entries) == len(SETTINGS)


# --- "at least / at most" and IT-only keys -------------------------------------------------------


def test_at_most_keeps_the_choice_within_bounds_and_never_off(tmp_path: Path) -> None:
    path = _write(
        tmp_path, {"settings": {"auto_lock_minutes": {"max": 5}, "clipboard_clear_seconds": {"min": 10}}}
    )
    policy = load_policy(path, platform=LINUX)
    assert policy.problems == ()
    source = f"policy file {path}"
    assert not policy.locked("auto_lock_minutes")
    at_most = policy.effective({"auto_lock_minutes": 3})["auto_lock_minutes"]
    assert at_most == pol.EffectiveSetting(3, False, "profile", None, 5)  # the clinician's own, within bounds
    assert policy.effective({"auto_lock_minutes": 60})["auto_lock_minutes"].value == 5
    assert policy.effective({"auto_lock_minutes": 0})["auto_lock_minutes"] == pol.EffectiveSetting(
        5, False, source, None, 5
    )  # "never" is more than 5 minutes
    assert policy.effective({})["auto_lock_minutes"].value == 5  # the default (5) is within
    assert policy.effective({"clipboard_clear_seconds": 0})["clipboard_clear_seconds"].value == 0  # no max
    assert policy.effective({"clipboard_clear_seconds": 4})["clipboard_clear_seconds"].value == 10
    policy.refuse_locked({"auto_lock_minutes": 4})  # allowed
    with pytest.raises(RuleError, match=r"between 1 and 5, set by your practice's IT"):
        policy.refuse_locked({"auto_lock_minutes": "10"})
    with pytest.raises(RuleError, match="between 1 and 5"):
        policy.refuse_locked({"auto_lock_minutes": 0})
    with pytest.raises(RuleError, match="at least 10"):
        policy.refuse_locked({"clipboard_clear_seconds": 9})


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        ({"min": 9, "max": 5}, '"min" is larger than "max"'),
        ({"value": 30, "max": 5}, "outside its own bounds"),
        ({"max": 999}, "largest allowed value is 240"),
        ({"max": "five"}, "whole number"),
    ],
)
def test_bad_bounds_lock_their_own_key(tmp_path: Path, entry: dict[str, Any], why: str) -> None:
    policy = load_policy(_write(tmp_path, {"settings": {"auto_lock_minutes": entry}}), platform=LINUX)
    assert why in policy.problems[0]
    assert policy.effective({"auto_lock_minutes": 60})["auto_lock_minutes"] == pol.EffectiveSetting(
        5, True, policy.source_of("auto_lock_minutes") or ""
    )  # the safest reading: the shorter of 60 and the default


def test_bounds_apply_only_to_whole_numbers(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, {"settings": {"clock_check": {"min": 1}}}), platform=LINUX)
    assert "apply only to whole-number settings" in policy.problems[0]


def test_a_later_source_narrows_bounds_but_never_widens_them(tmp_path: Path) -> None:
    machine = _write(tmp_path, {"settings": {"auto_lock_minutes": {"max": 10}}}, "m.json")
    for extra_max, effective_max in ((5, 5), (60, 10)):
        extra = _write(tmp_path, {"settings": {"auto_lock_minutes": {"max": extra_max}}}, "e.json")
        policy = load_policy(platform=_machine_platform(machine), env={"EPCS_DESKTOP_POLICY": str(extra)})
        assert policy.effective({"auto_lock_minutes": 60})["auto_lock_minutes"].maximum == effective_max


def test_windows_registry_minimum_and_maximum_subkeys(tmp_path: Path) -> None:
    read, calls = _registry(
        {KEY + r"\Maximum": {"auto_lock_minutes": 5}, KEY + r"\Minimum": {"backup_reminder_days": 1}}
    )
    policy = load_policy(tmp_path / "none.json", platform=WINDOWS, registry_values=read)
    assert ("HKLM", r"Software\Policies\EPCS Desktop\Maximum") in calls
    assert policy.problems == ()
    eff = policy.effective({"auto_lock_minutes": 0, "backup_reminder_days": 0})
    assert eff["auto_lock_minutes"].value == 5 and not eff["auto_lock_minutes"].locked
    assert eff["backup_reminder_days"].minimum == 1


def test_it_only_keys_never_come_from_a_profile_and_cannot_be_set(tmp_path: Path) -> None:
    from epcs_desktop.core.settings import PROFILE_SETTINGS, setting

    it_only = [s.key for s in SETTINGS if s.it_only]
    assert set(it_only) == {
        "disable_camera_scan", "disable_screen_scan", "disable_import", "disable_restore",
        "disable_move_to_phone", "min_password_strength",
    }  # fmt: skip
    assert not any(s.it_only for s in PROFILE_SETTINGS)
    policy = load_policy(tmp_path / "none.json", platform=LINUX)
    assert policy.effective({"disable_import": True})["disable_import"] == pol.EffectiveSetting(
        False, False, "default"
    )
    for key in it_only:
        with pytest.raises(RuleError, match="set only by your practice's IT"):
            policy.refuse_locked([key])
    assert setting("min_password_strength").maximum == 4
    path = _write(
        tmp_path, {"settings": {"disable_import": {"value": True}, "min_password_strength": {"value": 3}}}
    )
    policy = load_policy(path, platform=LINUX)
    assert not pol.action_allowed("import", policy) and pol.action_allowed("restore", policy)
    assert pol.minimum_password_strength(policy) == 3
    with pytest.raises(pol.ActionTurnedOffError, match="Importing code generators is turned off"):
        pol.check_action_allowed("import", policy)
    broken = load_policy(_write(tmp_path, "{not json"), platform=LINUX)
    assert not any(pol.action_allowed(action, broken) for action in pol.ACTIONS)  # unreadable: all off
