"""What IT can turn off (core/policy.py ACTIONS) and the minimum password strength, enforced in core.

Each gate sits in the core rule both front ends call, so the tests drive that rule
(and the real CLI in a subprocess) with a real policy file: camera (core/frames.py),
import (core/imports.py), restore (core/backup.py, Profile.apply_snapshot), screen
(ui/screen_grab.py's grab, shared by the wizard and `scan --screen`), move to a
phone (the menu and the dialog), and new passwords (core/passwords.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import URI, new_cli_profile, run_strict
from epcs_desktop.core import policy as pol
from epcs_desktop.core.context import MachinePolicy
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.passwords import TOO_WEAK, check_new_password
from epcs_desktop.core.platform import current as current_platform

OFF = {"value": True, "locked": True}


def test_camera_scanning_off_refuses_before_the_camera_opens(policy_file) -> None:
    from epcs_desktop.core import frames

    machine = MachinePolicy(current_platform())  # what the program's context reads
    frames.raise_if_camera_blocked(machine.current())  # no policy: nothing to say on Linux
    policy_file({"settings": {"disable_camera_scan": OFF}})
    with pytest.raises(pol.ActionTurnedOffError, match="Camera scanning is turned off"):
        frames.raise_if_camera_blocked(machine.current())
    with pytest.raises(pol.ActionTurnedOffError):
        # the window's scanner and `scan --camera` open cameras through this
        frames.CameraSource(0, policy=machine.current())


def test_screen_scanning_off_refuses_the_grab(policy_file, qapp) -> None:
    from epcs_desktop.ui import screen_grab

    policy_file({"settings": {"disable_screen_scan": OFF}})
    with pytest.raises(pol.ActionTurnedOffError, match="Scanning the screen is turned off"):
        screen_grab.grab_screens(MachinePolicy(current_platform()).current())


def test_import_off_refuses_reading_and_applying(policy_file, profile) -> None:
    from epcs_desktop.core.importers import ImportSession, apply_import, plan_import

    session = ImportSession(profile.policy)  # the store's (the context's) machine policy
    session.read_text(URI)
    plan = plan_import(profile.devices(), session)
    policy_file({"settings": {"disable_import": {"value": True}}})
    with pytest.raises(pol.ActionTurnedOffError, match="Importing code generators is turned off"):
        session.read_text(URI)  # IT's edit applies to the next read of the same session
    with pytest.raises(pol.ActionTurnedOffError):
        apply_import(profile, plan)
    assert profile.devices() == []  # nothing was added


def test_restore_off_refuses_the_preview_and_the_restore(policy_file, profile) -> None:
    from epcs_desktop.core import backup

    snapshot = profile.snapshot()
    policy_file({"settings": {"disable_restore": OFF}})
    with pytest.raises(pol.ActionTurnedOffError, match="Restoring backups is turned off"):
        backup.describe_restore(profile, snapshot)
    with pytest.raises(pol.ActionTurnedOffError):
        profile.apply_snapshot(snapshot, "replace")


def test_the_cli_refuses_import_and_restore_in_one_line(policy_file, data_dir: Path, tmp_path: Path) -> None:
    new_cli_profile(data_dir)
    links = tmp_path / "links.txt"
    links.write_text(URI + "\n", encoding="utf-8")
    env = {"EPCS_DESKTOP_BACKUP_PASSWORD": "backup-pass-1"}
    bak = tmp_path / "b.epcsbak"
    assert run_strict(data_dir, "backup", "create", "-p", "Dr Hard", str(bak), env=env).returncode == 0
    path = policy_file({"settings": {"disable_import": OFF, "disable_restore": OFF}})
    env["EPCS_DESKTOP_POLICY"] = str(path)
    r = run_strict(data_dir, "import", "-p", "Dr Hard", str(links), env=env)
    assert (
        r.returncode == 2
        and r.stderr == "error: Importing code generators is turned off by your practice's IT.\n"
    )
    r = run_strict(data_dir, "backup", "restore", "-p", "Dr Hard", str(bak), env=env)
    assert r.returncode == 2 and r.stderr == "error: Restoring backups is turned off by your practice's IT.\n"
    r = run_strict(data_dir, "settings", "set", "-p", "Dr Hard", "disable_import", "off", env=env)
    assert r.returncode == 2 and "set only by your practice's IT" in r.stderr


def test_minimum_password_strength_gates_every_new_password(policy_file, data_dir: Path) -> None:
    machine = MachinePolicy(current_platform())
    minimum = pol.minimum_password_strength(machine.current())
    assert check_new_password("password123", minimum=minimum) == "password123"  # no policy: advice only
    with pytest.raises(RuleError, match="requires a stronger password"):
        check_new_password("password123", minimum=3)
    assert check_new_password("correct horse battery staple", minimum=3)
    path = policy_file({"settings": {"min_password_strength": {"value": 3}}})
    with pytest.raises(RuleError) as refused:
        check_new_password("password123", minimum=pol.minimum_password_strength(machine.current()))
    assert str(refused.value) == TOO_WEAK
    env = {"EPCS_DESKTOP_POLICY": str(path)}
    r = run_strict(data_dir, "profile", "create", "Dr Weak", password="password123", env=env)
    assert r.returncode == 2 and r.stderr == f"error: {TOO_WEAK}\n"
    strong = "correct horse battery staple"
    assert run_strict(data_dir, "profile", "create", "Dr Strong", password=strong, env=env).returncode == 0
