"""Untrusted text: one sanitiser for what we print or show, one rule for what we store.

Why one module: issuer and account names come from QR codes and export files
that anyone can make. Printed raw, an escape sequence sets the terminal's
title or clears the screen; shown raw, a right-to-left override makes
"moc.knab" read as "bank.com" and a zero-width space makes "ZW" and "ZW\u200b"
two different devices that look the same. Every place that prints or labels
such text calls `clean_for_display`; every place that stores a name calls
`check_text` (nicknames, issuers, accounts), so the rule cannot drift.
"""

from __future__ import annotations

import logging
import unicodedata

from epcs_desktop.core.errors import EpcsError

logger = logging.getLogger(__name__)

# Bidi controls (embeddings, overrides, isolates, marks) and invisible characters. All but the
# marks are also category Cf, but naming them keeps the rule readable and independent of Unicode updates.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = frozenset(
    "\u00ad\u034f\u115f\u1160\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u3164\ufeff\uffa0"
)
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


def is_unsafe_char(ch: str) -> bool:
    """True for C0/C1 controls, DEL, bidi controls, zero-width and other invisible or format characters."""
    return ch in BIDI_CONTROLS or ch in INVISIBLE or unicodedata.category(ch) in _REFUSED_CATEGORIES


def clean_for_display(text: object, limit: int = 80) -> str:
    """`text` made safe for one terminal line or label: every unsafe character becomes '?', at most `limit`.

    Escape sequences lose their ESC (so they print as harmless letters), line
    breaks cannot start a fake second line, bidi overrides cannot reorder what
    follows. The result is NFC so what is printed is what is compared.
    """
    s = unicodedata.normalize("NFC", str(text))
    if len(s) > limit * 4:
        s = s[: limit * 4]
    out = "".join("?" if is_unsafe_char(ch) else ch for ch in s)
    return out if len(out) <= limit else out[: limit - 1] + "…"


def check_text(text: str, what: str, max_len: int, error: type[EpcsError] = EpcsError) -> str:
    """`text` NFC-normalised and stripped, or `error` saying why it cannot be stored.

    Refuses NUL and every other control, bidi and invisible character (the
    message names the first one as U+XXXX, never the text), and more than
    `max_len` characters.
    """
    if not isinstance(text, str):
        raise error(f"The {what} must be text.")
    s = unicodedata.normalize("NFC", text).strip()
    if len(s) > max_len:
        raise error(f"The {what} can have at most {max_len} characters.")
    for ch in s:
        if is_unsafe_char(ch):
            kind = "direction-changing" if ch in BIDI_CONTROLS else "invisible or control"
            raise error(f"The {what} contains an {kind} character (U+{ord(ch):04X}).")
    return s


def strip_unsafe(text: str) -> str:
    """NFC `text` without unsafe characters: how two names are compared (so "ZW" equals "ZW\u200b")."""
    return "".join(ch for ch in unicodedata.normalize("NFC", str(text)) if not is_unsafe_char(ch))
