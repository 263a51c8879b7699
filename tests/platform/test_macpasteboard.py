"""core/macpasteboard.py: the macOS concealed-type marker, checked on any machine (issue 11 item 14).

Why a fake runtime: the Objective-C calls only run on a Mac, so a typo in a selector, a
wrong argument type or a wrong order would first show up on a clinician's Mac (on arm64 a
wrong objc_msgSend prototype is undefined behaviour). The fake below is a tiny model of
NSString/NSArray/NSData/NSPasteboard built from Apple's documented prototypes (SPEC, written
here independently of the module): it refuses any selector, receiver kind or C type that does
not match, enforces Apple's rule that setData:forType: needs a declared type, and records the
sequence. The last test runs the real bridge on macOS only (first on the hosted macOS runners
of .github/workflows/build.yml, whose test job runs this suite on macos-14 and macos-15-intel).
"""

from __future__ import annotations

import ctypes
import json
import logging
import os
import select
import subprocess
import sys
from ctypes import c_bool, c_char_p, c_long, c_ulong, c_void_p
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from epcs_desktop.core import macpasteboard as mp
from epcs_desktop.core.platform import platform_for

CONCEALED = "org.nspasteboard.ConcealedType"
TEXT = "public.utf8-plain-text"

# (receiver kind, selector) -> (return type, argument types), from Apple's headers/docs (LP64):
# +[NSPasteboard generalPasteboard] -> NSPasteboard*; +[NSString stringWithUTF8String:(const char*)];
# +[NSArray arrayWithObject:(id)]; +[NSData data];
# -[NSPasteboard addTypes:(NSArray*) owner:(id)] -> NSInteger;
# -[NSPasteboard setData:(NSData*) forType:(NSString*)] -> BOOL; -[NSPasteboard clearContents] -> NSInteger;
# -[NSPasteboard types] -> NSArray*; -[NSPasteboard stringForType:(NSString*)] -> NSString*;
# -[NSArray count] -> NSUInteger;
# -[NSArray objectAtIndex:(NSUInteger)] -> id;
# -[NSString UTF8String] -> const char*.
SPEC: dict[tuple[str, str], tuple[Any, tuple[Any, ...]]] = {
    ("class NSPasteboard", "generalPasteboard"): (c_void_p, ()),
    ("class NSString", "stringWithUTF8String:"): (c_void_p, (c_char_p,)),
    ("class NSArray", "arrayWithObject:"): (c_void_p, (c_void_p,)),
    ("class NSData", "data"): (c_void_p, ()),
    ("NSPasteboard", "addTypes:owner:"): (c_long, (c_void_p, c_void_p)),
    ("NSPasteboard", "setData:forType:"): (c_bool, (c_void_p, c_void_p)),
    ("NSPasteboard", "clearContents"): (c_long, ()),
    ("NSPasteboard", "types"): (c_void_p, ()),
    ("NSPasteboard", "stringForType:"): (c_void_p, (c_void_p,)),
    ("NSArray", "count"): (c_ulong, ()),
    ("NSArray", "objectAtIndex:"): (c_void_p, (c_ulong,)),
    ("NSString", "UTF8String"): (c_char_p, ()),
}


