"""Machine-wide policy: the defaults and locks a practice's IT sets for every profile on a workstation.

Why: a practice deploys EPCS Desktop to many workstations and must be able to
say "auto-lock after at most 5 minutes, use our time server, no exports" once,
centrally, and know that a clinician cannot undo it in Settings or with the
CLI. So the policy sits *between* the profile's stored values and what the
program uses: a locked key always reads the policy's value, and
`Profile.set_settings` refuses to change it.

Where it comes from (first source that locks a key wins; first that gives a default wins):

- Windows: the registry, ``HKLM\\Software\\Policies\\EPCS Desktop`` (Group Policy / Intune): a value
  named after a setting locks it; the ``Recommended`` subkey only sets defaults. Then the file
  ``%ProgramData%\\EPCS Desktop\\policy.json``.
- macOS: a configuration profile's managed preferences for ``org.epcsdesktop.EpcsDesktop`` (same
  ``settings`` dictionary as the file), then ``/Library/Application Support/EPCS Desktop/policy.json``.
- Linux: ``/etc/epcs-desktop/policy.json``.
- ``$EPCS_DESKTOP_POLICY`` names one more file (tests, staging). It is read AFTER the machine's own
  file, the registry and managed preferences, so it can add locks but never lift one that IT set:
  a user who can set environment variables cannot escape the practice's policy.

The file: ``{"settings": {"auto_lock_minutes": {"value": 5, "locked": true}, "ntp_server":
{"value": "time.example.org"}}}`` with the settings registry's keys (core/settings.py).

Fail safe: a file that exists but cannot be read or understood is reported as one
line (`PolicyError`) and every setting it could have locked stays locked, to its
safest reading (`SAFEST`): a broken file must never be a way to unlock a setting.
An entry that is wrong on its own (bad value, unknown field such as ``"lock"``)
locks only its own key that way; an unknown setting name is reported and ignored.

Pure standard library; no Qt. Reading the Windows registry is done by a reader
function that tests replace (`load_policy(registry_values=...)`).
"""

from __future__ import annotations

import json
import logging
import os
import plistlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from epcs_desktop.core import settings as registry
from epcs_desktop.core.bounded import JsonShapeError, loads_json, read_bounded
from epcs_desktop.core.errors import EpcsError, RuleError
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.platform import POLICY_ENV, Platform, current, winreg_values

logger = logging.getLogger(__name__)

# (hive, key) -> {value name: value}; {} when the key is absent.
RegistryValues = Callable[[str, str], Mapping[str, Any]]

MAX_POLICY_BYTES = 1_000_000
MAX_UNKNOWN_REPORTED = 5
# Registry subkeys (under the policy key) holding "at least" / "at most" values, by entry field.
REGISTRY_BOUNDS: Mapping[str, str] = {"min": "Minimum", "max": "Maximum"}
ENTRY_FIELDS = frozenset({"value", "locked", "min", "max"})
SOURCE_DEFAULT = "default"
SOURCE_PROFILE = "profile"


class PolicyError(RuleError):
    """The machine policy could not be read as written; the settings it may lock stay locked."""


def _shortest_positive(current: Any, default: Any) -> Any:
    """For "0 = never" settings: the smaller positive of the current value and the default."""
    if isinstance(current, int) and not isinstance(current, bool) and 0 < current <= default:
        return current
    return default


# The safest reading of each setting, given its current value, for a policy that could not be read.
# A setting not listed here is locked at its current value (nothing gets less safe by keeping it).
SAFEST: Mapping[str, Callable[[Any, Any], Any]] = {
    "auto_lock_minutes": _shortest_positive,
    "clipboard_clear_seconds": _shortest_positive,
    "backup_reminder_days": _shortest_positive,
    "clock_check": lambda current, default: True,
    "disable_practice_mode": lambda current, default: True,
    "disable_export": lambda current, default: True,
    "disable_camera_scan": lambda current, default: True,
    "disable_screen_scan": lambda current, default: True,
    "disable_import": lambda current, default: True,
    "disable_restore": lambda current, default: True,
    "disable_move_to_phone": lambda current, default: True,
}


@dataclass(frozen=True)
class EffectiveSetting:
    """What the program uses for one setting, whether the person may change it, and who set it."""

    value: Any
    locked: bool
    source: str  # "default", "profile", or the policy source ("policy file /etc/…")
    # IT's "at least" / "at most" for a whole-number setting the person may still change (None: none).
    minimum: int | None = None
    maximum: int | None = None


