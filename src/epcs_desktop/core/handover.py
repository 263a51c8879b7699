"""Profile hand-over: front-desk staff set a profile up, the clinician takes it over.

Staff can create a clinician's profile, fill in the Prescriber Info and give
the clinician a temporary password on paper. That password is known to two
people, so it must not stay: the profile itself records that it is on a
temporary password (`Profile.requires_new_password`), `ProfileStore.open`
refuses it to every front end that does not then replace it (the CLI exits 5),
and the window asks for a new password before showing anything else.

The state and its rules live in `core.profile` (the only writer); this module
keeps the front desk's vocabulary: a readable temporary password
(`ProfileStore.create(..., temporary=True)` makes the handed-over profile). Every profile is its own SQLCipher
file under its own password, so staff who hand a profile over cannot read its
codes once the clinician has changed the password. No Qt here.
"""

from __future__ import annotations

import logging
import secrets

log = logging.getLogger(__name__)

__all__ = ["HANDOVER_KEY", "generate_temporary_password"]

# Where `Profile` keeps the hand-over state (JSON in the record table: flag, Argon2id hash of the
# temporary password, who and when; never the password).
HANDOVER_KEY = "frontdesk.handover"
# Letters and digits that cannot be confused when read off paper (no 0/O, 1/l/I).
_READABLE = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def generate_temporary_password(length: int = 12) -> str:
    """A random password that is easy to read aloud and type: groups of four, dash-separated."""
    chars = "".join(secrets.choice(_READABLE) for _ in range(length))
    return "-".join(chars[i : i + 4] for i in range(0, length, 4))
