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

from cli_support import SECRET, new_cli_profile, run_strict
from epcs_desktop.cli.import_cmds import _apply
from epcs_desktop.core.enrollment import suggest_nickname
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.importers import ImportSession, plan_import
from epcs_desktop.core.migration import build_migration_uris
from epcs_desktop.core.otp import hotp
from epcs_desktop.core.otpauth import build_uri, from_secret, parse_uri
from interop_support import sample_file, truth_of
from profile_support import NO_POLICY, store_at

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
    store_at(data_dir).create("Jane", PROFILE_PW).close()
    return data_dir


def _devices(data_dir: Path) -> list:
    """Everything held: ID.me devices and other accounts' code generators (issue 18), in the order added."""
    with store_at(data_dir).open("Jane", PROFILE_PW) as profile:
        return profile.all_rows()


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
    assert "would add: “ID.me (jane@clinic.org)” (ID.me device)" in r.stdout
    assert "would add: “DrChrono (jane)” (other account)" in r.stdout
    problem_lines = [line for line in r.stdout.splitlines() if "problem:" in line]
    assert len(problem_lines) == 1 and "line 4:" in problem_lines[0] and "character “1”" in problem_lines[0]
    assert "nothing was changed" in r.stdout
    assert _devices(profile_dir) == []
    _no_secrets(r.stdout, r.stderr)


def test_import_adds_generators_and_skips_duplicates(profile_dir: Path, tmp_path: Path) -> None:
    codes = _link_list(tmp_path)
    r = _cli(profile_dir, "import", "--profile", "Jane", str(codes))
    assert r.returncode == 0, r.stderr
    assert "Added 2 code generators to profile “Jane”." in r.stdout
    with store_at(profile_dir).open("Jane", PROFILE_PW) as profile:  # issue 18: only ID.me's is a device
        assert [d.nickname for d in profile.devices()] == ["ID.me (jane@clinic.org)"]
        assert [g.nickname for g in profile.generators() if not g.idme] == ["DrChrono (jane)"]
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
    assert "phone.2fas: 2FAS encrypted backup, 2 accounts" in r.stdout
    assert "added: “Steam (g)” (other account, Steam Guard)" in r.stdout
    steam = from_secret(S2, issuer="Steam", account="g", kind="steam", digits=5)
    assert [d.otp for d in _devices(profile_dir)] == [A1, steam]
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


def test_import_nicknames_are_unique_bounded_and_clean() -> None:
    taken = {"id.me (jane@clinic.org)"}
    assert suggest_nickname(A1, taken) == "ID.me (jane@clinic.org) 2"
    long = from_secret(S1, issuer="I" * 50, account="a" * 50)
    first = suggest_nickname(long, set())
    second = suggest_nickname(long, {first.casefold()})
    assert len(first) == 64 and len(second) == 64 and second.endswith(" 2")
    odd = from_secret(S1, issuer="Two   spaces", account=" padded ")
    assert suggest_nickname(odd, set()) == "Two spaces (padded)"
    assert suggest_nickname(from_secret(S1), set()) == "Imported code generator"


# --- issue 13: HOTP and Steam held, the code type in "same account", one export over several files ------


def test_hotp_account_is_imported_next_to_its_totp_twin(profile_dir: Path, tmp_path: Path) -> None:
    """Same secret, issuer and account as a TOTP entry but HOTP: a different account, both added."""
    twin = f"otpauth://hotp/ID.me:jane@clinic.org?secret={S1}&issuer=ID.me&counter=0"
    f = tmp_path / "codes.txt"
    f.write_text(f"{HOTP_URI}\n{build_uri(A1)}\n{twin}\n", encoding="utf-8")
    r = _cli(profile_dir, "import", "--profile", "Jane", str(f))
    assert r.returncode == 0, r.stderr
    assert "problem:" not in r.stdout and "skipped:" not in r.stdout
    assert "added: “Bank (jane)” (other account, counter-based: ask for each next code)" in r.stdout
    devices = _devices(profile_dir)
    names = ["Bank (jane)", "ID.me (jane@clinic.org)", "ID.me (jane@clinic.org) 2"]
    assert [d.nickname for d in devices] == names
    assert [(d.otp.kind, d.otp.counter) for d in devices] == [("hotp", 5), ("totp", 0), ("hotp", 0)]
    assert S2 not in r.stdout + r.stderr


