"""core/snapshot_rules.py: every field of a restored snapshot has a type and a length.

Why: a backup is a file from outside; a crafted one must be refused before anything is written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from epcs_desktop.core.errors import RuleError
from profile_support import PASSWORD, profile_on_disk


def test_backup_fields_have_types_and_lengths(tmp_path: Path) -> None:
    store, _path = profile_on_disk(tmp_path, PASSWORD)
    with store.open("Dr Test", PASSWORD) as profile:
        snap = profile.snapshot()
        for change in (
            lambda s: s["devices"][0].update(is_primary="yes"),
            lambda s: s["devices"][0].update(otp_uri="x" * 100_000),
            lambda s: s["prescriber"].update(npi=["1"]),
            lambda s: s["identity"].update(note="n" * 10_000),
            lambda s: s.update(devices=[s["devices"][0]] * 5000),
            lambda s: s["settings"].update(auto_lock_minutes=float("inf")),
        ):
            bad = json.loads(json.dumps(snap))
            change(bad)
            with pytest.raises(RuleError):
                profile.apply_snapshot(bad, "replace")
        assert len(profile.devices()) == 1
