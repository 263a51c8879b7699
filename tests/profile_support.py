"""Constants and helpers for tests that use real profiles (the fixtures themselves are in conftest.py)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import sqlcipher3

from epcs_desktop.core import erx, profilekey
from epcs_desktop.core.clock import Clock, FixedClock
from epcs_desktop.core.context import AppContext, FixedPolicy
from epcs_desktop.core.policy import Policy
from epcs_desktop.core.profiles import ProfileStore

PASSWORD = "s3cret-pass"
T0 = 1_764_300_000.0  # a fixed "now" for FixedClock
# "No IT policy": for a vault or an import session made outside a store (core/context.py).
NO_POLICY = FixedPolicy(Policy())
# The clock of a vault opened on its own (tests of the storage layer, where the time does not matter).
VAULT_CLOCK = FixedClock(T0)


def context_at(data_dir: str | os.PathLike[str], clock: Clock | None = None) -> AppContext:
    """The program's context over `data_dir`: this machine's policy (the `policy_file` fixture's
    file included), `clock` or the computer's clock; what `run_gui` and `cli.main` build."""
    return AppContext.for_this_machine(data_dir, clock=clock)


def store_at(
    data_dir: str | os.PathLike[str], clock: Clock | None = None, **kwargs: float
) -> ProfileStore:
    """A ProfileStore over `data_dir` on `context_at`'s context."""
    return ProfileStore(context_at(data_dir, clock), **kwargs)

# Version 1 (EPCS Desktop 0.0.x) of the profile database, as it was written; only tests build such files.
SCHEMA_V1 = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE devices(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, option TEXT NOT NULL,
    added_at REAL NOT NULL, is_primary INTEGER NOT NULL DEFAULT 0, secret TEXT);
CREATE TABLE activity(id INTEGER PRIMARY KEY, at REAL NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
"""


def make_v1(
    path: Path,
    password: str,
    rows: list[tuple[int, str, str, float, int, str | None]],
    meta: list[tuple[str, str]] = (),  # type: ignore[assignment]
    activity: list[tuple[float, str, str]] = (),  # type: ignore[assignment]
) -> None:
    """A schema-v1 file written with SQLCipher directly: (id, name, option, added_at, is_primary, secret)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA key = '" + password.replace("'", "''") + "'")
    conn.executescript(SCHEMA_V1)
    conn.executemany("INSERT INTO devices VALUES(?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO meta VALUES(?, ?)", list(meta))
    conn.executemany("INSERT INTO activity(at, action, detail) VALUES(?, ?, ?)", list(activity))
    conn.execute("PRAGMA user_version = 1")
    conn.close()


def wipe(profile) -> None:
    """Empty a profile's tables (the shared `profile` fixture starts every test from this)."""
    with profile.vault.transaction() as db:
        for table in ("device", "activity", "record", "set_aside"):
            keep = "key != 'clinician_id'" if table == "record" else "1"  # who the profile belongs to stays
            db.execute(f"DELETE FROM {table} WHERE {keep}")  # noqa: S608 (fixed table names)


def keys_consistent(profile) -> None:
    """Every stored nickname is in normal form and its key matches it."""
    for row in profile.vault.query("SELECT nickname, nickname_key FROM device"):
        assert row["nickname"] == erx.normalise_nickname(row["nickname"])
        assert row["nickname_key"] == erx.nickname_key(row["nickname"])


def manageable(profile, nickname: str) -> None:
    """Rename, make primary and remove the device by its shown name (what used to be impossible)."""
    renamed = profile.rename_device(nickname, "Short name")
    assert profile.set_primary(renamed.nickname).is_primary
    profile.remove_device("Short name", successor=profile.devices()[0].nickname)
    assert "Short name" not in [d.nickname for d in profile.devices()]


# --- profile files on disk: hashes, older key forms, crashes, real read-only/full disks --------------

SRC = str(Path(__file__).resolve().parents[1] / "src")
HARD_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def sha_or_none(path: Path) -> str | None:
    """The file's SHA-256, or None when it does not exist (a -wal may or may not be there)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def file_hashes(path: Path) -> dict[str, str | None]:
    """The profile file and its -wal, hashed: "changed no byte" is `file_hashes(p) == before`."""
    return {s: sha_or_none(Path(str(path) + s)) for s in ("", "-wal")}


def profile_on_disk(tmp_path: Path, password: str, name: str = "Dr Test", devices: int = 1):
    """A closed profile under `tmp_path/data` with `devices` TOTP generators: (store, profile path)."""
    from epcs_desktop.core.otpauth import from_secret

    store = store_at(tmp_path / "data")
    with store.create(name, password) as profile:
        for i in range(devices):
            otp = from_secret(HARD_SECRET, issuer=f"Issuer {i}", account=f"a{i}@example.org")
            profile.add_device(f"Device {i}", erx.DeviceOption.GENERATOR_HERE, otp)
    return store, store.path_for(name)


def make_pbkdf2(path: Path, password: str) -> None:
    """Turn a just-created profile into an older one: SQLCipher's own PBKDF2 key, no key file."""
    entry = profilekey.read_key_file(path)[0]  # type: ignore[index]
    raw, ok = profilekey.derive(password, entry)
    assert ok
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = {profilekey.raw_key_pragma(raw)}")
    conn.execute("PRAGMA rekey = '" + password.replace("'", "''") + "'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    profilekey.remove_key_file(path)


def crash_leaving_wal(path: Path, password: str) -> None:
    """A writer killed after committing, before any checkpoint: the change lives only in the -wal."""
    code = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {SRC!r})
        from epcs_desktop.core.vault import Vault
        from epcs_desktop.core.clock import FixedClock
        v = Vault.open({str(path)!r}, {password!r}, clock=FixedClock(0.0))
        v.conn.execute("PRAGMA wal_autocheckpoint = 0")
        with v.transaction() as db:
            db.execute("INSERT INTO record(key, value) VALUES('crash-test', '1')")
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert Path(str(path) + "-wal").stat().st_size > 0


def mount_tmpfs(where: Path, options: str) -> bool:
    """Mount a tmpfs at `where` (root on Linux only; False = the test should skip)."""
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir(parents=True, exist_ok=True)
    return (
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], check=False).returncode
        == 0
    )
