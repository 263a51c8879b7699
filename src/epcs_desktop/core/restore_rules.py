"""Whose backup is this? The one rule the restore, its preview, the CLI and the window share.

A backup holds a clinician's secret keys and Prescriber Info (state, license,
DEA, NPI). Merging another clinician's backup into a profile would add their
keys and could put their DEA number on this clinician's sheet, so a restore
from a backup that looks like someone else's needs an explicit choice, and a
merge never takes Prescriber Info, identity confirmation or settings from it.

"Someone else's": the numbers decide when both sides have them (the same NPI,
or else the same DEA number, is the same clinician whatever the profile is
called); without numbers on both sides, the profile names decide (case and
spacing ignored). No Qt, no storage: plain data in, a verdict out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Owner:
    """Who a profile or a backup belongs to, as far as the data says."""

    name: str
    npi: str = ""
    dea: str = ""


def _norm(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def owner_of_snapshot(snapshot: Mapping[str, Any]) -> Owner:
    prescriber = snapshot.get("prescriber") or {}
    if not isinstance(prescriber, Mapping):
        prescriber = {}
    return Owner(
        str(snapshot.get("profile") or ""),
        str(prescriber.get("npi") or "").strip(),
        str(prescriber.get("dea_number") or "").strip().upper(),
    )


def owner_of(name: str, prescriber: Any) -> Owner:
    """`prescriber`: a PrescriberInfo or its dict."""
    get = prescriber.get if isinstance(prescriber, Mapping) else lambda k, d="": getattr(prescriber, k, d)
    return Owner(name, str(get("npi", "") or "").strip(), str(get("dea_number", "") or "").strip().upper())


def same_clinician(here: Owner, backup: Owner) -> bool:
    """True when the backup is this clinician's (numbers first, then names); unknown name: assume same."""
    if here.npi and backup.npi:
        return here.npi == backup.npi
    if here.dea and backup.dea:
        return here.dea == backup.dea
    if not backup.name:  # a backup without a profile name (hand-made): nothing says it is someone else's
        return True
    return _norm(here.name) == _norm(backup.name)
