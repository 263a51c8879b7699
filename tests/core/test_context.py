"""core/context.py: the one context each front end builds, and the rules that keep it the only one.

The syntax-tree checks make the composition root hold: a `SystemClock` is made only by
`AppContext.for_this_machine`, and there is no process-wide policy to read behind the
context's back (`current_policy()` and its cache are gone). The policy tests show that a
`MachinePolicy` still sees IT's edits while the program runs, with the cache its own.
"""

from __future__ import annotations

import ast
import json
import os
from pathlib import Path

from epcs_desktop.core import context as context_mod
from epcs_desktop.core import policy as pol
from epcs_desktop.core.clock import FixedClock, SystemClock
from epcs_desktop.core.context import AppContext, FixedPolicy, MachinePolicy
from epcs_desktop.core.platform import platform_for

SRC = Path(context_mod.__file__).parents[1]  # src/epcs_desktop
CONTEXT_FILE = Path(context_mod.__file__)
LINUX = platform_for("linux", env={}, home=Path("/home/x"))


def _name_of(node: ast.AST) -> str:
    """`x` for a name `x`, `attr` for `<anything>.attr`, else ""."""
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def _calls_of(tree: ast.AST, name: str) -> list[int]:
    """Lines calling `name(...)` or `<anything>.name(...)`."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name_of(node.func) == name:
            lines.append(node.lineno)
    return lines


def _mentions(tree: ast.AST, name: str) -> list[int]:
    """Lines where `name` is defined, imported, read or called (a name, an attribute or an import)."""
    lines = []
    for node in ast.walk(tree):
        definition = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        defined = isinstance(node, definition) and node.name == name
        imported = isinstance(node, ast.ImportFrom) and any(a.name == name for a in node.names)
        if defined or imported or _name_of(node) == name:
            lines.append(node.lineno)
    return lines


def _sources(root: Path = SRC) -> list[tuple[str, ast.AST]]:
    return [
        (str(path.relative_to(root)), ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        for path in sorted(root.rglob("*.py"))
    ]


def test_only_the_context_makes_a_system_clock() -> None:
    offenders = [
        f"{name}:{line}"
        for name, tree in _sources()
        if name != str(CONTEXT_FILE.relative_to(SRC))
        for line in _calls_of(tree, "SystemClock")
    ]
    assert offenders == [], "make the clock in AppContext.for_this_machine and pass it down"


def test_there_is_no_process_wide_policy() -> None:
    offenders = [f"{name}:{line}" for name, tree in _sources() for line in _mentions(tree, "current_policy")]
    assert offenders == [], "ask the context's policy (AppContext.policy.current())"
    module_globals = {
        target.id
        for node in ast.parse(Path(pol.__file__).read_text(encoding="utf-8")).body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    assert "_cache" not in module_globals


def test_the_checks_see_what_they_look_for(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        "# SystemClock() in a comment\n"
        "s = 'current_policy()'\n"
        "a = SystemClock()\n"
        "b = clock.SystemClock()\n"
        "from epcs_desktop.core.policy import current_policy\n"
        "c = policy.current_policy\n"
        "SystemClock\n",
        encoding="utf-8",
    )
    ((_name, tree),) = _sources(tmp_path)
    assert _calls_of(tree, "SystemClock") == [3, 4]
    assert _mentions(tree, "current_policy") == [5, 6]


def test_for_this_machine_gives_the_wall_clock_unless_told_otherwise(tmp_path: Path) -> None:
    ctx = AppContext.for_this_machine(tmp_path / "d")
    assert isinstance(ctx.clock, SystemClock) and isinstance(ctx.policy, MachinePolicy)
    assert ctx.data_dir == tmp_path / "d"
    fixed = AppContext.for_this_machine(tmp_path, clock=FixedClock(5.0))
    assert fixed.clock.now() == 5.0
    demo = fixed.with_data_dir(tmp_path / "demo")
    assert demo.data_dir == tmp_path / "demo" and demo.clock is fixed.clock and demo.policy is fixed.policy


def test_a_fixed_policy_reads_like_a_policy_file_without_one() -> None:
    fixed = FixedPolicy.of({"disable_export": {"value": True, "locked": True}})
    assert fixed.current().locked("disable_export")
    assert fixed.current().effective({})["disable_export"].value is True
    assert not pol.action_allowed("import", FixedPolicy.of({"disable_import": {"value": True}}).current())


def _machine_platform(machine_file: Path):
    class _Linux(type(LINUX)):  # the Linux facts, with the machine's file in tmp
        def policy_file(self) -> Path:
            return machine_file

    return _Linux(env={}, home=Path("/home/x"))


def _rewrite(path: Path, doc: object) -> None:
    """IT edits the file (the new stamp differs even within one file-system tick)."""
    path.write_text(json.dumps(doc), encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000
    os.utime(path, ns=(stamp, stamp))


def test_machine_policy_is_reread_when_the_file_changes(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "policy.json"
    _rewrite(path, {"settings": {"camera_index": {"value": 1, "locked": True}}})
    monkeypatch.setenv("EPCS_DESKTOP_POLICY", str(path))
    machine = MachinePolicy(_machine_platform(tmp_path / "no-machine-file.json"))
    assert machine.current().locked("camera_index")
    assert machine.current() is machine.current()  # cached while nothing changed
    _rewrite(path, {"settings": {"camera_index": {"value": 3}}})
    assert not machine.current().locked("camera_index")  # IT's edit applies while the program runs


def test_edits_to_the_machine_file_are_seen_while_the_variable_names_another(
    tmp_path: Path, monkeypatch
) -> None:
    """docs/deployment.md promises a re-read: the change check watches the machine's file too."""
    machine_file, extra = tmp_path / "machine.json", tmp_path / "extra.json"
    _rewrite(machine_file, {"settings": {}})
    _rewrite(extra, {"settings": {"ntp_server": {"value": "ntp.extra"}}})
    monkeypatch.setenv("EPCS_DESKTOP_POLICY", str(extra))
    machine = MachinePolicy(_machine_platform(machine_file))
    other = MachinePolicy(_machine_platform(machine_file))
    assert not machine.current().locked("auto_lock_minutes")
    _rewrite(machine_file, {"settings": {"auto_lock_minutes": {"value": 2, "locked": True}}})
    assert machine.current().effective({})["auto_lock_minutes"] == pol.EffectiveSetting(
        2, True, f"policy file {machine_file}"
    )
    assert other.current().locked("auto_lock_minutes")  # each context's cache is its own
