"""Restore: snapshots (backups) of a profile, the restore plan, and applying it.

Why one module: the preview (`core.backup.describe_restore`) and the restore
itself (`Profile.apply_snapshot`) must follow the same decision, so both use
`plan_restore` here; a snapshot is validated completely (`_read_snapshot`)
before anything is written.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

import sqlcipher3

from epcs_desktop.core import erx, settings
from epcs_desktop.core.activity import event, render_detail
from epcs_desktop.core.enrollment import account_key
from epcs_desktop.core.errors import EpcsError, RuleError
from epcs_desktop.core.events import Restored
from epcs_desktop.core.generator import names_another_site
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.otpauth import OtpKind, parse_uri
from epcs_desktop.core.profile import repository as repo
from epcs_desktop.core.profile.generators import GeneratorRules
from epcs_desktop.core.profile.records import RecordRules
from epcs_desktop.core.vault import _Tx, encode_otp

logger = logging.getLogger(__name__)

SNAPSHOT_FORMAT = "epcs-desktop-profile"
SNAPSHOT_VERSION = 1


class RestoreRules(GeneratorRules, RecordRules):
    """Snapshots of a `Profile` and restoring them (merge or replace)."""

    def snapshot(self) -> dict[str, Any]:
        """Everything needed to rebuild the profile, secrets included: only ever write it encrypted."""
        return {
            "format": SNAPSHOT_FORMAT,
            "version": SNAPSHOT_VERSION,
            "profile": self.name,
            "clinician_id": self.clinician_id(),
            "taken_at": self.clock.now(),
            "devices": [
                {
                    "nickname": r.nickname,
                    "option": r.option.value,
                    "added_at": r.added_at,
                    "is_primary": r.is_primary,
                    "otp_uri": encode_otp(r.otp),
                    "idme": r.idme is not False,
                }
                for r in self._rows()
            ],
            "prescriber": asdict(self.prescriber()),
            "identity": asdict(self.identity()),
            "settings": repo.get_record(self.vault, "settings", {}) or {},
        }

    def plan_restore(self, snapshot: dict[str, Any], mode: str = "merge") -> RestorePlan:
        """What `apply_snapshot(snapshot, mode)` will do, changing nothing: devices, primary, Prescriber
        Info, identity and settings (the preview renders this plan and nothing else)."""
        from epcs_desktop.core.policy import check_action_allowed

        # IT turned restore off: no preview either, in any front end
        check_action_allowed("restore", self.policy.current())
        _check_mode(mode)
        devices, prescriber, identity, stored_settings = _read_snapshot(snapshot)
        current = [
            _Current(
                r.nickname,
                _fingerprint(r.option.value, encode_otp(r.otp)),
                r.is_primary,
                r.option,
                _hotp_counter(encode_otp(r.otp)),
                r.idme is not False,
            )
            for r in self._rows()
        ]
        stored = {k: v for k in RECORD_KEYS if (v := repo.get_record(self.vault, k)) is not None}
        backup = {"prescriber": prescriber, "identity": identity, "settings": stored_settings}
        records = plan_records(mode, is_other_clinicians(self, snapshot), stored, backup)
        return replace(plan_restore(current, devices, mode), records=records)

    def prescriber_is_stored(self) -> bool:
        """Whether Prescriber Info was ever saved (a merge restore fills it only when not)."""
        return repo.get_record(self.vault, "prescriber") is not None

    def clinician_id(self) -> str:
        """Who this profile belongs to, independent of its (file) name: a random id made once, carried by
        its backups, taken over by a profile that a backup replaces or fills (issue 23 item 6)."""
        known = repo.get_record(self.vault, "clinician_id")
        if isinstance(known, str) and known:
            return known
        with self.vault.transaction() as db:
            known = repo.record_in(db, "clinician_id")
            if not (isinstance(known, str) and known):
                known = secrets.token_hex(16)
                repo.upsert_record(db, "clinician_id", known)
        return known

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
        from epcs_desktop.core.policy import check_action_allowed

        check_action_allowed("restore", self.policy.current())  # IT's (disable_restore), every front end
        _check_mode(mode)
        devices, prescriber, identity, stored_settings = _read_snapshot(snapshot)
        foreign = is_other_clinicians(self, snapshot)
        if foreign and not other_clinician:
            raise other_clinician_error(self, snapshot)
        adopt = snapshot.get("clinician_id") if (mode == "replace" or _is_empty(self)) else None
        with self.vault.transaction() as db:
            current = [
                _Current(
                    r["nickname"],
                    _fingerprint(r["option"], r["otp_uri"]),
                    r["is_primary"] == 1,
                    r["option"],
                    _hotp_counter(r["otp_uri"]),
                    r["idme"] is None or bool(r["idme"]),
                )
                for r in repo.restore_rows(db)
            ]
            plan = plan_restore(current, devices, mode)
            stored_records = {k: v for k in RECORD_KEYS if (v := repo.record_in(db, k)) is not None}
            if mode == "replace":
                repo.delete_all_devices(db)
                repo.delete_profile_records(db)
            for step in plan.steps:
                if not step.added:
                    if step.counter is not None:  # an HOTP account held here: its counter only moves forward
                        _raise_counter(db, step.nickname, step.counter)
                    continue
                repo.insert_device(
                    db,
                    step.nickname,
                    step.device["option"],
                    step.device["added_at"],
                    _with_counter(step.device["otp_uri"], step.counter),
                    step.device["idme"],
                )
            prefer = None
            if plan.primary is not None:
                row = repo.device_by_key(db, plan.primary)
                prefer = int(row["id"]) if row is not None else None  # else: a row with an old-style key
            self._settle_primary(db, prefer)
            if adopt:  # the profile now is (or starts as) the backup's clinician
                repo.upsert_record(db, "clinician_id", adopt)
            backup = {"prescriber": prescriber, "identity": identity, "settings": stored_settings}
            records = plan_records(mode, foreign, stored_records, backup)  # the preview's decision, too
            for key, value in records.writes:
                repo.upsert_record(db, key, value)
            added, skipped = plan.added, plan.skipped
            shown_mode = N_("merge") if mode == "merge" else N_("replace")  # in the language shown, too
            if skipped:
                restored = event(
                    N_(
                        "Restored from a backup ({mode}): devices added: {added}; already present: {skipped}."
                    ),
                    translated=("mode",),
                    mode=shown_mode,
                    added=added,
                    skipped=skipped,
                )
            else:
                restored = event(
                    N_("Restored from a backup ({mode}): devices added: {added}."),
                    translated=("mode",),
                    mode=shown_mode,
                    added=added,
                )
            self._log(db, "backup restored", restored)
            summary = render_detail(restored)  # the log's sentence, in English (no "device(s)")
        self._emit(Restored())
        return summary


# -- restore planning: one function decides, the preview and the restore both use it ------------


def is_other_clinicians(profile: RestoreRules, snapshot: dict[str, Any]) -> bool:
    """Whether `snapshot` looks like another clinician's backup (core/restore_rules.same_clinician)."""
    from epcs_desktop.core.restore_rules import owner_of, owner_of_snapshot, same_clinician

    here = owner_of(profile.name, profile.prescriber(), profile.clinician_id())
    return not same_clinician(here, owner_of_snapshot(snapshot), here_is_empty=_is_empty(profile))


