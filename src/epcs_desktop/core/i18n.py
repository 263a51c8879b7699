"""A translation marker for texts core/ writes and the window shows.

Why a marker and not a table in ui/: a sentence is translated where it is
written, so nobody has to copy it into a UI list (and forget to). `N_` returns
its argument unchanged (core/ imports no Qt); the window passes the text to
``QCoreApplication.translate("core", text)``, and lupdate extracts every
``N_("...")`` literal into the "core" context. Only literals are extracted, so
call it with a literal string, never with a variable or an f-string.
"""

from __future__ import annotations

CONTEXT = "core"


def N_(text: str) -> str:
    """Mark `text` for translation in the "core" context; returns it unchanged."""
    return text
