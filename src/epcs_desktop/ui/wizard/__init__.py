"""The "Add code generator" enrollment wizard (see `wizard.EnrollWizard`)."""

from .wizard import EnrollWizard

__all__ = ["EnrollWizard"]
