"""One encrypted SQLCipher 4 database per clinician profile: storage only, no eRx rules.

Storage means: the file, the key, the schema and its migrations, atomic
transactions, owner-only files, and the row helpers the service writes with
(`upsert_record`, `delete_record`, `append_activity`). Every rule (nicknames,
the one primary device, what "the same account" is, setting aside rows that
stopped decoding) lives in `core.profile` / `core.enrollment`, which are the
only writers; nothing else calls `transaction()`.

`Vault` is the one name callers use; its parts, one responsibility each:

- `storage`: the open database (connection, transactions, reads, row helpers);
- `opening`: creating a profile file and unlocking one (which key opens it);
- `rekey`: password change, PBKDF2 -> Argon2id upgrade, strengthening a weak key;
- `schema`: the tables and the migrations from older versions;
- `connection`: SQLCipher connections with a key (the read-only probe first);
- `files`: owner-only files and folders, left-over copies;
- `failures`: SQLite and disk errors as one sentence a person can act on.
"""

from __future__ import annotations

import os
from pathlib import Path

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.vault import opening, rekey
from epcs_desktop.core.vault.connection import probe, quote_password
from epcs_desktop.core.vault.failures import (
    LOCKED_MESSAGE,
    REKEYED_MESSAGE,
    WRONG_PASSWORD_MESSAGE,
    PasswordChangedElsewhereError,
)
from epcs_desktop.core.vault.files import SIDE_SUFFIXES, leftover_files, make_private_dir, remove_leftovers
from epcs_desktop.core.vault.schema import SCHEMA_V2, SCHEMA_VERSION
from epcs_desktop.core.vault.storage import (
    DEFAULT_BUSY_TIMEOUT,
    Storage,
    _Tx,
    append_activity,
    delete_record,
    encode_otp,
    upsert_record,
)

__all__ = [
    "DEFAULT_BUSY_TIMEOUT",
    "KDF_ITERATIONS",
    "LOCKED_MESSAGE",
    "REKEYED_MESSAGE",
    "SCHEMA_V2",
    "SCHEMA_VERSION",
    "SIDE_SUFFIXES",
    "WRONG_PASSWORD_MESSAGE",
    "PasswordChangedElsewhereError",
    "Vault",
    "_Tx",
    "append_activity",
    "delete_record",
    "encode_otp",
    "leftover_files",
    "make_private_dir",
    "probe",
    "quote_password",
    "remove_leftovers",
    "upsert_record",
]

KDF_ITERATIONS = 256_000  # SQLCipher 4's PBKDF2 default (older profiles); OWASP's minimum is 210,000


class Vault(Storage):
    """An unlocked profile database: `Storage`, opened by `create` / `open`, re-keyed by `change_password`."""

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        password: str,
        *,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        clock: Clock,
    ) -> Vault:
        """Create a new, empty profile database at `path` (which must not exist yet)."""
        return opening.create(cls, Path(path), password, busy_timeout, clock)

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
        return opening.open_existing(cls, Path(path), password, busy_timeout, clock)

    def change_password(self, new: str) -> None:
        """Re-key every page with a key derived from `new`; crash-safe (`core.vault.rekey`)."""
        rekey.change_password(self, new)
