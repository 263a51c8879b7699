"""Bounded reads: no file, device or pipe can make the program read without end.

Why: `import /dev/zero`, `scan /dev/zero`, `--password-file /dev/zero` and a
200 MB line on stdin each ran until MemoryError. Every read of outside input
goes through `read_bounded` (regular files only, size checked before and
while reading) or `read_line_bounded` (one line, length capped), and a
refusal is one sentence (`InputTooLargeError`, CLI exit 2).
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO, TextIO

from epcs_desktop.core.errors import EpcsError

logger = logging.getLogger(__name__)

PASSWORD_LINE_MAX = 4096  # characters; no password manager makes longer ones
STDIN_LINE_MAX = 64 * 1024  # a URI or a key; a migration URI with many accounts fits easily
_CHUNK = 1 << 16


class InputTooLargeError(EpcsError):
    """Outside input that is too large, endless, or not a regular file (CLI exit 2)."""


def read_bounded(
    path: str | os.PathLike[str], limit: int, what: str, error: type[EpcsError] = InputTooLargeError
) -> bytes:
    """The bytes of the regular file `path`, refusing devices, FIFOs, folders and anything over `limit`.

    The size is checked on the open descriptor (no race with a swapped path)
    and again while reading, because /proc files and growing files lie about it.
    """
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise error(f"File not found: {p.name}") from None
    except IsADirectoryError:
        raise error(f"{p.name} is a folder, not a file.") from None
    except PermissionError:
        raise error(f"Permission denied reading {p.name}.") from None
    except OSError as exc:
        raise error(f"{p.name} cannot be read ({exc.strerror or 'input/output error'}).") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{p.name} is a folder, not a file.")
        if not stat.S_ISREG(info.st_mode):
            raise error(
                f"{p.name} is not a regular file (a device, pipe or socket cannot be read as {what})."
            )
        if info.st_size > limit:
            raise error(f"{p.name} is too large to be {what} (more than {_size(limit)}).")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise error(f"{p.name} is too large to be {what} (more than {_size(limit)}).")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise error(f"{p.name} cannot be read ({exc.strerror or 'input/output error'}).") from None
    finally:
        os.close(fd)


def read_line_bounded(stream: TextIO | BinaryIO, limit: int, what: str) -> str:
    """One line from `stream` without its line ending, refusing lines longer than `limit` characters.

    Reads at most limit + 2 characters, so an endless line costs nothing.
    """
    raw = stream.readline(limit + 2)
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputTooLargeError(f"The {what} is not UTF-8 text.") from None
    line = raw.rstrip("\r\n")
    if len(line) > limit:
        raise InputTooLargeError(f"The {what} is too long (more than {limit} characters on one line).")
    return line


def _size(n: int) -> str:
    return (
        f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB" if n >= 1024 else f"{n} bytes"
    )


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


class JsonShapeError(ValueError):
    """JSON nested deeper, or with longer integers, than any file the program reads legitimately has."""


def loads_json(text: str, *, max_depth: int = 64, max_int_digits: int = 32) -> object:
    """`json.loads` that refuses, as one ValueError sentence, nesting beyond `max_depth` and integers
    longer than `max_int_digits` digits.

    Why: `json.loads` of 100,000 nested brackets raises RecursionError and a 5,000-digit
    integer a ValueError about Python's int limit; both ended the CLI with exit 70 (issue 23
    item 7). The depth is measured on the text with its strings removed, before parsing.
    """
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
        if deepest > max_depth:
            raise JsonShapeError(f"it is nested more than {max_depth} levels deep")

    def parse_int(digits: str) -> int:
        if len(digits.lstrip("-")) > max_int_digits:
            raise JsonShapeError(f"it holds a number longer than {max_int_digits} digits")
        return int(digits)

    return json.loads(text, parse_int=parse_int)
