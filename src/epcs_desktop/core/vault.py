"""One encrypted SQLCipher 4 database per clinician profile: storage only, no eRx rules.

Storage means: the file, the key, the schema and its migrations, atomic
transactions, owner-only files, and the two row helpers the service writes
with (`upsert_record`, `append_activity`). Every rule (nicknames, the one
primary device, what "the same account" is, setting aside rows that stopped
decoding) lives in `core.profile` / `core.enrollment`, which are the only
writers; nothing else calls `transaction()`.

Why these choices:

* **Encryption / KDF.** SQLCipher 4 pages (AES-256, HMAC-SHA512 per page), pinned
  with ``cipher_compatibility = 4``; the key is Argon2id, derived in
  `core.profilekey` (calibrated to about 0.5 s, never below m = 64 MiB, t = 3:
  slower to guess than the PBKDF2 it replaced) with its parameters in ``<file>.kdf``,
  and SQLCipher is given the raw key (docs/profile-format.md). Older profiles (SQLCipher's
  PBKDF2, or an Argon2id key below today's floor) are re-keyed at their next unlock.
* **Wrong password leaves the file untouched.** The key file's check value decides
  "wrong password" before SQLite opens the file; every key is then tried on a
  read-only connection (which cannot replay a left-over -wal into the file) before
  the read-write one, which uses ``mode=rw`` so a typo never creates a database.
  A read-only disk or missing permission is `StorageError`, never a wrong password.
* **Crash safety.** WAL journal with ``synchronous = FULL``: a committed change
  survives power loss, an interrupted one is rolled back. Temporary tables stay in
  memory (``temp_store = MEMORY``), so nothing spills into plaintext temp files.
* **Concurrent writers.** Every write transaction is ``BEGIN IMMEDIATE`` (take the
  write lock up front: no deadlock on lock upgrade) with a busy timeout; when it
  runs out the caller gets ``VaultLockedError`` with a sentence a person can act on.
* **Permissions.** The file is created 0600 with ``O_EXCL``; SQLite gives the -wal,
  -shm and -journal files the database file's mode, and a 0077 umask is held
  while opening as a second guard. Folders are 0700.
* **Migrations.** ``PRAGMA user_version`` is the schema version. Before migrating,
  the encrypted file is copied byte for byte next to itself (``.v<N>.bak``).
* **Undecodable rows.** `Vault.set_aside_row` moves a device row to the
  ``set_aside`` table (kept, encrypted, for support); *which* rows and what
  becomes primary afterwards is `core.profile`'s decision, made when a profile opens.
* **Time.** Every timestamp written here (``created_at``, the migration entry,
  a backup copy's name) comes from the injected `Clock`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3

from epcs_desktop.core import erx, profilekey
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import (
    DamagedProfileError,
    EpcsError,
    OtpAuthError,
    StorageError,
    VaultError,
    VaultLockedError,
    WrongPasswordError,
)
from epcs_desktop.core.otpauth import OtpParams, build_uri, from_secret
from epcs_desktop.core.private_files import tighten

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 3
KDF_ITERATIONS = 256_000  # SQLCipher 4 default; OWASP minimum for PBKDF2-HMAC-SHA512 is 210,000
DEFAULT_BUSY_TIMEOUT = 5.0  # seconds a writer waits for another process before VaultLockedError
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", profilekey.KEY_FILE_SUFFIX)  # files that belong to a profile

LOCKED_MESSAGE = (
    "This profile is busy: another EPCS Desktop window or command is changing it. "
    "Close it or try again in a moment."
)
WRONG_PASSWORD_MESSAGE = (
    "That password does not unlock this profile (or the file is not an EPCS Desktop profile)."  # noqa: S105
)
# Without a key file the profile is either from before Argon2id (0.1.x) or its key file was lost: both
# are possible, so both are said (issue 23 item 12: a deleted key file read as "wrong password").
NO_KEY_FILE_MESSAGE = (
    "That password does not unlock this profile, or the profile's key file “{name}” is missing "
    "(restore the profiles folder from a copy, or the profile from a backup)."
)
INTERRUPTED_CHANGE_MESSAGE = (
    "A password change of this profile was interrupted before it finished: unlock it with the "
    "previous password.",
    "The password of this profile was changed (the change was interrupted at the very end): unlock it "
    "with the new password.",
)
REKEYED_MESSAGE = "This profile's password was changed elsewhere; lock and unlock it again."


class PasswordChangedElsewhereError(VaultError):
    """Another connection re-keyed the file (`profile passwd`, another window): this one's key is stale."""


# --- schema ------------------------------------------------------------------------------------

# Version 1 (EPCS Desktop 0.0.x) kept bare Base32 secrets and free-form names in tables
# `meta`, `devices` and `activity`; `_migrate_1_to_2` reads them (tests build a v1 file themselves).

