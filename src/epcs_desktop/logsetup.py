"""Where log records go: a private rotating file for support, and stderr for warnings.

Why a file at all: when a clinician calls support because codes were rejected
at EPCS signing, "what happened at 10:42" must be answerable without the
clinician reproducing it. Why so careful: the same file must never help anyone
else sign prescriptions, so it is owner-only, and a last-line redaction scrubs
anything shaped like an otpauth URI even if some module forgot the rule
"never log a secret".

No Qt here: the GUI installs `excepthook` and adds its own dialog on top.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import sys
from pathlib import Path
from types import TracebackType

LOG_DIR_ENV = "EPCS_DESKTOP_LOG_DIR"
LOG_LEVEL_ENV = "EPCS_DESKTOP_LOG_LEVEL"
LOG_FILE_NAME = "epcs-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

# otpauth://..., otpauth-migration://..., and "secret=..." query fragments.
_REDACT = re.compile(r"(?i)otpauth(?:-migration)?://\S+|(?<![a-z])secret=[^&\s]+")

log = logging.getLogger(__name__)
_installed: list[logging.Handler] = []


def default_log_dir() -> Path:
    """`$EPCS_DESKTOP_LOG_DIR`, else the platform's user log folder (e.g. ~/.local/state/epcs-desktop/log).

    From core.platform (the same folders as platformdirs, which tests check),
    not platformdirs itself: the window opens this file right after its first
    paint, and platformdirs costs ~3 MiB and a few milliseconds to import.
    """
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    from epcs_desktop.core.platform import platform_for

    return Path(platform_for().log_dir())


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes anything URI- or secret-parameter-shaped from the whole text.

    Applied to the final string, so messages, arguments and tracebacks are all covered.
    """

    def format(self, record: logging.LogRecord) -> str:
        return _REDACT.sub("<redacted>", super().format(record))


class OneLineFormatter(RedactingFormatter):
    """For stderr: the message only, never a traceback (tracebacks go to the private log file)."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


class PrivateRotatingFileHandler(logging.FileHandler):
    """A size-rotating log file (like logging.handlers.RotatingFileHandler) whose every file is created 0600.

    Not a subclass of logging.handlers' handler: importing that module pulls in
    socket, pickle and queue (~10 ms) for one method, and the window opens
    its log file on every start. The rotation is the standard library's:
    `log` -> `log.1` -> ... -> `log.<backup_count>`, the oldest dropped.
    """

    def __init__(
        self, filename: str, *, max_bytes: int, backup_count: int, encoding: str | None = None
    ) -> None:
        self.max_bytes = max_bytes
        self.backup_count = backup_count
        super().__init__(filename, "a", encoding=encoding)

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)  # a file left by an older version
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)  # the mode __init__ gives

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.should_rollover(record):
                self.do_rollover()
            super().emit(record)
        except Exception:
            self.handleError(record)

    def should_rollover(self, record: logging.LogRecord) -> bool:
        """True when this record would take the file past `max_bytes` (never for a non-regular file)."""
        if self.max_bytes <= 0 or not os.path.isfile(self.baseFilename):
            return False
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, 2)
        return self.stream.tell() + len(f"{self.format(record)}\n") >= self.max_bytes

    def do_rollover(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for i in range(self.backup_count - 1, 0, -1):
            if os.path.exists(f"{base}.{i}"):
                os.replace(f"{base}.{i}", f"{base}.{i + 1}")
        if self.backup_count > 0:
            os.replace(base, f"{base}.1")
        else:
            os.truncate(base, 0)
        self.stream = self._open()


def _parse_level(level: int | str | None) -> int:
    if level is None:
        level = os.environ.get(LOG_LEVEL_ENV) or logging.INFO
    if isinstance(level, str):
        value = logging.getLevelName(level.strip().upper())
        if not isinstance(value, int):
            return logging.INFO
        return value
    return int(level)


def setup_logging(
    level: int | str | None = None, log_dir: Path | None = None, stderr_level: int = logging.WARNING
) -> Path | None:
    """Send records at `level` and above to the rotating private log file; `stderr_level` and up to stderr.

    `level` defaults to `$EPCS_DESKTOP_LOG_LEVEL`, else INFO. Calling it again
    replaces the handlers it installed before (tests, CLI then GUI). Returns
    the log file path, or None when the folder cannot be created (the program
    still runs; it just logs to stderr only).
    """
    # A failed write of a record (full disk, log folder gone) must not print Python's
    # "--- Logging error ---" block with a traceback on stderr (issue 23 item 12): the record is lost,
    # the program goes on, and stderr keeps its one-`error:`-line promise.
    logging.raiseExceptions = False
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()

    file_level = _parse_level(level)
    formatter = RedactingFormatter(_FORMAT)
    if sys.stderr is not None:  # None in a windowed (no console) build on Windows
        stderr = logging.StreamHandler(sys.stderr)
        stderr.setLevel(stderr_level)
        stderr.setFormatter(OneLineFormatter("%(levelname)s %(name)s: %(message)s"))
        _installed.append(stderr)

    folder = log_dir or default_log_dir()
    path: Path | None = folder / LOG_FILE_NAME
    try:
        old_umask = os.umask(0o077)
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        finally:
            os.umask(old_umask)
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
        from epcs_desktop.core.private_files import tighten

        tighten(folder)  # Windows: an owner-only DACL, inherited by the log files made in it
        handler = PrivateRotatingFileHandler(
            str(path), max_bytes=MAX_BYTES, backup_count=BACKUP_COUNT, encoding="utf-8"
        )
        handler.setLevel(file_level)
        handler.setFormatter(formatter)
        _installed.append(handler)
    except OSError as exc:
        path = None
        problem = exc.strerror or type(exc).__name__
    for handler in _installed:
        root.addHandler(handler)
    root.setLevel(min(file_level, stderr_level))
    if path is None:
        log.warning("cannot write the log file in %s (%s); logging to stderr only", folder, problem)
    else:
        log.debug("logging to %s at %s", path, logging.getLevelName(file_level))
    return path


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """`sys.excepthook`-compatible: record an unexpected error with its traceback in the log.

    Ctrl+C keeps Python's default behaviour. The GUI wraps this to also show a
    generic "something went wrong" dialog; the traceback itself never reaches a user.
    """
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    logging.getLogger("epcs_desktop.crash").critical(
        "unexpected error: %s", exc_type.__name__, exc_info=(exc_type, exc, tb)
    )


def install_excepthook() -> None:
    """Make `excepthook` the process-wide hook (the GUI may replace it with a wrapper that calls it)."""
    sys.excepthook = excepthook