@dataclass(frozen=True)
class _Entry:
    value: Any  # _UNSET: no value given
    locked: bool
    source: str
    fail_safe: bool = False  # locked to the safest reading because the source was unreadable
    minimum: int | None = None  # "at least" (whole-number settings)
    maximum: int | None = None  # "at most"; for a "0 = off" setting, 0 is then out of range too


_UNSET = object()


def clamp(s: registry.Setting, value: Any, minimum: int | None, maximum: int | None) -> Any:
    """`value` moved into IT's bounds; for a "0 = off" setting with a maximum, off becomes the maximum."""
    if s.kind != "int" or not isinstance(value, int):
        return value
    if s.zero_means_off and value == 0:
        return maximum if maximum is not None else value
    if minimum is not None and value < minimum:
        return minimum
    if maximum is not None and value > maximum:
        return maximum
    return value


def bounds_text(s: registry.Setting, minimum: int | None, maximum: int | None) -> str:
    """The rule in words, e.g. "between 1 and 5" (0, "never", is not allowed under a maximum)."""
    low = minimum if minimum is not None else (1 if s.zero_means_off and maximum is not None else s.minimum)
    if maximum is None:
        return f"at least {low}"
    return f"between {low} and {maximum}" if low is not None else f"at most {maximum}"


@dataclass(frozen=True)
class Policy:
    """The merged machine policy. `Policy()` is "no policy": everything follows the profile."""

    entries: Mapping[str, _Entry] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def error(self) -> PolicyError | None:
        """The first problem as an error (None when the policy was read cleanly)."""
        return PolicyError(self.problems[0]) if self.problems else None

    def check(self) -> None:
        """Raise the PolicyError for the first problem, if any (`settings check-policy`)."""
        if self.problems:
            raise PolicyError(self.problems[0])

    def locked(self, key: str) -> bool:
        entry = self.entries.get(key)
        return bool(entry and entry.locked)

    def source_of(self, key: str) -> str | None:
        entry = self.entries.get(key)
        return entry.source if entry else None

    def effective(self, stored: Mapping[str, Any]) -> dict[str, EffectiveSetting]:
        """Every registry key -> EffectiveSetting, given the profile's stored (raw) settings."""
        out: dict[str, EffectiveSetting] = {}
        for s in registry.SETTINGS:
            current, source = s.default, SOURCE_DEFAULT
            if s.key in stored and not s.it_only:  # IT-only keys never come from a profile
                try:
                    current, source = registry.coerce(s.key, stored[s.key]), SOURCE_PROFILE
                except EpcsError:
                    logger.warning("ignoring stored setting %s that no longer validates", s.key)
            entry = self.entries.get(s.key)
            if entry is None:
                out[s.key] = EffectiveSetting(current, False, source)
            elif entry.fail_safe:
                safest = SAFEST.get(s.key, lambda cur, default: cur)(current, s.default)
                out[s.key] = EffectiveSetting(safest, True, entry.source)
            elif entry.locked:
                value = s.default if entry.value is _UNSET else entry.value
                out[s.key] = EffectiveSetting(value, True, entry.source)
            else:
                if source == SOURCE_DEFAULT and entry.value is not _UNSET:
                    current, source = entry.value, entry.source
                if entry.minimum is not None or entry.maximum is not None:
                    bounded = clamp(s, current, entry.minimum, entry.maximum)
                    if bounded != current:
                        current, source = bounded, entry.source
                out[s.key] = EffectiveSetting(current, False, source, entry.minimum, entry.maximum)
        return out

    def apply(self, stored: Mapping[str, Any]) -> dict[str, Any]:
        """The stored settings as the program must see them: policy defaults filled in, locks forced.

        Returns a plain mapping of every key (valid values only), for `Settings.from_stored`.
        """
        return {key: e.value for key, e in self.effective(stored).items()}

    def refuse_locked(self, values: Iterable[str] | Mapping[str, Any]) -> None:
        """RuleError (CLI exit 2, one line) if any key in `values` is locked or IT-only, or (given a
        mapping of new values) a value is outside IT's "at least / at most"; nothing is changed then.

        THE check `Profile.set_settings` makes, so the window and `settings set` refuse alike.
        """
        for key in values:
            s = registry.setting(key)
            entry = self.entries.get(key)
            if s.it_only:
                raise RuleError(
                    f"“{s.label}” ({key}) is set only by your practice's IT, in the machine policy "
                    "(docs/deployment.md)."
                )
            if entry is not None and entry.locked:
                raise RuleError(
                    f"“{s.label}” ({key}) is set by your practice's IT ({entry.source}) "
                    "and cannot be changed here."
                )
            if entry is None or not isinstance(values, Mapping):
                continue
            value = registry.coerce(key, values[key])
            if clamp(s, value, entry.minimum, entry.maximum) != value:
                raise RuleError(f"“{s.label}”: {bounds_text(s, entry.minimum, entry.maximum)}, set by your "
                                f"practice's IT ({entry.source}).")  # fmt: skip


