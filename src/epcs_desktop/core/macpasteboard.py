"""Mark a copied code as concealed on the macOS pasteboard, through the Objective-C runtime.

Why this exists: macOS pasteboard managers and history tools (Maccy, Alfred, Paste...)
skip an item that carries the pasteboard type `org.nspasteboard.ConcealedType`
(the nspasteboard.org convention; KeePassXC and 1Password set it). Qt 6 publishes a
MIME type it does not know under a Qt-specific UTI, PySide6 has no QUtiMimeConverter
and we ship no PyObjC, so after Qt has written the code we add that type ourselves
with `[[NSPasteboard generalPasteboard] addTypes:owner:]` + `setData:forType:`
(Apple: setData's type "must have been declared by a previous declareTypes/addTypes").
Clearing uses `clearContents`.

Why a runtime object with explicit C types per message: on arm64 `objc_msgSend`
must be called with exactly the method's prototype (it is not a variadic function
there), so every `send` names the return type and passes ctypes-typed arguments;
tests/platform substitutes a recording fake of `ObjCRuntime` and checks the
selectors, their order and their types on Linux, where this code cannot run.

Pure standard library (ctypes), no Qt. Nothing here ever sees the code itself: the
marker's data is empty, so no secret can reach a log line or an exception text.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from collections.abc import Callable
from typing import Any, Protocol

logger = logging.getLogger(__name__)

#: nspasteboard.org: "the content is confidential" (a password manager's copy).
CONCEALED_TYPE = "org.nspasteboard.ConcealedType"
APPKIT_PATH = "/System/Library/Frameworks/AppKit.framework/AppKit"

# Objective-C C types as ctypes sees them (objc.h / NSObjCRuntime.h, LP64).
ID = ctypes.c_void_p  # id, Class, SEL: pointers
NSINTEGER = ctypes.c_long
NSUINTEGER = ctypes.c_ulong
BOOL = ctypes.c_bool  # arm64: bool; x86_64: signed char (read back the same: only the low byte is set)


class ObjCError(RuntimeError):
    """The Objective-C runtime refused a step (no such class, nil result, failed write)."""


class ObjCRuntime(Protocol):
    """The few libobjc entry points the marker needs (the real one is `CtypesObjC`)."""

    def get_class(self, name: str) -> int:
        """objc_getClass(name); raises ObjCError when the class does not exist."""
        ...

    def send(self, receiver: int, selector: str, restype: Any, *args: Any) -> Any:
        """objc_msgSend(receiver, sel_registerName(selector), *args) called as `restype (id, SEL, *types)`.

        `args` are ctypes instances (c_void_p(...), c_char_p(...)): their types are the prototype.
        `restype` None means void.
        """
        ...

    def pool_push(self) -> int:
        """objc_autoreleasePoolPush(): the autoreleased NSStrings/NSArrays die at the matching pop."""
        ...

    def pool_pop(self, pool: int) -> None: ...


class CtypesObjC:
    """libobjc through ctypes, one exact function prototype per (restype, argument types)."""

    def __init__(self, objc: Any) -> None:
        self._objc = objc
        objc.objc_getClass.restype = ID
        objc.objc_getClass.argtypes = [ctypes.c_char_p]
        objc.sel_registerName.restype = ID
        objc.sel_registerName.argtypes = [ctypes.c_char_p]
        objc.objc_autoreleasePoolPush.restype = ctypes.c_void_p
        objc.objc_autoreleasePoolPush.argtypes = []
        objc.objc_autoreleasePoolPop.restype = None
        objc.objc_autoreleasePoolPop.argtypes = [ctypes.c_void_p]
        msgsend = ctypes.cast(objc.objc_msgSend, ctypes.c_void_p).value
        if msgsend is None:
            raise ObjCError("objc_msgSend is missing")
        self._msgsend: int = msgsend
        self._prototypes: dict[tuple[Any, ...], Any] = {}

    def get_class(self, name: str) -> int:
        cls = self._objc.objc_getClass(name.encode("ascii"))
        if not cls:
            raise ObjCError(f"Objective-C class {name} not found")
        return int(cls)

    def send(self, receiver: int, selector: str, restype: Any, *args: Any) -> Any:
        if not receiver:
            raise ObjCError(f"nil receiver for {selector}")
        if selector.count(":") != len(args):
            raise ObjCError(f"{selector} takes {selector.count(':')} arguments, not {len(args)}")
        function = self.function_for(restype, tuple(type(arg) for arg in args))
        sel = self._objc.sel_registerName(selector.encode("ascii"))
        return function(ID(receiver), ID(sel), *args)

    def function_for(self, restype: Any, argtypes: tuple[Any, ...]) -> Any:
        """objc_msgSend as the C function `restype f(id, SEL, *argtypes)` (cached per prototype).

        ctypes would pass arguments beyond a prototype as variadic ones, which arm64 puts on
        the stack where the method does not look: the prototype must list every argument.
        """
        key = (restype, *argtypes)
        function = self._prototypes.get(key)
        if function is None:
            prototype = ctypes.CFUNCTYPE(restype, ID, ID, *argtypes)
            function = self._prototypes[key] = prototype(self._msgsend)
        return function

    def pool_push(self) -> int:
        return int(self._objc.objc_autoreleasePoolPush() or 0)

    def pool_pop(self, pool: int) -> None:
        self._objc.objc_autoreleasePoolPop(ctypes.c_void_p(pool))


def load_objc_runtime() -> ObjCRuntime:
    """The real runtime (macOS only): libobjc, with AppKit loaded so NSPasteboard exists."""
    path = ctypes.util.find_library("objc")
    if not path:
        raise ObjCError("libobjc not found")
    objc = ctypes.CDLL(path)
    ctypes.CDLL(APPKIT_PATH)  # NSPasteboard lives in AppKit; Qt's cocoa plugin may not be loaded (offscreen)
    return CtypesObjC(objc)


def _nsstring(rt: ObjCRuntime, text: str) -> int:
    string = rt.send(
        rt.get_class("NSString"), "stringWithUTF8String:", ID, ctypes.c_char_p(text.encode("utf-8"))
    )
    if not string:
        raise ObjCError("NSString could not be made")
    return int(string)


def _general_pasteboard(rt: ObjCRuntime) -> int:
    board = rt.send(rt.get_class("NSPasteboard"), "generalPasteboard", ID)
    if not board:
        raise ObjCError("no general pasteboard")
    return int(board)


def add_concealed_type(rt: ObjCRuntime) -> None:
    """Declare `CONCEALED_TYPE` on the pasteboard's first item (what Qt just wrote) with empty data."""
    pool = rt.pool_push()
    try:
        board = _general_pasteboard(rt)
        kind = _nsstring(rt, CONCEALED_TYPE)
        types = rt.send(rt.get_class("NSArray"), "arrayWithObject:", ID, ID(kind))
        if not types:
            raise ObjCError("NSArray could not be made")
        if not rt.send(board, "addTypes:owner:", NSINTEGER, ID(types), ID(None)):  # 0 = error
            raise ObjCError("addTypes:owner: refused the type")
        empty = rt.send(rt.get_class("NSData"), "data", ID)
        if not rt.send(board, "setData:forType:", BOOL, ID(empty), ID(kind)):
            raise ObjCError("setData:forType: failed (the pasteboard changed owner)")
    finally:
        rt.pool_pop(pool)


