"""`core.passwords`: THE password policy (profile, hand-over and backup passwords) and strength estimate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import epcs_desktop
from epcs_desktop.core import passwords
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.passwords import MIN_LENGTH, check_new_password, strength

SRC = Path(epcs_desktop.__file__).parent


@pytest.mark.parametrize(
    ("password", "confirm", "message"),
    [
        ("long enough 1", "long enough 2", "The two passwords are not the same."),
        ("short", None, "Choose a password of at least 8 characters."),
        ("short", "short", "Choose a password of at least 8 characters."),
        ("", None, "Choose a password of at least 8 characters."),
        ("          ", None, "The password cannot be blank."),
        ("eight\x00chars", None, "The password cannot contain a NUL character."),
    ],
)
def test_each_refusal_has_one_wording(password: str, confirm: str | None, message: str) -> None:
    with pytest.raises(RuleError) as err:
        check_new_password(password, confirm, minimum=0)
    assert str(err.value) == message


def test_a_good_password_is_returned_unchanged() -> None:
    assert MIN_LENGTH == 8
    assert check_new_password("12345678", minimum=0) == "12345678"
    assert check_new_password(" spaced  out ", " spaced  out ", minimum=0) == " spaced  out "


def test_strength_is_zxcvbn_with_our_labels_and_hints() -> None:
    weak, fair, strong = (
        strength("aaaaaaaaaaaa"),
        strength("Summer2024"),
        strength("correct horse battery staple"),
    )
    assert weak.score < fair.score < strong.score
    assert (weak.label, strong.label) == ("Very weak", "Strong")
    assert strength("abc") == passwords.Strength(0, "Very weak", "Use at least 8 characters.")
    assert strength("").score == 0 and strength("").hint == ""
    assert strong.hint == "" and weak.hint  # advice only while it is weak
    for s in (weak, fair, strong):
        assert s.label in passwords.LABELS


def test_the_password_rule_is_written_once_in_src() -> None:
    """Minimum length, "passwords differ" and the strength meter live only in core/passwords.py.

    Before issue 10 the minimum was written in five places (profile, hand-over, CLI backup, two dialogs)
    and "passwords differ" in three wordings.
    """
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "passwords.py" and path.parent.name == "core":
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (
            r"MIN_\w*PASSWORD\w*\s*=\s*\d",  # a second minimum
            r"len\(\w*password\w*\)\s*[<>]=?\s*\d",  # a length check written out
            r"passwords (do not|don't) match|passwords differ",  # a second wording
            r"def password_strength\(",  # a second meter
        ):
            offenders += [f"{path.relative_to(SRC)}: {m.group(0)}" for m in re.finditer(pattern, text, re.I)]
    assert offenders == []
