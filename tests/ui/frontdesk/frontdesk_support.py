"""Constants and helpers shared by the front-desk tests (a uniquely named module, not a package)."""

from __future__ import annotations

from epcs_desktop.ui.screen_grab import qimage_to_bgr

__all__ = ["PW", "SECRET", "T0", "qimage_to_bgr"]

PW = "front desk password"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
T0 = 1_764_300_005.0
