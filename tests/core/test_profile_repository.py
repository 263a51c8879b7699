"""core/profile/repository.py: the profile service's row SQL lives in one module only the service uses."""

from __future__ import annotations

import ast
from pathlib import Path

import epcs_desktop

SRC = Path(epcs_desktop.__file__).parent
PACKAGE = SRC / "core" / "profile"
REPO_MODULE = "epcs_desktop.core.profile.repository"


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, `from X import Y` counted as both X and X.Y."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _sql_strings(path: Path) -> list[str]:
    """String constants that start like a row statement (SELECT/INSERT/UPDATE/DELETE)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.lstrip().split(" ", 1)[0] in {"SELECT", "INSERT", "UPDATE", "DELETE"}
    ]


def test_only_the_profile_package_imports_the_repository() -> None:
    outside = [
        str(p.relative_to(SRC))
        for p in sorted(SRC.rglob("*.py"))
        if PACKAGE not in p.parents and REPO_MODULE in _imports(p)
    ]
    assert outside == []


def test_the_service_modules_hold_no_row_sql() -> None:
    holders = {p.name: _sql_strings(p) for p in sorted(PACKAGE.glob("*.py")) if p.name != "repository.py"}
    assert {name: sql for name, sql in holders.items() if sql} == {}
    assert _sql_strings(PACKAGE / "repository.py")  # the statements did not vanish: they live here


def test_the_checks_see_sql_and_imports(tmp_path: Path) -> None:
    """The two checks above can fail: a module with SQL and a repository import is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from epcs_desktop.core.profile import repository\nQ = 'SELECT id FROM device'\n", encoding="utf-8"
    )
    assert REPO_MODULE in _imports(bad)
    assert _sql_strings(bad) == ["SELECT id FROM device"]