# --- reading -------------------------------------------------------------------------------------


def _fail_safe_all(source: str) -> dict[str, _Entry]:
    return {s.key: _Entry(_UNSET, True, source, fail_safe=True) for s in registry.SETTINGS}


def parse_settings(
    data: Any, source: str, *, locked_by_default: bool = False
) -> tuple[dict[str, _Entry], list[str]]:
    """Entries and problems from a decoded policy document (the file, or a managed-preferences plist).

    `locked_by_default`: the Windows registry's convention (a value under Policies is enforced).
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("settings"), Mapping):
        return _fail_safe_all(source), [
            f'The {source} has no "settings" object; every setting stays locked until IT fixes it.'
        ]
    entries: dict[str, _Entry] = {}
    problems: list[str] = []
    unknown = 0
    for key, raw in data["settings"].items():
        key = str(key)
        try:
            registry.setting(key)
        except RuleError:
            unknown += 1
            if unknown <= MAX_UNKNOWN_REPORTED:  # 50,000 unknown names must not be 50,000 log lines
                problems.append(f"The {source} names an unknown setting “{key[:40]}”; it was ignored.")
            continue
        if locked_by_default:
            raw = {"value": raw, "locked": True}
        bad = _entry_problem(key, raw)
        if bad:
            problems.append(f"The {source}: {key}: {bad}; this setting stays locked until IT fixes it.")
            entries[key] = _Entry(_UNSET, True, source, fail_safe=True)
            continue
        value = raw.get("value", _UNSET)
        if value is not _UNSET:
            value = registry.coerce(key, value)
        low, high = (registry.coerce(key, raw[f]) if f in raw else None for f in ("min", "max"))
        entries[key] = _Entry(value, bool(raw.get("locked", False)), source, minimum=low, maximum=high)
    if unknown > MAX_UNKNOWN_REPORTED:
        more = unknown - MAX_UNKNOWN_REPORTED
        problems.append(f"The {source} names {more} more unknown settings; they were ignored.")
    return entries, problems


def _entry_problem(key: str, raw: Any) -> str | None:
    if not isinstance(raw, Mapping):
        return 'expected an object such as {"value": …, "locked": true}'
    unknown = sorted(str(k) for k in raw if k not in ENTRY_FIELDS)
    if unknown:
        return f"unknown field “{unknown[0][:20]}” (allowed: value, locked)"
    if "locked" in raw and not isinstance(raw["locked"], bool):
        return '"locked" must be true or false'
    if not ({"value", "min", "max"} & set(raw)) and not raw.get("locked"):
        return 'neither "value", "min", "max" nor "locked": true'
    s = registry.setting(key)
    if ("min" in raw or "max" in raw) and s.kind != "int":
        return '"min" and "max" apply only to whole-number settings'
    try:
        checked = {f: registry.coerce(key, raw[f]) for f in ("value", "min", "max") if f in raw}
    except EpcsError as exc:
        return str(exc)
    low, high = checked.get("min"), checked.get("max")
    if low is not None and high is not None and low > high:
        return '"min" is larger than "max"'
    if "value" in checked and clamp(s, checked["value"], low, high) != checked["value"]:
        return f'"value" is outside its own bounds ({bounds_text(s, low, high)})'
    return None


class _UnreadableError(EpcsError):
    """A policy file that exists but cannot be read (folder, device, pipe, permission)."""


def read_policy_file(path: PurePath) -> tuple[dict[str, _Entry], list[str], bool]:
    """(entries, problems, present) for one policy file. A missing file is simply "no policy"."""
    p = Path(path)
    source = f"policy file {path}"
    if not p.exists() and not p.is_symlink():
        return {}, [], False
    try:  # the one bounded read (core/bounded): a FIFO or device here must not hang the start
        raw = read_bounded(p, MAX_POLICY_BYTES + 1, "a policy file", error=_UnreadableError)
    except _UnreadableError as exc:
        return (
            _fail_safe_all(source),
            [f"The {source} could not be read ({exc}); every setting stays locked until IT fixes it."],
            True,
        )
    if len(raw) > MAX_POLICY_BYTES:
        return (
            _fail_safe_all(source),
            [f"The {source} is larger than 1 MB; every setting stays locked until IT fixes it."],
            True,
        )
    try:
        data = loads_json(raw.decode("utf-8-sig"))
    except JsonShapeError as exc:
        return (
            _fail_safe_all(source),
            [f"The {source} cannot be used: {exc}; every setting stays locked until IT fixes it."],
            True,
        )
    except UnicodeDecodeError:
        return (
            _fail_safe_all(source),
            [f"The {source} is not UTF-8 text; every setting stays locked until IT fixes it."],
            True,
        )
    except json.JSONDecodeError as exc:
        return (
            _fail_safe_all(source),
            [
                f"The {source} is not valid JSON (line {exc.lineno}, column {exc.colno}); "
                "every setting stays locked until IT fixes it."
            ],
            True,
        )
    entries, problems = parse_settings(data, source)
    return entries, problems, True


def read_managed_preferences(path: PurePath) -> tuple[dict[str, _Entry], list[str], bool]:
    """A macOS configuration profile's payload (a plist with the same "settings" dictionary)."""
    p = Path(path)
    source = f"configuration profile ({path})"
    if not p.exists() and not p.is_symlink():
        return {}, [], False
    try:  # bounded like the file (a device or a 2 GB plist must not hang or fill memory)
        raw = read_bounded(p, MAX_POLICY_BYTES, "a configuration profile", error=_UnreadableError)
        data = plistlib.loads(raw)
    except (_UnreadableError, plistlib.InvalidFileException, ValueError, RecursionError) as exc:
        logger.debug("managed preferences unreadable: %s", type(exc).__name__)
        return (
            _fail_safe_all(source),
            [f"The {source} could not be read; every setting stays locked until IT fixes it."],
            True,
        )
    entries, problems = parse_settings(data, source)
    return entries, problems, True


