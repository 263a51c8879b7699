"""The profile service: the one place the eRx rules meet the encrypted storage.

Every front end (GUI, CLI, backup restore, importers) changes a profile only
through this class, so every change is validated the same way, is one
transaction, and leaves exactly one activity entry (what happened, to which
device; never a secret). Listeners run after the commit, so a GUI model that
refreshes on a change never sees a half-applied state.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal

import sqlcipher3

from epcs_desktop.core import erx, settings
from epcs_desktop.core.errors import EpcsError, RuleError
from epcs_desktop.core.otpauth import OtpParams, parse_uri
from epcs_desktop.core.vault import Vault, _Tx, device_from_row, encode_otp

logger = logging.getLogger(__name__)

SNAPSHOT_FORMAT = "epcs-desktop-profile"
SNAPSHOT_VERSION = 1
MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class ActivityEntry:
    at: float
    action: str
    detail: str


def check_new_password(password: str) -> str:
    """A new profile password: at least 8 characters (the KDF slows guessing; length does the rest)."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise RuleError(f"Choose a password of at least {MIN_PASSWORD_LENGTH} characters.")
    if "\x00" in password:
        raise RuleError("The password cannot contain a NUL character.")
    return password


class Profile:
    """An unlocked clinician profile: devices, prescriber info, identity, settings, activity."""

    def __init__(self, vault: Vault, name: str) -> None:
        self.vault = vault
        self.name = name
        self._listeners: list[Callable[[], None]] = []

    def __repr__(self) -> str:
        return f"Profile(name={self.name!r})"

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def set_aside(self) -> list[str]:
        """Messages about rows that could not be decoded and were set aside (see Vault)."""
        return self.vault.set_aside

    def close(self) -> None:
        self.vault.close()

    def __enter__(self) -> Profile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def change_password(self, new: str) -> None:
        self.vault.change_password(check_new_password(new))
        self.log_activity("password changed", "The profile password was changed.")

    # -- listeners ----------------------------------------------------------------------------

    def add_listener(self, listener: Callable[[], None]) -> None:
        """`listener()` is called (no arguments) after every committed change."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:  # a broken view must not undo or hide a committed change
                logger.exception("profile listener failed")

    def _log(self, db: _Tx, action: str, detail: str) -> None:
        db.execute("INSERT INTO activity(at, action, detail) VALUES(?, ?, ?)", (time.time(), action, detail))

    # -- devices ------------------------------------------------------------------------------

    def devices(self) -> list[erx.Device]:
        """Every device in the order it was added. A row that stopped decoding is set aside, not fatal."""
        result = []
        for row in self.vault.query("SELECT * FROM device ORDER BY id"):
            try:
                result.append(device_from_row(row))
            except (EpcsError, ValueError, TypeError, KeyError) as exc:
                self.vault.set_aside.append(self.vault.set_aside_device(row, type(exc).__name__))
                return self.devices()
        return result

    def primary(self) -> erx.Device | None:
        return next((d for d in self.devices() if d.is_primary), None)

    def device(self, nickname: str) -> erx.Device:
        key = erx.nickname_key(nickname)
        for d in self.devices():
            if d.nickname.casefold() == key:
                return d
        raise RuleError(f"There is no device called '{erx.normalise_nickname(nickname)}'.")

    def _row(self, db: _Tx, nickname: str) -> Any:
        row = db.execute(
            "SELECT id, nickname, is_primary FROM device WHERE nickname_key = ?",
            (erx.nickname_key(nickname),),
        ).fetchone()
        if row is None:
            raise RuleError(f"There is no device called '{erx.normalise_nickname(nickname)}'.")
        return row

    def add_device(
        self,
        nickname: str,
        option: erx.DeviceOption | str,
        otp: OtpParams | None = None,
        make_primary: bool = False,
    ) -> erx.Device:
        """Add a device; the first one becomes primary whatever `make_primary` says."""
        nickname = erx.normalise_nickname(nickname)
        try:
            option = erx.DeviceOption(option)
        except ValueError:
            raise RuleError(f"'{str(option)[:30]}' is not a device option.") from None
        if option is erx.DeviceOption.GENERATOR_HERE and otp is None:
            raise RuleError("A code generator held in this app needs its secret key or QR code.")
        if option is not erx.DeviceOption.GENERATOR_HERE and otp is not None:
            raise RuleError("Only a code generator held in this app stores a secret key.")
        uri = encode_otp(otp)
        with self.vault.transaction() as db:
            self._check_free(db, nickname)
            has_primary = db.execute("SELECT 1 FROM device WHERE is_primary = 1").fetchone() is not None
            primary = make_primary or not has_primary
            if primary:
                db.execute("UPDATE device SET is_primary = 0 WHERE is_primary = 1")
            cur = db.execute(
                "INSERT INTO device(nickname, nickname_key, option, added_at, is_primary, otp_uri) "
                "VALUES(?, ?, ?, ?, ?, ?)",
                (nickname, nickname.casefold(), option.value, time.time(), int(primary), uri),
            )
            new_id = cur.lastrowid
            detail = f"'{nickname}' ({erx.option_label(option)}) was added"
            self._log(db, "device added", detail + (" as the primary device." if primary else "."))
            row = db.execute("SELECT * FROM device WHERE id = ?", (new_id,)).fetchone()
        self._changed()
        return device_from_row(row)

    def _check_free(self, db: _Tx, nickname: str, except_id: int | None = None) -> None:
        row = db.execute(
            "SELECT id, nickname FROM device WHERE nickname_key = ?", (nickname.casefold(),)
        ).fetchone()
        if row is not None and row["id"] != except_id:
            raise RuleError(f"There is already a device called '{row['nickname']}'; choose another nickname.")

    def rename_device(self, old: str, new: str) -> erx.Device:
        new = erx.normalise_nickname(new)
        with self.vault.transaction() as db:
            row = self._row(db, old)
            self._check_free(db, new, except_id=row["id"])
            db.execute(
                "UPDATE device SET nickname = ?, nickname_key = ? WHERE id = ?",
                (new, new.casefold(), row["id"]),
            )
            self._log(db, "device renamed", f"'{row['nickname']}' was renamed to '{new}'.")
            updated = db.execute("SELECT * FROM device WHERE id = ?", (row["id"],)).fetchone()
        self._changed()
        return device_from_row(updated)

    def set_primary(self, nickname: str) -> erx.Device:
        with self.vault.transaction() as db:
            row = self._row(db, nickname)
            if not row["is_primary"]:
                db.execute("UPDATE device SET is_primary = 0 WHERE is_primary = 1")
                db.execute("UPDATE device SET is_primary = 1 WHERE id = ?", (row["id"],))
                self._log(db, "primary changed", f"'{row['nickname']}' is now the primary device.")
            updated = db.execute("SELECT * FROM device WHERE id = ?", (row["id"],)).fetchone()
        self._changed()
        return device_from_row(updated)

    def remove_device(self, nickname: str, successor: str | None = None) -> str | None:
        """Remove a device, keeping exactly one primary.

        Removing the primary while two or more others remain requires naming the
        successor; with one other left it is promoted and the returned notice says so.
        """
        notice: str | None = None
        with self.vault.transaction() as db:
            row = self._row(db, nickname)
            others = db.execute(
                "SELECT id, nickname FROM device WHERE id != ? ORDER BY id", (row["id"],)
            ).fetchall()
            heir = None
            if successor is not None and str(successor).strip():
                if not row["is_primary"]:
                    raise RuleError(
                        f"'{row['nickname']}' is not the primary device, so no successor is needed."
                    )
                heir = self._row(db, successor)
                if heir["id"] == row["id"]:
                    raise RuleError("A device cannot succeed itself; name one of the other devices.")
            elif row["is_primary"] and len(others) > 1:
                names = ", ".join(f"'{o['nickname']}'" for o in others)
                raise RuleError(
                    f"'{row['nickname']}' is the primary device: name the device that becomes primary "
                    f"({names})."
                )
            elif row["is_primary"] and len(others) == 1:
                heir = others[0]
            db.execute("DELETE FROM device WHERE id = ?", (row["id"],))
            detail = f"'{row['nickname']}' was removed."
            if heir is not None:
                db.execute("UPDATE device SET is_primary = 1 WHERE id = ?", (heir["id"],))
                notice = f"'{heir['nickname']}' is now the primary device."
                detail += " " + notice
            self._log(db, "device removed", detail)
        self._changed()
        return notice

    # -- prescriber, identity, settings -------------------------------------------------------

    def prescriber(self) -> erx.PrescriberInfo:
        data = self.vault.get_record("prescriber", {}) or {}
        fields = {k: str(data.get(k, "")) for k in ("state", "license_number", "dea_number", "npi")}
        return erx.PrescriberInfo(**fields)

    def set_prescriber(self, info: erx.PrescriberInfo) -> erx.PrescriberInfo:
        info = erx.validate_prescriber(info)
        self._put_record(
            "prescriber", asdict(info), "prescriber info changed", "Prescriber info was updated."
        )
        return info

    def identity(self) -> erx.IdentityConfirmation:
        data = self.vault.get_record("identity", {}) or {}
        return erx.IdentityConfirmation(
            confirmed=bool(data.get("confirmed", False)),
            confirmed_on=data.get("confirmed_on"),
            note=str(data.get("note", "")),
        )

    def set_identity(self, conf: erx.IdentityConfirmation) -> erx.IdentityConfirmation:
        conf = erx.validate_identity(conf)
        what = (
            f"confirmed on {conf.confirmed_on}"
            if conf.confirmed_on
            else ("confirmed" if conf.confirmed else "not confirmed")
        )
        self._put_record(
            "identity", asdict(conf), "identity confirmation changed", f"Identity marked {what}."
        )
        return conf

    def settings(self) -> dict[str, Any]:
        """Every declared setting: stored values over defaults (a stored value that no longer validates
        falls back to the default instead of breaking the profile)."""
        values = settings.defaults()
        stored = self.vault.get_record("settings", {}) or {}
        for key, value in stored.items():
            try:
                values[key] = settings.coerce(key, value)
            except EpcsError:
                logger.warning("ignoring stored setting %s that no longer validates", key)
        return values

    def set_setting(self, key: str, value: Any) -> Any:
        value = settings.coerce(key, value)
        with self.vault.transaction() as db:
            row = db.execute("SELECT value FROM record WHERE key = 'settings'").fetchone()
            stored = json.loads(row[0]) if row else {}
            stored[key] = value
            db.execute(
                "INSERT INTO record(key, value) VALUES('settings', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (json.dumps(stored, sort_keys=True),),
            )
            self._log(db, "setting changed", f"{settings.setting(key).label} set to {value}.")
        self._changed()
        return value

    def _put_record(self, key: str, value: Any, action: str, detail: str) -> None:
        with self.vault.transaction() as db:
            db.execute(
                "INSERT INTO record(key, value) VALUES(?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, sort_keys=True)),
            )
            self._log(db, action, detail)
        self._changed()

    # -- activity -----------------------------------------------------------------------------

    def activity(self, limit: int | None = None) -> list[ActivityEntry]:
        """Newest first."""
        sql = "SELECT at, action, detail FROM activity ORDER BY id DESC"
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (int(limit),)
        return [ActivityEntry(float(r[0]), str(r[1]), str(r[2])) for r in self.vault.query(sql, params)]

    def log_activity(self, action: str, detail: str) -> None:
        """For other services (backup written, codes imported). Never pass a secret here."""
        with self.vault.transaction() as db:
            self._log(db, action, detail)
        self._changed()

    # -- snapshots (backups) ------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything needed to rebuild the profile, secrets included: only ever write it encrypted."""
        return {
            "format": SNAPSHOT_FORMAT,
            "version": SNAPSHOT_VERSION,
            "profile": self.name,
            "taken_at": time.time(),
            "devices": [
                {
                    "nickname": d.nickname,
                    "option": d.option.value,
                    "added_at": d.added_at,
                    "is_primary": d.is_primary,
                    "otp_uri": encode_otp(d.otp),
                }
                for d in self.devices()
            ],
            "prescriber": asdict(self.prescriber()),
            "identity": asdict(self.identity()),
            "settings": self.vault.get_record("settings", {}) or {},
        }

    def apply_snapshot(self, snapshot: dict[str, Any], mode: Literal["merge", "replace"] = "merge") -> str:
        """Restore a snapshot in one transaction; returns a one-line summary.

        replace: the profile becomes exactly the snapshot. merge: devices whose
        nickname is new are added (a clash with a different device gets " (2)"),
        identical ones are skipped, the current primary stays, and prescriber,
        identity and settings fill in only what is still empty.
        """
        if mode not in ("merge", "replace"):
            raise RuleError("Restore mode must be 'merge' or 'replace'.")
        devices, prescriber, identity, stored_settings = _read_snapshot(snapshot)
        added = skipped = 0
        with self.vault.transaction() as db:
            if mode == "replace":
                db.execute("DELETE FROM device")
                db.execute("DELETE FROM record WHERE key IN ('prescriber', 'identity', 'settings')")
            existing = {
                r["nickname_key"]: r["otp_uri"] or r["option"]
                for r in db.execute("SELECT nickname_key, option, otp_uri FROM device").fetchall()
            }
            has_primary = bool(db.execute("SELECT 1 FROM device WHERE is_primary = 1").fetchone())
            for dev in devices:
                same = dev["otp_uri"] or dev["option"]
                nickname, n = dev["nickname"], 2
                # walk "Name", "Name (2)", ...: stop at the same device (skip) or a free name (add)
                while nickname.casefold() in existing and existing[nickname.casefold()] != same:
                    nickname = f"{dev['nickname'][:58]} ({n})"
                    n += 1
                if nickname.casefold() in existing:
                    skipped += 1
                    continue
                primary = dev["is_primary"] and not has_primary
                has_primary = has_primary or primary
                db.execute(
                    "INSERT INTO device(nickname, nickname_key, option, added_at, is_primary, otp_uri) "
                    "VALUES(?, ?, ?, ?, ?, ?)",
                    (
                        nickname,
                        nickname.casefold(),
                        dev["option"],
                        dev["added_at"],
                        int(primary),
                        dev["otp_uri"],
                    ),
                )
                existing[nickname.casefold()] = same
                added += 1
            if not has_primary:
                db.execute("UPDATE device SET is_primary = 1 WHERE id = (SELECT min(id) FROM device)")
            current = {r["key"] for r in db.execute("SELECT key FROM record").fetchall()}
            records = {"prescriber": prescriber, "identity": identity, "settings": stored_settings}
            for key, value in records.items():
                if mode == "replace" or key not in current:
                    db.execute(
                        "INSERT INTO record(key, value) VALUES(?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        (key, json.dumps(value, sort_keys=True)),
                    )
            summary = f"Restored from a backup ({mode}): {added} device(s) added" + (
                f", {skipped} already present." if skipped else "."
            )
            self._log(db, "backup restored", summary)
        self._changed()
        return summary


