"""Code generators held here: any site's TOTP, HOTP or Steam secret, and its link to an ID.me device.

Why apart from the device list: a generator is a secret this computer makes
codes from; an ID.me device is a row of DrChrono's table. A generator that IS
an ID.me device is linked to it (`Generator.idme`); one of another site is
not, and can be linked later (`link_generator`) or unlinked
(`unlink_generator`) from a row's menu. The HOTP counter rule (it only moves
forward, one code per "Next code") and "move to a phone" (the ID.me device
stays, its code is no longer made here, the secret is removed only when the
clinician says so) live here too.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from epcs_desktop.core import erx
from epcs_desktop.core.activity import event
from epcs_desktop.core.enrollment import Candidate
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.events import DevicesChanged
from epcs_desktop.core.generator import Generator
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.otpauth import OtpKind, OtpParams
from epcs_desktop.core.profile import repository as repo
from epcs_desktop.core.profile.devices import DeviceRules

logger = logging.getLogger(__name__)


class GeneratorRules(DeviceRules):
    """The code generators held here, and their link to ID.me devices."""

    def generators(self) -> list[Generator]:
        """Every code generator held here, in the code pane's order (`generator.code_pane_order`)."""
        from epcs_desktop.core.generator import code_pane_order

        return code_pane_order(r.generator for r in self._rows() if r.generator is not None)

    def devices_and_generators(self) -> tuple[list[erx.Device], list[Generator]]:
        """`devices()` and `generators()` from ONE read of the rows (views refresh both after a change)."""
        from epcs_desktop.core.generator import code_pane_order

        rows = self._rows()
        devices = [r.device for r in rows if r.device is not None]
        return devices, code_pane_order(r.generator for r in rows if r.generator is not None)

    def generator(self, nickname: str) -> Generator:
        key = erx.nickname_key(nickname)
        for r in self._rows():
            if erx.nickname_key(r.nickname) == key and r.generator is not None:
                return r.generator
        raise RuleError(f"There is no code generator held here called “{erx.normalise_nickname(nickname)}”.")

    def add_generator(self, nickname: str | None, otp: OtpParams, *, idme: bool = False) -> Generator:
        """Add a code generator held here: another account (default) or, with `idme`, an ID.me device."""
        (added,) = self.enroll([Candidate(nickname, erx.DeviceOption.GENERATOR_HERE, otp, idme=idme)])
        return self.generator(added.nickname)

    def remove_generator(self, nickname: str) -> None:
        """Remove another account's code generator (an ID.me device is removed as a device)."""
        with self.vault.transaction() as db:
            row = self._row(db, nickname)
            if row["idme"] is None or row["idme"]:
                raise RuleError(
                    f"“{row['nickname']}” is an ID.me device: remove it from the ID.me device table "
                    "(`device remove`), which keeps exactly one primary device."
                )
            repo.delete_device(db, row["id"])
            self._log(db, "code generator removed", event(N_("“{name}” was removed."), name=row["nickname"]))
        self._emit(DevicesChanged(removed=(int(row["id"]),)))

    def rename_generator(self, old: str, new: str) -> Generator:
        stored = self._rename(old, new)
        if stored.generator is None:
            raise RuleError(f"“{stored.nickname}” has no code generator held here.")
        return stored.generator

    def link_generator(self, nickname: str, device: str | None = None) -> erx.Device:
        """This code generator IS an ID.me device: a new row of the ID.me table, or the existing `device`.

        With `device` (an ID.me device whose code is not made here yet), that
        device takes the generator's secret and now lives on this computer; its
        nickname and primary flag stay, and the generator's own row goes.
        Without, the generator becomes an ID.me device under its own nickname
        (primary if it is the first). One change, one activity entry.
        """
        with self.vault.transaction() as db:
            row = self._row(db, nickname)
            if row["idme"] is None or row["idme"]:
                raise RuleError(f"“{row['nickname']}” is already an ID.me device.")
            target_id = int(row["id"])
            if device is not None and str(device).strip():
                target = self._device_row(db, device)
                if target["option"] == erx.DeviceOption.PUSH.value:
                    raise RuleError(f"“{target['nickname']}” is a push device: it has no code generator.")
                if target["option"] == erx.DeviceOption.GENERATOR_HERE.value:
                    raise RuleError(f"“{target['nickname']}” already has its code generator held here.")
                target_id = int(target["id"])
                repo.delete_device(db, row["id"])
                repo.set_otp_uri(db, target_id, row["otp_uri"])
                repo.set_option(db, target_id, erx.DeviceOption.GENERATOR_HERE.value)
                detail = event(
                    N_(
                        "The code generator “{name}” is the ID.me device “{device}”: "
                        "its codes are now made here."
                    ),
                    name=row["nickname"],
                    device=target["nickname"],
                )
            else:
                repo.set_idme(db, target_id, True)
                template = N_("“{name}” is now an ID.me device (Generate 2FA Key).")
                detail = event(template, name=row["nickname"])
            made = self._settle_primary(db)
            if made is not None:
                primary = event(N_("“{name}” is now the primary device."), name=made[1])
                detail = event(N_("{first} {second}"), first=detail, second=primary)
            self._log(db, "code generator linked", detail)
            stored = repo.decode_row(repo.device_row(db, target_id))
        removed = (int(row["id"]),) if target_id != int(row["id"]) else ()
        self._emit(DevicesChanged(removed=removed, updated=(target_id,), primary=made[0] if made else None))
        assert stored.device is not None
        return stored.device

    def unlink_generator(self, nickname: str, successor: str | None = None) -> Generator:
        """This ID.me device is not one after all: its code generator stays held here, under other accounts.

        It leaves the ID.me device table; when it was the primary, the primary
        rule applies as for a removal (`successor`).
        """
        with self.vault.transaction() as db:
            row = self._device_row(db, nickname)
            if row["option"] != erx.DeviceOption.GENERATOR_HERE.value or not row["otp_uri"]:
                raise RuleError(
                    f"“{row['nickname']}” has no code generator held here: it is only a row of the ID.me "
                    "table. Remove it there if it is not an ID.me device."
                )
            heir = self._successor(db, row, successor)
            repo.set_idme(db, row["id"], False)
            made = self._settle_primary(db, int(heir["id"]) if heir is not None else None)
            detail = event(
                N_("“{name}” is not an ID.me device: its code is listed under other accounts."),
                name=row["nickname"],
            )
            if made is not None:
                primary = event(N_("“{name}” is now the primary device."), name=made[1])
                detail = event(N_("{first} {second}"), first=detail, second=primary)
            self._log(db, "code generator unlinked", detail)
            stored = repo.decode_row(repo.device_row(db, row["id"]))
        self._emit(DevicesChanged(updated=(int(row["id"]),), primary=made[0] if made else None))
        assert stored.generator is not None
        return stored.generator

    def move_to_phone(self, nickname: str) -> erx.Device:
        """The ID.me device now lives on a phone: it stays in the table, its code is no longer made here.

        Nothing changes in ID.me (the same secret, the same device). The
        secret stays in this profile until `forget_secret` (the window offers
        it only after the move), so a mistake can still be undone.
        """
        with self.vault.transaction() as db:
            row = self._device_row(db, nickname)
            if row["option"] != erx.DeviceOption.GENERATOR_HERE.value:
                raise RuleError(f"“{row['nickname']}” does not make its codes on this computer.")
            repo.set_option(db, row["id"], erx.DeviceOption.GENERATOR_OTHER.value)
            self._log(
                db,
                "device moved to a phone",
                event(
                    N_("“{name}” now makes its codes on a phone; nothing changed in ID.me."),
                    name=row["nickname"],
                ),
            )
            stored = repo.decode_row(repo.device_row(db, row["id"]))
        self._emit(DevicesChanged(updated=(int(row["id"]),)))
        assert stored.device is not None
        return stored.device

    def forget_secret(self, nickname: str) -> erx.Device:
        """Remove the secret of an ID.me device that moved to a phone from this computer (the row stays)."""
        with self.vault.transaction() as db:
            row = self._device_row(db, nickname)
            if row["option"] == erx.DeviceOption.GENERATOR_HERE.value:
                raise RuleError(
                    f"“{row['nickname']}” still makes its codes here: move it to a phone first, "
                    "or remove the device."
                )
            if not row["otp_uri"]:
                raise RuleError(f"This computer holds no secret for “{row['nickname']}”.")
            repo.set_otp_uri(db, row["id"], None)
            detail = event(N_("The secret of “{name}” was removed from this computer."), name=row["nickname"])
            self._log(db, "secret removed", detail)
            stored = repo.decode_row(repo.device_row(db, row["id"]))
        self._emit(DevicesChanged(updated=(int(row["id"]),)))
        assert stored.device is not None
        return stored.device

    def next_hotp_code(self, device_id: int) -> str:
        """The next code of a counter-based (HOTP) generator; its stored counter moves on by one (issue 13).

        One transaction reads the counter, computes the code for it and stores
        counter + 1, so the stored value is always the next unused one and two
        windows (or a window and the CLI) can never hand out the same code.
        Showing a code never comes here; only the person's "Next code" does.
        The activity entry names the generator, never the code.
        """
        from epcs_desktop.core.otp import hotp
        from epcs_desktop.core.otpauth import MAX_COUNTER

        with self.vault.transaction() as db:
            row = repo.device_row(db, int(device_id))
            if row is None:
                raise RuleError("This code generator is no longer in this profile.")
            stored = repo.decode_row(row)
            params = stored.otp
            if params is None or params.kind != OtpKind.HOTP:
                raise RuleError(f"“{stored.nickname}” is not a counter-based code generator.")
            if params.counter >= MAX_COUNTER:
                raise RuleError(f"“{stored.nickname}” has used every code its counter allows.")
            code = hotp(params)
            repo.set_otp_uri(db, stored.id, repo.encode_otp(replace(params, counter=params.counter + 1)))
            used = event(N_("“{name}” made its next code (its counter moved on)."), name=stored.nickname)
            self._log(db, "HOTP code used", used)
        self._emit(DevicesChanged(updated=(stored.id,)))
        return code