def test_device_add_takes_hotp_and_code_prints_it(profile_dir: Path) -> None:
    r = _cli(profile_dir, "device", "add", "--profile", "Jane", "--nickname", "Bank", "--uri", HOTP_URI)
    assert r.returncode == 0, r.stderr
    assert [d.nickname for d in _devices(profile_dir)] == ["Bank"]
    r = _cli(profile_dir, "code", HOTP_URI)  # stateless: the code for the URI's own counter
    assert r.returncode == 0, r.stderr
    assert hotp(parse_uri(HOTP_URI)) in r.stdout


def test_one_google_export_in_three_files_is_one_complete_import(profile_dir: Path, tmp_path: Path) -> None:
    uris = build_migration_uris([A1, A2, from_secret(S3, issuer="Lab", account="x")], per_code=1, batch_id=9)
    files = []
    for i, uri in enumerate(uris):
        f = tmp_path / f"part{i + 1}.txt"
        f.write_text(f"QR-Code:{uri}\n", encoding="utf-8")
        files.append(str(f))
    r = _cli(profile_dir, "import", "--profile", "Jane", *files)
    assert r.returncode == 0, r.stderr
    assert "incomplete" not in r.stdout and "problem:" not in r.stdout
    assert "Added 3 code generators" in r.stdout
    r = _cli(profile_dir, "import", "--profile", "Jane", "--dry-run", files[0], files[2])
    (line,) = [x for x in r.stdout.splitlines() if "problem:" in x]
    assert "incomplete (2 of 3 codes read; missing code 2)" in line


def test_absurd_batch_size_line_is_one_problem_not_exit_70(profile_dir: Path, tmp_path: Path) -> None:
    from epcs_desktop.core.migration import MigrationPayload

    data = base64.b64encode(MigrationPayload(batch_size=2**31 - 1, batch_id=1).SerializeToString()).decode()
    f = tmp_path / "absurd.txt"
    f.write_text(f"otpauth-migration://offline?data={data}\n{build_uri(A1)}\n", encoding="utf-8")
    r = _cli(profile_dir, "import", "--profile", "Jane", str(f))
    assert r.returncode == 0, r.stderr
    assert "claims to be one of 2147483647 codes" in r.stdout


def test_import_apply_is_all_or_nothing(profile_dir: Path) -> None:
    a2 = from_secret(S2, issuer="Bank", account="jane")
    f = profile_dir / "a.txt"
    f.write_text(f"{build_uri(A1)}\n{build_uri(a2)}\n", encoding="utf-8")
    session = ImportSession(NO_POLICY)
    session.read_file(f)
    with store_at(profile_dir).open("Jane", PROFILE_PW) as profile:
        plan = plan_import(profile.devices(), session)
        assert [e.nickname for e in plan.enrollment.new] == ["ID.me (jane@clinic.org)", "Bank (jane)"]
        profile.add_device("BANK (jane)", DeviceOption.PUSH)  # taken after planning, e.g. by another window
        with pytest.raises(RuleError) as err:
            _apply(profile, plan)
        assert str(err.value).startswith("Nothing was imported: ")
        assert [d.nickname for d in profile.devices()] == ["BANK (jane)"]
        replanned = plan_import(profile.devices(), session)
        added = _apply(profile, replanned)
        assert [d.nickname for d in added] == ["ID.me (jane@clinic.org)", "Bank (jane) 2"]


# --- hardening (issue 11): printed import lines --------------------------------------------------------


# Issue 11 (hardening) through the real command: `run_strict` also checks that the whole of stderr
# is one `error:` line. Each test failed on the code before the fix (item number in its name).


