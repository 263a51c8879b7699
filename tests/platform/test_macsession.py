"""core/macsession.py: macOS screen-lock state and camera permission, run here with recording fakes.

Why fakes: CoreGraphics, CoreFoundation and AVFoundation exist only on a Mac. The fakes
follow the documented contracts (Copy/Create results are released exactly once, Get
results never; prototypes are set before every call; the class method's argument is an
id) and refuse anything else. The last test calls the real frameworks on macOS only
(first on the hosted macos-14 and macos-15-intel runners of .github/workflows/build.yml).
"""

from __future__ import annotations

import sys
from ctypes import c_void_p
from pathlib import Path
from typing import Any

import pytest

from ctypes_fakes import ForeignFunction
from epcs_desktop.core import macsession
from epcs_desktop.core.macpasteboard import NSINTEGER
from epcs_desktop.core.platform import CameraAccess, platform_for

BOOLEAN_TYPE, STRING_TYPE = 21, 7


class FakeCoreFoundation:
    """CGSessionCopyCurrentDictionary + the CF calls, over {handle: object} with retain counts."""

    def __init__(self, session: dict[str, Any] | None) -> None:
        self.objects: dict[int, Any] = {}
        self.owned: set[int] = set()  # +1 references handed to the caller
        self.session = session
        self.cg = type("CoreGraphics", (), {})()
        self.cg.CGSessionCopyCurrentDictionary = ForeignFunction(
            "CGSessionCopyCurrentDictionary", self._copy_session
        )
        self.cf = type("CoreFoundation", (), {})()
        for name in (
            "CFStringCreateWithCString", "CFDictionaryGetValue", "CFGetTypeID", "CFBooleanGetTypeID",
            "CFBooleanGetValue", "CFRelease",
        ):  # fmt: skip
            setattr(self.cf, name, ForeignFunction(name, getattr(self, "_" + name)))

    def _new(self, value: Any, owned: bool) -> int:
        handle = 0x5000 + 16 * len(self.objects)
        self.objects[handle] = value
        if owned:
            self.owned.add(handle)
        return handle

    def _copy_session(self) -> int | None:
        if self.session is None:
            return None  # no window server session (ssh, a daemon)
        values = {k: self._new(v, owned=False) for k, v in self.session.items()}
        return self._new(values, owned=True)

    def _CFStringCreateWithCString(self, allocator: Any, text: bytes, encoding: int) -> int:
        assert allocator is None and encoding == macsession.K_CF_STRING_ENCODING_UTF8
        return self._new(text.decode("utf-8"), owned=True)

    def _CFDictionaryGetValue(self, dictionary: int, key: int) -> int | None:
        assert isinstance(self.objects[dictionary], dict)
        return self.objects[dictionary].get(self.objects[key])

    def _CFGetTypeID(self, handle: int) -> int:
        return BOOLEAN_TYPE if isinstance(self.objects[handle], bool) else STRING_TYPE

    def _CFBooleanGetTypeID(self) -> int:
        return BOOLEAN_TYPE

    def _CFBooleanGetValue(self, handle: int) -> bool:
        assert isinstance(self.objects[handle], bool)
        return self.objects[handle]

    def _CFRelease(self, handle: int) -> None:
        assert handle in self.owned, f"CFRelease of {handle:#x}, which the caller does not own"
        self.owned.discard(handle)


@pytest.mark.parametrize(
    ("session", "locked"),
    [
        ({"CGSSessionScreenIsLocked": True, "kCGSSessionUserNameKey": "drlee"}, True),
        ({"CGSSessionScreenIsLocked": False}, False),
        ({"kCGSSessionUserNameKey": "drlee"}, False),  # the key is absent while unlocked
        ({"CGSSessionScreenIsLocked": "yes"}, False),  # not a CFBoolean: never trusted
        (None, False),  # no GUI session
    ],
)
def test_the_screen_lock_state_is_read_and_everything_released(session: Any, locked: bool) -> None:
    fake = FakeCoreFoundation(session)
    probe = macsession.ScreenLockProbe(fake.cg, fake.cf)
    assert probe.screen_is_locked() is locked
    assert fake.owned == set()  # the session dictionary and the key string were released


class FakeAVRuntime:
    """The Objective-C runtime for one class method: +[AVCaptureDevice authorizationStatusForMediaType:]."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.calls: list[tuple[Any, ...]] = []
        self.pools: list[int] = []

    def get_class(self, name: str) -> int:
        assert name == "AVCaptureDevice", name
        return 0xA0

    def send(self, receiver: int, selector: str, restype: Any, *args: Any) -> Any:
        assert self.pools, "sent outside an autorelease pool"
        assert (receiver, selector, restype) == (0xA0, "authorizationStatusForMediaType:", NSINTEGER)
        assert [type(a) for a in args] == [c_void_p]
        self.calls.append((selector, args[0].value))
        return self.status

    def pool_push(self) -> int:
        self.pools.append(7)
        return 7

    def pool_pop(self, pool: int) -> None:
        assert self.pools.pop() == pool


@pytest.mark.parametrize(
    ("status", "access"),
    [
        (0, CameraAccess.NOT_ASKED),
        (1, CameraAccess.RESTRICTED),
        (2, CameraAccess.DENIED),
        (3, CameraAccess.ALLOWED),
    ],
)
def test_the_camera_permission_is_asked_of_avfoundation(status: int, access: CameraAccess) -> None:
    runtime = FakeAVRuntime(status)
    media_type_video = 0xBEEF0
    mac = platform_for(
        "darwin",
        env={},
        home=Path("/Users/x"),
        av_status=lambda: macsession.camera_authorization(runtime, media_type_video),
    )
    assert mac.camera_access() is access
    assert runtime.calls == [("authorizationStatusForMediaType:", media_type_video)]
    assert runtime.pools == []  # the pool was popped
    if access in (CameraAccess.DENIED, CameraAccess.RESTRICTED, CameraAccess.NOT_ASKED):
        assert "camera" in (mac.camera_message(access) or "").lower()


def test_mac_facts_use_the_ctypes_bridges_on_a_mac() -> None:
    from epcs_desktop.core import platform as plat

    mac = platform_for("darwin", env={}, home=Path("/Users/x"))
    if sys.platform == "darwin":
        assert mac.av_status is plat._mac_av_status  # shipped: ctypes, no pyobjc needed
    else:
        assert mac.av_status is None  # Mac facts built elsewhere never load AVFoundation


@pytest.mark.skipif(sys.platform != "darwin", reason="CoreGraphics and AVFoundation exist only on macOS")
def test_the_real_frameworks_answer_on_macos() -> None:
    probe = macsession.load_screen_lock_probe()
    assert probe.screen_is_locked() in (True, False)
    assert macsession.mac_av_status() in (0, 1, 2, 3)
