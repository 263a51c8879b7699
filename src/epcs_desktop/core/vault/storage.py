"""An unlocked profile database: one connection, atomic transactions, reads, and the row helpers.

Storage only, no eRx rules: the service (`core.profile`) is the only writer, with
`transaction()` and the row helpers (`upsert_record`, `delete_record`,
`append_activity`); which rows are set aside and what becomes primary are its
decisions too. How the connection was opened (keys, KDF) is `core.vault.opening`'s,
the password change `core.vault.rekey`'s, the schema `core.vault.schema`'s.

Why these choices:

* **Crash safety.** WAL journal with ``synchronous = FULL``: a committed change
  survives power loss, an interrupted one is rolled back. Temporary tables stay in
  memory (``temp_store = MEMORY``), so nothing spills into plaintext temp files.
* **Concurrent writers.** Every write transaction is ``BEGIN IMMEDIATE`` (take the
  write lock up front: no deadlock on lock upgrade) with a busy timeout; when it
  runs out the caller gets ``VaultLockedError`` with a sentence a person can act on.
* **A stale key.** Once another connection re-keyed the file, every later call on
  this one says so (`PasswordChangedElsewhereError`), whatever SQLite says next.
* **Undecodable rows.** `set_aside_row` moves a device row to the ``set_aside``
  table (kept, encrypted, for support); *which* rows is `core.profile`'s decision.
* **Time.** Every timestamp written here comes from the injected `Clock`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Self

import sqlcipher3

from epcs_desktop.core import profilekey
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import VaultError
from epcs_desktop.core.otpauth import OtpParams, build_uri
from epcs_desktop.core.vault.failures import (
    REKEYED_MESSAGE,
    PasswordChangedElsewhereError,
    is_not_a_database,
    wrap,
)
from epcs_desktop.core.vault.files import private_umask

logger = logging.getLogger(__name__)

DEFAULT_BUSY_TIMEOUT = 5.0  # seconds a writer waits for another process before VaultLockedError


# --- the row helpers the service writes with ---------------------------------------------------


def encode_otp(otp: OtpParams | None) -> str | None:
    """How a held secret is stored: its otpauth URI, inside the encrypted database only."""
    return None if otp is None else build_uri(otp)


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


# --- the open database -------------------------------------------------------------------------


class Storage:
    """An unlocked profile database. Thread-safe: one connection guarded by a re-entrant lock.

    Opening derives the key (about 0.2 s), so the GUI opens vaults in a worker
    thread and then uses them on the GUI thread; hence ``check_same_thread=False``.
    """

    def __init__(self, conn: sqlcipher3.Connection, path: Path, clock: Clock) -> None:
        self._conn: sqlcipher3.Connection | None = conn
        self.path = path
        self.clock: Clock = clock  # the context's (core/context.py), given by the profile store
        self.migration_backup: Path | None = None
        # The key-file entry this connection is on; None: an older profile on SQLCipher's PBKDF2 key.
        self.key_entry: profilekey.KeyEntry | None = None
        self._lock = threading.RLock()
        self._depth = 0
        self._stale = False  # another connection re-keyed the file: every later call says so

    def __repr__(self) -> str:
        return f"{type(self).__name__}(path={str(self.path)!r}, open={self._conn is not None})"

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

    def configure(self) -> None:
        """Journal and durability settings; the WAL switch writes page 1, so it runs after any backup."""
        with self._lock, private_umask():
            try:
                self.conn.execute("PRAGMA journal_mode = WAL").fetchone()
                self.conn.execute("PRAGMA synchronous = FULL")
                self.conn.execute("PRAGMA temp_store = MEMORY")
                self.conn.execute("PRAGMA foreign_keys = ON")
                self.conn.execute("PRAGMA secure_delete = ON")
            except sqlcipher3.Error as exc:
                raise wrap(exc, "opened", self.path) from None

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

    def __enter__(self) -> Self:
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
                raise self.error(exc, "changed") from None
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
                raise self.error(exc, "saved") from None

    @contextlib.contextmanager
    def outside_transaction(self) -> Iterator[sqlcipher3.Connection]:
        """The connection, held for a change SQLCipher makes on its own (re-keying).

        Refused inside a transaction: re-keying would commit its statements half-way.
        """
        with self._lock:
            if self._depth:
                raise VaultError("The password cannot be changed in the middle of another change.")
            yield self.conn

    def key_went_stale(self, exc: BaseException) -> bool:
        """True (and remembered) when this connection's key no longer decrypts the file.

        After SQLITE_NOTADB this connection can only fail (SQLite may next say "readonly database"),
        so every later error gives the same sentence.
        """
        self._stale = self._stale or is_not_a_database(exc)
        return self._stale

    def error(self, exc: sqlcipher3.Error, doing: str) -> VaultError:
        """`failures.wrap`, remembering a stale key (`key_went_stale`)."""
        if self.key_went_stale(exc):
            return PasswordChangedElsewhereError(REKEYED_MESSAGE)
        return wrap(exc, doing, self.path)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Read rows (a consistent snapshot per statement)."""
        with self._lock:
            try:
                rows: list[Any] = self.conn.execute(sql, params).fetchall()
                return rows
            except sqlcipher3.Error as exc:
                raise self.error(exc, "read") from None

    def get_record(self, key: str, default: Any = None) -> Any:
        """A JSON value from the ``record`` table (prescriber info, identity, settings...)."""
        rows = self.query("SELECT value FROM record WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else default

    def set_aside_row(self, db: _Tx, row: Any, reason: str) -> None:
        """Move one device row to ``set_aside`` (kept, encrypted, for support) in the caller's transaction."""
        content = json.dumps({k: row[k] for k in row.keys()})  # noqa: SIM118 (Row iterates values)
        db.execute(
            "INSERT INTO set_aside(at, source, reason, content) VALUES(?, 'device', ?, ?)",
            (self.clock.now(), reason, content),
        )
        db.execute("DELETE FROM device WHERE id = ?", (row["id"],))


class _Tx:
    """What `Storage.transaction()` yields: execute() on the open transaction, errors made readable."""

    def __init__(self, conn: sqlcipher3.Connection, storage: Storage | None = None) -> None:
        self._conn = conn
        self._storage = storage

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlcipher3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlcipher3.IntegrityError:
            raise
        except sqlcipher3.Error as exc:
            if self._storage is not None:
                raise self._storage.error(exc, "changed") from None
            raise wrap(exc, "changed") from None

    def executescript_in_tx(self, script: str) -> None:
        """Run several statements inside the current transaction (executescript would COMMIT)."""
        for statement in script.split(";"):
            if statement.strip():
                self.execute(statement)