def _is_empty(profile: RestoreRules) -> bool:
    """Nothing to mix another clinician's data into: no device and no Prescriber Info yet."""
    return not profile.devices() and not profile.prescriber_is_stored()


def other_clinician_error(profile: RestoreRules, snapshot: dict[str, Any]) -> RuleError:
    """The refusal naming both clinicians (a template the window translates before the names go in)."""
    from epcs_desktop.core.i18n import N_
    from epcs_desktop.core.textguard import clean_for_display

    template = N_(
        "This backup was made from the profile “{backup}”, and nothing in it (NPI, DEA number, clinician id) "
        "matches this profile, “{profile}”: it looks like another clinician's backup. Restore it only if "
        "you choose to explicitly."
    )
    params = {"backup": clean_for_display(snapshot.get("profile") or "?", 64), "profile": profile.name}
    exc = RuleError(template.format(**params))
    exc.template, exc.params = template, params
    return exc


@dataclass(frozen=True)
class _Current:
    """A device already in the profile as the planner sees it (the fingerprint is only compared)."""

    nickname: str
    fingerprint: tuple[object, ...] = field(repr=False)
    is_primary: bool
    option: str
    counter: int | None = None  # the stored HOTP counter (the next unused value); None: not HOTP
    idme: bool = True  # an ID.me device (False: another account's code generator, never primary)


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
class DeviceOutcome:
    """Replace mode, one device: "removed", "kept" (the same device under the same name is in the
    backup), "replaced" (by the backup's device of that name: `option_label` is the backup's) or "added"."""

    what: str
    nickname: str
    option_label: str


