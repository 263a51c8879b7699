"""Encrypted, self-describing backups of one clinician profile.

Why a format of our own instead of copying the SQLCipher file: a backup must
be restorable into a profile with a *different* password, merge into an
existing profile, and stay readable after the database schema changes. So the
payload is the profile snapshot (plain JSON-able data) sealed with a key
derived from a backup password.

Format version 1 (all integers big-endian; documented in docs/backup-format.md):

    offset size field
    0      8    magic  89 'E' 'P' 'C' 'S' 'B' 'K' 0A
    8      2    format version (1)
    10     2    header length (84 for version 1)
    12     1    KDF id (1 = Argon2id)
    13     1    Argon2 version (0x13)
    14     4    Argon2 memory cost, KiB
    18     4    Argon2 time cost (passes)
    22     1    Argon2 parallelism (lanes)
    23     1    cipher id (1 = AES-256-GCM)
    24     16   salt
    40     12   nonce
    52     8    ciphertext length (including the 16-byte GCM tag)
    60     16   password check value
    76     8    header checksum: SHA-256(bytes 0..75)[:8]
    84     ...  ciphertext || tag

The whole header (bytes 0..83) is the AES-GCM associated data, so changing any
header byte makes decryption fail even if the checksum is recomputed. The
checksum and the password check only exist to turn "it failed" into the right
sentence: damaged header, wrong password, or damaged contents.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import json
import logging
import os
import secrets
import struct
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from epcs_desktop.core.errors import BackupError

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

MAGIC = b"\x89EPCSBK\n"
FORMAT_VERSION = 1
FILE_SUFFIX = ".epcsbak"
KDF_ARGON2ID = 1
ARGON2_VERSION = 0x13  # Argon2 v1.3, the version the file format pins
CIPHER_AES256GCM = 1

_PREFIX = struct.Struct(">8sHH")  # magic, version, header length
_BODY_V1 = struct.Struct(">BBIIBB16s12sQ16s")  # kdf..check, after the prefix
HEADER_LEN_V1 = _PREFIX.size + _BODY_V1.size + 8
_CHECKSUM_LEN = 8
_TAG_LEN = 16
_MAX_HEADER_LEN = 4096

# Limits on what a file may ask the reader to spend. A crafted header must not
# make "restore" allocate gigabytes or run for minutes.
MAX_MEMORY_KIB = 1024 * 1024
MAX_TIME_COST = 10
MAX_PARALLELISM = 16
MAX_CIPHERTEXT = 64 * 1024 * 1024

ENVELOPE_KIND = "epcs-desktop-profile-backup"


class BackupPasswordError(BackupError):
    """The backup password does not open this backup (the CLI exits 3, as for a wrong profile password)."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, stored in every header so it can be raised without a format change.

    OWASP's Password Storage Cheat Sheet lists m=47 MiB/t=1, m=19 MiB/t=2, ...
    as minimums; RFC 9106 recommends m=64 MiB, t=3. We use m=64 MiB, t=3, p=1,
    which costs about 0.16 s on the project's build machine (bench numbers in
    docs/backup-format.md): cheap for one restore, expensive for guessing.
    """

    memory_kib: int = 64 * 1024
    time_cost: int = 3
    parallelism: int = 1


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class BackupHeader:
    """The parsed, checksum-verified header of a backup file."""

    version: int
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext_len: int
    check: bytes
    raw: bytes

    def __repr__(self) -> str:
        return f"BackupHeader(version={self.version}, kdf={self.kdf!r}, ciphertext_len={self.ciphertext_len})"


def _keys(password: str, salt: bytes, kdf: KdfParams) -> tuple[bytes, bytes]:
    """Argon2id master key, split by HKDF into (AES key, password check value).

    The check value lets the reader say "wrong password" rather than "wrong
    password or damaged file"; it reveals nothing an attacker could not learn by
    trying the GCM tag, and nothing about the AES key.
    """
    # Imported here, not at module level: the GUI reads backup dates at every unlock and
    # should not pay ~14 MiB of crypto libraries until a backup is written or read.
    from argon2.exceptions import HashingError
    from argon2.low_level import Type, hash_secret_raw
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    if not isinstance(password, str) or not password:
        raise BackupError("A backup password is required.")
    try:
        master = hash_secret_raw(
            password.encode("utf-8"),
            salt,
            time_cost=kdf.time_cost,
            memory_cost=kdf.memory_kib,
            parallelism=kdf.parallelism,
            hash_len=32,
            type=Type.ID,
            version=ARGON2_VERSION,
        )
    except HashingError:
        raise BackupError("The backup file's key settings are invalid; the file is damaged.") from None

    def expand(info: bytes, length: int) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(master)

    return expand(b"epcs-desktop backup v1 aes-256-gcm key", 32), expand(
        b"epcs-desktop backup v1 password check", 16
    )


def _pack_header(kdf: KdfParams, salt: bytes, nonce: bytes, ciphertext_len: int, check: bytes) -> bytes:
    body = _PREFIX.pack(MAGIC, FORMAT_VERSION, HEADER_LEN_V1) + _BODY_V1.pack(
        KDF_ARGON2ID,
        ARGON2_VERSION,
        kdf.memory_kib,
        kdf.time_cost,
        kdf.parallelism,
        CIPHER_AES256GCM,
        salt,
        nonce,
        ciphertext_len,
        check,
    )
    return body + hashlib.sha256(body).digest()[:_CHECKSUM_LEN]


def _validate_kdf(kdf: KdfParams) -> None:
    if not (1 <= kdf.parallelism <= MAX_PARALLELISM):
        raise BackupError("The backup file's key settings are invalid; the file is damaged.")
    memory_ok = 8 * kdf.parallelism <= kdf.memory_kib <= MAX_MEMORY_KIB
    if not memory_ok or not (1 <= kdf.time_cost <= MAX_TIME_COST):
        raise BackupError("The backup file asks for key settings outside the supported range.")


def parse_header(data: bytes) -> BackupHeader:
    """Check magic, checksum, version and limits; no password needed.

    The checksum is verified before the version so a flipped version byte reads
    as "damaged", not as "made by a newer version".
    """
    head = bytes(data[: len(MAGIC)])
    if head != MAGIC:
        if head and len(head) < len(MAGIC) and MAGIC.startswith(head):
            raise BackupError("The backup file is incomplete (it was cut short).")
        raise BackupError("This file is not an EPCS Desktop backup.")
    if len(data) < _PREFIX.size:
        raise BackupError("The backup file is incomplete (it was cut short).")
    _magic, version, header_len = _PREFIX.unpack_from(data)
    if not (_PREFIX.size + _CHECKSUM_LEN <= header_len <= _MAX_HEADER_LEN):
        raise BackupError("The backup file is damaged (its header is unreadable).")
    if len(data) < header_len:
        raise BackupError("The backup file is incomplete (it was cut short).")
    raw = bytes(data[:header_len])
    expected = hashlib.sha256(raw[:-_CHECKSUM_LEN]).digest()[:_CHECKSUM_LEN]
    if not hmac.compare_digest(expected, raw[-_CHECKSUM_LEN:]):
        raise BackupError("The backup file is damaged (its header checksum does not match).")
    if version > FORMAT_VERSION:
        raise BackupError(
            f"This backup uses format version {version}, made by a newer EPCS Desktop; "
            "update EPCS Desktop to restore it."
        )
    if version != FORMAT_VERSION or header_len != HEADER_LEN_V1:
        raise BackupError("The backup file is damaged (unknown format version).")
    kdf_id, argon_v, m, t, p, cipher_id, salt, nonce, ct_len, check = _BODY_V1.unpack_from(raw, _PREFIX.size)
    if kdf_id != KDF_ARGON2ID or argon_v != ARGON2_VERSION or cipher_id != CIPHER_AES256GCM:
        raise BackupError("The backup file uses an unsupported key or cipher method.")
    kdf = KdfParams(memory_kib=m, time_cost=t, parallelism=p)
    _validate_kdf(kdf)
    if not (_TAG_LEN <= ct_len <= MAX_CIPHERTEXT):
        raise BackupError("The backup file is damaged (its recorded size is impossible).")
    return BackupHeader(version, kdf, salt, nonce, ct_len, check, raw)


def encode_backup(snapshot: dict[str, Any], password: str, kdf: KdfParams = DEFAULT_KDF) -> bytes:
    """The complete backup file contents for `snapshot`, sealed with `password`."""
    if not isinstance(snapshot, dict):
        raise TypeError("snapshot must be a dict")
    _validate_kdf(kdf)
    envelope = {"kind": ENVELOPE_KIND, "created_at": time.time(), "snapshot": snapshot}
    try:
        plaintext = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
    except (TypeError, ValueError) as exc:  # a programming error, not a user's
        raise TypeError(f"snapshot is not JSON-serialisable: {type(exc).__name__}") from None
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    key, check = _keys(password, salt, kdf)
    header = _pack_header(kdf, salt, nonce, len(plaintext) + _TAG_LEN, check)
    return header + AESGCM(key).encrypt(nonce, plaintext, header)


def decode_backup(data: bytes, password: str) -> dict[str, Any]:
    """The snapshot inside backup file contents; `BackupError` for anything wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = parse_header(data)
    body = data[len(header.raw) :]
    if len(body) < header.ciphertext_len:
        raise BackupError("The backup file is incomplete (it was cut short).")
    if len(body) > header.ciphertext_len:
        raise BackupError("The backup file is damaged (it has extra data at the end).")
    key, check = _keys(password, header.salt, header.kdf)
    if not hmac.compare_digest(check, header.check):
        raise BackupPasswordError("The backup password is wrong.")
    try:
        plaintext = AESGCM(key).decrypt(header.nonce, bytes(body), header.raw)
    except InvalidTag:
        raise BackupError("The backup file is damaged (its contents fail the integrity check).") from None
    try:
        envelope = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BackupError("The backup's contents are unreadable.") from None
    if (
        not isinstance(envelope, dict)
        or envelope.get("kind") != ENVELOPE_KIND
        or not isinstance(envelope.get("snapshot"), dict)
    ):
        raise BackupError("The backup's contents are not an EPCS Desktop profile.")
    return envelope["snapshot"]


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_backup(
    path: str | os.PathLike[str], snapshot: dict[str, Any], password: str, kdf: KdfParams = DEFAULT_KDF
) -> Path:
    """Write a backup atomically: a crash leaves either the old file or the complete new one.

    Temp file in the same folder (so the rename cannot cross file systems),
    owner-only from the moment it exists (mkstemp creates it 0600), fsync'd
    before the rename, then the folder fsync'd so the rename survives a crash.
    """
    target = Path(path)
    data = encode_backup(snapshot, password, kdf)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise BackupError(f"The folder {str(folder)!r} does not exist.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        reason = exc.strerror or "access denied"
        raise BackupError(f"Cannot write a backup in {str(folder)!r}: {reason}.") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BackupError(f"Cannot write the backup file: {exc.strerror or 'input/output error'}.") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    log.info("backup written (%d bytes, format %d)", len(data), FORMAT_VERSION)
    return target


def read_backup(path: str | os.PathLike[str], password: str) -> dict[str, Any]:
    """The snapshot stored in the backup at `path`. Reads only; changes nothing."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_CIPHERTEXT + _MAX_HEADER_LEN + 1)
    except FileNotFoundError:
        raise BackupError(f"There is no backup file at {str(p)!r}.") from None
    except IsADirectoryError:
        raise BackupError(f"{str(p)!r} is a folder, not a backup file.") from None
    except OSError as exc:
        raise BackupError(f"Cannot read the backup file: {exc.strerror or 'input/output error'}.") from None
    snapshot = decode_backup(data, password)
    log.info("backup read (%d bytes)", len(data))
    return snapshot


# --- profile bookkeeping and restore preview ---------------------------------------------------

LAST_BACKUP_RECORD = "last_backup_at"


def backup_profile(
    profile: Profile, path: str | os.PathLike[str], password: str, kdf: KdfParams = DEFAULT_KDF
) -> Path:
    """Write `profile`'s snapshot to `path`, then record when (for the reminder) and a "backup made" entry.

    The time goes in the vault's record table, not in the settings table:
    it is a fact, not a preference, and it must not travel inside the backup.
    """
    target = write_backup(path, profile.snapshot(), password, kdf)
    record_backup(profile, target)
    return target


def record_backup(profile: Profile, target: str | os.PathLike[str], at: float | None = None) -> None:
    """After a backup file is written: store when (for the reminder) and log it, as one change.

    The one place this bookkeeping happens, so `backup_profile` and the GUI's
    backup dialog (which writes on a worker thread) cannot drift apart.
    """
    profile.put_record(
        LAST_BACKUP_RECORD,
        time.time() if at is None else at,
        "backup made",
        f"Encrypted backup written to {Path(target).name}.",
    )


def last_backup_at(profile: Profile) -> float | None:
    """When this profile last made a backup (Unix seconds), or None if never."""
    value = profile.vault.get_record(LAST_BACKUP_RECORD)
    return float(value) if isinstance(value, int | float) else None


def backup_due(profile: Profile, now: float) -> bool:
    """True when the reminder should show: never backed up, or older than `backup_reminder_days` (0 = off)."""
    days = int(profile.settings().get("backup_reminder_days", 14))
    if days <= 0:
        return False
    last = last_backup_at(profile)
    return last is None or now - last > days * 86400


def preview_restore(profile: Profile, snapshot: dict[str, Any], mode: str = "merge") -> list[str]:
    """What `profile.apply_snapshot(snapshot, mode)` would change, one line per change, changing nothing.

    The devices come from `Profile.plan_restore`, the very plan apply_snapshot
    follows, so the preview cannot promise something the restore then does not
    do: merge adds devices whose nickname is new, skips identical ones (also
    when already present as "Name (2)"), renames a clashing different device to
    "Name (2)", keeps the current primary and fills prescriber info only when
    none is stored; replace makes the profile exactly the snapshot.
    """
    from epcs_desktop.core.profile import _read_snapshot

    plan = profile.plan_restore(snapshot, mode)  # the same plan apply_snapshot follows
    prescriber = _read_snapshot(snapshot)[1]
    lines = [f"- remove device '{name}' ({label})" for name, label in plan.removed]
    for step in plan.steps:
        if not step.added:
            where = "" if step.nickname == step.backup_name else f" as '{step.nickname}'"
            lines.append(f"= keep device '{step.backup_name}' (already present{where})")
            continue
        renamed = step.nickname != step.backup_name
        note = f" ('{step.backup_name}' is taken by another device)" if renamed else ""
        lines.append(f"+ add device '{step.nickname}' ({step.option_label}){note}")
    primary_name = plan.primary
    if primary_name:
        lines.append(f"* primary device: '{primary_name}'")
    current_info = dataclasses.asdict(profile.prescriber())
    writes = mode == "replace" or profile.vault.get_record("prescriber") is None
    if writes and prescriber != current_info:
        shown = (
            ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in prescriber.items() if v) or "all fields empty"
        )
        lines.append(f"~ prescriber info will be set ({shown})")
    elif writes or prescriber == current_info:
        lines.append("= prescriber info unchanged")
    else:
        lines.append("= prescriber info unchanged (merge keeps what is already filled in)")
    if mode == "replace":
        lines.append("~ identity confirmation and settings will be taken from the backup")
    return lines
