"""Constants and helpers shared by the front-desk tests (a uniquely named module, not a package)."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

PW = "front desk password"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
T0 = 1_764_300_005.0


def qimage_to_bgr(image: QImage) -> np.ndarray:
    """A QImage as the BGR array `core.qr.decode_frame` takes."""
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = img.width(), img.height(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    rgb = buf[:, : w * 3].reshape(h, w, 3)
    return np.ascontiguousarray(rgb[:, :, ::-1])