RECORD_KEYS = ("prescriber", "identity", "settings")


@dataclass(frozen=True)
class RecordPlan:
    """What a restore does to Prescriber Info, identity and settings (decided once, `plan_records`).

    `writes`: the (key, value) pairs stored. `prescriber`: the Prescriber Info afterwards when it changes
    (None: kept). `settings_changes`: (key, old, new) for every setting whose value changes, defaults
    filled in. `foreign`: the backup looks like another clinician's (their records never merge in).
    """

    foreign: bool
    writes: tuple[tuple[str, Any], ...]
    prescriber: dict[str, str] | None
    identity_taken: bool
    settings_changes: tuple[tuple[str, Any, Any], ...]


def plan_records(
    mode: str, foreign: bool, stored: Mapping[str, Any], backup: Mapping[str, Any]
) -> RecordPlan:
    """Decide which of Prescriber Info, identity and settings a restore writes, and what changes.

    replace writes all three; merge fills only what was never stored, and never takes another
    clinician's (`foreign`). `stored` holds the keys this profile stored (absent: never saved).
    """
    writes = tuple(
        (key, backup[key])
        for key in RECORD_KEYS
        if not (mode == "merge" and foreign) and (mode == "replace" or key not in stored)
    )
    written = dict(writes)
    fields = ("state", "license_number", "dea_number", "npi")
    current_info = {k: str((stored.get("prescriber") or {}).get(k, "")) for k in fields}
    prescriber = written.get("prescriber")
    changed_info = dict(prescriber) if prescriber is not None and prescriber != current_info else None
    ident = stored.get("identity") or {}
    current_identity = asdict(
        erx.IdentityConfirmation(
            confirmed=bool(ident.get("confirmed", False)),
            confirmed_on=ident.get("confirmed_on"),
            note=str(ident.get("note", "")),
        )
    )
    identity_taken = mode == "replace" and "identity" in written and written["identity"] != current_identity
    before = {**settings.defaults(), **(stored.get("settings") or {})}
    after = {**settings.defaults(), **written["settings"]} if "settings" in written else before
    changes = tuple(
        (key, before.get(key), after.get(key))
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    )
    return RecordPlan(foreign, writes, changed_info, identity_taken, changes)


@dataclass(frozen=True)
class RestorePlan:
    """The device side of a restore. `removed`: (nickname, option label) that replace deletes."""

    mode: str
    removed: tuple[tuple[str, str], ...]
    steps: tuple[RestoreStep, ...]
    primary: str | None  # the primary device afterwards (None: the profile ends up empty)
    primary_before: str | None = None  # the primary device now
    outcomes: tuple[DeviceOutcome, ...] = ()  # replace: every device here and in the backup, once
    records: RecordPlan | None = None  # Prescriber Info, identity, settings (`Profile.plan_restore`)

    @property
    def primary_changes(self) -> bool:
        return self.primary is not None and self.primary != self.primary_before

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
        first = [c.nickname for c in kept if c.idme] + [
            s.nickname for s in steps if s.added and s.device["idme"]
        ]
        primary = first[0] if first else None
    primary_before = next((c.nickname for c in current if c.is_primary), None)
    outcomes = _replace_outcomes(current, devices) if mode == "replace" else ()
    return RestorePlan(mode, removed, tuple(steps), primary, primary_before, outcomes)


