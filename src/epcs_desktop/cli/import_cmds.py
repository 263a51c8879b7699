"""Placeholder so the CLI imports; the owning engineer replaces this file."""

from typing import Any


def register(subparsers: Any) -> None:
    """Adds nothing yet."""
