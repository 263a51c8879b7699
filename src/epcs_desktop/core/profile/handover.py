"""Hand-over: a profile on a temporary password, and changing the profile password.

Why here: the hand-over state (a flag plus an Argon2id hash of the temporary
password) must be replaced, never "changed" to itself, and the order of re-key
and clearing the flag matters for a crash in between (`replace_temporary_password`).
"""

from __future__ import annotations

import json
import logging
import unicodedata
from typing import Any

from epcs_desktop.core.activity import event
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.events import HandoverChanged, PasswordChanged
from epcs_desktop.core.handover import HANDOVER_KEY
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.passwords import SAME_AS_TEMPORARY, check_new_password
from epcs_desktop.core.profile import repository as repo
from epcs_desktop.core.profile.base import ProfileBase

logger = logging.getLogger(__name__)


def _password_hasher() -> Any:
    from argon2 import PasswordHasher  # only for hand-over profiles

    return PasswordHasher()


class HandoverRules(ProfileBase):
    """The profile password and the front desk's hand-over state."""

    def change_password(self, new: str, confirm: str | None = None) -> None:
        """Re-key the file with `new` (the one password policy). On a hand-over profile this is
        `replace_temporary_password`, so the temporary password can never be "changed" to itself."""
        if self.requires_new_password:
            self.replace_temporary_password(new, new if confirm is None else confirm)
            return
        self.vault.change_password(check_new_password(new, confirm, minimum=self.minimum_password_strength()))
        with self.vault.transaction() as db:
            self._log(db, "password changed", event(N_("The profile password was changed.")))
        self._emit(PasswordChanged())

    def _handover(self) -> dict[str, Any] | None:
        raw = repo.get_record(self.vault, HANDOVER_KEY)
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
            repo.upsert_record(db, HANDOVER_KEY, json.dumps(record))
            handed = event(N_("Created by the front desk on a temporary password."))
            self._log(db, "profile handed over", handed)
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
        check_new_password(new, confirm, minimum=self.minimum_password_strength())
        if self.requires_new_password:
            # Not the temporary password give or take spaces either (issue 23 item 12: it plus a trailing
            # space was accepted as the clinician's own, though the front desk knows it).
            variants = {new, new.strip(), " ".join(unicodedata.normalize("NFC", new).split())}
            if any(self.is_temporary_password(v) for v in variants if v):
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
        self._finish_handover(event(N_("The temporary password was replaced by the clinician's own.")))

    def clear_stale_handover(self) -> None:
        """The hand-over flag outlived an interrupted `replace_temporary_password` (see there): clear it.

        Called by `ProfileStore.open` only when the password that opened the
        file is *not* the temporary one, i.e. the re-key had committed.
        """
        self._finish_handover(
            event(N_("The temporary password had already been replaced; the reminder was cleared."))
        )

    def _finish_handover(self, detail: str) -> None:
        with self.vault.transaction() as db:
            repo.delete_record(db, HANDOVER_KEY)
            self._log(db, "password changed", detail)
        logger.info("hand-over completed: profile password replaced")
        self._emit(HandoverChanged())
