"""Password re-entry before secrets leave the screen (export, "Move to a phone").

Why: an unlocked window may be left unattended at a front desk; showing a
QR code that copies a clinician's code generator, or writing an export file,
must be confirmed by the profile password again, like KeePassXC and Aegis
ask before they reveal or export secrets. The check changes nothing: the key
file's check value (Argon2id) answers it, or, for a profile still on the old
PBKDF2 key, a read-only probe of the file (which never writes a byte).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from epcs_desktop.core import profilekey
from epcs_desktop.core.errors import EpcsError

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)


def check_profile_password(profile: Profile, password: str) -> bool:
    """True when `password` opens `profile`'s file. Slow on purpose (the KDF): call it off the GUI thread."""
    if not isinstance(password, str) or not password or "\x00" in password:
        return False
    path = profile.path
    entries = profilekey.read_key_file(path)
    if entries:
        return any(profilekey.derive(password, entry)[1] for entry in entries)
    from epcs_desktop.core.vault import DEFAULT_BUSY_TIMEOUT, probe, quote_password

    try:
        return probe(path, quote_password(password), DEFAULT_BUSY_TIMEOUT)
    except EpcsError:
        log.info("password re-entry could not read the profile file")
        return False
