"""The log file: private, rotating, redacting, and free of secrets after a real CLI session."""

from __future__ import annotations

import base64
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from epcs_desktop import logsetup
from owner_only_support import assert_owner_only

SECRET_B32 = "KRUGS4ZANFZSAYJAON2XAZLSEBZWKY3SMV2CA2LEFZWWKIDUN52HA"  # "This is a super secret id.me totp"
SECRET_RAW = base64.b32decode(SECRET_B32 + "=" * (-len(SECRET_B32) % 8))
URI = f"otpauth://totp/ID.me:dr.lee%40clinic.example?secret={SECRET_B32}&issuer=ID.me"
PROFILE_PASSWORD = "Profile-Pa55word-xyz"
BACKUP_PASSWORD = "Backup-Pa55word-abc"



@pytest.fixture
def restore_root_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level, hook = list(root.handlers), root.level, sys.excepthook
    yield
    for h in logsetup._installed:
        root.removeHandler(h)
        h.close()
    logsetup._installed.clear()
    root.handlers[:] = handlers
    root.setLevel(level)
    sys.excepthook = hook


def test_log_file_is_private_and_in_the_override_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_root_logging: None
) -> None:
    folder = tmp_path / "logs" / "deeper"
    monkeypatch.setenv(logsetup.LOG_DIR_ENV, str(folder))
    path = logsetup.setup_logging("DEBUG")
    assert path == folder / "epcs-desktop.log"
    logging.getLogger("epcs_desktop.test").debug("hello %s", "there")
    assert "epcs_desktop.test: hello there" in path.read_text()
    assert_owner_only(path)
    assert_owner_only(folder)


def test_default_folder_is_the_platform_log_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(logsetup.LOG_DIR_ENV, raising=False)
    assert "epcs-desktop" in str(logsetup.default_log_dir())


def test_level_stderr_and_reconfiguration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], restore_root_logging: None
) -> None:
    path = logsetup.setup_logging("INFO", log_dir=tmp_path)
    log = logging.getLogger("epcs_desktop.test")
    log.debug("too detailed")
    log.info("routine")
    log.warning("attention")
    text = path.read_text()
    assert "routine" in text and "attention" in text and "too detailed" not in text
    err = capsys.readouterr().err
    assert "attention" in err and "routine" not in err
    logsetup.setup_logging("DEBUG", log_dir=tmp_path)  # replaces, does not stack handlers
    log.warning("once")
    assert path.read_text().count("once") == 1
    assert capsys.readouterr().err.count("once") == 1


def test_uri_shaped_text_is_redacted_even_in_tracebacks(tmp_path: Path, restore_root_logging: None) -> None:
    path = logsetup.setup_logging("DEBUG", log_dir=tmp_path)
    log = logging.getLogger("epcs_desktop.careless")
    log.info("scanned %s", URI)
    try:
        raise ValueError(f"bad value otpauth-migration://offline?data=abc and secret={SECRET_B32}")
    except ValueError:
        log.exception("failed")
    text = path.read_text()
    assert SECRET_B32 not in text and "otpauth" not in text
    assert text.count("<redacted>") >= 3


def test_excepthook_logs_the_traceback(tmp_path: Path, restore_root_logging: None) -> None:
    path = logsetup.setup_logging("INFO", log_dir=tmp_path)
    logsetup.install_excepthook()
    assert sys.excepthook is logsetup.excepthook

    def broken() -> None:
        raise RuntimeError("boom")

    try:
        broken()
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    text = path.read_text()
    assert "CRITICAL epcs_desktop.crash: unexpected error: RuntimeError" in text
    assert "Traceback (most recent call last)" in text and "in broken" in text


def test_rotated_files_stay_private(tmp_path: Path, restore_root_logging: None, monkeypatch) -> None:
    monkeypatch.setattr(logsetup, "MAX_BYTES", 2000)
    path = logsetup.setup_logging("DEBUG", log_dir=tmp_path)
    for i in range(200):
        logging.getLogger("epcs_desktop.test").info("line %d %s", i, "x" * 40)
    files = sorted(tmp_path.iterdir())
    assert len(files) == 1 + logsetup.BACKUP_COUNT and path in files
    for f in files:
        assert_owner_only(f)