_SCHEMA_V2_TABLES = """
CREATE TABLE record(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE device(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nickname TEXT NOT NULL,
    nickname_key TEXT NOT NULL UNIQUE,
    option TEXT NOT NULL,
    added_at REAL NOT NULL,
    is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    otp_uri TEXT);
CREATE UNIQUE INDEX device_one_primary ON device(is_primary) WHERE is_primary = 1;
CREATE TABLE set_aside(
    id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, source TEXT NOT NULL,
    reason TEXT NOT NULL, content TEXT NOT NULL);
"""

SCHEMA_V2 = (
    _SCHEMA_V2_TABLES
    + """
CREATE TABLE activity(
    id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
"""
)


# --- device rows <-> Device ------------------------------------------------------------------


def encode_otp(otp: OtpParams | None) -> str | None:
    """How a held secret is stored: its otpauth URI, inside the encrypted database only."""
    return None if otp is None else build_uri(otp)


# --- the two row helpers the service writes with ----------------------------------------------


def upsert_record(db: _Tx, key: str, value: Any) -> None:
    """Store one JSON value in the ``record`` table (insert or replace), inside the caller's transaction."""
    db.execute(
        "INSERT INTO record(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, sort_keys=True)),
    )


def delete_record(db: _Tx, key: str) -> None:
    db.execute("DELETE FROM record WHERE key = ?", (key,))


def append_activity(db: _Tx, at: float, action: str, detail: str) -> None:
    """One activity entry, inside the caller's transaction (never a secret in `detail`)."""
    db.execute("INSERT INTO activity(at, action, detail) VALUES(?, ?, ?)", (at, action, detail))


# --- helpers ----------------------------------------------------------------------------------


def _quote_password(password: str) -> str:
    """The SQL literal for SQLCipher's own (PBKDF2) key: only older profiles are opened this way.

    A password spelled x'<hex>' would be taken by SQLCipher as a raw key (no KDF),
    so it never goes this way: it cannot be an older profile's password anyway
    unless that profile was keyed with the raw key itself.
    """
    _check_password_text(password)
    from epcs_desktop.core.passwords import looks_like_raw_key

    if looks_like_raw_key(password):
        raise WrongPasswordError(WRONG_PASSWORD_MESSAGE)
    return "'" + password.replace("'", "''") + "'"


def _check_password_text(password: str) -> None:
    """Refusals every key path shares: not text, empty, NUL (Argon2id takes any other text)."""
    if not isinstance(password, str) or password == "":
        raise VaultError("The password cannot be empty.")
    if "\x00" in password:
        raise VaultError("The password cannot contain a NUL character.")


@contextlib.contextmanager
def _private_umask() -> Iterator[None]:
    """Files SQLite creates while we open (journal, WAL, shm) are owner-only even if mode-copying fails.

    umask is process-wide; holding it briefly is harmless because everything this
    program creates should be owner-only anyway.
    """
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def make_private_dir(path: Path) -> None:
    """Create `path` (and parents) as 0700; an existing one loses group/other bits (never via a symlink)."""
    created = [p for p in (path, *path.parents) if not p.exists()]  # Windows: each gets the owner-only ACL
    try:
        with _private_umask():
            path.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise StorageError(f"No permission to create or use the folder “{path}”.") from None
    except OSError as exc:
        raise StorageError(f"The folder “{path}” cannot be created ({exc.strerror}).") from None
    for folder in (path, *created):
        tighten(folder)


def _tighten(path: Path) -> None:
    """Profile, side files and folder lose group/other bits; 0400 stays read-only; symlinks untouched."""
    for p in (path, *(Path(str(path) + s) for s in SIDE_SUFFIXES)):
        tighten(p)
    tighten(path.parent)


