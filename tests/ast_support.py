"""Rule checks on the syntax tree of src/, shared by the tests that enforce a project rule.

Why not regular expressions over source text: they miss what the rule is about
when it is spelt another way (`import time as t; t.time()`, `from datetime import
datetime as dt; dt.now()`, `QDate.currentDate()`, `getattr(settings, "x", False)`)
and they match comments and strings. Here every call is resolved through the
module's imports to the dotted name it means (`resolve`), so a rule names what
is forbidden once (`"time.time"`) and every spelling of it is caught.

Each helper returns findings as "path:line text" strings, so a failing test says
where to look; tests also run the helpers on a small written-out module, so a
helper that silently finds nothing fails too.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import epcs_desktop

SRC = Path(epcs_desktop.__file__).parent  # src/epcs_desktop


@dataclass(frozen=True)
class Module:
    """One parsed source file: its path (relative to `root` in findings) and its tree."""

    path: Path
    root: Path
    tree: ast.Module

    def where(self, node: ast.AST) -> str:
        return f"{self.path.relative_to(self.root).as_posix()}:{getattr(node, 'lineno', 0)}"


@cache
def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def modules(root: Path = SRC, skip: Callable[[Path], bool] = lambda _p: False) -> list[Module]:
    """Every ``*.py`` under `root` (sorted), parsed once per test session."""
    return [Module(p, root, _parse(p)) for p in sorted(root.rglob("*.py")) if not skip(p.relative_to(root))]


def module_from_text(text: str, name: str = "sample.py") -> Module:
    """A module written out in a test, to show a detector finds what it looks for."""
    return Module(Path(name), Path(), ast.parse(text))


def aliases(tree: ast.AST) -> dict[str, str]:
    """Local name -> the dotted name it was imported as, from every import in the module (also inside
    functions): ``import time as t`` gives t -> time; ``from datetime import datetime as dt`` gives
    dt -> datetime.datetime; ``from PySide6.QtCore import QDate`` gives QDate -> PySide6.QtCore.QDate."""
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.asname:
                    found[a.asname] = a.name
                else:
                    top = a.name.split(".")[0]
                    found[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                found[a.asname or a.name] = f"{node.module}.{a.name}"
    return found


def dotted(node: ast.AST) -> str | None:
    """`a.b.c` for a chain of names and attributes, None for anything else (a call, a subscript)."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def resolve(node: ast.AST, names: dict[str, str]) -> str | None:
    """The dotted name `node` means, its first part replaced by what the module imported it as."""
    text = dotted(node)
    if text is None:
        return None
    first, _, rest = text.partition(".")
    base = names.get(first, first)
    return f"{base}.{rest}" if rest else base


def calls(module: Module) -> Iterator[tuple[ast.Call, str | None]]:
    """Every call in the module with the dotted name of what is called (None when not a plain name)."""
    names = aliases(module.tree)
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Call):
            yield node, resolve(node.func, names)


def calls_to(module: Module, forbidden: set[str]) -> list[str]:
    """Calls of any of the `forbidden` dotted names, however the module imported them.

    A name matches by its end too, so ``QDate.currentDate`` also catches a class imported from
    somewhere this helper does not know (``PySide6.QtCore.QDate.currentDate``).
    """
    found = []
    for node, name in calls(module):
        if name is not None and any(name == f or name.endswith("." + f) for f in forbidden):
            found.append(f"{module.where(node)} {name}()")
    return found


def references_to(module: Module, forbidden: set[str]) -> list[str]:
    """Every use of a `forbidden` dotted name, called or not (``f = QDate.currentDate; f()`` too).

    Matched like `calls_to`; an import statement itself is not a use.
    """
    names = aliases(module.tree)
    found = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Attribute | ast.Name) and isinstance(node.ctx, ast.Load):
            name = resolve(node, names)
            if name is not None and any(name == f or name.endswith("." + f) for f in forbidden):
                found.append(f"{module.where(node)} {name}")
    return found


def imported_modules(module: Module) -> Iterator[tuple[ast.AST, str]]:
    """Every module named by an import statement (``from a.b import c`` names a.b and a.b.c)."""
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield node, a.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node, node.module
            for a in node.names:
                yield node, f"{node.module}.{a.name}"


def strings(module: Module) -> Iterator[tuple[ast.Constant, str]]:
    """Every string literal (not comments; f-strings' literal parts included)."""
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node, node.value


def defined_functions(module: Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(module.tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def assigned_names(module: Module) -> Iterator[tuple[ast.AST, str]]:
    """Every name bound by an assignment (``X = …``, ``X: int = …``), at any level."""
    for node in ast.walk(module.tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for t in targets:
            if isinstance(t, ast.Name):
                yield node, t.id
