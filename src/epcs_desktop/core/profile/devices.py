"""ID.me devices: the rows of DrChrono's ID.me table and the one-primary rule.

Why here: exactly one primary ID.me device while any exists (`_settle_primary`),
nickname uniqueness, and which stored rows are repaired, set aside or (when a
profile from before issue 18 opens) told apart as ID.me devices or other
accounts are rules of the device list, decided once for every front end.
Another site's code generator (`core.generator`) is never in `devices()`,
never primary, and never seen by the guide, the practice flow or the sheet.
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
from epcs_desktop.core.generator import Generator, names_another_site
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.otpauth import OtpParams
from epcs_desktop.core.profile import repository as repo
from epcs_desktop.core.profile.base import ProfileBase
from epcs_desktop.core.vault import _Tx

logger = logging.getLogger(__name__)

_UNREADABLE = (EpcsError, ValueError, TypeError, KeyError)


def not_idme_message(nickname: str) -> str:
    return f"“{nickname}” is a code generator of another account, not an ID.me device."


class DeviceRules(ProfileBase):
    """The ID.me device list of a `Profile`: read, add, rename, make primary, remove."""

    # -- stored rows: repaired, set aside or told apart when the profile opens ----------------

    def _check_stored_rows(self) -> None:
        """Repair nicknames stored in a non-normal form, set aside rows that no longer decode,
        then decide, once, which side each row from before issue 18 is on.

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
            except _UNREADABLE as exc:
                bad.append((row, type(exc).__name__))
        if fixes:
            self._repair_nicknames(fixes, taken)
        for row, reason in bad:
            self._set_aside(row, reason)
        if any(r["idme"] is None for r in rows):
            self._decide_sides()
        ids = [r for r in rows if r["idme"] is None or r["idme"]]
        if ids and not any(r["is_primary"] for r in ids):  # e.g. migrated from v1 without a primary
            with self.vault.transaction() as db:
                made = self._settle_primary(db)
                if made is not None:
                    self._log(
                        db, "primary changed", event(N_("“{name}” is now the primary device."), name=made[1])
                    )

    def _decide_sides(self) -> None:
        """Schema v3 upgrade: a stored row stays an ID.me device unless its issuer names another site.

        Each row that changes side is listed once in the activity log and in
        `upgrade_notes` (the window shows them at this, the first, unlock); it
        can be moved back from its menu (`Profile.link_generator`).
        """
        with self.vault.transaction() as db:
            for row in repo.undecided_rows(db):
                try:
                    stored = repo.decode_row(row)
                except _UNREADABLE:
                    continue  # set aside at the next read
                other = stored.option is erx.DeviceOption.GENERATOR_HERE and names_another_site(stored.otp)
                repo.set_idme(db, stored.id, not other)
                if other and stored.otp is not None:
                    note = event(
                        N_(
                            "“{name}” is an account of “{issuer}”, not an ID.me device: its code is now "
                            "under “Other accounts” and it is no longer in the ID.me device table. If it is "
                            "an ID.me device, choose “This is an ID.me device…” in its menu."
                        ),
                        name=stored.nickname,
                        issuer=stored.otp.issuer,
                    )
                    self._log(db, "listed under other accounts", note)
                    self.upgrade_notes.append(note)
            made = self._settle_primary(db)
            if made is not None:
                note = event(N_("“{name}” is now the primary device."), name=made[1])
                self._log(db, "primary changed", note)
                self.upgrade_notes.append(note)

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
                if new != old:  # a key re-stored under today's comparison rule alone is not a rename
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
        """THE primary-device rule: exactly one primary while any ID.me device exists.

        `prefer` (an ID.me device's id) becomes the primary; otherwise a profile
        left without one promotes its oldest ID.me device. Another site's code
        generator is never primary. Returns (id, nickname) of a device that
        became primary by this call, else None.
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

    # -- rows ---------------------------------------------------------------------------------

    def _rows(self) -> list[repo.StoredRow]:
        """Every stored row, decoded, oldest first. A row that stopped decoding is set aside, not fatal."""
        result = []
        for row in repo.device_rows(self.vault):
            try:
                result.append(self._decode(row))
            except _UNREADABLE as exc:
                self._set_aside(row, type(exc).__name__)
                return self._rows()
        return result

    def all_rows(self) -> list[repo.StoredRow]:
        """ID.me devices and other accounts (what "same account" and nicknames are checked with)."""
        return self._rows()

    def _rows_in(self, db: _Tx) -> list[repo.StoredRow]:
        """The rows as this transaction sees them (rows that do not decode are left for `_rows()`)."""
        out = []
        for row in repo.device_rows_in(db):
            try:
                out.append(self._decode(row))
            except _UNREADABLE:
                continue
        return out

    def _row(self, db: _Tx, nickname: str) -> Any:
        row = repo.device_by_key(db, nickname)
        if row is None:
            raise RuleError(f"There is no device called “{erx.normalise_nickname(nickname)}”.")
        return row

    def _device_row(self, db: _Tx, nickname: str) -> Any:
        """The row of the ID.me device called `nickname` (another account's generator is refused)."""
        row = self._row(db, nickname)
        if row["idme"] is not None and not row["idme"]:
            raise RuleError(not_idme_message(str(row["nickname"])))
        return row

    # -- ID.me devices ------------------------------------------------------------------------

    def devices(self) -> list[erx.Device]:
        """Every ID.me device in the order it was added (the rows of DrChrono's table)."""
        return [r.device for r in self._rows() if r.device is not None]

    def primary(self) -> erx.Device | None:
        return next((d for d in self.devices() if d.is_primary), None)

    def device(self, nickname: str) -> erx.Device:
        key = erx.nickname_key(nickname)
        for r in self._rows():
            if erx.nickname_key(r.nickname) == key:
                if r.device is None:
                    raise RuleError(not_idme_message(r.nickname))
                return r.device
        raise RuleError(f"There is no device called “{erx.normalise_nickname(nickname)}”.")

    def plan_enrollment(self, candidates: Iterable[Candidate]) -> EnrollmentPlan:
        """What `enroll` would do with `candidates` against this profile now (changes nothing)."""
        return plan_enrollment(self._rows(), list(candidates))

    def add_device(
        self,
        nickname: str,
        option: erx.DeviceOption | str,
        otp: OtpParams | None = None,
        make_primary: bool = False,
    ) -> erx.Device:
        """Add an ID.me device; the first one becomes primary whatever `make_primary` says.

        An account the profile already holds is refused ("This account is
        already in this profile as “NICK”."), as is a nickname already used.
        """
        (added,) = self.enroll([Candidate(nickname, option, otp, make_primary, idme=True)])
        assert isinstance(added, erx.Device)  # idme=True: enroll made an ID.me device
        return added

    def add_devices(self, items: Iterable[Candidate | Sequence[Any]]) -> list[erx.Device | Generator]:
        """Add several devices all-or-nothing (`enroll` with candidates; tuples are accepted too)."""
        return self.enroll([i if isinstance(i, Candidate) else Candidate(*i) for i in items])

    def enroll(
        self, plan_or_candidates: EnrollmentPlan | Iterable[Candidate]
    ) -> list[erx.Device | Generator]:
        """Add ID.me devices and code generators all-or-nothing: one transaction, one activity entry
        each, one event. Returns, per added entry, its `erx.Device` (an ID.me device) or its
        `Generator` (another site's code generator, `Candidate.is_idme` False).

        Given candidates, every one must be NEW (`plan_enrollment`), else nothing
        is added and the first problem is the RuleError. Given a plan (the
        importer decided to skip its duplicates and refusals), its NEW entries
        are added under the planned nicknames, after checking again inside the
        transaction (another window may have added the same account meanwhile).
        A later `make_primary` wins over an earlier one; it means nothing for
        another site's code generator, which is never primary.
        """
        if isinstance(plan_or_candidates, EnrollmentPlan):
            candidates = [replace(e.candidate, nickname=e.nickname) for e in plan_or_candidates.new]
        else:
            candidates = list(plan_or_candidates)
        if not candidates:
            return []
        ids: list[int] = []
        with self.vault.transaction() as db:
            plan = plan_enrollment(self._rows_in(db), candidates)
            problem = plan.first_problem()
            if problem is not None:
                raise RuleError(problem)
            before = repo.primary_row(db)
            for entry in plan.entries:
                cand = entry.candidate
                idme = entry.is_idme
                self._check_free(db, entry.nickname)  # also against rows that no longer decode
                new_id = repo.insert_device(
                    db, entry.nickname, entry.option.value, self.clock.now(), repo.encode_otp(cand.otp), idme
                )
                ids.append(new_id)
                if not idme:
                    issuer = cand.otp.issuer if cand.otp is not None else ""
                    if issuer:
                        template = N_(
                            "“{name}” was added as a code generator of another account (“{issuer}”)."
                        )
                    else:
                        template = N_("“{name}” was added as a code generator of another account.")
                    self._log(db, "code generator added", event(template, name=entry.nickname, issuer=issuer))
                    continue
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
            stored = [repo.decode_row(repo.device_row(db, i)) for i in ids]
        changed = after is not None and (before is None or int(before["id"]) != int(after["id"]))
        self._emit(DevicesChanged(added=tuple(ids), primary=int(after["id"]) if changed else None))
        result: list[erx.Device | Generator] = []
        for s in stored:
            held = s.device if s.device is not None else s.generator
            assert held is not None  # a row written just now decodes as one or the other
            result.append(held)
        return result

    def _check_free(self, db: _Tx, nickname: str, except_id: int | None = None) -> None:
        row = repo.device_by_key(db, nickname)
        if row is not None and row["id"] != except_id:
            raise RuleError(f"There is already a device called “{row['nickname']}”; choose another nickname.")

    def _rename(self, old: str, new: str) -> repo.StoredRow:
        """Rename any row (ID.me device or code generator: they share one set of nicknames)."""
        new = erx.normalise_nickname(new)
        with self.vault.transaction() as db:
            row = self._row(db, old)
            self._check_free(db, new, except_id=row["id"])
            repo.set_nickname(db, row["id"], new)
            renamed = event(N_("“{old}” was renamed to “{new}”."), old=row["nickname"], new=new)
            self._log(db, "device renamed", renamed)
            updated = repo.device_row(db, row["id"])
        self._emit(DevicesChanged(renamed=(int(row["id"]),)))
        return repo.decode_row(updated)

    def rename_device(self, old: str, new: str) -> erx.Device:
        """Rename an ID.me device (the table's Name column, `device rename`)."""
        with self.vault.transaction() as db:
            self._device_row(db, old)
        stored = self._rename(old, new)
        assert stored.device is not None
        return stored.device

    def set_primary(self, nickname: str) -> erx.Device:
        with self.vault.transaction() as db:
            row = self._device_row(db, nickname)
            made = self._settle_primary(db, int(row["id"]))
            if made is not None:
                made_text = event(N_("“{name}” is now the primary device."), name=row["nickname"])
                self._log(db, "primary changed", made_text)
            updated = repo.decode_row(repo.device_row(db, row["id"]))
        if made is not None:
            self._emit(DevicesChanged(primary=made[0]))
        assert updated.device is not None
        return updated.device

    def _successor(self, db: _Tx, row: Any, successor: str | None) -> Any:
        """The heir when the primary `row` leaves the ID.me devices (removed, or not one after all).

        Removing the primary while two or more others remain requires naming the
        successor; with one other left it is promoted by `_settle_primary`.
        """
        others = repo.other_rows(db, row["id"])
        if successor is not None and str(successor).strip():
            if not row["is_primary"]:
                raise RuleError(f"“{row['nickname']}” is not the primary device, so no successor is needed.")
            heir = self._device_row(db, successor)
            if heir["id"] == row["id"]:
                raise RuleError("A device cannot succeed itself; name one of the other devices.")
            return heir
        if row["is_primary"] and len(others) > 1:
            names = ", ".join(f"“{o['nickname']}”" for o in others)
            raise RuleError(
                f"“{row['nickname']}” is the primary device: name the device that becomes primary ({names})."
            )
        return None

    def remove_device(self, nickname: str, successor: str | None = None) -> str | None:
        """Remove an ID.me device (and its secret, when held here), keeping exactly one primary.

        Removing the primary while two or more others remain requires naming the
        successor; with one other left it is promoted and the returned notice says so.
        """
        notice: str | None = None
        with self.vault.transaction() as db:
            row = self._device_row(db, nickname)
            heir = self._successor(db, row, successor)
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