def read_registry(platform: Platform, values: RegistryValues) -> tuple[dict[str, _Entry], list[str], bool]:
    """Group Policy values: enforced under the key itself, defaults only under its Recommended subkey,
    "at least" / "at most" under its Minimum / Maximum subkeys (the ADMX templates write these)."""
    where = platform.registry_policy()
    if where is None:
        return {}, [], False
    hive, key = where
    source = f"Windows registry {hive}\\{key}"
    try:
        enforced = dict(values(hive, key))
        recommended = dict(values(hive, key + "\\Recommended"))
        bounds = {f: dict(values(hive, key + "\\" + sub)) for f, sub in REGISTRY_BOUNDS.items()}
    except OSError as exc:
        return (
            _fail_safe_all(source),
            [
                f"The {source} could not be read ({exc.strerror or type(exc).__name__}); "
                "every setting stays locked until IT fixes it."
            ],
            True,
        )
    entries: dict[str, _Entry] = {}
    problems: list[str] = []
    unlocked: dict[str, dict[str, Any]] = {}
    for k, v in recommended.items():
        unlocked.setdefault(k, {})["value"] = v
    for f, found in bounds.items():
        for k, v in found.items():
            unlocked.setdefault(k, {})[f] = v
    if unlocked:
        got, bad = parse_settings({"settings": unlocked}, source)
        entries.update(got)
        problems += bad
    if enforced:
        got, bad = parse_settings({"settings": enforced}, source, locked_by_default=True)
        entries.update(got)  # a lock beats a recommendation for the same key
        problems += bad
    return entries, problems, bool(enforced or unlocked)


