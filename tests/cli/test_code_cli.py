"""`epcs-desktop code` (one URI, no profile) and `codes` (a profile's code generators)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import URI, run
from epcs_desktop.core.otp import totp_at
from epcs_desktop.core.otpauth import parse_uri
from profile_support import context_at


@pytest.mark.parametrize(
    ("at", "code"), [("59", "287082"), ("1111111109", "081804"), ("20000000000", "353130")]
)
def test_code_at_a_given_time_matches_rfc6238(tmp_path: Path, at: str, code: str) -> None:
    # RFC 6238 appendix B, SHA1, 8-digit codes 94287082, 07081804, 65353130: last six digits
    proc = run(tmp_path, "code", URI, "--at", at)
    assert proc.returncode == 0 and proc.stdout == code + "\n"


def test_code_reads_the_uri_from_stdin(tmp_path: Path) -> None:
    proc = run(tmp_path, "code", "-", "--at", "59", stdin=URI + "\n")
    assert proc.stdout == "287082\n"


def test_code_now_is_six_digits(tmp_path: Path) -> None:
    out = run(tmp_path, "code", "-", stdin=URI).stdout.strip()
    assert len(out) == 6 and out.isdigit()


def test_a_uri_on_the_command_line_works_but_warns(tmp_path: Path) -> None:
    uri = "otpauth://totp/RFC?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    given = run(tmp_path, "code", uri, "--at", "59")
    piped = run(tmp_path, "code", "-", "--at", "59", stdin=uri + "\n")
    assert given.stdout == piped.stdout == "287082\n"
    assert "warning:" in given.stderr and "stdin" in given.stderr
    assert piped.stderr == ""


def test_codes_json_gives_the_current_code(data: Path) -> None:
    doc = json.loads(run(data, "codes", "-p", "Dr Smith", "--json").stdout)
    assert [c["nickname"] for c in doc["codes"]] == ["Office iPad"]
    row = doc["codes"][0]
    assert row["code"] == totp_at(parse_uri(URI), doc["at"])
    assert 1 <= row["seconds_remaining"] <= 30 and row["period"] == 30 and row["digits"] == 6
    text = run(data, "codes", "-p", "Dr Smith").stdout
    assert text.startswith("Office iPad") and "s left" in text


def test_code_now_waits_for_the_next_code_in_the_last_seconds(monkeypatch, capsys, tmp_path) -> None:
    """The window's copy rule (core.otp.copy_plan): no code that expires before it is pasted."""
    import argparse

    from epcs_desktop.cli import code_cmds
    from epcs_desktop.core.clock import FixedClock

    clock = FixedClock(1_700_000_038.0)  # two seconds left
    slept: list[float] = []
    monkeypatch.setattr(code_cmds, "_sleep", slept.append)
    code_cmds.run_code(argparse.Namespace(uri=URI, at=None), context_at(tmp_path, clock))  # the context's now
    out = capsys.readouterr()
    assert out.out == totp_at(parse_uri(URI), 1_700_000_040.0) + "\n"
    assert slept == [2.0] and "waiting for the next one" in out.err
