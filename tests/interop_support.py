"""Where the real export files of other authenticators are (never copied into the repository).

../shared/interop-samples beside the checkout or beside its worktrees' folder; $EPCS_INTEROP_SAMPLES
wins. Tests that need them skip with a clear reason where the folder is absent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest


def _find_samples() -> Path:
    if os.environ.get("EPCS_INTEROP_SAMPLES"):
        return Path(os.environ["EPCS_INTEROP_SAMPLES"])
    root = Path(__file__).resolve().parents[1]
    for parent in (root.parent, root.parent.parent, root.parent.parent.parent):
        if (parent / "shared" / "interop-samples" / "truth.json").is_file():
            return parent / "shared" / "interop-samples"
    return root.parent / "shared" / "interop-samples"


SAMPLES = _find_samples()
FILES = SAMPLES / "files"
ABSENT = f"the real interop samples are not here ({SAMPLES}): they are never copied into the repo"


def sample_file(name: str) -> Path:
    """`files/<name>`, or skip the test when the samples are absent."""
    path = FILES / name
    if not path.is_file():
        pytest.skip(ABSENT)
    return path


def truth_of(name: str) -> dict[str, Any]:
    """truth.json's entry for `files/<name>` (its `entries` are what the source project's tests state)."""
    sample_file(name)
    doc = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))
    return next(f for f in doc["files"] if f["file"] == name)
