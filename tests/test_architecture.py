"""The rooms and who may call whom (docs/architecture.md).

The core stays Qt-free, so it can run in the CLI, in workers and in tests without a
QApplication; the front ends (ui/, cli/) reach a profile only through the Profile service,
never the storage under it; background work in ui/ goes through ui/tasks, whose receiver
rule makes hand-written "is this widget still alive" guards unnecessary.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import epcs_desktop.core as core

QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_core_imports_no_qt() -> None:
    core_dir = Path(core.__file__).parent
    files = sorted(core_dir.rglob("*.py"))
    assert files, "core/ has no modules"
    offenders = [
        f"{path.relative_to(core_dir)} imports {name}"
        for path in files
        for name in _imports(path)
        if name.split(".")[0] in QT_MODULES
    ]
    assert offenders == []


def test_detector_sees_a_qt_import(tmp_path: Path) -> None:
    """Guard against the walker silently finding nothing."""
    sample = tmp_path / "m.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QTimer\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(sample)


def test_cli_does_not_import_qt_for_subcommands() -> None:
    import subprocess
    import sys

    code = (
        "import sys, epcs_desktop.cli as c; c.build_parser();"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','shiboken6','cv2')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr


def _lines_matching(folder: Path, pattern: str) -> list[str]:
    import re

    rx = re.compile(pattern)
    return [
        f"{p.relative_to(folder)}:{n}"
        for p in sorted(folder.rglob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if rx.search(line) and not line.lstrip().startswith(("#", "from ", "import "))
    ]


@pytest.mark.parametrize("room", ["ui", "cli"])
def test_front_ends_reach_profiles_only_through_the_service(room: str) -> None:
    """No `.vault` attribute use in ui/ or cli/: the Profile service is the only writer."""
    folder = Path(core.__file__).parent.parent / room
    assert sorted(folder.rglob("*.py")), f"{room}/ has no modules"
    assert _lines_matching(folder, r"\.vault\b") == []


def test_no_liveness_guards_in_the_window() -> None:
    """Results reach a receiver only while it lives (ui/tasks), so no `shiboken6.isValid` guards."""
    folder = Path(core.__file__).parent.parent / "ui"
    assert _lines_matching(folder, r"shiboken6\.isValid\(|\bisValid\(self\b") == []


def test_boundary_detector_sees_a_vault_use(tmp_path: Path) -> None:
    """Guard against the line walker silently finding nothing."""
    (tmp_path / "m.py").write_text("x = profile.vault.conn\n", encoding="utf-8")
    assert _lines_matching(tmp_path, r"\.vault\b") == ["m.py:1"]
