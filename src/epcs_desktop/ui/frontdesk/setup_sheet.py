"""A printable (PDF) setup sheet for a profile, for the front desk's binder.

It lists what a person needs when something goes wrong at the front desk:
the device roster as DrChrono's eRx Info shows it, which device is primary,
the Prescriber Info, where the change-device guide stands, and the
compliance notice. It holds no secret key, no code and no QR image: a sheet
of paper left on a desk must not be a second factor. Written with Qt's own
QTextDocument + QPdfWriter, so there is no extra dependency.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from epcs_desktop.core.clock import Clock, SystemClock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.erx import option_label
from epcs_desktop.core.guide import STEPS, ChangeDeviceGuide, state_store
from epcs_desktop.ui.dialogs import compliance_text

log = logging.getLogger(__name__)

SHEET_ADVICE = (
    "Use these codes only as ID.me allows for your account, keep a second device enrolled, "
    "and do not let anyone else use your sign-in or your codes."
)
NO_SECRETS_NOTE = "This sheet contains no secret keys, no codes and no QR codes."


class SetupSheetError(EpcsError):
    """The PDF could not be written."""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def sheet_html(profile: Any, clock: Clock | None = None) -> str:
    """The sheet as HTML (also what the tests and a print preview use)."""
    clock = clock if clock is not None else SystemClock()
    when = dt.datetime.fromtimestamp(clock.now()).astimezone().strftime("%Y-%m-%d %H:%M")
    devices = profile.devices()
    primary = profile.primary()
    p = profile.prescriber()
    ident = profile.identity()
    parts: list[str] = [
        f"<h1>EPCS MFA setup sheet — {_e(profile.name)}</h1>",
        f"<p>Printed {_e(when)} by EPCS Desktop.</p>",
        "<h2>Identity confirmation</h2>",
        "<p>"
        + (
            f"Identity confirmed by ID.me{' on ' + _e(ident.confirmed_on) if ident.confirmed_on else ''}."
            if ident.confirmed
            else "Identity confirmation not recorded."
        )
        + "</p>",
        "<h2>ID.me Device Information</h2>",
    ]
    if devices:
        rows = "".join(
            f"<tr><td>{_e(d.nickname)}</td><td>{_e(option_label(d.option))}</td>"
            f"<td>{'Is Primary' if d.is_primary else ''}</td></tr>"
            for d in devices
        )
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            "<tr><th align='left'>Name</th><th align='left'>Option</th>"
            "<th align='left'>Primary Device</th></tr>"
            f"{rows}</table>"
        )
        primary_text = f"<b>{_e(primary.nickname)}</b>" if primary else "none"
        parts.append(f"<p>Primary device: {primary_text}.</p>")
    else:
        parts.append("<p>No device is recorded in this profile yet.</p>")
    parts += [
        "<h2>Prescriber Info</h2>",
        "<table cellpadding='2'>",
        f"<tr><td>State</td><td>{_e(p.state or '—')}</td></tr>",
        f"<tr><td>License Number</td><td>{_e(p.license_number or '—')}</td></tr>",
        f"<tr><td>DEA Number</td><td>{_e(p.dea_number or '—')}</td></tr>",
        f"<tr><td>NPI</td><td>{_e(p.npi or '—')}</td></tr>",
        "</table>",
        "<h2>Changing the MFA device: steps done and left</h2>",
    ]
    guide = ChangeDeviceGuide(profile, state_store(profile), clock)
    if guide.in_progress:
        statuses = guide.status()
        done = [s for s in statuses if s.done]
        left = [s for s in statuses if not s.done]
        parts.append(f"<p>{len(done)} of {len(statuses)} steps done.</p>")
        parts.append("<p><b>Done:</b></p><ul>")
        parts += [f"<li>Step {s.step.number}: {_e(s.step.title)}</li>" for s in done] or ["<li>none</li>"]
        parts.append("</ul><p><b>Left:</b></p><ul>")
        parts += [f"<li>Step {s.step.number}: {_e(s.step.title)}</li>" for s in left] or ["<li>none</li>"]
        parts.append("</ul>")
    else:
        parts.append("<p>No device change in progress. When changing phones, follow these steps:</p><ol>")
        parts += [f"<li>{_e(s.title)}</li>" for s in STEPS]
        parts.append("</ol>")
    parts += [
        "<h2>Compliance notice</h2>",
        f"<p>{_e(compliance_text())} {_e(SHEET_ADVICE)}</p>",
        f"<p><i>{_e(NO_SECRETS_NOTE)}</i></p>",
    ]
    return "\n".join(parts)


def save_setup_sheet(profile: Any, path: str | os.PathLike[str], clock: Clock | None = None) -> Path:
    """Write the setup sheet for `profile` as a US Letter PDF at `path`."""
    target = Path(path)
    doc = QTextDocument()
    font = QFont(doc.defaultFont())
    # No "fi"/"ffi" ligatures: text copied or searched in the PDF should read "Office", not "Oﬃce".
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setHtml(sheet_html(profile, clock))
    writer = QPdfWriter(str(target))
    writer.setTitle(f"EPCS MFA setup sheet — {profile.name}")
    writer.setCreator("EPCS Desktop")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.Letter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    del writer  # finishes the file
    if not target.exists() or target.stat().st_size == 0:
        raise SetupSheetError(f"Could not write the setup sheet to {target.name}.")
    log.info("setup sheet written (%d devices)", len(profile.devices()))
    return target
