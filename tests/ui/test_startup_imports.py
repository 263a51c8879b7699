"""The lock screen's first paint needs only profile names: no vault, rules or OTP modules, no log file yet.

Each check runs the real program in a fresh interpreter (module loading is
per process), on a real data folder with a real SQLCipher profile in it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui_support import PASSWORD

from profile_support import store_at

# What unlocking needs and the lock screen does not: SQLCipher, the vault, the profile service, the rules.
NOT_BEFORE_UNLOCK = (
    "sqlcipher3",
    "epcs_desktop.core.vault",
    "epcs_desktop.core.profile",
    "epcs_desktop.core.erx",
    "epcs_desktop.core.otpauth",
    "epcs_desktop.core.settings",
    "epcs_desktop.ui.dialogs",
    "epcs_desktop.ui.single_instance",
    "epcs_desktop.core.macpasteboard",  # ctypes + the Objective-C bridge: only when a code is copied
)


def _python(code: str, data_dir: Path, log_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "EPCS_DESKTOP_DATA_DIR": str(data_dir),
        "EPCS_DESKTOP_LOG_DIR": str(log_dir),
    }
    env.pop("EPCS_DESKTOP_SCREENSHOT", None)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_lock_screen_paints_without_the_vault_modules(tmp_path: Path, data_dir: Path) -> None:
    store_at(data_dir).create("Dr Lee", PASSWORD).close()
    code = (
        "import sys; from epcs_desktop.cli import main;"
        "rc = main(['--quit-after-first-paint']);"
        f"print('LOADED', sorted(m for m in {NOT_BEFORE_UNLOCK!r} if m in sys.modules)); sys.exit(rc)"
    )
    out = _python(code, data_dir, tmp_path / "logs")
    assert out.returncode == 0, out.stderr
    assert "LOADED []" in out.stdout


def test_first_run_paints_without_the_vault_modules(tmp_path: Path, data_dir: Path) -> None:
    code = (
        "import sys; from epcs_desktop.cli import main;"
        "rc = main(['--quit-after-first-paint']);"
        f"print('LOADED', sorted(m for m in {NOT_BEFORE_UNLOCK!r} if m in sys.modules)); sys.exit(rc)"
    )
    out = _python(code, data_dir, tmp_path / "logs")
    assert out.returncode == 0, out.stderr
    assert "LOADED []" in out.stdout
    assert not (data_dir / "profiles").exists()  # showing the welcome creates nothing


def test_records_from_before_the_first_paint_reach_the_log_file(tmp_path: Path, data_dir: Path) -> None:
    """The log file opens after the paint; what was logged before it is written then, in order."""
    code = (
        "import logging, sys; from epcs_desktop.ui.app import _EarlyLog;"
        "early = _EarlyLog(logging.ERROR); early.start();"
        "logging.getLogger('epcs_desktop.test').info('first record');"
        "logging.getLogger('epcs_desktop.test').warning('second record');"
        "logging.getLogger('epcs_desktop.test').debug('below the file level');"
        "print('BUFFERED', 'logging.handlers' not in sys.modules);"
        "early.finish();"
        "logging.getLogger('epcs_desktop.test').info('after the paint');"
        "print('HANDLERS', [type(h).__name__ for h in logging.getLogger().handlers])"
    )
    out = _python(code, data_dir, tmp_path / "logs")
    assert out.returncode == 0, out.stderr
    assert "BUFFERED True" in out.stdout  # nothing of the log file's machinery before finish()
    assert "_EarlyLog" not in out.stdout.split("HANDLERS", 1)[1]
    text = (tmp_path / "logs" / "epcs-desktop.log").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if "epcs_desktop.test" in line]
    assert [line.rsplit(": ", 1)[1] for line in lines] == ["first record", "second record", "after the paint"]
    assert "second record" not in out.stderr  # stderr gets ERROR and up only, as the CLI asked


def test_quitting_before_anything_was_logged_opens_no_log_file(tmp_path: Path, data_dir: Path) -> None:
    code = (
        "import logging; from epcs_desktop.ui.app import _EarlyLog;"
        "early = _EarlyLog(logging.ERROR); early.start(); early.finish(only_if_needed=True);"
        "print('HANDLERS', len(logging.getLogger().handlers))"
    )
    out = _python(code, data_dir, tmp_path / "logs")
    assert out.returncode == 0, out.stderr
    assert "HANDLERS 0" in out.stdout
    assert not (tmp_path / "logs").exists()


def test_gui_start_still_writes_the_log_file(tmp_path: Path, data_dir: Path) -> None:
    """The smoke run logs its colour scheme before the paint; the file has it once the program quits."""
    store_at(data_dir).create("Dr Lee", PASSWORD).close()
    code = "import sys; from epcs_desktop.cli import main; sys.exit(main(['--quit-after-first-paint']))"
    out = _python(code, data_dir, tmp_path / "logs")
    assert out.returncode == 0, out.stderr
    assert "colour scheme" in (tmp_path / "logs" / "epcs-desktop.log").read_text(encoding="utf-8")
