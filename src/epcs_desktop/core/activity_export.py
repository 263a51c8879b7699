"""The per-profile activity log as CSV, for a practice's compliance folder.

EPCS audits ask "when was this prescriber's second factor changed?", so the
log of device added / renamed / removed, primary changed, password changed
and backup made can be exported. The log never holds a secret by contract;
the export still scrubs anything that looks like an otpauth URI, a Base32
key or a one-time code, because a file written to disk leaves this program's
control. Cells that a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from epcs_desktop.core.activity import Translate, entry_detail, render_action, untranslated
from epcs_desktop.core.errors import ExportError
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.private_files import profile_target_problem, write_private

log = logging.getLogger(__name__)

HEADER = (N_("When (UTC)"), N_("Action"), N_("Detail"))

REDACTED = "[redacted]"

_URI = re.compile(r"otpauth(?:-migration)?://\S+", re.IGNORECASE)
_SECRET_PARAM = re.compile(r"(secret\s*[=:]\s*)\S+", re.IGNORECASE)
# 16+ Base32 characters in one run (with optional group spaces) containing a digit 2-7:
# a key, not an English word.
_BASE32 = re.compile(r"\b(?=[A-Z2-7 ]*[2-7])[A-Z2-7]{4}(?: ?[A-Z2-7]{4}){3,}\b")
# A one-time code: 6-8 digits standing alone, possibly grouped "123 456".
_CODE = re.compile(r"(?<![\w.-])(?:\d{3} \d{3}|\d{3} \d{4}|\d{4} \d{4}|\d{6,8})(?![\w.-])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def scrub(text: str) -> str:
    """Remove anything shaped like a secret or a code from free text."""
    text = _URI.sub(REDACTED, text)
    text = _SECRET_PARAM.sub(lambda m: m.group(1) + REDACTED, text)
    text = _BASE32.sub(REDACTED, text)
    return _CODE.sub(REDACTED, text)


def _cell(text: str) -> str:
    """Keep spreadsheets from treating a cell as a formula (CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def format_time(at: float) -> str:
    return dt.datetime.fromtimestamp(at, tz=dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def rows(entries: Iterable[Any], tr: Translate = untranslated) -> list[tuple[str, str, str]]:
    """(time, action, detail) rows from ActivityEntry-like objects, in `tr`'s language, scrubbed."""
    return [
        (
            format_time(e.at),
            _cell(scrub(render_action(str(e.action), tr))),
            _cell(scrub(entry_detail(e, tr))),
        )
        for e in entries
    ]


def write_csv(entries: Iterable[Any], path: str | os.PathLike[str], tr: Translate = untranslated) -> int:
    """Write the log to `path` (UTF-8 with BOM so Excel reads the en dash); returns the row count.

    `tr` translates the header, the actions and the sentences (core.activity): the window passes
    the language it shows, the CLI none (English).
    """
    data = rows(entries, tr)
    target = Path(path)
    problem = profile_target_problem(target)  # never over a profile's file or a device node
    if problem is not None:
        raise ExportError(f"The activity log cannot be written there: {problem}.")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([tr(h) for h in HEADER])
    writer.writerows(data)
    try:  # owner-only from the first byte (it lists what was done with the DEA-linked devices)
        write_private(target, buf.getvalue().encode("utf-8-sig"))
    except OSError as exc:
        raise ExportError(f"Could not write the activity log to {target.name}: {exc.strerror}.") from None
    log.info("activity log exported (%d rows)", len(data))
    return len(data)
