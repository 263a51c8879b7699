"""`epcs-desktop profile create | list | passwd`, password sources and the exit statuses of opening."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from cli_support import PASSWORD, new_cli_profile, run, run_strict
from profile_support import mount_tmpfs, store_at


def test_profile_list_text_and_json(data: Path) -> None:
    assert run(data, "profile", "list").stdout.splitlines() == ["Dr Smith"]
    listing = json.loads(run(data, "profile", "list", "--json").stdout)
    assert listing == {"data_dir": str(data), "profiles": ["Dr Smith"]}


def test_profile_create_errors(tmp_path: Path) -> None:
    assert run(tmp_path, "profile", "create", "Taken").returncode == 0
    assert "already exists" in run(tmp_path, "profile", "create", "TAKEN").stderr
    short = run(tmp_path, "profile", "create", "Other", password="short")
    assert short.returncode == 2 and "at least 8" in short.stderr
    bad = run(tmp_path, "profile", "create", "../escape")
    assert bad.returncode == 2
    no_password = run(tmp_path, "profile", "create", "Other", password=None)
    assert no_password.returncode == 2 and "EPCS_DESKTOP_PASSWORD" in no_password.stderr
    assert run(tmp_path, "profile", "list").stdout.splitlines() == ["Taken"]


def test_password_file_and_passwd(tmp_path: Path) -> None:
    pw = tmp_path / "pw.txt"
    pw.write_text("from a file 123\n", encoding="utf-8")
    data_dir = tmp_path / "d"
    assert (
        run(data_dir, "--password-file", str(pw), "profile", "create", "Filed", password=None).returncode == 0
    )
    assert (
        run(data_dir, "--password-file", str(pw), "device", "list", "-p", "Filed", password=None).returncode
        == 0
    )
    changed = run(
        data_dir,
        "profile",
        "passwd",
        "Filed",
        password="from a file 123",
        env={"EPCS_DESKTOP_NEW_PASSWORD": "the new one 456"},
    )
    assert changed.returncode == 0, changed.stderr
    old = run(data_dir, "--password-file", str(pw), "device", "list", "-p", "Filed", password=None)
    assert old.returncode == 3
    assert run(data_dir, "device", "list", "-p", "Filed", password="the new one 456").returncode == 0
    missing = run(
        data_dir, "--password-file", str(tmp_path / "nope"), "device", "list", "-p", "Filed", password=None
    )
    assert missing.returncode == 2 and "password file" in missing.stderr


def test_wrong_password_is_status_3_and_unknown_profile_status_2(data: Path) -> None:
    before = {p.name: p.read_bytes() for p in (data / "profiles").iterdir()}
    wrong = run(data, "device", "list", "-p", "Dr Smith", password="not it at all")
    assert wrong.returncode == 3 and "password" in wrong.stderr
    assert {p.name: p.read_bytes() for p in (data / "profiles").iterdir()} == before
    assert run(data, "codes", "-p", "Nobody").returncode == 2


def test_busy_profile_is_status_4(tmp_path: Path) -> None:
    d = tmp_path / "busy"
    store = store_at(d)
    store.create("Busy", PASSWORD).close()
    holder = store.open("Busy", PASSWORD)
    try:
        with holder.vault.transaction() as db:
            db.execute("INSERT INTO activity(at, action, detail) VALUES(1, 'hold', 'the write lock')")
            proc = run(d, "device", "add", "-p", "Busy", "--nickname", "Phone", "--push")
        assert proc.returncode == 4 and "busy" in proc.stderr
    finally:
        holder.close()


# --- hand-over from a shell: a temporary password must be replaced (issue 10) -------------------------

TEMP = "front-desk-temp-1"
REFUSAL = (
    "error: this profile's temporary password must be replaced: run `epcs-desktop profile passwd Temp`\n"
)


def test_a_temporary_password_opens_nothing_but_passwd_exit_5(tmp_path: Path) -> None:
    """`profile create --temporary`: every command that opens the profile with it refuses (exit 5)."""
    d = tmp_path / "handover"
    made = run(d, "profile", "create", "Temp", "--temporary", "--staff", "Front desk", password=TEMP)
    assert made.returncode == 0, made.stderr
    assert "profile passwd Temp" in made.stdout
    before = {p.name: p.read_bytes() for p in (d / "profiles").iterdir()}
    for args in (
        ["codes", "-p", "Temp"],
        ["device", "list", "-p", "Temp"],
        ["device", "add", "-p", "Temp", "--nickname", "Phone", "--push"],
        ["backup", "create", "-p", "Temp", str(tmp_path / "b.epcsbak")],
    ):
        refused = run(d, *args, password=TEMP, env={"EPCS_DESKTOP_BACKUP_PASSWORD": "backup-pass-1"})
        assert (refused.returncode, refused.stderr, refused.stdout) == (5, REFUSAL, ""), args
    assert {p.name: p.read_bytes() for p in (d / "profiles").iterdir()} == before  # nothing changed
    assert not (tmp_path / "b.epcsbak").exists()


def test_passwd_replaces_the_temporary_password_under_the_one_policy(tmp_path: Path) -> None:
    d = tmp_path / "handover"
    assert run(d, "profile", "create", "Temp", "--temporary", password=TEMP).returncode == 0
    same = run(d, "profile", "passwd", "Temp", password=TEMP, env={"EPCS_DESKTOP_NEW_PASSWORD": TEMP})
    assert same.returncode == 2 and "not the temporary one" in same.stderr
    short = run(d, "profile", "passwd", "Temp", password=TEMP, env={"EPCS_DESKTOP_NEW_PASSWORD": "short"})
    assert short.returncode == 2 and "Choose a password of at least 8 characters." in short.stderr
    done = run(
        d, "profile", "passwd", "Temp", password=TEMP, env={"EPCS_DESKTOP_NEW_PASSWORD": "my-own-pass-9"}
    )
    assert done.returncode == 0, done.stderr
    assert "temporary password of profile “Temp” was replaced" in done.stdout
    assert run(d, "device", "list", "-p", "Temp", password=TEMP).returncode == 3  # the temporary one is gone
    assert run(d, "device", "list", "-p", "Temp", password="my-own-pass-9").returncode == 0


# --- hardening (issue 11): profile check, full disk, reserved names ------------------------------------


# Issue 11 (hardening) through the real command: `run_strict` also checks that the whole of stderr
# is one `error:` line. Each test failed on the code before the fix (item number in its name).


def test_item5_profile_check(data_dir: Path) -> None:
    path = new_cli_profile(data_dir)
    ok = run_strict(data_dir, "profile", "check", "Dr Hard")
    assert ok.returncode == 0 and "intact" in ok.stdout
    js = run_strict(data_dir, "profile", "check", "Dr Hard", "--json")
    assert json.loads(js.stdout) == {"profile": "Dr Hard", "ok": True, "problems": []}
    good = path.read_bytes()
    for page in range(len(good) // 4096 - 1, 1, -1):  # a damaged page that listing does not read
        bad = bytearray(good)
        bad[page * 4096 + 100] ^= 0x33
        path.write_bytes(bytes(bad))
        if run_strict(data_dir, "device", "list", "-p", "Dr Hard").returncode == 0:
            break
    else:
        pytest.skip("every page of this small profile is read by device list")
    damaged = run_strict(data_dir, "profile", "check", "Dr Hard")
    assert damaged.returncode == 7 and "damaged" in damaged.stderr
    backed = run_strict(
        data_dir, "backup", "create", "-p", "Dr Hard", str(data_dir.parent / "b.epcsbak"),
        env={"EPCS_DESKTOP_BACKUP_PASSWORD": "backup-pass-1"},
    )  # fmt: skip
    assert backed.returncode == 7 and not (data_dir.parent / "b.epcsbak").exists()


def test_item10_full_disk_is_said_as_such_not_busy(tmp_path: Path) -> None:
    mnt = tmp_path / "mnt"
    if not mount_tmpfs(mnt, "size=512k"):
        pytest.skip("needs root and tmpfs mounts")
    try:
        new_cli_profile(mnt / "data")
        fd = os.open(mnt / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        r = run_strict(
            mnt / "data", "profile", "passwd", "Dr Hard", env={"EPCS_DESKTOP_NEW_PASSWORD": "new-pass-2"}
        )
        assert r.returncode == 6 and "disk is full" in r.stderr and "busy" not in r.stderr
        (mnt / "filler").unlink()
        listed = run_strict(mnt / "data", "device", "list", "-p", "Dr Hard")
        assert listed.returncode == 0  # old password, intact
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_item16_reserved_names_refused_apostrophes_accepted(data_dir: Path) -> None:
    r = run_strict(data_dir, "profile", "create", "CON")
    assert r.returncode == 2 and "reserves" in r.stderr
    r = run_strict(data_dir, "profile", "create", "aux.txt")
    assert r.returncode == 2
    assert run_strict(data_dir, "profile", "create", "Dr. O'Brien").returncode == 0
    assert "Dr. O'Brien" in run_strict(data_dir, "profile", "list").stdout


# --- issue 23 items 2 and 12 --------------------------------------------------------------------------


def test_profile_delete_removes_every_file_of_the_profile_and_frees_its_name(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    path = new_cli_profile(data_dir, "Dr Gone")
    folder = path.parent
    for left in (
        "Dr Gone.epcs.v1.bak",
        "Dr Gone.epcs.pbkdf2.bak",
        ".Dr Gone.epcs.kdf.x1.tmp",
        "Dr Gone.epcs-wal",
    ):
        (folder / left).write_bytes(b"old secrets")
    (folder / "Dr Other.epcs.v1.bak").write_bytes(b"another profile's")
    refused = run(data_dir, "profile", "delete", "Dr Gone")  # no terminal, no --yes
    assert refused.returncode != 0 and "--yes" in refused.stderr and path.exists()
    done = run(data_dir, "profile", "delete", "dr gone", "--yes")
    assert done.returncode == 0 and "“Dr Gone” was deleted" in done.stdout, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["Dr Other.epcs.v1.bak"]
    assert run(data_dir, "profile", "delete", "Dr Gone", "--yes").returncode == 2
    assert run_strict(data_dir, "profile", "create", "Dr Gone").returncode == 0  # the name is free again


def test_an_unopenable_profile_can_be_deleted_without_its_password(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    path = new_cli_profile(data_dir, "Dr Broken")
    path.write_bytes(b"\0" * 4096)  # what a crash of an older version's create could leave
    done = run(data_dir, "profile", "delete", "Dr Broken", "--yes", password=None)
    assert done.returncode == 0 and not path.exists()


def test_a_missing_key_file_is_named_not_just_a_wrong_password(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    path = new_cli_profile(data_dir, "Dr Keyless")
    Path(str(path) + ".kdf").unlink()
    proc = run(data_dir, "device", "list", "-p", "Dr Keyless")
    assert proc.returncode == 3 and "key file “Dr Keyless.epcs.kdf” is missing" in proc.stderr, proc.stderr


@pytest.mark.parametrize("sep", ["\u2028", "\u0085", "\f"])
def test_a_password_file_line_ends_only_at_a_newline(tmp_path: Path, sep: str) -> None:
    """A password containing U+2028, U+0085 or a form feed is read whole, not cut there."""
    password = f"first half{sep}second half"
    pw = tmp_path / "pw.txt"
    pw.write_text(password + "\r\n", encoding="utf-8")
    data_dir = tmp_path / "d"
    assert run(data_dir, "--password-file", str(pw), "profile", "create", "P", password=None).returncode == 0
    assert run(data_dir, "device", "list", "-p", "P", password=password).returncode == 0
    assert run(data_dir, "device", "list", "-p", "P", password="first half").returncode == 3