class FakeObjC:
    """A recording model of the few Foundation/AppKit objects the marker touches."""

    def __init__(self, types: list[str] | None = None) -> None:
        self.objects: dict[int, tuple[str, Any]] = {}
        self.calls: list[tuple[str, str, Any, tuple[Any, ...], tuple[Any, ...]]] = []
        self.pools: list[int] = []
        self.pool_log: list[str] = []
        self.board = self._new("NSPasteboard", None)
        self.contents: dict[str, bytes | None] = dict.fromkeys(types or [])  # type -> data (None = promised)
        self.change_count = 1
        self.refuse: set[str] = set()  # selectors that fail (return 0/NO)

    def _new(self, kind: str, value: Any) -> int:
        handle = 0x1000 + 0x10 * len(self.objects)
        self.objects[handle] = (kind, value)
        return handle

    def get_class(self, name: str) -> int:
        assert name in {"NSPasteboard", "NSString", "NSArray", "NSData"}, name
        for handle, (kind, _value) in self.objects.items():
            if kind == f"class {name}":
                return handle
        return self._new(f"class {name}", name)

    def pool_push(self) -> int:
        self.pools.append(len(self.pool_log) + 77)
        self.pool_log.append("push")
        return self.pools[-1]

    def pool_pop(self, pool: int) -> None:
        assert self.pools and self.pools.pop() == pool, "pools popped out of order"
        self.pool_log.append("pop")

    def send(self, receiver: int, selector: str, restype: Any, *args: Any) -> Any:
        assert self.pools, f"{selector} sent outside an autorelease pool"
        kind, value = self.objects[receiver]
        assert (kind, selector) in SPEC, f"-[{kind} {selector}] is not a method the marker may send"
        want_res, want_args = SPEC[(kind, selector)]
        got_args = tuple(type(a) for a in args)
        assert restype is want_res and got_args == want_args, (selector, restype, got_args)
        values = tuple(a.value for a in args)
        self.calls.append((kind, selector, restype, got_args, values))
        if selector in self.refuse:
            return 0
        return self._answer(kind, value, selector, values)

    def _answer(self, kind: str, value: Any, selector: str, args: tuple[Any, ...]) -> Any:
        if selector == "generalPasteboard":
            return self.board
        if selector == "stringWithUTF8String:":
            return self._new("NSString", args[0].decode("utf-8"))
        if selector == "arrayWithObject:":
            return self._new("NSArray", [args[0]])
        if selector == "data":
            return self._new("NSData", b"")
        if selector == "addTypes:owner:":
            for handle in self.objects[args[0]][1]:
                self.contents.setdefault(self.objects[handle][1], None)
            return self.change_count
        if selector == "setData:forType:":
            kind_name = self.objects[args[1]][1]
            if kind_name not in self.contents:  # Apple: the type must have been declared first
                return False
            self.contents[kind_name] = self.objects[args[0]][1]
            return True
        if selector == "clearContents":
            self.contents.clear()
            self.change_count += 1
            return self.change_count
        if selector == "types":
            return self._new("NSArray", [self._new("NSString", t) for t in self.contents])
        if selector == "stringForType:":
            data = self.contents.get(self.objects[args[0]][1])
            return self._new("NSString", data.decode("utf-8")) if data is not None else 0
        if selector == "count":
            return len(value)
        if selector == "objectAtIndex:":
            return value[args[0]]
        if selector == "UTF8String":
            return value.encode("utf-8")
        raise AssertionError(selector)


def test_conceal_sends_apples_messages_in_order_with_the_right_types() -> None:
    rt = FakeObjC(types=[TEXT])
    mp.add_concealed_type(rt)
    assert [(k, s) for k, s, *_ in rt.calls] == [
        ("class NSPasteboard", "generalPasteboard"),
        ("class NSString", "stringWithUTF8String:"),
        ("class NSArray", "arrayWithObject:"),
        ("NSPasteboard", "addTypes:owner:"),  # declare first (Apple: setData needs a declared type)
        ("class NSData", "data"),
        ("NSPasteboard", "setData:forType:"),
    ]
    assert rt.calls[1][4] == (CONCEALED.encode(),)
    assert rt.calls[3][4][1] is None  # owner nil: the data is given at once, no promise to keep
    assert rt.contents == {TEXT: None, CONCEALED: b""}  # Qt's text kept, the marker added, no code in it
    assert rt.pool_log == ["push", "pop"]


def test_clear_empties_the_general_pasteboard() -> None:
    rt = FakeObjC(types=[TEXT, CONCEALED])
    mp.clear_pasteboard(rt)
    assert [(k, s) for k, s, *_ in rt.calls] == [
        ("class NSPasteboard", "generalPasteboard"),
        ("NSPasteboard", "clearContents"),
    ]
    assert rt.contents == {} and rt.pool_log == ["push", "pop"]


def test_pasteboard_types_and_string_read_back() -> None:
    rt = FakeObjC(types=[TEXT, CONCEALED])
    assert mp.pasteboard_types(rt) == [TEXT, CONCEALED]
    assert mp.pasteboard_types(FakeObjC()) == []
    rt.contents[TEXT] = b"135790"
    assert mp.pasteboard_string(rt, TEXT) == "135790"
    assert mp.pasteboard_string(rt, CONCEALED) is None
    assert rt.pool_log == ["push", "pop"] * 3


