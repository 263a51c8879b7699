"""ID.me devices: the rows of DrChrono's ID.me table and the one-primary rule.

Why here: exactly one primary while any device exists (`_settle_primary`),
nickname uniqueness, and which stored rows are repaired or set aside when a
profile opens are rules of the device list, decided once for every front end.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import sqlcipher3

from epcs_desktop.core import erx
from epcs_desktop.core.activity import event
from epcs_desktop.core.enrollment import Candidate, EnrollmentPlan, plan_enrollment
from epcs_desktop.core.errors import EpcsError, RuleError
from epcs_desktop.core.events import DevicesChanged
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.otpauth import OtpParams
from epcs_desktop.core.profile import repository as repo
from epcs_desktop.core.profile.generators import GeneratorRules
from epcs_desktop.core.vault import _Tx

logger = logging.getLogger(__name__)


class DeviceRules(GeneratorRules):
    """The device list of a `Profile`: read, add, rename, make primary, remove."""

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
        rows = repo.device_rows(self.vault)
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
                    self._log(
                        db, "primary changed", event(N_("“{name}” is now the primary device."), name=made[1])
                    )

    def _repair_nicknames(self, fixes: list[tuple[int, str, str]], taken: set[str]) -> None:
        with self.vault.transaction() as db:
            for row_id, old, name in fixes:
                new = erx.unique_nickname(name, taken)
                try:
                    repo.set_nickname(db, row_id, new)
                except sqlcipher3.IntegrityError:  # cannot happen with `taken`; never block opening
                    logger.warning("device row %s keeps its stored nickname", row_id)
                    continue
                taken.add(erx.nickname_key(new))
                self._log(
                    db,
                    "device renamed",
                    event(N_("“{old}” is now stored as “{new}”."), old=old[:64], new=new),
                )
        logger.info("repaired %d stored nickname(s)", len(fixes))

    def _set_aside(self, row: Any, reason: str) -> str:
        """Move one undecodable device row aside and keep exactly one primary."""
        label = str(row["nickname"])[:64]
        message = f"Device “{label}” was set aside because its stored details can no longer be read."
        with self.vault.transaction() as db:
            repo.set_aside(self.vault, db, row, reason)
            promoted = self._settle_primary(db)
            if promoted is not None:
                message += f" “{promoted[1]}” is now the primary device."
                entry = event(
                    N_(
                        "Device “{name}” was set aside because its stored details can no longer be read. "
                        "“{primary}” is now the primary device."
                    ),
                    name=label,
                    primary=promoted[1],
                )
            else:
                entry = event(
                    N_("Device “{name}” was set aside because its stored details can no longer be read."),
                    name=label,
                )
            self._log(db, "device set aside", entry)
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
        current = repo.primary_row(db)
        target = prefer
        if target is None:
            if current is not None:
                return None
            first = repo.oldest_row(db)
            if first is None:
                return None
            target = int(first["id"])
        if current is not None and int(current["id"]) == target:
            return None
        repo.make_only_primary(db, target)
        return target, repo.nickname_of(db, target)

    # -- devices ------------------------------------------------------------------------------

    def devices(self) -> list[erx.Device]:
        """Every device in the order it was added. A row that stopped decoding is set aside, not fatal."""
        result = []
        for row in repo.device_rows(self.vault):
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
        row = repo.device_by_key(db, nickname)
        if row is None:
            raise RuleError(f"There is no device called “{erx.normalise_nickname(nickname)}”.")
        return row

    def _devices_in(self, db: _Tx) -> list[erx.Device]:
        """The devices as this transaction sees them (rows that do not decode are left for `devices()`)."""
        out = []
        for row in repo.device_rows_in(db):
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
            before = repo.primary_row(db)
            for entry in plan.entries:
                cand = entry.candidate
                self._check_free(db, entry.nickname)  # also against rows that no longer decode
                new_id = repo.insert_device(
                    db, entry.nickname, entry.option.value, self.clock.now(), repo.encode_otp(cand.otp)
                )
                ids.append(new_id)
                made = self._settle_primary(db, new_id if cand.make_primary else None)
                if made:
                    template = N_("“{name}” ({option}) was added as the primary device.")
                else:
                    template = N_("“{name}” ({option}) was added.")
                # The option is DrChrono's own label (“Generate 2FA Key”): it stays in English.
                added = event(template, name=entry.nickname, option=erx.option_label(entry.option))
                self._log(db, "device added", added)
            after = repo.primary_row(db)
            # read back after the loop: a later make_primary may have demoted an earlier device
            stored = [repo.device_row(db, i) for i in ids]
        changed = after is not None and (before is None or int(before["id"]) != int(after["id"]))
        self._emit(DevicesChanged(added=tuple(ids), primary=int(after["id"]) if changed else None))
        return [repo.device_from_row(row) for row in stored]

    def _check_free(self, db: _Tx, nickname: str, except_id: int | None = None) -> None:
        row = repo.device_by_key(db, nickname)
        if row is not None and row["id"] != except_id:
            raise RuleError(f"There is already a device called “{row['nickname']}”; choose another nickname.")

    def rename_device(self, old: str, new: str) -> erx.Device:
        new = erx.normalise_nickname(new)
        with self.vault.transaction() as db:
            row = self._row(db, old)
            self._check_free(db, new, except_id=row["id"])
            repo.set_nickname(db, row["id"], new)
            renamed = event(N_("“{old}” was renamed to “{new}”."), old=row["nickname"], new=new)
            self._log(db, "device renamed", renamed)
            updated = repo.device_row(db, row["id"])
        self._emit(DevicesChanged(renamed=(int(row["id"]),)))
        return repo.device_from_row(updated)

    def set_primary(self, nickname: str) -> erx.Device:
        with self.vault.transaction() as db:
            row = self._row(db, nickname)
            made = self._settle_primary(db, int(row["id"]))
            if made is not None:
                made_text = event(N_("“{name}” is now the primary device."), name=row["nickname"])
                self._log(db, "primary changed", made_text)
            updated = repo.device_row(db, row["id"])
        if made is not None:
            self._emit(DevicesChanged(primary=made[0]))
        return repo.device_from_row(updated)

    def remove_device(self, nickname: str, successor: str | None = None) -> str | None:
        """Remove a device, keeping exactly one primary.

        Removing the primary while two or more others remain requires naming the
        successor; with one other left it is promoted and the returned notice says so.
        """
        notice: str | None = None
        with self.vault.transaction() as db:
            row = self._row(db, nickname)
            others = repo.other_rows(db, row["id"])
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
            repo.delete_device(db, row["id"])
            made = self._settle_primary(db, int(heir["id"]) if heir is not None else None)
            detail = event(N_("“{name}” was removed."), name=row["nickname"])
            if made is not None:
                notice = f"“{made[1]}” is now the primary device."
                detail = event(
                    N_("“{name}” was removed. “{primary}” is now the primary device."),
                    name=row["nickname"],
                    primary=made[1],
                )
            self._log(db, "device removed", detail)
        self._emit(DevicesChanged(removed=(int(row["id"]),), primary=made[0] if made else None))
        return notice
