"""Code generators held here: decoding stored secrets and handing out HOTP codes.

Why apart from the device list: a generator is a secret this computer makes
codes from; its decoding cache and its counter rule (an HOTP counter only moves
forward, one code per "Next code") do not depend on the ID.me table.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from epcs_desktop.core import erx
from epcs_desktop.core.activity import event
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.events import DevicesChanged
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.profile import repository as repo
from epcs_desktop.core.profile.base import ProfileBase

logger = logging.getLogger(__name__)


class GeneratorRules(ProfileBase):
    """Decoding rows once per session, and the HOTP counter rule."""

    def _decode(self, row: Any) -> erx.Device:
        """`device_from_row`, remembered per row id while the row's stored values stay the same."""
        values = tuple(row)
        cached = self._decoded.get(int(row["id"]))
        if cached is not None and cached[0] == values:
            return cached[1]
        device = repo.device_from_row(row)
        self._decoded[device.id] = (values, device)
        return device

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
            row = repo.device_row(db, int(device_id))
            if row is None:
                raise RuleError("This code generator is no longer in this profile.")
            device = repo.device_from_row(row)
            params = device.otp
            if params is None or params.kind != "hotp":
                raise RuleError(f"“{device.nickname}” is not a counter-based code generator.")
            if params.counter >= MAX_COUNTER:
                raise RuleError(f"“{device.nickname}” has used every code its counter allows.")
            code = hotp(params)
            repo.set_otp_uri(db, device.id, repo.encode_otp(replace(params, counter=params.counter + 1)))
            used = event(N_("“{name}” made its next code (its counter moved on)."), name=device.nickname)
            self._log(db, "HOTP code used", used)
        self._emit(DevicesChanged(updated=(device.id,)))
        return code
