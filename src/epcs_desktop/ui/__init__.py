"""The Qt desktop front end. Nothing here is imported by the CLI until the GUI is started.

Importing this package first works around a reference-counting bug seen with
PySide6 6.12 on CPython 3.11: every call of a Qt method that returns void (or
an invalid QVariant, or a bool) gives back Py_None/Py_True/Py_False without
taking a reference, so each call steals one reference from the singleton.
A long-running window makes thousands of such calls per second and the
process aborts ("none_dealloc: deallocating None") once the count reaches
zero, typically at exit. From CPython 3.12 these singletons are immortal and
the bug is harmless; before that we give them a reference count no program
run can exhaust (they are never freed anyway). Nothing else is touched.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

_HEADROOM = 1 << 50  # ~1e15 stolen references: centuries at 10^5 Qt calls per second


def _pin_singletons() -> None:
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):  # immortal, or a debug build
        return
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of every object
        if refcnt.value < _HEADROOM:
            refcnt.value += _HEADROOM


_pin_singletons()
