"""`core.profiles`: where profiles live and what they may be called; `ProfileStore` create/open/delete.

Listing and naming load no SQLCipher; opening does. Creating is all-or-nothing; opening a hand-over
profile on its temporary password is refused unless the caller replaces it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from epcs_desktop.core import profiles, vault
from epcs_desktop.core.context import AppContext
from epcs_desktop.core.errors import ProfileError, RuleError, StorageError, WrongPasswordError
from epcs_desktop.core.profiles import ProfileStore, default_data_dir, normalise_profile_name
from owner_only_support import assert_owner_only
from profile_support import PASSWORD, profile_on_disk, store_at

STORAGE = ("sqlcipher3", "platformdirs", "epcs_desktop.core.profile")


def _run(code: str, data_dir: Path) -> str:
    env = {**os.environ, "EPCS_DESKTOP_DATA_DIR": str(data_dir)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    return out.stdout


def test_listing_loads_no_storage_module(data_dir: Path) -> None:
    store_at(data_dir).create("Dr Lee", PASSWORD).close()
    code = (
        "import sys; from epcs_desktop.core.profiles import ProfileStore;"
        "from epcs_desktop.core.context import AppContext; s = ProfileStore(AppContext.for_this_machine());"
        "print(s.list(), s.exists('dr lee'), s.path_for('DR LEE').name,"
        f" sorted(m for m in {STORAGE!r} if m in sys.modules));"
        f"p = s.open('Dr Lee', {PASSWORD!r}); print(p.name, 'sqlcipher3' in sys.modules); p.close()"
    )
    assert _run(code, data_dir).splitlines() == ["['Dr Lee'] True Dr Lee.epcs []", "Dr Lee True"]


def test_the_lazy_re_export_shim_is_gone_and_the_timeouts_agree() -> None:
    """`profiles` no longer re-exports Vault/Profile (they are imported from their own modules)."""
    for name in ("Profile", "check_new_password", "Vault", "SIDE_SUFFIXES", "make_private_dir"):
        assert not hasattr(profiles, name)
    assert profiles.DEFAULT_BUSY_TIMEOUT == vault.DEFAULT_BUSY_TIMEOUT


def test_delete_still_removes_the_file_and_its_journals(data_dir: Path) -> None:
    store = store_at(data_dir)
    store.create("Dr Lee", PASSWORD).close()
    path = store.path_for("Dr Lee")
    Path(str(path) + "-wal").write_bytes(b"")
    store.delete("dr lee")
    assert store.list() == [] and not path.exists() and not Path(str(path) + "-wal").exists()


# --- the profile store -------------------------------------------------------------------------


def test_store_names_files_and_case_insensitive_uniqueness(tmp_path: Path) -> None:
    store = store_at(tmp_path / "d")
    assert store.list() == []
    store.create("  Dr   Jones ", PASSWORD).close()
    assert store.list() == ["Dr Jones"]
    assert store.exists("DR JONES")
    assert store.path_for("dr jones") == tmp_path / "d" / "profiles" / "Dr Jones.epcs"
    assert_owner_only(tmp_path / "d")
    with pytest.raises(ProfileError, match="already exists"):
        store.create("dr jones", PASSWORD)
    for bad in ("", "../evil", ".hidden", "a/b", "x" * 65, "trailing.", "semi;colon"):
        with pytest.raises(ProfileError):
            store.create(bad, PASSWORD)
    with pytest.raises(RuleError, match="at least 8"):
        store.create("Short", "short")
    with pytest.raises(ProfileError, match="no profile called"):
        store.open("Nobody", PASSWORD)
    with pytest.raises(WrongPasswordError):
        store.open("dr jones", "wrong password")
    store.delete("DR JONES")
    assert store.list() == []


def test_default_data_dir_honours_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EPCS_DESKTOP_DATA_DIR", str(tmp_path / "x"))
    assert default_data_dir() == tmp_path / "x"
    assert ProfileStore(AppContext.for_this_machine()).data_dir == tmp_path / "x"
    monkeypatch.delenv("EPCS_DESKTOP_DATA_DIR")
    assert default_data_dir().name == "epcs-desktop"


# --- profile names and the profiles folder (issue 11) -------------------------------------------------


@pytest.mark.parametrize("name", ["CON", "nul", "Aux", "COM1", "lpt9", "aux.txt", "con.backup", "COM\u00b9"])
def test_windows_reserved_names_are_refused_everywhere(name: str) -> None:
    with pytest.raises(ProfileError, match="reserves"):
        normalise_profile_name(name)


def test_apostrophes_are_allowed_in_profile_names(tmp_path: Path) -> None:
    assert normalise_profile_name("Dr. O'Brien") == "Dr. O'Brien"
    store = store_at(tmp_path / "data")
    store.create("Dr. O'Brien", PASSWORD).close()
    assert store.list() == ["Dr. O'Brien"]
    assert normalise_profile_name("Console") == "Console"  # only the device names themselves


def test_unreadable_profiles_folder_is_a_storage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _path = profile_on_disk(tmp_path, PASSWORD)

    def denied(self: Path) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", denied)
    with pytest.raises(StorageError, match="permission denied"):
        store.list()


def test_a_killed_exports_plaintext_temp_file_is_removed_at_the_next_open(
    data_dir: Path, tmp_path: Path
) -> None:
    """Issue 23 item 9: a process killed between writing an export's temp file and renaming it left
    ``.codes.txt.xxxx.tmp`` with every secret in plain text. The profile remembers where an export is
    being written, and its next open removes that file (the folder is nowhere else on record)."""
    store_at(data_dir).create("Dr Lee", PASSWORD).close()
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "codes.txt"
    code = (
        "import os\n"
        "from pathlib import Path\n"
        "from epcs_desktop.core import export\n"
        "from epcs_desktop.core.context import AppContext\n"
        "from epcs_desktop.core.profiles import ProfileStore\n"
        f"profile = ProfileStore(AppContext.for_this_machine()).open('Dr Lee', {PASSWORD!r})\n"
        "os.replace = lambda *args: os._exit(9)  # killed after the temp file, before its rename\n"
        f"export.write_export(Path({str(target)!r}), b'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', profile)\n"
    )
    env = {**os.environ, "EPCS_DESKTOP_DATA_DIR": str(data_dir)}
    killed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env=env, timeout=120, check=False
    )
    assert killed.returncode == 9, killed.stderr
    left = [p.name for p in out.iterdir()]
    assert len(left) == 1 and left[0].startswith(".codes.txt.") and left[0].endswith(".tmp"), left
    store_at(data_dir).open("Dr Lee", PASSWORD).close()
    assert list(out.iterdir()) == []
    with store_at(data_dir).open("Dr Lee", PASSWORD) as profile:  # nothing left to look for
        assert profile.remove_unfinished_exports() == 0
