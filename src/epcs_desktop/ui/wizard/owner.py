"""The wizard a page belongs to, typed: pages reach the shared enrolment state through it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWizardPage

if TYPE_CHECKING:
    from .wizard import EnrollWizard


def owner(page: QWizardPage) -> EnrollWizard:
    """The `EnrollWizard` showing `page`. Every page is built by one and shown only there, so any other
    owner is a bug: a clear error here rather than an AttributeError on `state` further on."""
    from .wizard import EnrollWizard  # here: wizard.py imports every page module

    wizard = page.wizard()
    if not isinstance(wizard, EnrollWizard):
        raise RuntimeError(f"{type(page).__name__} is not on an EnrollWizard")
    return wizard
