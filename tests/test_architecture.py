"""The rooms and who may call whom (docs/architecture.md).

The core stays Qt-free, so it can run in the CLI, in workers and in tests without a
QApplication; the front ends (ui/, cli/) reach a profile only through the Profile service,
never the storage under it; background work in ui/ goes through ui/tasks, whose receiver
rule makes hand-written "is this widget still alive" guards unnecessary.

Who may import whom is import-linter's contracts ([tool.importlinter] in pyproject.toml, run by
`lint-imports` in scripts/test and here); what an import graph cannot see (attribute use, calls)
is checked on the syntax tree below.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import epcs_desktop.core as core

SRC = Path(core.__file__).parents[2]
ROOT = SRC.parent


def test_import_contracts_hold() -> None:
    """core imports no Qt and no front end; cli no ui but its lazy Qt commands; ui/cli no storage."""
    lint = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "4 kept, 0 broken" in out.stdout, out.stdout


def test_cli_does_not_import_qt_for_subcommands() -> None:
    code = (
        "import sys, epcs_desktop.cli as c; c.build_parser();"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','shiboken6','cv2')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr


def _vault_uses(tree: ast.AST) -> list[int]:
    """Lines reading or writing an attribute named `vault` (`profile.vault`, `self._p.vault.conn`)."""
    return [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "vault"]


def _liveness_guards(tree: ast.AST) -> list[int]:
    """Lines calling `shiboken6.isValid(...)` or `isValid(self, ...)`."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "isValid":
            if isinstance(func.value, ast.Name) and func.value.id == "shiboken6":
                lines.append(node.lineno)
        elif isinstance(func, ast.Name) and func.id == "isValid":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Name) and first.id == "self":
                lines.append(node.lineno)
    return lines


def _offenders(folder: Path, find: Callable[[ast.AST], list[int]]) -> list[str]:
    return [
        f"{path.relative_to(folder)}:{line}"
        for path in sorted(folder.rglob("*.py"))
        for line in find(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    ]


@pytest.mark.parametrize("room", ["ui", "cli"])
def test_front_ends_reach_profiles_only_through_the_service(room: str) -> None:
    """No `.vault` attribute use in ui/ or cli/: the Profile service is the only writer."""
    folder = SRC / "epcs_desktop" / room
    assert sorted(folder.rglob("*.py")), f"{room}/ has no modules"
    assert _offenders(folder, _vault_uses) == []


def test_no_liveness_guards_in_the_window() -> None:
    """Results reach a receiver only while it lives (ui/tasks), so no `shiboken6.isValid` guards."""
    assert _offenders(SRC / "epcs_desktop" / "ui", _liveness_guards) == []


def test_detectors_see_what_they_look_for(tmp_path: Path) -> None:
    """Guard against the tree walkers silently finding nothing (and against comments and strings)."""
    (tmp_path / "m.py").write_text(
        "# profile.vault in a comment\n"
        "x = profile.vault.conn\n"
        "s = 'self.vault'\n"
        "if shiboken6.isValid(w):\n    pass\n"
        "ok = isValid(self)\n",
        encoding="utf-8",
    )
    assert _offenders(tmp_path, _vault_uses) == ["m.py:2"]
    assert _offenders(tmp_path, _liveness_guards) == ["m.py:4", "m.py:6"]
