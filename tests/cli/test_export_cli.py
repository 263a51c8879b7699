"""``epcs-desktop export`` and ``codes --next``: real subprocesses and profiles; files read back by import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import PASSWORD, SECRET, URI, run
from epcs_desktop.core.importers import read_import_file
from epcs_desktop.core.otp import hotp
from epcs_desktop.core.otpauth import parse_uri
from owner_only_support import assert_owner_only

HOTP_URI = "otpauth://hotp/Bank:j?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Bank&counter=3"
STEAM_URI = "otpauth://steam/Steam:gamer?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT&issuer=Steam"


def _profile(d: Path) -> Path:
    assert run(d, "profile", "create", "Jane").returncode == 0
    for nick, uri in (("Office", URI), ("Bank", HOTP_URI), ("Steam", STEAM_URI)):
        r = run(d, "device", "add", "-p", "Jane", "--nickname", nick, "--uri", "-", stdin=uri + "\n")
        assert r.returncode == 0, r.stderr
    assert run(d, "device", "add", "-p", "Jane", "--nickname", "Phone", "--push").returncode == 0
    return d


@pytest.fixture(scope="module")
def jane(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Exports only read: one profile for the module."""
    return _profile(tmp_path_factory.mktemp("export-data"))


@pytest.mark.parametrize("fmt", ["otpauth", "aegis", "aegis-encrypted", "2fas"])
def test_every_format_is_owner_only_warned_and_reads_back(jane: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"codes-{fmt}"
    env = {"EPCS_DESKTOP_EXPORT_PASSWORD": "export-pass-1"}
    r = run(jane, "export", "-p", "Jane", "--format", fmt, str(out), env=env)
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith("warning: This file holds the secret keys")
    assert "Exported 3 code generators from profile “Jane”" in r.stdout
    assert_owner_only(out)
    for text in (r.stdout, r.stderr):
        assert SECRET not in text and "JBSWY3DP" not in text
    result = read_import_file(out, "export-pass-1" if fmt == "aegis-encrypted" else None)
    assert result.problems == []
    assert [(a.kind, a.issuer) for a in result.accounts] == [
        ("totp", "ID.me"),
        ("hotp", "Bank"),
        ("steam", "Steam"),
    ]
    assert result.accounts[1].counter == 3


def test_export_refuses_profile_files_existing_files_and_short_passwords(jane: Path, tmp_path: Path) -> None:
    profile_file = jane / "profiles" / "Jane.epcs"
    before = profile_file.read_bytes()
    r = run(jane, "export", "-p", "Jane", "--format", "otpauth", str(profile_file), "--overwrite")
    assert r.returncode == 2 and "profile file" in r.stderr
    assert profile_file.read_bytes() == before
    existing = tmp_path / "old.txt"
    existing.write_text("keep", encoding="utf-8")
    r = run(jane, "export", "-p", "Jane", "--format", "otpauth", str(existing))
    assert r.returncode == 2 and "--overwrite" in r.stderr and existing.read_text(encoding="utf-8") == "keep"
    r = run(jane, "export", "-p", "Jane", "--format", "aegis-encrypted", str(tmp_path / "x.json"),
            env={"EPCS_DESKTOP_EXPORT_PASSWORD": "short"})  # fmt: skip
    assert r.returncode == 2 and "at least 8 characters" in r.stderr
    assert not (tmp_path / "x.json").exists()
    r = run(
        jane, "export", "-p", "Jane", "--format", "aegis", str(tmp_path / "y.json"), password="wrong pw 1"
    )
    assert r.returncode == 3 and not (tmp_path / "y.json").exists()


def test_codes_next_advances_the_counter_once_and_codes_never_does(tmp_path: Path) -> None:
    jane = _profile(tmp_path)
    shown = json.loads(run(jane, "codes", "-p", "Jane", "--json").stdout)
    bank = next(c for c in shown["codes"] if c["nickname"] == "Bank")
    params = parse_uri(HOTP_URI)
    assert bank["code"] is None and bank["counter_based"] is True  # showing never hands out a code
    assert bank["seconds_remaining"] is None and bank["period"] is None
    steam = next(c for c in shown["codes"] if c["nickname"] == "Steam")
    assert steam["kind"] == "steam" and len(steam["code"]) == 5 and steam["period"] == 30
    assert steam["counter_based"] is False
    text = run(jane, "codes", "-p", "Jane").stdout
    bank_line = next(line for line in text.splitlines() if line.startswith("Bank"))
    assert "run `epcs-desktop codes --next Bank`" in bank_line and hotp(params, 3) not in text
    first = run(jane, "codes", "-p", "Jane", "--next", "bank")
    second = run(jane, "codes", "-p", "Jane", "--next", "Bank")
    assert (first.stdout.strip(), second.stdout.strip()) == (hotp(params, 3), hotp(params, 4))
    r = run(jane, "codes", "-p", "Jane", "--next", "Office")
    assert r.returncode == 2 and "not a counter-based" in r.stderr
    assert PASSWORD  # the profile password came from the environment, never argv


def test_export_turned_off_by_it_is_refused_before_any_password(jane: Path, tmp_path: Path) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"settings": {"disable_export": {"value": True, "locked": True}}}), "utf-8")
    out = tmp_path / "codes.txt"
    env = {"EPCS_DESKTOP_POLICY": str(policy)}
    r = run(jane, "export", "-p", "Jane", "--format", "otpauth", str(out), password=None, env=env)
    assert r.returncode == 2, r.stderr
    assert r.stderr == "error: Exporting secret keys is turned off by your practice's IT.\n"
    assert not out.exists()
