"""The ``epcs-desktop`` command: argparse front end, also what scripts and support staff use.

Without a subcommand it starts the GUI (imported lazily: a subcommand must
never pay for, or depend on, Qt or OpenCV being importable). Every
`EpcsError` becomes one line, ``error: <message>``, on stderr with the exit
status from `common.exit_code_for`; anything else is a bug and still never
shows a traceback unless ``EPCS_DESKTOP_DEBUG=1``.

Opening the window is what clinicians do many times a day, so that path
imports only argparse and the profile names' module before Qt: the log file
is opened by `ui.app` right after the lock screen's first paint (records made
before it are kept and written then), and a subcommand sets logging up here.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from functools import cache
from types import SimpleNamespace
from typing import TYPE_CHECKING

from epcs_desktop import __version__
from epcs_desktop.core.errors import EpcsError

if TYPE_CHECKING:  # argparse and cli.common (json, getpass, datetime) load only for a command or --help
    import argparse

logger = logging.getLogger(__name__)

PROG = "epcs-desktop"
SUBCOMMAND_MODULES = (
    "code_cmds",
    "profile_cmds",
    "device_cmds",
    "generator_cmds",
    "scan_cmds",
    "import_cmds",
    "export_cmds",
    "backup_cmds",
    "sheet_cmds",
    "settings_cmds",
)


@cache
def _parser_class() -> type[argparse.ArgumentParser]:
    """argparse, but a usage error is one ``error:`` line (exit 2) like every other error."""
    import argparse

    from epcs_desktop.cli.common import EXIT_USAGE

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]
            self.exit(EXIT_USAGE, f"error: {message} (see '{self.prog} --help')\n")

    return _Parser


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The full parser; `commands=False` gives only the global options (and no -h)."""
    _Parser = _parser_class()  # noqa: N806 (a class)
    parser = _Parser(
        prog=PROG,
        add_help=commands,
        description="MFA companion and code generator for DrChrono EPCS with ID.me. "
        "Without a command, opens the desktop window.",
        epilog="Passwords come from $EPCS_DESKTOP_PASSWORD, else --password-file, else a no-echo prompt.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where profiles are kept (default: $EPCS_DESKTOP_DATA_DIR, else the user data folder)",
    )
    parser.add_argument(
        "--password-file", metavar="FILE", help="read the profile password from the first line of FILE"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.add_argument("--demo", action="store_true", help="GUI: open a demo profile with sample devices")
    parser.add_argument(
        "--quit-after-first-paint",
        action="store_true",
        help="GUI: quit once the window is drawn (smoke test)",
    )
    if not commands:
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in SUBCOMMAND_MODULES:
        module = importlib.import_module(f"epcs_desktop.cli.{name}")
        module.register(subparsers)
    for sub in _command_parsers(parser):
        _add_location_options(sub)
    return parser


def _add_location_options(parser: argparse.ArgumentParser) -> None:
    """Accept --data-dir and --password-file after the command too (`device list -p X --data-dir D`).

    SUPPRESS as the default keeps a value given before the command when none is given after it.
    """
    import argparse

    for flag, metavar, text in (
        ("--data-dir", "DIR", "where profiles are kept (same as before the command)"),
        ("--password-file", "FILE", "read the profile password from the first line of FILE"),
    ):
        if flag not in parser._option_string_actions:
            parser.add_argument(flag, metavar=metavar, default=argparse.SUPPRESS, help=text)


def _command_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every command and sub-command parser below `parser` (argparse offers no public walk)."""
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield sub
                yield from _command_parsers(sub)


def _no_display() -> bool:
    """True on Linux/BSD with no X11 or Wayland display to open a window on (a server, an SSH session)."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _start_logging(stderr_level: int) -> None:
    """The log file and stderr handlers, and the excepthook that logs a bug (subcommands, and bugs)."""
    from epcs_desktop.logsetup import install_excepthook, setup_logging

    setup_logging(stderr_level=stderr_level)
    install_excepthook()


def _run_gui(
    args: argparse.Namespace | SimpleNamespace, stderr_level: int, *, exit_process: bool = False
) -> int:
    if _no_display():  # Qt would abort the process with a plugin error instead
        raise EpcsError(
            "There is no graphical display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set). "
            "Start EPCS Desktop from a desktop session, or use its commands: epcs-desktop --help"
        )
    try:
        from epcs_desktop.ui.app import run_gui  # Qt only when the GUI is wanted
    except ImportError as exc:
        logger.debug("GUI import failed: %s", exc)
        raise EpcsError(
            "The desktop window is not available in this installation (Qt failed to load)."
        ) from None
    return int(
        run_gui(
            args.data_dir,
            args.demo,
            args.quit_after_first_paint,
            stderr_level=stderr_level,
            exit_process=exit_process,
        )
        or 0
    )


# The window's options (what `build_parser` declares before the commands): flags, and options with a value.
_GUI_FLAGS = {
    "-v": "verbose",
    "--verbose": "verbose",
    "--demo": "demo",
    "--quit-after-first-paint": "quit_after_first_paint",
}
_GUI_VALUES = {"--data-dir": "data_dir", "--password-file": "password_file"}


def _parse_window_options(argv: Sequence[str]) -> SimpleNamespace | None:
    """The window's options parsed without argparse, or None for anything else (a command, --help, a typo).

    Opening the window is what people do many times a day; building even the
    global-options parser means importing argparse (with gettext) and the
    commands' shared module (json, getpass, datetime) before the lock screen
    can paint. The window's command line is a handful of exact option names,
    so they are matched here; everything else, including abbreviations and
    values that look like options, goes to the full parser, so help, errors
    and every edge case are exactly argparse's. The result has the same
    attributes and values as the full parser's.
    """
    values: dict[str, object] = {
        "data_dir": None,
        "password_file": None,
        "verbose": False,
        "demo": False,
        "quit_after_first_paint": False,
    }
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GUI_FLAGS:
            values[_GUI_FLAGS[arg]] = True
            i += 1
            continue
        name, equals, value = arg.partition("=")
        if name not in _GUI_VALUES:
            return None
        if not equals:
            if i + 1 >= len(argv) or argv[i + 1].startswith("-"):
                return None  # argparse says what is missing
            value = argv[i + 1]
            i += 1
        values[_GUI_VALUES[name]] = value
        i += 1
    return SimpleNamespace(**values, command=None)


def _parse(argv: Sequence[str] | None) -> argparse.Namespace | SimpleNamespace:
    """Parse argv; the window's own options without argparse, anything else with the full parser.

    Registering every subcommand means importing each command module and the
    core modules it needs (~30 ms), and argparse itself is more: neither is
    needed to open the window (`_parse_window_options`).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    window = _parse_window_options(argv)
    if window is not None:
        return window
    return build_parser().parse_args(argv)


def _tolerant_output() -> None:
    """Messages quote names with “curly quotes” and names may hold any letter: on a terminal or pipe whose
    encoding cannot show a character (a forced ASCII stdout, an old code page), print a stand-in instead
    of failing with an internal error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
                continue


def main(argv: Sequence[str] | None = None) -> int:
    from epcs_desktop.core.coredumps import disable_core_dumps

    disable_core_dumps()  # before any password is read or any profile unlocked (issue 23 item 8)
    args = _parse(argv)
    # Without -v no log record reaches stderr: the one `error:` line is the whole story there (issue 11
    # item 10); everything still goes to the private log file.
    func = getattr(args, "func", None)
    stderr_level = logging.INFO if args.verbose else logging.CRITICAL + 1 if func else logging.ERROR
    if func is not None:  # the window sets logging up itself, after its first paint
        _start_logging(stderr_level)
        _tolerant_output()
    try:
        if func is None:
            # argv None: this is the program's own command line (the console script, python -m), so the
            # window may end the process itself once it has closed everything (ui.app.end_process).
            # The window builds its own one context (ui.app.run_gui).
            return _run_gui(args, stderr_level, exit_process=argv is None)
        from epcs_desktop.cli.common import context_from_args

        # THE command's context (core/context.py): one clock (--at's FixedClock where given), one IT
        # policy, one data folder, passed to the handler and from it to everything it opens.
        context = context_from_args(args)
        return int(func(args, context) or 0)
    except EpcsError as exc:
        from epcs_desktop.cli.common import exit_code_for

        sys.stderr.write(f"error: {exc}\n")
        return exit_code_for(exc)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("EPCS_DESKTOP_DEBUG") == "1":
            raise
        if not logging.getLogger().handlers:  # the window failed before it set logging up
            _start_logging(stderr_level)
        from epcs_desktop.logsetup import default_log_dir

        logger.critical("unexpected error: %s", type(exc).__name__, exc_info=True)  # traceback: log file only
        sys.stderr.write(
            f"error: internal error ({type(exc).__name__}); the details are in the log file "
            f"({default_log_dir()}).\n"
        )
        from epcs_desktop.cli.common import EXIT_INTERNAL

        return EXIT_INTERNAL
