"""The profile service: the only writer of a profile's encrypted storage.

Every front end (window, CLI, front-desk dialogs, backup restore, importers)
changes a profile only through this class, so every change is validated the
same way, is one transaction, and leaves exactly one activity entry (what
happened, to which device; never a secret). Listeners get a typed event
(`core.events`) after the commit, so a view that refreshes never sees a
half-applied state and knows what changed.

Rules that live here and nowhere else: exactly one primary device
(`_settle_primary`), the hand-over state (temporary password), the guide's
stored progress, settings with the registry's defaults, and which device rows
are repaired or set aside when a profile opens. "Same account" and nicknames
for new devices are `core.enrollment`'s; the password rule is `core.passwords`'.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import sqlcipher3

from epcs_desktop.core import erx, settings
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.enrollment import (
    HOTP_MESSAGE,
    Candidate,
    EnrollmentPlan,
    account_key,
    check_new_device,
    plan_enrollment,
)
from epcs_desktop.core.errors import EpcsError, RuleError
from epcs_desktop.core.events import (
    ActivityAdded,
    DevicesChanged,
    GuideChanged,
    HandoverChanged,
    IdentityChanged,
    PasswordChanged,
    PrescriberChanged,
    ProfileEvent,
    RecordChanged,
    Restored,
    SettingsChanged,
)
from epcs_desktop.core.guide import GUIDE_STATE_KEY
from epcs_desktop.core.handover import HANDOVER_KEY
from epcs_desktop.core.otpauth import OtpParams, parse_uri
from epcs_desktop.core.passwords import SAME_AS_TEMPORARY, check_new_password
from epcs_desktop.core.policy import current_policy
from epcs_desktop.core.settings import Settings
from epcs_desktop.core.vault import (
    Vault,
    _Tx,
    append_activity,
    delete_record,
    device_from_row,
    encode_otp,
    upsert_record,
)

logger = logging.getLogger(__name__)

__all__ = [
    "HOTP_MESSAGE",
    "ActivityEntry",
    "NewDevice",
    "Profile",
    "check_new_device",
]

SNAPSHOT_FORMAT = "epcs-desktop-profile"
SNAPSHOT_VERSION = 1


# One device to add: the same fields as `Profile.add_device` (an enrollment candidate).
NewDevice = Candidate

Listener = Callable[[ProfileEvent], None]


@dataclass(frozen=True)
class ActivityEntry:
    at: float
    action: str
    detail: str


def _password_hasher() -> Any:
    from argon2 import PasswordHasher  # only for hand-over profiles

    return PasswordHasher()


class Profile:
    """An unlocked clinician profile: devices, prescriber info, identity, settings, activity."""

    def __init__(self, vault: Vault, name: str, clock: Clock | None = None) -> None:
        self.vault = vault
        self.name = name
        self.clock: Clock = clock if clock is not None else vault.clock
        self._listeners: list[Listener] = []
        self.set_aside: list[str] = []  # one message per stored row that was set aside (this session)
        # id -> (the row's stored values, its Device): rows are decoded once, not at every read (the
        # opening check and the first `devices()` of an unlock read the same 1,000 rows).
        self._decoded: dict[int, tuple[tuple[Any, ...], erx.Device]] = {}
        self._check_stored_rows()

    def __repr__(self) -> str:
        return f"Profile(name={self.name!r})"

    # -- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        self._decoded.clear()  # no decoded secret outlives the lock
        self.vault.close()

    @property
    def is_open(self) -> bool:
        """False once closed (lock, auto-lock, switch): front ends ask this, never the vault."""
        return bool(self.vault.is_open)

    def check_integrity(self) -> list[str]:
        """Every page's check (`Vault.check_integrity`): problem lines, empty when intact."""
        return list(self.vault.check_integrity())

    @property
    def path(self) -> Path:
        """The profile's file (backups must never be written over it)."""
        return self.vault.path

    def __enter__(self) -> Profile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def change_password(self, new: str, confirm: str | None = None) -> None:
        """Re-key the file with `new` (the one password policy). On a hand-over profile this is
        `replace_temporary_password`, so the temporary password can never be "changed" to itself."""
        if self.requires_new_password:
            self.replace_temporary_password(new, new if confirm is None else confirm)
            return
        self.vault.change_password(check_new_password(new, confirm))
        with self.vault.transaction() as db:
            self._log(db, "password changed", "The profile password was changed.")
        self._emit(PasswordChanged())

    # -- listeners ----------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        """`listener(event)` is called after every committed change, with what changed (`core.events`)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: ProfileEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken view must not undo or hide a committed change
                logger.exception("profile listener failed")

    def _log(self, db: _Tx, action: str, detail: str) -> None:
        append_activity(db, self.clock.now(), action, detail)

    # -- stored rows: repaired or set aside when the profile opens ----------------------------

    def _check_stored_rows(self) -> None:
        """Repair nicknames stored in a non-normal form, then set aside rows that no longer decode.

        Earlier versions' restore and migration could store "Name  (2)" (double
        space): such a device decodes, but its stored key matches nothing a
        person types, so it could not be renamed, made primary or removed. A row
        that does not decode at all (its stored URI stopped parsing) is moved to
        the ``set_aside`` table and reported once in `set_aside`; it never stops
        the rest of the profile from opening. Writes only when needed.
        """
        rows = self.vault.query("SELECT * FROM device ORDER BY id")
        fixes: list[tuple[int, str, str]] = []
        bad: list[tuple[Any, str]] = []
        taken: set[str] = set()
        for row in rows:
            try:
                name = erx.normalise_nickname(row["nickname"], stored=True)
            except EpcsError:
                bad.append((row, "RuleError"))
                continue
            if name == row["nickname"] and erx.nickname_key(name) == row["nickname_key"]:
                taken.add(row["nickname_key"])
            else:
                fixes.append((int(row["id"]), str(row["nickname"]), name))
            try:
                self._decode(row)
            except (EpcsError, ValueError, TypeError, KeyError) as exc:
                bad.append((row, type(exc).__name__))
        if fixes:
            self._repair_nicknames(fixes, taken)
        for row, reason in bad:
            self._set_aside(row, reason)
        if rows and not any(r["is_primary"] for r in rows):  # e.g. migrated from v1 without a primary
            with self.vault.transaction() as db:
                made = self._settle_primary(db)
                if made is not None:
                    self._log(db, "primary changed", f"“{made[1]}” is now the primary device.")

    def _repair_nicknames(self, fixes: list[tuple[int, str, str]], taken: set[str]) -> None:
        with self.vault.transaction() as db:
            for row_id, old, name in fixes:
                new = erx.unique_nickname(name, taken)
                try:
                    db.execute(
                        "UPDATE device SET nickname = ?, nickname_key = ? WHERE id = ?",
                        (new, erx.nickname_key(new), row_id),
                    )
                except sqlcipher3.IntegrityError:  # cannot happen with `taken`; never block opening
                    logger.warning("device row %s keeps its stored nickname", row_id)
                    continue
                taken.add(erx.nickname_key(new))
                self._log(db, "device renamed", f"“{old[:64]}” is now stored as “{new}”.")
        logger.info("repaired %d stored nickname(s)", len(fixes))

    def _set_aside(self, row: Any, reason: str) -> str:
        """Move one undecodable device row aside and keep exactly one primary."""
        label = str(row["nickname"])[:64]
        message = f"Device “{label}” was set aside because its stored details can no longer be read."
        with self.vault.transaction() as db:
            self.vault.set_aside_row(db, row, reason)
            promoted = self._settle_primary(db)
            if promoted is not None:
                message += f" “{promoted[1]}” is now the primary device."
            self._log(db, "device set aside", message)
        logger.warning("set aside device row %s (%s)", row["id"], reason)
        self.set_aside.append(message)
        return message

    # -- the one primary device ---------------------------------------------------------------

    @staticmethod
    def _settle_primary(db: _Tx, prefer: int | None = None) -> tuple[int, str] | None:
        """THE primary-device rule: exactly one primary while any device exists.

        `prefer` (a device id) becomes the primary; otherwise a profile left
        without one promotes its oldest device. Returns (id, nickname) of a
        device that became primary by this call, else None.
        """
        current = db.execute("SELECT id FROM device WHERE is_primary = 1").fetchone()
        target = prefer
        if target is None:
            if current is not None:
                return None
            first = db.execute("SELECT id FROM device ORDER BY id LIMIT 1").fetchone()
            if first is None:
                return None
            target = int(first["id"])
        if current is not None and int(current["id"]) == target:
            return None
        db.execute("UPDATE device SET is_primary = 0 WHERE is_primary = 1")
        db.execute("UPDATE device SET is_primary = 1 WHERE id = ?", (target,))
        row = db.execute("SELECT nickname FROM device WHERE id = ?", (target,)).fetchone()
        return target, str(row["nickname"])

    # -- devices ------------------------------------------------------------------------------

    def _decode(self, row: Any) -> erx.Device:
        """`device_from_row`, remembered per row id while the row's stored values stay the same."""
        values = tuple(row)
        cached = self._decoded.get(int(row["id"]))
        if cached is not None and cached[0] == values:
            return cached[1]
        device = device_from_row(row)
        self._decoded[device.id] = (values, device)
        return device

    def devices(self) -> list[erx.Device]:
        """Every device in the order it was added. A row that stopped decoding is set aside, not fatal."""
        result = []
        for row in self.vault.query("SELECT * FROM device ORDER BY id"):
            try:
                result.append(self._decode(row))
            except (EpcsError, ValueError, TypeError, KeyError) as exc:
                self._set_aside(row, type(exc).__name__)
                return self.devices()
        return result

    def primary(self) -> erx.Device | None:
        return next((d for d in self.devices() if d.is_primary), None)

    def device(self, nickname: str) -> erx.Device:
        key = erx.nickname_key(nickname)
        for d in self.devices():
            if erx.nickname_key(d.nickname) == key:
                return d
        raise RuleError(f"There is no device called “{erx.normalise_nickname(nickname)}”.")

    def _row(self, db: _Tx, nickname: str) -> Any:
        row = db.execute(
            "SELECT id, nickname, is_primary FROM device WHERE nickname_key = ?",
            (erx.nickname_key(nickname),),
        ).fetchone()
        if row is None:
            raise RuleError(f"There is no device called “{erx.normalise_nickname(nickname)}”.")
        return row

    def _devices_in(self, db: _Tx) -> list[erx.Device]:
        """The devices as this transaction sees them (rows that do not decode are left for `devices()`)."""
        out = []
        for row in db.execute("SELECT * FROM device ORDER BY id").fetchall():
            try:
                out.append(self._decode(row))
            except (EpcsError, ValueError, TypeError, KeyError):
                continue
        return out

    def plan_enrollment(self, candidates: Iterable[Candidate]) -> EnrollmentPlan:
        """What `enroll` would do with `candidates` against this profile now (changes nothing)."""
        return plan_enrollment(self.devices(), list(candidates))

    def add_device(
        self,
        nickname: str,
        option: erx.DeviceOption | str,
        otp: OtpParams | None = None,
        make_primary: bool = False,
    ) -> erx.Device:
        """Add a device; the first one becomes primary whatever `make_primary` says.

        An account the profile already holds is refused ("This account is
        already in this profile as “NICK”."), as is a nickname already used.
        """
        return self.enroll([Candidate(nickname, option, otp, make_primary)])[0]

    def add_devices(self, items: Iterable[Candidate | Sequence[Any]]) -> list[erx.Device]:
        """Add several devices all-or-nothing (`enroll` with candidates; tuples are accepted too)."""
        return self.enroll([i if isinstance(i, Candidate) else Candidate(*i) for i in items])

    def enroll(self, plan_or_candidates: EnrollmentPlan | Iterable[Candidate]) -> list[erx.Device]:
        """Add devices all-or-nothing: one transaction, one activity entry per device, one event.

        Given candidates, every one must be NEW (`plan_enrollment`), else nothing
        is added and the first problem is the RuleError. Given a plan (the
        importer decided to skip its duplicates and refusals), its NEW entries
        are added under the planned nicknames, after checking again inside the
        transaction (another window may have added the same account meanwhile).
        A later `make_primary` wins over an earlier one.
        """
        if isinstance(plan_or_candidates, EnrollmentPlan):
            candidates = [replace(e.candidate, nickname=e.nickname) for e in plan_or_candidates.new]
        else:
            candidates = list(plan_or_candidates)
        if not candidates:
            return []
        ids: list[int] = []
        with self.vault.transaction() as db:
            plan = plan_enrollment(self._devices_in(db), candidates)
            problem = plan.first_problem()
            if problem is not None:
                raise RuleError(problem)
            before = db.execute("SELECT id FROM device WHERE is_primary = 1").fetchone()
            for entry in plan.entries:
                cand = entry.candidate
                self._check_free(db, entry.nickname)  # also against rows that no longer decode
                cur = db.execute(
                    "INSERT INTO device(nickname, nickname_key, option, added_at, is_primary, otp_uri) "
                    "VALUES(?, ?, ?, ?, 0, ?)",
                    (
                        entry.nickname,
                        erx.nickname_key(entry.nickname),
                        entry.option.value,
                        self.clock.now(),
                        encode_otp(cand.otp),
                    ),
                )
                new_id = int(cur.lastrowid)
                ids.append(new_id)
                made = self._settle_primary(db, new_id if cand.make_primary else None)
                detail = f"“{entry.nickname}” ({erx.option_label(entry.option)}) was added"
                self._log(db, "device added", detail + (" as the primary device." if made else "."))
            after = db.execute("SELECT id FROM device WHERE is_primary = 1").fetchone()
            # read back after the loop: a later make_primary may have demoted an earlier device
            stored = [db.execute("SELECT * FROM device WHERE id = ?", (i,)).fetchone() for i in ids]
        changed = after is not None and (before is None or int(before["id"]) != int(after["id"]))
        self._emit(DevicesChanged(added=tuple(ids), primary=int(after["id"]) if changed else None))
        return [device_from_row(row) for row in stored]

    def _check_free(self, db: _Tx, nickname: str, except_id: int | None = None) -> None:
        row = db.execute(
            "SELECT id, nickname FROM device WHERE nickname_key = ?", (erx.nickname_key(nickname),)
        ).fetchone()
        if row is not None and row["id"] != except_id:
            raise RuleError(f"There is already a device called “{row['nickname']}”; choose another nickname.")

    def rename_device(self, old: str, new: str) -> erx.Device:
        new = erx.normalise_nickname(new)
        with self.vault.transaction() as db:
            row = self._row(db, old)
            self._check_free(db, new, except_id=row["id"])
            db.execute(
                "UPDATE device SET nickname = ?, nickname_key = ? WHERE id = ?",
                (new, erx.nickname_key(new), row["id"]),
            )
            self._log(db, "device renamed", f"“{row['nickname']}” was renamed to “{new}”.")
            updated = db.execute("SELECT * FROM device WHERE id = ?", (row["id"],)).fetchone()
        self._emit(DevicesChanged(renamed=(int(row["id"]),)))
        return device_from_row(updated)

    def next_hotp_code(self, device_id: int) -> str:
        """The next code of a counter-based (HOTP) generator; its stored counter moves on by one (issue 13).

        One transaction reads the counter, computes the code for it and stores
        counter + 1, so the stored value is always the next unused one and two
        windows (or a window and the CLI) can never hand out the same code.
        Showing a code never comes here; only the person's "Next code" does.
        The activity entry names the device, never the code.
        """
        from epcs_desktop.core.otp import hotp
        from epcs_desktop.core.otpauth import MAX_COUNTER

        with self.vault.transaction() as db:
            row = db.execute("SELECT * FROM device WHERE id = ?", (int(device_id),)).fetchone()
            if row is None:
                raise RuleError("This code generator is no longer in this profile.")
            device = device_from_row(row)
            params = device.otp
            if params is None or params.kind != "hotp":
                raise RuleError(f"“{device.nickname}” is not a counter-based code generator.")
            if params.counter >= MAX_COUNTER:
                raise RuleError(f"“{device.nickname}” has used every code its counter allows.")
            code = hotp(params)
            db.execute(
                "UPDATE device SET otp_uri = ? WHERE id = ?",
                (encode_otp(replace(params, counter=params.counter + 1)), device.id),
            )
            self._log(db, "HOTP code used", f"“{device.nickname}” made its next code (its counter moved on).")
        self._emit(DevicesChanged(updated=(device.id,)))
        return code

    def set_primary(self, nickname: str) -> erx.Device:
        with self.vault.transaction() as db:
            row = self._row(db, nickname)
            made = self._settle_primary(db, int(row["id"]))
            if made is not None:
                self._log(db, "primary changed", f"“{row['nickname']}” is now the primary device.")
            updated = db.execute("SELECT * FROM device WHERE id = ?", (row["id"],)).fetchone()
        if made is not None:
            self._emit(DevicesChanged(primary=made[0]))
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
                        f"“{row['nickname']}” is not the primary device, so no successor is needed."
                    )
                heir = self._row(db, successor)
                if heir["id"] == row["id"]:
                    raise RuleError("A device cannot succeed itself; name one of the other devices.")
            elif row["is_primary"] and len(others) > 1:
                names = ", ".join(f"“{o['nickname']}”" for o in others)
                raise RuleError(
                    f"“{row['nickname']}” is the primary device: name the device that becomes primary "
                    f"({names})."
                )
            db.execute("DELETE FROM device WHERE id = ?", (row["id"],))
            made = self._settle_primary(db, int(heir["id"]) if heir is not None else None)
            detail = f"“{row['nickname']}” was removed."
            if made is not None:
                notice = f"“{made[1]}” is now the primary device."
                detail += " " + notice
            self._log(db, "device removed", detail)
        self._emit(DevicesChanged(removed=(int(row["id"]),), primary=made[0] if made else None))
        return notice

    # -- prescriber, identity -----------------------------------------------------------------

    def record(self, key: str, default: Any = None) -> Any:
        """A stored fact (JSON) by key, read-only: e.g. `last_backup_at` for the backup reminder."""
        return self.vault.get_record(key, default)

    def prescriber(self) -> erx.PrescriberInfo:
        data = self.vault.get_record("prescriber", {}) or {}
        fields = {k: str(data.get(k, "")) for k in ("state", "license_number", "dea_number", "npi")}
        return erx.PrescriberInfo(**fields)

    def set_prescriber(self, info: erx.PrescriberInfo) -> erx.PrescriberInfo:
        info = erx.validate_prescriber(info)
        self._put("prescriber", asdict(info), "prescriber info changed", "Prescriber info was updated.")
        self._emit(PrescriberChanged())
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
        self._put("identity", asdict(conf), "identity confirmation changed", f"Identity marked {what}.")
        self._emit(IdentityChanged())
        return conf

    # -- settings -----------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        """Typed settings: stored values over the registry's defaults (`profile.settings.camera_index`)."""
        # Machine policy (issue 15): IT's defaults filled in, locked keys forced to the policy's value.
        return Settings.from_stored(current_policy().apply(self.vault.get_record("settings", {}) or {}))

    def stored_settings(self) -> dict[str, Any]:
        """Only the values this profile stored itself (no defaults): what a machine policy is laid over."""
        stored = self.vault.get_record("settings", {}) or {}
        return dict(stored) if isinstance(stored, dict) else {}

    def set_setting(self, key: str, value: Any) -> Any:
        return self.set_settings({key: value})[key]

    def set_settings(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Change several settings as one change: one transaction, one activity entry, one event.

        Why: the Settings dialog's OK is one decision; saving it setting by
        setting could leave half of it stored and the activity log in pieces.
        Every value is validated before anything is written. Returns the coerced values.
        """
        current_policy().refuse_locked(values)  # a key IT locked is refused before anything is written
        coerced = {key: settings.coerce(key, value) for key, value in values.items()}
        if not coerced:
            return {}
        with self.vault.transaction() as db:
            row = db.execute("SELECT value FROM record WHERE key = 'settings'").fetchone()
            stored = json.loads(row[0]) if row else {}
            stored.update(coerced)
            upsert_record(db, "settings", stored)
            detail = "; ".join(f"{settings.setting(k).label} set to {v}" for k, v in coerced.items())
            self._log(db, "setting changed", detail + ".")
        self._emit(SettingsChanged(tuple(coerced)))
        return coerced

    # -- facts kept by services ---------------------------------------------------------------

    def put_record(self, key: str, value: Any, action: str, detail: str) -> None:
        """Store one JSON fact with its activity entry, as one change (e.g. when the last backup was made).

        No secrets. Listeners get `RecordChanged(key)`.
        """
        self._put(key, value, action, detail)
        self._emit(RecordChanged(key))

    def _put(self, key: str, value: Any, action: str, detail: str) -> None:
        with self.vault.transaction() as db:
            upsert_record(db, key, value)
            self._log(db, action, detail)

    # -- hand-over: a profile on a temporary password -----------------------------------------

    def _handover(self) -> dict[str, Any] | None:
        raw = self.vault.get_record(HANDOVER_KEY)
        if raw is None:
            return None
        try:
            data = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            data = None
        if not isinstance(data, dict):
            # A damaged flag must fail safe: insist on a new password.
            logger.warning("hand-over record unreadable; requiring a new password")
            return {"must_change": True, "temp_hash": ""}
        return data

    @property
    def requires_new_password(self) -> bool:
        """True while the profile is on the temporary password it was handed over with."""
        rec = self._handover()
        return bool(rec and rec.get("must_change"))

    @property
    def handed_over_by(self) -> str:
        rec = self._handover()
        return str(rec.get("staff", "")) if rec else ""

    def start_handover(self, temporary_password: str, staff: str = "") -> None:
        """Put the profile on `temporary_password` (it must already open it): flag + hash + entry, one change.

        Only a hash (Argon2id) of the temporary password is kept, and only until
        it is replaced, so the clinician cannot "change" it to itself.
        """
        record = {
            "version": 1,
            "must_change": True,
            "temp_hash": _password_hasher().hash(temporary_password),
            "created_at": self.clock.now(),
            "staff": staff,
        }
        with self.vault.transaction() as db:
            upsert_record(db, HANDOVER_KEY, json.dumps(record))
            self._log(db, "profile handed over", "created by front desk on a temporary password")
        self._emit(HandoverChanged())

    def is_temporary_password(self, password: str) -> bool | None:
        """Whether `password` is the hand-over's temporary one (None: no hash to compare with)."""
        rec = self._handover()
        temp_hash = str((rec or {}).get("temp_hash", ""))
        if not temp_hash:
            return None
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return bool(_password_hasher().verify(temp_hash, password))
        except (VerificationError, InvalidHashError):
            return False

    def check_replacement_password(self, new: str, confirm: str | None = None) -> str:
        """The policy, plus: not the temporary password. No storage change (forms show it inline)."""
        check_new_password(new, confirm)
        if self.requires_new_password and self.is_temporary_password(new):
            raise RuleError(SAME_AS_TEMPORARY)
        return new

    def replace_temporary_password(self, new: str, confirm: str | None = None) -> None:
        """Re-key with the clinician's own password, then clear the hand-over state.

        Order matters for a crash in between. Re-keying first: the worst case is
        a file on the new password with the flag still set, which asks for a new
        password once more (and `ProfileStore.open` clears such a stale flag when
        the password given is not the temporary one). Clearing the flag first
        could leave the temporary password, known to the front desk, opening the
        file with nothing asking to replace it. The re-key itself is atomic
        (SQLCipher re-encrypts every page in one transaction).
        """
        self.check_replacement_password(new, confirm)
        self.vault.change_password(new)
        self._emit(PasswordChanged())
        self._finish_handover("The temporary password was replaced by the clinician's own.")

    def clear_stale_handover(self) -> None:
        """The hand-over flag outlived an interrupted `replace_temporary_password` (see there): clear it.

        Called by `ProfileStore.open` only when the password that opened the
        file is *not* the temporary one, i.e. the re-key had committed.
        """
        self._finish_handover("The temporary password had already been replaced; the reminder was cleared.")

    def _finish_handover(self, detail: str) -> None:
        with self.vault.transaction() as db:
            delete_record(db, HANDOVER_KEY)
            self._log(db, "password changed", detail)
        logger.info("hand-over completed: profile password replaced")
        self._emit(HandoverChanged())

    # -- the change-device guide's progress ---------------------------------------------------

    def guide_state(self) -> str | None:
        """The change-device guide's stored progress (JSON text, no secret), or None."""
        value = self.vault.get_record(GUIDE_STATE_KEY)
        return value if isinstance(value, str) else None

    def set_guide_state(self, value: str | None, detail: str = "") -> None:
        """Store (or, with None, forget) the guide's progress: one change with its activity entry."""
        with self.vault.transaction() as db:
            if value is None:
                delete_record(db, GUIDE_STATE_KEY)
            else:
                upsert_record(db, GUIDE_STATE_KEY, value)
            default = "The change-device guide was closed." if value is None else "Guide progress was saved."
            self._log(db, "change-device guide", detail or default)
        self._emit(GuideChanged())

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
        self._emit(ActivityAdded())

    # -- snapshots (backups) ------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything needed to rebuild the profile, secrets included: only ever write it encrypted."""
        return {
            "format": SNAPSHOT_FORMAT,
            "version": SNAPSHOT_VERSION,
            "profile": self.name,
            "taken_at": self.clock.now(),
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
                d.nickname,
                _fingerprint(d.option.value, encode_otp(d.otp)),
                d.is_primary,
                d.option,
                _hotp_counter(encode_otp(d.otp)),
            )
            for d in self.devices()
        ]
        return plan_restore(current, devices, mode)

    def prescriber_is_stored(self) -> bool:
        """Whether Prescriber Info was ever saved (a merge restore fills it only when not)."""
        return self.vault.get_record("prescriber") is not None

    def apply_snapshot(
        self,
        snapshot: dict[str, Any],
        mode: Literal["merge", "replace"] = "merge",
        *,
        other_clinician: bool = False,
    ) -> str:
        """Restore a snapshot in one transaction; returns a one-line summary.

        replace: the profile becomes exactly the snapshot. merge: devices whose
        nickname is new are added (a clash with a different device gets " (2)"),
        accounts already held are skipped, the current primary stays, and
        prescriber, identity and settings fill in only what is still empty.
        Which device goes where is decided by `plan_restore`, the same function
        the preview uses.

        A backup that looks like another clinician's (core/restore_rules.py) is
        refused unless `other_clinician` says the person chose it explicitly; a
        merge of one then never takes its Prescriber Info, identity or settings.
        """
        _check_mode(mode)
        devices, prescriber, identity, stored_settings = _read_snapshot(snapshot)
        foreign = is_other_clinicians(self, snapshot)
        if foreign and not other_clinician:
            raise other_clinician_error(self, snapshot)
        with self.vault.transaction() as db:
            rows = db.execute("SELECT nickname, option, otp_uri, is_primary FROM device ORDER BY id")
            current = [
                _Current(
                    r["nickname"],
                    _fingerprint(r["option"], r["otp_uri"]),
                    r["is_primary"] == 1,
                    r["option"],
                    _hotp_counter(r["otp_uri"]),
                )
                for r in rows.fetchall()
            ]
            plan = plan_restore(current, devices, mode)
            if mode == "replace":
                db.execute("DELETE FROM device")
                db.execute("DELETE FROM record WHERE key IN ('prescriber', 'identity', 'settings')")
            for step in plan.steps:
                if not step.added:
                    if step.counter is not None:  # an HOTP account held here: its counter only moves forward
                        _raise_counter(db, step.nickname, step.counter)
                    continue
                db.execute(
                    "INSERT INTO device(nickname, nickname_key, option, added_at, is_primary, otp_uri) "
                    "VALUES(?, ?, ?, ?, 0, ?)",
                    (
                        step.nickname,
                        erx.nickname_key(step.nickname),
                        step.device["option"],
                        step.device["added_at"],
                        _with_counter(step.device["otp_uri"], step.counter),
                    ),
                )
            prefer = None
            if plan.primary is not None:
                row = db.execute(
                    "SELECT id FROM device WHERE nickname_key = ?", (erx.nickname_key(plan.primary),)
                ).fetchone()
                prefer = int(row["id"]) if row is not None else None  # else: a row with an old-style key
            self._settle_primary(db, prefer)
            current_keys = {r["key"] for r in db.execute("SELECT key FROM record").fetchall()}
            records = {"prescriber": prescriber, "identity": identity, "settings": stored_settings}
            for key, value in records.items():
                if mode == "merge" and foreign:
                    continue  # another clinician's numbers, identity and links never merge in
                if mode == "replace" or key not in current_keys:
                    upsert_record(db, key, value)
            added, skipped = plan.added, plan.skipped
            summary = f"Restored from a backup ({mode}): {added} device(s) added" + (
                f", {skipped} already present." if skipped else "."
            )
            self._log(db, "backup restored", summary)
        self._emit(Restored())
        return summary


