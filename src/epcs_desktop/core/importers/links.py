"""otpauth link lists (ente Auth, WinAuth, plain text), Google Authenticator exports and QR code images.

A text file is read line by line: every line holding an ``otpauth://`` or
``otpauth-migration://`` link (or Bitwarden's ``steam://SECRET``) is an entry;
other lines (titles, notes, blank lines) are skipped together with one line
saying how many, never one complaint per line (issue 20 item 6).

Google Authenticator exports: current exports (payload version 2) carry no
batch id, so two separate exports can both say "code 1 of 1". The parts are
therefore grouped by (batch id, size) and by position: a code whose content
was already read is a repeat; any other code goes to the first export of its
id and size that still misses that position, else starts a new export
(issue 20 item 1). Every account of every code is imported either way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from epcs_desktop.core.enrollment import account_key
from epcs_desktop.core.errors import EpcsError, ImportFileError
from epcs_desktop.core.importers.base import Collector, ImportFormat, ImportResult, Source
from epcs_desktop.core.migration import MigrationBatch
from epcs_desktop.core.payload import PayloadKind, classify

log = logging.getLogger(__name__)

FORMAT_URI_LIST = "otpauth link list"
FORMAT_IMAGE = "QR code image"
FORMAT_PASTED = "pasted text"
FORMAT_SCAN = "scanned QR codes"
MAX_LINE_CHARS = 64 * 1024
"""A link (even a Google export code with many accounts) is a few KB; longer lines are skipped unread."""

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff"}
STEAM_PREFIX = "steam://"


# --------------------------------------------------------------------------- Google exports


@dataclass
class _Export:
    batch_id: int
    size: int
    parts: dict[int, tuple[object, ...]] = field(default_factory=dict)


class GoogleExports:
    """The Google Authenticator exports of one import (every file, paste and scan), part by part."""

    def __init__(self) -> None:
        self._exports: list[_Export] = []

    def __repr__(self) -> str:
        return f"GoogleExports({len(self._exports)} exports)"

    @staticmethod
    def _fingerprint(batch: MigrationBatch) -> tuple[object, ...]:
        return (*(account_key(p) for p in batch.accounts), *batch.skipped)

    def add(self, batch: MigrationBatch) -> bool:
        """Record one code; False when this very code (same place, same content) was already read."""
        mark = self._fingerprint(batch)
        same = [e for e in self._exports if e.batch_id == batch.batch_id and e.size == batch.batch_size]
        if any(e.parts.get(batch.batch_index) == mark for e in same):
            return False
        target = next((e for e in same if batch.batch_index not in e.parts), None)
        if target is None:
            target = _Export(batch.batch_id, batch.batch_size)
            self._exports.append(target)
        target.parts[batch.batch_index] = mark
        return True

    def incomplete(self) -> list[str]:
        """One line per export with codes still missing (said once every source was read)."""
        lines = []
        for export in self._exports:
            missing = [i + 1 for i in range(export.size) if i not in export.parts]
            if missing:
                noun = "code" if export.size == 1 else "codes"
                lines.append(
                    f"a Google Authenticator export is incomplete ({len(export.parts)} of {export.size} "
                    f"{noun} read; missing code {', '.join(map(str, missing))}): the accounts on the "
                    "missing codes were not imported"
                )
        return lines


def _add_migration(out: Collector, batch: MigrationBatch, where: str, exports: GoogleExports) -> None:
    if not exports.add(batch):
        out.problem(f"{where}: {batch.position} of this Google Authenticator export was already read")
        return
    for params in batch.accounts:
        out.add(params, where)
    for reason in batch.skipped:
        out.problem(f"{where}: {reason}")


def add_payload(
    out: Collector, text: str, where: str, exports: GoogleExports, *, quiet: bool = False
) -> bool:
    """Classify one decoded text; True when it was an authenticator payload (usable or not).

    `quiet`: a text that is no link at all is not reported (the caller counts it).
    """
    if text[: len(STEAM_PREFIX)].lower() == STEAM_PREFIX:
        out.entry(where, secret=text[len(STEAM_PREFIX) :], kind="steam", issuer="Steam", digits=5)
        return True
    payload = classify(text)
    if payload.kind is PayloadKind.OTPAUTH and payload.otp is not None:
        out.add(payload.otp, where)
        return True
    if payload.kind is PayloadKind.MIGRATION and payload.migration is not None:
        _add_migration(out, payload.migration, where, exports)
        return True
    if payload.kind in (PayloadKind.INVALID_OTPAUTH, PayloadKind.IDME_ACTIVATION) or not quiet:
        out.problem(f"{where}: {payload.message.rstrip('.')}")
    return payload.kind is PayloadKind.INVALID_OTPAUTH


def _has_link(line: str) -> bool:
    """A line worth classifying: it holds a link, or ID.me's activation link (which gets its own advice)."""
    low = line[:MAX_LINE_CHARS].lower()
    return "otpauth" in low or low.startswith(STEAM_PREFIX) or "account.id.me" in low