def _read_snapshot(snapshot: dict[str, Any]) -> tuple[list[dict[str, Any]], dict, dict, dict]:
    """Validate a snapshot completely before anything is written."""
    if not isinstance(snapshot, dict) or snapshot.get("format") != SNAPSHOT_FORMAT:
        raise RuleError("This is not an EPCS Desktop profile backup.")
    if snapshot.get("version") != SNAPSHOT_VERSION:
        raise RuleError("This backup was made by a newer EPCS Desktop; please update the app.")
    devices = []
    seen: set[str] = set()
    try:
        for raw in snapshot.get("devices", []):
            nickname = erx.normalise_nickname(raw["nickname"])
            if nickname.casefold() in seen:
                raise RuleError(f"The backup lists the device '{nickname}' twice.")
            seen.add(nickname.casefold())
            option = erx.DeviceOption(raw["option"])
            uri = None
            if option is erx.DeviceOption.GENERATOR_HERE:
                uri = encode_otp(parse_uri(str(raw.get("otp_uri"))))
            devices.append(
                {
                    "nickname": nickname,
                    "option": option.value,
                    "added_at": float(raw["added_at"]),
                    "is_primary": bool(raw.get("is_primary")),
                    "otp_uri": uri,
                }
            )
        prescriber = asdict(erx.validate_prescriber(erx.PrescriberInfo(**snapshot.get("prescriber", {}))))
        identity = asdict(erx.validate_identity(erx.IdentityConfirmation(**snapshot.get("identity", {}))))
        stored_settings = {k: settings.coerce(k, v) for k, v in dict(snapshot.get("settings", {})).items()}
    except (KeyError, TypeError, ValueError, sqlcipher3.Error):
        raise RuleError("This backup is damaged: a device or setting in it cannot be read.") from None
    return devices, prescriber, identity, stored_settings
