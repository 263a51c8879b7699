"""The `epcs-desktop` command itself: version, usage errors, global options, no display, no terminal."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli_support import PASSWORD, SECRET, URI, new_cli_profile, run, run_strict
from epcs_desktop import __version__
from profile_support import mount_tmpfs


def test_version(tmp_path: Path) -> None:
    proc = run(tmp_path, "--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"epcs-desktop {__version__}"


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["code", "garbage"], None),
        (["code", "-"], "not a uri\n"),
        (["code", "-"], ""),
        (["code", "otpauth://totp/x?secret=!!!!"], None),
        (["code", URI, "--at", "yesterday"], None),
        (["code", URI, "--at", "-5"], None),
        (["code"], None),
        (["no-such-command"], None),
    ],
)
def test_invalid_input_is_one_error_line_and_status_2(
    tmp_path: Path, args: list[str], stdin: str | None
) -> None:
    proc = run(tmp_path, *args, stdin=stdin)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert SECRET not in proc.stderr


def test_location_options_work_before_and_after_the_command(data: Path, tmp_path: Path) -> None:
    """`--data-dir`/`--password-file` may follow the command, as people type them."""
    elsewhere = tmp_path / "empty"  # what $EPCS_DESKTOP_DATA_DIR points at in this test
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n")
    after = run(
        elsewhere,
        "device",
        "list",
        "-p",
        "Dr Smith",
        "--data-dir",
        str(data),
        "--password-file",
        str(pw),
        password=None,
    )
    before = run(
        elsewhere,
        "--data-dir",
        str(data),
        "--password-file",
        str(pw),
        "device",
        "list",
        "-p",
        "Dr Smith",
        password=None,
    )
    assert after.returncode == 0 and before.returncode == 0
    assert after.stdout == before.stdout and "Office iPad" in after.stdout
    assert run(elsewhere, "profile", "list", "--data-dir", str(data)).stdout.split() == ["Dr", "Smith"]


def test_window_without_a_display_is_a_one_line_error(tmp_path: Path) -> None:
    """On a server or over SSH, Qt would abort with a plugin error; the program says what is wrong instead."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM") and not k.startswith("EPCS_DESKTOP_")
    }
    env["EPCS_DESKTOP_DATA_DIR"] = str(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "epcs_desktop"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: There is no graphical display") and proc.stderr.count("\n") == 1


def test_without_a_terminal_the_message_names_the_right_password_source(data: Path, tmp_path: Path) -> None:
    proc = run(data, "backup", "create", "--profile", "Dr Smith", str(tmp_path / "b.epcsbak"))
    assert proc.returncode == 2
    assert "EPCS_DESKTOP_BACKUP_PASSWORD" in proc.stderr and "--backup-password-file" in proc.stderr


def test_unused_helpers_are_gone() -> None:
    from epcs_desktop.cli import common

    assert not hasattr(common, "data_dir_of")


# --- hardening (issue 11): special files, damaged or read-only profiles, password files ----------------


# Issue 11 (hardening) through the real command: `run_strict` also checks that the whole of stderr
# is one `error:` line. Each test failed on the code before the fix (item number in its name).


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_item6_special_files_and_endless_input_are_one_clear_error(data_dir: Path, tmp_path: Path) -> None:
    new_cli_profile(data_dir)
    start = time.monotonic()
    r = run_strict(data_dir, "import", "-p", "Dr Hard", "/dev/zero")
    assert r.returncode == 2 and "not a regular file" in r.stderr
    r = run_strict(data_dir, "scan", "/dev/zero")
    assert r.returncode == 2 and "not a regular file" in r.stderr
    r = run_strict(data_dir, "--password-file", "/dev/zero", "device", "list", "-p", "Dr Hard", password=None)
    assert r.returncode == 2 and "password file" in r.stderr
    r = run_strict(data_dir, "code", "-", stdin="A" * 5_000_000 + "\n", password=None)
    assert r.returncode == 2 and "too long" in r.stderr
    assert time.monotonic() - start < 60


def test_item10_damaged_first_page_is_not_called_a_wrong_password(data_dir: Path) -> None:
    path = new_cli_profile(data_dir)
    raw = bytearray(path.read_bytes())
    raw[300] ^= 0xFF
    path.write_bytes(bytes(raw))
    right = run_strict(data_dir, "device", "list", "-p", "Dr Hard")
    assert right.returncode == 7 and "damaged" in right.stderr
    wrong = run_strict(data_dir, "device", "list", "-p", "Dr Hard", password="not the password")
    assert wrong.returncode == 3


def test_item3_read_only_disk_is_exit_6_not_a_wrong_password(tmp_path: Path) -> None:
    mnt = tmp_path / "mnt"
    if not mount_tmpfs(mnt, "size=4m"):
        pytest.skip("needs root and tmpfs mounts")
    try:
        new_cli_profile(mnt / "data")
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        r = run_strict(mnt / "data", "device", "list", "-p", "Dr Hard")
        assert r.returncode == 6 and "read-only" in r.stderr
        listed = run_strict(mnt / "data", "profile", "list")
        assert listed.returncode == 0 and "Dr Hard" in listed.stdout
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_item11_password_file_bom_is_not_part_of_the_password(data_dir: Path, tmp_path: Path) -> None:
    new_cli_profile(data_dir)
    pw = tmp_path / "pw.txt"
    pw.write_bytes(b"\xef\xbb\xbf" + PASSWORD.encode() + b"\r\n")
    r = run_strict(data_dir, "--password-file", str(pw), "device", "list", "-p", "Dr Hard", password=None)
    assert r.returncode == 0, r.stderr
    r = run_strict(data_dir, "profile", "create", "Blank", password=" " * 10)
    assert r.returncode == 2


def test_a_terminal_that_cannot_show_curly_quotes_still_gets_the_one_line(data_dir: Path) -> None:
    """Names are quoted “like this”: an ASCII-only stdout/stderr shows a stand-in, not an internal error."""
    new_cli_profile(data_dir)
    proc = run(
        data_dir, "device", "add", "-p", "Dr Hard", "--nickname", "Again", "--uri", "-",
        stdin=URI + "\n", env={"PYTHONIOENCODING": "ascii"},
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == "error: This account is already in this profile as ?Office?."
    listed = run(data_dir, "device", "list", "-p", "Dr Hard", env={"PYTHONIOENCODING": "ascii"})
    assert listed.returncode == 0 and "Office" in listed.stdout
