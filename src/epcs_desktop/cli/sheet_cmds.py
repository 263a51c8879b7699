"""``sheet``: write a profile's printable setup sheet (PDF), the same one the window's File menu saves.

The front desk prints binders from scripts, so the sheet must not need a
window. The renderer is Qt's text layout (ui/frontdesk/setup_sheet.py, one
renderer for both front ends), so this command is the one CLI command that
loads Qt: on the offscreen platform, imported only when the command runs, so
every other command stays Qt-free.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from epcs_desktop.cli.common import EXIT_OK, add_profile_argument, open_profile
from epcs_desktop.core.errors import EpcsError

if TYPE_CHECKING:
    from epcs_desktop.cli.common import Subparsers
    from epcs_desktop.core.context import AppContext

logger = logging.getLogger(__name__)


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "sheet",
        help="write a profile's printable setup sheet (PDF, no secrets)",
        description="Write the setup sheet for a profile as a US Letter PDF: the device roster, the "
        "primary device, Prescriber Info, the change-phone steps and the compliance notice. It holds "
        "no secret key, no code and no QR code. The file is readable only by you.",
    )
    add_profile_argument(p)
    p.add_argument("output", metavar="OUT.pdf", help="where to write the PDF (replaced if it exists)")
    p.set_defaults(func=run_sheet)


def _qt_app() -> Any:
    """A QGuiApplication for the text layout; offscreen unless the caller chose a platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtGui import QGuiApplication
    except ImportError:
        raise EpcsError("The setup sheet needs Qt, which failed to load in this installation.") from None
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["epcs-desktop"])
        from epcs_desktop.ui.i18n import install_translators

        install_translators()  # the sheet in the user's language, like the window's
    return app


def run_sheet(args: argparse.Namespace, context: AppContext) -> int:
    target = Path(args.output)
    if target.is_dir():
        raise EpcsError(f"“{target}” is a folder; give a file name such as sheet.pdf.")
    if not target.parent.exists():
        raise EpcsError(f"The folder “{target.parent}” does not exist.")
    app = _qt_app()  # noqa: F841 - must outlive the rendering
    from epcs_desktop.ui.frontdesk.setup_sheet import save_setup_sheet

    with open_profile(context, args) as profile:
        save_setup_sheet(profile, target, context.clock)
    print(f"Setup sheet written to {target}")
    return EXIT_OK
