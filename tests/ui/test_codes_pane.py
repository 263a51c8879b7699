"""ui/codes_pane.py: the code list; HOTP rows have no countdown and "Next code" advances the counter once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otp import hotp, totp_at
from epcs_desktop.core.otpauth import from_secret
from epcs_desktop.ui.clipboard import ClipboardGuard
from epcs_desktop.ui.codes_pane import CodesPane
from epcs_desktop.ui.models import ROLE_CODE, ROLE_PERIOD, ROLE_SECONDS_LEFT
from epcs_desktop.ui.ticker import Ticker
from profile_support import store_at

PASSWORD = "correct horse battery staple"
T0 = 1_700_000_007.0
HOTP = from_secret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", issuer="Bank", account="j", kind="hotp", counter=4)


STEAM = from_secret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", issuer="Steam", account="g", kind="steam", digits=5)


@pytest.fixture
def hotp_steam_profile(data_dir: Path):

    p = store_at(data_dir).create("Dr Counter", PASSWORD)
    p.add_device("Bank token", DeviceOption.GENERATOR_HERE, otp=HOTP)
    p.add_device("Steam", DeviceOption.GENERATOR_HERE, otp=STEAM)
    yield p
    p.close()


def _pane(qtbot, profile, clock) -> CodesPane:
    pane = CodesPane(profile, clock, Ticker(clock), ClipboardGuard(), lambda: 0)
    qtbot.addWidget(pane)
    pane.show()
    return pane


def test_showing_an_hotp_row_never_advances_and_next_code_advances_once(qtbot, hotp_steam_profile) -> None:
    clock = FixedClock(T0)
    pane = _pane(qtbot, hotp_steam_profile, clock)
    model = pane.model
    hotp_index = model.index(0)
    for _ in range(3):  # painting, ticking and reading the row change nothing
        pane.on_tick(clock.now())
        assert hotp_index.data(ROLE_CODE) == ""
        assert hotp_index.data(ROLE_SECONDS_LEFT) == -1.0 and hotp_index.data(ROLE_PERIOD) == 0
    assert hotp_steam_profile.device("Bank token").otp.counter == 4
    assert pane.next_button.isVisible()
    pane.copy_index(pane.proxy.index(0, 0))  # nothing to copy yet: says so, copies nothing
    assert QGuiApplication.clipboard().text() != hotp(HOTP)

    pane.next_code()
    assert hotp_index.data(ROLE_CODE) == hotp(HOTP)  # the code for the stored counter (4)...
    assert hotp_steam_profile.device("Bank token").otp.counter == 5  # ...and the counter moved on, stored
    assert QGuiApplication.clipboard().text() == hotp(HOTP)
    pane.next_code()
    assert model.code_at(0) == hotp(HOTP, 5)
    assert hotp_steam_profile.device("Bank token").otp.counter == 6
    assert [a.action for a in hotp_steam_profile.activity(2)] == ["HOTP code used", "HOTP code used"]
    assert hotp(HOTP) not in " ".join(a.detail for a in hotp_steam_profile.activity())


def test_steam_row_counts_down_and_has_no_next_code_button(qtbot, hotp_steam_profile) -> None:
    clock = FixedClock(T0)
    pane = _pane(qtbot, hotp_steam_profile, clock)
    steam_index = pane.proxy.index(1, 0)
    pane.view.setCurrentIndex(steam_index)
    assert not pane.next_button.isVisible()
    assert steam_index.data(ROLE_CODE) == totp_at(STEAM, T0) and len(steam_index.data(ROLE_CODE)) == 5
    assert steam_index.data(ROLE_PERIOD) == 30 and steam_index.data(ROLE_SECONDS_LEFT) > 0


def test_copying_in_the_last_seconds_waits_for_the_next_code_and_says_so(qtbot, data_dir: Path) -> None:
    """Issue 22 item 6: 492866 was copied while 505846 was already current."""

    totp = from_secret("JBSWY3DPEHPK3PXP", issuer="ID.me", account="lee")
    profile = store_at(data_dir).create("Dr Late", PASSWORD)
    profile.add_device("Office PC", DeviceOption.GENERATOR_HERE, otp=totp)
    try:
        clock = FixedClock(1_700_000_039.5)  # half a second left of this code
        pane = _pane(qtbot, profile, clock)
        QGuiApplication.clipboard().setText("before")
        said: list[str] = []
        pane.message.connect(said.append)
        pane.copy_index(pane.proxy.index(0, 0))
        assert QGuiApplication.clipboard().text() == "before", said  # the expiring code is not handed out
        assert said and "changes in 1 s" in said[-1]
        qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "before", timeout=3000)
        assert QGuiApplication.clipboard().text() == totp_at(totp, 1_700_000_040.0)
        assert "Copied" in said[-1]

        clock.t = 1_700_000_045.0  # plenty of time left: copied at once
        pane.copy_index(pane.proxy.index(0, 0))
        assert QGuiApplication.clipboard().text() == totp_at(totp, 1_700_000_045.0)
    finally:
        profile.close()


def test_next_code_sits_on_the_counter_based_card(qtbot, hotp_steam_profile) -> None:
    """Issue 22 item 9: it sat at the bottom of the pane, far from its card."""
    pane = _pane(qtbot, hotp_steam_profile, FixedClock(T0))
    pane.resize(420, 600)
    qtbot.waitExposed(pane)
    pane.view.setCurrentIndex(pane.proxy.index(0, 0))  # the counter-based "Bank token"
    assert pane.next_button.isVisible()
    card = pane.view.visualRect(pane.view.currentIndex())
    assert card.contains(pane.next_button.geometry()), (card, pane.next_button.geometry())
    assert pane.next_button.parent() is pane.view.viewport()
    qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == hotp(HOTP)
    pane.view.setCurrentIndex(pane.proxy.index(1, 0))  # Steam: time-based, no button
    assert not pane.next_button.isVisible()


def test_a_rows_menu_moves_a_generator_between_sides(qtbot, data_dir: Path) -> None:
    """Issue 18: "This is an ID.me device…" / "Not an ID.me device" / remove, from the code list's menu."""
    from epcs_desktop.ui.codes_pane import section_heading
    from epcs_desktop.ui.models import SECTION_IDME, SECTION_OTHER

    p = store_at(data_dir).create("Dr Sides", PASSWORD)
    try:
        idme = from_secret("KRSXG5CTMVRXEZLU", issuer="ID.me")
        p.add_device("Office PC", DeviceOption.GENERATOR_HERE, otp=idme)
        p.add_generator("Steam", STEAM)
        p.add_generator("Bank token", HOTP)
        pane = _pane(qtbot, p, FixedClock(T0))
        headings = [section_heading(pane.proxy.index(r, 0)) for r in range(3)]
        assert headings == [SECTION_IDME, SECTION_OTHER, None]
        assert not pane.view.uniformItemSizes()  # two sections: the first row of each is taller
        pane.link_row(1, ask=False)  # "Steam" becomes an ID.me device (a new row of the table)
        assert [d.nickname for d in p.devices()] == ["Office PC", "Steam"]
        pane.unlink_row(0)  # "Office PC" is not one after all: "Steam" is promoted to primary
        assert [d.nickname for d in p.devices()] == ["Steam"] and p.primary().nickname == "Steam"
        # The profile's events reached the list through the bridge (no reload)
        assert [pane.model.device_at(r).nickname for r in range(3)] == ["Steam", "Office PC", "Bank token"]
        pane.remove_row(2, confirmed=True)
        assert [g.nickname for g in p.generators()] == ["Steam", "Office PC"]
        assert pane.model.rowCount() == 2
        pane.remove_row(0, confirmed=True)  # an ID.me device is removed from the table, not here
        assert [g.nickname for g in p.generators()] == ["Steam", "Office PC"]
    finally:
        p.close()


