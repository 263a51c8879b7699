"""macOS facts through ctypes: is the screen locked, and may this program use the camera.

Why ctypes and not pyobjc: pyobjc is not shipped, so both facts were inactive in the
app (the screen lock relied on the idle auto-lock; the camera permission was never
read). CoreGraphics' `CGSessionCopyCurrentDictionary()` holds `CGSSessionScreenIsLocked`
for the console session (polled by ui/session_watch.py, no Objective-C blocks needed),
and `+[AVCaptureDevice authorizationStatusForMediaType:AVMediaTypeVideo]` is one message
through the same Objective-C runtime wrapper the pasteboard marker uses
(core/macpasteboard.py).

Each function takes its libraries as objects, so tests/platform/test_macsession.py runs
every line on Linux against recording fakes (prototypes set before each call, every
CFRelease matched); the real libraries load only on macOS (`load_*`).

Pure standard library, no Qt.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable
from ctypes import c_bool, c_char_p, c_uint32, c_ulong, c_void_p
from typing import Any

from epcs_desktop.core.macpasteboard import ID, NSINTEGER, ObjCRuntime

logger = logging.getLogger(__name__)

COREGRAPHICS_PATH = "/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics"
COREFOUNDATION_PATH = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
AVFOUNDATION_PATH = "/System/Library/Frameworks/AVFoundation.framework/AVFoundation"
SCREEN_IS_LOCKED_KEY = b"CGSSessionScreenIsLocked"
K_CF_STRING_ENCODING_UTF8 = 0x08000100


class ScreenLockProbe:
    """CoreGraphics + CoreFoundation: whether this console session's screen is locked now."""

    def __init__(self, coregraphics: Any, corefoundation: Any) -> None:
        self.cg, self.cf = coregraphics, corefoundation
        cg, cf = coregraphics, corefoundation
        cg.CGSessionCopyCurrentDictionary.restype, cg.CGSessionCopyCurrentDictionary.argtypes = c_void_p, []
        cf.CFStringCreateWithCString.restype = c_void_p
        cf.CFStringCreateWithCString.argtypes = [c_void_p, c_char_p, c_uint32]
        cf.CFDictionaryGetValue.restype = c_void_p
        cf.CFDictionaryGetValue.argtypes = [c_void_p, c_void_p]
        cf.CFGetTypeID.restype, cf.CFGetTypeID.argtypes = c_ulong, [c_void_p]
        cf.CFBooleanGetTypeID.restype, cf.CFBooleanGetTypeID.argtypes = c_ulong, []
        cf.CFBooleanGetValue.restype, cf.CFBooleanGetValue.argtypes = c_bool, [c_void_p]
        cf.CFRelease.restype, cf.CFRelease.argtypes = None, [c_void_p]

    def screen_is_locked(self) -> bool:
        """True while the screen is locked; False when unlocked, unknown, or there is no GUI session."""
        session = self.cg.CGSessionCopyCurrentDictionary()  # a "Copy": we release it
        if not session:
            return False
        try:
            key = self.cf.CFStringCreateWithCString(None, SCREEN_IS_LOCKED_KEY, K_CF_STRING_ENCODING_UTF8)
            if not key:
                return False
            try:
                value = self.cf.CFDictionaryGetValue(session, key)  # a "Get": not ours to release
                if not value or self.cf.CFGetTypeID(value) != self.cf.CFBooleanGetTypeID():
                    return False  # absent while unlocked
                return bool(self.cf.CFBooleanGetValue(value))
            finally:
                self.cf.CFRelease(key)
        finally:
            self.cf.CFRelease(session)


def load_screen_lock_probe() -> ScreenLockProbe:
    """The real probe (macOS only)."""
    return ScreenLockProbe(ctypes.CDLL(COREGRAPHICS_PATH), ctypes.CDLL(COREFOUNDATION_PATH))


def camera_authorization(runtime: ObjCRuntime, media_type_video: int) -> int:
    """`+[AVCaptureDevice authorizationStatusForMediaType:AVMediaTypeVideo]` (0 not asked, 1 restricted,
    2 denied, 3 allowed; core/platform.py AV_AUTHORIZATION)."""
    pool = runtime.pool_push()
    try:
        device = runtime.get_class("AVCaptureDevice")
        return int(runtime.send(device, "authorizationStatusForMediaType:", NSINTEGER, ID(media_type_video)))
    finally:
        runtime.pool_pop(pool)


def load_camera_authorization() -> Callable[[], int]:
    """A no-argument status function over the real AVFoundation (macOS only; loaded on first use)."""
    from epcs_desktop.core.macpasteboard import load_objc_runtime

    runtime = load_objc_runtime()
    avfoundation = ctypes.CDLL(AVFOUNDATION_PATH)
    media = c_void_p.in_dll(avfoundation, "AVMediaTypeVideo").value  # an NSString * constant
    if not media:
        raise OSError(0, "AVMediaTypeVideo not found")
    return lambda: camera_authorization(runtime, media)


def mac_av_status() -> int:
    """The camera authorization status, loading AVFoundation the first time (MacPlatform.av_status)."""
    if not _loaded:
        _loaded.append(load_camera_authorization())
    return _loaded[0]()


_loaded: list[Callable[[], int]] = []