def _is_busy(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (sqlcipher3.SQLITE_BUSY, sqlcipher3.SQLITE_LOCKED):
        return True
    return "database is locked" in str(exc) or "database is busy" in str(exc)


def _is_not_a_database(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF == sqlcipher3.SQLITE_NOTADB)
    return "file is not a database" in str(exc)


def _check_writable(path: Path) -> None:
    """StorageError when the profile cannot be written: a read-only disk, or no write permission.

    Opening writes (the WAL, its index, migrations, activity), and SQLite's own
    errors for this read as "not a database", which used to be shown as a
    wrong password and counted as a failed try. Checked before any key work.
    """
    folder = path.parent
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            raise StorageError(
                "The profile is on a read-only disk, so EPCS Desktop cannot open it for use. "
                "Copy the profile folder to a writable disk, or make this one writable."
            )
    if not os.access(folder, os.W_OK | os.X_OK) or not os.access(path, os.R_OK | os.W_OK):
        raise StorageError(
            f"No permission to write the profile file or its folder (“{folder}”); EPCS Desktop must "
            "be able to write there. Ask whoever manages this computer to give you write access."
        )


_STORAGE_CODES = {
    13: "The disk is full: free some space and try again (nothing was changed).",  # SQLITE_FULL
    8: "The profile file cannot be written (read-only disk or no permission).",  # SQLITE_READONLY
    3: "No permission to use the profile file or its folder.",  # SQLITE_PERM
    14: "The profile file or its journal cannot be opened (check the folder's permissions).",  # CANTOPEN
    10: "The disk reported an input/output error while using the profile.",  # SQLITE_IOERR
}


def _storage_error(exc: BaseException, path: Path | None = None) -> StorageError | None:
    """A StorageError when SQLite says the disk/folder refused (full, read-only, permission, I/O)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        text = str(exc).lower()
        if "disk is full" in text or "database or disk is full" in text:
            code = 13
        elif "readonly" in text or "read-only" in text:
            code = 8
        elif "unable to open" in text:
            code = 14
        elif "disk i/o error" in text:
            code = 10
    if code is None or code & 0xFF not in _STORAGE_CODES:
        return None
    if code & 0xFF in (10, 13, 14) and path is not None and _disk_full(path):
        return StorageError(_STORAGE_CODES[13])  # SQLite says "I/O error" when the WAL index cannot grow
    return StorageError(_STORAGE_CODES[code & 0xFF])


CREATING_INFIX = ".creating-"


def _link_into_place(tmp: Path, path: Path) -> None:
    """Give the finished file its real name, failing if that name appeared meanwhile; folder synced."""
    if os.name == "nt":
        os.rename(tmp, path)  # refuses an existing target on Windows
    else:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise VaultError("A profile file with this name already exists.") from None
        os.unlink(tmp)
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def leftover_files(path: Path) -> list[Path]:
    """Files beside profile `path` that hold old keys or secrets and are no longer needed.

    Copies made before a schema migration (``NAME.epcs.v1.bak`` and its -wal: the *old* password
    opens them), the copy older versions kept during the Argon2id upgrade (``NAME.epcs.pbkdf2.bak``)
    and half-written key files (``.NAME.epcs.kdf.*.tmp``) of a crashed write. Issue 23 item 9.
    """
    name = path.name
    found = []
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return []
    for p in siblings:
        n = p.name
        old_copy = n.startswith(name + ".pbkdf2.bak") or (
            n.startswith(name + ".v") and (n.endswith(".bak") or n.endswith(".bak-wal"))
        )
        half_written = n.startswith(f".{name}{profilekey.KEY_FILE_SUFFIX}.") and n.endswith(".tmp")
        if old_copy or half_written or n.startswith(f".{name}{CREATING_INFIX}"):  # or a crashed create
            found.append(p)
    return sorted(found)


def remove_leftovers(path: Path) -> None:
    """Delete `leftover_files(path)`; called once a profile has opened (and by profile deletion)."""
    for p in leftover_files(path):
        try:
            p.unlink()
            logger.info("removed a left-over file beside the profile (%s)", p.suffix or p.name[-8:])
        except FileNotFoundError:
            pass
        except OSError as exc:
            logger.warning("a left-over file beside the profile could not be removed: %s", exc.strerror)


def _reason(exc: BaseException, storage: StorageError | None) -> str:
    """A few words for what the disk said (the SQLite text itself is never shown)."""
    text = f"{storage or ''} {exc}".lower()
    if "full" in text:
        return "the disk is full"
    if "read-only" in text or "readonly" in text:
        return "the disk is read-only"
    return "input/output error"


def _disk_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 1024 * 1024
    except OSError:
        return False


def _wrap(exc: sqlcipher3.Error, doing: str, path: Path | None = None) -> VaultError:
    """Turn an SQLite error into a one-line user message (SQLite messages carry no values).

    SQLITE_NOTADB on a connection that was keyed successfully when it opened
    means the pages no longer decrypt with its key: another connection changed
    the password (a damaged file would say so again at the next unlock).
    """
    storage = _storage_error(exc, path)
    if storage is not None:  # before "busy": a full disk is not another program holding the file
        return storage
    if _is_busy(exc):
        return VaultLockedError(LOCKED_MESSAGE)
    if getattr(exc, "sqlite_errorcode", 0) & 0xFF == 11:  # SQLITE_CORRUPT
        return DamagedProfileError(
            "The profile file is damaged (run `epcs-desktop profile check NAME`); restore your latest backup."
        )
    if _is_not_a_database(exc):
        logger.warning("vault pages no longer decrypt with this connection's key while %s", doing)
        return PasswordChangedElsewhereError(REKEYED_MESSAGE)
    logger.error("vault error while %s: %s", doing, type(exc).__name__)
    return VaultError(f"The profile database could not be {doing} ({str(exc)[:80]}).")


# --- the vault ---------------------------------------------------------------------------------


class Vault:
    """An unlocked profile database. Thread-safe: one connection guarded by a re-entrant lock.

    Opening derives the key (about 0.2 s), so the GUI opens vaults in a worker
    thread and then uses them on the GUI thread; hence ``check_same_thread=False``.
    """

    def __init__(self, conn: sqlcipher3.Connection, path: Path, clock: Clock) -> None:
        self._conn: sqlcipher3.Connection | None = conn
        self.path = path
        self.clock: Clock = clock  # the context's (core/context.py), given by the profile store
        self.migration_backup: Path | None = None
        self._lock = threading.RLock()
        self._depth = 0
        self._stale = False  # another connection re-keyed the file: every later call says so
        self._key_entry: profilekey.KeyEntry | None = None  # None: an older profile on SQLCipher's PBKDF2

    def __repr__(self) -> str:
        return f"Vault(path={str(self.path)!r}, open={self._conn is not None})"

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        password: str,
        *,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        clock: Clock,
    ) -> Vault:
        """Create a new, empty profile database at `path` (which must not exist yet).

        The key is Argon2id (calibrated, parameters in ``<path>.kdf``); SQLCipher only ever sees the raw key.
        """
        path = Path(path)
        _check_password_text(password)
        entry, raw = profilekey.new_entry(password)
        key = profilekey.raw_key_pragma(raw)
        make_private_dir(path.parent)
        if os.path.lexists(path):
            raise VaultError("A profile file with this name already exists.")
        # Built under a hidden name and linked into place whole (issue 23 item 2): a crash or disk
        # error part-way never leaves a `NAME.epcs` that does not open and blocks the name.
        tmp = path.with_name(f".{path.name}{CREATING_INFIX}{secrets.token_hex(4)}")
        remove_leftovers(path)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        except OSError as exc:
            raise StorageError(f"The profile file could not be created ({exc.strerror}).") from None
        conn: sqlcipher3.Connection | None = None
        linked = False
        try:
            conn = cls._connect(tmp, key, busy_timeout)
            builder = cls(conn, tmp, clock)
            builder._configure()  # WAL from the first byte: no rollback journal to be hot after a crash
            with builder.transaction() as db:
                db.executescript_in_tx(SCHEMA_V2)
                _migrate_2_to_3(db)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                upsert_record(db, "created_at", builder.clock.now())
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            builder.close()
            conn = None
            wal = Path(str(tmp) + "-wal")
            if busy or (wal.exists() and wal.stat().st_size):  # all of it must be in the file we link
                raise StorageError("The profile file could not be created (it could not be completed).")
            profilekey.write_key_file(path, [entry])
            _link_into_place(tmp, path)
            linked = True
            conn = cls._connect(path, key, busy_timeout)
            vault = cls(conn, path, clock)
            vault._key_entry = entry
            vault._configure()
        except BaseException as exc:
            if conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    conn.close()
            victims = [tmp, *(Path(str(tmp) + s) for s in ("-wal", "-shm", "-journal"))]
            if linked or not os.path.lexists(path):
                victims += [path, *(Path(str(path) + s) for s in SIDE_SUFFIXES)]
            for p in victims:
                with contextlib.suppress(OSError):
                    p.unlink()
            if isinstance(exc, OSError):
                raise StorageError(f"The profile file could not be created ({exc.strerror}).") from None
            if isinstance(exc, sqlcipher3.Error):
                raise (_storage_error(exc, path) or _wrap(exc, "created", path)) from None
            raise
        _tighten(path)
        logger.info("created vault %s", path.name)
        return vault

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        password: str,
        *,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        clock: Clock,
    ) -> Vault:
        """Unlock an existing profile and migrate it if it is older (rows are checked by `Profile`)."""
        path = Path(path)
        _check_password_text(password)
        if not path.is_file():
            raise VaultError("The profile file does not exist.")
        _check_writable(path)
        entries = profilekey.read_key_file(path)
        conn, entry = cls._unlock(path, password, entries, busy_timeout)
        vault = cls(conn, path, clock)
        vault._key_entry = entry
        try:
            version = vault.schema_version
            if version > SCHEMA_VERSION:
                raise VaultError("This profile was saved by a newer EPCS Desktop; please update the app.")
            if version < 1:
                raise VaultError("This file is not an EPCS Desktop profile.")
            if version < SCHEMA_VERSION:
                with vault.transaction():  # hold the write lock: the copy is consistent
                    vault.migration_backup = vault._backup_copy(version)
            vault._configure()
            vault._migrate_if_needed()
            if entry is None:
                vault._upgrade_kdf(password)
            elif profilekey.below_floor(entry):  # made by a version with a weaker floor (issue 23 item 10)
                vault._strengthen(password)
            elif entries is not None and entries != [entry]:
                try:  # a password change was interrupted: keep the entry that opened the file
                    profilekey.write_key_file(path, [entry])
                except StorageError as exc:  # both still open it as before; tried again next time
                    logger.warning("key file not tidied: %s", exc)
        except BaseException:
            vault.close()
            raise
        remove_leftovers(path)
        _tighten(path)
        return vault

    def _strengthen(self, password: str) -> None:
        """Re-key with a key at today's floor, the same password (crash-safe like `change_password`)."""
        try:
            self.change_password(password)
            logger.info("vault %s re-keyed to the current Argon2id floor", self.path.name)
        except (StorageError, VaultLockedError) as exc:
            if not self.is_open:  # the re-key itself failed: the next unlock sorts out which key holds
                raise
            logger.warning("key strengthening postponed: %s", exc)

    @classmethod
    def _unlock(
        cls, path: Path, password: str, entries: list[profilekey.KeyEntry] | None, busy_timeout: float
    ) -> tuple[sqlcipher3.Connection, profilekey.KeyEntry | None]:
        """The open connection and the key-file entry that opened it (None: the old PBKDF2 key).

        Every key is first tried on a read-only connection: a wrong key there
        cannot checkpoint a left-over -wal into the file (a read-write
        connection did so when it closed), so a wrong password changes no byte.
        With a key file the password is checked before SQLite sees the file at all.
        """
        if entries is None:
            key = _quote_password(password)
            if not cls._probe(path, key, busy_timeout):
                raise WrongPasswordError(NO_KEY_FILE_MESSAGE.format(name=profilekey.key_file_path(path).name))
            return cls._connect(path, key, busy_timeout), None
        matched: int | None = None
        for i, entry in enumerate(entries):  # [new, old] while a password change is unfinished
            raw, ok = profilekey.derive(password, entry)
            if not ok:
                continue
            matched = i
            key = profilekey.raw_key_pragma(raw)
            if cls._probe(path, key, busy_timeout):
                return cls._connect(path, key, busy_timeout), entry
        if matched is None:
            raise WrongPasswordError(WRONG_PASSWORD_MESSAGE)
        if len(entries) == 2:  # an interrupted password change ended on the other password
            raise WrongPasswordError(INTERRUPTED_CHANGE_MESSAGE[matched])
        # The password is right. A crash between writing the key file and re-keying leaves the
        # file on its old PBKDF2 key: open it that way (the upgrade then runs again).
        try:
            legacy: str | None = _quote_password(password)
        except WrongPasswordError:  # an x'…' spelling never goes to SQLCipher's KDF
            legacy = None
        if legacy is not None and cls._probe(path, legacy, busy_timeout):
            return cls._connect(path, legacy, busy_timeout), None
        raise DamagedProfileError(
            "The password is right, but the profile file is damaged (its first page does not decrypt). "
            "Restore your latest backup into a new profile."
        )

    @staticmethod
    def _probe(path: Path, key: str, busy_timeout: float) -> bool:
        """Does `key` decrypt the file? Asked on a read-only connection, which never writes the file."""
        uri = path.resolve().as_uri() + "?mode=ro"
        with _private_umask():
            try:
                conn = sqlcipher3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None)
            except sqlcipher3.Error as exc:
                err = _storage_error(exc, path) or VaultError("The profile file could not be opened.")
                raise err from None
            try:
                conn.execute("PRAGMA cipher_log_level = NONE")
                conn.execute(f"PRAGMA key = {key}")
                conn.execute("PRAGMA cipher_compatibility = 4")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return True
            except sqlcipher3.Error as exc:
                if _is_busy(exc):
                    raise VaultLockedError(LOCKED_MESSAGE) from None
                storage = _storage_error(exc, path)
                if storage is not None:
                    raise storage from None
                return False
            finally:
                with contextlib.suppress(sqlcipher3.Error):
                    conn.close()

    def _upgrade_kdf(self, password: str) -> None:
        """Move a PBKDF2 profile to an Argon2id key; an I/O error at any step leaves it opening.

        Order: fold the WAL in; write the key file for the *same* password; re-key (one SQLCipher
        transaction); prove the new key opens the file on a fresh read-only connection. While the
        database is still on PBKDF2 the key file's entry matches the password but does not open
        the file, so `_unlock` falls back to the PBKDF2 key and the upgrade runs again at the next
        unlock; after the re-key the entry opens it. The key file is never removed, and no copy of
        the old file (old key, every secret) is made (issue 23 items 1 and 9).
        """
        with self._lock:
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlcipher3.Error as exc:
                logger.warning("profile key upgrade postponed: %s", type(exc).__name__)
                return
            entry, raw = profilekey.new_entry(password)
            key = profilekey.raw_key_pragma(raw)
            try:
                profilekey.write_key_file(self.path, [entry])
            except StorageError as exc:  # the database is untouched: PBKDF2 still opens it
                logger.warning("profile key upgrade postponed: %s", exc)
                return
            try:
                self.conn.execute(f"PRAGMA rekey = {key}")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlcipher3.Error as exc:
                storage = _storage_error(exc, self.path)
                self.close()
                raise StorageError(
                    "Upgrading this profile's encryption was interrupted by a disk error "
                    f"({_reason(exc, storage)}); nothing was lost. Unlock it again."
                ) from None
        if not self._probe(self.path, key, DEFAULT_BUSY_TIMEOUT):
            self.close()
            raise StorageError(
                "Upgrading this profile's encryption could not be verified (a disk error); nothing was "
                "lost. Unlock it again."
            )
        self._key_entry = entry
        logger.info("vault %s now uses an Argon2id key", self.path.name)

    @staticmethod
    def _connect(path: Path, key: str, busy_timeout: float) -> sqlcipher3.Connection:
        uri = path.resolve().as_uri() + "?mode=rw"
        with _private_umask():
            try:
                conn = sqlcipher3.connect(
                    uri, uri=True, timeout=busy_timeout, isolation_level=None, check_same_thread=False
                )
            except sqlcipher3.Error as exc:
                raise VaultError("The profile file could not be opened.") from exc
            try:
                # SQLCipher logs key/HMAC failures to stderr by default: silence it before keying.
                conn.execute("PRAGMA cipher_log_level = NONE")
                conn.execute(f"PRAGMA key = {key}")
                conn.execute("PRAGMA cipher_compatibility = 4")
                try:
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                except sqlcipher3.DatabaseError as exc:
                    if _is_busy(exc):
                        raise VaultLockedError(LOCKED_MESSAGE) from None
                    storage = _storage_error(exc, path)
                    if storage is not None:
                        raise storage from None
                    raise WrongPasswordError(WRONG_PASSWORD_MESSAGE) from None
            except EpcsError:
                conn.close()
                raise
            except sqlcipher3.Error as exc:
                conn.close()
                raise _wrap(exc, "opened", path) from None
        conn.row_factory = sqlcipher3.Row
        return conn

    def _configure(self) -> None:
        """Journal and durability settings; the WAL switch writes page 1, so it runs after any backup."""
        with self._lock, _private_umask():
            try:
                self.conn.execute("PRAGMA journal_mode = WAL").fetchone()
                self.conn.execute("PRAGMA synchronous = FULL")
                self.conn.execute("PRAGMA temp_store = MEMORY")
                self.conn.execute("PRAGMA foreign_keys = ON")
                self.conn.execute("PRAGMA secure_delete = ON")
            except sqlcipher3.Error as exc:
                raise _wrap(exc, "opened", self.path) from None

    # -- basics -----------------------------------------------------------------------------

    @property
    def conn(self) -> sqlcipher3.Connection:
        if self._conn is None:
            raise VaultError("This profile is locked; unlock it again to continue.")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def check_integrity(self) -> list[str]:
        """Problems found by SQLCipher's and SQLite's integrity checks: [] when every page reads back.

        Why: damage in pages a command does not read (flipped bytes in pages 2, 3, 8)
        went unnoticed until a backup or a later read met it. ``cipher_integrity_check``
        verifies every page's HMAC (also free pages and pages no query touches);
        ``integrity_check`` then checks the b-trees. Reads only. Used by
        ``profile check`` and before every backup (issue 11 item 5).
        """
        problems: list[str] = []
        with self._lock:
            try:
                for row in self.conn.execute("PRAGMA cipher_integrity_check").fetchall():
                    problems.append(str(row[0])[:200])
            except sqlcipher3.Error as exc:
                problems.append(f"page check failed ({str(exc)[:80]})")
            try:
                rows = self.conn.execute("PRAGMA integrity_check").fetchall()
                problems.extend(str(r[0])[:200] for r in rows if str(r[0]) != "ok")
            except sqlcipher3.Error as exc:
                problems.append(f"structure check failed ({str(exc)[:80]})")
        if problems:
            logger.warning("integrity check of %s found %d problem(s)", self.path.name, len(problems))
        return problems

    def close(self) -> None:
        """Close the connection (the last one out checkpoints the WAL into the main file)."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    self._conn.close()
                self._conn = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[_Tx]:
        """One atomic write (``BEGIN IMMEDIATE``); nested calls join the outer transaction."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield _Tx(self.conn, self)
                finally:
                    self._depth -= 1
                return
            conn = self.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlcipher3.Error as exc:
                raise self._error(exc, "changed") from None
            self._depth = 1
            try:
                yield _Tx(conn, self)
            except BaseException:
                self._depth = 0
                with contextlib.suppress(sqlcipher3.Error):
                    conn.execute("ROLLBACK")
                raise
            self._depth = 0
            try:
                conn.execute("COMMIT")
            except sqlcipher3.Error as exc:
                with contextlib.suppress(sqlcipher3.Error):
                    conn.execute("ROLLBACK")
                raise self._error(exc, "saved") from None

    def _error(self, exc: sqlcipher3.Error, doing: str) -> VaultError:
        """`_wrap`, remembering a stale key: after SQLITE_NOTADB this connection can only fail
        (SQLite may next say "readonly database"), so every later error gives the same sentence."""
        if self._stale or _is_not_a_database(exc):
            self._stale = True
            return PasswordChangedElsewhereError(REKEYED_MESSAGE)
        return _wrap(exc, doing, self.path)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Read rows (a consistent snapshot per statement)."""
        with self._lock:
            try:
                rows: list[Any] = self.conn.execute(sql, params).fetchall()
                return rows
            except sqlcipher3.Error as exc:
                raise self._error(exc, "read") from None

    def get_record(self, key: str, default: Any = None) -> Any:
        """A JSON value from the ``record`` table (prescriber info, identity, settings...)."""
        rows = self.query("SELECT value FROM record WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else default

    def change_password(self, new: str) -> None:
        """Re-key every page with a key derived from `new` (``PRAGMA rekey``), then fold the WAL in.

        Crash and I/O-error safe (issue 23 item 1): at every instant the key file on disk holds an
        entry for the key the database is on. The key file becomes [new, old] (atomic rename), the
        database is re-keyed (atomic: one WAL commit), a fresh read-only connection proves the new
        key opens it, and only then does the key file become [new]. When anything fails the key file
        keeps both entries, whichever key the database ended on: the next unlock tries them in that
        order and keeps the one that opened (`Vault.open`). The key file is never rolled back.
        """
        _check_password_text(new)
        with self._lock:
            if self._depth:
                raise VaultError("The password cannot be changed in the middle of another change.")
            old = self._key_entry
            if old is None:
                # Still on SQLCipher's PBKDF2 key because its upgrade hit a disk error at this unlock:
                # a key file for the new password could not also cover the old key, so refuse.
                raise StorageError(
                    "This profile's encryption upgrade could not finish (a disk error); lock and unlock "
                    "it again, then change the password."
                )
            try:  # SQLCipher's rekey reports a held write lock as a generic error: ask SQLite first
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.execute("ROLLBACK")
            except sqlcipher3.Error as exc:
                raise self._error(exc, "re-encrypted") from None  # busy: VaultLockedError, nothing changed
            entry, raw = profilekey.new_entry(new)
            key = profilekey.raw_key_pragma(raw)
            profilekey.write_key_file(self.path, [entry, old])  # StorageError: nothing else changed
            try:
                self.conn.execute(f"PRAGMA rekey = {key}")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlcipher3.Error as exc:
                # Which key the file ended on is known for sure only when it is next opened. "Busy" here
                # is not trusted: the lock was free a moment ago, and a failed WAL fsync reads as busy.
                storage = _storage_error(exc, self.path)
                self.close()
                if storage is None and (self._stale or _is_not_a_database(exc)):
                    raise PasswordChangedElsewhereError(REKEYED_MESSAGE) from None
                if storage is None:  # SQLCipher's rekey says only "an error occurred": never shown raw
                    raise StorageError(
                        "The password could not be changed (another EPCS Desktop window or command was "
                        "changing the profile, or the disk reported an error). Unlock the profile again: "
                        "the old or the new password opens it."
                    ) from None
                raise StorageError(
                    "The password could not be changed because of a disk error "
                    f"({_reason(exc, storage)}). Unlock the profile again: the old or the new password "
                    "opens it."
                ) from None
            if not self._probe(self.path, key, DEFAULT_BUSY_TIMEOUT):
                self.close()
                raise StorageError(
                    "The password change could not be verified (a disk error). Unlock the profile again: "
                    "the old or the new password opens it."
                )
            self._key_entry = entry
            try:
                profilekey.write_key_file(self.path, [entry])
            except StorageError as exc:  # the change is done; the next unlock drops the old entry
                logger.warning("old key entry kept until the next unlock: %s", exc)
        logger.info("vault %s re-keyed", self.path.name)

    # -- migration --------------------------------------------------------------------------

    def _migrate_if_needed(self) -> None:
        if self.schema_version == SCHEMA_VERSION:
            return
        with self.transaction() as db:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])  # another process may have won
            if version == SCHEMA_VERSION:
                return
            if self.migration_backup is None:
                self.migration_backup = self._backup_copy(version)
            while version < SCHEMA_VERSION:
                _MIGRATIONS[version](db)
                version += 1
                db.execute(f"PRAGMA user_version = {version}")
            append_activity(
                db,
                self.clock.now(),
                "profile upgraded",
                f"Storage upgraded to version {version}.",
            )
        logger.info("vault %s migrated to schema %d", self.path.name, SCHEMA_VERSION)

    def _backup_copy(self, version: int) -> Path:
        """Byte-for-byte copy of the (still encrypted) file, taken while we hold the write lock.

        A pending WAL is copied alongside (``<backup>-wal``) so the pair opens as it was.
        """
        target = self.path.with_name(f"{self.path.name}.v{version}.bak")
        if target.exists():
            target = self.path.with_name(f"{self.path.name}.v{version}.{int(self.clock.now())}.bak")
        with _private_umask():
            shutil.copyfile(self.path, target)
            wal = Path(str(self.path) + "-wal")
            if wal.exists() and wal.stat().st_size:
                shutil.copyfile(wal, Path(str(target) + "-wal"))
        os.chmod(target, 0o600)
        return target

    def set_aside_row(self, db: _Tx, row: Any, reason: str) -> None:
        """Move one device row to ``set_aside`` (kept, encrypted, for support) in the caller's transaction."""
        content = json.dumps({k: row[k] for k in row.keys()})  # noqa: SIM118 (Row iterates values)
        db.execute(
            "INSERT INTO set_aside(at, source, reason, content) VALUES(?, 'device', ?, ?)",
            (self.clock.now(), reason, content),
        )
        db.execute("DELETE FROM device WHERE id = ?", (row["id"],))


