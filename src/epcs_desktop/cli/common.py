"""Helpers every subcommand module shares: passwords, opening a profile, JSON output, stdin.

Handler convention (for scan_cmds, import_cmds, backup_cmds too):

    def register(subparsers):
        p = subparsers.add_parser("thing", help="...")
        add_profile_argument(p)
        p.set_defaults(func=run)

    def run(args, context) -> int:         # context: the one AppContext `cli.main` built
        with open_profile(context, args) as profile:   # asks for the password the standard way
            ...
        return EXIT_OK

Time comes from ``context.clock`` (a `FixedClock` under ``--at``) and IT's
policy from ``context.policy``; a handler never makes a clock or reads the
policy files itself.

Raise an `EpcsError` for anything the person did wrong; `cli.main` prints
``error: <message>`` and picks the exit status (`exit_code_for`). Secrets are
never taken from argv when there is an alternative: ``-`` means "read it from
stdin", passwords come only from the environment, a file or a no-echo prompt.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import getpass
import json
import logging
import os
import sys
from typing import TYPE_CHECKING, Any

from epcs_desktop.core.errors import EpcsError, ProfileError, VaultLockedError, WrongPasswordError
from epcs_desktop.core.profiles import ProfileStore, normalise_profile_name

if TYPE_CHECKING:  # cli.main imports this file on every start (the window's too): no SQLCipher here
    from types import SimpleNamespace
    from typing import TypeAlias

    from epcs_desktop.core.context import AppContext
    from epcs_desktop.core.profile import Profile

    # What `register(subparsers)` receives: `cli.build_parser`'s `add_subparsers()` result.
    Subparsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NOT_FOUND = 1  # e.g. scan found no QR code
EXIT_USAGE = 2  # invalid input, rule broken, unknown profile
EXIT_WRONG_PASSWORD = 3
EXIT_BUSY = 4  # profile locked by another process
EXIT_TEMPORARY_PASSWORD = 5  # a handed-over profile opened with its temporary password
EXIT_STORAGE = 6  # read-only disk, no permission, disk full: never "wrong password"
EXIT_DAMAGED = 7  # right password, damaged profile file
EXIT_INTERNAL = 70  # a bug (EX_SOFTWARE); never shows a traceback unless EPCS_DESKTOP_DEBUG=1

PASSWORD_ENV = "EPCS_DESKTOP_PASSWORD"  # noqa: S105 (a variable name, not a password)
NEW_PASSWORD_ENV = "EPCS_DESKTOP_NEW_PASSWORD"  # noqa: S105


def exit_code_for(exc: EpcsError) -> int:
    from epcs_desktop.core.errors import DamagedProfileError, StorageError, TemporaryPasswordError

    if isinstance(exc, TemporaryPasswordError):
        return EXIT_TEMPORARY_PASSWORD
    if isinstance(exc, StorageError):
        return EXIT_STORAGE
    if isinstance(exc, DamagedProfileError):
        return EXIT_DAMAGED
    if isinstance(exc, WrongPasswordError):
        return EXIT_WRONG_PASSWORD
    if isinstance(exc, VaultLockedError):
        return EXIT_BUSY
    return EXIT_USAGE


def context_from_args(args: argparse.Namespace | SimpleNamespace) -> AppContext:
    """THE command line's context (core/context.py), built once by `cli.main` for the command it runs.

    The data folder is ``--data-dir`` (else $EPCS_DESKTOP_DATA_DIR, else the user data dir); the clock
    is a `FixedClock` at ``--at`` where the command has that option, else the computer's clock.
    """
    from epcs_desktop.core.clock import FixedClock
    from epcs_desktop.core.context import AppContext

    at = getattr(args, "at", None)
    clock = FixedClock(at) if at is not None else None
    return AppContext.for_this_machine(getattr(args, "data_dir", None), clock=clock)


def add_profile_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", "-p", required=True, metavar="NAME", help="profile to use")


def add_json_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output (see docs/cli.md)")


# --- passwords ---------------------------------------------------------------------------------


def _read_password_file(path: str) -> str:
    """First line of the file, without its line ending (so `echo pw > file` works) or a UTF-8 BOM.

    Regular files only and a few KB at most, so `--password-file /dev/zero` is one clear
    error instead of an endless read; Notepad's BOM must not become part of the password.
    """
    from epcs_desktop.core.bounded import PASSWORD_LINE_MAX, InputTooLargeError, read_bounded

    try:
        data = read_bounded(path, PASSWORD_LINE_MAX * 4 + 1024, "a password file")
    except InputTooLargeError as exc:
        raise InputTooLargeError(f"The password file cannot be used: {exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise EpcsError("The password file is not UTF-8 text.") from None
    # Only "\n" (with an optional "\r" before it) ends the line: str.splitlines() also splits at U+2028,
    # U+0085 and form feed, which would silently cut a password that contains one (issue 23 item 12).
    line = text.removeprefix("\ufeff").split("\n", 1)[0].removesuffix("\r")
    if len(line) > PASSWORD_LINE_MAX:
        raise EpcsError(f"The password file's first line is longer than {PASSWORD_LINE_MAX} characters.")
    return line


def can_prompt() -> bool:
    """getpass falls back to reading stdin (echoing!) without a terminal; refuse instead."""
    if sys.platform == "win32":
        return sys.stdin is not None and sys.stdin.isatty()
    try:
        with open("/dev/tty", "r+b", buffering=0):
            return True
    except OSError:
        return False


def prompt_password(
    prompt: str, *, confirm: bool = False, env: str = PASSWORD_ENV, file_option: str = "--password-file"
) -> str:
    """A no-echo prompt; without a terminal, says which variable or option gives *this* password."""
    if not can_prompt():
        raise EpcsError(f"No password given: set {env} or use {file_option} FILE (no terminal to ask on).")
    first = getpass.getpass(prompt)
    if confirm:
        second = getpass.getpass("Type it again: ")
        if first != second:
            from epcs_desktop.core.passwords import MISMATCH

            raise EpcsError(MISMATCH)
    return first


def read_password(
    args: argparse.Namespace,
    *,
    prompt: str = "Password: ",
    confirm: bool = False,
    env: str = PASSWORD_ENV,
    file_attr: str = "password_file",
) -> str:
    """$env if set, else the file in ``args.<file_attr>``, else a no-echo prompt (twice if `confirm`)."""
    value = os.environ.get(env)
    if value:
        return value
    path = getattr(args, file_attr, None)
    if path:
        value = _read_password_file(path)
        if not value:
            raise EpcsError("The password file is empty.")
        return value
    value = prompt_password(
        prompt, confirm=confirm, env=env, file_option="--" + file_attr.replace("_", "-")
    )
    if not value:
        raise EpcsError("No password was typed.")
    return value


def open_profile(
    context: AppContext, args: argparse.Namespace, name: str | None = None, *, allow_temporary: bool = False
) -> Profile:
    """Open ``--profile`` (or `name`) with the standard password sources; warns about set-aside rows.

    Raises ProfileError (exit 2), WrongPasswordError (exit 3), VaultLockedError (exit 4) or, for a
    handed-over profile still on its temporary password, TemporaryPasswordError (exit 5) unless
    `allow_temporary` (only `profile passwd`, which replaces it).
    """
    store = ProfileStore(context)
    name = name if name is not None else args.profile
    if not store.exists(name):
        raise ProfileError(f"There is no profile called “{normalise_profile_name(name)}”.")
    password = read_password(args, prompt=f"Password for profile “{name}”: ")
    profile = store.open(name, password, allow_temporary=allow_temporary)
    for message in profile.set_aside:
        warn(message)
    from epcs_desktop.core.activity import render_detail

    for note in getattr(profile, "upgrade_notes", ()):  # rows an upgrade moved apart, said once (issue 18)
        warn(render_detail(note))
    return profile


# --- input and output --------------------------------------------------------------------------


def read_stdin_value(what: str) -> str:
    """One value (a URI, a key) from stdin for ``-`` arguments, so secrets stay out of argv.

    One line of at most `STDIN_LINE_MAX` characters: a 200 MB line is refused after 64 KB.
    """
    from epcs_desktop.core.bounded import STDIN_LINE_MAX, read_line_bounded

    if sys.stdin is None:
        raise EpcsError(f"No {what} on standard input.")
    text = read_line_bounded(sys.stdin, STDIN_LINE_MAX, what).strip()
    if not text:
        raise EpcsError(f"No {what} on standard input.")
    return text


def value_or_stdin(value: str, what: str) -> str:
    return read_stdin_value(what) if value == "-" else value


def print_json(obj: Any) -> None:
    """Stable JSON: sorted keys, two-space indent, UTF-8, one trailing newline.

    Every control, escape (C1 CSI U+009B included), direction-changing or invisible character
    inside a string is written as its JSON escape (\\u009b): a program reading the JSON gets the
    exact text, a terminal showing it gets nothing it would act on (issue 23 item 7: labels from
    a migration file passed U+009B and U+202E through `import --json`).
    """
    from epcs_desktop.core.textguard import is_unsafe_char

    text = json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("".join(_json_escape(ch) if is_unsafe_char(ch) else ch for ch in text) + "\n")


def _json_escape(ch: str) -> str:
    if ch in "\n\t":  # the indentation's own newlines (inside strings json.dumps already escaped them)
        return ch
    code = ord(ch)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def iso_time(t: float) -> str:
    """UTC ISO-8601 with a Z, second precision: what --json prints for times."""
    return _dt.datetime.fromtimestamp(t, tz=_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def warn(message: str) -> None:
    sys.stderr.write(f"warning: {message}\n")
