"""Activity-log entries as structured events, rendered in the language being shown.

Why: entries used to be stored as finished English sentences ("“Tablet”
(Generate 2FA Key) was added."), so a Spanish window, its CSV export and the
setup sheet showed English. Now each entry is an event: its kind (the
``action`` column, a stable key an audit can search for) and, in ``detail``,
an English sentence template marked with `N_` plus its parameters, stored as
one small JSON text. The window renders it with the translated template
(`render_detail(detail, core_text)`); the CLI and logs render it in English.

Entries written before this change hold plain sentences; they are shown as
they are. Parameters are names and counts, never a secret (the log's contract).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from epcs_desktop.core.i18n import N_

log = logging.getLogger(__name__)

_MARK = '{"event":1,'
_MAX_DETAIL = 16384

Translate = Callable[[str], str]


def untranslated(text: str) -> str:
    """No translation: English (the CLI, the program's log)."""
    return text


# The kinds (the action column), marked for translation. Legacy names map to today's word.
ACTION_LABELS: tuple[str, ...] = (
    N_("profile created"),
    N_("profile handed over"),
    N_("profile upgraded"),
    N_("device added"),
    N_("device removed"),
    N_("device renamed"),
    N_("device set aside"),
    N_("primary changed"),
    N_("password changed"),
    N_("setting changed"),
    N_("backup made"),
    N_("backup restored"),
    N_("change-phone guide"),
    N_("compliance notice shown"),
    N_("failed unlocks"),
    N_("HOTP code used"),
    N_("codes exported"),
    N_("prescriber draft kept"),
    N_("prescriber draft cleared"),
    N_("listed under other accounts"),
    N_("code generator added"),
    N_("code generator removed"),
    N_("code generator linked"),
    N_("code generator unlinked"),
    N_("device moved to a phone"),
    N_("secret removed"),
    N_("identity confirmation changed"),
    N_("prescriber info changed"),
)
_ALIASES = {"change-device guide": "change-phone guide"}  # the glossary's word (issue 22)


def event(template: str, *, translated: tuple[str, ...] = (), **args: object) -> str:
    """The stored ``detail`` of one entry: `template` (an `N_` literal with {names}) and its values.

    Names in `translated` hold texts that are themselves `N_` literals (a setting's label, say):
    they are translated too when the entry is shown.
    """
    doc: dict[str, object] = {"t": template, "a": {k: str(v) for k, v in args.items()}}
    if translated:
        doc["l"] = [k for k in translated if k in args]
    return _MARK + json.dumps(doc, ensure_ascii=False)[1:]


def parse(detail: str) -> tuple[str, dict[str, str], list[str]] | None:
    """(template, args, translated arg names) of a structured detail, or None for a plain sentence."""
    if not detail.startswith(_MARK) or len(detail) > _MAX_DETAIL:
        return None
    try:
        doc = json.loads(detail)
    except ValueError:
        return None
    template, args, translated = doc.get("t"), doc.get("a"), doc.get("l", [])
    if not isinstance(template, str) or not isinstance(args, dict) or not isinstance(translated, list):
        return None
    return template, {str(k): str(v) for k, v in args.items()}, [str(k) for k in translated]


def render_detail(detail: str, tr: Translate = untranslated) -> str:
    """The entry's sentence in the language `tr` translates to (English by default)."""
    parsed = parse(detail)
    if parsed is None:
        return detail
    template, args, translated = parsed
    args = {
        k: tr(v) if k in translated else render_detail(v, tr) if v.startswith(_MARK) else v
        for k, v in args.items()
    }
    for text in (tr(template), template):  # a broken translation falls back to the English sentence
        try:
            return text.format(**args)
        except (KeyError, IndexError, ValueError):
            continue
    return template


def joined(parts: list[str]) -> str:
    """Several events as one ("a; b; c"), each still rendered in the language shown."""
    if not parts:
        return ""
    result = parts[0]
    for part in parts[1:]:
        result = event(N_("{first}; {second}"), first=result, second=part)
    return result


def export_event(count: int, fmt: str) -> str:
    """The entry for "codes exported" (the window's Export and the CLI's `export` write the same)."""
    if count == 1:
        return event(N_("1 code generator exported as {format} (secret keys included)."), format=fmt)
    template = N_("{count} code generators exported as {format} (secret keys included).")
    return event(template, count=count, format=fmt)


def entry_detail(entry: object, tr: Translate = untranslated) -> str:
    """An `ActivityEntry`'s sentence in `tr`'s language (from what the log stores)."""
    stored = str(getattr(entry, "stored", "") or getattr(entry, "detail", ""))
    return render_detail(stored, tr)


def action_name(action: str) -> str:
    """Today's English name of a kind (old entries may hold an earlier word)."""
    return _ALIASES.get(action, action)


def render_action(action: str, tr: Translate = untranslated) -> str:
    return tr(action_name(action))