def test_the_guard_uses_the_system_marker_only_when_qt_writes_the_system_pasteboard(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offscreen Qt (every test run, also on the macOS runners) keeps the clipboard in-process: no marker."""
    from PySide6.QtGui import QGuiApplication

    from epcs_desktop.core import platform as plat
    from epcs_desktop.ui import clipboard

    rt = FakeObjC()
    mac = platform_for("darwin", env={}, home=Path("/u"), objc=lambda: rt)
    monkeypatch.setattr(plat, "current", lambda: mac)
    assert isinstance(clipboard.system_marker(), mp.NoPasteboardMarker)  # offscreen
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "cocoa"))
    marker = clipboard.system_marker()
    assert isinstance(marker, mp.MacPasteboardMarker)
    clipboard.ClipboardGuard().copy("975310", 30)
    assert CONCEALED in rt.contents  # the default guard on cocoa marks the code


@pytest.mark.parametrize("refused", ["addTypes:owner:", "setData:forType:", "generalPasteboard"])
def test_a_refused_step_is_a_warning_not_an_exception(refused: str, caplog: pytest.LogCaptureFixture) -> None:
    rt = FakeObjC(types=[TEXT])
    rt.refuse.add(refused)
    marker = mp.MacPasteboardMarker(lambda: rt)
    with caplog.at_level(logging.WARNING, logger="epcs_desktop.core.macpasteboard"):
        assert marker.conceal() is False
    assert "concealed" in caplog.text
    assert rt.pool_log == ["push", "pop"]  # the pool is drained even on failure
    assert rt.contents.get(CONCEALED) is None  # never marked with data


def test_an_unloadable_runtime_warns_once_and_never_raises(caplog: pytest.LogCaptureFixture) -> None:
    loads: list[int] = []

    def broken() -> mp.ObjCRuntime:
        loads.append(1)
        raise OSError("dlopen(libobjc.A.dylib): image not found")

    marker = mp.MacPasteboardMarker(broken)
    with caplog.at_level(logging.WARNING):
        assert marker.conceal() is False and marker.clear() is False and marker.conceal() is False
    assert loads == [1] and caplog.text.count("unavailable") == 1


def test_each_os_gets_its_marker() -> None:
    rt = FakeObjC()
    mac = platform_for("darwin", env={}, home=Path("/u"), objc=lambda: rt).pasteboard_marker()
    assert isinstance(mac, mp.MacPasteboardMarker) and mac.conceal() and CONCEALED in rt.contents
    for os_name in ("linux", "win32"):
        assert isinstance(
            platform_for(os_name, env={}, home=Path("/u")).pasteboard_marker(), mp.NoPasteboardMarker
        )
    if sys.platform != "darwin":  # Mac facts built elsewhere never load libobjc
        assert isinstance(
            platform_for("darwin", env={}, home=Path("/u")).pasteboard_marker(), mp.NoPasteboardMarker
        )


def test_the_guard_conceals_after_copying_and_clears_only_its_own_code(
    qapp, caplog: pytest.LogCaptureFixture
) -> None:
    from PySide6.QtGui import QGuiApplication

    from epcs_desktop.ui.clipboard import ClipboardGuard

    rt = FakeObjC()
    guard = ClipboardGuard(marker=mp.MacPasteboardMarker(lambda: rt))
    with caplog.at_level(logging.DEBUG):
        guard.copy("654321", 30)
        assert [s for _k, s, *_ in rt.calls][-1] == "setData:forType:" and CONCEALED in rt.contents
        assert guard.holds_our_code()
        rt.calls.clear()
        guard.expire()
        assert [s for _k, s, *_ in rt.calls] == ["generalPasteboard", "clearContents"]
        # The person copied something else since: neither Qt nor the pasteboard is cleared.
        guard.copy("111222", 30)
        QGuiApplication.clipboard().setText("a note")
        rt.calls.clear()
        guard.expire()
        assert rt.calls == []
    assert "654321" not in caplog.text and "111222" not in caplog.text


def test_the_ctypes_bridge_calls_objc_msgsend_with_the_exact_prototype() -> None:
    """CtypesObjC itself (not the fake): each send builds `restype (id, SEL, args...)` and passes values."""
    seen: list[tuple[Any, ...]] = []

    @ctypes.CFUNCTYPE(c_bool, c_void_p, c_void_p, c_void_p, c_void_p)
    def msgsend(receiver: int, sel: int, data: int, kind: int) -> bool:
        seen.append((receiver, sel, data, kind))
        return True

    selectors: list[bytes] = []
    lib = SimpleNamespace(
        objc_getClass=lambda name: 0x10,
        sel_registerName=lambda name: selectors.append(name) or 0x5E1,
        objc_autoreleasePoolPush=lambda: 0x9,
        objc_autoreleasePoolPop=lambda pool: None,
        objc_msgSend=msgsend,
    )
    for name in ("objc_getClass", "sel_registerName", "objc_autoreleasePoolPush", "objc_autoreleasePoolPop"):
        setattr(lib, name, _typed(getattr(lib, name)))
    rt = mp.CtypesObjC(lib)
    assert lib.objc_getClass.argtypes == [c_char_p] and lib.objc_getClass.restype is c_void_p
    assert rt.send(0xB0A, "setData:forType:", c_bool, c_void_p(0xDA7A), c_void_p(0x7E)) is True
    assert seen == [(0xB0A, 0x5E1, 0xDA7A, 0x7E)] and selectors == [b"setData:forType:"]
    used = rt.function_for(c_bool, (c_void_p, c_void_p))  # the very function object that was called
    assert used.argtypes == (c_void_p, c_void_p, c_void_p, c_void_p) and used.restype is c_bool
    assert rt.function_for(c_char_p, ()).argtypes == (c_void_p, c_void_p)  # -[NSString UTF8String]
    with pytest.raises(mp.ObjCError):
        rt.send(0xB0A, "setData:forType:", c_bool, c_void_p(1))  # one argument short of the selector
    with pytest.raises(mp.ObjCError):
        rt.send(0, "clearContents", c_long)  # nil receiver


def _typed(fn: Any) -> Any:
    """A Python function that accepts ctypes' restype/argtypes attributes like a CDLL function."""

    def call(*args: Any) -> Any:
        return fn(*args)

    return call


# The real thing: a child process with Qt's cocoa plugin (the one clinicians run; this suite's own Qt is
# offscreen, which never touches NSPasteboard) copies through ClipboardGuard; this process then reads the
# general pasteboard like a pasteboard manager would, and pastes the text like another program would.
CHILD = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

app = QGuiApplication(sys.argv[:1])
from epcs_desktop.core import macpasteboard as mp
from epcs_desktop.ui.clipboard import ClipboardGuard

rt = mp.load_objc_runtime()
guard = ClipboardGuard()
guard.copy(sys.argv[1], 60)
state = {"qpa": app.platformName(), "types": mp.pasteboard_types(rt), "holds": guard.holds_our_code()}
print(json.dumps(state))
sys.stdout.flush()


def finish():
    holds = guard.holds_our_code()
    guard.expire()
    text = QGuiApplication.clipboard().text()
    print(json.dumps({"holds": holds, "types": mp.pasteboard_types(rt), "text": text}))
    sys.stdout.flush()
    app.quit()


QTimer.singleShot(int(sys.argv[2]), finish)  # the event loop keeps running meanwhile: Qt answers pastes
app.exec()
"""


def _line(proc: subprocess.Popen[str], timeout: float) -> dict[str, Any]:
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "the cocoa child said nothing"
    line = proc.stdout.readline() if proc.stdout else ""
    assert line, proc.stderr.read() if proc.stderr else "no output"
    return json.loads(line)


@pytest.mark.skipif(sys.platform != "darwin", reason="the real NSPasteboard exists only on macOS")
def test_real_pasteboard_carries_the_concealed_type_after_a_copy() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="cocoa")
    code = "246810"
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, code, "4000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        copied = _line(proc, 60)
        assert copied["qpa"] == "cocoa"
        assert CONCEALED in copied["types"] and TEXT in copied["types"], copied["types"]
        assert copied["holds"], "Qt no longer reads its own code back after the marker"
        rt = mp.load_objc_runtime()
        assert CONCEALED in mp.pasteboard_types(rt)  # what a pasteboard manager in another process sees
        assert mp.pasteboard_string(rt, TEXT) == code  # another program can still paste the code
        cleared = _line(proc, 60)
        assert cleared["holds"] and cleared["text"] == ""
        assert CONCEALED not in cleared["types"] and TEXT not in cleared["types"], cleared["types"]
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
