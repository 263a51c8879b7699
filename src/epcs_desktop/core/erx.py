"""eRx Info rules and value types, mirroring DrChrono's Provider Settings > eRx Info tab.

Pure functions and frozen values only: no storage, no clock, no Qt. Keeping the
rules here (and not in the vault or a widget) means the CLI, the GUI and the
backup restore all refuse exactly the same things with exactly the same words.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
import unicodedata
from collections.abc import Callable, Collection, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from enum import StrEnum

from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.otpauth import OtpParams
from epcs_desktop.core.textguard import check_text, strip_unsafe

logger = logging.getLogger(__name__)

NICKNAME_MAX = 64


class DeviceOption(StrEnum):
    """How a device answers ID.me's second factor (the "Option" column)."""

    GENERATOR_HERE = "generator_here"  # code generator whose secret this app holds
    GENERATOR_OTHER = "generator_other"  # code generator app on another device (phone)
    PUSH = "push"  # ID.me Authenticator push notification


# --- DrChrono's own labels, as the mirror shows them ------------------------------------------------
# DrChrono's screens are in English. Where this program mirrors them (the ID.me Device Information table
# in the window, the setup sheet, `device list`), DrChrono's labels are shown as DrChrono shows them:
# English, in “quotes”, in every language, so a clinician finds the same words there. They are never
# translated; what a label means here is said in the reader's language beside it (`option_meaning`).

IS_PRIMARY = "Is Primary"  # DrChrono's Primary Device column, for the primary device


def option_label(option: DeviceOption | str) -> str:
    """The words DrChrono shows in the Option column (literal, unquoted: also the CLI's JSON value)."""
    opt = DeviceOption(option)
    if opt is DeviceOption.PUSH:
        return "Push Notification 2FA"
    return "Generate 2FA Key"


def drchrono_label(text: str) -> str:
    """A DrChrono label as the mirror shows it: literal, in curly quotes (docs/glossary.md)."""
    return f"“{text}”"


def shown_option(option: DeviceOption | str) -> str:
    """The Option cell: “Generate 2FA Key” / “Push Notification 2FA”, in every language."""
    return drchrono_label(option_label(option))


def shown_primary(is_primary: bool) -> str:
    """DrChrono's “Is Primary” for the primary device, else nothing (the mirror's Primary Device cell)."""
    return drchrono_label(IS_PRIMARY) if is_primary else ""


def option_meaning(option: DeviceOption | str) -> str:
    """Where the device lives (docs/glossary.md), in English marked `N_`: front ends translate it.

    Needed beside the label: DrChrono names a code generator on this computer and one on a phone
    alike (“Generate 2FA Key”). Kept to a few words so a row of the printed sheet stays one line
    (a row that wraps can be cut across a page).
    """
    return _WHERE[location_of(option)]


def option_explained(option: DeviceOption | str, translate: Callable[[str], str] = str) -> str:
    """“Generate 2FA Key” (this computer): the label as DrChrono shows it, where the device lives in
    the reader's language (`translate`: the window's `core_text`; English by default)."""
    return f"{shown_option(option)} ({translate(option_meaning(option))})"


class Location(StrEnum):
    """Where an ID.me device lives: what answers ID.me when this clinician signs in."""

    THIS_COMPUTER = "this_computer"  # its code generator is held here
    PHONE = "phone"  # a code generator app on a phone or tablet
    PUSH = "push"  # ID.me Authenticator's push on a phone


_LOCATIONS = {
    DeviceOption.GENERATOR_HERE: Location.THIS_COMPUTER,
    DeviceOption.GENERATOR_OTHER: Location.PHONE,
    DeviceOption.PUSH: Location.PUSH,
}


def location_of(option: DeviceOption | str) -> Location:
    return _LOCATIONS[DeviceOption(option)]


# Where an ID.me device lives, in the glossary's words (translated by the front ends: "core" context).
_WHERE = {
    Location.THIS_COMPUTER: N_("this computer"),
    Location.PHONE: N_("a phone or tablet"),
    Location.PUSH: N_("a phone (push)"),
}


@dataclass(frozen=True)
class Device:
    """One row of the ID.me Device Information table (an ID.me device; see `core.generator`).

    `otp` is set only for GENERATOR_HERE (this app generates the codes).
    `secret_kept`: a device moved to a phone whose secret this computer still
    holds until the clinician removes it (its code is no longer made here).
    The repr never shows the secret (OtpParams hides it too, but we do not
    even show that object).
    """

    id: int
    nickname: str
    option: DeviceOption
    added_at: float
    is_primary: bool
    otp: OtpParams | None = None
    secret_kept: bool = False

    @property
    def location(self) -> Location:
        return location_of(self.option)

    def __repr__(self) -> str:
        return (
            f"Device(id={self.id}, nickname={self.nickname!r}, option={self.option.value!r}, "
            f"added_at={self.added_at}, is_primary={self.is_primary}, "
            f"otp={'<hidden>' if self.otp is not None else None})"
        )

    @property
    def option_label(self) -> str:
        return option_label(self.option)


