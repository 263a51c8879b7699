"""One encrypted SQLCipher 4 database per clinician profile: storage only, no eRx rules.

Why these choices:

* **Encryption / KDF.** SQLCipher 4 defaults, pinned with ``cipher_compatibility = 4``
  so a future SQLCipher default cannot lock anyone out: AES-256 pages, HMAC-SHA512
  per page, key derived with PBKDF2-HMAC-SHA512 at 256,000 iterations. OWASP's
  Password Storage Cheat Sheet asks for at least 210,000 iterations of
  PBKDF2-HMAC-SHA512, so this meets it while unlocking in about 0.2 s here
  (``bench/bench_unlock.py`` prints the numbers).
* **Wrong password leaves the file untouched.** The key is checked with a read
  (``SELECT count(*) FROM sqlite_master``) before any pragma that could write
  (journal mode) and the file is opened with ``mode=rw`` so a typo in a path
  never creates a new database.
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
* **Undecodable rows.** A device row that no longer decodes (say its stored
  otpauth URI stopped parsing) is moved to the ``set_aside`` table and reported in
  ``Vault.set_aside``; it never stops the rest of the profile from opening.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import stat
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlcipher3

from epcs_desktop.core import erx
from epcs_desktop.core.errors import EpcsError, VaultError, VaultLockedError, WrongPasswordError
from epcs_desktop.core.otpauth import OtpParams, build_uri, parse_uri

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 2
KDF_ITERATIONS = 256_000  # SQLCipher 4 default; OWASP minimum for PBKDF2-HMAC-SHA512 is 210,000
DEFAULT_BUSY_TIMEOUT = 5.0  # seconds a writer waits for another process before VaultLockedError
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

LOCKED_MESSAGE = (
    "This profile is busy: another EPCS Desktop window or command is changing it. "
    "Close it or try again in a moment."
)
REKEYED_MESSAGE = "This profile's password was changed elsewhere; lock and unlock it again."


class PasswordChangedElsewhereError(VaultError):
    """Another connection re-keyed the file (`profile passwd`, another window): this one's key is stale."""


# --- schema ------------------------------------------------------------------------------------

# Version 1 (EPCS Desktop 0.0.x) kept bare Base32 secrets and free-form names. It is
# written out here because migration tests must be able to build a real v1 file.
SCHEMA_V1 = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE devices(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, option TEXT NOT NULL,
    added_at REAL NOT NULL, is_primary INTEGER NOT NULL DEFAULT 0, secret TEXT);
