"""`epcs-desktop settings show | set | check-policy` end to end, against a real profile and policy files.

Each run is a subprocess (`python -m epcs_desktop`), so the policy location really
comes from $EPCS_DESKTOP_POLICY and errors really are one `error:` line and exit 2.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from cli_support import run as cli_run
from profile_support import store_at

PASSWORD = "settings-cli-password-1"


def run(data_dir: Path, policy: Path, *args: str, password: bool = True) -> subprocess.CompletedProcess[str]:
    """`cli_support.run` (no traceback, one `error:` line) with $EPCS_DESKTOP_POLICY set to `policy`."""
    return cli_run(
        data_dir, *args, password=PASSWORD if password else None, env={"EPCS_DESKTOP_POLICY": str(policy)}
    )


@pytest.fixture
def ray(tmp_path: Path) -> Path:
    """A data folder holding one empty profile, 'Dr Ray' (each test changes its settings)."""
    d = tmp_path / "data"
    store_at(d).create("Dr Ray", PASSWORD).close()
    return d


def _policy(tmp_path: Path, doc: object) -> Path:
    path = tmp_path / "policy.json"
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def test_show_json_lists_every_key_with_value_lock_and_source(ray: Path, tmp_path: Path) -> None:
    from epcs_desktop.core.settings import SETTINGS

    policy = _policy(tmp_path, {"settings": {"auto_lock_minutes": {"value": 3, "locked": True},
                                             "ntp_server": {"value": "time.example.org"}}})  # fmt: skip
    assert (
        run(ray, policy, "settings", "set", "-p", "Dr Ray", "clipboard_clear_seconds", "12").returncode == 0
    )
    out = json.loads(run(ray, policy, "settings", "show", "-p", "Dr Ray", "--json").stdout)
    assert set(out["settings"]) == {s.key for s in SETTINGS}
    source = f"policy file {policy}"
    assert out["settings"]["auto_lock_minutes"] == {"value": 3, "locked": True, "source": source}
    assert out["settings"]["ntp_server"] == {"value": "time.example.org", "locked": False, "source": source}
    assert out["settings"]["clipboard_clear_seconds"] == {"value": 12, "locked": False, "source": "profile"}
    assert out["settings"]["camera_index"] == {"value": 0, "locked": False, "source": "default"}
    assert out["policy"] == {"sources": [source], "problems": []}
    text = run(ray, policy, "settings", "show", "-p", "Dr Ray").stdout
    assert f"auto_lock_minutes        3  (locked: {source})" in text


def test_set_refuses_a_locked_key_with_one_line_and_exit_2(ray: Path, tmp_path: Path) -> None:
    policy = _policy(tmp_path, {"settings": {"auto_lock_minutes": {"value": 3, "locked": True}}})
    before = (ray / "profiles" / "Dr Ray.epcs").read_bytes()
    proc = run(ray, policy, "settings", "set", "-p", "Dr Ray", "auto_lock_minutes", "30", password=False)
    assert proc.returncode == 2  # refused before any password is asked (none was given)
    assert proc.stderr.strip() == (
        f"error: “Lock after inactivity (minutes)” (auto_lock_minutes) is set by your practice's IT "
        f"(policy file {policy}) and cannot be changed here."
    )
    assert (ray / "profiles" / "Dr Ray.epcs").read_bytes() == before


def test_set_changes_an_unlocked_key_and_validates_it(ray: Path, tmp_path: Path) -> None:
    policy = tmp_path / "none.json"
    assert run(ray, policy, "settings", "set", "-p", "Dr Ray", "disable_export", "on").stdout.strip() == (
        "disable_export set to on."
    )
    bad = run(ray, policy, "settings", "set", "-p", "Dr Ray", "auto_lock_minutes", "soon")
    assert bad.returncode == 2 and "whole number" in bad.stderr
    unknown = run(ray, policy, "settings", "set", "-p", "Dr Ray", "no_such_key", "1", password=False)
    assert unknown.returncode == 2 and "no setting called “no_such_key”" in unknown.stderr
    out = json.loads(run(ray, policy, "settings", "show", "-p", "Dr Ray", "--json").stdout)
    assert out["settings"]["disable_export"] == {"value": True, "locked": False, "source": "profile"}


def test_malformed_policy_is_reported_and_unlocks_nothing(ray: Path, tmp_path: Path) -> None:
    policy = _policy(tmp_path, '{"settings": {"auto_lock_minutes": ')
    show = run(ray, policy, "settings", "show", "-p", "Dr Ray", "--json")
    assert show.returncode == 0
    assert f"warning: The policy file {policy} is not valid JSON" in show.stderr
    assert all(entry["locked"] for entry in json.loads(show.stdout)["settings"].values())
    refused = run(ray, policy, "settings", "set", "-p", "Dr Ray", "camera_index", "1", password=False)
    assert refused.returncode == 2 and "practice's IT" in refused.stderr
    check = run(ray, policy, "settings", "check-policy", password=False)
    assert check.returncode == 2
    assert check.stderr.strip().startswith(f"error: The policy file {policy} is not valid JSON (line 1")


def test_check_policy_accepts_a_good_file(ray: Path, tmp_path: Path) -> None:
    good = _policy(tmp_path, {"settings": {"disable_practice_mode": {"value": True, "locked": True}}})
    proc = run(ray, tmp_path / "none.json", "settings", "check-policy", str(good), password=False)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"Policy OK (policy file {good}); locked: disable_practice_mode."


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, '{"settings": {"auto_lock_minutes": {"value": ' + "9" * 5000 + "}}}"],
    ids=["nested-100000", "5000-digits"],
)
def test_a_hostile_policy_is_one_line_never_exit_70(ray: Path, tmp_path: Path, text: str) -> None:
    """Issue 23 item 7: such a policy crashed `settings …`, `export` and `backup create` with exit 70."""
    policy = _policy(tmp_path, text)
    checked = run(ray, policy, "settings", "check-policy", password=False)
    assert checked.returncode == 2 and checked.stderr.count("\n") == 1, checked.stderr
    assert "every setting stays locked" in checked.stderr
    shown = run(ray, policy, "settings", "show", "-p", "Dr Ray")
    assert shown.returncode == 0 and "Traceback" not in shown.stderr
    exported = run(ray, policy, "export", "-p", "Dr Ray", "--format", "otpauth", str(tmp_path / "out.txt"))
    assert exported.returncode == 2 and "turned off by your practice's IT" in exported.stderr
    backed = cli_run(
        ray, "backup", "create", "-p", "Dr Ray", str(tmp_path / "b.epcsbak"), password=PASSWORD,
        env={"EPCS_DESKTOP_POLICY": str(policy), "EPCS_DESKTOP_BACKUP_PASSWORD": "backup-pass-1"},
    )  # fmt: skip
    assert backed.returncode != 70 and "Traceback" not in backed.stderr
