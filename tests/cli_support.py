"""The CLI run end to end: `python -m epcs_desktop` in a subprocess against real encrypted profiles.

`run` checks the two promises made to users on every call: no traceback ever, and
errors are one ``error:`` line with the documented exit status.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PASSWORD = "cli-password-1"
# RFC 6238 appendix B test key "12345678901234567890" in Base32
SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
URI = f"otpauth://totp/ID.me:dr%40example.org?secret={SECRET}&issuer=ID.me"


def run(
    data_dir: Path,
    *args: str,
    stdin: str | None = None,
    password: str | None = PASSWORD,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("EPCS_DESKTOP_")}
    full_env["EPCS_DESKTOP_DATA_DIR"] = str(data_dir)
    if password is not None:
        full_env["EPCS_DESKTOP_PASSWORD"] = password
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "epcs_desktop", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
        start_new_session=True,  # no controlling terminal: prompts must refuse
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()
        assert lines and lines[-1].startswith("error: "), proc.stderr
        assert [ln for ln in lines if ln.startswith("error:")] == [lines[-1]]
    return proc


def run_strict(
    data_dir: Path,
    *args: str,
    stdin: str | None = None,
    password: str | None = PASSWORD,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`run` with logs beside the data folder and the fast test KDF, plus issue 11's stricter promise:
    on failure the WHOLE of stderr is one `error:` line (no log record before it)."""
    full_env = {
        "EPCS_DESKTOP_LOG_DIR": str(data_dir.parent / "logs"),
        "EPCS_DESKTOP_TEST_FAST_KDF": "1",
        **(env or {}),
    }
    proc = run(data_dir, *args, stdin=stdin, password=password, env=full_env)
    if proc.returncode != 0:
        assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: "), proc.stderr
    return proc


def new_cli_profile(data_dir: Path, name: str = "Dr Hard") -> Path:
    """Create profile `name` with one generator ('Office', `URI`) through the CLI; its file's path."""
    assert run_strict(data_dir, "profile", "create", name).returncode == 0
    added = run_strict(
        data_dir, "device", "add", "-p", name, "--nickname", "Office", "--uri", "-", stdin=URI + "\n"
    )
    assert added.returncode == 0, added.stderr
    return data_dir / "profiles" / f"{name}.epcs"
