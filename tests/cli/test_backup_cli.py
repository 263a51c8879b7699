"""`epcs-desktop backup create | restore` against real profiles."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from cli_support import new_cli_profile, run, run_strict
from epcs_desktop.core.erx import DeviceOption, PrescriberInfo
from epcs_desktop.core.passwords import TOO_SHORT
from epcs_desktop.core.profiles import ProfileStore
from profile_support import VAULT_CLOCK, store_at


def test_a_new_backup_password_follows_the_one_password_policy(data: Path, tmp_path: Path) -> None:
    """The backup password is checked by `core.passwords`, with the very words the profile password gets."""
    target = tmp_path / "b.epcsbak"
    for weak in ("short", "        "):
        proc = run(
            data,
            "backup",
            "create",
            "-p",
            "Dr Smith",
            str(target),
            env={"EPCS_DESKTOP_BACKUP_PASSWORD": weak},
        )
        assert proc.returncode == 2 and not target.exists()
    proc = run(
        data, "backup", "create", "-p", "Dr Smith", str(target), env={"EPCS_DESKTOP_BACKUP_PASSWORD": "short"}
    )
    assert proc.stderr == f"error: {TOO_SHORT}\n"
    profile_rule = run(tmp_path / "other", "profile", "create", "Other", password="short")
    assert profile_rule.stderr == proc.stderr  # one policy, one wording
    ok = run(
        data,
        "backup",
        "create",
        "-p",
        "Dr Smith",
        str(target),
        env={"EPCS_DESKTOP_BACKUP_PASSWORD": "good-pass-12"},
    )
    assert ok.returncode == 0, ok.stderr and target.exists()


def test_backup_outside_the_folder_it_requires_is_refused_before_the_backup_password(
    data: Path, tmp_path: Path
) -> None:
    import json

    share = tmp_path / "share"
    share.mkdir()
    policy = tmp_path / "policy.json"
    doc = {"settings": {"required_backup_folder": {"value": str(share), "locked": True}}}
    policy.write_text(json.dumps(doc), encoding="utf-8")
    env = {"EPCS_DESKTOP_POLICY": str(policy)}
    for outside in (tmp_path / "usb.epcsbak", share / ".." / "sneaky.epcsbak"):
        proc = run(data, "backup", "create", "-p", "Dr Smith", str(outside), env=env)  # no backup password
        assert proc.returncode == 2 and not outside.exists()
        assert proc.stderr == (
            f"error: Your practice's IT requires backups to be saved in the folder “{share}”; "
            "choose a file there.\n"
        )
    inside = share / "dr-smith.epcsbak"
    ok = run(
        data,
        "backup",
        "create",
        "-p",
        "Dr Smith",
        str(inside),
        env={**env, "EPCS_DESKTOP_BACKUP_PASSWORD": "good-pass-12"},
    )
    assert ok.returncode == 0, ok.stderr
    assert inside.exists()


# --- hardening (issue 11): a backup never overwrites the live profile ----------------------------------


# Issue 11 (hardening) through the real command: `run_strict` also checks that the whole of stderr
# is one `error:` line. Each test failed on the code before the fix (item number in its name).


def test_item1_backup_onto_the_live_profile_is_refused_and_the_profile_survives(data_dir: Path) -> None:
    path = new_cli_profile(data_dir)
    before = path.read_bytes()
    env = {"EPCS_DESKTOP_BACKUP_PASSWORD": "backup-pass-1"}
    for target in (str(path), str(path) + "-wal", str(data_dir / "profiles" / "x.epcsbak")):
        r = run_strict(data_dir, "backup", "create", "-p", "Dr Hard", target, env=env)
        assert r.returncode == 2 and "cannot be written there" in r.stderr
    r = run_strict(data_dir, "backup", "create", "-p", "Dr Hard", os.devnull, env=env)  # Windows: NUL
    assert r.returncode == 2 and "cannot be written there" in r.stderr
    if os.name == "posix":
        assert "not a regular file" in r.stderr and Path(os.devnull).is_char_device()
    assert path.read_bytes() == before
    assert run_strict(data_dir, "device", "list", "-p", "Dr Hard").returncode == 0


# --- another clinician's backup (issue 12 item 5) ------------------------------------------------------


# Named, refused without --other-clinician; a merge of it never takes their Prescriber Info.
PW = "profile password 1"
BACKUP_PW = "backup password 1"


def _restore_cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`run` as the profiles' owner: FAST test KDF and no machine policy, as the in-process store has."""
    env = {
        "EPCS_DESKTOP_BACKUP_PASSWORD": BACKUP_PW,
        "EPCS_DESKTOP_TEST_FAST_KDF": "1",
        "EPCS_DESKTOP_POLICY": os.environ["EPCS_DESKTOP_POLICY"],
    }
    return run(data, *args, password=PW, env=env)