class _Tx:
    """What `Vault.transaction()` yields: execute() on the open transaction, errors made readable."""

    def __init__(self, conn: sqlcipher3.Connection, vault: Vault | None = None) -> None:
        self._conn = conn
        self._vault = vault

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlcipher3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlcipher3.IntegrityError:
            raise
        except sqlcipher3.Error as exc:
            if self._vault is not None:
                raise self._vault._error(exc, "changed") from None
            raise _wrap(exc, "changed") from None

    def executescript_in_tx(self, script: str) -> None:
        """Run several statements inside the current transaction (executescript would COMMIT)."""
        for statement in script.split(";"):
            if statement.strip():
                self.execute(statement)


# --- migrations: _MIGRATIONS[n] turns version n into n + 1 -------------------------------------

_V1_OPTIONS = {"code_generator": erx.DeviceOption.GENERATOR_HERE, "push": erx.DeviceOption.PUSH}


def _v1_uri(secret: str, nickname: str) -> str:
    """How a v1 bare secret is stored in v2: its otpauth URI, built by `core.otpauth` (ID.me's issuer).

    A secret that no longer validates is kept as written (the row is then set
    aside by `Profile` when the profile opens, with its reason), never dropped.
    """
    try:
        return build_uri(from_secret(secret, account=nickname, issuer="ID.me"))
    except OtpAuthError:
        from urllib.parse import quote

        return f"otpauth://totp/ID.me:{quote(nickname, safe='')}?secret={quote(secret, safe='')}&issuer=ID.me"


