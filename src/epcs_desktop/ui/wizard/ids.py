"""Page ids of the enrollment wizard, in one place so pages can route to each other."""

from __future__ import annotations

from enum import IntEnum


class PageId(IntEnum):
    METHOD = 0
    CAMERA = 1
    SCREEN = 2
    IMAGE = 3
    KEY = 4
    LINK = 5
    ACCOUNTS = 6
    CONFIRM = 7
    IMPORT = 8
