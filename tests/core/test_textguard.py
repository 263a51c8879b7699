"""core/textguard.py: the one sanitiser for untrusted text that is printed or shown.

Why: an imported name could otherwise retitle the terminal, clear it or reverse what it shows.
"""

from __future__ import annotations

import pytest

from epcs_desktop.core.textguard import clean_for_display


@pytest.mark.parametrize(
    "text",
    ["\x1b]0;pwned\x07title", "\x1b[2J\x1b[H", "a\u202eevil", "zw\u200bsp", "c1\x85\x9b31m", "line\nbreak"],
)
def test_clean_for_display_removes_every_escape_bidi_and_invisible(text: str) -> None:
    out = clean_for_display(text)
    assert not any(ch in out for ch in "\x1b\x07\u202e\u200b\x85\x9b\n")
    assert out.replace("?", "") != ""
