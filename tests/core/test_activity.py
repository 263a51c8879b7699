"""core/activity.py: log entries are events (kind + template + parameters), shown in any language."""

from __future__ import annotations

from epcs_desktop.core.activity import entry_detail, event, joined, parse, render_action, render_detail

SPANISH = {
    "“{name}” ({option}) was added.": "Se añadió “{name}” ({option}).",
    "“{setting}” set to {value}": "“{setting}” con el valor {value}",
    "{first}; {second}": "{first}; {second}",
    "{changes}.": "{changes}.",
    "on": "activado",
    "Camera": "Cámara",
    "change-phone guide": "guía de cambio de teléfono",
}


def spanish(text: str) -> str:
    return SPANISH.get(text, text)


def test_an_event_renders_in_english_and_in_the_language_shown() -> None:
    stored = event("“{name}” ({option}) was added.", name="Tablet", option="Generate 2FA Key")
    assert render_detail(stored) == "“Tablet” (Generate 2FA Key) was added."
    # DrChrono's own label stays in English, quoted by the sentence around it.
    assert render_detail(stored, spanish) == "Se añadió “Tablet” (Generate 2FA Key)."


def test_translated_parameters_and_joined_parts() -> None:
    parts = [
        event("“{setting}” set to {value}", translated=("setting",), setting="Camera", value=1),
        event("“{setting}” set to {value}", translated=("setting", "value"), setting="Camera", value="on"),
    ]
    stored = event("{changes}.", changes=joined(parts))
    assert render_detail(stored) == "“Camera” set to 1; “Camera” set to on."
    assert render_detail(stored, spanish) == "“Cámara” con el valor 1; “Cámara” con el valor activado."


def test_plain_old_entries_and_broken_translations() -> None:
    assert parse("“Tablet” was removed.") is None
    assert render_detail("“Tablet” was removed.", spanish) == "“Tablet” was removed."
    stored = event("“{name}” was removed.", name="{x}")  # a name with braces is data, not a field
    assert render_detail(stored, lambda t: "“{nombre}” se eliminó.") == "“{x}” was removed."
    assert render_detail('{"event":1, not json') == '{"event":1, not json'


def test_actions_use_todays_word_and_entries_render_from_what_is_stored() -> None:
    assert render_action("change-device guide", spanish) == "guía de cambio de teléfono"

    class Entry:
        detail = "ignored"
        stored = event("“{name}” ({option}) was added.", name="Tablet", option="Push Notification 2FA")

    assert entry_detail(Entry(), spanish) == "Se añadió “Tablet” (Push Notification 2FA)."


def test_every_kind_written_is_marked_for_translation() -> None:
    """Each action string given to the log (found by AST) is one of ACTION_LABELS, so it shows translated."""
    import ast
    from pathlib import Path

    from epcs_desktop.core.activity import ACTION_LABELS

    src = Path(__file__).resolve().parents[2] / "src" / "epcs_desktop"
    position = {"_log": 1, "log_activity": 0, "_put": 2, "put_record": 2}
    used = set()
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(getattr(node, "func", None), "attr", None)
            if isinstance(node, ast.Call) and name in position and len(node.args) > position[name]:
                arg = node.args[position[name]]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    used.add(arg.value)
    assert len(used) > 15
    assert used <= set(ACTION_LABELS), sorted(used - set(ACTION_LABELS))
