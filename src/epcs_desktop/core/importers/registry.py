"""THE list of import formats, in detection order, and the one `detect` that picks a file's format.

A new format is one module with an `ImportFormat` plus its tests, added here.
The window's file filter (`file_filter_patterns`), the CLI help (`format_names`)
and docs/cli.md's table (`tests/core/importers/test_registry.py` checks it) all
come from this list, so they cannot drift apart.
"""

from __future__ import annotations

from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers import (
    aegis,
    andotp,
    authpro,
    bitwarden,
    ente,
    freeotp,
    keepass,
    lastpass,
    links,
    proton,
    steam,
    twofas,
)
from epcs_desktop.core.importers.base import ImportFormat, Source

# Order matters only where detectors overlap: specific JSON shapes first, the image and the
# catch-all text list last.
FORMATS: tuple[ImportFormat, ...] = (
    aegis.AEGIS,
    twofas.TWOFAS,
    andotp.ANDOTP,
    andotp.ANDOTP_ENCRYPTED,
    freeotp.FREEOTP_PLUS,
    freeotp.FREEOTP_XML,
    bitwarden.BITWARDEN_JSON,
    bitwarden.BITWARDEN_CSV,
    proton.PROTON_AUTHENTICATOR,
    proton.PROTON_PASS,
    ente.ENTE_ENCRYPTED,
    authpro.AUTHPRO,
    authpro.AUTHPRO_ENCRYPTED,
    lastpass.LASTPASS,
    steam.STEAM_MAFILE,
    keepass.KEEPASS_CSV,
    keepass.KEEPASS_XML,
    links.IMAGE,
    links.LINK_LIST,
)


def detect(source: Source) -> ImportFormat:
    """The first format whose detector accepts `source`; one sentence when none does."""
    for fmt in FORMATS:
        try:
            if fmt.detect(source):
                return fmt
        except (ValueError, TypeError, KeyError, IndexError):  # a detector never decides on a crash
            continue
    if source.json is not None:
        raise ImportFileError(f"{source.name} is a JSON file, but not an export this app can read.")
    if source.text is not None:
        raise ImportFileError(f"{source.name} is not a readable export (its contents are not valid JSON).")
    raise ImportFileError(f"{source.name} is neither a text file nor an image this app can read.")


def file_filter_patterns() -> list[str]:
    """Every file pattern of every format, once, in registry order (the window's file dialog)."""
    seen: list[str] = []
    for fmt in FORMATS:
        seen.extend(p for p in fmt.patterns if p not in seen)
    return seen


def format_names() -> list[str]:
    """The formats' names for help texts, without repeats."""
    out: list[str] = []
    for fmt in FORMATS:
        if fmt.label not in out:
            out.append(fmt.label)
    return out
