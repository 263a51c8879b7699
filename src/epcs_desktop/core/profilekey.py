"""The profile key: Argon2id from the password, parameters in a small key file beside the profile.

Why not SQLCipher's own KDF: PBKDF2-HMAC-SHA512 is OWASP's last choice (no
memory hardness: a GPU tries millions of guesses per second against a stolen
file; ~4 per second per CPU core here). KeePassXC uses Argon2id and this
program's own backups already do. So the key is derived here with Argon2id,
calibrated to about 0.5 s on the computer that sets the password and never
below 64 MiB and 3 passes (slower to guess than the PBKDF2 it replaced; OWASP's
minimum of 19 MiB, t = 2 was faster), and SQLCipher is handed the
resulting *raw* key (``x'…'``, built here only; a typed password never reaches
SQLCipher as a raw key).

The key file ``<profile>.epcs.kdf`` (documented in docs/profile-format.md)
holds per entry: the Argon2id cost, a random 16-byte salt and a 16-byte
*check value* (HKDF of the Argon2 output, separate from the SQLCipher key).
The check value lets "wrong password" be decided before SQLite opens the
file, so a wrong password can never replay a left-over -wal into the file,
and a damaged first page with the right password is reported as damage, not
as a wrong password. It gives an attacker nothing: testing it costs the same
Argon2id as testing the key itself.

At most two entries: during a password change or an upgrade the new entry is
written first and the old one kept until the database is re-keyed, so a crash
at any moment leaves a file that one of them opens.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hmac
import json
import logging
import os
import secrets
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from epcs_desktop.core.bounded import read_bounded
from epcs_desktop.core.errors import DamagedProfileError, StorageError, VaultError
from epcs_desktop.core.private_files import write_private

logger = logging.getLogger(__name__)

KEY_FILE_SUFFIX = ".kdf"
KEY_FILE_FORMAT = "epcs-desktop-profile-key"
KEY_FILE_VERSION = 1
ARGON2_VERSION = 0x13
TARGET_SECONDS = 0.5
# The floor for every NEW key, whatever the calibration says (issue 23 item 10). OWASP's minimum
# (19 MiB, t = 2) was 4.5x *faster* to guess per core than the PBKDF2-SHA512 256,000 it replaced;
# 64 MiB with 3 passes is slower to guess than it on the same CPU (bench/bench_guessing.py measures
# both in one run; a slow machine pays a longer unlock instead of a weaker key).
FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_TIME_COST = 3
# What a stored key file may say. Older files made at OWASP's minimum still open (and are re-keyed
# to the floor at their next unlock, `below_floor`); a crafted file cannot make unlocking take
# more than calibration ever writes (2 GiB x 64 passes once took 148 s and 2 GB: issue 23 item 5).
MIN_MEMORY_KIB = 19 * 1024
MIN_TIME_COST = 2
MAX_MEMORY_KIB = FLOOR_MEMORY_KIB
MAX_TIME_COST = 32
MAX_PARALLELISM = 4
DEFAULT_MEMORY_KIB = FLOOR_MEMORY_KIB
# Tests only: OWASP's minimum without calibrating. Honoured only when running from a source checkout
# (`test_switches_allowed`): in an installed or packaged build the variable does nothing.
FAST_ENV = "EPCS_DESKTOP_TEST_FAST_KDF"
_MAX_KEY_FILE = 64 * 1024


@dataclass(frozen=True)
class KeyEntry:
    """One way to derive the key: Argon2id cost, salt, and the check value of the password it was made for."""

    memory_kib: int
    time_cost: int
    parallelism: int
    salt: bytes = dataclasses.field(repr=False)
    check: bytes = dataclasses.field(repr=False)

    def to_json(self) -> dict[str, object]:
        return {
            "kdf": "argon2id",
            "version": ARGON2_VERSION,
            "memory_kib": self.memory_kib,
            "time_cost": self.time_cost,
            "parallelism": self.parallelism,
            "salt": self.salt.hex(),
            "check": self.check.hex(),
        }


def key_file_path(profile_path: str | os.PathLike[str]) -> Path:
    return Path(str(profile_path) + KEY_FILE_SUFFIX)


def _argon2(password: str, salt: bytes, memory_kib: int, time_cost: int, parallelism: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=time_cost,
        memory_cost=memory_kib,
        parallelism=parallelism,
        hash_len=32,
        type=Type.ID,
        version=ARGON2_VERSION,
    )


def hkdf_sha256(ikm: bytes, info: bytes, length: int, salt: bytes = b"") -> bytes:
    """RFC 5869 HKDF with HMAC-SHA256, extract then expand, in the standard library.

    The same bytes as `cryptography`'s HKDF (tests check RFC 5869's vectors and a profile made with
    it): unlocking used to import cryptography's Rust module (~6 MiB resident, issue 14) for this
    alone. A missing salt is HashLen zero bytes (RFC 5869 2.2), which HMAC's key padding makes the
    same as an empty key.
    """
    if not 0 < length <= 255 * 32:
        raise ValueError("HKDF-SHA256 gives 1 to 8160 bytes")
    prk = hmac.digest(salt or bytes(32), ikm, "sha256")
    okm, block = b"", b""
    for counter in range(1, -(-length // 32) + 1):
        block = hmac.digest(prk, block + info + bytes([counter]), "sha256")
        okm += block
    return okm[:length]


def _split(master: bytes) -> tuple[bytes, bytes]:
    """(SQLCipher raw key, check value): HKDF keeps them independent of each other."""
    return (
        hkdf_sha256(master, b"epcs-desktop profile v1 sqlcipher key", 32),
        hkdf_sha256(master, b"epcs-desktop profile v1 check", 16),
    )


def derive(password: str, entry: KeyEntry) -> tuple[bytes, bool]:
    """(raw key, whether the password's check value matches `entry`)."""
    key, check = _split(_argon2(password, entry.salt, entry.memory_kib, entry.time_cost, entry.parallelism))
    return key, hmac.compare_digest(check, entry.check)


_calibrated: tuple[int, int, int] | None = None


def test_switches_allowed() -> bool:
    """Whether test-only switches (`FAST_ENV`) may act: only in a source checkout, never in a release.

    A release is anything installed: a PyInstaller bundle (``sys.frozen``) or a wheel in
    site-packages. A source checkout has the project's pyproject.toml two folders above the
    package (``src/epcs_desktop``), which no installed copy has. Why not a variable: an environment
    variable set on a clinician's computer (by mistake, or by malware) must not weaken new keys.
    """
    if getattr(sys, "frozen", False):
        return False
    package = Path(__file__).resolve().parents[1]
    return (package.parent.parent / "pyproject.toml").is_file() and package.parent.name == "src"


test_switches_allowed.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def fast_for_tests() -> bool:
    return os.environ.get(FAST_ENV) == "1" and test_switches_allowed()


def below_floor(entry: KeyEntry) -> bool:
    """A stored entry weaker than what new keys get (made by an older version): re-key it at unlock."""
    if fast_for_tests():
        return False
    if test_switches_allowed() and (entry.memory_kib, entry.time_cost) == (MIN_MEMORY_KIB, MIN_TIME_COST):
        return False  # in a source checkout, a key at exactly the tests' cost is a test profile: left alone
    return entry.memory_kib < FLOOR_MEMORY_KIB or entry.time_cost < FLOOR_TIME_COST


def calibrate(target: float = TARGET_SECONDS) -> tuple[int, int, int]:
    """(memory KiB, passes, lanes) costing about `target` seconds here; never below the floor.

    64 MiB with as many passes as fit in `target` (time grows linearly with
    passes: one pass is measured, the chosen cost is measured once more and
    scaled), at least `FLOOR_TIME_COST`, at most `MAX_TIME_COST`: a slow
    machine unlocks more slowly rather than getting a key that is cheaper to
    guess than the old PBKDF2 one. Measured once per process (about 0.7 s).
    """
    global _calibrated
    if fast_for_tests():
        return MIN_MEMORY_KIB, MIN_TIME_COST, 1
    if _calibrated is not None:
        return _calibrated
    salt = secrets.token_bytes(16)
    memory = FLOOR_MEMORY_KIB

    def timed(m: int, t: int) -> float:
        start = time.perf_counter()
        _argon2("calibration", salt, m, t, 1)
        return max(time.perf_counter() - start, 1e-4)

    per_pass = min(timed(memory, 1), timed(memory, 1))
    passes = max(FLOOR_TIME_COST, min(int(target / per_pass), MAX_TIME_COST))
    measured = timed(memory, passes)  # fixed costs (allocation) make one pass look dearer than it is
    passes = max(FLOOR_TIME_COST, min(round(passes * target / measured), MAX_TIME_COST))
    _calibrated = (memory, passes, 1)
    logger.info("profile KDF calibrated: Argon2id m=%d KiB, t=%d, p=1", memory, passes)
    return _calibrated


def new_entry(password: str) -> tuple[KeyEntry, bytes]:
    """A fresh salt and calibrated cost for `password`: (entry to store, raw key)."""
    memory, passes, lanes = calibrate()
    salt = secrets.token_bytes(16)
    key, check = _split(_argon2(password, salt, memory, passes, lanes))
    return KeyEntry(memory, passes, lanes, salt, check), key


def raw_key_pragma(key: bytes) -> str:
    """The PRAGMA key/rekey value for a raw 32-byte key (the only place an x'…' key is written)."""
    if len(key) != 32:
        raise ValueError("a raw SQLCipher key is 32 bytes")
    return f"\"x'{key.hex()}'\""


def read_key_file(profile_path: str | os.PathLike[str]) -> list[KeyEntry] | None:
    """The key file's entries (current first), or None when there is none (an older, PBKDF2 profile)."""
    path = key_file_path(profile_path)
    if not os.path.lexists(path):
        return None
    try:
        raw = read_bounded(path, _MAX_KEY_FILE, "a profile key file", VaultError)
    except VaultError as exc:
        if os.path.exists(path) and not os.access(path, os.R_OK):
            raise StorageError(f"The profile's key file cannot be read: {exc}") from None
        raise DamagedProfileError(f"The profile's key file ({path.name}) cannot be used: {exc}") from None
    try:
        doc = json.loads(raw.decode("utf-8"), parse_constant=_refuse)
        if doc.get("format") != KEY_FILE_FORMAT or doc.get("version") != KEY_FILE_VERSION:
            raise ValueError("format")
        entries = [_entry(e) for e in doc["entries"]]
        if not 1 <= len(entries) <= 2:
            raise ValueError("entries")
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise DamagedProfileError(
            f"The profile's key file ({path.name}) is damaged; restore the profile from a backup."
        ) from None
    return entries


def _refuse(name: str) -> None:
    raise ValueError(name)


def _entry(e: dict[str, object]) -> KeyEntry:
    if e.get("kdf") != "argon2id" or e.get("version") != ARGON2_VERSION:
        raise ValueError("kdf")
    m, t, p = e["memory_kib"], e["time_cost"], e["parallelism"]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (m, t, p)):
        raise ValueError("cost")
    assert isinstance(m, int) and isinstance(t, int) and isinstance(p, int)  # for the type checker
    if not (MIN_MEMORY_KIB <= m <= MAX_MEMORY_KIB and MIN_TIME_COST <= t <= MAX_TIME_COST):
        raise ValueError("cost")
    if not 1 <= p <= MAX_PARALLELISM:
        raise ValueError("cost")
    salt, check = bytes.fromhex(str(e["salt"])), bytes.fromhex(str(e["check"]))
    if len(salt) != 16 or len(check) != 16:
        raise ValueError("salt")
    return KeyEntry(m, t, p, salt, check)


def write_key_file(profile_path: str | os.PathLike[str], entries: list[KeyEntry]) -> None:
    """Replace the key file atomically (owner-only temp file, fsync, rename, folder fsync)."""
    path = key_file_path(profile_path)
    doc = {"format": KEY_FILE_FORMAT, "version": KEY_FILE_VERSION, "entries": [e.to_json() for e in entries]}
    try:
        write_private(path, (json.dumps(doc, indent=1) + "\n").encode("utf-8"))  # fsyncs the folder too
    except OSError as exc:
        raise StorageError(f"The profile's key file could not be written ({exc.strerror}).") from None


def remove_key_file(profile_path: str | os.PathLike[str]) -> None:
    with contextlib.suppress(FileNotFoundError):
        key_file_path(profile_path).unlink()
