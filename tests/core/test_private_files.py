"""core/private_files.py: everything written is owner-only; nothing is loosened or followed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from owner_only_support import access_state, assert_owner_only
from profile_support import PASSWORD, profile_on_disk


def test_open_never_adds_write_permission_or_chmods_through_a_symlink(tmp_path: Path) -> None:
    store, path = profile_on_disk(tmp_path, PASSWORD)
    os.chmod(path.parent, 0o755)  # noqa: S103 (the looseness under test)
    os.chmod(path, 0o640)
    store.open("Dr Test", PASSWORD).close()
    assert_owner_only(path)  # group bit removed, nothing added (Windows: owner-only DACL)
    assert_owner_only(path.parent)
    from epcs_desktop.core.private_files import tighten

    ro = tmp_path / "ro.txt"
    ro.write_text("x")
    os.chmod(ro, 0o444)
    tighten(ro)
    assert_owner_only(ro, mode=0o400)
    assert not ro.stat().st_mode & stat.S_IWRITE  # stays read-only (Windows: the read-only flag)
    target = tmp_path / "not-ours.txt"
    target.write_text("x")
    os.chmod(target, 0o644)
    before = access_state(target)
    link = tmp_path / "link.epcs"
    link.symlink_to(target)
    tighten(link)
    assert access_state(target) == before  # the link's target is never made private through it


def test_one_rule_refuses_profile_files_devices_and_profiles_folders(tmp_path: Path) -> None:
    """profile_target_problem: THE check behind every save a person chooses (backup, export, CSV, sheet)."""
    from epcs_desktop.core.private_files import profile_target_problem

    profiles = tmp_path / "profiles"
    profiles.mkdir()
    live = profiles / "Dr A.epcs"
    live.write_bytes(b"x")
    link = tmp_path / "innocent.pdf"
    os.link(live, link)
    assert profile_target_problem(tmp_path / "sheet.pdf") is None
    assert "name of a profile file" in (profile_target_problem(tmp_path / "x.epcs.kdf") or "")
    assert "not a regular file" in (profile_target_problem(tmp_path) or "")  # a folder
    # The null device (/dev/null, Windows' NUL): refused on every system; POSIX says why.
    assert profile_target_problem(Path(os.devnull)) is not None
    if os.name == "posix":
        assert "not a regular file" in (profile_target_problem(Path(os.devnull)) or "")
    assert "profiles folder" in (profile_target_problem(profiles / "notes.csv") or "")
    assert "own file" in (profile_target_problem(link, live) or "")  # a hard link to the profile


def test_activity_csv_is_never_written_over_a_profile(tmp_path: Path) -> None:
    import pytest

    from epcs_desktop.core.activity_export import write_csv
    from epcs_desktop.core.errors import ExportError

    target = tmp_path / "Dr A.epcs"
    target.write_bytes(b"profile")
    with pytest.raises(ExportError, match="cannot be written there"):
        write_csv([], target)
    assert target.read_bytes() == b"profile"


def test_a_temp_file_left_by_a_killed_write_is_removed_by_the_next_write(tmp_path: Path) -> None:
    """Issue 23 item 9: a killed export left `.NAME.xxxx.tmp` with plaintext secrets behind."""
    from epcs_desktop.core.private_files import write_private

    stale = tmp_path / ".codes.txt.k1ll3d.tmp"
    stale.write_text("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP")
    other = tmp_path / ".other.txt.k1ll3d.tmp"
    other.write_text("not ours to judge")
    write_private(tmp_path / "codes.txt", b"new export")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.txt.k1ll3d.tmp", "codes.txt"]
