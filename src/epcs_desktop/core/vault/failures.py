"""What SQLite and the disk say, turned into one sentence a person can act on.

Why a module of its own: every part of the vault (opening, transactions, the
password change) meets the same SQLite errors, and each must read the same way:
a busy file is `VaultLockedError`, a full or read-only disk is `StorageError`
(never "wrong password"), pages that stopped decrypting on an open connection
mean another connection changed the password. SQLite's own text is never shown
in full (it carries no values, but it is not a sentence for a clinician).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import sqlcipher3

from epcs_desktop.core.errors import DamagedProfileError, StorageError, VaultError, VaultLockedError

logger = logging.getLogger(__name__)

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


def is_busy(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (sqlcipher3.SQLITE_BUSY, sqlcipher3.SQLITE_LOCKED):
        return True
    return "database is locked" in str(exc) or "database is busy" in str(exc)


def is_not_a_database(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF == sqlcipher3.SQLITE_NOTADB)
    return "file is not a database" in str(exc)


_STORAGE_CODES = {
    13: "The disk is full: free some space and try again (nothing was changed).",  # SQLITE_FULL
    8: "The profile file cannot be written (read-only disk or no permission).",  # SQLITE_READONLY
    3: "No permission to use the profile file or its folder.",  # SQLITE_PERM
    14: "The profile file or its journal cannot be opened (check the folder's permissions).",  # CANTOPEN
    10: "The disk reported an input/output error while using the profile.",  # SQLITE_IOERR
}


def storage_error(exc: BaseException, path: Path | None = None) -> StorageError | None:
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


def reason(exc: BaseException, storage: StorageError | None) -> str:
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


def wrap(exc: sqlcipher3.Error, doing: str, path: Path | None = None) -> VaultError:
    """Turn an SQLite error into a one-line user message (SQLite messages carry no values).

    SQLITE_NOTADB on a connection that was keyed successfully when it opened
    means the pages no longer decrypt with its key: another connection changed
    the password (a damaged file would say so again at the next unlock).
    """
    storage = storage_error(exc, path)
    if storage is not None:  # before "busy": a full disk is not another program holding the file
        return storage
    if is_busy(exc):
        return VaultLockedError(LOCKED_MESSAGE)
    if getattr(exc, "sqlite_errorcode", 0) & 0xFF == 11:  # SQLITE_CORRUPT
        return DamagedProfileError(
            "The profile file is damaged (run `epcs-desktop profile check NAME`); restore your latest backup."
        )
    if is_not_a_database(exc):
        logger.warning("vault pages no longer decrypt with this connection's key while %s", doing)
        return PasswordChangedElsewhereError(REKEYED_MESSAGE)
    logger.error("vault error while %s: %s", doing, type(exc).__name__)
    return VaultError(f"The profile database could not be {doing} ({str(exc)[:80]}).")
