"""Exports: every format read back by our importer; Aegis's documented structure checked field by field."""

from __future__ import annotations

import base64
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from epcs_desktop.core import export
from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.errors import ImportPasswordError
from epcs_desktop.core.export import (
    FORMATS,
    ExportEntry,
    ExportError,
    aegis_encrypted,
    check_target,
    export_allowed,
    export_label,
    render,
    write_export,
)
from epcs_desktop.core.importers import read_import_file
from epcs_desktop.core.otpauth import LABEL_COLON, from_secret
from epcs_desktop.core.policy import Policy
from epcs_desktop.core.settings import Settings
from owner_only_support import assert_owner_only
from profile_support import context_at

S1 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
S2 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
S3 = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT"
PARAMS = [
    from_secret(S1, issuer="ID.me", account="jane@clinic.org"),
    from_secret(S2, issuer="DrChrono", account="jane", algorithm="SHA256", digits=8, period=60),
    from_secret(S3, issuer="Bank", account="j:k", kind="hotp", counter=41, algorithm="SHA512", digits=7),
    from_secret(S1, issuer="Steam", account="gamer", kind="steam", digits=5),
    from_secret(S2, account="no issuer", digits=9),
]
ENTRIES = [ExportEntry(f"Device {i}", p) for i, p in enumerate(PARAMS)]
CLOCK = FixedClock(1_795_858_146.0)
PASSWORD = "export pässword 1"


