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
import re
from dataclasses import dataclass, field
from pathlib import Path

from epcs_desktop.core.enrollment import account_key
from epcs_desktop.core.errors import EpcsError, ImportFileError
from epcs_desktop.core.importers.base import Collector, ImportFormat, ImportResult, Source
from epcs_desktop.core.migration import MigrationBatch
from epcs_desktop.core.otpauth import OtpKind
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
        out.entry(where, secret=text[len(STEAM_PREFIX) :], kind=OtpKind.STEAM, issuer="Steam", digits=5)
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


_LINK_WORD = re.compile(r"otpauth|steam://|account\.id\.me", re.IGNORECASE)
"""What makes a line worth classifying: a link, Bitwarden's steam://, ID.me's activation link (own advice)."""
_OTHER_LINE = re.compile(r"^(?=[ \t\r\f\v]*(?![#;]|//)\S)", re.MULTILINE)
"""A line that is neither blank nor a comment (#, //, ;): counted when it holds no link."""
_SHOWN_SKIPPED = 5
_COUNT_CHUNK = 1 << 20


class _Skipped:
    """Lines without a link: their count and the first few numbers (never a list of millions)."""

    def __init__(self) -> None:
        self.count = 0
        self.first: list[int] = []

    def add_segment(self, text: str, start: int, end: int, first_line: int) -> None:
        """Count the non-blank, non-comment lines of text[start:end] (which starts at line `first_line`)."""
        segment = text[start:end]
        if len(self.first) < _SHOWN_SKIPPED:
            for m in _OTHER_LINE.finditer(segment):
                self.first.append(first_line + segment.count("\n", 0, m.start()))
                if len(self.first) >= _SHOWN_SKIPPED:
                    break
        # Counted 1 MB at a time: the pattern is zero-width, so findall's list holds one shared ''
        # per line (8 bytes each), never the lines themselves.
        pos = 0
        while pos < len(segment):
            cut = segment.find("\n", pos + _COUNT_CHUNK)
            cut = len(segment) if cut < 0 else cut + 1
            self.count += len(_OTHER_LINE.findall(segment, pos, cut))
            pos = cut

    def add_line(self, number: int) -> None:
        self.count += 1
        if len(self.first) < _SHOWN_SKIPPED:
            self.first.append(number)

    def problem(self) -> str:
        shown = ", ".join(map(str, sorted(self.first))) + (", …" if self.count > len(self.first) else "")
        if self.count == 1:
            return f"1 line holds no authenticator link and was skipped (line {shown})"
        return f"{self.count:,} lines hold no authenticator link and were skipped (lines {shown})"


def read_lines(text: str, name: str, exports: GoogleExports, fmt: str = FORMAT_URI_LIST) -> ImportResult:
    """Every link of `text`, one per line; lines without one are skipped with one summary line.

    Linear in the text and bounded in memory: only lines holding a link word
    are looked at one by one (found by one regular-expression scan), lines
    between them are counted in C, and a line longer than any link is skipped
    unread (a 19 MB file of ``%`` lines took 3.5 GB and a minute before, issue
    23 item 4).
    """
    out = Collector(fmt)
    recognised = False
    skipped = _Skipped()
    done = 0  # text[:done] has been accounted for; it always ends just after a newline (or is 0)
    line_no = 1  # the number of the line starting at `done`
    for match in _LINK_WORD.finditer(text):
        if match.start() < done:
            continue  # a second link word on a line already read
        if out.full():
            out.too_many(name)
            break
        begin = text.rfind("\n", done, match.start()) + 1 if match.start() > done else done
        begin = max(begin, done)
        stop = text.find("\n", match.start())
        stop = len(text) if stop < 0 else stop
        skipped.add_segment(text, done, begin, line_no)
        line_no += text.count("\n", done, begin)
        if stop - begin > MAX_LINE_CHARS:
            skipped.add_line(line_no)
        else:
            line = text[begin:stop].strip()
            if line.startswith(("#", "//", ";")):
                pass
            else:
                recognised |= add_payload(out, line, f"line {line_no}", exports, quiet=True)
        done = stop + 1
        line_no += 1
    if done < len(text) and not out.full():
        skipped.add_segment(text, done, len(text), line_no)
    if not recognised and not out.result.accounts:
        raise ImportFileError(f"{name} holds no authenticator link and is not an export this app can read.")
    if skipped.count:
        out.problem(skipped.problem())
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


_JSON_START = re.compile(r"[\ufeff\s]*\{")


def _is_text(source: Source) -> bool:
    """Any text that is not JSON (a JSON file no importer took is refused as such, not read as links)."""
    return source.text is not None and _JSON_START.match(source.text) is None


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
