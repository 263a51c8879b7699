"""One flipped byte in a profile database or a backup is always detected, never silently accepted.

SQLCipher 4 authenticates every page with HMAC-SHA512 (and page 1 begins with
the KDF salt), so a changed byte anywhere in a used page must surface as a
VaultError (WrongPasswordError when the salt or the first page is hit) when
that page is read. "Read" here is what the app does when it opens a profile
(every table through the Profile API) plus PRAGMA integrity_check, which
visits every page of every table and index.
"""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest

from epcs_desktop.core import backup
from epcs_desktop.core.errors import BackupError, VaultError
from epcs_desktop.core.erx import DeviceOption, PrescriberInfo
from epcs_desktop.core.otpauth import from_secret
from profile_support import store_at

from .conftest import PASSWORD, SECRET

pytestmark = pytest.mark.slow

PAGE = 4096
RESERVE = 80  # SQLCipher 4 per-page reserve: 16-byte IV + 64-byte HMAC-SHA512


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed profile file with devices, prescriber info and activity, no free pages, no WAL."""
    store = store_at(tmp_path_factory.mktemp("pristine"))
    profile = store.create("Dr Flip", PASSWORD)
    for i in range(12):
        if i % 3 == 0:
            profile.add_device(
                f"Phone {i}", DeviceOption.GENERATOR_HERE, from_secret(SECRET, account=f"a{i}")
            )
        else:
            profile.add_device(f"Tablet {i}", DeviceOption.PUSH)
    profile.set_prescriber(PrescriberInfo(state="CA", license_number="A12345"))
    profile.vault.conn.execute("VACUUM")
    assert profile.vault.query("PRAGMA freelist_count")[0][0] == 0
    path = store.path_for("Dr Flip")
    profile.close()
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
    return path


def _read_everything(path: Path) -> None:
    store = store_at(path.parent.parent)
    with store.open("Dr Flip", PASSWORD) as profile:
        profile.devices()
        profile.activity()
        profile.prescriber()
        profile.identity()
        assert profile.settings is not None  # reading the typed settings decodes the stored record
        rows = profile.vault.query("PRAGMA integrity_check")
        if [tuple(r) for r in rows] != [("ok",)]:
            raise VaultError("integrity_check reported a problem")


def _positions(size: int, rng: random.Random) -> list[int]:
    """Per page: the first byte, random content bytes, the IV and the HMAC; plus the salt."""
    out = {0, 5, 15, 16, 17, 20, 100}
    for start in range(0, size, PAGE):
        out |= {start, start + PAGE - RESERVE + 3, start + PAGE - 1}
        out |= {start + rng.randrange(0, PAGE - RESERVE) for _ in range(2)}
    return sorted(p for p in out if p < size)


def test_every_flipped_byte_in_a_vault_is_reported(pristine: Path, tmp_path: Path) -> None:
    _read_everything(pristine)  # the pristine copy reads cleanly
    data = pristine.read_bytes()
    assert len(data) % PAGE == 0 and len(data) >= 3 * PAGE
    folder = tmp_path / "profiles"
    folder.mkdir()
    target = folder / pristine.name
    rng = random.Random(4242)
    positions = _positions(len(data), rng)
    for pos in positions:
        damaged = bytearray(data)
        damaged[pos] ^= 1 << rng.randrange(8)
        target.write_bytes(bytes(damaged))
        for side in ("-wal", "-shm"):
            Path(str(target) + side).unlink(missing_ok=True)
        with pytest.raises(VaultError) as info:
            _read_everything(target)
        message = str(info.value)
        assert "\n" not in message and "Traceback" not in message
    assert len(positions) >= 15


def test_flipped_bytes_in_a_real_backup_are_refused_and_restore_changes_nothing(
    pristine: Path, tmp_path: Path
) -> None:
    store = store_at(tmp_path / "data")
    shutil.copytree(pristine.parent, store.profiles_dir)
    with store.open("Dr Flip", PASSWORD) as profile:
        path = backup.backup_profile(
            profile, tmp_path / "flip.epcsbak", "backup-pass-1", backup.KdfParams(8192, 1, 1)
        )
        before = [(d.nickname, d.is_primary) for d in profile.devices()]
    data = path.read_bytes()
    rng = random.Random(99)
    for pos in [*sorted(rng.sample(range(len(data)), 40)), 0, 13, 30, 50, 70, 80, len(data) - 1]:
        damaged = bytearray(data)
        damaged[pos] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(damaged))
        digest = hashlib.sha256(bytes(damaged)).digest()
        with pytest.raises(BackupError):
            backup.read_backup(path, "backup-pass-1")
        assert hashlib.sha256(path.read_bytes()).digest() == digest  # reading changed nothing
    with store.open("Dr Flip", PASSWORD) as profile:
        assert [(d.nickname, d.is_primary) for d in profile.devices()] == before
