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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QCoreApplication, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.erx import option_explained, shown_primary
from epcs_desktop.core.guide import STEPS, ChangeDeviceGuide, state_store
from epcs_desktop.core.private_files import profile_target_problem, write_private
from epcs_desktop.ui.dialogs import compliance_text
from epcs_desktop.ui.i18n import core_text

if TYPE_CHECKING:
    from epcs_desktop.core.erx import IdentityConfirmation
    from epcs_desktop.core.guide import GuideStep
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate extracts translate("SetupSheet", "...") calls

SHEET_ADVICE: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # PySide6's stub says object; it returns the text
    "SetupSheet",
    "Use these codes only as ID.me allows for your account, keep a second device enrolled, "
    "and do not let anyone else use your sign-in or your codes.",
)
NO_SECRETS_NOTE: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # PySide6's stub says object; it returns the text
    "SetupSheet", "This sheet contains no secret keys, no codes and no QR codes."
)

# Printed sizes, in points: a sheet in a binder must read like a letter (10-12 pt body).
BODY_PT = 11.0
SHEET_CSS = (
    "h1 { font-size: 18pt; margin-bottom: 4pt; }"
    "h2 { font-size: 14pt; margin-top: 14pt; margin-bottom: 4pt; }"
    "p, li, td, th { font-size: 11pt; }"
    "th { background-color: #e8e8e8; }"
)
# A heading needs this much room below it on its page, else it starts the next page (no heading
# left alone at the foot of a page).
KEEP_WITH_NEXT_PT = 60.0


class SetupSheetError(EpcsError):
    """The PDF could not be written."""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _identity_line(ident: IdentityConfirmation) -> str:
    if not ident.confirmed:
        return translate("SetupSheet", "Identity confirmation not recorded.")
    if ident.confirmed_on:
        return translate("SetupSheet", "Identity confirmed by ID.me on {date}.").format(
            date=ident.confirmed_on
        )
    return translate("SetupSheet", "Identity confirmed by ID.me.")


def _row(label: str, value: str) -> str:
    return f"<tr><td>{_e(label)}</td><td>{_e(value or '—')}</td></tr>"


def _step_item(step: GuideStep) -> str:
    text = translate("SetupSheet", "Step {number}: {title}").format(
        number=step.number, title=core_text(step.title)
    )
    return f"<li>{_e(text)}</li>"


def sheet_html(profile: Profile, clock: Clock) -> str:
    """The sheet as HTML (also what the tests and a print preview use)."""
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
            f"<tr><td>{_e(d.nickname)}</td><td>{_e(option_explained(d.option, core_text))}</td>"
            f"<td>{_e(shown_primary(d.is_primary))}</td></tr>"
            for d in devices
        )
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='4' width='100%'"
            " style='border-collapse: collapse'>"
            "<thead><tr><th align='left'>" + _e(translate("SetupSheet", "Name")) + "</th>"
            "<th align='left'>" + _e(translate("SetupSheet", "Option")) + "</th>"
            "<th align='left'>" + _e(translate("SetupSheet", "Primary Device")) + "</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
        # DrChrono's own labels stay in English, quoted (docs/glossary.md); the sheet says so.
        drchrono = translate(
            "SetupSheet", "Texts in “quotes” are DrChrono's own labels, as DrChrono shows them."
        )
        parts.append(f"<p><i>{_e(drchrono)}</i></p>")
        primary_text = f"<b>{_e(primary.nickname)}</b>" if primary else "—"  # docs/glossary.md: empty is "—"
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
        none = "<li>—</li>"
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


def _keep_headings_with_text(doc: QTextDocument, page_height: float, room: float) -> None:
    """Start a heading on a new page when it would sit at the foot of one, away from its text.

    QTextDocument breaks pages line by line and knows no "keep with next", so each heading
    (a block with a heading level) is checked after layout, top to bottom, re-laying out after
    each forced break because everything below it moves.
    """
    from PySide6.QtGui import QTextBlockFormat, QTextCursor

    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            rect = doc.documentLayout().blockBoundingRect(block)
            top_in_page = rect.top() % page_height
            if top_in_page > 0 and top_in_page + rect.height() + room > page_height:
                cursor = QTextCursor(block)
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.mergeBlockFormat(fmt)
        block = block.next()


def html_pdf(body: str, title: str) -> bytes:
    """Any printable page of this program (setup sheet, hand-over slip) as US Letter PDF bytes."""
    doc = QTextDocument()
    font = QFont(doc.defaultFont())
    # No "fi"/"ffi" ligatures: text copied or searched in the PDF should read "Office", not "Oﬃce".
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    font.setPointSizeF(BODY_PT)
    doc.setDefaultFont(font)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
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
    # Lay the text out on the PDF writer itself: point sizes then mean printed points. (Laying out
    # at screen resolution inside a 300 dpi page is what once printed the body at 2.9 pt.)
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultStyleSheet(SHEET_CSS)
    doc.setHtml(body)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    _keep_headings_with_text(doc, rect.height(), KEEP_WITH_NEXT_PT * writer.resolution() / 72.0)
    doc.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(buffer.data().data())


def save_html_pdf(body: str, path: str | os.PathLike[str], title: str) -> Path:
    """Write `html_pdf(body, title)` to `path`, owner-only and atomically; SetupSheetError if it fails."""
    target = Path(path)
    problem = profile_target_problem(target)  # the core rule for every file a person chooses to save
    if problem is not None:
        raise SetupSheetError(
            translate("SetupSheet", "The setup sheet cannot be written there: {problem}.").format(
                problem=problem
            )
        )
    data = html_pdf(body, title)
    try:
        if not data.startswith(b"%PDF"):
            raise OSError("empty PDF")
        write_private(target, data)  # owner-only and atomic, like every file the program writes
    except OSError as exc:
        log.warning("PDF not written: %s", type(exc).__name__)
        raise SetupSheetError(
            translate("SetupSheet", "Could not write the setup sheet to {file}.").format(file=target.name)
        ) from None
    return target


def save_setup_sheet(profile: Profile, path: str | os.PathLike[str], clock: Clock) -> Path:
    """Write the setup sheet for `profile` as a US Letter PDF at `path` (owner-only).

    The one renderer the window and `epcs-desktop sheet` share."""
    title = translate("SetupSheet", "EPCS MFA setup sheet — {name}").format(name=profile.name)
    target = save_html_pdf(sheet_html(profile, clock), path, title)
    log.info("setup sheet written (%d devices)", len(profile.devices()))
    return target
