"""Creating a profile database and unlocking one: the key (Argon2id) and which key opens the file.

Why these choices:

* **Encryption / KDF.** SQLCipher 4 pages (AES-256, HMAC-SHA512 per page), pinned
  with ``cipher_compatibility = 4``; the key is Argon2id, derived in
  `core.profilekey` (calibrated to about 0.5 s, never below m = 64 MiB, t = 3:
  slower to guess than the PBKDF2 it replaced) with its parameters in ``<file>.kdf``,
  and SQLCipher is given the raw key (docs/profile-format.md). Older profiles (SQLCipher's
  PBKDF2, or an Argon2id key below today's floor) are re-keyed at their next unlock
  (`core.vault.rekey`).
* **Wrong password leaves the file untouched.** The key file's check value decides
  "wrong password" before SQLite opens the file; every key is then tried on a
  read-only connection (`connection.probe`) before the read-write one.
  A read-only disk or missing permission is `StorageError`, never a wrong password.
* **A new profile appears whole.** It is built under a hidden name and linked into
  place once complete, so a crash never leaves a `NAME.epcs` that does not open.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from pathlib import Path
from typing import TypeVar

import sqlcipher3

from epcs_desktop.core import profilekey
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import DamagedProfileError, StorageError, VaultError, WrongPasswordError
from epcs_desktop.core.vault import rekey, schema
from epcs_desktop.core.vault.connection import check_password_text, connect, probe, quote_password
from epcs_desktop.core.vault.failures import (
    INTERRUPTED_CHANGE_MESSAGE,
    NO_KEY_FILE_MESSAGE,
    WRONG_PASSWORD_MESSAGE,
    storage_error,
    wrap,
)
from epcs_desktop.core.vault.files import (
    CREATING_INFIX,
    SIDE_SUFFIXES,
    check_writable,
    link_into_place,
    make_private_dir,
    remove_leftovers,
    tighten_profile,
)
from epcs_desktop.core.vault.storage import Storage

logger = logging.getLogger(__name__)

S = TypeVar("S", bound=Storage)


def create(make: type[S], path: Path, password: str, busy_timeout: float, clock: Clock) -> S:
    """A new, empty profile database at `path` (which must not exist yet), opened as `make`.

    The key is Argon2id (calibrated, parameters in ``<path>.kdf``); SQLCipher only ever sees the raw key.
    """
    check_password_text(password)
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
        conn = connect(tmp, key, busy_timeout)
        builder = Storage(conn, tmp, clock)
        builder.configure()  # WAL from the first byte: no rollback journal to be hot after a crash
        with builder.transaction() as db:
            schema.create_tables(db, builder.clock.now())
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        builder.close()
        conn = None
        wal = Path(str(tmp) + "-wal")
        if busy or (wal.exists() and wal.stat().st_size):  # all of it must be in the file we link
            raise StorageError("The profile file could not be created (it could not be completed).")
        profilekey.write_key_file(path, [entry])
        link_into_place(tmp, path)
        linked = True
        conn = connect(path, key, busy_timeout)
        vault = make(conn, path, clock)
        vault.key_entry = entry
        vault.configure()
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
            raise (storage_error(exc, path) or wrap(exc, "created", path)) from None
        raise
    tighten_profile(path)
    logger.info("created vault %s", path.name)
    return vault


def open_existing(make: type[S], path: Path, password: str, busy_timeout: float, clock: Clock) -> S:
    """Unlock an existing profile as `make`, migrate it if older and re-key it if its key is weaker."""
    check_password_text(password)
    if not path.is_file():
        raise VaultError("The profile file does not exist.")
    check_writable(path)
    entries = profilekey.read_key_file(path)
    conn, entry = _unlock(path, password, entries, busy_timeout)
    vault = make(conn, path, clock)
    vault.key_entry = entry
    try:
        version = vault.schema_version
        if version > schema.SCHEMA_VERSION:
            raise VaultError("This profile was saved by a newer EPCS Desktop; please update the app.")
        if version < 1:
            raise VaultError("This file is not an EPCS Desktop profile.")
        if version < schema.SCHEMA_VERSION:
            with vault.transaction():  # hold the write lock: the copy is consistent
                vault.migration_backup = schema.backup_copy(vault, version)
        vault.configure()
        schema.migrate_if_needed(vault)
        if entry is None:
            rekey.upgrade_kdf(vault, password)
        elif profilekey.below_floor(entry):  # made by a version with a weaker floor (issue 23 item 10)
            rekey.strengthen(vault, password)
        elif entries is not None and entries != [entry]:
            try:  # a password change was interrupted: keep the entry that opened the file
                profilekey.write_key_file(path, [entry])
            except StorageError as exc:  # both still open it as before; tried again next time
                logger.warning("key file not tidied: %s", exc)
    except BaseException:
        vault.close()
        raise
    remove_leftovers(path)
    tighten_profile(path)
    return vault


def _unlock(
    path: Path, password: str, entries: list[profilekey.KeyEntry] | None, busy_timeout: float
) -> tuple[sqlcipher3.Connection, profilekey.KeyEntry | None]:
    """The open connection and the key-file entry that opened it (None: the old PBKDF2 key).

    Every key is first tried on a read-only connection: a wrong key there
    cannot checkpoint a left-over -wal into the file (a read-write
    connection did so when it closed), so a wrong password changes no byte.
    With a key file the password is checked before SQLite sees the file at all.
    """
    if entries is None:
        key = quote_password(password)
        if not probe(path, key, busy_timeout):
            raise WrongPasswordError(NO_KEY_FILE_MESSAGE.format(name=profilekey.key_file_path(path).name))
        return connect(path, key, busy_timeout), None
    matched: int | None = None
    for i, entry in enumerate(entries):  # [new, old] while a password change is unfinished
        raw, ok = profilekey.derive(password, entry)
        if not ok:
            continue
        matched = i
        key = profilekey.raw_key_pragma(raw)
        if probe(path, key, busy_timeout):
            return connect(path, key, busy_timeout), entry
    if matched is None:
        raise WrongPasswordError(WRONG_PASSWORD_MESSAGE)
    if len(entries) == 2:  # an interrupted password change ended on the other password
        raise WrongPasswordError(INTERRUPTED_CHANGE_MESSAGE[matched])
    # The password is right. A crash between writing the key file and re-keying leaves the
    # file on its old PBKDF2 key: open it that way (the upgrade then runs again).
    try:
        legacy: str | None = quote_password(password)
    except WrongPasswordError:  # an x'…' spelling never goes to SQLCipher's KDF
        legacy = None
    if legacy is not None and probe(path, legacy, busy_timeout):
        return connect(path, legacy, busy_timeout), None
    raise DamagedProfileError(
        "The password is right, but the profile file is damaged (its first page does not decrypt). "
        "Restore your latest backup into a new profile."
    )
