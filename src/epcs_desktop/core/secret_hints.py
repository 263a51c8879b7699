"""What is wrong with a typed secret key, in words a clinician can act on.

`otpauth.normalise_secret` decides whether a key is valid; its messages are
written for logs and the CLI ("not valid Base32 (character '8' at position
16)"). A person copying a key off ID.me's screen needs something else: which
characters a key can hold, and the character they probably meant (keys never
contain 0, 1, 8 or 9, which look like O, I/L and B). `diagnose(text)` gives
that as an `N_` template plus values, so the window translates it before the
values go in. It agrees with `normalise_secret` on what is valid
(tests/core/test_secret_hints.py checks both on the same inputs).
"""

from __future__ import annotations

from dataclasses import dataclass

from epcs_desktop.core.errors import OtpAuthError
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.otpauth import (
    MAX_SECRET_CHARS,
    MIN_SECRET_BITS,
    RECOMMENDED_SECRET_BITS,
    normalise_secret,
)

BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
# Characters a key never holds, and what they usually are on screen or paper.
LOOKALIKES: dict[str, str] = {"0": "O", "8": "B"}  # "1" is I or L: its own sentence
_IGNORED = frozenset(" \t\r\n-")
_IMPOSSIBLE_LENGTHS = frozenset({1, 3, 6})

ALLOWED = N_(
    "A secret key holds only the letters A to Z and the digits 2 to 7 (spaces and hyphens are ignored)."
)


@dataclass(frozen=True)
class SecretHint:
    """One problem (or note) about a typed key: an N_ `template` and its `args`. Never holds the key."""

    template: str
    args: tuple[tuple[str, str], ...] = ()
    blocking: bool = True  # False: an informative note; the key is usable

    @property
    def text(self) -> str:
        """The English sentence (tests, logs)."""
        return self.template.format(**dict(self.args))


def _hint(template: str, blocking: bool = True, **args: object) -> SecretHint:
    return SecretHint(template, tuple((k, str(v)) for k, v in args.items()), blocking)


def bits_of(secret: str) -> int:
    return len(secret) * 5 // 8 * 8


def diagnose(text: str) -> SecretHint | None:
    """The first problem with `text` as a key, or None when `normalise_secret` accepts it."""
    stripped = text.strip()
    if not stripped:
        return _hint(N_("Type the secret key ID.me shows under the QR code."))
    chars: list[str] = []
    offset = len(text) - len(text.lstrip())
    for position, ch in enumerate(stripped, start=offset + 1):
        if ch in _IGNORED or ch.isspace():
            continue
        if ch == "=" and not any(c not in "= \t" for c in stripped[position - offset :]):
            continue  # trailing padding is fine
        up = ch.upper() if ch.isascii() else ch
        if up in BASE32:
            chars.append(up)
            continue
        shown = ch if ch.isprintable() else f"U+{ord(ch):04X}"
        if ch == "1":
            return _hint(
                N_(
                    "Character {position} is the digit 1, which a key never holds: did you mean the "
                    "letter I or L?"
                ),
                position=position,
            )
        if ch in LOOKALIKES:
            return _hint(
                N_(
                    "Character {position} is the digit {char}, which a key never holds: did you mean "
                    "the letter {letter}?"
                ),
                position=position,
                char=shown,
                letter=LOOKALIKES[ch],
            )
        return _hint(
            N_(
                "Character {position} (“{char}”) cannot be part of a key: a key holds only the letters "
                "A to Z and the digits 2 to 7 (spaces and hyphens are ignored)."
            ),
            position=position,
            char=shown,
        )
    secret = "".join(chars)
    if len(secret) > MAX_SECRET_CHARS:
        return _hint(N_("This is much longer than a secret key ({count} characters)."), count=len(secret))
    if len(secret) % 8 in _IMPOSSIBLE_LENGTHS:
        return _hint(
            N_("A key cannot have {count} characters: one is probably missing or typed twice."),
            count=len(secret),
        )
    if bits_of(secret) < MIN_SECRET_BITS:
        return _hint(
            N_("The key is too short ({count} characters); ID.me's keys have at least 16."),
            count=len(secret),
        )
    try:
        normalise_secret(text)
    except OtpAuthError:  # a rule this module does not know yet
        return _hint(N_("This is not a secret key this program can use."))
    return None


def note(secret: str) -> SecretHint | None:
    """An informative note about a valid key, e.g. a short (80-bit) one: nothing for the person to fix."""
    bits = bits_of(secret)
    if bits < RECOMMENDED_SECRET_BITS:
        return _hint(
            N_(
                "This is a {bits}-bit key. The service that made it chose that length; codes from it "
                "work the same."
            ),
            blocking=False,
            bits=bits,
        )
    return None
