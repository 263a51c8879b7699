"""Key-page diagnosis: plain words, the likely intended letter, and agreement with normalise_secret."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from epcs_desktop.core.errors import OtpAuthError
from epcs_desktop.core.otpauth import normalise_secret
from epcs_desktop.core.secret_hints import diagnose, note

KEY = "JBSWY3DPEHPK3PXP"  # 16 characters, 80 bits


@pytest.mark.parametrize(
    ("typed", "position", "suggestion"),
    [
        ("JBSWY3DPEHPK3PX8", "16", "letter B"),
        ("JBSWY3DPEHPK3PX0", "16", "letter O"),
        ("JBSWY3DPEHPK3PX1", "16", "letter I or L"),
        ("jbsw y3dp ehpk 3px8", "19", "letter B"),  # positions count what was typed, spaces included
    ],
)
def test_lookalike_digits_suggest_the_letter(typed: str, position: str, suggestion: str) -> None:
    hint = diagnose(typed)
    assert hint is not None and hint.blocking
    assert f"Character {position} " in hint.text and f"did you mean the {suggestion}?" in hint.text
    assert "Base32" not in hint.text and typed not in hint.text


def test_other_characters_say_which_are_allowed() -> None:
    hint = diagnose("JBSWY3DPEHPK3PX!")
    assert hint is not None
    assert "the letters A to Z and the digits 2 to 7" in hint.text and "“!”" in hint.text


def test_length_problems_in_words() -> None:
    assert "missing or typed twice" in diagnose("JBSWY3DPEHPK3PXPA").text  # 17 characters
    assert "too short" in diagnose("JBSWY3DP").text


def test_short_key_is_a_note_not_an_alarm() -> None:
    assert diagnose(KEY) is None
    info = note(KEY)
    assert info is not None and not info.blocking
    assert "80-bit" in info.text and "work the same" in info.text
    assert "recommended" not in info.text and "only" not in info.text
    assert note(KEY * 2) is None


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcxyz018 -=!", max_size=40))
def test_agrees_with_normalise_secret(typed: str) -> None:
    try:
        normalise_secret(typed)
    except OtpAuthError:
        valid = False
    else:
        valid = True
    assert (diagnose(typed) is None) == valid