def read_lines(text: str, name: str, exports: GoogleExports, fmt: str = FORMAT_URI_LIST) -> ImportResult:
    """Every link of `text`, one per line; lines without one are skipped with one summary line.

    Linear in the text and bounded: a line is only classified when it mentions
    a link, and a line longer than any link is skipped unread (a 19 MB line of
    ``%`` took 3.5 GB before, issue 23 item 4).
    """
    out = Collector(fmt)
    recognised = False
    skipped: list[int] = []
    start = 0
    number = 0
    length = len(text)
    while start < length and not out.full():
        end = text.find("\n", start)
        end = length if end < 0 else end
        number += 1
        if end - start > MAX_LINE_CHARS:
            skipped.append(number)
            start = end + 1
            continue
        raw, start = text[start:end], end + 1
        line = raw.strip()
        if not line or line.startswith(("#", "//", ";")):
            continue
        if not _has_link(line):
            skipped.append(number)
            continue
        recognised |= add_payload(out, line, f"line {number}", exports, quiet=True)
    if start < length:
        out.too_many(name)
    if not recognised and not out.result.accounts:
        raise ImportFileError(f"{name} holds no authenticator link and is not an export this app can read.")
    if skipped:
        shown = ", ".join(map(str, skipped[:5])) + (", …" if len(skipped) > 5 else "")
        noun = "line holds" if len(skipped) == 1 else "lines hold"
        out.problem(
            f"{len(skipped)} {noun} no authenticator link and {'was' if len(skipped) == 1 else 'were'} "
            f"skipped (line {shown})"
        )
    return out.result


def read_decoded(texts: list[str], exports: GoogleExports, fmt: str) -> ImportResult:
    out = Collector(fmt)
    for number, text in enumerate(texts, start=1):
        where = "the QR code" if len(texts) == 1 else f"QR code {number}"
        add_payload(out, text, where, exports)
    return out.result


# --------------------------------------------------------------------------- registry entries


def _is_image(source: Source) -> bool:
    data = source.data
    if data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return True
    return source.text is None and source.path.suffix.lower() in _IMAGE_SUFFIXES


def _read_image(source: Source, _password: str | None, exports: GoogleExports) -> ImportResult:
    from epcs_desktop.core.qr import decode_file  # OpenCV only when an image is imported

    try:
        texts = decode_file(Path(source.path))
    except EpcsError as exc:
        raise ImportFileError(str(exc)) from None
    if not texts:
        raise ImportFileError(f"No QR code was found in {source.name}.")
    return read_decoded(texts, exports, FORMAT_IMAGE)


def _is_text(source: Source) -> bool:
    """Any text that is not JSON (a JSON file no importer took is refused as such, not read as links)."""
    return source.text is not None and not source.text.lstrip("\ufeff \t\r\n").startswith("{")


def _read_text(source: Source, _password: str | None, exports: GoogleExports) -> ImportResult:
    assert source.text is not None
    return read_lines(source.text, source.name, exports)


IMAGE = ImportFormat(
    key="image",
    label=FORMAT_IMAGE,
    patterns=("*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp", "*.webp", "*.tif", "*.tiff"),
    detect=_is_image,
    read=_read_image,
    notes="every QR code in the picture: otpauth links and Google Authenticator export codes",
)
LINK_LIST = ImportFormat(
    key="links",
    label=FORMAT_URI_LIST,
    patterns=("*.txt",),
    detect=_is_text,
    read=_read_text,
    notes="one otpauth:// or otpauth-migration:// link per line (ente Auth and WinAuth exports, Google "
    "Authenticator export text, Bitwarden's steam://); other lines are skipped",
)
