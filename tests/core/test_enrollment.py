"""`core.enrollment`: the one "same account" rule, nickname suggestions and the enrollment plan,
and `Profile.enroll` / `add_device` following it (all-or-nothing)."""

from __future__ import annotations

import ast
import re

import pytest

from ast_support import (
    SRC,
    Module,
    aliases,
    calls,
    defined_functions,
    module_from_text,
    modules,
    resolve,
)
from epcs_desktop.core.enrollment import (
    Candidate,
    Outcome,
    account_key,
    plan_enrollment,
    suggest_nickname,
)
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.events import DevicesChanged
from epcs_desktop.core.otpauth import from_secret

S1 = "JBSWY3DPEHPK3PXPJBSWY3DPAAAAAAAA"
S2 = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
A1 = from_secret(S1, issuer="ID.me", account="jane@clinic.org")
HERE, PUSH = DeviceOption.GENERATOR_HERE, DeviceOption.PUSH


def test_duplicate_is_the_same_code_for_the_same_account_not_the_same_secret() -> None:
    """Issue 20 item 7: same kind, secret, algorithm, digits and period for the same issuer and account."""
    assert account_key(A1) == account_key(from_secret(S1, issuer=" id.ME ", account="JANE@clinic.org "))
    jane = {"issuer": "ID.me", "account": "jane@clinic.org"}
    assert account_key(A1) != account_key(from_secret(S1, **jane, digits=8))
    assert account_key(A1) != account_key(
        from_secret(S1, issuer="ID.me", account="jane@clinic.org", algorithm="SHA256")
    )
    assert account_key(A1) != account_key(from_secret(S1, **jane, period=60))
    assert account_key(A1) != account_key(from_secret(S2, issuer="ID.me", account="jane@clinic.org"))
    assert account_key(A1) != account_key(from_secret(S1, issuer="DrChrono", account="jane@clinic.org"))
    assert account_key(A1)[0] == "totp"  # the kind is part of the code
    hotp = from_secret(S1, kind="hotp", counter=3)
    assert account_key(hotp) == account_key(from_secret(S1, kind="hotp", counter=9))  # one sequence


def test_suggested_nicknames_come_from_issuer_and_account_then_number() -> None:
    assert suggest_nickname(A1, set()) == "ID.me (jane@clinic.org)"
    assert suggest_nickname(A1, {"id.me (JANE@clinic.org)"}) == "ID.me (jane@clinic.org) 2"
    assert suggest_nickname(from_secret(S1), set()) == "Imported code generator"
    assert (
        suggest_nickname(None, {"this computer"}, base="This computer", pattern=" ({n})")
        == "This computer (2)"
    )


def test_plan_says_what_happens_to_each_entry(profile) -> None:
    profile.add_device("Desk", HERE, A1)
    profile.add_device("Phone", PUSH)
    plan = profile.plan_enrollment(
        [
            Candidate(otp=from_secret(S1, issuer="id.me", account="Jane@Clinic.org")),  # held already
            Candidate(otp=from_secret(S2, issuer="Lab", account="x")),  # new, suggested name
            Candidate(otp=from_secret(S2, issuer="LAB", account="X")),  # same as the one before
            Candidate("phone", PUSH),  # a nickname a person chose that is taken
            Candidate("Bank", PUSH, from_secret(S2, issuer="Bank")),  # refused: a push device holds no secret
            Candidate("Tablet", PUSH),  # new
        ]
    )
    assert [(e.outcome, e.nickname) for e in plan.entries[:4]] == [
        (Outcome.DUPLICATE_EXISTING, "Desk"),
        (Outcome.NEW, "Lab (x)"),
        (Outcome.DUPLICATE_IN_BATCH, "Lab (x)"),
        (Outcome.REFUSED, "phone"),
    ]
    assert plan.entries[0].message == "This account is already in this profile as “Desk”."
    assert plan.entries[3].message == "There is already a device called “Phone”; choose another nickname."
    assert plan.entries[4].outcome is Outcome.REFUSED
    assert plan.entries[4].message == "Only a code generator held in this app stores a secret key."
    assert [e.nickname for e in plan.new] == ["Lab (x)", "Tablet"]
    assert len(plan.duplicates) == 2 and len(plan.refused) == 2
    assert [d.nickname for d in profile.devices()] == ["Desk", "Phone"]  # planning changes nothing


