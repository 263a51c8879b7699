"""Screen reader, for real: every window's accessible tree read over AT-SPI, as Orca reads it.

Xvfb + a private D-Bus session + the AT-SPI bus (Debian's at-spi2-core), the program started
from the venv with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, and a walker run by Debian's
/usr/bin/python3 (python3-pyatspi is a system package). It fails on any focusable, showing
control without a name, a focusable panel/filler (a nameless Tab stop), or a link hidden in a label.
scripts/common.sh TEST_DEBS installs what it needs, so ./scripts/test runs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
VENV_PYTHON = Path(os.environ.get("VIRTUAL_ENV", "")) / "bin" / "python"
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")

SCREENS = (
    "lock",
    "main",
    "wizard:METHOD",
    "wizard:CAMERA",
    "wizard:SCREEN",
    "wizard:IMAGE",
    "wizard:KEY",
    "wizard:LINK",
    "wizard:CONFIRM",
    "settings",
    "identity",
    "other_device",
    "remove_device",
    "backup",
    "restore",
    "frontdesk:guide",
    "frontdesk:practice",
    "frontdesk:activity",
    "frontdesk:record",
    "frontdesk:handover",
)


def _python_for_app() -> str:
    import sys

    return str(VENV_PYTHON) if VENV_PYTHON.exists() else sys.executable


def _requirements() -> None:
    missing = [name for name in ("Xvfb", "dbus-run-session") if shutil.which(name) is None]
    if not BUS_LAUNCHER.exists():
        missing.append("at-spi2-core")
    if (
        not SYSTEM_PYTHON.exists()
        or subprocess.run(
            [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False
        ).returncode
    ):
        missing.append("python3-pyatspi")
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (scripts/common.sh TEST_DEBS)")


def walk(display: str, data_dir: Path, screens: tuple[str, ...]) -> dict:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "EPCS_DESKTOP_CLOCK_CHECK": "off",
        "NO_AT_BRIDGE": "0",
    }
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    script = (
        f"{BUS_LAUNCHER} --launch-immediately & sleep 1; "
        f'exec {SYSTEM_PYTHON} "{HERE / "atspi_walker.py"}" "{_python_for_app()}" '
        f'"{HERE / "a11y_app.py"}" "{data_dir}" ' + " ".join(screens)
    )
    out = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the walker printed nothing:\n{out.stderr[-3000:]}"
    return json.loads(lines[-1])


@pytest.mark.xvfb
def test_every_focusable_control_has_a_name_and_a_fitting_role(xvfb_display, tmp_path: Path) -> None:
    _requirements()
    result = walk(xvfb_display, tmp_path / "data", SCREENS)
    assert "error" not in result, result
    assert not result["failed"], result["failed"]
    assert set(result["screens"]) == set(SCREENS)
    titles = list(result["screens"].values())
    assert all(titles), result["screens"]
    problems = "\n".join(f"{p['problem']}: {p['path']}" for p in result["problems"])
    assert not result["problems"], problems


@pytest.mark.xvfb
def test_the_walker_catches_a_nameless_control(xvfb_display, tmp_path: Path) -> None:
    """The same walk over a window made wrong on purpose: a test that cannot fail proves nothing."""
    _requirements()
    os.environ["EPCS_A11Y_PLANT_DEFECT"] = "1"
    try:
        result = walk(xvfb_display, tmp_path / "data", ("main",))
    finally:
        del os.environ["EPCS_A11Y_PLANT_DEFECT"]
    kinds = {p["problem"] for p in result["problems"]}
    assert {"no name", "focusable panel"} <= kinds or {"no name", "focusable filler"} <= kinds, result


def _codes_around_now(secret: str) -> set[str]:
    """The codes of this period and its neighbours (the walk takes a few seconds)."""
    from epcs_desktop.core.clock import SystemClock
    from epcs_desktop.core.otp import totp_at
    from epcs_desktop.core.otpauth import OtpParams

    params = OtpParams("totp", secret, "lee", "ID.me")
    now = SystemClock().now()
    return {totp_at(params, now + shift) for shift in (-30, 0, 30, 60)}


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


@pytest.mark.xvfb
def test_a_screen_reader_reads_the_codes_and_the_message_lines(xvfb_display, tmp_path: Path) -> None:
    """Not just names: the digits of a code card and of "Confirm your device", the seconds left,
    and the words of an inline message (red or green) and of the compliance note, each read over
    AT-SPI; and a new message line is announced (object:announcement), as a live region is."""
    _requirements()
    sys.path.insert(0, str(HERE))
    from a11y_app import NEW_SECRET, SECRET

    bad_key = "ABC1"  # '1' is not Base32: the page says what is wrong
    good_key = "JBSWY3DPEHPK3PXP"
    screens = ("main", "wizard:CONFIRM", f"wizard:KEY!{bad_key}", f"wizard:KEY!{good_key}")
    result = walk(xvfb_display, tmp_path / "data", screens)
    assert "error" not in result and not result["failed"], result
    texts = result["texts"]

    def readable(screen: str) -> list[str]:
        """What Orca says on reaching each node: its name (a label's text alone is not announced)."""
        return [t["name"] for t in texts.get(screen, [])]

    card = [
        t for t in readable("main") if _digits(t) and any(c in _digits(t) for c in _codes_around_now(SECRET))
    ]
    assert card, readable("main")
    assert any("second" in t for t in card), card  # the seconds left, with the digits

    confirm = [
        t for t in readable("wizard:CONFIRM") if any(c in _digits(t) for c in _codes_around_now(NEW_SECRET))
    ]
    assert confirm, readable("wizard:CONFIRM")
    from epcs_desktop.ui.dialogs import compliance_text

    assert any(compliance_text()[:40] in t for t in readable("wizard:CONFIRM")), readable("wizard:CONFIRM")

    bad = [t for t in readable(f"wizard:KEY!{bad_key}") if "1" in t and t.strip() != "error"]
    assert any("Base32" in t or "letter" in t or "character" in t for t in bad), readable(
        f"wizard:KEY!{bad_key}"
    )
    assert any("The key looks right." in t for t in readable(f"wizard:KEY!{good_key}"))
    assert any("The key looks right." in a for a in result["announced"]), result["announced"]
