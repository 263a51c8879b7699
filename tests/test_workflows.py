"""The GitHub Actions workflows are valid before they ever run: actionlint on every file.

Why here and not only in CI: a workflow error (an unknown runner label, a typo in an
expression, a step output that does not exist) otherwise shows up only after a push,
on hosted runners this project's machines cannot use. actionlint comes with the [test]
extra on x86_64 Linux (pyproject.toml), so scripts/test installs it and this test
cannot silently skip there.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
INSTALLED_BY_TEST_EXTRA = sys.platform.startswith("linux") and platform.machine() == "x86_64"


def _actionlint() -> str | None:
    here = Path(sys.executable).parent / ("actionlint.exe" if sys.platform == "win32" else "actionlint")
    return str(here) if here.exists() else shutil.which("actionlint")


@pytest.fixture(scope="module")
def actionlint() -> str:
    tool = _actionlint()
    if tool is None:
        if INSTALLED_BY_TEST_EXTRA:
            pytest.fail("actionlint is missing: install the [test] extra (scripts/test does)")
        pytest.skip("actionlint comes with the [test] extra on x86_64 Linux only (CI's lint job runs it)")
    return tool


def test_there_are_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["build.yml"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(actionlint: str, workflow: Path) -> None:
    result = subprocess.run(
        [actionlint, "-color=false", str(workflow)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(actionlint: str, tmp_path: Path) -> None:
    """The check above can fail: a retired runner label and an undefined matrix key are reported."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: push\njobs:\n  t:\n    runs-on: macos-13\n    steps:\n      - run: echo ${{ matrix.nope }}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [actionlint, "-color=false", str(bad)], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert result.returncode == 1
    assert "macos-13" in result.stdout and "nope" in result.stdout


def test_actions_are_pinned_and_pip_cache_follows_the_lock() -> None:
    import re

    text = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)", text)
    assert uses
    for ref in uses:
        version = ref.split("@", 1)[1]
        assert re.fullmatch(r"[0-9a-f]{40}|v\d+\.\d+\.\d+", version), (
            f"{ref} is not pinned to a release or commit"
        )
    assert text.count("cache: pip") == text.count("actions/setup-python@")
    assert text.count("cache-dependency-path: requirements.lock") == text.count("cache: pip")


def test_signing_steps_are_skipped_without_their_secrets() -> None:
    """Each step that signs or notarises runs only when the secret it reads is set."""
    import re

    text = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    steps = re.split(r"\n      - ", text)  # one chunk per step (steps sit at six spaces)
    guarded = [s for s in steps if re.match(r"name: .*(Sign|Notaris|certificate)", s)]
    assert len(guarded) == 3
    for step in guarded:
        assert re.search(r"\n\s+if: env\.[A-Z_0-9]+ != ''", step), step.splitlines()[0]
    assert "secrets." in text and "${{ secrets." not in "".join(re.findall(r"run: .*", text))
