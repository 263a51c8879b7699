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
from epcs_desktop.core.i18n import N_

logger = logging.getLogger(__name__)

Kind = Literal["int", "url", "host", "str", "bool"]


@dataclass(frozen=True)
class Setting:
    key: str
    kind: Kind
    default: Any
    label: str
    help: str
    minimum: int | None = None
    maximum: int | None = None
    #: 0 means "off/never" (no auto-lock, keep the clipboard): a policy's "at most N" excludes it.
    zero_means_off: bool = False
    #: Set only by the practice's machine policy (core/policy.py): a profile never stores it, the
    #: Settings window does not show it, and `settings set` refuses it.
    it_only: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "auto_lock_minutes", "int", 5, N_("Lock after inactivity (minutes)"),
        N_("The profile locks itself after this many idle minutes; 0 never locks (not recommended)."),
        minimum=0, maximum=240, zero_means_off=True,
    ),
    Setting(
        "clipboard_clear_seconds", "int", 30, N_("Clear copied codes after (seconds)"),
        N_("A copied code is wiped from the clipboard after this many seconds; 0 keeps it."),
        minimum=0, maximum=600, zero_means_off=True,
    ),
    Setting(
        "idme_security_url", "url", "https://account.id.me/signin-security", N_("ID.me Sign In & Security"),
        N_("Where ID.me lets you add, rename or delete MFA devices."),
    ),
    Setting(
        "drchrono_erx_url", "url", "https://app.drchrono.com/account/settings/", N_("DrChrono eRx Info"),
        N_("DrChrono's Account > Provider Settings page (eRx Info tab)."),
    ),
    Setting(
        "epcs_permissions_url", "url", "https://app.drchrono.com/account/settings/", N_("EPCS Permissions"),
        N_("DrChrono's page for adjusting EPCS permissions."),
    ),
    Setting(
        "camera_index", "int", 0, N_("Camera"), N_("Which camera scans QR codes (0 is the first)."),
        minimum=0, maximum=63,
    ),
    Setting(
        "clock_check", "bool", True, N_("Check this computer's clock"),
        N_("Ask the time server at unlock and every few hours whether this computer's clock is right. "
        "Turn off on computers that must not contact a time server."),
    ),
    Setting(
        "ntp_server", "host", "pool.ntp.org", N_("Time server"),
        N_("Used to check that this computer's clock is right; codes depend on it. "
        "A host name or address, optionally with a port (host:123, [2001:db8::1]:123)."),
    ),
    Setting(
        "backup_reminder_days", "int", 14, N_("Backup reminder (days)"),
        N_("Remind me to make an encrypted backup after this many days; 0 turns reminders off."),
        minimum=0, maximum=365, zero_means_off=True,
    ),
    # Keys a practice's IT sets through the machine policy (core/policy.py, docs/deployment.md).
    Setting(
        "disable_practice_mode", "bool", False, N_("Turn off practice enrollment"),
        N_("Hide Tools > Practice enrollment, the rehearsal of ID.me's enrollment with sample codes."),
    ),
    Setting(
        "disable_export", "bool", False, N_("Turn off exports"),
        N_("Refuse exporting this profile's code generators (otpauth list, Aegis, 2FAS files)."),
    ),
    Setting(
        "required_backup_folder", "str", "", N_("Backup folder"),
        N_("Encrypted backups are saved in this folder (empty: you choose each time)."),
    ),
    # Set only by IT (machine policy): each turns one way in or out of the profile off, for the
    # window and the command line alike (core/policy.py ACTIONS; docs/deployment.md).
    Setting(
        "disable_camera_scan", "bool", False, N_("Turn off camera scanning"),
        N_("Refuse scanning QR codes with a camera; typing the key or scanning an image file still works."),
        it_only=True,
    ),
    Setting(
        "disable_screen_scan", "bool", False, N_("Turn off screen scanning"),
        N_("Refuse reading QR codes from the screen."), it_only=True,
    ),
    Setting(
        "disable_import", "bool", False, N_("Turn off importing"),
        N_("Refuse importing code generators from other authenticator apps' files."), it_only=True,
    ),
    Setting(
        "disable_restore", "bool", False, N_("Turn off restoring backups"),
        N_("Refuse restoring an encrypted backup into a profile."), it_only=True,
    ),
    Setting(
        "disable_move_to_phone", "bool", False, N_("Turn off moving to a phone"),
        N_("Refuse showing a code generator's QR code for a phone app to take over."), it_only=True,
    ),
    Setting(
        "min_password_strength", "int", 0, N_("Minimum password strength"),
        N_("New profile, hand-over and backup passwords must reach this strength: "
        "0 no minimum, 1 Weak, 2 Fair, 3 Good, 4 Strong."),
        minimum=0, maximum=4, it_only=True,
    ),
)  # fmt: skip