@dataclass(frozen=True)
class PrescriberInfo:
    """The Prescriber Info block: where and under which numbers the clinician prescribes."""

    state: str = ""
    license_number: str = ""
    dea_number: str = ""
    npi: str = ""


@dataclass(frozen=True)
class IdentityConfirmation:
    """Whether ID.me identity proofing was confirmed in DrChrono, and when (ISO date)."""

    confirmed: bool = False
    confirmed_on: str | None = None
    note: str = ""


# --- nicknames -------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def normalise_nickname(s: str, *, stored: bool = False) -> str:
    """NFC, trim and collapse whitespace; 1..64 characters; no control, bidi or invisible characters.

    "  Office   iPad " and "Office iPad" are the same name to a person, so they
    are the same name here. A right-to-left override or a zero-width space
    would make two different names look alike (or one name read backwards), so
    a new name with one is refused (`textguard.check_text`). `stored=True` is
    for names already in a profile (saved by an older version): they still
    load unchanged, so no device is set aside for a name it was once allowed.
    """
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", str(s))).strip()
    if not text:
        raise RuleError("A device nickname cannot be empty.")
    if len(text) > NICKNAME_MAX:
        raise RuleError(f"A device nickname can have at most {NICKNAME_MAX} characters.")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise RuleError("A device nickname cannot contain control characters.")
    if not stored:
        check_text(text, "device nickname", NICKNAME_MAX, RuleError)
    return text


# Letters of other scripts that look like Latin ones in the fonts ID.me's device table and this program use
# (after case folding): Cyrillic and Greek. A small table from Unicode's confusables (UTS #39) rather than a
# dependency: nicknames are short and typed by people, and fullwidth forms are handled by NFKC before it.
_CONFUSABLES = str.maketrans(
    {
        **dict(zip("авсеһіјкмнорѕтхуԁӏԛԝ", "abcehijkmhopstxydlqw", strict=True)),
        **dict(zip("αβεηικμνοπρτυχγζ", "abenikmvonptuxyz", strict=True)),
    }
)


def nickname_key(s: str) -> str:
    """The form nicknames are compared in: "OFFICE ipad" and "office iPad" collide, so do "ZW" and "ZW\u200b",
    and look-alikes: Cyrillic "Оffice" and fullwidth "Ｏｆｆｉｃｅ" are "Office" (issue 23 item 12).

    Invisible and direction-changing characters are dropped before comparing,
    so a stored name holding one still clashes with the name a person sees.
    A changed key is re-stored when a profile opens (`DeviceRules` repairs keys).
    """
    text = unicodedata.normalize("NFKC", strip_unsafe(normalise_nickname(s, stored=True))).casefold()
    return _SPACES.sub(" ", text.translate(_CONFUSABLES)).strip()


def nickname_candidates(base: str, pattern: str = " ({n})", start: int = 1) -> Iterator[str]:
    """`base`, then "base (2)", "base (3)"...: every name is normalised and at most 64 characters.

    The base is cut *before* the suffix is added and trailing space is dropped,
    so a cut never leaves a double space (which would give a stored name whose
    key no longer matches what a person types, see `unique_nickname`).
    `pattern` is the suffix, with ``{n}`` for the number (importers use " {n}"
    because their names already end in a parenthesis).
    """
    head = normalise_nickname(str(base)[:NICKNAME_MAX].rstrip(), stored=True)  # new names are checked
    if start <= 1:
        yield head
    n = max(start, 2)
    while True:
        suffix = pattern.format(n=n)
        yield normalise_nickname(head[: NICKNAME_MAX - len(suffix)].rstrip() + suffix, stored=True)
        n += 1


def unique_nickname(base: str, taken: Collection[str], pattern: str = " ({n})") -> str:
    """The first of `nickname_candidates(base)` whose `nickname_key` is not in `taken`.

    The one clash rule for every place that invents a name (migration, restore,
    restore preview, the enrollment wizard, imports), so they all agree. `taken`
    holds nickname keys (or names: each is compared by its key).
    """
    return unique_nickname_in(base, {nickname_key(t) for t in taken}, pattern)


