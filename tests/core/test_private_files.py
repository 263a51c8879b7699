"""core/private_files.py: everything written is owner-only; nothing is loosened or followed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from profile_support import PASSWORD, profile_on_disk


def test_open_never_adds_write_permission_or_chmods_through_a_symlink(tmp_path: Path) -> None:
    store, path = profile_on_disk(tmp_path, PASSWORD)
    os.chmod(path.parent, 0o755)  # noqa: S103 (the looseness under test)
    os.chmod(path, 0o640)
    store.open("Dr Test", PASSWORD).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # group bit removed, nothing added
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    from epcs_desktop.core.private_files import tighten

    ro = tmp_path / "ro.txt"
    ro.write_text("x")
    os.chmod(ro, 0o444)
    tighten(ro)
    assert stat.S_IMODE(ro.stat().st_mode) == 0o400  # stays read-only
    target = tmp_path / "not-ours.txt"
    target.write_text("x")
    os.chmod(target, 0o644)
    link = tmp_path / "link.epcs"
    link.symlink_to(target)
    tighten(link)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