def policy_file_location(platform: Platform | None = None, env: Mapping[str, str] | None = None) -> PurePath:
    """``$EPCS_DESKTOP_POLICY`` if set (read in addition to the machine's file), else the machine's file."""
    env = os.environ if env is None else env
    override = env.get(POLICY_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return (platform or current()).policy_file()


def load_policy(
    path: str | os.PathLike[str] | None = None,
    *,
    platform: Platform | None = None,
    registry_values: RegistryValues | None = None,
    env: Mapping[str, str] | None = None,
) -> Policy:
    """Read every policy source of this machine (or `path` instead of the file's usual place).

    Never raises for a bad policy: the problems are in `Policy.problems` (`Policy.check()`
    raises the first as a PolicyError) and the affected keys are locked to their safest reading.
    """
    platform = platform or current()
    if registry_values is None and platform.registry_policy() is not None and os.name == "nt":
        registry_values = winreg_values
    layers: list[tuple[dict[str, _Entry], list[str], bool, str]] = []
    if registry_values is not None:
        entries, problems, present = read_registry(platform, registry_values)
        layers.append((entries, problems, present, "Windows registry"))
    for plist in platform.managed_preference_files():
        entries, problems, present = read_managed_preferences(plist)
        layers.append((entries, problems, present, f"configuration profile ({plist})"))
    files = [PurePath(path)] if path is not None else []
    if path is None:
        machine = platform.policy_file()
        files.append(machine)
        extra = policy_file_location(platform, env)
        if extra != machine:  # the variable adds a file; the machine's own file always applies first
            files.append(extra)
    for file_path in files:
        entries, problems, present = read_policy_file(file_path)
        layers.append((entries, problems, present, f"policy file {file_path}"))

    merged: dict[str, _Entry] = {}
    all_problems: list[str] = []
    sources: list[str] = []
    for entries, problems, present, name in layers:
        all_problems += problems
        if present:
            sources.append(name)
        for key, entry in entries.items():
            have = merged.get(key)
            if have is None or (entry.locked and not have.locked):
                merged[key] = entry
            elif not have.locked and not entry.locked:  # a later source may narrow bounds, never widen
                merged[key] = replace(
                    have,
                    minimum=_tighter(have.minimum, entry.minimum, max),
                    maximum=_tighter(have.maximum, entry.maximum, min),
                )
    for problem in all_problems:
        logger.warning("policy: %s", problem)
    return Policy(entries=merged, problems=tuple(all_problems), sources=tuple(sources))


def _tighter(a: int | None, b: int | None, pick: Callable[[int, int], int]) -> int | None:
    return b if a is None else a if b is None else pick(a, b)


# --- actions IT can turn off ------------------------------------------------------------------------

# What IT can turn off, by action: the IT-only setting that does it and the one sentence shown.
# The check lives here once; each action's own core rule calls `check_action_allowed` (camera:
# core/frames.py, import: core/importers/session.py, restore: core/backup.py and core/profile/restore.py,
# screen: ui/screen_grab.py's grab used by both front ends, move to a phone: ui/move_to_phone.py).
ACTIONS: Mapping[str, tuple[str, str]] = {
    "camera_scan": (
        "disable_camera_scan",
        N_("Camera scanning is turned off by your practice's IT; type the key or scan an image file."),
    ),
    "screen_scan": (
        "disable_screen_scan",
        N_("Scanning the screen is turned off by your practice's IT; type the key or scan an image file."),
    ),
    "import": ("disable_import", N_("Importing code generators is turned off by your practice's IT.")),
    "restore": ("disable_restore", N_("Restoring backups is turned off by your practice's IT.")),
    "move_to_phone": (
        "disable_move_to_phone",
        N_("Moving a code generator to a phone is turned off by your practice's IT."),
    ),
}


class ActionTurnedOffError(RuleError):
    """IT's policy turns this action off (CLI exit 2; the window shows the sentence)."""


def action_allowed(action: str, policy: Policy) -> bool:
    """False when the policy turns `action` off (or could not be read: then it is off).

    `policy` is the one in force (`AppContext.policy.current()`): there is no
    process-wide default, so a test or a front end always says which policy it means.
    """
    key = ACTIONS[action][0]
    return not policy.effective({})[key].value


def check_action_allowed(action: str, policy: Policy) -> None:
    """THE gate for an action IT can turn off: ActionTurnedOffError with its sentence, else nothing."""
    if not action_allowed(action, policy):
        raise ActionTurnedOffError(ACTIONS[action][1])


def minimum_password_strength(policy: Policy) -> int:
    """IT's minimum strength for new passwords (0 = none), scored like `passwords.strength`."""
    return int(policy.effective({})["min_password_strength"].value)


def policy_signature(platform: Platform) -> tuple[Any, ...]:
    """What would change the policy: each file's location, (mtime, size) and identity.

    `core.context.MachinePolicy` re-reads the policy when this changes (a stat per
    file: cheap enough to ask at every action). The machine's own file is always
    watched, also when ``$EPCS_DESKTOP_POLICY`` adds another (both are read by
    `load_policy`; watching only the variable's file once left IT's edits to the
    machine file unseen until the next start).
    """
    # Without $EPCS_DESKTOP_POLICY the first two are one file: stat it once (this runs per action).
    places = [platform.policy_file(), policy_file_location(platform), *platform.managed_preference_files()]
    files = list(dict.fromkeys(places))
    sig: list[Any] = []
    for f in files:
        try:
            st = os.stat(f)
            sig.append((str(f), st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns))
        except OSError:
            sig.append((str(f), None))
    return tuple(sig)

