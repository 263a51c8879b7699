"""The clock check in the running main window, against an SNTP responder on 127.0.0.1 that lies on purpose."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from epcs_desktop.ui.clock_status import CHECK_ENV, split_server
from sntp_server import silent_reply, skewed_reply


@pytest.fixture
def responder(sntp_responder, mid_period_clock):
    """A time server whose clock is `skew` seconds ahead of the window's (None: it never answers).

    The window measures the clock it makes codes with, the context's (`controller` runs on
    `mid_period_clock`), so the server lies relative to that one."""
    return lambda skew: sntp_responder(
        silent_reply if skew is None else skewed_reply(skew, now=mid_period_clock.now)
    )


def no_dialog_shown() -> bool:
    return not any(
        isinstance(w, QDialog | QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def unlock_with_server(qtbot, controller, lee_profile, monkeypatch, server: str):
    monkeypatch.setenv(CHECK_ENV, "on")  # the suite turns the automatic check off; this test needs it
    lee_profile.set_setting("ntp_server", server)
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    return window


def test_skewed_clock_shows_a_visible_warning_with_the_fix(
    qtbot, controller, lee_profile, monkeypatch, responder
) -> None:
    server = responder(42.0)
    window = unlock_with_server(qtbot, controller, lee_profile, monkeypatch, f"127.0.0.1:{server.port}")
    status = window.clock_status
    qtbot.waitUntil(lambda: status.last is not None, timeout=10_000)
    assert len(server.requests) == 1  # checked at unlock, on its own
    assert not status.last.ok and 40 < status.last.offset < 44
    assert not status.banner.isHidden()
    text = status.banner.label.text()
    assert "42" in text and "behind" in text and "automatic time" in text.lower()
    assert status.label.text().startswith("Clock off by +4") and status.label.isVisibleTo(window)
    assert no_dialog_shown()


def test_correct_clock_is_a_quiet_status_note(qtbot, controller, lee_profile, monkeypatch, responder) -> None:
    server = responder(-3.0)
    window = unlock_with_server(qtbot, controller, lee_profile, monkeypatch, f"127.0.0.1:{server.port}")
    status = window.clock_status
    qtbot.waitUntil(lambda: status.last is not None, timeout=10_000)
    assert status.last.ok and status.banner.isHidden()
    assert status.label.text().startswith("Clock OK (-")
    assert "correct" in status.label.toolTip()


def test_unreachable_server_is_quiet(qtbot, controller, lee_profile, monkeypatch, responder) -> None:
    silent = responder(None)
    window = unlock_with_server(qtbot, controller, lee_profile, monkeypatch, f"127.0.0.1:{silent.port}")
    status = window.clock_status
    with qtbot.waitSignal(status.checked, timeout=10_000) as got:
        pass  # the unlock check (2 s timeout) reports first
    assert got.args == [None]
    assert status.last is None and status.banner.isHidden()
    assert status.label.text() == "Clock not checked"
    assert "did not answer" in status.label.toolTip()
    assert no_dialog_shown()


def test_a_failed_recheck_keeps_the_warning(qtbot, controller, lee_profile, monkeypatch, responder) -> None:
    server = responder(-600.0)
    window = unlock_with_server(qtbot, controller, lee_profile, monkeypatch, f"127.0.0.1:{server.port}")
    status = window.clock_status
    qtbot.waitUntil(lambda: status.last is not None, timeout=10_000)
    assert "10 min ahead" in status.banner.label.text()
    lee_profile.set_setting("ntp_server", "no-such-host.invalid")
    qtbot.waitUntil(lambda: window.current_settings().ntp_server == "no-such-host.invalid", timeout=2_000)
    with qtbot.waitSignal(status.checked, timeout=10_000):
        status.check_now()
    assert "no-such-host.invalid" in status.label.toolTip()
    assert not status.banner.isHidden() and status.label.text().startswith("Clock off by -600")
    assert no_dialog_shown()


def test_automatic_check_is_off_in_the_suite(qtbot, controller, lee_profile, responder) -> None:
    server = responder(0.0)
    lee_profile.set_setting("ntp_server", f"127.0.0.1:{server.port}")
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    qtbot.wait(300)
    assert len(server.requests) == 0 and not window.clock_status.timer.isActive()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pool.ntp.org", ("pool.ntp.org", 123)),
        ("127.0.0.1:1123", ("127.0.0.1", 1123)),
        ("[::1]:1123", ("::1", 1123)),
        ("::1", ("::1", 123)),
    ],
)
def test_split_server(text: str, expected: tuple[str, int]) -> None:
    assert split_server(text) == expected


@pytest.mark.parametrize("text", ["time.example:99999", "time.example:0", "time.example:", "bad host", "[::"])
def test_split_server_refuses_what_it_used_to_replace_by_port_123(text: str) -> None:
    """Issue 11 item 15: "host:99999" silently used port 123; now it is an error the tooltip shows."""
    from epcs_desktop.core.ntp import NtpError

    with pytest.raises(NtpError):
        split_server(text)
