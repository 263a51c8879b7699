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

import hashlib
import hmac
import json
import logging
import os
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from epcs_desktop.core.bounded import read_bounded
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import BackupError
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.private_files import profile_target_problem, write_private

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile
    from epcs_desktop.core.settings import Settings

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


def encode_backup(
    snapshot: dict[str, Any], password: str, kdf: KdfParams = DEFAULT_KDF, *, clock: Clock
) -> bytes:
    """The complete backup file contents for `snapshot`, sealed with `password`."""
    if not isinstance(snapshot, dict):
        raise TypeError("snapshot must be a dict")
    _validate_kdf(kdf)
    created_at = clock.now()
    envelope = {"kind": ENVELOPE_KIND, "created_at": created_at, "snapshot": snapshot}
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
        envelope = json.loads(plaintext.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BackupError("The backup's contents are unreadable.") from None
    if (
        not isinstance(envelope, dict)
        or envelope.get("kind") != ENVELOPE_KIND
        or not isinstance(envelope.get("snapshot"), dict)
    ):
        raise BackupError("The backup's contents are not an EPCS Desktop profile.")
    from epcs_desktop.core.errors import RuleError
    from epcs_desktop.core.snapshot_rules import check_snapshot_shape

    try:  # a profile snapshot (the only kind restore accepts) is checked field by field here already
        if envelope["snapshot"].get("format") == "epcs-desktop-profile":
            check_snapshot_shape(envelope["snapshot"])
    except RuleError as exc:
        raise BackupError(str(exc)) from None
    snapshot: dict[str, Any] = envelope["snapshot"]
    return snapshot


def _refuse_constant(name: str) -> Any:
    """json.loads calls this for NaN, Infinity, -Infinity: the writer (allow_nan=False) never makes them."""
    raise ValueError(f"non-standard JSON constant {name}")


def check_destination(
    path: str | os.PathLike[str], profile_path: str | os.PathLike[str] | None = None
) -> Path:
    """Refuse a backup destination that would destroy a profile or a device node; return the path.

    Why: `backup create -p P <data>/profiles/P.epcs` used to succeed, after
    which the left-over -wal was replayed into the backup: the profile no
    longer opened and the backup no longer restored. As root, `/dev/full` was
    replaced by a file. Refused: the profile itself (also through a symlink or
    another name for the same file), its -wal/-shm/-journal/key files, anything
    in a profiles folder, and anything that exists but is not a regular file.
    """
    raw = os.fspath(path)
    if raw.endswith(("/", os.sep)) or (os.altsep and raw.endswith(os.altsep)):  # Path() would drop the "/"
        from epcs_desktop.core.textguard import clean_for_display

        shown = clean_for_display(raw, 200)
        example = f"{shown}backup{FILE_SUFFIX}"
        raise BackupError(f"“{shown}” is a folder: add a file name, for example “{example}”.")
    target = Path(path)
    problem = profile_target_problem(target, profile_path)
    if problem is not None:
        hint = f"; use a {FILE_SUFFIX} name" if problem.endswith("name of a profile file") else ""
        raise BackupError(f"A backup cannot be written there: {problem}{hint}.")
    return target


OUTSIDE_REQUIRED_FOLDER = N_(
    "Your practice's IT requires backups to be saved in the folder “{folder}”; choose a file there."
)


def required_backup_folder(settings: Settings) -> Path | None:
    """The folder IT requires backups in (`required_backup_folder`, issue 15), or None when any will do."""
    folder = settings.required_backup_folder.strip()
    return Path(folder).expanduser() if folder else None


def check_backup_folder(path: str | os.PathLike[str], settings: Settings) -> Path:
    """THE required-folder rule: refuse a backup outside `required_backup_folder` (or a folder inside it).

    Why: a practice that backs its file share up centrally must know every
    profile backup lands there, not on a USB stick or the desktop. Both front
    ends call this before any password is asked or any byte written; paths are
    compared resolved, so "..", a symlink or another spelling cannot step out.
    Returns the path unchanged.
    """
    required = required_backup_folder(settings)
    if required is None:
        return Path(path)
    target = Path(path).expanduser()
    folder = (target.parent if str(target.parent) else Path(".")).resolve()
    if not folder.is_relative_to(required.resolve()):
        exc = BackupError(OUTSIDE_REQUIRED_FOLDER.format(folder=str(required)))
        exc.template, exc.params = OUTSIDE_REQUIRED_FOLDER, {"folder": str(required)}
        raise exc
    return Path(path)


def write_backup(
    path: str | os.PathLike[str],
    snapshot: dict[str, Any],
    password: str,
    kdf: KdfParams = DEFAULT_KDF,
    *,
    profile_path: str | os.PathLike[str] | None = None,
    clock: Clock,
) -> Path:
    """Write a backup atomically: a crash leaves either the old file or the complete new one.

    Temp file in the same folder (so the rename cannot cross file systems),
    owner-only from the moment it exists (mkstemp creates it 0600), fsync'd
    before the rename, then the folder fsync'd so the rename survives a crash.
    `check_destination` runs first (pass `profile_path`, the live profile file).
    """
    target = check_destination(path, profile_path)
    data = encode_backup(snapshot, password, kdf, clock=clock)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise BackupError(f"The folder “{folder}” does not exist.")
    try:
        write_private(target, data)
    except OSError as exc:
        reason = exc.strerror or "input/output error"
        raise BackupError(f"Cannot write a backup in “{folder}”: {reason}.") from None
    log.info("backup written (%d bytes, format %d)", len(data), FORMAT_VERSION)
    return target


def read_backup(path: str | os.PathLike[str], password: str) -> dict[str, Any]:
    """The snapshot stored in the backup at `path`. Reads only; changes nothing."""
    # One bounded read for every outside file (core/bounded): regular files only, never more than a
    # backup can hold, so a device, FIFO or giant file is one clear line.
    p = Path(path)
    if not p.exists() and not p.is_symlink():
        raise BackupError(f"There is no backup file at “{p}”.")
    data = read_bounded(p, MAX_CIPHERTEXT + _MAX_HEADER_LEN, "a backup", error=BackupError)
    snapshot = decode_backup(data, password)
    log.info("backup read (%d bytes)", len(data))
    return snapshot


# --- profile bookkeeping and restore preview ---------------------------------------------------



def check_profile_before_backup(profile: Profile) -> None:
    """Refuse to back up a profile whose pages fail the integrity check (a backup of damage is no backup).

    The message says what to do; `epcs-desktop profile check NAME` lists the problems.
    """
    from epcs_desktop.core.errors import DamagedProfileError

    problems = profile.check_integrity()
    if problems:
        raise DamagedProfileError(
            f"The profile file is damaged ({len(problems)} problem(s) found by its integrity check), so no "
            "backup was written. Restore your latest backup into a new profile; "
            f"`epcs-desktop profile check {profile.name}` lists the problems."
        )


def backup_profile(
    profile: Profile, path: str | os.PathLike[str], password: str, kdf: KdfParams = DEFAULT_KDF
) -> Path:
    """Write `profile`'s snapshot to `path`, then record when (for the reminder) and a "backup made" entry.

    The time goes in the vault's record table, not in the settings table:
    it is a fact, not a preference, and it must not travel inside the backup.
    """
    from epcs_desktop.core.passwords import check_new_password

    # The one password policy, for backup passwords too (IT's minimum strength in force for this profile).
    check_new_password(password, minimum=profile.minimum_password_strength())
    check_backup_folder(path, profile.settings)  # the practice's required folder (issue 15)
    check_destination(path, profile.path)  # before the integrity check: fail fast on a bad target
    check_profile_before_backup(profile)
    snapshot = profile.snapshot()
    target = write_backup(path, snapshot, password, kdf, profile_path=profile.path, clock=profile.clock)
    record_backup(profile, target)
    return target


def record_backup(profile: Profile, target: str | os.PathLike[str], at: float | None = None) -> None:
    """After a backup file is written: store when (for the reminder) and log it, as one change.

    The one place this bookkeeping happens, so `backup_profile` and the GUI's
    backup dialog (which writes on a worker thread) cannot drift apart.
    """
    profile.note_backup(profile.clock.now() if at is None else at, Path(target).name)


def last_backup_at(profile: Profile) -> float | None:
    """When this profile last made a backup (Unix seconds), or None if never."""
    return profile.last_backup_at()


def backup_due(profile: Profile, now: float) -> bool:
    """True when the reminder should show: never backed up, or older than `backup_reminder_days` (0 = off)."""
    days = profile.settings.backup_reminder_days
    if days <= 0:
        return False
    last = last_backup_at(profile)
    return last is None or now - last > days * 86400


ADDED = N_("“{name}” ({option}) is added.")
ADDED_AS = N_("“{name}” ({option}) is added as “{new}”: another device here is called “{name}”.")
BECOMES_PRIMARY = N_("“{name}” becomes the primary device.")
STAYS_PRIMARY = N_("“{name}” stays the primary device.")


@dataclass(frozen=True)
class PreviewLine:
    """One change a restore makes, in words: an `N_` template and its values.

    `translated` names the values that are themselves N_ texts (an option or a setting's label), which
    the window translates too; names and addresses are shown as they are.
    """

    template: str
    args: tuple[tuple[str, str], ...] = ()
    translated: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return self.template.format(**dict(self.args))


@dataclass(frozen=True)
class RestorePreview:
    """Everything a restore would change, changing nothing; `other_clinician` needs an explicit choice."""

    mode: str
    profile: str
    backup_profile: str
    other_clinician: bool
    lines: tuple[PreviewLine, ...]


def _line(template: str, translated: tuple[str, ...] = (), **args: Any) -> PreviewLine:
    return PreviewLine(template, tuple((k, str(v)) for k, v in args.items()), translated)


def describe_restore(
    profile: Profile, snapshot: dict[str, Any], mode: str = "merge", *, other_clinician: bool = False
) -> RestorePreview:
    """What `profile.apply_snapshot(snapshot, mode)` would change, in words, settings included.

    Only renders `Profile.plan_restore`, the plan apply_snapshot follows (devices, primary, Prescriber
    Info, identity, settings): nothing is decided here. Replace lists each device once: kept, removed,
    added, or replaced by the backup's device of that name. Every setting whose value would change is
    listed, old and new, because a backup can carry a different "Update MFA Device" link.
    """
    from epcs_desktop.core import settings as settings_rules

    plan = profile.plan_restore(snapshot, mode)  # the same plan apply_snapshot follows
    records = plan.records
    assert records is not None  # Profile.plan_restore always plans the records
    lines: list[PreviewLine] = []
    opt = ("option",)
    for o in plan.outcomes:  # replace
        if o.what == "removed":
            template = N_("“{name}” ({option}) is removed.")
            lines.append(_line(template, opt, name=o.nickname, option=o.option_label))
        elif o.what == "kept":
            template = N_("“{name}” ({option}) is kept.")
            lines.append(_line(template, opt, name=o.nickname, option=o.option_label))
        elif o.what == "replaced":
            template = N_("“{name}” is replaced by the backup's device of that name ({option}).")
            lines.append(_line(template, opt, name=o.nickname, option=o.option_label))
        else:
            lines.append(_line(ADDED, opt, name=o.nickname, option=o.option_label))
    for step in plan.steps if mode != "replace" else ():
        if not step.added:
            if step.nickname == step.backup_name:
                lines.append(_line(N_("“{name}” is kept: it is already here."), name=step.backup_name))
            else:
                template = N_("“{name}” is kept: it is already here as “{here}”.")
                lines.append(_line(template, name=step.backup_name, here=step.nickname))
        elif step.nickname != step.backup_name:
            args = {"name": step.backup_name, "new": step.nickname, "option": step.option_label}
            lines.append(_line(ADDED_AS, opt, **args))
        else:
            lines.append(_line(ADDED, opt, name=step.nickname, option=step.option_label))
    if plan.primary_changes:
        lines.append(_line(BECOMES_PRIMARY, name=plan.primary))
    elif plan.primary:
        lines.append(_line(STAYS_PRIMARY, name=plan.primary))

    if records.foreign and mode == "merge":
        lines.append(_line(N_("Prescriber Info is kept: another clinician's is never merged in.")))
    elif records.prescriber is not None:
        # DrChrono's own field names, quoted (docs/glossary.md), not the storage keys ("dea number").
        names = {
            "state": "State",
            "license_number": "License Number",
            "dea_number": "DEA Number",
            "npi": "NPI",
        }
        shown = ", ".join(f"“{names.get(k, k)}” {v}" for k, v in records.prescriber.items() if v) or "—"
        lines.append(_line(N_("Prescriber Info becomes: {fields}."), fields=shown))
    else:
        lines.append(_line(N_("Prescriber Info is kept.")))
    if records.identity_taken:
        lines.append(_line(N_("Identity confirmation is taken from the backup.")))
    for key, old, new in records.settings_changes:
        lines.append(
            _line(
                N_("Setting “{setting}” changes from “{old}” to “{new}”."),
                ("setting",),
                setting=settings_rules.setting(key).label,
                old=old,
                new=new,
            )
        )
    backup_name = str(snapshot.get("profile") or "")
    return RestorePreview(mode, profile.name, backup_name, records.foreign, tuple(lines))


def preview_restore(profile: Profile, snapshot: dict[str, Any], mode: str = "merge") -> list[str]:
    """`describe_restore` as English lines (the CLI prints them; the window translates the templates)."""
    return [line.text for line in describe_restore(profile, snapshot, mode).lines]
