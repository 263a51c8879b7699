"""The tables of a profile database, and the migrations from every older version.

``PRAGMA user_version`` is the schema version. Before migrating, the encrypted
file is copied byte for byte next to itself (``.v<N>.bak``, removed once the
profile has opened: it opens with the old password), and the migration is one
transaction with one activity entry. Migrations move data between layouts; they
decide no eRx rule (which side a row is on, which device is primary): the
service does that when the profile opens.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from epcs_desktop.core import erx
from epcs_desktop.core.errors import EpcsError, OtpAuthError
from epcs_desktop.core.otpauth import build_uri, from_secret
from epcs_desktop.core.vault.files import private_umask
from epcs_desktop.core.vault.storage import Storage, _Tx, append_activity, upsert_record

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 3

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


def create_tables(db: _Tx, now: float) -> None:
    """Today's schema in a new, empty database (inside the caller's transaction)."""
    db.executescript_in_tx(SCHEMA_V2)
    _migrate_2_to_3(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    upsert_record(db, "created_at", now)


def migrate_if_needed(storage: Storage) -> None:
    """Bring an older database to `SCHEMA_VERSION` in one transaction (copying the file first)."""
    if storage.schema_version == SCHEMA_VERSION:
        return
    with storage.transaction() as db:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])  # another process may have won
        if version == SCHEMA_VERSION:
            return
        if storage.migration_backup is None:
            storage.migration_backup = backup_copy(storage, version)
        while version < SCHEMA_VERSION:
            _MIGRATIONS[version](db)
            version += 1
            db.execute(f"PRAGMA user_version = {version}")
        append_activity(
            db, storage.clock.now(), "profile upgraded", f"Storage upgraded to version {version}."
        )
    logger.info("vault %s migrated to schema %d", storage.path.name, SCHEMA_VERSION)


def backup_copy(storage: Storage, version: int) -> Path:
    """Byte-for-byte copy of the (still encrypted) file; the caller holds the write lock.

    A pending WAL is copied alongside (``<backup>-wal``) so the pair opens as it was.
    """
    path = storage.path
    target = path.with_name(f"{path.name}.v{version}.bak")
    if target.exists():
        target = path.with_name(f"{path.name}.v{version}.{int(storage.clock.now())}.bak")
    with private_umask():
        shutil.copyfile(path, target)
        wal = Path(str(path) + "-wal")
        if wal.exists() and wal.stat().st_size:
            shutil.copyfile(wal, Path(str(target) + "-wal"))
    os.chmod(target, 0o600)
    return target


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
