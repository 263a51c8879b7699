"""Re-keying an open profile: a password change, the PBKDF2 -> Argon2id upgrade, a stronger key.

Why these are crash- and I/O-error safe (issue 23 items 1 and 9): at every instant
the key file on disk (``<file>.kdf``, `core.profilekey`) holds an entry for the key
the database is on. SQLCipher's ``PRAGMA rekey`` re-encrypts every page in one WAL
commit; a fresh read-only connection then proves the new key opens the file before
the key file forgets the old entry. When anything fails the next unlock tries the
entries in order and keeps the one that opened (`core.vault.opening`). No copy of
the file under its old key is ever made.
"""

from __future__ import annotations

import logging

import sqlcipher3

from epcs_desktop.core import profilekey
from epcs_desktop.core.errors import StorageError, VaultLockedError
from epcs_desktop.core.vault.connection import check_password_text, probe
from epcs_desktop.core.vault.failures import (
    REKEYED_MESSAGE,
    PasswordChangedElsewhereError,
    reason,
    storage_error,
)
from epcs_desktop.core.vault.storage import DEFAULT_BUSY_TIMEOUT, Storage

logger = logging.getLogger(__name__)


def change_password(storage: Storage, new: str) -> None:
    """Re-key every page with a key derived from `new` (``PRAGMA rekey``), then fold the WAL in.

    The key file becomes [new, old] (atomic rename), the database is re-keyed (atomic: one WAL
    commit), a fresh read-only connection proves the new key opens it, and only then does the key
    file become [new]. When anything fails the key file keeps both entries, whichever key the
    database ended on. The key file is never rolled back.
    """
    check_password_text(new)
    with storage.outside_transaction() as conn:
        old = storage.key_entry
        if old is None:
            # Still on SQLCipher's PBKDF2 key because its upgrade hit a disk error at this unlock:
            # a key file for the new password could not also cover the old key, so refuse.
            raise StorageError(
                "This profile's encryption upgrade could not finish (a disk error); lock and unlock "
                "it again, then change the password."
            )
        try:  # SQLCipher's rekey reports a held write lock as a generic error: ask SQLite first
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        except sqlcipher3.Error as exc:
            raise storage.error(exc, "re-encrypted") from None  # busy: VaultLockedError, nothing changed
        entry, raw = profilekey.new_entry(new)
        key = profilekey.raw_key_pragma(raw)
        profilekey.write_key_file(storage.path, [entry, old])  # StorageError: nothing else changed
        try:
            conn.execute(f"PRAGMA rekey = {key}")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlcipher3.Error as exc:
            # Which key the file ended on is known for sure only when it is next opened. "Busy" here
            # is not trusted: the lock was free a moment ago, and a failed WAL fsync reads as busy.
            storage_said = storage_error(exc, storage.path)
            storage.close()
            if storage_said is None and storage.key_went_stale(exc):
                raise PasswordChangedElsewhereError(REKEYED_MESSAGE) from None
            if storage_said is None:  # SQLCipher's rekey says only "an error occurred": never shown raw
                raise StorageError(
                    "The password could not be changed (another EPCS Desktop window or command was "
                    "changing the profile, or the disk reported an error). Unlock the profile again: "
                    "the old or the new password opens it."
                ) from None
            raise StorageError(
                "The password could not be changed because of a disk error "
                f"({reason(exc, storage_said)}). Unlock the profile again: the old or the new password "
                "opens it."
            ) from None
        if not probe(storage.path, key, DEFAULT_BUSY_TIMEOUT):
            storage.close()
            raise StorageError(
                "The password change could not be verified (a disk error). Unlock the profile again: "
                "the old or the new password opens it."
            )
        storage.key_entry = entry
        try:
            profilekey.write_key_file(storage.path, [entry])
        except StorageError as exc:  # the change is done; the next unlock drops the old entry
            logger.warning("old key entry kept until the next unlock: %s", exc)
    logger.info("vault %s re-keyed", storage.path.name)


def strengthen(storage: Storage, password: str) -> None:
    """Re-key with a key at today's floor, the same password (crash-safe like `change_password`)."""
    try:
        change_password(storage, password)
        logger.info("vault %s re-keyed to the current Argon2id floor", storage.path.name)
    except (StorageError, VaultLockedError) as exc:
        if not storage.is_open:  # the re-key itself failed: the next unlock sorts out which key holds
            raise
        logger.warning("key strengthening postponed: %s", exc)


def upgrade_kdf(storage: Storage, password: str) -> None:
    """Move a PBKDF2 profile to an Argon2id key; an I/O error at any step leaves it opening.

    Order: fold the WAL in; write the key file for the *same* password; re-key (one SQLCipher
    transaction); prove the new key opens the file on a fresh read-only connection. While the
    database is still on PBKDF2 the key file's entry matches the password but does not open
    the file, so the unlock falls back to the PBKDF2 key and the upgrade runs again at the next
    unlock; after the re-key the entry opens it. The key file is never removed.
    """
    with storage.outside_transaction() as conn:
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlcipher3.Error as exc:
            logger.warning("profile key upgrade postponed: %s", type(exc).__name__)
            return
        entry, raw = profilekey.new_entry(password)
        key = profilekey.raw_key_pragma(raw)
        try:
            profilekey.write_key_file(storage.path, [entry])
        except StorageError as exc:  # the database is untouched: PBKDF2 still opens it
            logger.warning("profile key upgrade postponed: %s", exc)
            return
        try:
            conn.execute(f"PRAGMA rekey = {key}")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlcipher3.Error as exc:
            said = storage_error(exc, storage.path)
            storage.close()
            raise StorageError(
                "Upgrading this profile's encryption was interrupted by a disk error "
                f"({reason(exc, said)}); nothing was lost. Unlock it again."
            ) from None
    if not probe(storage.path, key, DEFAULT_BUSY_TIMEOUT):
        storage.close()
        raise StorageError(
            "Upgrading this profile's encryption could not be verified (a disk error); nothing was "
            "lost. Unlock it again."
        )
    storage.key_entry = entry
    logger.info("vault %s now uses an Argon2id key", storage.path.name)
