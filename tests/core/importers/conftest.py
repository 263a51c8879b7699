"""Shared fixtures of the importer tests: the sample files' folder, their accounts, and one comparison."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import interop_support
from epcs_desktop.core.importers import ImportResult, read_import_file
from epcs_desktop.core.otpauth import from_secret

DATA = Path(__file__).parent / "data"
PASSWORD = "sample-password"


SAMPLES = interop_support.SAMPLES
"""The real export files of other projects: read from there, never copied into the repository."""

# (kind, issuer, account, secret, algorithm, digits, period, counter): the accounts every sample holds
T1 = ("totp", "Clinic Mail", "dr.lee", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "SHA1", 6, 30, 0)
T2 = ("totp", "Pharmacy", "lee@rx.example", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "SHA256", 8, 60, 0)
H1 = ("hotp", "VPN", "lee", "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT", "SHA512", 7, 30, 42)
ST = ("steam", "Steam", "gamer", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", "SHA1", 5, 30, 0)


def fields(result: ImportResult) -> list[tuple[Any, ...]]:
    """Every account read, as the tuple the expectations use (all eight fields are checked)."""
    return [
        (a.kind, a.issuer, a.account, a.secret, a.algorithm, a.digits, a.period, a.counter)
        for a in result.accounts
    ]


def read_sample(name: str, password: str | None = PASSWORD) -> ImportResult:
    return read_import_file(DATA / name, password)


def assert_reads(
    name: str, expected: Sequence[tuple[Any, ...]], problems: Sequence[str] = ()
) -> ImportResult:
    """`name` reads exactly `expected`, and each problem line starts with the given entry name."""
    result = read_sample(name)
    assert fields(result) == list(expected)
    assert len(result.problems) == len(problems), result.problems
    for line, start in zip(result.problems, problems, strict=True):
        assert line.startswith(start), line
    return result


@pytest.fixture
def samples_dir() -> Path:
    if not (SAMPLES / "truth.json").is_file():
        pytest.skip(f"the real interop samples are not here ({SAMPLES}): they are never copied into the repo")
    return SAMPLES


# Accounts and helpers of the Aegis, 2FAS, link-list and session tests (written by hand in the apps' formats)
S1 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
S2 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
S3 = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT"
A1 = from_secret(S1, issuer="ID.me", account="jane@clinic.org")
A2 = from_secret(S2, issuer="DrChrono", account="jane", algorithm="SHA256", digits=8)
A3 = from_secret(S3, issuer="Bank", account="j", kind="hotp", counter=5)
STEAM = from_secret(S1, issuer="Steam", account="gamer", kind="steam", digits=5)


def no_secret_in(result: ImportResult, *secrets: str) -> None:
    """No problem line quotes a secret (in any letter case)."""
    text = " ".join(result.problems)
    for s in secrets:
        assert s not in text and s.lower() not in text


def write_json(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc, indent=4), encoding="utf-8")
    return path