#: What a profile stores and the Settings window shows (the IT-only keys come from the policy alone).
PROFILE_SETTINGS: tuple[Setting, ...] = tuple(s for s in SETTINGS if not s.it_only)

_BY_KEY = {s.key: s for s in SETTINGS}


def setting(key: str) -> Setting:
    """Look up a declared setting; an unknown key is a user-facing error (the CLI takes keys)."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise RuleError(f"There is no setting called “{str(key)[:40]}”.") from None


def defaults() -> dict[str, Any]:
    """Every setting at its default value."""
    return {s.key: s.default for s in SETTINGS}


def coerce(key: str, value: Any) -> Any:
    """Validate and convert `value` for `key` (strings from the CLI are accepted), or raise RuleError."""
    s = setting(key)
    if s.kind == "int":
        return _coerce_int(s, value)
    if s.kind == "bool":
        return _coerce_bool(s, value)
    from epcs_desktop.core.textguard import check_text

    # No control, escape, direction-changing or invisible character in any text setting: they are
    # printed by `settings show` and shown in the window, and a restored backup is checked the same way.
    text = check_text(str(value), s.label, 500, RuleError)
    if s.kind == "url":
        parts = urlsplit(text)
        if parts.scheme != "https" or not parts.netloc or any(c.isspace() for c in text):
            raise RuleError(f"{s.label}: enter a full https:// address.")
        return text
    if s.kind == "host":
        from epcs_desktop.core.ntp import NtpError, parse_server

        try:
            parse_server(text)  # host name/address and port (1..65535) both checked; nothing is looked up
        except NtpError as exc:
            raise RuleError(f"{s.label}: {exc}") from None
        return text
    return text


_TRUE = frozenset({"1", "on", "yes", "true"})
_FALSE = frozenset({"0", "off", "no", "false"})


def _coerce_bool(s: Setting, value: Any) -> bool:
    """True/False, or the words a CLI user or a text field gives (on/off, yes/no, true/false, 1/0)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise RuleError(f"{s.label}: enter on or off.")


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


def _default(key: str) -> Any:
    return _BY_KEY[key].default


@dataclass(frozen=True)
class Settings:
    """A profile's settings as typed attributes: ``profile.settings.auto_lock_minutes``.

    Why typed: reading ``settings()["auto_lock_minutes"]`` with the default
    written again at every call site let the copies drift. The defaults here
    come from `SETTINGS` only (a test checks the fields are exactly the
    registry's keys); `from_stored` is the one place a stored value is coerced
    or, when it no longer validates, replaced by the default.
    """

    auto_lock_minutes: int = _default("auto_lock_minutes")
    clipboard_clear_seconds: int = _default("clipboard_clear_seconds")
    idme_security_url: str = _default("idme_security_url")
    drchrono_erx_url: str = _default("drchrono_erx_url")
    epcs_permissions_url: str = _default("epcs_permissions_url")
    camera_index: int = _default("camera_index")
    clock_check: bool = _default("clock_check")
    ntp_server: str = _default("ntp_server")
    backup_reminder_days: int = _default("backup_reminder_days")
    disable_practice_mode: bool = _default("disable_practice_mode")
    disable_export: bool = _default("disable_export")
    required_backup_folder: str = _default("required_backup_folder")
    disable_camera_scan: bool = _default("disable_camera_scan")
    disable_screen_scan: bool = _default("disable_screen_scan")
    disable_import: bool = _default("disable_import")
    disable_restore: bool = _default("disable_restore")
    disable_move_to_phone: bool = _default("disable_move_to_phone")
    min_password_strength: int = _default("min_password_strength")

    @classmethod
    def from_stored(cls, stored: Any) -> Settings:
        """Stored values over the registry's defaults; an unknown key or a value that no longer
        validates is ignored (logged), so an old or damaged entry never breaks the profile."""
        values: dict[str, Any] = {}
        for key, value in (stored if isinstance(stored, dict) else {}).items():
            try:
                values[key] = coerce(key, value)
            except RuleError:
                logger.warning("ignoring stored setting %s that no longer validates", str(key)[:40])
        return cls(**values)

    def __getitem__(self, key: str) -> Any:
        """The value by registry key (forms built from `SETTINGS`); unknown key: RuleError."""
        return getattr(self, setting(key).key)

    def as_dict(self) -> dict[str, Any]:
        return {s.key: getattr(self, s.key) for s in SETTINGS}