def _migrate_1_to_2(db: _Tx) -> None:
    """v1 -> v2: unique nickname keys, otpauth URIs instead of bare secrets, one primary, records.

    v1 had no uniqueness rule, so clashing names get " (2)", " (3)"... A v1
    code generator without a secret was one on another device.
    """
    rows = db.execute("SELECT * FROM devices ORDER BY id").fetchall()
    meta = {r["key"]: r["value"] for r in db.execute("SELECT key, value FROM meta").fetchall()}
    db.execute("ALTER TABLE activity RENAME TO activity_v1")
    db.executescript_in_tx(SCHEMA_V2)
    db.execute("INSERT INTO activity(id, at, action, detail) SELECT id, at, action, detail FROM activity_v1")
    db.execute("DROP TABLE activity_v1")
    seen: set[str] = set()
    primary_done = False
    for i, row in enumerate(rows, start=1):
        try:
            nickname = erx.normalise_nickname(row["name"])
        except EpcsError:
            nickname = f"Device {i}"
        nickname = erx.unique_nickname(nickname, seen)
        seen.add(erx.nickname_key(nickname))
        option = _V1_OPTIONS.get(row["option"], erx.DeviceOption.GENERATOR_OTHER)
        uri = None
        if option is erx.DeviceOption.GENERATOR_HERE:
            if row["secret"]:
                uri = _v1_uri(str(row["secret"]), nickname)
            else:
                option = erx.DeviceOption.GENERATOR_OTHER
        is_primary = bool(row["is_primary"]) and not primary_done
        primary_done = primary_done or is_primary
        db.execute(
            "INSERT INTO device(id, nickname, nickname_key, option, added_at, is_primary, otp_uri) "
            "VALUES(?, ?, ?, ?, ?, ?, ?)",
            (
                row["id"],
                nickname,
                erx.nickname_key(nickname),
                option.value,
                row["added_at"],
                int(is_primary),
                uri,
            ),
        )
    # v1 allowed several primaries; v2's unique index takes one (the first). A profile left with none
    # gets one from `Profile` when it opens (the primary rule lives there only).
    prescriber = {
        "state": meta.get("state", ""),
        "license_number": meta.get("license", ""),
        "dea_number": meta.get("dea", ""),
        "npi": meta.get("npi", ""),
    }
    upsert_record(db, "prescriber", prescriber)
    if "created_at" in meta:
        upsert_record(db, "created_at", meta["created_at"])
    db.execute("DROP TABLE devices")
    db.execute("DROP TABLE meta")


def _migrate_2_to_3(db: _Tx) -> None:
    """v2 -> v3: ``device.idme`` tells an ID.me device (1) from another site's code generator (0).

    Existing rows get NULL ("not decided yet"): which side each one is on is a
    rule (`core.generator.names_another_site`), so `Profile` decides it when the
    profile opens, logs every row that changes side and shows it once.
    """
    db.execute("ALTER TABLE device ADD COLUMN idme INTEGER CHECK (idme IN (0, 1))")


_MIGRATIONS = {1: _migrate_1_to_2, 2: _migrate_2_to_3}
