"""One quote style for names in what a person reads (docs/glossary.md, "Quotes:").

Names put into a message (a nickname, a profile name, a value the person typed) are quoted
with “curly double quotes” everywhere: window texts, core/ messages, CLI output, activity-log
details, exception text. This walks every f-string and every plain string literal in src and
fails on a straight-single-quoted placeholder: f"... '{nickname}' ..." or N_("... '{name}' ...").
Straight quotes that are syntax (SQL's x'…' key literal) are listed below; a command to type
keeps its shell quoting (`profile passwd 'Dr Lee'` is built by shlex, not written here).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import epcs_desktop

SRC = Path(epcs_desktop.__file__).parent

# (file under src/epcs_desktop, template text): straight quotes that are syntax, not wording.
ALLOWED = {
    ("core/profilekey.py", "x'{key.hex()}'"),  # SQLCipher's raw-key literal
}

# A placeholder wrapped in straight single quotes: '{name}', '{row['nickname']}', '%1'.
_STRAIGHT = re.compile(r"'(\{[^{}]*\}|%\d)'")


def _template(node: ast.JoinedStr) -> str:
    """The f-string as written: literal parts verbatim, each placeholder as {expression}."""
    parts: list[str] = []
    for value in node.values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            parts.append(value.value)
        elif isinstance(value, ast.FormattedValue):
            parts.append("{" + ast.unparse(value.value) + "}")
    return "".join(parts)


def straight_quoted_names(source: str, filename: str = "<sample>") -> list[tuple[int, str]]:
    """(line, template) of each string literal quoting a placeholder with straight single quotes."""
    tree = ast.parse(source, filename=filename)
    inside_fstrings = {
        id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values
    }
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = _template(node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in inside_fstrings:
                continue
            text = node.value  # N_()/tr() templates: "… '{nickname}' …" filled by .format()
        else:
            continue
        for match in _STRAIGHT.finditer(text):
            found.append((node.lineno, text[max(0, match.start() - 40) : match.end() + 40]))
    return found


def _offenders() -> tuple[list[str], set[tuple[str, str]]]:
    offenders: list[str] = []
    used: set[tuple[str, str]] = set()
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for line, snippet in straight_quoted_names(path.read_text(encoding="utf-8"), str(path)):
            allowed = next((a for a in ALLOWED if a[0] == rel and a[1] in snippet), None)
            if allowed:
                used.add(allowed)
            else:
                offenders.append(f"{rel}:{line}: {snippet!r}")
    return offenders, used


def test_no_message_quotes_a_name_with_straight_single_quotes() -> None:
    offenders, used = _offenders()
    assert not offenders, "quote names with “…” (docs/glossary.md), not '…':\n" + "\n".join(offenders)
    assert used == ALLOWED, f"stale entries in ALLOWED: {ALLOWED - used}"


def test_the_detector_finds_planted_straight_quotes_and_passes_curly_ones() -> None:
    planted = (
        "def f(device, row, n):\n"
        "    a = f\"Added '{device.nickname}' ({n} device(s)).\"\n"
        '    b = (f"There is already a device called "\n'
        "         f\"'{row['nickname']}'; choose another nickname.\")\n"
        "    c = N_(\"I deleted '{name}' in ID.me\")\n"
        "    d = tr(\"Remove '%1'?\")\n"
        "    ok1 = f\"Added “{device.nickname}”; it's the clinician's.\"\n"
        '    ok2 = N_("“{name}” is now the primary device.")\n'
        "    ok3 = \"don't, it's\"\n"
    )
    found = straight_quoted_names(planted)
    assert [line for line, _ in found] == [2, 3, 5, 6]
    assert "'{device.nickname}'" in found[0][1]
    assert "'{row['nickname']}'" in found[1][1]
    assert "'{name}'" in found[2][1] and "'%1'" in found[3][1]


def straight_quoted_words(source: str) -> list[str]:
    """Translatable literals (tr, translate, N_) quoting words with straight single quotes: 'hard token'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name not in ("tr", "translate", "N_"):
            continue
        for arg in node.args:
            quoted = re.compile(r"(?<![\w'])'[A-Za-z][^'\n]*[A-Za-z]'(?![\w'])")
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and quoted.search(arg.value):
                found.append(arg.value)
    return found


def test_no_straight_quoted_words_in_translatable_texts() -> None:
    """Issue 22: the compliance notice said 'hard token' in straight quotes."""
    assert straight_quoted_words("tr(\"not a DEA 'hard token' separate\")")
    assert not straight_quoted_words("tr(\"the clinician's own; it's fine\")")
    src = Path(__file__).resolve().parents[1] / "src" / "epcs_desktop"
    bad = {
        f"{path.relative_to(src)}: {text[:60]}"
        for path in src.rglob("*.py")
        for text in straight_quoted_words(path.read_text(encoding="utf-8"))
    }
    assert not bad, sorted(bad)


def test_glossary_words_on_screen() -> None:
    """Issue 22: “encrypted vault” on the lock screen, “Authenticator code found” in the wizard."""
    src = Path(__file__).resolve().parents[1] / "src" / "epcs_desktop"
    drift = re.compile(r"\bvault\b|Authenticator code|change-device guide", re.IGNORECASE)
    bad = []
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(getattr(node, "func", None), "attr", None) or getattr(
                getattr(node, "func", None), "id", None
            )
            if isinstance(node, ast.Call) and name in ("tr", "translate", "N_"):
                bad += [
                    f"{path.name}: {a.value[:60]}"
                    for a in node.args
                    if isinstance(a, ast.Constant) and isinstance(a.value, str) and drift.search(a.value)
                ]
    assert not bad, bad