class _Journal:
    """What `write_export` tells the profile (the real one: tests/core/test_profiles.py's killed export)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Path]] = []

    def note_export_started(self, target: Path) -> None:
        self.calls.append(("started", target))

    def note_export_finished(self, target: Path) -> None:
        self.calls.append(("finished", target))


def _write(tmp_path: Path, fmt: str) -> Path:
    data = render(fmt, ENTRIES, clock=CLOCK, password=PASSWORD)
    journal = _Journal()
    path = write_export(tmp_path / f"out-{fmt}", data, journal)
    assert journal.calls == [("started", path), ("finished", path)]  # remembered only while writing
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_round_trips_through_our_importer(tmp_path: Path, fmt: str) -> None:
    path = _write(tmp_path, fmt)
    result = read_import_file(path, PASSWORD if fmt == "aegis-encrypted" else None)
    assert result.problems == []
    expected = list(PARAMS)
    if fmt in ("otpauth", "2fas"):  # links and 2FAS name the device in the account (issue 18)
        expected = [
            replace(p, account=export_label(e.nickname, p)[1]) for e, p in zip(ENTRIES, PARAMS, strict=True)
        ]
    if fmt == "otpauth":  # a label part never holds ':' (issue 20 item 3): a fullwidth colon stands in
        expected = [replace(p, account=p.account.replace(":", LABEL_COLON)) for p in expected]
    assert result.accounts == expected
    assert [a.issuer for a in result.accounts] == [
        p.issuer for p in PARAMS
    ]  # issue 20 item 5: none stays none
    assert [a.counter for a in result.accounts] == [p.counter for p in PARAMS]
    assert_owner_only(path)


def test_plain_aegis_has_the_documented_structure(tmp_path: Path) -> None:
    doc = json.loads(_write(tmp_path, "aegis").read_text(encoding="utf-8"))
    assert doc["version"] == 1 and doc["header"] == {"slots": None, "params": None}
    db = doc["db"]
    assert db["version"] == 1 and len(db["entries"]) == len(PARAMS)
    totp, _, hotp, steam, _ = db["entries"]
    assert set(totp) >= {"type", "uuid", "name", "issuer", "icon", "info"}
    assert totp["info"] == {"secret": S1, "algo": "SHA1", "digits": 6, "period": 30}
    assert hotp["type"] == "hotp" and hotp["info"] == {
        "secret": S3,
        "algo": "SHA512",
        "digits": 7,
        "counter": 41,
    }
    assert steam["type"] == "steam" and steam["info"] == {
        "secret": S1,
        "algo": "SHA1",
        "digits": 5,
        "period": 30,
    }
    assert all("=" not in e["info"]["secret"] for e in db["entries"])  # Base32 without padding


def test_encrypted_aegis_decrypts_by_the_documented_steps_alone() -> None:
    """Decrypt with nothing but docs/vault.md: scrypt slot -> master key -> AES-GCM db."""
    doc = json.loads(aegis_encrypted(ENTRIES, PASSWORD, scrypt_n=1024))
    (slot,) = doc["header"]["slots"]
    assert slot["type"] == 1 and (slot["n"], slot["r"], slot["p"]) == (1024, 8, 1)
    assert len(bytes.fromhex(slot["salt"])) == 32 and slot["repaired"] is True
    derived = Scrypt(salt=bytes.fromhex(slot["salt"]), length=32, n=1024, r=8, p=1).derive(PASSWORD.encode())
    master = AESGCM(derived).decrypt(
        bytes.fromhex(slot["key_params"]["nonce"]),
        bytes.fromhex(slot["key"]) + bytes.fromhex(slot["key_params"]["tag"]),
        None,
    )
    assert len(master) == 32
    params = doc["header"]["params"]
    assert len(bytes.fromhex(params["nonce"])) == 12 and len(bytes.fromhex(params["tag"])) == 16
    plain = AESGCM(master).decrypt(
        bytes.fromhex(params["nonce"]), base64.b64decode(doc["db"]) + bytes.fromhex(params["tag"]), None
    )
    content = json.loads(plain)
    assert content["version"] == 1 and [e["info"]["secret"] for e in content["entries"]] == [
        p.secret for p in PARAMS
    ]


def test_real_cost_encrypted_aegis_and_wrong_password(tmp_path: Path) -> None:
    path = _write(tmp_path, "aegis-encrypted")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert (doc["header"]["slots"][0]["n"], doc["header"]["slots"][0]["r"]) == (2**15, 8)
    with pytest.raises(ImportPasswordError):
        read_import_file(path, "not the password")
    for s in (S1, S2, S3):
        assert s not in path.read_text(encoding="utf-8")


def test_twofas_shape(tmp_path: Path) -> None:
    doc = json.loads(_write(tmp_path, "2fas").read_text(encoding="utf-8"))
    assert doc["schemaVersion"] == 4 and doc["updatedAt"] == 1_795_858_146_000
    services = doc["services"]
    assert [s["otp"]["tokenType"] for s in services] == ["TOTP", "TOTP", "HOTP", "STEAM", "TOTP"]
    assert services[2]["otp"]["counter"] == 41 and "period" not in services[2]["otp"]
    assert [s["order"]["position"] for s in services] == [0, 1, 2, 3, 4]
    assert services[4]["name"] == "Device 4 (no issuer)" and services[4]["otp"]["issuer"] == ""
    # issue 20 item 2: what 2FAS for iOS requires of every backup
    assert doc["appOrigin"] in ("android", "ios")
    assert isinstance(doc["appVersionCode"], int) and isinstance(doc["appVersionName"], str)
    assert all(s["icon"]["iconCollection"]["id"] for s in services)


def test_otpauth_list_is_one_link_per_line(tmp_path: Path) -> None:
    lines = _write(tmp_path, "otpauth").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and all(line.startswith("otpauth://") for line in lines)
    # issue 20 item 4: Steam as the TOTP form with encoder=steam that pyotp, npm otpauth and KeePassXC read
    assert lines[3].startswith("otpauth://totp/Steam:Device%203%20%28gamer%29?")
    assert lines[3].endswith("&issuer=Steam&digits=5&period=30&encoder=steam")
    assert "counter=41" in lines[2]


def test_nothing_to_export_unknown_format_and_policy() -> None:
    with pytest.raises(ExportError, match="nothing to export"):
        render("aegis", [], clock=CLOCK)
    with pytest.raises(ExportError, match="not an export format"):
        render("keepass", ENTRIES, clock=CLOCK)
    with pytest.raises(ExportError, match="needs a password"):
        render("aegis-encrypted", ENTRIES, clock=CLOCK, password="")
    assert export_allowed({}) and not export_allowed({"disable_export": True})


def test_targets_never_a_profile_file_or_an_existing_file(tmp_path: Path) -> None:
    profiles = tmp_path / "data" / "profiles"
    profiles.mkdir(parents=True)
    (profiles / "Jane.epcs").write_bytes(b"x")
    for bad in (profiles / "Jane.epcs", profiles / "export.json", tmp_path / "other.EPCS"):
        with pytest.raises(ExportError, match="profile file"):
            check_target(bad, profiles, overwrite=True)
    existing = tmp_path / "old.json"
    existing.write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportError, match="already exists"):
        check_target(existing, profiles)
    assert check_target(existing, profiles, overwrite=True) == existing
    with pytest.raises(ExportError, match="folder"):
        check_target(tmp_path, profiles)
    assert existing.read_text(encoding="utf-8") == "keep me"


# --- "no exports" (issue 15 policy) -------------------------------------------------------------------


def test_export_check_reads_the_locked_policy_alone_or_the_profiles_settings(
    tmp_path: Path, monkeypatch
) -> None:
    machine = context_at(tmp_path).policy  # this machine's policy files, re-read when they change
    export.check_export_allowed(machine.current())  # no policy: allowed
    export.check_export_allowed(machine.current(), Settings.from_stored({}))
    with pytest.raises(export.ExportError, match="turned off by your practice's IT"):
        export.check_export_allowed(Policy(), Settings.from_stored({"disable_export": True}))
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"settings": {"disable_export": {"value": True, "locked": True}}}), "utf-8")
    monkeypatch.setenv("EPCS_DESKTOP_POLICY", str(policy))
    with pytest.raises(export.ExportError, match="turned off by your practice's IT"):
        export.check_export_allowed(machine.current())
    policy.write_text(
        json.dumps({"settings": {"disable_export": {"value": True}}}), "utf-8"
    )  # a default only
    stamp = policy.stat().st_mtime_ns + 1_000_000  # a rewrite within one tick still counts as a change
    os.utime(policy, ns=(stamp, stamp))
    # A default only: the profile may still say otherwise, and it is checked once opened.
    export.check_export_allowed(machine.current())
