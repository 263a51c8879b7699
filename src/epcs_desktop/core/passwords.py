"""THE password policy: profile passwords, hand-over passwords and backup passwords alike.

Why one module: the minimum length was written in five places, "passwords
differ" in three wordings, and two strength meters rated the same password
differently. Every front end now asks this module, so a password accepted (or
refused) in the window is accepted (or refused) by the CLI with the same words.

The rule is deliberately small: at least `MIN_LENGTH` characters, not blank,
no NUL (SQLCipher keys are SQL strings). Guessing is slowed by the key
derivation (PBKDF2 for profiles, Argon2id for backups); the strength estimate
(zxcvbn, which knows common passwords, names, dates, keyboard walks) is advice
shown while typing, not a gate, so a clinician is never stuck at a front desk --
unless the practice's IT sets a minimum (`min_password_strength` in the machine
policy): then the same estimate is the gate, for every kind of new password.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.i18n import N_

logger = logging.getLogger(__name__)

MIN_LENGTH = 8
# zxcvbn looks at this much of a password; longer ones are "Strong" anyway and the estimate is slow on them.
_ESTIMATE_LIMIT = 100

MISMATCH = N_("The two passwords are not the same.")
TOO_SHORT = N_("Choose a password of at least 8 characters.")
BLANK = N_("The password cannot be blank.")
HAS_NUL = N_("The password cannot contain a NUL character.")
RAW_KEY_FORM = N_("A password cannot have the form x'…': that form is reserved for raw encryption keys.")
TOO_WEAK = N_(
    "Your practice's IT requires a stronger password: add another word or two, uncommon words are better."
)
SAME_AS_TEMPORARY = N_("Choose a password of your own, not the temporary one you were given.")

LABELS: tuple[str, ...] = (N_("Very weak"), N_("Weak"), N_("Fair"), N_("Good"), N_("Strong"))

# zxcvbn's English feedback, mapped to our own translatable sentences (anything else: by score).
_HINTS = {
    "sequence": N_("Avoid sequences such as abc or 6543."),
    "repeat": N_("Avoid repeated characters and words."),
    "common": N_("This is similar to a commonly used password."),
    "date": N_("Avoid dates and years that are connected to you."),
    "name": N_("Names and surnames on their own are easy to guess."),
    "keyboard": N_("Avoid rows of keys on the keyboard."),
}
_SHORT_HINT = N_("Use at least 8 characters.")
_MORE_WORDS = N_("Add another word or two; uncommon words are better.")


@dataclass(frozen=True)
class Strength:
    """How guessable a password looks: `score` 0 (very weak) .. 4 (strong), a label and a hint (N_ texts)."""

    score: int
    label: str
    hint: str


def check_new_password(password: str, confirm: str | None = None, *, minimum: int) -> str:
    """A new password (profile, hand-over or backup): returns it, or raises RuleError with one sentence.

    `confirm` is the second entry when the front end asks twice; a mismatch is
    reported first, as that is the mistake a person corrects first. `minimum` is
    the strength score (0-4) the password must reach: IT's `min_password_strength`
    (`policy.minimum_password_strength` of the policy in force, docs/deployment.md), 0 unless IT sets it.
    """
    if confirm is not None and password != confirm:
        raise RuleError(MISMATCH)
    if not isinstance(password, str) or not password.strip():
        raise RuleError(BLANK if isinstance(password, str) and password else TOO_SHORT)
    if "\x00" in password:
        raise RuleError(HAS_NUL)
    if len(password) < MIN_LENGTH:
        raise RuleError(TOO_SHORT)
    if looks_like_raw_key(password):
        raise RuleError(RAW_KEY_FORM)
    if minimum > 0 and strength(password).score < minimum:
        raise RuleError(TOO_WEAK)
    return password


def looks_like_raw_key(password: str) -> bool:
    """True for SQLCipher's raw-key spelling x'<hex>' (issue 11 item 11).

    SQLCipher takes such a "password" as the key itself and skips its KDF. Profile
    keys are now Argon2id outputs handed over as raw keys (so a typed x'…' is just
    text), but an older profile still keyed by password must never receive one.
    """
    text = password.strip()
    return len(text) >= 3 and text[:2] in ("x'", "X'") and text.endswith("'")


def _hint(feedback_warning: str, score: int, length: int) -> str:
    if length < MIN_LENGTH:
        return _SHORT_HINT
    text = feedback_warning.casefold()
    for word, hint in (
        ("sequence", _HINTS["sequence"]),
        ("repeat", _HINTS["repeat"]),
        ("common", _HINTS["common"]),
        ("top", _HINTS["common"]),
        ("date", _HINTS["date"]),
        ("year", _HINTS["date"]),
        ("name", _HINTS["name"]),
        ("keyboard", _HINTS["keyboard"]),
        ("key pattern", _HINTS["keyboard"]),
        ("row", _HINTS["keyboard"]),
    ):
        if word in text:
            return hint
    return _MORE_WORDS if score < 3 else ""


def strength(password: str) -> Strength:
    """The one strength estimate every meter shows (zxcvbn), with a label and a hint to translate.

    A password shorter than `MIN_LENGTH` is at most "Very weak" whatever zxcvbn
    thinks: it would be refused anyway, and the meter must not say otherwise.
    """
    if not password:
        return Strength(0, LABELS[0], "")
    from zxcvbn import zxcvbn  # about 40 ms to import its word lists: only when someone types

    result = zxcvbn(password[:_ESTIMATE_LIMIT])
    score = max(0, min(4, int(result.get("score", 0))))
    if len(password) < MIN_LENGTH:
        score = 0
    warning = str((result.get("feedback") or {}).get("warning") or "")
    return Strength(score, LABELS[score], _hint(warning, score, len(password)))
