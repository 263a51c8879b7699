"""Every row statement of the profile service, in one place.

Why one module: the service's rules (one primary, hand-over, restore plans)
read better without SQL in between, and a schema change touches one file.
Only the `core.profile` package uses this module; front ends never do (they
go through `Profile`). Functions that write take the caller's transaction
(`_Tx`), so one change stays one transaction; reads outside a transaction take
the `Vault`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from epcs_desktop.core import erx
from epcs_desktop.core.generator import Generator
from epcs_desktop.core.otpauth import OtpParams, parse_uri
from epcs_desktop.core.vault import (
    Vault,
    _Tx,
    append_activity,
    delete_record,
    encode_otp,
    upsert_record,
)

__all__ = [
    "StoredRow",
    "Vault",
    "_Tx",
    "append_activity",
    "decode_row",
    "delete_record",
    "encode_otp",
    "upsert_record",
]

_INSERT_DEVICE = (
    "INSERT INTO device(nickname, nickname_key, option, added_at, is_primary, otp_uri, idme) "
    "VALUES(?, ?, ?, ?, 0, ?, ?)"
)


@dataclass(frozen=True)
class StoredRow:
    """One decoded ``device`` row and the two views of it the service hands out.

    `device`: the ID.me device (None for another site's code generator).
    `generator`: the code generator held here (None when no code is made here:
    a phone or push device, or one moved to a phone whose secret is still kept).
    `idme` None: a row from before the two were told apart, not decided yet.
    """

    id: int
    nickname: str
    option: erx.DeviceOption
    is_primary: bool
    idme: bool | None
    added_at: float
    otp: OtpParams | None = field(repr=False)
    device: erx.Device | None = field(repr=False)
    generator: Generator | None = field(repr=False)


def decode_row(row: Any) -> StoredRow:
    """Decode one ``device`` row; raises ValueError/EpcsError when the row no longer makes sense."""
    option = erx.DeviceOption(row["option"])
    nickname = erx.normalise_nickname(row["nickname"], stored=True)
    idme = None if row["idme"] is None else bool(row["idme"])
    otp: OtpParams | None = None
    if row["otp_uri"]:
        if option is erx.DeviceOption.PUSH:
            raise ValueError("secret stored for a push device")
        otp = parse_uri(row["otp_uri"], stored=True)
    elif option is erx.DeviceOption.GENERATOR_HERE:
        raise ValueError("code generator without a secret")
    if idme is False and (option is not erx.DeviceOption.GENERATOR_HERE or otp is None):
        raise ValueError("a code generator of another site without its secret")
    is_primary = bool(row["is_primary"]) and idme is not False
    here = option is erx.DeviceOption.GENERATOR_HERE
    added_at = float(row["added_at"])
    device = None
    if idme is not False:
        device = erx.Device(
            id=int(row["id"]),
            nickname=nickname,
            option=option,
            added_at=added_at,
            is_primary=is_primary,
            otp=otp if here else None,
            secret_kept=otp is not None and not here,
        )
    generator = None
    if otp is not None and here:
        generator = Generator(int(row["id"]), nickname, otp, added_at, idme is not False, is_primary)
    return StoredRow(int(row["id"]), nickname, option, is_primary, idme, added_at, otp, device, generator)


# -- device rows: reads ----------------------------------------------------------------------------


def device_rows(vault: Vault) -> list[Any]:
    """Every device row, oldest first (a consistent read outside any transaction)."""
    return vault.query("SELECT * FROM device ORDER BY id")


def device_rows_in(db: _Tx) -> list[Any]:
    """Every device row as this transaction sees it, oldest first."""
    return list(db.execute("SELECT * FROM device ORDER BY id").fetchall())


def device_row(db: _Tx, row_id: int) -> Any:
    """One whole device row by id, or None."""
    return db.execute("SELECT * FROM device WHERE id = ?", (int(row_id),)).fetchone()


def device_by_key(db: _Tx, nickname: str) -> Any:
    """(id, nickname, is_primary, idme, option, otp_uri) of the row called `nickname`, or None."""
    return db.execute(
        "SELECT id, nickname, is_primary, idme, option, otp_uri FROM device WHERE nickname_key = ?",
        (erx.nickname_key(nickname),),
    ).fetchone()


def device_uri_by_key(db: _Tx, nickname: str) -> Any:
    """(id, otp_uri) of the device called `nickname`, or None."""
    return db.execute(
        "SELECT id, otp_uri FROM device WHERE nickname_key = ?", (erx.nickname_key(nickname),)
    ).fetchone()


def primary_row(db: _Tx) -> Any:
    """(id) of the primary device, or None."""
    return db.execute("SELECT id FROM device WHERE is_primary = 1").fetchone()


def oldest_row(db: _Tx) -> Any:
    """(id) of the oldest ID.me device (rows not decided yet count as ones), or None."""
    return db.execute("SELECT id FROM device WHERE idme IS NOT 0 ORDER BY id LIMIT 1").fetchone()


def nickname_of(db: _Tx, row_id: int) -> str:
    row = db.execute("SELECT nickname FROM device WHERE id = ?", (int(row_id),)).fetchone()
    return str(row["nickname"])


def other_rows(db: _Tx, row_id: int) -> list[Any]:
    """(id, nickname) of every ID.me device but `row_id`, oldest first."""
    rows: list[Any] = db.execute(
        "SELECT id, nickname FROM device WHERE id != ? AND idme IS NOT 0 ORDER BY id", (int(row_id),)
    ).fetchall()
    return rows


def restore_rows(db: _Tx) -> list[Any]:
    """(nickname, option, otp_uri, is_primary, idme) of every row, oldest first: what a restore compares."""
    sql = "SELECT nickname, option, otp_uri, is_primary, idme FROM device ORDER BY id"
    return list(db.execute(sql).fetchall())


# -- device rows: writes ---------------------------------------------------------------------------


def insert_device(
    db: _Tx, nickname: str, option: str, added_at: float, otp_uri: str | None, idme: bool = True
) -> int:
    """A new, non-primary row (an ID.me device, or with `idme` False another site's code generator);
    returns its id (`_settle_primary` decides the primary)."""
    cur = db.execute(
        _INSERT_DEVICE, (nickname, erx.nickname_key(nickname), option, added_at, otp_uri, int(idme))
    )
    return int(cur.lastrowid)


def set_idme(db: _Tx, row_id: int, idme: bool) -> None:
    """Put a row on the ID.me side (1) or the other accounts' side (0); the latter is never primary."""
    if idme:
        db.execute("UPDATE device SET idme = 1 WHERE id = ?", (int(row_id),))
    else:
        db.execute("UPDATE device SET idme = 0, is_primary = 0 WHERE id = ?", (int(row_id),))


def set_option(db: _Tx, row_id: int, option: str) -> None:
    db.execute("UPDATE device SET option = ? WHERE id = ?", (option, int(row_id)))


def undecided_rows(db: _Tx) -> list[Any]:
    """Rows from before ID.me devices and generators were told apart (``idme`` NULL), oldest first."""
    return list(db.execute("SELECT * FROM device WHERE idme IS NULL ORDER BY id").fetchall())


def set_nickname(db: _Tx, row_id: int, nickname: str) -> None:
    db.execute(
        "UPDATE device SET nickname = ?, nickname_key = ? WHERE id = ?",
        (nickname, erx.nickname_key(nickname), int(row_id)),
    )


def set_otp_uri(db: _Tx, row_id: int, otp_uri: str | None) -> None:
    db.execute("UPDATE device SET otp_uri = ? WHERE id = ?", (otp_uri, int(row_id)))


def make_only_primary(db: _Tx, row_id: int) -> None:
    db.execute("UPDATE device SET is_primary = 0 WHERE is_primary = 1")
    db.execute("UPDATE device SET is_primary = 1 WHERE id = ? AND idme IS NOT 0", (int(row_id),))


def delete_device(db: _Tx, row_id: int) -> None:
    db.execute("DELETE FROM device WHERE id = ?", (int(row_id),))


def delete_all_devices(db: _Tx) -> None:
    db.execute("DELETE FROM device")


def set_aside(vault: Vault, db: _Tx, row: Any, reason: str) -> None:
    vault.set_aside_row(db, row, reason)


# -- records (JSON facts) and activity ---------------------------------------------------------------


def get_record(vault: Vault, key: str, default: Any = None) -> Any:
    return vault.get_record(key, default)


def record_in(db: _Tx, key: str) -> Any:
    """The decoded JSON value of `key` as this transaction sees it, or None."""
    row = db.execute("SELECT value FROM record WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else None


def delete_profile_records(db: _Tx) -> None:
    """Forget Prescriber Info, identity and settings (a replace restore writes the backup's)."""
    db.execute("DELETE FROM record WHERE key IN ('prescriber', 'identity', 'settings')")


def activity_rows(vault: Vault, limit: int | None = None) -> list[Any]:
    """(at, action, detail), newest first."""
    sql = "SELECT at, action, detail FROM activity ORDER BY id DESC"
    params: tuple[Any, ...] = ()
    if limit is not None:
        sql += " LIMIT ?"
        params = (int(limit),)
    return vault.query(sql, params)
