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

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Iterator, Sequence

from epcs_desktop import __version__
from epcs_desktop.cli.common import EXIT_INTERNAL, EXIT_USAGE, exit_code_for
from epcs_desktop.core.errors import EpcsError

logger = logging.getLogger(__name__)

PROG = "epcs-desktop"
SUBCOMMAND_MODULES = ("code_cmds", "profile_cmds", "device_cmds", "scan_cmds", "import_cmds", "backup_cmds")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one ``error:`` line (exit 2) like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"error: {message} (see '{self.prog} --help')\n")


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The full parser; `commands=False` gives only the global options (and no -h), for `_parse`."""
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
    for flag, metavar, text in (
        ("--data-dir", "DIR", "where profiles are kept (same as before the command)"),
        ("--password-file", "FILE", "read the profile password from the first line of FILE"),
    ):
        if flag not in parser._option_string_actions:
            parser.add_argument(flag, metavar=metavar, default=argparse.SUPPRESS, help=text)


def _command_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every command and sub-command parser below `parser` (argparse offers no public walk)."""
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


def _run_gui(args: argparse.Namespace, stderr_level: int) -> int:
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
    return int(run_gui(args.data_dir, args.demo, args.quit_after_first_paint, stderr_level=stderr_level) or 0)


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse argv, importing the subcommand modules only when argv has more than global options.

    Opening the window (no command) is what people do many times a day;
    registering every subcommand means importing each command module and the
    core modules it needs, which cost ~30 ms of start-up for a parser that is
    then not used. Anything the global-only parser does not recognise (a
    command, -h/--help, a typo) goes to the full parser, so help and error
    messages are exactly the full parser's.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    args, rest = build_parser(commands=False).parse_known_args(argv)
    if not rest:
        args.command = None
        return args
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    stderr_level = logging.INFO if args.verbose else logging.ERROR
    func = getattr(args, "func", None)
    if func is not None:  # the window sets logging up itself, after its first paint
        _start_logging(stderr_level)
    try:
        if func is None:
            return _run_gui(args, stderr_level)
        return int(func(args) or 0)
    except EpcsError as exc:
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
        return EXIT_INTERNAL
