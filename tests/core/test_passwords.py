"""`core.passwords`: THE password policy (profile, hand-over and backup passwords) and strength estimate."""

from __future__ import annotations

import ast
import re

import pytest

from ast_support import (
    SRC,
    Module,
    assigned_names,
    defined_functions,
    dotted,
    module_from_text,
    modules,
    strings,
)
from epcs_desktop.core import passwords
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.passwords import MIN_LENGTH, check_new_password, strength


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


_SECOND_METER = "password_strength"
_SECOND_WORDING = re.compile(r"passwords (do not|don't) match|passwords differ", re.IGNORECASE)


def _a_number(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _names_a_password(node: ast.AST) -> bool:
    """`password`, `new_password`, `self.password_edit.text()`: an expression about a password."""
    return "password" in (dotted(node.func if isinstance(node, ast.Call) else node) or "").lower()


def _length_check(node: ast.Compare) -> bool:
    """`len(<password>) < 12` (either side, any comparison) with a number written out."""
    sides = [node.left, *node.comparators]
    measured = any(
        isinstance(s, ast.Call) and dotted(s.func) == "len" and s.args and _names_a_password(s.args[0])
        for s in sides
    )
    return measured and any(_a_number(s) for s in sides)


def password_rule_copies(module: Module) -> list[str]:
    """A second minimum, a length check written out, a second "passwords differ" wording, a second meter."""
    found = [
        f"{module.where(n)} {name} = …"
        for n, name in assigned_names(module)
        if re.fullmatch(r"MIN_\w*PASSWORD\w*", name, re.IGNORECASE) and _a_number(getattr(n, "value", None))
    ]
    found += [
        f"{module.where(n)} {ast.unparse(n)}"
        for n in ast.walk(module.tree)
        if isinstance(n, ast.Compare) and _length_check(n)
    ]
    found += [f"{module.where(n)} {text!r}" for n, text in strings(module) if _SECOND_WORDING.search(text)]
    found += [
        f"{module.where(f)} def {f.name}" for f in defined_functions(module) if f.name == "password_strength"
    ]
    return found


def test_the_password_rule_is_written_once_in_src() -> None:
    """Minimum length, "passwords differ" and the strength meter live only in core/passwords.py.

    Before issue 10 the minimum was written in five places (profile, hand-over, CLI backup, two dialogs)
    and "passwords differ" in three wordings.
    """
    others = modules(SRC, skip=lambda p: p.as_posix() == "core/passwords.py")
    assert [f for m in others for f in password_rule_copies(m)] == []


def test_the_password_rule_check_sees_every_copy() -> None:
    sample = module_from_text(
        "# len(password) < 12 in a comment\n"
        "MIN_BACKUP_PASSWORD_LENGTH = 12\n"
        "min_password_strength: int = default('min_password_strength')\n"
        "if len(self.password_edit.text()) < 12:\n"
        "    pass\n"
        "ok = 8 <= len(new_password)\n"
        "msg = 'The passwords do not match.'\n"
        "def password_strength(p):\n"
        "    return len(p) > MIN_LENGTH, len(names) < 3\n"
    )
    assert [f.split(" ")[0] for f in password_rule_copies(sample)] == [
        "sample.py:2",
        "sample.py:4",
        "sample.py:6",
        "sample.py:7",
        "sample.py:8",
    ]
