"""`core.settings`: the registry, and `Settings` — a profile's settings as typed attributes."""

from __future__ import annotations

import ast
import dataclasses

import pytest

from ast_support import Module, calls, dotted, module_from_text, modules
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.events import SettingsChanged
from epcs_desktop.core.settings import SETTINGS, Settings, defaults


def test_settings_fields_are_exactly_the_registry_with_its_defaults() -> None:
    assert [f.name for f in dataclasses.fields(Settings)] == [s.key for s in SETTINGS]
    assert Settings().as_dict() == defaults()


def test_stored_values_are_coerced_and_bad_ones_fall_back_to_the_default() -> None:
    s = Settings.from_stored({"auto_lock_minutes": "7", "camera_index": -1, "gone": 1, "ntp_server": "a b"})
    assert (s.auto_lock_minutes, s.camera_index, s.ntp_server) == (7, 0, "pool.ntp.org")
    assert s["auto_lock_minutes"] == 7
    with pytest.raises(RuleError, match="no setting called"):
        s["nope"]
    assert Settings.from_stored(None) == Settings()


def test_profile_settings_are_typed_and_a_change_is_one_event(profile) -> None:
    events: list[object] = []
    profile.add_listener(events.append)
    assert profile.settings == Settings()
    profile.set_settings({"auto_lock_minutes": 9, "clipboard_clear_seconds": "15"})
    assert (profile.settings.auto_lock_minutes, profile.settings.clipboard_clear_seconds) == (9, 15)
    assert events == [SettingsChanged(("auto_lock_minutes", "clipboard_clear_seconds"))]
    assert profile.stored_settings() == {"auto_lock_minutes": 9, "clipboard_clear_seconds": 15}


SETTING_KEYS = {s.key for s in SETTINGS}


def _text(node: ast.AST) -> object:
    return node.value if isinstance(node, ast.Constant) else None


def _is_settings(node: ast.AST) -> bool:
    """`settings`, `profile.settings`, `self.settings()`: an expression naming a profile's settings."""
    if isinstance(node, ast.Call):
        node = node.func
    name = dotted(node) or ""
    return name.rsplit(".", 1)[-1].endswith("settings")


def _names_a_profile(node: ast.AST) -> bool:
    return (dotted(node) or "").rsplit(".", 1)[-1].endswith("profile")


def untyped_setting_reads(module: Module) -> list[str]:
    """Reads that bypass `Settings`' typed attributes and repeat (or invent) a default.

    `stored.get("auto_lock_minutes", 5)`, `getattr(settings, "disable_export", False)` (also with a
    key computed at run time), and the old `profile.settings()` dict.
    """
    found = []
    for node, name in calls(module):
        func = node.func
        where = module.where(node)
        if isinstance(func, ast.Attribute) and func.attr == "get" and node.args:
            if _text(node.args[0]) in SETTING_KEYS and (len(node.args) > 1 or node.keywords):
                found.append(f"{where} .get({_text(node.args[0])!r}, default)")
        elif name == "getattr" and len(node.args) == 3:
            if _text(node.args[1]) in SETTING_KEYS or _is_settings(node.args[0]):
                found.append(f"{where} {ast.unparse(node)}")
        elif isinstance(func, ast.Attribute) and func.attr == "settings" and _names_a_profile(func.value):
            found.append(f"{where} {ast.unparse(node)}")
    return found


def test_no_call_site_repeats_a_default() -> None:
    """`settings().get("auto_lock_minutes", 5)` style reads: the default is the registry's, read typed."""
    assert [f for m in modules() for f in untyped_setting_reads(m)] == []


def test_the_setting_read_check_sees_every_spelling() -> None:
    sample = module_from_text(
        "# getattr(settings, 'disable_export', False) in a comment\n"
        "a = stored.get('auto_lock_minutes', 5)\n"
        "b = getattr(settings, 'disable_export', False)\n"
        "c = getattr(self.settings(), key, '')\n"
        "d = getattr(policy_values, 'required_backup_folder', '')\n"
        "e = self.profile.settings()\n"
        "ok = (settings.disable_export, stored.get('auto_lock_minutes'), getattr(args, 'json', False))\n"
        "ok2 = (s['auto_lock_minutes'], getattr(sys, 'frozen', False), {}.get('other', 1))\n"
    )
    assert [f.split(" ")[0] for f in untyped_setting_reads(sample)] == [f"sample.py:{n}" for n in range(2, 7)]