def test_unwritable_log_folder_still_runs(tmp_path: Path, restore_root_logging: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert logsetup.setup_logging("INFO", log_dir=blocker / "logs") is None


# --- a whole CLI session, then search every log file ------------------------------------------------


def _cli(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    out = subprocess.run(
        [sys.executable, "-m", "epcs_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert "Traceback" not in out.stderr
    return out


def test_full_cli_session_leaves_no_secret_in_the_logs(tmp_path: Path) -> None:
    log_dir = tmp_path / "logs"
    env = {
        **os.environ,
        "EPCS_DESKTOP_DATA_DIR": str(tmp_path / "data"),
        "EPCS_DESKTOP_LOG_DIR": str(log_dir),
        "EPCS_DESKTOP_LOG_LEVEL": "DEBUG",
        "EPCS_DESKTOP_PASSWORD": PROFILE_PASSWORD,
        "EPCS_DESKTOP_BACKUP_PASSWORD": BACKUP_PASSWORD,
    }
    backup_file = str(tmp_path / "lee.epcsbak")
    printed: list[str] = []

    def ok(args: list[str], stdin: str = "") -> str:
        out = _cli(args, env, stdin)
        assert out.returncode == 0, (args, out.stderr)
        printed.append(out.stdout)
        return out.stdout

    ok(["profile", "create", "Dr Lee"])
    ok(["device", "add", "--profile", "Dr Lee", "--nickname", "Work phone", "--uri", "-"], stdin=URI + "\n")
    ok(["device", "add", "--profile", "Dr Lee", "--nickname", "Office iPad", "--push"])
    ok(["codes", "--profile", "Dr Lee"])
    ok(["codes", "--profile", "Dr Lee", "--json"])
    ok(["code", "-"], stdin=URI + "\n")
    ok(["code", "--at", "1800000000", "-"], stdin=URI + "\n")
    ok(["device", "rename", "--profile", "Dr Lee", "Work phone", "Clinic phone"])
    ok(["device", "primary", "--profile", "Dr Lee", "Office iPad"])
    ok(["backup", "create", "--profile", "Dr Lee", backup_file])
    ok(["device", "remove", "--profile", "Dr Lee", "Clinic phone"])
    ok(["profile", "create", "Laptop"])
    ok(["backup", "restore", "--profile", "Laptop", backup_file, "--dry-run"])
    # "Laptop" is not the profile the backup came from: the restore needs the explicit choice (issue 12 #5).
    ok(["backup", "restore", "--profile", "Laptop", backup_file, "--mode", "replace", "--other-clinician"])
    ok(["codes", "--profile", "Laptop"])
    # and the failure paths, which are where careless logging usually happens
    bad = _cli(
        ["device", "add", "--profile", "Dr Lee", "--nickname", "X", "--uri", "-"],
        env,
        URI.replace("secret=", "secret=1") + "\n",
    )
    assert bad.returncode == 2
    wrong = _cli(
        ["backup", "restore", "--profile", "Laptop", backup_file],
        {**env, "EPCS_DESKTOP_BACKUP_PASSWORD": "nope-nope"},
    )
    assert wrong.returncode == 3 and "backup password is wrong" in wrong.stderr
    wrong = _cli(["codes", "--profile", "Laptop"], {**env, "EPCS_DESKTOP_PASSWORD": "not-the-password"})
    assert wrong.returncode == 3

    codes = set(re.findall(r"(?<!\d)\d{3} ?\d{3}(?!\d)", "\n".join(printed)))
    codes = {c.replace(" ", "") for c in codes}
    assert len(codes) >= 2, printed  # the session really produced codes to look for

    files = [p for p in log_dir.rglob("*") if p.is_file()]
    assert files, "the session wrote no log file"
    blob = b"\n".join(p.read_bytes() for p in files)
    text = blob.decode("utf-8")
    assert "DEBUG" in text and "backup written" in text  # the log is real and detailed
    forbidden = {
        "secret (Base32)": SECRET_B32,
        "secret (lower case)": SECRET_B32.lower(),
        "secret (hex)": SECRET_RAW.hex(),
        "otpauth URI": "otpauth://",
        "otpauth URI (encoded)": "otpauth%3a",
        "secret parameter": "secret=",
        "profile password": PROFILE_PASSWORD,
        "backup password": BACKUP_PASSWORD,
        "wrong password": "not-the-password",
    }
    for what, needle in forbidden.items():
        assert needle.lower() not in text.lower(), f"{what} found in the log"
    assert "<redacted>" not in text  # nothing even tried: the redaction is a safety net, not the fix
    assert SECRET_RAW not in blob and SECRET_B32[:16] not in text
    for code in codes:
        assert not re.search(rf"(?<!\d){code}(?!\d)", text), "a code was logged"


def test_no_console_still_logs_to_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_root_logging: None
) -> None:
    """A windowed Windows build has sys.stderr = None; logging must neither fail nor stop."""
    monkeypatch.setattr(sys, "stderr", None)
    path = logsetup.setup_logging("INFO", log_dir=tmp_path)
    assert path is not None
    logging.getLogger("epcs_desktop.test").warning("still here")
    assert "still here" in path.read_text()


def test_rotation_keeps_the_newest_records_in_order(
    tmp_path: Path, restore_root_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The handler rotates like the standard library's: log -> log.1 -> ... -> log.N, the oldest dropped."""
    monkeypatch.setattr(logsetup, "MAX_BYTES", 2000)
    path = logsetup.setup_logging("DEBUG", log_dir=tmp_path)
    assert path is not None
    for i in range(300):
        logging.getLogger("epcs_desktop.test").info("line %03d %s", i, "x" * 40)
    chain = [path] + [Path(f"{path}.{n}") for n in range(1, logsetup.BACKUP_COUNT + 1)]
    numbers = []
    for file in reversed(chain):  # oldest first
        assert file.stat().st_size <= 2000
        numbers += [int(n) for n in re.findall(r"line (\d{3})", file.read_text(encoding="utf-8"))]
    assert numbers == sorted(numbers) and numbers[-1] == 299  # nothing reordered, the newest kept
    assert numbers == list(range(numbers[0], 300))  # nothing lost between the kept files


def test_opening_the_log_file_needs_neither_logging_handlers_nor_platformdirs(tmp_path: Path) -> None:
    """The window opens its log right after the first paint: those two imports cost ~10 ms and ~3 MiB."""
    code = (
        "import sys; from epcs_desktop import logsetup;"
        "logsetup.setup_logging(); logsetup.default_log_dir();"
        "print(sorted(m for m in ('logging.handlers', 'platformdirs') if m in sys.modules))"
    )
    env = {**os.environ, "EPCS_DESKTOP_LOG_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"
    env.pop("EPCS_DESKTOP_LOG_DIR")
    env["HOME"] = str(tmp_path)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"  # the platform's default folder too


def test_a_failed_log_write_prints_no_logging_error_block(
    tmp_path: Path, restore_root_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23 item 12: a full disk under the log folder printed Python's "--- Logging error ---"."""
    import errno

    from epcs_desktop.logsetup import setup_logging

    setup_logging("INFO", tmp_path / "logs", stderr_level=logging.CRITICAL + 1)

    class FullDisk:
        def write(self, _text: str) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    files = [h for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler)]
    assert files
    real = [h.stream for h in files]
    for handler in files:
        handler.stream = FullDisk()  # type: ignore[assignment]
    try:
        logging.getLogger("epcs_desktop.test").error("this record cannot be written")
    finally:
        for handler, stream in zip(files, real, strict=True):
            handler.stream = stream
    assert "Logging error" not in capsys.readouterr().err