def unique_nickname_in(
    base: str, keys: AbstractSet[str], pattern: str = " ({n})", memo: dict[tuple[str, str], int] | None = None
) -> str:
    """`unique_nickname` for callers that keep the taken *keys* themselves (no per-call recomputation).

    `memo` remembers, per base, the number the last search ended at; with keys
    that only grow (one import's plan) the next search starts there, so naming
    10,000 "Imported code generator"s is linear, not quadratic (issue 23 item 4).
    """
    start = memo.get((base, pattern), 1) if memo is not None else 1
    for n, name in enumerate(nickname_candidates(base, pattern, start), start=start):
        if nickname_key(name) not in keys:
            if memo is not None:
                memo[(base, pattern)] = n
            return name
    raise AssertionError("unreachable: nickname_candidates never ends")  # pragma: no cover


# --- DEA and NPI -----------------------------------------------------------------------------

# First letter of a DEA registration number: the registrant type (DEA Diversion
# Control Division). Mid-level practitioners use M; practitioners A, B, F, G.
_DEA_TYPES = frozenset("ABCDEFGHJKLMPRSTUX")


def validate_dea(s: str) -> str:
    """Return the DEA number upper-cased without spaces, or raise RuleError saying what is wrong.

    Check digit: (d1 + d3 + d5) + 2 x (d2 + d4 + d6); its last digit must equal d7.
    """
    text = re.sub(r"[\s-]", "", str(s)).upper()
    if len(text) != 9:
        raise RuleError("A DEA number has 9 characters: two letters followed by seven digits.")
    head, digits = text[:2], text[2:]
    if head[0] not in _DEA_TYPES:
        raise RuleError("A DEA number starts with a registrant-type letter such as A, B, F, G or M.")
    if not (head[1].isascii() and (head[1].isalpha() or head[1] == "9")):
        raise RuleError("The second character of a DEA number is a letter (or 9 for a business).")
    if not (digits.isascii() and digits.isdigit()):
        raise RuleError("A DEA number ends with seven digits.")
    d = [int(c) for c in digits]
    total = (d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])
    if total % 10 != d[6]:
        raise RuleError("This DEA number's check digit does not match; please check for a typo.")
    return text


def validate_npi(s: str) -> str:
    """Return the 10-digit NPI, or raise RuleError. Luhn over "80840" + the NPI (CMS rule)."""
    text = re.sub(r"[\s-]", "", str(s))
    if len(text) != 10 or not (text.isascii() and text.isdigit()):
        raise RuleError("An NPI has exactly 10 digits.")
    if not _luhn_ok("80840" + text):
        raise RuleError("This NPI's check digit does not match; please check for a typo.")
    return text


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


# --- states ----------------------------------------------------------------------------------

US_STATES: tuple[tuple[str, str], ...] = (
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"),
    ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"),
    ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"),
    ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"),
    ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
    ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"),
    ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"),
    ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
    ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"),
    ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"),
    ("WI", "Wisconsin"), ("WY", "Wyoming"),
    ("AS", "American Samoa"), ("GU", "Guam"), ("MP", "Northern Mariana Islands"),
    ("PR", "Puerto Rico"), ("VI", "U.S. Virgin Islands"),
)  # fmt: skip

_STATE_CODES = frozenset(code for code, _ in US_STATES)
LICENSE_MAX = 32


def validate_state(s: str) -> str:
    """Two-letter code from US_STATES (or "" for not set)."""
    code = str(s).strip().upper()
    if code and code not in _STATE_CODES:
        raise RuleError(f"“{code[:8]}” is not a US state or territory code.")
    return code


def validate_prescriber(info: PrescriberInfo) -> PrescriberInfo:
    """Normalise every field; empty fields are allowed (not filled in yet)."""
    license_number = _SPACES.sub(" ", info.license_number).strip().upper()
    if len(license_number) > LICENSE_MAX:
        raise RuleError(f"A state license number can have at most {LICENSE_MAX} characters.")
    if any(not (ch.isalnum() or ch in " -./") for ch in license_number):
        raise RuleError("A state license number can contain only letters, digits, spaces, '-', '.' and '/'.")
    return PrescriberInfo(
        state=validate_state(info.state),
        license_number=license_number,
        dea_number=validate_dea(info.dea_number) if info.dea_number.strip() else "",
        npi=validate_npi(info.npi) if info.npi.strip() else "",
    )


def validate_identity(conf: IdentityConfirmation) -> IdentityConfirmation:
    """A confirmation date must be a real ISO date (YYYY-MM-DD); an unconfirmed identity has none."""
    when = (conf.confirmed_on or "").strip() or None
    if when is not None:
        try:
            when = _dt.date.fromisoformat(when).isoformat()
        except ValueError:
            raise RuleError("The confirmation date must be a date like 2025-07-29.") from None
    if not conf.confirmed:
        when = None
    return replace(conf, confirmed_on=when, note=conf.note.strip()[:500])
