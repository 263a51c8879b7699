"""EPCS Desktop: MFA companion and code generator for DrChrono EPCS with ID.me."""

__version__ = "0.1.0"
APP_NAME = "EPCS Desktop"
APP_ID = "epcs-desktop"
# Reverse-DNS id: the .desktop file, AppStream metainfo and the macOS bundle use it, and
# Wayland compositors match windows to their desktop entry (and icon) by it.
DESKTOP_ID = "org.epcsdesktop.EpcsDesktop"
