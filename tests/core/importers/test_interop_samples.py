"""Real export files of other projects (../shared/interop-samples, never copied here), entry by entry.

`truth.json` states each file's entries; every stated field is checked (secret, type, algorithm, digits,
period, counter, issuer, account). Files of formats that were refused when the truth was written
(andOTP, Bitwarden, FreeOTP+, Proton Authenticator, Authenticator Pro) are Aegis's importer test files:
Aegis's own test compares each to its vault vectors, which are `aegis__aegis_plain.json`'s entries, and
so does this one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers import ImportResult, ImportSession, plan_import, read_import_file
from profile_support import NO_POLICY

from .conftest import SAMPLES

FIELDS = ("issuer", "account", "algorithm", "digits", "period", "counter")
REFUSED_TYPES = {"motp": "mOTP codes are not supported", "yandex": "Yandex codes are not supported"}
# Formats this app reads now that the truth still lists as refused: the Aegis vectors they hold.
AEGIS_VECTOR_FILES = {
    "aegis__andotp_plain.json": None,
    "aegis__andotp_encrypted.bin": "test",
    "aegis__bitwarden.json": None,
    "aegis__freeotp_plus.json": None,
    "aegis__proton_authenticator.json": None,
    "aegis__stratum_plain.json": None,
}


def _truth() -> dict[str, Any]:
    if not (SAMPLES / "truth.json").is_file():
        return {"files": [], "import_together": []}
    return json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))


TRUTH = _truth()
FILES = {f["file"]: f for f in TRUTH["files"]}


def _matches(entry: dict[str, Any], got: Any) -> list[str]:
    """The stated fields of `entry` that `got` does not have (an empty list: the entry is right)."""
    wrong = []
    for name in FIELDS:
        want = entry.get(name)
        if want is None or (name == "period" and entry["type"] == "hotp"):
            continue
        have = getattr(got, name)
        if name == "account" and isinstance(want, str) and entry.get("issuer") and want != have:
            # Google exports name an account "Issuer:account"; this app keeps the account part (the
            # issuer is its own field), as Aegis and 2FAS do: "Sha:512" with issuer "Sha" is "512".
            prefix = f"{entry['issuer']}:"
            if want.startswith(prefix) and want[len(prefix) :].strip() == have:
                continue
        if have != want:
            wrong.append(f"{name}: want {want!r}, got {have!r}")
    return wrong


def _check_entries(result: ImportResult, entries: list[dict[str, Any]], name: str) -> None:
    for entry in entries:
        if entry.get("lenient"):
            continue
        if entry["type"] in REFUSED_TYPES:
            label = entry["issuer"] or entry["account"]
            assert any(REFUSED_TYPES[entry["type"]] in p and label in p for p in result.problems), (
                name,
                entry,
            )
            continue
        candidates = [a for a in result.accounts if a.secret == entry["secret"] and a.kind == entry["type"]]
        assert candidates, f"{name}: {entry['issuer']}/{entry['account']} was not imported"
        reports = [_matches(entry, a) for a in candidates]
        assert [] in reports, f"{name}: {entry['issuer']}/{entry['account']}: {reports}"


def _files(*expects: str) -> list[str]:
    return [f for f, info in FILES.items() if info["expect"] in expects and f not in AEGIS_VECTOR_FILES]


@pytest.mark.parametrize("name", _files("accounts", "lenient") or ["(no samples)"])
def test_every_stated_entry_imports_right(samples_dir: Path, name: str) -> None:
    info = FILES[name]
    result = read_import_file(samples_dir / "files" / name, info["password"])
    _check_entries(result, info["entries"], name)
    if name.startswith("johncallahan__string_") and "_of_3" in name:
        assert any("incomplete" in p for p in result.problems)  # one part alone: the rest is missing


@pytest.mark.parametrize("name", sorted(AEGIS_VECTOR_FILES))
def test_newly_supported_formats_read_aegis_vectors(samples_dir: Path, name: str) -> None:
    result = read_import_file(samples_dir / "files" / name, AEGIS_VECTOR_FILES[name])
    vectors = [dict(e) for e in FILES["aegis__aegis_plain.json"]["entries"]]
    found = {(a.secret, a.kind) for a in result.accounts}
    present = [v for v in vectors if (v["secret"], v["type"]) in found]
    if name == "aegis__bitwarden.json":
        for v in present:  # steam://KEY names no issuer or account (the truth of bitwarden.csv says so too)
            if v["type"] == "steam":
                v["issuer"] = v["account"] = None
    if name == "aegis__freeotp_plus.json":
        for v in present:  # FreeOTP stores the next counter, one below Aegis's vectors (Aegis's test says so)
            if v["type"] == "hotp":
                v["counter"] -= 1
    assert len(present) >= 3, f"{name}: {len(present)} of the vectors"
    assert len(present) + len(result.problems) >= len(result.accounts)
    _check_entries(result, present, name)


@pytest.mark.parametrize("name", _files("refusal", "no-accounts") or ["(no samples)"])
def test_refusals_and_files_without_accounts_are_one_clean_line(samples_dir: Path, name: str) -> None:
    try:
        result = read_import_file(samples_dir / "files" / name, FILES[name]["password"])
    except ImportFileError as exc:
        assert ("\n" not in str(exc) and name in str(exc)) or "No QR code" in str(exc)
        return
    assert result.accounts == [] and result.problems and all("\n" not in p for p in result.problems)


@pytest.mark.parametrize("group", TRUTH["import_together"] or [{"files": []}])
def test_files_of_one_export_import_together_complete(samples_dir: Path, group: dict[str, Any]) -> None:
    session = ImportSession(NO_POLICY)
    for name in group["files"]:
        session.read_file(samples_dir / "files" / name)
    plan = plan_import([], session)
    assert not [line for _, line in plan.problems if "incomplete" in line]
    expected = FILES[group["entries_from"]]["entries"]
    assert len(plan.enrollment.new) + len(plan.enrollment.duplicates) == session.found
    _check_entries(ImportResult([e.candidate.otp for e in plan.enrollment.entries]), expected, "together")
