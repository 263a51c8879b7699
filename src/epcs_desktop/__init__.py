"""EPCS Desktop: MFA companion and code generator for DrChrono EPCS with ID.me."""

__version__ = "0.1.0"
APP_NAME = "EPCS Desktop"
APP_ID = "epcs-desktop"