def clear_pasteboard(rt: ObjCRuntime) -> None:
    """`[[NSPasteboard generalPasteboard] clearContents]`: every type, the marker included."""
    pool = rt.pool_push()
    try:
        rt.send(_general_pasteboard(rt), "clearContents", NSINTEGER)
    finally:
        rt.pool_pop(pool)


def pasteboard_types(rt: ObjCRuntime) -> list[str]:
    """`[[NSPasteboard generalPasteboard] types]` as Python strings (tests and diagnostics)."""
    pool = rt.pool_push()
    try:
        types = rt.send(_general_pasteboard(rt), "types", ID)
        if not types:
            return []
        count = int(rt.send(types, "count", NSUINTEGER))
        out = []
        for index in range(count):
            item = rt.send(types, "objectAtIndex:", ID, NSUINTEGER(index))
            raw = rt.send(item, "UTF8String", ctypes.c_char_p)
            out.append(raw.decode("utf-8") if raw else "")
        return out
    finally:
        rt.pool_pop(pool)


def pasteboard_string(rt: ObjCRuntime, kind: str) -> str | None:
    """`[[NSPasteboard generalPasteboard] stringForType:kind]` (tests: what another program would paste)."""
    pool = rt.pool_push()
    try:
        string = rt.send(_general_pasteboard(rt), "stringForType:", ID, ID(_nsstring(rt, kind)))
        if not string:
            return None
        raw = rt.send(string, "UTF8String", ctypes.c_char_p)
        return raw.decode("utf-8") if raw is not None else None
    finally:
        rt.pool_pop(pool)


class PasteboardMarker(Protocol):
    """What the clipboard guard asks of the system pasteboard beyond Qt. Never raises."""

    def conceal(self) -> bool:
        """Mark what is on the clipboard now as concealed; False when it could not (logged)."""
        ...

    def clear(self) -> bool:
        """Empty the system pasteboard; False when it could not (logged)."""
        ...


class NoPasteboardMarker:
    """Linux and Windows: Qt's formats already do the job (ui/clipboard.py)."""

    def conceal(self) -> bool:
        return True

    def clear(self) -> bool:
        return True


class MacPasteboardMarker:
    """macOS: `add_concealed_type` / `clear_pasteboard` through a runtime loaded on first use."""

    def __init__(self, runtime: Callable[[], ObjCRuntime]) -> None:
        self._load = runtime
        self._runtime: ObjCRuntime | None = None
        self._broken = False

    def _rt(self) -> ObjCRuntime | None:
        if self._runtime is None and not self._broken:
            try:
                self._runtime = self._load()
            except Exception as exc:  # no libobjc/AppKit: say so once, then stay quiet
                self._broken = True
                logger.warning("the macOS pasteboard bridge is unavailable (%s)", type(exc).__name__)
        return self._runtime

    def _run(self, step: Callable[[ObjCRuntime], None], what: str) -> bool:
        rt = self._rt()
        if rt is None:
            return False
        try:
            step(rt)
        except Exception as exc:  # a UI action must never fail here; the text holds no code
            logger.warning("could not %s on the macOS pasteboard: %s", what, exc)
            return False
        return True

    def conceal(self) -> bool:
        return self._run(add_concealed_type, "mark the copied code as concealed")

    def clear(self) -> bool:
        return self._run(clear_pasteboard, "clear the copied code")
