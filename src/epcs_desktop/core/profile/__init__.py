"""The profile service: the only writer of a profile's encrypted storage.

Every front end (window, CLI, front-desk dialogs, backup restore, importers)
changes a profile only through `Profile`, so every change is validated the
same way, is one transaction, and leaves exactly one activity entry (what
happened, to which device; never a secret). Listeners get a typed event
(`core.events`) after the commit, so a view that refreshes never sees a
half-applied state and knows what changed.

`Profile` is a facade over small parts, each holding the rules of one area:

- `devices`: ID.me devices, exactly one primary (`_settle_primary`), rows
  repaired or set aside when a profile opens;
- `generators`: decoding held secrets, the HOTP counter rule;
- `records`: Prescriber Info, identity, settings, guide progress, activity;
- `handover`: the temporary password and password changes;
- `restore`: snapshots, the restore plan and applying it;
- `repository`: every row statement, used only by these parts.

"Same account" and nicknames for new devices are `core.enrollment`'s; the
password rule is `core.passwords`'.
"""

from __future__ import annotations

from epcs_desktop.core.context import PolicySource
from epcs_desktop.core.enrollment import HOTP_MESSAGE, Candidate, check_new_device
from epcs_desktop.core.profile.base import ActivityEntry, Listener
from epcs_desktop.core.profile.handover import HandoverRules
from epcs_desktop.core.profile.restore import (
    SNAPSHOT_FORMAT,
    SNAPSHOT_VERSION,
    RestorePlan,
    RestoreRules,
    RestoreStep,
    is_other_clinicians,
    other_clinician_error,
    plan_restore,
)
from epcs_desktop.core.vault import Vault, encode_otp

__all__ = [
    "HOTP_MESSAGE",
    "SNAPSHOT_FORMAT",
    "SNAPSHOT_VERSION",
    "ActivityEntry",
    "Listener",
    "NewDevice",
    "Profile",
    "RestorePlan",
    "RestoreStep",
    "check_new_device",
    "encode_otp",
    "is_other_clinicians",
    "other_clinician_error",
    "plan_restore",
]

# One device to add: the same fields as `Profile.add_device` (an enrollment candidate).
NewDevice = Candidate


class Profile(HandoverRules, RestoreRules):
    """An unlocked clinician profile: devices, prescriber info, identity, settings, activity."""

    def __init__(self, vault: Vault, name: str, policy: PolicySource) -> None:
        super().__init__(vault, name, policy)
        self._check_stored_rows()

    def __enter__(self) -> Profile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
