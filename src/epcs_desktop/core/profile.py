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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
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


HOTP_MESSAGE = (
    "This is a counter-based (HOTP) code; ID.me uses time-based codes (TOTP). "
    "Counter-based codes are not supported here."
)


@dataclass(frozen=True)
class NewDevice:
    """One device for `Profile.add_devices` (the same fields as `Profile.add_device`)."""

    nickname: str
    option: erx.DeviceOption | str
    otp: OtpParams | None = field(default=None, repr=False)
    make_primary: bool = False


def check_new_device(
    nickname: str, option: erx.DeviceOption | str, otp: OtpParams | None = None
) -> tuple[str, erx.DeviceOption]:
    """Validate a device to be added, without storage: (normalised nickname, option) or RuleError.

    Public so the wizard and importers can show a problem next to the one entry
    it belongs to before anything is saved. HOTP is refused: nothing here ever
    advances a counter, so the same code would show forever, and ID.me and
    DrChrono use time-based codes anyway. Rows already stored as HOTP still load.
    """
    nickname = erx.normalise_nickname(nickname)
    try:
        option = erx.DeviceOption(option)
    except ValueError:
        raise RuleError(f"'{str(option)[:30]}' is not a device option.") from None
    if option is erx.DeviceOption.GENERATOR_HERE and otp is None:
        raise RuleError("A code generator held in this app needs its secret key or QR code.")
    if option is not erx.DeviceOption.GENERATOR_HERE and otp is not None:
        raise RuleError("Only a code generator held in this app stores a secret key.")
    if otp is not None and otp.kind != "totp":
        raise RuleError(HOTP_MESSAGE)
    return nickname, option


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
            if erx.nickname_key(d.nickname) == key:
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
        return self.add_devices([NewDevice(nickname, option, otp, make_primary)])[0]

    def add_devices(self, items: Iterable[NewDevice | Sequence[Any]]) -> list[erx.Device]:
        """Add several devices all-or-nothing: one transaction, one activity entry per device.

        Why: enrolling the accounts of one export (wizard Finish, `import`) is one
        decision; saving the first and failing on the second left a half-done
        enrollment the wizard could not finish. Items are `NewDevice`s or
        ``(nickname, option, otp, make_primary)`` tuples; a later `make_primary`
        wins over an earlier one.
        """
        checked = []
        seen: set[str] = set()
        for item in items:
            new = item if isinstance(item, NewDevice) else NewDevice(*item)
            nickname, option = check_new_device(new.nickname, new.option, new.otp)
            if erx.nickname_key(nickname) in seen:
                raise RuleError(f"Two of the new devices are called '{nickname}'; choose another nickname.")
            seen.add(erx.nickname_key(nickname))
            checked.append((nickname, option, encode_otp(new.otp), new.make_primary))
        if not checked:
            return []
        rows = []
        with self.vault.transaction() as db:
            for nickname, option, uri, make_primary in checked:
                self._check_free(db, nickname)
                has_primary = db.execute("SELECT 1 FROM device WHERE is_primary = 1").fetchone() is not None
                primary = make_primary or not has_primary
                if primary:
                    db.execute("UPDATE device SET is_primary = 0 WHERE is_primary = 1")
                cur = db.execute(
                    "INSERT INTO device(nickname, nickname_key, option, added_at, is_primary, otp_uri) "
                    "VALUES(?, ?, ?, ?, ?, ?)",
                    (nickname, erx.nickname_key(nickname), option.value, time.time(), int(primary), uri),
                )
                detail = f"'{nickname}' ({erx.option_label(option)}) was added"
                self._log(db, "device added", detail + (" as the primary device." if primary else "."))
                rows.append(cur.lastrowid)
            # read back after the loop: a later make_primary may have demoted an earlier device
            stored = [db.execute("SELECT * FROM device WHERE id = ?", (i,)).fetchone() for i in rows]
        self._changed()
        return [device_from_row(row) for row in stored]

    def _check_free(self, db: _Tx, nickname: str, except_id: int | None = None) -> None:
        row = db.execute(
            "SELECT id, nickname FROM device WHERE nickname_key = ?", (erx.nickname_key(nickname),)
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
                (new, erx.nickname_key(new), row["id"]),
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
        return self.set_settings({key: value})[key]

    def set_settings(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Change several settings as one change: one transaction, one activity entry.

        Why: the Settings dialog's OK is one decision; saving it setting by
        setting could leave half of it stored and the activity log in pieces.
        Every value is validated before anything is written. Returns the coerced values.
        """
        coerced = {key: settings.coerce(key, value) for key, value in values.items()}
        if not coerced:
            return {}
        with self.vault.transaction() as db:
            row = db.execute("SELECT value FROM record WHERE key = 'settings'").fetchone()
            stored = json.loads(row[0]) if row else {}
            stored.update(coerced)
            db.execute(
                "INSERT INTO record(key, value) VALUES('settings', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (json.dumps(stored, sort_keys=True),),
            )
            detail = "; ".join(f"{settings.setting(k).label} set to {v}" for k, v in coerced.items())
            self._log(db, "setting changed", detail + ".")
        self._changed()
        return coerced

    def put_record(self, key: str, value: Any, action: str, detail: str) -> None:
        """Store one JSON fact in the record table with its activity entry, as one change.

        For services that keep small facts in the profile (e.g. when the last backup
        was made): the fact and its activity entry commit together. No secrets.
        """
        self._put_record(key, value, action, detail)

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

    def plan_restore(self, snapshot: dict[str, Any], mode: str = "merge") -> RestorePlan:
        """What `apply_snapshot(snapshot, mode)` will do to the devices, changing nothing (the preview)."""
        _check_mode(mode)
        devices = _read_snapshot(snapshot)[0]
        current = [
            _Current(
                d.nickname, _fingerprint(d.option.value, encode_otp(d.otp)), d.is_primary, d.option.value
            )
            for d in self.devices()
        ]
        return plan_restore(current, devices, mode)

    def apply_snapshot(self, snapshot: dict[str, Any], mode: Literal["merge", "replace"] = "merge") -> str:
        """Restore a snapshot in one transaction; returns a one-line summary.

        replace: the profile becomes exactly the snapshot. merge: devices whose
        nickname is new are added (a clash with a different device gets " (2)"),
        identical ones are skipped, the current primary stays, and prescriber,
        identity and settings fill in only what is still empty. Which device goes
        where is decided by `plan_restore`, the same function the preview uses.
        """
        _check_mode(mode)
        devices, prescriber, identity, stored_settings = _read_snapshot(snapshot)
        with self.vault.transaction() as db:
            rows = db.execute(
                "SELECT nickname, option, otp_uri, is_primary FROM device ORDER BY id"
            ).fetchall()
            current = [
                _Current(
                    r["nickname"], _fingerprint(r["option"], r["otp_uri"]), bool(r["is_primary"]), r["option"]
                )
                for r in rows
            ]
            plan = plan_restore(current, devices, mode)
            if mode == "replace":
                db.execute("DELETE FROM device")
                db.execute("DELETE FROM record WHERE key IN ('prescriber', 'identity', 'settings')")
            for step in plan.steps:
                if not step.added:
                    continue
                db.execute(
                    "INSERT INTO device(nickname, nickname_key, option, added_at, is_primary, otp_uri) "
                    "VALUES(?, ?, ?, ?, 0, ?)",
                    (
                        step.nickname,
                        erx.nickname_key(step.nickname),
                        step.device["option"],
                        step.device["added_at"],
                        step.device["otp_uri"],
                    ),
                )
            if plan.primary is not None:
                db.execute("UPDATE device SET is_primary = 0 WHERE is_primary = 1")
                made = db.execute(
                    "UPDATE device SET is_primary = 1 WHERE nickname_key = ?",
                    (erx.nickname_key(plan.primary),),
                )
                if made.rowcount != 1:  # a row stored with an old-style key: never leave no primary
                    db.execute("UPDATE device SET is_primary = 1 WHERE id = (SELECT min(id) FROM device)")
            current_keys = {r["key"] for r in db.execute("SELECT key FROM record").fetchall()}
            records = {"prescriber": prescriber, "identity": identity, "settings": stored_settings}
            for key, value in records.items():
                if mode == "replace" or key not in current_keys:
                    db.execute(
                        "INSERT INTO record(key, value) VALUES(?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        (key, json.dumps(value, sort_keys=True)),
                    )
            added, skipped = plan.added, plan.skipped
            summary = f"Restored from a backup ({mode}): {added} device(s) added" + (
                f", {skipped} already present." if skipped else "."
            )
            self._log(db, "backup restored", summary)
        self._changed()
        return summary


# -- restore planning: one function decides, the preview and the restore both use it ------------


@dataclass(frozen=True)
class _Current:
    """A device already in the profile as the planner sees it (the fingerprint is only compared)."""

    nickname: str
    fingerprint: str = field(repr=False)
    is_primary: bool
    option: str


@dataclass(frozen=True)
class RestoreStep:
    """What happens to one device of the backup: added under `nickname`, or already there as `nickname`."""

    device: dict[str, Any] = field(repr=False)  # the validated snapshot entry (holds the secret)
    nickname: str
    added: bool

    @property
    def backup_name(self) -> str:
        return str(self.device["nickname"])

    @property
    def option_label(self) -> str:
        return erx.option_label(self.device["option"])


@dataclass(frozen=True)
class RestorePlan:
    """The device side of a restore. `removed`: (nickname, option label) that replace deletes."""

    mode: str
    removed: tuple[tuple[str, str], ...]
    steps: tuple[RestoreStep, ...]
    primary: str | None  # the primary device afterwards (None: the profile ends up empty)

    @property
    def added(self) -> int:
        return sum(1 for s in self.steps if s.added)

    @property
    def skipped(self) -> int:
        return sum(1 for s in self.steps if not s.added)


def plan_restore(current: Sequence[_Current], devices: Sequence[dict[str, Any]], mode: str) -> RestorePlan:
    """Decide, for each device of a backup, whether it is added (under which name) or already present.

    Walk "Name", "Name (2)", ... (`erx.nickname_candidates`): a candidate held
    by the same device (same secret, or same option for devices without one)
    means it is already present; a free candidate is where it is added. The
    primary afterwards: merge keeps the current one; otherwise the backup's
    primary if it is added, else the first device.
    """
    _check_mode(mode)
    kept = [] if mode == "replace" else list(current)
    removed = tuple((c.nickname, erx.option_label(c.option)) for c in current) if mode == "replace" else ()
    existing = {erx.nickname_key(c.nickname): c.fingerprint for c in kept}
    primary = next((c.nickname for c in kept if c.is_primary), None)
    steps = []
    for dev in devices:
        same = _fingerprint(dev["option"], dev["otp_uri"])
        for candidate in erx.nickname_candidates(dev["nickname"]):
            key = erx.nickname_key(candidate)
            if key not in existing or existing[key] == same:
                break
        added = key not in existing
        if added:
            existing[key] = same
            if dev["is_primary"] and primary is None:
                primary = candidate
        steps.append(RestoreStep(dev, candidate, added))
    if primary is None:
        first = [c.nickname for c in kept] + [s.nickname for s in steps if s.added]
        primary = first[0] if first else None
    return RestorePlan(mode, removed, tuple(steps), primary)


def _fingerprint(option: str, otp_uri: str | None) -> str:
    """What makes two devices "the same": the canonical otpauth URI, or the option when there is no secret.

    Canonical (parsed and rebuilt) so a row stored by an older version, with its
    parameters in another order, still matches the same account in a backup.
    """
    if not otp_uri:
        return str(option)
    try:
        return encode_otp(parse_uri(otp_uri)) or str(otp_uri)
    except EpcsError:
        return str(otp_uri)


def _check_mode(mode: str) -> None:
    if mode not in ("merge", "replace"):
        raise RuleError("Restore mode must be 'merge' or 'replace'.")


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
            if erx.nickname_key(nickname) in seen:
                raise RuleError(f"The backup lists the device '{nickname}' twice.")
            seen.add(erx.nickname_key(nickname))
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