def _replace_outcomes(
    current: Sequence[_Current], devices: Sequence[dict[str, Any]]
) -> tuple[DeviceOutcome, ...]:
    """Replace: each device here is removed, kept (the same device under its name) or replaced; then the
    backup's devices whose name is new here are added."""
    theirs = {erx.nickname_key(d["nickname"]): d for d in devices}
    here = {erx.nickname_key(c.nickname) for c in current}
    out = []
    for c in current:
        other = theirs.get(erx.nickname_key(c.nickname))
        if other is None:
            out.append(DeviceOutcome("removed", c.nickname, erx.option_label(c.option)))
        elif _fingerprint(other["option"], other["otp_uri"]) == c.fingerprint:
            out.append(DeviceOutcome("kept", c.nickname, erx.option_label(c.option)))
        else:
            out.append(DeviceOutcome("replaced", c.nickname, erx.option_label(other["option"])))
    out += [
        DeviceOutcome("added", d["nickname"], erx.option_label(d["option"]))
        for key, d in theirs.items()
        if key not in here
    ]
    return tuple(out)


def _fingerprint(option: str, otp_uri: str | None) -> tuple[object, ...]:
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
    return params.counter if params.kind == OtpKind.HOTP else None


def _with_counter(otp_uri: str | None, counter: int | None) -> str | None:
    """`otp_uri` with its HOTP counter set to `counter` (unchanged when None or already that)."""
    if counter is None or not otp_uri or _hotp_counter(otp_uri) == counter:
        return otp_uri
    return encode_otp(replace(parse_uri(otp_uri, stored=True), counter=counter))


def _raise_counter(db: _Tx, nickname: str, counter: int) -> None:
    """Move the HOTP counter of the device called `nickname` up to `counter` (never down)."""
    row = repo.device_uri_by_key(db, nickname)
    if row is None:
        return
    stored = _hotp_counter(row["otp_uri"])
    if stored is not None and counter > stored:
        uri = _with_counter(row["otp_uri"], counter)
        repo.set_otp_uri(db, row["id"], uri)


def _check_mode(mode: str) -> None:
    if mode not in ("merge", "replace"):
        raise RuleError("Restore mode must be 'merge' or 'replace'.")


_Part = dict[str, Any]


def _read_snapshot(snapshot: dict[str, Any]) -> tuple[list[_Part], _Part, _Part, _Part]:
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
            params = None
            if option is erx.DeviceOption.GENERATOR_HERE or (
                option is erx.DeviceOption.GENERATOR_OTHER and raw.get("otp_uri")  # moved, secret kept
            ):
                params = parse_uri(str(raw.get("otp_uri")))
                uri = encode_otp(params)
            idme = raw.get("idme")  # absent in backups from before issue 18: the upgrade's rule decides
            if option is not erx.DeviceOption.GENERATOR_HERE:
                idme = True
            elif not isinstance(idme, bool):
                idme = not names_another_site(params)
            devices.append(
                {
                    "nickname": nickname,
                    "option": option.value,
                    "added_at": float(raw["added_at"]),
                    "is_primary": bool(raw.get("is_primary")) and idme,
                    "otp_uri": uri,
                    "idme": idme,
                }
            )
        prescriber = asdict(erx.validate_prescriber(erx.PrescriberInfo(**snapshot.get("prescriber", {}))))
        identity = asdict(erx.validate_identity(erx.IdentityConfirmation(**snapshot.get("identity", {}))))
        stored_settings = {k: settings.coerce(k, v) for k, v in dict(snapshot.get("settings", {})).items()}
    except (KeyError, TypeError, ValueError, sqlcipher3.Error):
        raise RuleError("This backup is damaged: a device or setting in it cannot be read.") from None
    return devices, prescriber, identity, stored_settings