# -- restore planning: one function decides, the preview and the restore both use it ------------


def is_other_clinicians(profile: Profile, snapshot: dict[str, Any]) -> bool:
    """Whether `snapshot` looks like another clinician's backup (core/restore_rules.same_clinician)."""
    from epcs_desktop.core.restore_rules import owner_of, owner_of_snapshot, same_clinician

    return not same_clinician(owner_of(profile.name, profile.prescriber()), owner_of_snapshot(snapshot))


def other_clinician_error(profile: Profile, snapshot: dict[str, Any]) -> RuleError:
    """The refusal naming both clinicians (a template the window translates before the names go in)."""
    from epcs_desktop.core.i18n import N_

    template = N_(
        "This backup was made from the profile “{backup}”, and this profile is “{profile}”: it looks like "
        "another clinician's backup. Restore it only if you choose to explicitly."
    )
    params = {"backup": str(snapshot.get("profile") or "?"), "profile": profile.name}
    exc = RuleError(template.format(**params))
    exc.template, exc.params = template, params  # type: ignore[attr-defined]
    return exc


@dataclass(frozen=True)
class _Current:
    """A device already in the profile as the planner sees it (the fingerprint is only compared)."""

    nickname: str
    fingerprint: tuple[str, ...] = field(repr=False)
    is_primary: bool
    option: str
    counter: int | None = None  # the stored HOTP counter (the next unused value); None: not HOTP