def test_the_selected_code_stays_selected_when_the_primary_changes(qtbot, lee_profile) -> None:
    """Issue 18: a new primary moves to the top of the list as a row move, not a reset, so the code a
    clinician selected (the focused card Enter copies) stays selected, wherever its row goes."""
    from gui_support import ModelSignals

    from epcs_desktop.ui.models import ROLE_NICK

    lee_profile.add_device("Desk", DeviceOption.GENERATOR_HERE, otp=from_secret("ONSWG4TFOQYTEMZU"))
    github = lee_profile.add_generator("GitHub", from_secret("MFRGGZDFMZTWQ2LK", issuer="GitHub"))
    pane = _pane(qtbot, lee_profile, FixedClock(T0))
    signals = ModelSignals(pane.model)
    view = pane.view

    def current() -> str:
        return view.currentIndex().data(ROLE_NICK)

    def selected() -> list[str]:
        return [i.data(ROLE_NICK) for i in view.selectionModel().selectedIndexes()]

    view.setFocus()
    view.setCurrentIndex(pane.proxy.index(1, 0))
    assert current() == "Laptop" and selected() == ["Laptop"]

    lee_profile.set_primary("Desk")  # "Desk" moves from row 2 to row 0; "Laptop" goes to row 2
    assert current() == "Laptop" and selected() == ["Laptop"]
    assert view.currentIndex().row() == 2
    lee_profile.link_generator(github.nickname)  # "GitHub" moves from the other accounts
    lee_profile.set_primary("Laptop")  # the selected row itself moves to the top
    assert current() == "Laptop" and selected() == ["Laptop"] and view.currentIndex().row() == 0
    lee_profile.unlink_generator("Desk")
    assert current() == "Laptop" and selected() == ["Laptop"]
    assert ("reset",) not in signals.take()
    assert [pane.proxy.index(r, 0).data(ROLE_NICK) for r in range(4)] == [
        "Laptop",
        "Office PC",
        "GitHub",
        "Desk",
    ]