CREATE TABLE activity(id INTEGER PRIMARY KEY, at REAL NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
"""

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


def device_from_row(row: Any) -> erx.Device:
    """Decode one ``device`` row; raises ValueError/EpcsError when the row no longer makes sense."""
    option = erx.DeviceOption(row["option"])
    nickname = erx.normalise_nickname(row["nickname"])
    otp: OtpParams | None = None
    if option is erx.DeviceOption.GENERATOR_HERE:
        if not row["otp_uri"]:
            raise ValueError("code generator without a secret")
        otp = parse_uri(row["otp_uri"])
    elif row["otp_uri"]:
        raise ValueError("secret stored for a device that should not hold one")
    return erx.Device(
        id=int(row["id"]),
        nickname=nickname,
        option=option,
        added_at=float(row["added_at"]),
        is_primary=bool(row["is_primary"]),
        otp=otp,
    )


# --- helpers ----------------------------------------------------------------------------------


def _quote_password(password: str) -> str:
    if not isinstance(password, str) or password == "":
        raise VaultError("The password cannot be empty.")
    if "\x00" in password:
        raise VaultError("The password cannot contain a NUL character.")
    return "'" + password.replace("'", "''") + "'"


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
    """Create `path` (and parents) as 0700 and tighten it if it already existed."""
    with _private_umask():
        path.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)


def _tighten(path: Path) -> None:
    for p in (path, *(Path(str(path) + s) for s in SIDE_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if stat.S_IMODE(p.stat().st_mode) != 0o600:
                os.chmod(p, 0o600)


def _is_busy(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (sqlcipher3.SQLITE_BUSY, sqlcipher3.SQLITE_LOCKED):
        return True
    return "database is locked" in str(exc) or "database is busy" in str(exc)


def _is_not_a_database(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlcipher3.SQLITE_NOTADB
    return "file is not a database" in str(exc)


def _wrap(exc: sqlcipher3.Error, doing: str) -> VaultError:
    """Turn an SQLite error into a one-line user message (SQLite messages carry no values).

    SQLITE_NOTADB on a connection that was keyed successfully when it opened
    means the pages no longer decrypt with its key: another connection changed
    the password (a damaged file would say so again at the next unlock).
    """
    if _is_busy(exc):
        return VaultLockedError(LOCKED_MESSAGE)
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

    def __init__(self, conn: sqlcipher3.Connection, path: Path) -> None:
        self._conn: sqlcipher3.Connection | None = conn
        self.path = path
        self.set_aside: list[str] = []
        self.migration_backup: Path | None = None
        self._lock = threading.RLock()
        self._depth = 0
        self._stale = False  # another connection re-keyed the file: every later call says so

    def __repr__(self) -> str:
        return f"Vault(path={str(self.path)!r}, open={self._conn is not None})"

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: str | os.PathLike[str], password: str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
    ) -> Vault:
        """Create a new, empty profile database at `path` (which must not exist yet)."""
        path = Path(path)
        key = _quote_password(password)
        make_private_dir(path.parent)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise VaultError("A profile file with this name already exists.") from None
        except OSError as exc:
            raise VaultError(f"The profile file could not be created ({exc.strerror}).") from None
        os.close(fd)
        conn: sqlcipher3.Connection | None = None
        try:
            conn = cls._connect(path, key, busy_timeout)
            vault = cls(conn, path)
            vault._configure()
            with vault.transaction() as db:
                db.executescript_in_tx(SCHEMA_V2)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.execute(
                    "INSERT INTO record(key, value) VALUES('created_at', ?)", (json.dumps(time.time()),)
                )
        except BaseException:
            if conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    conn.close()
            for p in (path, *(Path(str(path) + s) for s in SIDE_SUFFIXES)):
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
            raise
        _tighten(path)
        logger.info("created vault %s", path.name)
        return vault

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], password: str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
    ) -> Vault:
        """Unlock an existing profile; migrate it if it is older; set aside rows that do not decode."""
        path = Path(path)
        key = _quote_password(password)
        if not path.is_file():
            raise VaultError("The profile file does not exist.")
        conn = cls._connect(path, key, busy_timeout)
        vault = cls(conn, path)
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
            vault._repair_nicknames()
            vault._set_aside_undecodable()
        except BaseException:
            vault.close()
            raise
        _tighten(path)
        return vault

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
                    raise WrongPasswordError(
                        "That password does not unlock this profile (or the file is not an EPCS Desktop "
                        "profile)."
                    ) from None
            except EpcsError:
                conn.close()
                raise
            except sqlcipher3.Error as exc:
                conn.close()
                raise _wrap(exc, "opened") from None
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
                raise _wrap(exc, "opened") from None

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
        return _wrap(exc, doing)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Read rows (a consistent snapshot per statement)."""
        with self._lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlcipher3.Error as exc:
                raise self._error(exc, "read") from None

    def get_record(self, key: str, default: Any = None) -> Any:
        """A JSON value from the ``record`` table (prescriber info, identity, settings...)."""
        rows = self.query("SELECT value FROM record WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else default

    def set_record(self, key: str, value: Any) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO record(key, value) VALUES(?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, sort_keys=True)),
            )

    def change_password(self, new: str) -> None:
        """Re-key every page with a key derived from `new` (``PRAGMA rekey``), then fold the WAL in."""
        key = _quote_password(new)
        with self._lock:
            if self._depth:
                raise VaultError("The password cannot be changed in the middle of another change.")
            try:
                self.conn.execute(f"PRAGMA rekey = {key}")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlcipher3.Error as exc:
                raise self._error(exc, "re-encrypted") from None
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
            db.execute(
                "INSERT INTO activity(at, action, detail) VALUES(?, ?, ?)",
                (
                    time.time(),
                    "profile upgraded",
                    f"Storage upgraded to version {version}; the old file was kept as "
                    f"{self.migration_backup.name}.",
                ),
            )
        logger.info("vault %s migrated to schema %d", self.path.name, SCHEMA_VERSION)

    def _backup_copy(self, version: int) -> Path:
        """Byte-for-byte copy of the (still encrypted) file, taken while we hold the write lock.

        A pending WAL is copied alongside (``<backup>-wal``) so the pair opens as it was.
        """
        target = self.path.with_name(f"{self.path.name}.v{version}.bak")
        if target.exists():
            target = self.path.with_name(f"{self.path.name}.v{version}.{int(time.time())}.bak")
        with _private_umask():
            shutil.copyfile(self.path, target)
            wal = Path(str(self.path) + "-wal")
            if wal.exists() and wal.stat().st_size:
                shutil.copyfile(wal, Path(str(target) + "-wal"))
        os.chmod(target, 0o600)
        return target

    # -- nicknames stored in a non-normal form ------------------------------------------------

    def _repair_nicknames(self) -> None:
        """Give rows stored with a non-normal nickname (e.g. "Name  (2)") the normal name and key.

        Earlier versions' restore and migration could cut a name before a space
        and store a double space; such a device decodes (its name is normalised
        on reading) but its stored key matches nothing a person types, so it could
        not be renamed, made primary or removed. Runs at open; writes only when needed.
        """
        rows = self.query("SELECT id, nickname, nickname_key FROM device ORDER BY id")
        fixes: list[tuple[int, str, str]] = []
        taken: set[str] = set()
        for row in rows:
            try:
                name = erx.normalise_nickname(row["nickname"])
            except EpcsError:
                continue  # set aside next, with its reason
            if name == row["nickname"] and erx.nickname_key(name) == row["nickname_key"]:
                taken.add(row["nickname_key"])
            else:
                fixes.append((int(row["id"]), str(row["nickname"]), name))
        if not fixes:
            return
        with self.transaction() as db:
            for row_id, old, name in fixes:
                new = erx.unique_nickname(name, taken)
                try:
                    db.execute(
                        "UPDATE device SET nickname = ?, nickname_key = ? WHERE id = ?",
                        (new, erx.nickname_key(new), row_id),
                    )
                except sqlcipher3.IntegrityError:  # cannot happen with `taken`; never block opening
                    logger.warning("device row %s keeps its stored nickname", row_id)
                    continue
                taken.add(erx.nickname_key(new))
                db.execute(
                    "INSERT INTO activity(at, action, detail) VALUES(?, ?, ?)",
                    (time.time(), "device renamed", f"'{old[:64]}' is now stored as '{new}'."),
                )
        logger.info("repaired %d stored nickname(s)", len(fixes))

    # -- rows that do not decode ------------------------------------------------------------

    def _set_aside_undecodable(self) -> None:
        bad = []
        for row in self.query("SELECT * FROM device ORDER BY id"):
            try:
                device_from_row(row)
            except (EpcsError, ValueError, TypeError, KeyError) as exc:
                bad.append((row, type(exc).__name__))
        for row, reason in bad:
            self.set_aside.append(self.set_aside_device(row, reason))

    def set_aside_device(self, row: Any, reason: str) -> str:
        """Move one undecodable device row to ``set_aside`` (kept for support) and keep a primary."""
        label = str(row["nickname"])[:64]
        message = f"Device '{label}' was set aside because its stored details can no longer be read."
        with self.transaction() as db:
            content = json.dumps({k: row[k] for k in row.keys()})  # noqa: SIM118 (Row iterates values)
            db.execute(
                "INSERT INTO set_aside(at, source, reason, content) VALUES(?, 'device', ?, ?)",
                (time.time(), reason, content),
            )
            db.execute("DELETE FROM device WHERE id = ?", (row["id"],))
            promoted = None
            if not db.execute("SELECT 1 FROM device WHERE is_primary = 1").fetchone():
                first = db.execute("SELECT id, nickname FROM device ORDER BY id LIMIT 1").fetchone()
                if first is not None:
                    db.execute("UPDATE device SET is_primary = 1 WHERE id = ?", (first["id"],))
                    promoted = first["nickname"]
            if promoted is not None:
                message += f" '{promoted}' is now the primary device."
            db.execute(
                "INSERT INTO activity(at, action, detail) VALUES(?, ?, ?)",
                (time.time(), "device set aside", message),
            )
        logger.warning("set aside device row %s (%s)", row["id"], reason)
        return message


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
                secret = quote(str(row["secret"]), safe="")
                uri = f"otpauth://totp/ID.me:{quote(nickname, safe='')}?secret={secret}&issuer=ID.me"
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
    if rows and not primary_done:
        db.execute("UPDATE device SET is_primary = 1 WHERE id = ?", (rows[0]["id"],))
    prescriber = {
        "state": meta.get("state", ""),
        "license_number": meta.get("license", ""),
        "dea_number": meta.get("dea", ""),
        "npi": meta.get("npi", ""),
    }
    db.execute("INSERT INTO record(key, value) VALUES('prescriber', ?)", (json.dumps(prescriber),))
    if "created_at" in meta:
        db.execute(
            "INSERT INTO record(key, value) VALUES('created_at', ?)", (json.dumps(meta["created_at"]),)
        )
    db.execute("DROP TABLE devices")
    db.execute("DROP TABLE meta")


_MIGRATIONS = {1: _migrate_1_to_2}
