"""core/activity_export.py: the exported activity log is owner-only whatever the umask."""

from __future__ import annotations

import os
from pathlib import Path

from owner_only_support import assert_owner_only


def test_activity_export_is_owner_only_even_with_a_loose_umask(tmp_path: Path) -> None:
    from epcs_desktop.core.activity_export import write_csv

    old = os.umask(0o022)  # Windows: the umask is ignored; the DACL is what counts
    try:
        target = tmp_path / "log.csv"
        write_csv([], target)
    finally:
        os.umask(old)
    assert_owner_only(target)
