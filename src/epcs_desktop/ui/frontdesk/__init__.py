"""Front-desk setup assistant: entry points the main window wires into its menus.

Each `open_*` shows a modal dialog for one profile and returns when it closes;
the dialogs are importable on their own for tests and for embedding.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from epcs_desktop.core.clock import Clock

from .activity_view import ActivityFilterProxy, ActivityLogDialog, ActivityTableModel
from .guide_dialog import ChangeGuideDialog, RecordDeviceDialog
from .handover import HandOverDialog, NewPasswordDialog, require_new_password_if_needed
from .practice_dialog import PracticeDialog
from .setup_sheet import save_setup_sheet as _save_setup_sheet

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile
    from epcs_desktop.core.profiles import ProfileStore

__all__ = [
    "ActivityFilterProxy",
    "ActivityLogDialog",
    "ActivityTableModel",
    "ChangeGuideDialog",
    "HandOverDialog",
    "NewPasswordDialog",
    "PracticeDialog",
    "RecordDeviceDialog",
    "open_activity_log",
    "open_change_guide",
    "open_handover",
    "open_practice",
    "require_new_password_if_needed",
    "save_setup_sheet",
]


def open_change_guide(profile: Profile, parent: QWidget | None, clock: Clock) -> int:
    """"What happens to my MFA when I change my phone?" (resumes a guide left half-way)."""
    return ChangeGuideDialog(profile, parent, clock).exec()


def open_practice(profile: Profile, parent: QWidget | None, clock: Clock) -> int:
    """A PRACTICE run of ID.me's enrollment; practice generators are removed afterwards."""
    return PracticeDialog(profile, parent, clock).exec()


def open_activity_log(profile: Profile, parent: QWidget | None = None) -> int:
    return ActivityLogDialog(profile, parent).exec()


def open_handover(profiles: ProfileStore, parent: QWidget | None = None) -> str | None:
    """Front desk creates a clinician's profile; returns its name, or None if cancelled."""
    dlg = HandOverDialog(profiles, parent)
    dlg.exec()
    return dlg.created_name


def save_setup_sheet(profile: Profile, path: str | os.PathLike[str], clock: Clock) -> Path:
    """Write the profile's printable setup sheet (PDF, no secrets) to `path`."""
    return _save_setup_sheet(profile, path, clock)
