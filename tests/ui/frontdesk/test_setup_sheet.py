"""The printable setup sheet: real PDF, text read back with pdftotext, no secrets, no codes."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from frontdesk_support import SECRET, T0

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption, PrescriberInfo
from epcs_desktop.core.guide import OPEN_IDME, ChangeDeviceGuide, state_store
from epcs_desktop.core.otp import totp_at
from epcs_desktop.ui.frontdesk import save_setup_sheet
from epcs_desktop.ui.frontdesk.setup_sheet import sheet_html


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", out.stdout)


def test_sheet_lists_roster_steps_and_notice_without_secrets(qtbot, ada_profile, tmp_path: Path) -> None:
    clock = FixedClock(T0)
    ada_profile.add_device("Office iPad", DeviceOption.PUSH)
    ada_profile.set_prescriber(PrescriberInfo("CA", "A123456", "BR1234563", "1234567893"))
    guide = ChangeDeviceGuide(ada_profile, state_store(ada_profile), clock)
    guide.start()
    guide.mark(OPEN_IDME)
    ada_profile.add_device("New iPhone", DeviceOption.GENERATOR_OTHER)

    pdf = save_setup_sheet(ada_profile, tmp_path / "sheet.pdf", clock)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = pdf_text(pdf)

    assert "EPCS MFA setup sheet" in text and "Dr Ada" in text
    assert "Name Option Primary Device" in text
    # DrChrono's labels, quoted, each with what it means here (core.erx.option_explained)
    assert "android “Generate 2FA Key” (this computer) “Is Primary”" in text
    assert "Office iPad “Push Notification 2FA” (a phone (push))" in text
    assert "New iPhone “Generate 2FA Key” (a phone or tablet)" in text
    assert "DrChrono's own labels" in text
    assert "Primary device: android." in text
    assert "BR1234563" in text and "1234567893" in text
    assert "2 of 6 steps done" in text
    done, left = text.split("Done:")[1].split("Left:")
    assert "Open ID.me from DrChrono" in done and "Set up and confirm the new device" in done
    assert "Delete the old device in ID.me" in left and "Select the new primary device" in left
    assert "not a DEA “hard token” separate from the prescribing computer (21 CFR 1311.115)" in text

    assert SECRET not in text and "otpauth" not in text.lower()
    codes = {totp_at(ada_profile.device("android").otp, T0 + 30 * k) for k in range(-2, 3)}
    assert not any(c in text for c in codes)
    assert SECRET.encode() not in pdf.read_bytes()


def test_sheet_without_guide_lists_the_six_steps(qtbot, data_dir_store, tmp_path: Path) -> None:
    with data_dir_store.create("Dr Empty", "empty password") as p:
        text = pdf_text(save_setup_sheet(p, tmp_path / "empty.pdf", FixedClock(T0)))
    assert "No device is recorded in this profile yet." in text
    assert "No device change in progress" in text
    assert "Select the new primary device in DrChrono" in text


def test_in_spanish_the_sheet_keeps_drchronos_labels_and_explains_them(
    qtbot, ada_profile, tmp_path: Path, spanish
) -> None:
    """The same rule as the window's table (core.erx): DrChrono's option names and “Is Primary” as
    DrChrono shows them, quoted, with what each means in Spanish; the sheet's own words translated."""
    assert spanish
    ada_profile.add_device("Office iPad", DeviceOption.PUSH)
    ada_profile.add_device("New iPhone", DeviceOption.GENERATOR_OTHER)
    cells = [
        [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", row)]
        for row in re.findall(r"<tr><td>.*?</tr>", sheet_html(ada_profile, FixedClock(T0)))
    ]
    push = "“Push Notification 2FA” (un teléfono (push))"
    assert cells[:3] == [
        ["android", "“Generate 2FA Key” (este equipo)", "“Is Primary”"],
        ["Office iPad", push, ""],
        ["New iPhone", "“Generate 2FA Key” (un teléfono o tableta)", ""],
    ]
    text = pdf_text(save_setup_sheet(ada_profile, tmp_path / "hoja.pdf", FixedClock(T0)))  # the printed sheet
    assert text.count("“Generate 2FA Key”") == 2
    assert "“Push Notification 2FA”" in text and "“Is Primary”" in text
    assert "Generar clave 2FA" not in text and "Es el principal" not in text
    assert "Opción" in text  # the sheet's own column heading is translated
