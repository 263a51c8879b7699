"""Import files from other authenticators: one module per format behind one registry (`registry.FORMATS`).

detect -> read -> entries with per-entry problems. The CLI's ``import`` and the
window's "Import from another app" page read through `ImportSession` and plan
with `plan_import`; `read_import_file` reads one file on its own.
"""

from __future__ import annotations

from epcs_desktop.core.importers.base import MAX_FILE_BYTES, ImportResult
from epcs_desktop.core.importers.session import (
    ImportPlan,
    ImportSession,
    apply_import,
    plan_import,
    read_import_file,
)

__all__ = [
    "MAX_FILE_BYTES",
    "ImportPlan",
    "ImportResult",
    "ImportSession",
    "apply_import",
    "plan_import",
    "read_import_file",
]
