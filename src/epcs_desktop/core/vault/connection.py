"""SQLCipher connections with a key: the read-only probe that decides a key, and the read-write connection.

Why a read-only probe first: a wrong key on a read-write connection could
checkpoint a left-over -wal into the file when it closes, so a wrong password
would change bytes. The probe cannot. The read-write connection uses
``mode=rw`` so a typo never creates a database. Both silence SQLCipher's own
logging before keying (it would print key/HMAC failures to stderr) and pin
``cipher_compatibility = 4``.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import sqlcipher3

from epcs_desktop.core.errors import EpcsError, VaultError, VaultLockedError, WrongPasswordError
from epcs_desktop.core.vault.failures import (
    LOCKED_MESSAGE,
    WRONG_PASSWORD_MESSAGE,
    is_busy,
    storage_error,
    wrap,
)
from epcs_desktop.core.vault.files import private_umask

__all__ = ["check_password_text", "connect", "probe", "quote_password"]


def check_password_text(password: str) -> None:
    """Refusals every key path shares: not text, empty, NUL (Argon2id takes any other text)."""
    if not isinstance(password, str) or password == "":
        raise VaultError("The password cannot be empty.")
    if "\x00" in password:
        raise VaultError("The password cannot contain a NUL character.")


def quote_password(password: str) -> str:
    """The SQL literal for SQLCipher's own (PBKDF2) key: only older profiles are opened this way.

    A password spelled x'<hex>' would be taken by SQLCipher as a raw key (no KDF),
    so it never goes this way: it cannot be an older profile's password anyway
    unless that profile was keyed with the raw key itself.
    """
    check_password_text(password)
    from epcs_desktop.core.passwords import looks_like_raw_key

    if looks_like_raw_key(password):
        raise WrongPasswordError(WRONG_PASSWORD_MESSAGE)
    return "'" + password.replace("'", "''") + "'"


def _apply_key(conn: sqlcipher3.Connection, key: str) -> None:
    """Key a connection the one way both connections do (see the module's docstring)."""
    conn.execute("PRAGMA cipher_log_level = NONE")  # before keying: it would print key/HMAC failures
    conn.execute(f"PRAGMA key = {key}")
    conn.execute("PRAGMA cipher_compatibility = 4")


def _refusal(exc: sqlcipher3.Error, path: Path) -> EpcsError | None:
    """Why reading the first page failed, when it is not the key: busy, or the disk; None = wrong key."""
    if is_busy(exc):
        return VaultLockedError(LOCKED_MESSAGE)
    return storage_error(exc, path)


def probe(path: Path, key: str, busy_timeout: float) -> bool:
    """Does `key` decrypt the file? Asked on a read-only connection, which never writes the file."""
    uri = path.resolve().as_uri() + "?mode=ro"
    with private_umask():
        try:
            conn = sqlcipher3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None)
        except sqlcipher3.Error as exc:
            err = storage_error(exc, path) or VaultError("The profile file could not be opened.")
            raise err from None
        try:
            _apply_key(conn, key)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return True
        except sqlcipher3.Error as exc:
            refusal = _refusal(exc, path)
            if refusal is not None:
                raise refusal from None
            return False
        finally:
            with contextlib.suppress(sqlcipher3.Error):
                conn.close()


def connect(path: Path, key: str, busy_timeout: float) -> sqlcipher3.Connection:
    """The read-write connection on `key` (already proven by `probe`, or a new file being built)."""
    uri = path.resolve().as_uri() + "?mode=rw"
    with private_umask():
        try:
            conn = sqlcipher3.connect(
                uri, uri=True, timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
        except sqlcipher3.Error as exc:
            raise VaultError("The profile file could not be opened.") from exc
        try:
            _apply_key(conn, key)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError as exc:
                raise (_refusal(exc, path) or WrongPasswordError(WRONG_PASSWORD_MESSAGE)) from None
        except EpcsError:
            conn.close()
            raise
        except sqlcipher3.Error as exc:
            conn.close()
            raise wrap(exc, "opened", path) from None
    conn.row_factory = sqlcipher3.Row
    return conn
