"""The CLI's start-up path: opening the window must not import every subcommand, and nothing is lost by it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from epcs_desktop.cli import SUBCOMMAND_MODULES, _parse, build_parser

CHECK = (
    "import sys, epcs_desktop.cli as c; args = c._parse({argv!r});"
    "loaded = [m for m in sys.modules if m.startswith('epcs_desktop.cli.') and m.endswith('_cmds')];"
    "print(getattr(args, 'func', None) is None, sorted(loaded))"
)


def _loaded_after(argv: list[str]) -> str:
    out = subprocess.run(
        [sys.executable, "-c", CHECK.format(argv=argv)], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_gui_start_parses_without_importing_subcommand_modules() -> None:
    assert _loaded_after(["--quit-after-first-paint", "--data-dir", "x"]) == "True []"


def test_a_subcommand_still_gets_the_full_parser() -> None:
    is_gui, loaded = _loaded_after(["code", "-"]).split(" ", 1)
    assert is_gui == "False"
    assert all(f"epcs_desktop.cli.{name}" in loaded for name in SUBCOMMAND_MODULES)


def test_global_options_parse_the_same_either_way() -> None:
    argv = ["--data-dir", "/tmp/d", "--password-file", "pw", "-v", "--demo"]
    light = vars(_parse(argv))
    full = vars(build_parser().parse_args(argv))
    assert light == full


def test_help_lists_every_command(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _parse(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for command in ("code", "codes", "profile", "device", "scan", "import", "backup"):
        assert f"    {command}" in text, command


def test_unknown_option_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _parse(["--no-such-option"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--quit-after-first-paint", "--data-dir", "/tmp/d"],
        ["--data-dir=/tmp/d", "--verbose", "--data-dir", "/tmp/e"],  # the last one wins, as in argparse
        ["--password-file", "pw", "-v"],
        ["--data-dir", ""],
        ["--dem"],  # an abbreviation: argparse's own rules decide
        ["--data-dir", "-"],  # a value that looks like an option: argparse decides
    ],
)
def test_window_options_parse_exactly_like_argparse(argv: list[str]) -> None:
    full = vars(build_parser().parse_args(argv))
    assert vars(_parse(argv)) == full


def test_window_start_parses_without_argparse_or_the_commands_module() -> None:
    """argparse and cli.common (json, getpass, datetime) are not needed to open the window."""
    code = (
        "import sys, epcs_desktop.cli as c; c._parse(['--data-dir', 'x', '-v']);"
        "print(sorted(m for m in ('argparse', 'epcs_desktop.cli.common', 'json') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_missing_value_is_still_argparses_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _parse(["--data-dir"])
    assert exit_info.value.code == 2
    assert "--data-dir: expected one argument" in capsys.readouterr().err
