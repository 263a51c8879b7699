"""`ProfileStore` lists and names profiles without loading SQLCipher; opening one loads it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from epcs_desktop.core import profiles, vault
from epcs_desktop.core.profiles import ProfileStore

PASSWORD = "correct horse battery"
STORAGE = ("sqlcipher3", "platformdirs", "epcs_desktop.core.profile")


def _run(code: str, data_dir: Path) -> str:
    env = {**os.environ, "EPCS_DESKTOP_DATA_DIR": str(data_dir)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    return out.stdout


def test_listing_loads_no_storage_module(data_dir: Path) -> None:
    ProfileStore(data_dir).create("Dr Lee", PASSWORD).close()
    code = (
        "import sys; from epcs_desktop.core.profiles import ProfileStore; s = ProfileStore();"
        "print(s.list(), s.exists('dr lee'), s.path_for('DR LEE').name,"
        f" sorted(m for m in {STORAGE!r} if m in sys.modules));"
        f"p = s.open('Dr Lee', {PASSWORD!r}); print(p.name, 'sqlcipher3' in sys.modules); p.close()"
    )
    assert _run(code, data_dir).splitlines() == ["['Dr Lee'] True Dr Lee.epcs []", "Dr Lee True"]


def test_names_it_used_to_import_still_resolve() -> None:
    from epcs_desktop.core.profile import Profile, check_new_password

    assert profiles.Profile is Profile and profiles.check_new_password is check_new_password
    assert profiles.Vault is vault.Vault and profiles.SIDE_SUFFIXES == vault.SIDE_SUFFIXES
    assert profiles.DEFAULT_BUSY_TIMEOUT == vault.DEFAULT_BUSY_TIMEOUT


def test_delete_still_removes_the_file_and_its_journals(data_dir: Path) -> None:
    store = ProfileStore(data_dir)
    store.create("Dr Lee", PASSWORD).close()
    path = store.path_for("Dr Lee")
    Path(str(path) + "-wal").write_bytes(b"")
    store.delete("dr lee")
    assert store.list() == [] and not path.exists() and not Path(str(path) + "-wal").exists()