def test_enroll_a_plan_adds_its_new_entries_in_one_change(profile) -> None:
    profile.add_device("Desk", HERE, A1)
    events: list[object] = []
    profile.add_listener(events.append)
    plan = profile.plan_enrollment(
        [Candidate(otp=A1), Candidate(otp=from_secret(S2, issuer="Lab", account="x"))]
    )
    added = profile.enroll(plan)
    assert [d.nickname for d in added] == ["Lab (x)"]
    assert events == [DevicesChanged(added=(added[0].id,))]
    with pytest.raises(RuleError, match="already in this profile as “Lab \\(x\\)”"):
        profile.enroll(plan)  # the same plan again: checked again inside the transaction
    assert [d.nickname for d in profile.devices()] == ["Desk"]  # "Lab" names another site (issue 18)
    assert [g.nickname for g in profile.generators()] == ["Desk", "Lab (x)"]


def test_add_device_refuses_an_account_already_held_and_names_it(profile) -> None:
    """The window used to enrol one secret twice (image, then screen scan): two cards, one account."""
    profile.add_device("Desk", HERE, A1)
    same = from_secret(S1.lower(), issuer="id.me", account="JANE@clinic.org")
    with pytest.raises(RuleError) as err:
        profile.add_device("Laptop", HERE, same)
    assert str(err.value) == "This account is already in this profile as “Desk”."
    with pytest.raises(RuleError, match="as “Desk”"):
        profile.add_devices([Candidate("New", HERE, from_secret(S2)), Candidate("Laptop", HERE, same)])
    assert [d.nickname for d in profile.devices()] == ["Desk"]  # all or nothing
    assert len(plan_enrollment(profile.devices(), [Candidate("Laptop", HERE, same)]).duplicates) == 1


_KEY_LIKE = re.compile(r"account_key|fingerprint|same_account")


def _calls_account_key(node: ast.AST, module: Module) -> bool:
    names = aliases(module.tree)
    return any(
        isinstance(n, ast.Call) and _last(resolve(n.func, names)) == "account_key" for n in ast.walk(node)
    )


def _last(name: str | None) -> str:
    return (name or "").rsplit(".", 1)[-1]


def _parses_a_uri(call: ast.Call, module: Module) -> bool:
    first = call.args[0] if call.args else None
    return isinstance(first, ast.Call) and _last(resolve(first.func, aliases(module.tree))) == "parse_uri"


def _casefolds_an_issuer(node: ast.AST) -> bool:
    """`p.issuer.casefold()`, `p.issuer.strip().casefold()`: an issuer compared case-insensitively."""
    if not (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "casefold"
    ):
        return False
    return any(isinstance(n, ast.Attribute) and n.attr == "issuer" for n in ast.walk(node.func.value))


def same_account_copies(module: Module) -> list[str]:
    """A "same account" rule written again: a key-like function not built on `account_key`, or a tuple
    of a secret and a casefolded issuer (the key spelt out)."""
    found = [
        f"{module.where(f)} def {f.name}"
        for f in defined_functions(module)
        if _KEY_LIKE.search(f.name) and not _calls_account_key(f, module)
    ]
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Tuple):
            secret = any(isinstance(e, ast.Attribute) and e.attr == "secret" for e in node.elts)
            if secret and any(_casefolds_an_issuer(e) for e in node.elts):
                found.append(f"{module.where(node)} {ast.unparse(node)[:60]}")
    return found


def test_same_account_is_defined_once_in_src() -> None:
    """imports, the export collector, the CLI import, restore and the wizard all use `account_key`."""
    others = modules(SRC, skip=lambda p: p.as_posix() == "core/enrollment.py")
    assert [f for m in others for f in same_account_copies(m)] == []
    restore = next(m for m in others if m.path.relative_to(SRC).as_posix() == "core/profile/restore.py")
    by_the_rule = [  # restore compares stored devices by the one rule: account_key(parse_uri(otp_uri))
        node for node, name in calls(restore) if _last(name) == "account_key" and _parses_a_uri(node, restore)
    ]
    assert by_the_rule, "restore no longer compares by enrollment.account_key"


def test_the_same_account_check_sees_a_copy() -> None:
    sample = module_from_text(
        "from epcs_desktop.core.enrollment import account_key as key\n"
        "# def same_account(a, b) in a comment\n"
        "def same_account(a, b):\n"
        "    return (a.secret, a.issuer.casefold()) == (b.secret, b.issuer.strip().casefold())\n"
        "def _fingerprint(batch):\n"
        "    return tuple(key(p) for p in batch)\n"
    )
    assert [f.split(" ")[0] for f in same_account_copies(sample)] == [
        "sample.py:3",
        "sample.py:4",
        "sample.py:4",
    ]
