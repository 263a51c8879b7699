"""``epcs-desktop import`` end to end: a real subprocess, real files, a real SQLCipher profile."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from epcs_desktop.cli.import_cmds import _apply, _Item, _Plan, nickname_for
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otp import hotp
from epcs_desktop.core.otpauth import build_uri, from_secret, parse_uri
from epcs_desktop.core.profile import HOTP_MESSAGE
from epcs_desktop.core.profiles import ProfileStore

PROFILE_PW = "clinic-pass-123"
EXPORT_PW = "export pass"
S1 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
S2 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
S3 = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT"
A1 = from_secret(S1, issuer="ID.me", account="jane@clinic.org")
A2 = from_secret(S2, issuer="DrChrono", account="jane", digits=8, algorithm="SHA256")
A3 = from_secret(S3, issuer="ID.me", account="jane@clinic.org")  # same names, other key
HOTP_URI = f"otpauth://hotp/Bank:jane?secret={S2}&issuer=Bank&counter=5"


def _cli(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("EPCS_DESKTOP_")}
    full_env.update({"EPCS_DESKTOP_DATA_DIR": str(data_dir), "EPCS_DESKTOP_PASSWORD": PROFILE_PW})
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "epcs_desktop", *args],
        capture_output=True,
        text=True,
        env=full_env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


@pytest.fixture
def profile_dir(data_dir: Path) -> Path:
    ProfileStore(data_dir).create("Jane", PROFILE_PW).close()
    return data_dir


def _devices(data_dir: Path) -> list:
    with ProfileStore(data_dir).open("Jane", PROFILE_PW) as profile:
        return profile.devices()


def _link_list(tmp_path: Path) -> Path:
    f = tmp_path / "codes.txt"
    f.write_text(
        f"# from my old laptop\n{build_uri(A1)}\n\notpauth://totp/Bad?secret=ABC1DEFGHIJKLMNOP\n{build_uri(A2)}\n",
        encoding="utf-8",
    )
    return f


def _no_secrets(*outputs: str) -> None:
    for out in outputs:
        for s in (S1, S2, S3, "ABC1DEFGHIJKLMNOP"):
            assert s not in out


def test_dry_run_previews_and_changes_nothing(profile_dir: Path, tmp_path: Path) -> None:
    r = _cli(profile_dir, "import", "--profile", "Jane", "--dry-run", str(_link_list(tmp_path)))
    assert r.returncode == 0, r.stderr
    assert "would add: 'ID.me (jane@clinic.org)' (Generate 2FA Key)" in r.stdout
    assert "would add: 'DrChrono (jane)' (Generate 2FA Key)" in r.stdout
    problem_lines = [line for line in r.stdout.splitlines() if "problem:" in line]
    assert len(problem_lines) == 1 and "line 4:" in problem_lines[0] and "character '1'" in problem_lines[0]
    assert "nothing was changed" in r.stdout
    assert _devices(profile_dir) == []
    _no_secrets(r.stdout, r.stderr)


def test_import_adds_generators_and_skips_duplicates(profile_dir: Path, tmp_path: Path) -> None:
    codes = _link_list(tmp_path)
    r = _cli(profile_dir, "import", "--profile", "Jane", str(codes))
    assert r.returncode == 0, r.stderr
    assert "Added 2 code generators to profile 'Jane'." in r.stdout
    devices = _devices(profile_dir)
    assert [(d.nickname, d.option, d.otp) for d in devices] == [
        ("ID.me (jane@clinic.org)", DeviceOption.GENERATOR_HERE, A1),
        ("DrChrono (jane)", DeviceOption.GENERATOR_HERE, A2),
    ]
    assert devices[0].is_primary and not devices[1].is_primary

    # again, plus a same-named account with another key: duplicates skipped, new nickname made unique
    more = tmp_path / "more.txt"
    more.write_text(build_uri(A3) + "\n", encoding="utf-8")
    r = _cli(profile_dir, "import", "--profile", "Jane", "--json", str(codes), str(more))
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    existing = [d["existing_device"] for d in report["duplicates"]]
    assert existing == ["ID.me (jane@clinic.org)", "DrChrono (jane)"]
    assert [a["nickname"] for a in report["added"]] == ["ID.me (jane@clinic.org) 2"]
    assert report["problems"] == [
        {"file": str(codes), "message": report["problems"][0]["message"]}
    ] and report["problems"][0]["message"].startswith("line 4:")
    assert [d.otp for d in _devices(profile_dir)] == [A1, A2, A3]
    _no_secrets(r.stdout, r.stderr)


def _twofas_encrypted(path: Path) -> Path:
    services = [
        {"name": "ID.me", "secret": S1, "otp": {"account": "jane@clinic.org", "tokenType": "TOTP"}},
        {"name": "Steam", "secret": S2, "otp": {"account": "g", "tokenType": "STEAM"}},
    ]
    salt, iv = os.urandom(256), os.urandom(12)
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=10_000)
    sealed = AESGCM(kdf.derive(EXPORT_PW.encode())).encrypt(iv, json.dumps(services).encode(), None)
    doc = {
        "services": [],
        "schemaVersion": 4,
        "servicesEncrypted": ":".join(base64.b64encode(x).decode() for x in (sealed, salt, iv)),
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_encrypted_export_password_sources(profile_dir: Path, tmp_path: Path) -> None:
    backup = _twofas_encrypted(tmp_path / "phone.2fas")

    r = _cli(profile_dir, "import", "--profile", "Jane", str(backup))
    assert r.returncode == 2
    assert "error: phone.2fas is an encrypted 2FAS backup: its password is needed" in r.stderr
    assert "EPCS_DESKTOP_IMPORT_PASSWORD" in r.stderr

    wrong = {"EPCS_DESKTOP_IMPORT_PASSWORD": "nope"}
    r = _cli(profile_dir, "import", "--profile", "Jane", str(backup), env=wrong)
    assert r.returncode == 3
    assert r.stderr.strip() == "error: The password does not open phone.2fas."
    assert _devices(profile_dir) == []

    pw_file = tmp_path / "pw.txt"
    pw_file.write_text(EXPORT_PW + "\n", encoding="utf-8")
    r = _cli(profile_dir, "import", "--profile", "Jane", "--import-password-file", str(pw_file), str(backup))
    assert r.returncode == 0, r.stderr
    assert "phone.2fas: 2FAS encrypted backup, 1 account" in r.stdout
    assert "STEAM codes are not supported" in r.stdout
    assert [d.otp for d in _devices(profile_dir)] == [A1]
    _no_secrets(r.stdout, r.stderr)


def test_unreadable_file_fails_before_touching_the_profile(profile_dir: Path, tmp_path: Path) -> None:
    files = (str(_link_list(tmp_path)), str(tmp_path / "gone.txt"))
    r = _cli(profile_dir, "import", "--profile", "Jane", *files)
    assert r.returncode == 2
    assert r.stderr.strip() == "error: File not found: gone.txt"
    assert _devices(profile_dir) == []


def test_nothing_found_exits_1(profile_dir: Path, tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_text("otpauth://totp/x?secret=short\n", encoding="utf-8")
    r = _cli(profile_dir, "import", "--profile", "Jane", str(f))
    assert r.returncode == 1
    assert "problem:" in r.stdout


def test_wrong_profile_password_exits_3(profile_dir: Path, tmp_path: Path) -> None:
    r = _cli(
        profile_dir,
        "import",
        "--profile",
        "Jane",
        str(_link_list(tmp_path)),
        env={"EPCS_DESKTOP_PASSWORD": "not it"},
    )
    assert r.returncode == 3 and r.stderr.startswith("error: ")


def test_nickname_for_is_unique_bounded_and_clean() -> None:
    taken = {"id.me (jane@clinic.org)"}
    assert nickname_for(A1, taken) == "ID.me (jane@clinic.org) 2"
    assert nickname_for(A1, taken) == "ID.me (jane@clinic.org) 3"
    long = from_secret(S1, issuer="I" * 50, account="a" * 50)
    first = nickname_for(long, set())
    second = nickname_for(long, {first.casefold()})
    assert len(first) == 64 and len(second) == 64 and second.endswith(" 2")
    odd = from_secret(S1, issuer="Tab\there", account="line\nbreak")
    assert nickname_for(odd, set()) == "Tab here (line break)"
    assert nickname_for(from_secret(S1), set()) == "Imported code generator"


# --- after the core review: HOTP refused per entry, imports all-or-nothing ------------------------


def test_hotp_account_is_a_problem_line_and_the_rest_is_imported(profile_dir: Path, tmp_path: Path) -> None:
    f = tmp_path / "codes.txt"
    f.write_text(f"{HOTP_URI}\n{build_uri(A1)}\n", encoding="utf-8")
    r = _cli(profile_dir, "import", "--profile", "Jane", str(f))
    assert r.returncode == 0, r.stderr
    problems = [line for line in r.stdout.splitlines() if "problem:" in line]
    assert len(problems) == 1 and "Bank" in problems[0] and HOTP_MESSAGE in problems[0]
    assert "added: 'ID.me (jane@clinic.org)'" in r.stdout
    assert [d.nickname for d in _devices(profile_dir)] == ["ID.me (jane@clinic.org)"]
    assert S2 not in r.stdout + r.stderr


def test_device_add_refuses_hotp_and_code_still_prints_it(profile_dir: Path) -> None:
    r = _cli(profile_dir, "device", "add", "--profile", "Jane", "--nickname", "Bank", "--uri", HOTP_URI)
    assert r.returncode == 2
    assert r.stderr.strip() == f"error: {HOTP_MESSAGE}"
    assert [d.nickname for d in _devices(profile_dir)] == []
    r = _cli(profile_dir, "code", HOTP_URI)  # stateless: the code for the URI's own counter
    assert r.returncode == 0, r.stderr
    assert hotp(parse_uri(HOTP_URI)) in r.stdout


def test_import_apply_is_all_or_nothing(profile_dir: Path) -> None:
    a2 = from_secret(S2, issuer="Bank", account="jane")
    plan = _Plan(add=[_Item(A1, "a.txt", nickname="First"), _Item(a2, "a.txt", nickname="Second")])
    with ProfileStore(profile_dir).open("Jane", PROFILE_PW) as profile:
        profile.add_device("SECOND", DeviceOption.PUSH)  # taken after planning, e.g. by another window
        with pytest.raises(RuleError) as err:
            _apply(profile, plan)
        assert str(err.value).startswith("Nothing was imported: There is already a device called 'SECOND'")
        assert [d.nickname for d in profile.devices()] == ["SECOND"]
        plan.add[1].nickname = "Second account"
        assert [d.nickname for d in _apply(profile, plan)] == ["First", "Second account"]
