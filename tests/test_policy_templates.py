"""packaging/policy/: the ADMX/ADML templates and the .mobileconfig example match the settings registry.

They are generated (scripts/policy_templates.py); this fails when a committed file is stale,
is not well-formed XML / a valid plist, references a string or presentation that does not
exist, or when what it would write is not what core/policy.py reads: the registry values an
administrator sets through each template are fed to `load_policy` through a substituted
registry reader, and the configuration profile's payload through `parse_settings`.
"""

from __future__ import annotations

import importlib.util
import plistlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from epcs_desktop import DESKTOP_ID
from epcs_desktop.core import policy as pol
from epcs_desktop.core.platform import WINDOWS_POLICY_KEY, platform_for
from epcs_desktop.core.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}


def _script() -> Any:
    spec = importlib.util.spec_from_file_location(
        "policy_templates", ROOT / "scripts" / "policy_templates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> Any:
    return _script()


def test_committed_templates_are_what_the_registry_generates(script: Any) -> None:
    for path, data in script.rendered().items():
        assert path.exists(), f"{path} missing: run scripts/policy_templates.py"
        assert path.read_bytes() == data, f"{path} is stale: run scripts/policy_templates.py"


def test_admx_and_adml_are_well_formed_and_complete(script: Any) -> None:
    admx = ET.parse(script.ADMX).getroot()  # noqa: S314 (our own generated file)
    adml = ET.parse(script.ADML).getroot()  # noqa: S314 (our own generated file)
    strings = {s.get("id") for s in adml.iterfind(".//p:stringTable/p:string", NS)}
    presentations = {p.get("id"): p for p in adml.iterfind(".//p:presentationTable/p:presentation", NS)}
    categories = {c.get("name") for c in admx.iterfind(".//p:categories/p:category", NS)}
    policies = admx.findall(".//p:policies/p:policy", NS)
    names = [p.get("name") for p in policies]
    assert len(names) == len(set(names))
    for policy in policies:
        for attr in ("displayName", "explainText"):
            ref = re.fullmatch(r"\$\(string\.(.+)\)", policy.get(attr, ""))
            assert ref and ref.group(1) in strings, (policy.get("name"), attr)
        parent = policy.find("p:parentCategory", NS)
        assert parent is not None and parent.get("ref") in categories
        if policy.get("presentation"):
            ref = re.fullmatch(r"\$\(presentation\.(.+)\)", policy.get("presentation", ""))
            assert ref and ref.group(1) in presentations
            element = next(iter(policy.find("p:elements", NS)))
            box = next(iter(presentations[ref.group(1)]))
            assert box.get("refId") == element.get("id")  # the box edits this element
    enforced = {p.get("name") for p in policies if p.get("key") == WINDOWS_POLICY_KEY}
    assert enforced == {s.key for s in SETTINGS}  # every setting, and nothing else


def _registry_from_admx(script: Any, choose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What Group Policy writes when `choose` {policy name: value} is enabled (bool policies: True)."""
    admx = ET.parse(script.ADMX).getroot()  # noqa: S314 (our own generated file)
    written: dict[str, dict[str, Any]] = {}
    for policy in admx.iterfind(".//p:policies/p:policy", NS):
        name = policy.get("name")
        if name not in choose:
            continue
        key = "HKLM\\" + policy.get("key", "")
        if policy.get("valueName"):  # a bool: enabledValue / disabledValue
            which = "p:enabledValue" if choose[name] else "p:disabledValue"
            value = int(policy.find(f"{which}/p:decimal", NS).get("value"))  # type: ignore[union-attr]
            written.setdefault(key, {})[policy.get("valueName")] = value
        else:
            element = next(iter(policy.find("p:elements", NS)))
            if element.tag.endswith("decimal"):
                assert int(element.get("minValue")) <= choose[name] <= int(element.get("maxValue"))
            written.setdefault(key, {})[element.get("valueName")] = choose[name]
    return written


def test_what_the_templates_write_is_what_the_policy_reads(script: Any, tmp_path: Path) -> None:
    written = _registry_from_admx(
        script,
        {
            "disable_import": True,
            "disable_export": False,
            "ntp_server": "time.example.org",
            "auto_lock_minutes_Maximum": 5,
            "backup_reminder_days_Recommended": 7,
            "min_password_strength": 3,
        },
    )
    policy = pol.load_policy(
        tmp_path / "none.json",
        platform=platform_for("win32", env={}, home=Path("/u")),
        registry_values=lambda hive, key: written.get(f"{hive}\\{key}", {}),
    )
    assert policy.problems == ()
    eff = policy.effective({"auto_lock_minutes": 30})
    assert eff["disable_import"].value is True and eff["disable_import"].locked
    assert eff["disable_export"].value is False and eff["disable_export"].locked  # "Disabled" enforces off
    assert eff["ntp_server"].value == "time.example.org" and eff["ntp_server"].locked
    assert eff["auto_lock_minutes"].value == 5 and not eff["auto_lock_minutes"].locked
    assert eff["backup_reminder_days"].value == 7 and not eff["backup_reminder_days"].locked
    assert pol.minimum_password_strength(policy) == 3


def test_the_mobileconfig_is_a_profile_whose_payload_the_policy_reads(script: Any) -> None:
    profile = plistlib.loads(script.MOBILECONFIG.read_bytes())
    assert profile["PayloadType"] == "Configuration" and profile["PayloadScope"] == "System"
    (payload,) = profile["PayloadContent"]
    assert payload["PayloadType"] == DESKTOP_ID  # the managed-preferences domain core/platform.py reads
    uuids = {profile["PayloadUUID"], payload["PayloadUUID"]}
    assert len(uuids) == 2 and all(re.fullmatch(r"[0-9A-F-]{36}", u) for u in uuids)
    managed = {k: v for k, v in payload.items() if not k.startswith("Payload")}  # what macOS writes
    entries, problems = pol.parse_settings(managed, "configuration profile")
    assert problems == [] and set(entries) == {s.key for s in SETTINGS}
    assert not any(e.locked for e in entries.values())
