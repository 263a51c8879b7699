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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from epcs_desktop.core.clock import Clock, SystemClock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.erx import option_label
from epcs_desktop.core.guide import STEPS, ChangeDeviceGuide, state_store
from epcs_desktop.ui.dialogs import compliance_text
from epcs_desktop.ui.i18n import core_text

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate extracts translate("SetupSheet", "...") calls

SHEET_ADVICE = QT_TRANSLATE_NOOP(
    "SetupSheet",
    "Use these codes only as ID.me allows for your account, keep a second device enrolled, "
    "and do not let anyone else use your sign-in or your codes.",
)
NO_SECRETS_NOTE = QT_TRANSLATE_NOOP(
    "SetupSheet", "This sheet contains no secret keys, no codes and no QR codes."
)


class SetupSheetError(EpcsError):
    """The PDF could not be written."""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _identity_line(ident: Any) -> str:
    if not ident.confirmed:
        return translate("SetupSheet", "Identity confirmation not recorded.")
    if ident.confirmed_on:
        return translate("SetupSheet", "Identity confirmed by ID.me on {date}.").format(
            date=ident.confirmed_on
        )
    return translate("SetupSheet", "Identity confirmed by ID.me.")


def _row(label: str, value: str) -> str:
    return f"<tr><td>{_e(label)}</td><td>{_e(value or '—')}</td></tr>"


def _step_item(step: Any) -> str:
    text = translate("SetupSheet", "Step {number}: {title}").format(
        number=step.number, title=core_text(step.title)
    )
    return f"<li>{_e(text)}</li>"


def sheet_html(profile: Any, clock: Clock | None = None) -> str:
    """The sheet as HTML (also what the tests and a print preview use)."""
    clock = clock if clock is not None else SystemClock()
    when = dt.datetime.fromtimestamp(clock.now()).astimezone().strftime("%Y-%m-%d %H:%M")
    devices = profile.devices()
    primary = profile.primary()
    p = profile.prescriber()
    ident = profile.identity()
    parts: list[str] = [
        "<h1>"
        + _e(translate("SetupSheet", "EPCS MFA setup sheet — {name}").format(name=profile.name))
        + "</h1>",
        "<p>" + _e(translate("SetupSheet", "Printed {when} by EPCS Desktop.").format(when=when)) + "</p>",
        "<h2>" + _e(translate("SetupSheet", "Identity confirmation")) + "</h2>",
        "<p>" + _e(_identity_line(ident)) + "</p>",
        "<h2>" + _e(translate("SetupSheet", "ID.me Device Information")) + "</h2>",
    ]
    if devices:
        rows = "".join(
            f"<tr><td>{_e(d.nickname)}</td><td>{_e(option_label(d.option))}</td>"
            f"<td>{_e(translate('SetupSheet', 'Is Primary')) if d.is_primary else ''}</td></tr>"
            for d in devices
        )
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            "<tr><th align='left'>" + _e(translate("SetupSheet", "Name")) + "</th>"
            "<th align='left'>" + _e(translate("SetupSheet", "Option")) + "</th>"
            "<th align='left'>" + _e(translate("SetupSheet", "Primary Device")) + "</th></tr>"
            f"{rows}</table>"
        )
        primary_text = f"<b>{_e(primary.nickname)}</b>" if primary else _e(translate("SetupSheet", "none"))
        parts.append(
            "<p>" + _e(translate("SetupSheet", "Primary device: {name}.")).format(name=primary_text) + "</p>"
        )
    else:
        parts.append(
            "<p>" + _e(translate("SetupSheet", "No device is recorded in this profile yet.")) + "</p>"
        )
    parts += [
        "<h2>" + _e(translate("SetupSheet", "Prescriber Info")) + "</h2>",
        "<table cellpadding='2'>",
        _row(translate("SetupSheet", "State"), p.state),
        _row(translate("SetupSheet", "License Number"), p.license_number),
        _row(translate("SetupSheet", "DEA Number"), p.dea_number),
        _row(translate("SetupSheet", "NPI"), p.npi),
        "</table>",
        "<h2>" + _e(translate("SetupSheet", "Changing the MFA device: steps done and left")) + "</h2>",
    ]
    guide = ChangeDeviceGuide(profile, state_store(profile), clock)
    if guide.in_progress:
        statuses = guide.status()
        done = [s for s in statuses if s.done]
        left = [s for s in statuses if not s.done]
        steps_done = translate("SetupSheet", "{done} of {total} steps done.")
        parts.append("<p>" + _e(steps_done.format(done=len(done), total=len(statuses))) + "</p>")
        none = "<li>" + _e(translate("SetupSheet", "none")) + "</li>"
        parts.append("<p><b>" + _e(translate("SetupSheet", "Done:")) + "</b></p><ul>")
        parts += [_step_item(s.step) for s in done] or [none]
        parts.append("</ul><p><b>" + _e(translate("SetupSheet", "Left:")) + "</b></p><ul>")
        parts += [_step_item(s.step) for s in left] or [none]
        parts.append("</ul>")
    else:
        no_change = translate(
            "SetupSheet", "No device change in progress. When changing phones, follow these steps:"
        )
        parts.append("<p>" + _e(no_change) + "</p><ol>")
        parts += [f"<li>{_e(core_text(s.title))}</li>" for s in STEPS]
        parts.append("</ol>")
    parts += [
        "<h2>" + _e(translate("SetupSheet", "Compliance notice")) + "</h2>",
        f"<p>{_e(compliance_text())} {_e(translate('SetupSheet', SHEET_ADVICE))}</p>",
        f"<p><i>{_e(translate('SetupSheet', NO_SECRETS_NOTE))}</i></p>",
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
    writer.setTitle(translate("SetupSheet", "EPCS MFA setup sheet — {name}").format(name=profile.name))
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
        raise SetupSheetError(
            translate("SetupSheet", "Could not write the setup sheet to {file}.").format(file=target.name)
        )
    log.info("setup sheet written (%d devices)", len(profile.devices()))
    return target
