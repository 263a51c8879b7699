"""`import` and `device add` after the core review: HOTP refused per entry, imports all-or-nothing.

Real subprocesses against a real SQLCipher profile, except the all-or-nothing test, which calls
the command's own apply step in-process so a clash can be arranged between planning and saving.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from epcs_desktop.cli.import_cmds import _apply, _Item, _Plan
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otp import hotp
from epcs_desktop.core.otpauth import build_uri, from_secret, parse_uri
from epcs_desktop.core.profile import HOTP_MESSAGE
from epcs_desktop.core.profiles import ProfileStore

PROFILE_PW = "clinic-pass-123"
S1 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
S2 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
A1 = from_secret(S1, issuer="ID.me", account="jane@clinic.org")
HOTP_URI = f"otpauth://hotp/Bank:jane?secret={S2}&issuer=Bank&counter=5"


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EPCS_DESKTOP_")}
    env.update({"EPCS_DESKTOP_DATA_DIR": str(data_dir), "EPCS_DESKTOP_PASSWORD": PROFILE_PW})
    return subprocess.run(
        [sys.executable, "-m", "epcs_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


@pytest.fixture
def profile_dir(data_dir: Path) -> Path:
    ProfileStore(data_dir).create("Jane", PROFILE_PW).close()
    return data_dir


def _nicknames(data_dir: Path) -> list[str]:
    with ProfileStore(data_dir).open("Jane", PROFILE_PW) as profile:
        return [d.nickname for d in profile.devices()]


def test_hotp_account_is_a_problem_line_and_the_rest_is_imported(profile_dir: Path, tmp_path: Path) -> None:
    f = tmp_path / "codes.txt"
    f.write_text(f"{HOTP_URI}\n{build_uri(A1)}\n", encoding="utf-8")
    r = _cli(profile_dir, "import", "--profile", "Jane", str(f))
    assert r.returncode == 0, r.stderr
    problems = [line for line in r.stdout.splitlines() if "problem:" in line]
    assert len(problems) == 1 and "Bank" in problems[0] and HOTP_MESSAGE in problems[0]
    assert "added: 'ID.me (jane@clinic.org)'" in r.stdout
    assert _nicknames(profile_dir) == ["ID.me (jane@clinic.org)"]
    assert S2 not in r.stdout + r.stderr


def test_device_add_refuses_hotp_and_code_still_prints_it(profile_dir: Path) -> None:
    r = _cli(profile_dir, "device", "add", "--profile", "Jane", "--nickname", "Bank", "--uri", HOTP_URI)
    assert r.returncode == 2
    assert r.stderr.strip() == f"error: {HOTP_MESSAGE}"
    assert _nicknames(profile_dir) == []
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
