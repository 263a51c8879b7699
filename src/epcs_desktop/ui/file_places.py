"""Where file dialogs open: the folder last used for that kind of file, else Documents.

A file dialog that opens in the program's working directory (often the install
folder or /) makes a clinician hunt for their Documents folder every time, and
invites saving a backup somewhere it will not be found again. Each kind of file
(backup, setup sheet, CSV export, QR image) remembers its own last folder for
the rest of the session; the first time it is Documents (else the home folder).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths

log = logging.getLogger(__name__)

_last: dict[str, str] = {}


def documents_dir() -> str:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return found
    return str(Path.home())


def start_path(kind: str, file_name: str = "") -> str:
    """The folder (joined with `file_name` when given) a dialog for `kind` should open in."""
    folder = _last.get(kind)
    if not folder or not Path(folder).is_dir():
        folder = documents_dir()
    return str(Path(folder) / file_name) if file_name else folder


def remember(kind: str, chosen: str) -> str:
    """Note the folder of a path the person chose; returns `chosen` unchanged (for chaining)."""
    if chosen:
        _last[kind] = str(Path(chosen).parent)
    return chosen


def forget_all() -> None:
    """For tests."""
    _last.clear()
