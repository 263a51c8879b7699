"""Whose backup is this? The one rule the restore, its preview, the CLI and the window share.

A backup holds a clinician's secret keys and Prescriber Info (state, license,
DEA, NPI). Merging another clinician's backup into a profile would add their
keys and could put their DEA number on this clinician's sheet, so a restore
from a backup that looks like someone else's needs an explicit choice, and a
merge never takes Prescriber Info, identity confirmation or settings from it.

"Someone else's": the numbers decide when both sides have them (the same NPI,
or else the same DEA number, is the same clinician whatever the profile is
called); otherwise the clinician ids do (a random id each profile makes once
and its backups carry). The profile *name* never decides: anyone can call a
backup "Dr Smith" (issue 23 item 6). A backup with neither (hand-made, or from
before ids) counts as the same clinician only for a profile with nothing in it
yet, where there is nothing to mix it with. No Qt, no storage: plain data in, a
verdict out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Owner:
    """Who a profile or a backup belongs to, as far as the data says."""

    name: str
    npi: str = ""
    dea: str = ""
    id: str = ""


def owner_of_snapshot(snapshot: Mapping[str, Any]) -> Owner:
    prescriber = snapshot.get("prescriber") or {}
    if not isinstance(prescriber, Mapping):
        prescriber = {}
    return Owner(
        str(snapshot.get("profile") or ""),
        str(prescriber.get("npi") or "").strip(),
        str(prescriber.get("dea_number") or "").strip().upper(),
        str(snapshot.get("clinician_id") or "").strip().lower(),
    )


def owner_of(name: str, prescriber: Any, clinician_id: str = "") -> Owner:
    """`prescriber`: a PrescriberInfo or its dict."""
    get = prescriber.get if isinstance(prescriber, Mapping) else lambda k, d="": getattr(prescriber, k, d)
    npi, dea = str(get("npi", "") or "").strip(), str(get("dea_number", "") or "").strip().upper()
    return Owner(name, npi, dea, clinician_id.strip().lower())


def same_clinician(here: Owner, backup: Owner, *, here_is_empty: bool = False) -> bool:
    """True when the backup is this clinician's: numbers first, then clinician ids, never the names.

    A profile with nothing in it yet takes any backup (there is nothing to mix it with; it then
    becomes that backup's clinician, `Profile.apply_snapshot`)."""
    if here_is_empty:
        return True
    if here.npi and backup.npi:
        return here.npi == backup.npi
    if here.dea and backup.dea:
        return here.dea == backup.dea
    if here.id and backup.id:
        return here.id == backup.id
    return False