@dataclass(frozen=True)
class RestoreStep:
    """What happens to one device of the backup: added under `nickname`, or already there as `nickname`."""

    device: dict[str, Any] = field(repr=False)  # the validated snapshot entry (holds the secret)
    nickname: str
    added: bool
    counter: int | None = None  # HOTP: the counter stored afterwards (never below the profile's)

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

    An account the profile already holds (`enrollment.account_key`, the one
    "same account" rule) is already present, whatever its nickname. Otherwise
    walk "Name", "Name (2)", ... (`erx.nickname_candidates`): a candidate held
    by the same device (same option, for devices without a secret) means it is
    already present; a free candidate is where it is added. The primary
    afterwards: merge keeps the current one; otherwise the backup's primary if
    it is added, else the first device.

    HOTP counters never go backwards: the counter is part of the stored URI but
    not of the account, so when the profile already holds the account (in
    replace mode too: the device is removed, then brought back) the step
    carries the higher of the two counters; an older backup cannot make a used
    code valid again, a newer one moves the profile forward.
    """
    _check_mode(mode)
    kept = [] if mode == "replace" else list(current)
    held_counters = {c.fingerprint: c.counter for c in current if c.counter is not None}
    removed = tuple((c.nickname, erx.option_label(c.option)) for c in current) if mode == "replace" else ()
    existing = {erx.nickname_key(c.nickname): c.fingerprint for c in kept}
    accounts = {c.fingerprint: c.nickname for c in kept if c.fingerprint[0] == "account"}
    primary = next((c.nickname for c in kept if c.is_primary), None)
    steps = []
    for dev in devices:
        same = _fingerprint(dev["option"], dev["otp_uri"])
        counter = _hotp_counter(dev["otp_uri"])
        if counter is not None:
            counter = max(counter, held_counters.get(same, counter))
            held_counters[same] = counter
        if same in accounts:
            steps.append(RestoreStep(dev, accounts[same], False, counter))
            continue
        for candidate in erx.nickname_candidates(dev["nickname"]):
            key = erx.nickname_key(candidate)
            if key not in existing or existing[key] == same:
                break
        added = key not in existing
        if added:
            existing[key] = same
            if same[0] == "account":
                accounts[same] = candidate
            if dev["is_primary"] and primary is None:
                primary = candidate
        steps.append(RestoreStep(dev, candidate, added, counter))
    if primary is None:
        first = [c.nickname for c in kept] + [s.nickname for s in steps if s.added]
        primary = first[0] if first else None
    return RestorePlan(mode, removed, tuple(steps), primary)


def _fingerprint(option: str, otp_uri: str | None) -> tuple[str, ...]:
    """What makes two devices "the same": the account (`enrollment.account_key`), or the option
    for a device without a secret. A stored URI that does not parse is compared as written."""
    if not otp_uri:
        return ("option", str(option))
    try:
        return ("account", *account_key(parse_uri(otp_uri)))
    except EpcsError:
        return ("uri", str(otp_uri))


def _hotp_counter(otp_uri: str | None) -> int | None:
    """The stored counter of an HOTP URI (the next unused value); None for anything else."""
    if not otp_uri:
        return None
    try:
        params = parse_uri(otp_uri, stored=True)
    except EpcsError:
        return None
    return params.counter if params.kind == "hotp" else None


def _with_counter(otp_uri: str | None, counter: int | None) -> str | None:
    """`otp_uri` with its HOTP counter set to `counter` (unchanged when None or already that)."""
    if counter is None or not otp_uri or _hotp_counter(otp_uri) == counter:
        return otp_uri
    return encode_otp(replace(parse_uri(otp_uri, stored=True), counter=counter))


def _raise_counter(db: _Tx, nickname: str, counter: int) -> None:
    """Move the HOTP counter of the device called `nickname` up to `counter` (never down)."""
    row = db.execute(
        "SELECT id, otp_uri FROM device WHERE nickname_key = ?", (erx.nickname_key(nickname),)
    ).fetchone()
    if row is None:
        return
    stored = _hotp_counter(row["otp_uri"])
    if stored is not None and counter > stored:
        uri = _with_counter(row["otp_uri"], counter)
        db.execute("UPDATE device SET otp_uri = ? WHERE id = ?", (uri, row["id"]))


def _check_mode(mode: str) -> None:
    if mode not in ("merge", "replace"):
        raise RuleError("Restore mode must be 'merge' or 'replace'.")


def _read_snapshot(snapshot: dict[str, Any]) -> tuple[list[dict[str, Any]], dict, dict, dict]:
    """Validate a snapshot completely before anything is written."""
    if not isinstance(snapshot, dict) or snapshot.get("format") != SNAPSHOT_FORMAT:
        raise RuleError("This is not an EPCS Desktop profile backup.")
    if snapshot.get("version") != SNAPSHOT_VERSION:
        raise RuleError("This backup was made by a newer EPCS Desktop; please update the app.")
    from epcs_desktop.core.snapshot_rules import check_snapshot_shape

    check_snapshot_shape(snapshot)  # types, ranges, lengths (no inf/NaN dates) before any rule (issue 11 #4)
    devices = []
    seen: set[str] = set()
    try:
        for raw in snapshot.get("devices", []):
            nickname = erx.normalise_nickname(raw["nickname"])
            if erx.nickname_key(nickname) in seen:
                raise RuleError(f"The backup lists the device “{nickname}” twice.")
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