def test_item8_import_lines_never_carry_terminal_escapes(data_dir: Path, tmp_path: Path) -> None:
    new_cli_profile(data_dir)
    doc = {
        "version": 1,
        "header": {"slots": None, "params": None},
        "db": {
            "version": 3,
            "entries": [
                {"type": "totp", "name": "a\x1b]0;pwned\x07", "issuer": "Evil\x1b[2J",
                 "info": {"secret": SECRET, "algo": "SHA1", "digits": 6, "period": 30}},
                {"type": "totp", "name": "b\u202eevil", "issuer": "X\x9b31m", "info": {"secret": SECRET}},
                {"type": "yandex", "name": "c\u2066", "issuer": "Y\u200b", "info": {}},
                {"type": "totp", "name": "ok", "issuer": "Fine", "info": {"secret": SECRET}},
            ],
        },
    }  # fmt: skip
    f = tmp_path / "aegis.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    r = run_strict(data_dir, "import", "-p", "Dr Hard", str(f), "--dry-run")
    assert r.returncode == 0, r.stderr
    for bad in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert bad not in r.stdout
    assert "problem" in r.stdout


def test_import_json_escapes_c1_and_direction_controls_from_migration_labels(
    profile_dir: Path, tmp_path: Path
) -> None:
    """Issue 23 item 7: U+009B (CSI) and U+202E in a migration entry's name reached the terminal raw."""
    from epcs_desktop.core.migration import MigrationPayload, OtpParameters

    bad = OtpParameters(
        secret=b"12345678901234567890", name="evil\u009b2J\u202egnp", issuer="Bank\u202e", type=2
    )
    data = base64.b64encode(
        MigrationPayload(otp_parameters=[bad], batch_size=1, batch_id=3).SerializeToString()
    )
    f = tmp_path / "migration.txt"
    f.write_text(f"otpauth-migration://offline?data={data.decode()}\n", encoding="utf-8")
    r = _cli(profile_dir, "import", "--profile", "Jane", "--dry-run", "--json", str(f))
    assert "Traceback" not in r.stderr
    for raw in ("\u009b", "\u202e", "\x1b"):
        assert raw not in r.stdout and raw not in r.stderr
    json.loads(r.stdout)  # still valid JSON: the characters are escaped, not dropped


def test_a_real_aegis_export_adds_other_accounts_never_id_me_devices(profile_dir: Path) -> None:
    """Issue 18: `import` labelled every account “(Generate 2FA Key)”, DrChrono's option for an ID.me
    code generator. A real Aegis export (Aegis' own test vault: TOTP, HOTP, Steam) adds other accounts:
    the output says so line by line, the JSON and `generator list` agree, and the ID.me table is empty."""
    sample = sample_file("aegis__aegis_plain.json")
    entries = truth_of("aegis__aegis_plain.json")["entries"]
    r = _cli(profile_dir, "import", "--profile", "Jane", str(sample))
    assert r.returncode == 0, r.stderr
    added = [line for line in r.stdout.splitlines() if line.startswith("  added: ")]
    kinds = {"totp": "", "hotp": ", counter-based: ask for each next code", "steam": ", Steam Guard"}
    expected = []
    for e in entries:
        kind = kinds[e["type"]]
        expected.append(f"  added: “{e['issuer']} ({e['account']})” (other account{kind})")
    assert added == expected
    assert "Generate 2FA Key" not in r.stdout and "ID.me device)" not in r.stdout
    assert "Other accounts are not ID.me devices" in r.stdout and "generator link" in r.stdout
    listed = json.loads(_cli(profile_dir, "generator", "list", "--profile", "Jane", "--json").stdout)
    assert [(g["nickname"], g["idme_device"]) for g in listed["generators"]] == [
        (f"{e['issuer']} ({e['account']})", False) for e in entries
    ]
    table = _cli(profile_dir, "device", "list", "--profile", "Jane", "--json")
    assert table.returncode == 0 and json.loads(table.stdout)["devices"] == []


def test_import_json_says_which_side_each_new_entry_is_on(profile_dir: Path, tmp_path: Path) -> None:
    r = _cli(profile_dir, "import", "--profile", "Jane", "--dry-run", "--json", str(_link_list(tmp_path)))
    assert r.returncode == 0, r.stderr
    sides = {e["nickname"]: e["idme_device"] for e in json.loads(r.stdout)["to_add"]}
    assert sides == {"ID.me (jane@clinic.org)": True, "DrChrono (jane)": False}
