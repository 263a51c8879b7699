"""A stand-in for one ctypes foreign function, for the recording fakes of Windows and macOS libraries.

Why: tests/platform substitutes advapi32/kernel32 (test_winacl.py) and CoreGraphics/
CoreFoundation (test_macsession.py) on any machine. Like a real ctypes function it takes
`argtypes` and `restype`; unlike one, it refuses a call made before both were set or with
the wrong number of arguments, so a missing prototype (undefined behaviour on arm64 and
for 64-bit handles) fails here instead of on a clinician's computer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class ForeignFunction:
    def __init__(self, name: str, body: Callable[..., Any]) -> None:
        self.name, self.body = name, body
        self.argtypes: list[Any] | None = None
        self.restype: Any = "unset"

    def __call__(self, *args: Any) -> Any:
        assert self.argtypes is not None and self.restype != "unset", (
            f"{self.name} called without a prototype"
        )
        assert len(args) == len(self.argtypes), (
            f"{self.name}: {len(args)} arguments, prototype has {len(self.argtypes)}"
        )
        return self.body(*args)
