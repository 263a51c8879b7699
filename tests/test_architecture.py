"""The core stays Qt-free, so it can run in the CLI, in workers and in tests without a QApplication."""

from __future__ import annotations

import ast
from pathlib import Path

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
