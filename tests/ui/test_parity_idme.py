"""Parity (issue 18): after Google + Aegis imports, window and CLI show the same ID.me devices and generators.

A clinician with one ID.me device imports a Google Authenticator export and an
Aegis file through the real CLI (`python -m epcs_desktop import`); the real
window then shows the same ID.me table as `device list`, the same code list as
`generator list` (ID.me devices first, the primary on top, then other accounts
under their heading), and the guide and the setup sheet see ID.me devices only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import run
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import parse_uri
from epcs_desktop.ui.codes_pane import section_heading
from epcs_desktop.ui.models import SECTION_IDME, SECTION_OTHER, DeviceTableModel
from interop_support import FILES
from profile_support import store_at

SAMPLES = FILES
GOOGLE = SAMPLES / "scito__example_export.txt"  # an otpauth-migration (Google Authenticator) export
AEGIS = SAMPLES / "aegis__aegis_plain.json"
PASSWORD = "correct horse battery staple"
IDME_URI = "otpauth://totp/ID.me:dr.lee%40clinic.org?secret=JBSWY3DPEHPK3PXP&issuer=ID.me"

pytestmark = pytest.mark.skipif(
    not (GOOGLE.is_file() and AEGIS.is_file()), reason="interop samples (/work/shared/interop-samples) absent"
)


@pytest.fixture
def imported(data_dir: Path) -> Path:
    store = store_at(data_dir)
    with store.create("Dr Lee", PASSWORD) as p:
        p.add_device("Office PC", DeviceOption.GENERATOR_HERE, otp=parse_uri(IDME_URI), make_primary=True)
        p.add_device("MyiPad", DeviceOption.GENERATOR_OTHER)
    for sample in (GOOGLE, AEGIS):
        r = run(data_dir, "import", "--profile", "Dr Lee", str(sample), password=PASSWORD)
        assert r.returncode == 0, r.stderr
    return data_dir


def _cli_json(data_dir: Path, *args: str) -> dict:
    r = run(data_dir, *args, "--profile", "Dr Lee", "--json", password=PASSWORD)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_imports_stay_out_of_the_id_me_table_in_window_and_cli(qtbot, controller, imported: Path) -> None:
    cli_devices = [d["nickname"] for d in _cli_json(imported, "device", "list")["devices"]]
    cli_generators = _cli_json(imported, "generator", "list")["generators"]
    assert cli_devices == ["Office PC", "MyiPad"]
    assert len(cli_generators) > 3 and cli_generators[0]["nickname"] == "Office PC"
    assert [g["idme_device"] for g in cli_generators] == [True] + [False] * (len(cli_generators) - 1)

    profile = store_at(imported).open("Dr Lee", PASSWORD)
    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    table = window.erx.model
    names = [table.index(r, DeviceTableModel.COL_NAME).data() for r in range(table.rowCount())]
    assert names == cli_devices  # the ID.me table: the same rows as `device list`
    codes = window.codes.model
    assert [codes.device_at(r).nickname for r in range(codes.rowCount())] == [
        g["nickname"] for g in cli_generators
    ]
    proxy = window.codes.proxy
    headings = [section_heading(proxy.index(r, 0)) for r in range(proxy.rowCount())]
    assert headings[0] == SECTION_IDME and headings[1] == SECTION_OTHER
    assert headings[2:] == [None] * (proxy.rowCount() - 2)

    # The guide and the setup sheet see ID.me devices only.
    from epcs_desktop.core.guide import ChangeDeviceGuide
    from epcs_desktop.ui.frontdesk.setup_sheet import sheet_html

    guide = ChangeDeviceGuide(profile, None, controller.clock)
    guide.start("Office PC")
    assert guide.new_devices() == []  # imported accounts are not "devices added here"
    html = sheet_html(profile, controller.clock)
    assert "Office PC" in html and "MyiPad" in html
    assert all(g["nickname"] not in html for g in cli_generators[1:])


def test_after_unlock_the_primary_code_has_the_focus(qtbot, controller, imported: Path) -> None:
    from PySide6.QtCore import Qt

    profile = store_at(imported).open("Dr Lee", PASSWORD)
    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    view = window.codes.view
    qtbot.waitUntil(lambda: window.focusWidget() is view, timeout=3000)  # not Identity "Edit…"
    assert view.currentIndex().row() == 0
    first = window.codes.model.device_at(0)
    assert first.nickname == "Office PC" and first.is_primary
    copied: list[str] = []
    window.codes.guard.copy = lambda code, seconds: copied.append(code)  # type: ignore[method-assign]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert copied == [window.codes.model.code_at(0)]


def test_the_focused_card_has_a_visible_ring(qtbot, controller, imported: Path) -> None:
    """The focused row is drawn with a 2.5-pixel highlight ring; without focus those pixels are not."""
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from epcs_desktop.ui import theme

    profile = store_at(imported).open("Dr Lee", PASSWORD)
    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    pane = window.codes
    index = pane.proxy.index(2, 0)  # an ordinary row (no heading above it)

    def render(focused: bool) -> QImage:
        image = QImage(400, 100, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        option = QStyleOptionViewItem()
        option.initFrom(pane.view)
        option.rect = image.rect().adjusted(0, 0, 0, -12)
        option.font = pane.view.font()
        state = QStyle.StateFlag.State_Enabled
        option.state = state | QStyle.StateFlag.State_HasFocus if focused else state
        painter = QPainter(image)
        pane.delegate.paint(painter, option, index)
        painter.end()
        return image

    ring = QColor(theme.colors()["highlight"])
    on, off = render(True), render(False)
    x, y = 200, 1  # the top edge, outside the card's own 1-pixel border (which starts at y = 3)
    assert on.pixelColor(x, y) == ring  # the ring, in the theme's highlight colour
    assert off.pixelColor(x, y) == QColor("white")  # without the focus nothing is drawn there


def test_rows_an_upgrade_moved_are_shown_at_the_first_unlock(qtbot, controller, data_dir: Path) -> None:
    """A profile written before issue 18 (tests/core/data/profile_v2_mixed): the window lists the rows
    that changed side once, in a non-modal box; the next unlock says nothing."""
    import shutil

    store = store_at(data_dir)
    target = store.path_for("Mixed rows")
    target.parent.mkdir(parents=True, exist_ok=True)
    made = Path(__file__).resolve().parents[1] / "core" / "data" / "profile_v2_mixed"
    for suffix in ("", ".kdf"):
        shutil.copyfile(made / f"Mixed rows.epcs{suffix}", Path(str(target) + suffix))
    window = controller.open_profile(store.open("Mixed rows", "correct horse battery"))  # the lock closes it
    qtbot.waitUntil(lambda: window.notes_box is not None and window.notes_box.isVisible(), timeout=3000)
    text = window.notes_box.informativeText()
    assert all(name in text for name in ("Google (dr.lee@gmail.com)", "GitHub (drlee)", "Steam (gamer)"))
    assert not window.notes_box.isModal()
    controller.lock()
    again = controller.open_profile(store.open("Mixed rows", "correct horse battery"))
    qtbot.addWidget(again)
    qtbot.wait(100)
    assert again.notes_box is None


def test_after_an_import_the_window_offers_to_link_one(qtbot, controller, imported: Path) -> None:
    profile = store_at(imported).open("Dr Lee", PASSWORD)
    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    others = [g for g in profile.generators() if not g.idme]
    box = window.offer_link(others)
    assert box is not None and box.isVisible() and others[0].nickname in box.text()
    assert box.defaultButton() is not None and box.defaultButton().text() == "Close"
    assert window.offer_link([g for g in profile.generators() if g.idme]) is None  # nothing to offer
