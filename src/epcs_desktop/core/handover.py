"""Profile hand-over: front-desk staff set a profile up, the clinician takes it over.

Staff can create a clinician's profile, fill in the Prescriber Info and give
the clinician a temporary password on paper. That password is known to two
people, so it must not stay: a flag in the profile's own (encrypted) vault
says "must change password at next unlock", and the shell asks for a new
password before showing anything else. A hash of the temporary password is
kept only until then so the clinician cannot "change" it to itself.

Every profile is its own SQLCipher file under its own password, so staff who
hand a profile over cannot read its codes once the clinician has changed the
password. No Qt here; the dialogs are in `ui/frontdesk/handover.py`.
"""

from __future__ import annotations

import json
import logging
import secrets
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.guide import StateStore, state_store

log = logging.getLogger(__name__)

HANDOVER_KEY = "frontdesk.handover"
# Letters and digits that cannot be confused when read off paper (no 0/O, 1/l/I).
_READABLE = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

_hasher = PasswordHasher()


def generate_temporary_password(length: int = 12) -> str:
    """A random password that is easy to read aloud and type: groups of four, dash-separated."""
    chars = "".join(secrets.choice(_READABLE) for _ in range(length))
    return "-".join(chars[i : i + 4] for i in range(0, length, 4))


def check_password_strength(password: str) -> None:
    """The profile's own password rule (`core.profile.check_new_password`), so every path agrees."""
    from epcs_desktop.core.profile import check_new_password

    check_new_password(password)


def mark_handed_over(store: StateStore, temporary_password: str, now: float, staff: str = "") -> None:
    """Record that the profile is on a temporary password (called by the front desk)."""
    record = {
        "version": 1,
        "must_change": True,
        "temp_hash": _hasher.hash(temporary_password),
        "created_at": now,
        "staff": staff,
    }
    store.set_state(HANDOVER_KEY, json.dumps(record))


def _record(store: StateStore) -> dict[str, Any] | None:
    raw = store.get_state(HANDOVER_KEY)
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        # A damaged flag must fail safe: insist on a new password.
        log.warning("hand-over record unreadable; requiring a new password")
        return {"must_change": True, "temp_hash": ""}
    return data if isinstance(data, dict) else {"must_change": True, "temp_hash": ""}


def must_change_password(store: StateStore) -> bool:
    rec = _record(store)
    return bool(rec and rec.get("must_change"))


def handed_over_by(store: StateStore) -> str:
    rec = _record(store)
    return str(rec.get("staff", "")) if rec else ""


def validate_new_password(store: StateStore, new: str, confirm: str) -> None:
    """Reject a new password that does not match, is weak, or is the temporary one."""
    if new != confirm:
        raise RuleError("The two passwords are not the same.")
    check_password_strength(new)
    rec = _record(store) or {}
    temp_hash = str(rec.get("temp_hash", ""))
    if temp_hash:
        try:
            _hasher.verify(temp_hash, new)
        except (VerificationError, InvalidHashError):
            return
        raise RuleError("Choose a password of your own, not the temporary one you were given.")


def complete_handover(profile: Any, store: StateStore, new: str, confirm: str) -> None:
    """Re-key the vault with the clinician's password, then drop the flag and the temporary hash."""
    validate_new_password(store, new, confirm)
    profile.change_password(new)
    store.set_state(HANDOVER_KEY, None)
    log.info("hand-over completed: profile password replaced")


def create_handover_profile(
    profiles: Any,
    name: str,
    temporary_password: str,
    now: float,
    prescriber: Any = None,
    staff: str = "",
) -> Any:
    """Create a profile on a temporary password, fill Prescriber Info, set the must-change flag.

    `profiles` is a `ProfileStore`. Returns the open `Profile`; the caller
    closes it once the hand-over sheet is printed.
    """
    check_password_strength(temporary_password)
    profile = profiles.create(name, temporary_password)
    try:
        if prescriber is not None:
            profile.set_prescriber(prescriber)
        mark_handed_over(state_store(profile), temporary_password, now, staff)
        profile.log_activity("profile handed over", "created by front desk on a temporary password")
    except BaseException:
        profile.close()
        raise
    return profile
