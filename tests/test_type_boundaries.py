"""The front ends hold a profile and the profile store by their real types, and CI checks the types.

`profile: Any` at the ui/ and cli/ boundaries let a misspelt or removed Profile method through until a
clinician clicked the button that calls it; with `Profile` (and `ProfileStore` for the store) mypy
finds it. This test walks the syntax tree of every ui/ and cli/ module, so a comment or a string
mentioning `profile: Any` does not count, and an `Any` hidden in `Any | None`, `Optional[Any]` or a
string annotation does. mypy itself runs in scripts/test and in CI's lint job (checked below), not
here: its whole-package run belongs to the lint step, not to every pytest run.
"""

from __future__ import annotations

import ast
import shlex
from pathlib import Path

import epcs_desktop

PKG = Path(epcs_desktop.__file__).parent
ROOT = PKG.parents[1]
ROOMS = ("ui", "cli")
# Parameter (and attribute) names that hold a profile or the profile store in the front ends.
NAMES = frozenset({"profile", "store", "profiles"})
# The checks both scripts/test and CI's lint job run, as commands (program name and arguments).
CHECKS = (
    "ruff check src tests bench scripts packaging",
    "lint-imports --no-cache",
    "mypy src/epcs_desktop",
)


def _mentions_any(annotation: ast.expr | None) -> bool:
    """True if `Any` (or `typing.Any`) appears anywhere in the annotation, quoted ones included."""
    if annotation is None:
        return False
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name) and node.id == "Any":
            return True
        if isinstance(node, ast.Attribute) and node.attr == "Any":
            return True
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                quoted = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                continue
            if _mentions_any(quoted):
                return True
    return False


def _untyped_boundaries(tree: ast.AST) -> list[str]:
    """`name:line` of every profile/store parameter or `self.profile`-style attribute annotated Any."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            a = node.args
            params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *filter(None, (a.vararg, a.kwarg))]
            found += [f"{p.arg}:{p.lineno}" for p in params if p.arg in NAMES and _mentions_any(p.annotation)]
        elif isinstance(node, ast.AnnAssign) and _mentions_any(node.annotation):
            target = node.target
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if name in NAMES:
                found.append(f"{name}:{node.lineno}")
    return sorted(found, key=lambda hit: int(hit.rsplit(":", 1)[1]))


def _offenders(folder: Path) -> list[str]:
    return [
        f"{path.relative_to(folder)}:{hit}"
        for path in sorted(folder.rglob("*.py"))
        for hit in _untyped_boundaries(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    ]


def test_front_ends_hold_profiles_by_their_types() -> None:
    """No `profile: Any` / `store: Any` in ui/ or cli/: `Profile` and `ProfileStore` instead."""
    for room in ROOMS:
        folder = PKG / room
        assert sorted(folder.rglob("*.py")), f"{room}/ has no modules"
        assert _offenders(folder) == [], f"{room}/: annotate with Profile / ProfileStore, not Any"


def test_the_detector_sees_every_spelling(tmp_path: Path) -> None:
    """Guard against the walker finding nothing: each spelling of Any is caught, comments and strings
    and other names are not, and the real types pass."""
    (tmp_path / "m.py").write_text(
        "# def f(profile: Any): a comment\n"
        "s = 'profile: Any'\n"
        "def a(profile: Any) -> None: ...\n"
        "def b(self, *, store: typing.Any = None) -> None: ...\n"
        "def c(profile: 'Any | None') -> None: ...\n"
        "def d(profile: Optional[Any], /) -> None: ...\n"
        "async def e(profiles: list[Any]) -> None: ...\n"
        "def f(profile: Profile, store: ProfileStore, other: Any) -> None: ...\n"
        "class C:\n"
        "    def __init__(self) -> None:\n"
        "        self.profile: Any = None\n"
        "        self.profile_ok: Profile | None = None\n"
        "store: Any = None\n",
        encoding="utf-8",
    )
    assert _offenders(tmp_path) == [
        "m.py:profile:3",
        "m.py:store:4",
        "m.py:profile:5",
        "m.py:profile:6",
        "m.py:profiles:7",
        "m.py:profile:11",
        "m.py:store:13",
    ]


def _lint_job(workflow: str) -> list[str]:
    """The lines of build.yml's `lint` job (from its key to the next job at the same indent)."""
    lines = workflow.splitlines()
    start = lines.index("  lint:")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  ") and lines[i][2] != " ")
    return lines[start:end]


def _commands(lines: list[str]) -> set[str]:
    """Each shell line as "program args" (`VAR=… "$VENV/bin/mypy" src` -> `mypy src`; YAML's `run: `
    dropped). Other lines (YAML keys, comments) give words that match no check, which is harmless."""
    commands = set()
    for line in lines:
        text = line.strip().removeprefix("- ").removeprefix("run: ")
        try:
            words = shlex.split(text, comments=True)
        except ValueError:
            continue
        while words and "=" in words[0] and not words[0].startswith("-"):
            words = words[1:]  # an environment assignment before the program
        if words:
            commands.add(" ".join([words[0].rsplit("/", 1)[-1], *words[1:]]))
    return commands


def test_ci_and_scripts_test_run_the_same_checks() -> None:
    """scripts/test (so .ci/run) and the workflow's lint job both run ruff, lint-imports and the
    whole-package mypy; neither checks core/ alone any more."""
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8").splitlines()
    job = _lint_job((ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8"))
    for where, lines in (("scripts/test", script), ("the lint job", job)):
        commands = _commands(lines)
        assert [c for c in CHECKS if c not in commands] == [], where
        assert "mypy src/epcs_desktop/core" not in commands, where
