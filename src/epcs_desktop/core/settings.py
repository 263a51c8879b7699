"""Per-profile settings, declared once as data.

Declaring every setting (type, default, bounds, label, help) in one table lets
the settings dialog, the CLI and the vault share one source of truth: the
dialog builds its form from SETTINGS, and `coerce` is the only validator.
Values are stored in the profile's encrypted vault, so links and camera choice
travel with the clinician, not the machine.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from epcs_desktop.core.errors import RuleError

logger = logging.getLogger(__name__)

Kind = Literal["int", "url", "host", "str"]


@dataclass(frozen=True)
class Setting:
    key: str
    kind: Kind
    default: Any
    label: str
    help: str
    minimum: int | None = None
    maximum: int | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "auto_lock_minutes", "int", 5, "Lock after inactivity (minutes)",
        "The profile locks itself after this many idle minutes; 0 never locks (not recommended).",
        minimum=0, maximum=240,
    ),
    Setting(
        "clipboard_clear_seconds", "int", 30, "Clear copied codes after (seconds)",
        "A copied code is wiped from the clipboard after this many seconds; 0 keeps it.",
        minimum=0, maximum=600,
    ),
    Setting(
        "idme_security_url", "url", "https://account.id.me/signin-security", "ID.me Sign In & Security",
        "Where ID.me lets you add, rename or delete MFA devices.",
    ),
    Setting(
        "drchrono_erx_url", "url", "https://app.drchrono.com/account/settings/", "DrChrono eRx Info",
        "DrChrono's Account > Provider Settings page (eRx Info tab).",
    ),
    Setting(
        "epcs_permissions_url", "url", "https://app.drchrono.com/account/settings/", "EPCS Permissions",
        "DrChrono's page for adjusting EPCS permissions.",
    ),
    Setting(
        "camera_index", "int", 0, "Camera", "Which camera scans QR codes (0 is the first).",
        minimum=0, maximum=63,
    ),
    Setting(
        "ntp_server", "host", "pool.ntp.org", "Time server",
        "Used to check that this computer's clock is right; codes depend on it.",
    ),
    Setting(
        "backup_reminder_days", "int", 14, "Backup reminder (days)",
        "Remind me to make an encrypted backup after this many days; 0 turns reminders off.",
        minimum=0, maximum=365,
    ),
)  # fmt: skip

_BY_KEY = {s.key: s for s in SETTINGS}


def setting(key: str) -> Setting:
    """Look up a declared setting; an unknown key is a user-facing error (the CLI takes keys)."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise RuleError(f"There is no setting called '{str(key)[:40]}'.") from None


def defaults() -> dict[str, Any]:
    """Every setting at its default value."""
    return {s.key: s.default for s in SETTINGS}


def coerce(key: str, value: Any) -> Any:
    """Validate and convert `value` for `key` (strings from the CLI are accepted), or raise RuleError."""
    s = setting(key)
    if s.kind == "int":
        return _coerce_int(s, value)
    text = str(value).strip()
    if s.kind == "url":
        parts = urlsplit(text)
        if parts.scheme != "https" or not parts.netloc or any(c.isspace() for c in text):
            raise RuleError(f"{s.label}: enter a full https:// address.")
        return text
    if s.kind == "host":
        ok = 0 < len(text) <= 253 and all(c.isalnum() or c in ".-:[]" for c in text)
        if not ok:
            raise RuleError(f"{s.label}: enter a host name such as {s.default}.")
        return text
    if len(text) > 500:
        raise RuleError(f"{s.label}: at most 500 characters.")
    return text


def _coerce_int(s: Setting, value: Any) -> int:
    if isinstance(value, bool):
        raise RuleError(f"{s.label}: enter a whole number.")
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise RuleError(f"{s.label}: enter a whole number.") from None
    if s.minimum is not None and number < s.minimum:
        raise RuleError(f"{s.label}: the smallest allowed value is {s.minimum}.")
    if s.maximum is not None and number > s.maximum:
        raise RuleError(f"{s.label}: the largest allowed value is {s.maximum}.")
    return number