def test_other_clinicians_backup_needs_the_flag_and_keeps_prescriber_info(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = store_at(data)
    with store.create("Dr Kim", PW) as kim:
        kim.add_device("Kim phone", DeviceOption.PUSH)
        kim.set_prescriber(PrescriberInfo("NY", "K1", "BK1234563", "1234567893"))
    with store.create("Dr Lee", PW) as lee:
        lee.add_device("Lee phone", DeviceOption.PUSH)
    backup = tmp_path / "kim.epcsbak"
    assert _restore_cli(data, "backup", "create", "--profile", "Dr Kim", str(backup)).returncode == 0

    refused = _restore_cli(data, "backup", "restore", "--profile", "Dr Lee", str(backup))
    assert refused.returncode == 2
    assert "“Dr Kim”, and nothing in it" in refused.stdout and "--other-clinician" in refused.stderr
    assert "Prescriber Info is kept: another clinician's is never merged in." in refused.stdout
    with store.open("Dr Lee", PW) as lee:
        assert [d.nickname for d in lee.devices()] == ["Lee phone"]

    done = _restore_cli(data, "backup", "restore", "--profile", "Dr Lee", str(backup), "--other-clinician")
    assert done.returncode == 0, done.stderr
    with store.open("Dr Lee", PW) as lee:
        assert {d.nickname for d in lee.devices()} == {"Lee phone", "Kim phone"}
        assert lee.prescriber().npi == "" and lee.prescriber().dea_number == ""


# --- issue 23 item 6: a hostile backup plants nothing and impersonates no one ---------------------------


def _hostile_backup(tmp_path: Path, store: ProfileStore, name: str, **changes: object) -> Path:
    """A backup made by another clinician ("Dr Mallory"), then edited by hand and re-encrypted."""
    from epcs_desktop.core.backup import KdfParams, write_backup

    if not store.exists("Dr Mallory"):
        with store.create("Dr Mallory", PW) as mallory:
            mallory.add_device("Mallory phone", DeviceOption.PUSH)
    with store.open("Dr Mallory", PW) as mallory:
        snapshot = mallory.snapshot()
    snapshot.update(changes)
    path = tmp_path / name
    fast = KdfParams(memory_kib=8 * 1024, time_cost=1, parallelism=1)
    write_backup(path, snapshot, BACKUP_PW, fast, clock=VAULT_CLOCK)
    return path


def test_a_backup_named_like_the_victim_still_needs_other_clinician(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = store_at(data)
    with store.create("Dr Lee", PW) as lee:
        lee.add_device("Lee phone", DeviceOption.PUSH)
    backup = _hostile_backup(tmp_path, store, "lee.epcsbak", profile="Dr Lee")  # Lee's name, Mallory's keys
    refused = _restore_cli(data, "backup", "restore", "--profile", "Dr Lee", str(backup))
    assert refused.returncode == 2 and "--other-clinician" in refused.stderr, refused.stderr
    with store.open("Dr Lee", PW) as lee:
        assert [d.nickname for d in lee.devices()] == ["Lee phone"]
    # Lee's own backup restores into Lee's profile, and into a new empty profile, without the flag.
    own = tmp_path / "own.epcsbak"
    assert _restore_cli(data, "backup", "create", "--profile", "Dr Lee", str(own)).returncode == 0
    assert _restore_cli(data, "backup", "restore", "--profile", "Dr Lee", str(own)).returncode == 0
    store.create("Dr Lee new laptop", PW).close()
    done = _restore_cli(data, "backup", "restore", "--profile", "Dr Lee new laptop", str(own))
    assert done.returncode == 0, done.stderr
    with store.open("Dr Lee new laptop", PW) as new, store.open("Dr Lee", PW) as lee:
        assert new.clinician_id() == lee.clinician_id()  # the restored profile is Lee's from now on


def test_escapes_and_direction_overrides_in_a_backup_are_refused_and_never_printed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = store_at(data)
    store.create("Dr Lee", PW).close()
    hostile = {
        "name.epcsbak": {"profile": "Dr \x1b]0;owned\x07Lee\u202egnp"},
        "folder.epcsbak": {"settings": {"required_backup_folder": "/tmp/\x1b[2Jx"}},
        "link.epcsbak": {"settings": {"idme_security_url": "https://id.me/\u202eexe.tab"}},
        "csi.epcsbak": {"settings": {"drchrono_erx_url": "https://drchrono.com/\u009b31m"}},
        "date.epcsbak": {"taken_at": 10**400},  # item 7: a 401-digit date was exit 70
    }
    for file_name, changes in hostile.items():
        backup = _hostile_backup(tmp_path, store, file_name, **changes)
        proc = _restore_cli(
            data, "backup", "restore", "--profile", "Dr Lee", str(backup), "--other-clinician"
        )
        assert proc.returncode != 0, file_name
        assert "damaged" in proc.stderr or "character" in proc.stderr, proc.stderr
        for bad in ("\x1b", "\x07", "\u202e", "\u009b"):
            assert bad not in proc.stdout + proc.stderr, file_name
        with store.open("Dr Lee", PW) as lee:
            assert lee.devices() == [] and lee.stored_settings() == {}


def test_settings_set_refuses_the_same_characters(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store_at(data).create("Dr Lee", PW).close()
    for key, value in (
        ("required_backup_folder", "/tmp/\x1b[2Jx"),
        ("idme_security_url", "https://id.me/\u202ex"),
    ):
        proc = _restore_cli(data, "settings", "set", "--profile", "Dr Lee", key, value)
        assert proc.returncode == 2 and "U+" in proc.stderr and "\x1b" not in proc.stderr, proc.stderr


def test_a_destination_ending_in_a_slash_is_a_folder_not_a_file_called_dir(
    data: Path, tmp_path: Path
) -> None:
    """Issue 23 item 12: `…/dir/` wrote a file named `dir`."""
    folder = tmp_path / "dir"
    env = {"EPCS_DESKTOP_BACKUP_PASSWORD": BACKUP_PW}
    proc = run(data, "backup", "create", "--profile", "Dr Smith", str(folder) + "/", env=env)
    assert proc.returncode != 0 and "is a folder" in proc.stderr, proc.stderr
    assert not folder.exists()
