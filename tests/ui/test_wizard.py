"""The enrollment wizard, driven as a person would: real widgets, real profile, real decoder.

Every test runs the real `EnrollWizard` offscreen against a real SQLCipher
profile in a temporary data directory. Images are real PNGs made with
`qrcode`; the webcam is replaced by a real video file read through
`core.frames.VideoFileSource` (the only injected part).
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
import qrcode
from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.enrollment import HOTP_MESSAGE
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.migration import build_migration_uris
from epcs_desktop.core.otp import group_code, totp_at
from epcs_desktop.core.otpauth import build_uri, from_secret
from epcs_desktop.ui.tasks import wait_for_tasks
from epcs_desktop.ui.wizard import EnrollWizard
from epcs_desktop.ui.wizard.ids import PageId
from qr_support import RecordingSource, on_canvas, qr_gray, write_qr_video

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
URI = f"otpauth://totp/ID.me:jane%40example.com?secret={SECRET}&issuer=ID.me"
T0 = 1_700_000_007.0
PASSWORD = "correct horse battery staple"


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def early_period_clock() -> FixedClock:
    """A FixedClock at this file's T0, 7 s into a 30 s period (the codes below were worked out at it)."""
    return FixedClock(T0)


def qr_png(path: Path, text: str) -> Path:
    qrcode.make(text, box_size=8, border=4).save(path)
    return path


def make_wizard(qtbot, fresh_profile, early_period_clock, **kwargs) -> EnrollWizard:
    wizard = EnrollWizard(fresh_profile, None, clock=early_period_clock, **kwargs)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    return wizard


def go_to(wizard: EnrollWizard, page: PageId) -> None:
    assert wizard.currentId() == PageId.METHOD
    wizard.method_page.choose(page)
    wizard.next()
    assert wizard.currentId() == page


def load(qtbot, page, path: Path | str) -> None:
    """Open an image on the image page and wait for the background decode."""
    page.load_file(str(path))
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)


def finish(wizard: EnrollWizard) -> None:
    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button.isEnabled()
    button.click()


# --------------------------------------------------------------------------- secret key


def test_add_generator_from_typed_secret_key(qtbot, fresh_profile, early_period_clock) -> None:
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.KEY)
    page = wizard.key_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()

    typed = "jbsw y3dp-ehpk 3pxp jbsw y3dp ehpk 3pxp"
    qtbot.keyClicks(page.key_edit, typed)
    assert page.isComplete()
    assert next_button.isEnabled()
    assert page.message.text() == "The key looks right."  # a 160-bit key: no note about its length

    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM
    row = wizard.confirm_page.rows[0]
    row.nickname.clear()
    qtbot.keyClicks(row.nickname, "Clinic desktop")
    finish(wizard)

    assert wizard.result() == QWizard.DialogCode.Accepted
    [device] = fresh_profile.devices()
    assert device.nickname == "Clinic desktop"
    assert device.option == DeviceOption.GENERATOR_HERE
    assert device.otp is not None and device.otp.secret == SECRET
    assert device.otp.issuer == "ID.me"
    assert device.is_primary  # the first device is primary


def test_secret_key_errors_inline_without_echoing_the_key(qtbot, fresh_profile, early_period_clock) -> None:
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.KEY)
    page = wizard.key_page
    bad = "JBSWY3DPEHPK3PX1QZ"
    qtbot.keyClicks(page.key_edit, bad)
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    message = page.message.text()
    assert message
    assert bad not in message and bad.lower() not in message
    assert "JBSWY3DP" not in message


def test_secret_key_advanced_settings_are_used(qtbot, fresh_profile, early_period_clock) -> None:
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.KEY)
    page = wizard.key_page
    assert not page.advanced.isVisible()
    page.advanced_button.click()
    assert page.advanced.isVisible()
    page.algorithm.setCurrentText("SHA256")
    page.digits.setValue(8)
    page.period.setValue(60)
    qtbot.keyClicks(page.key_edit, SECRET)
    wizard.next()
    row = wizard.confirm_page.rows[0]
    expected = from_secret(SECRET, issuer="ID.me", algorithm="SHA256", digits=8, period=60)
    assert row.params == expected
    assert row.code.text() == group_code(totp_at(expected, T0))
    assert len(row.code.text().replace(" ", "")) == 8


# --------------------------------------------------------------------------- confirm page


def test_confirm_page_shows_core_code_at_the_injected_clock(qtbot, fresh_profile, early_period_clock) -> None:
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.KEY)
    qtbot.keyClicks(wizard.key_page.key_edit, SECRET)
    wizard.next()
    page = wizard.confirm_page
    row = page.rows[0]
    params = from_secret(SECRET, issuer="ID.me")
    assert row.code.text() == group_code(totp_at(params, T0))
    assert row.countdown.value() == 30 - int(T0) % 30

    early_period_clock.advance(30)
    page.ticker.fire()
    assert row.code.text() == group_code(totp_at(params, T0 + 30))
    assert row.code.text() != group_code(totp_at(params, T0))
    assert "1311.115" in page.compliance.text()
    assert "hard token" in page.compliance.text()


def test_duplicate_nickname_is_rejected_inline(qtbot, fresh_profile, early_period_clock) -> None:
    fresh_profile.add_device("Exam Room", DeviceOption.PUSH)
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.KEY)
    qtbot.keyClicks(wizard.key_page.key_edit, SECRET)
    wizard.next()
    page = wizard.confirm_page
    row = page.rows[0]
    assert page.isComplete()  # the suggestion is unique

    row.nickname.clear()
    qtbot.keyClicks(row.nickname, "  exam   ROOM ")
    assert not page.isComplete()
    assert row.error.isVisible()
    assert "already" in row.error.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()

    qtbot.keyClicks(row.nickname, "2")
    assert page.isComplete()
    assert not row.error.isVisible()
    assert page.primary.isEnabled()  # not the first device: primary is a choice
    page.primary.setChecked(True)
    assert page.reminder.isVisible()
    finish(wizard)
    names = [d.nickname for d in fresh_profile.devices()]
    assert names == ["Exam Room", "exam ROOM 2"]
    assert fresh_profile.primary().nickname == "exam ROOM 2"


@pytest.mark.parametrize(
    ("uri", "preset"),
    [(URI, True), (f"otpauth://totp/GitHub:jane?secret={SECRET}&issuer=GitHub", False)],
)
def test_idme_device_box_decides_what_finish_enrolls(
    qtbot, fresh_profile, early_period_clock, uri: str, preset: bool
) -> None:
    """Issue 18: pre-set from the issuer; Finish enrolls an ID.me device if ticked, else another account."""
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.LINK)
    wizard.link_page.edit.setPlainText(uri)
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM
    page = wizard.confirm_page
    [row] = page.rows
    assert row.idme.isChecked() is preset
    assert page.primary.isHidden() is not preset  # "primary" means nothing for another account
    row.idme.setChecked(not preset)  # the person knows better than the issuer
    assert page.primary.isHidden() is preset
    row.nickname.setText("Laptop")
    finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted
    [generator] = fresh_profile.generators()
    assert generator.nickname == "Laptop" and generator.otp.secret == SECRET
    assert generator.idme is (not preset)
    assert [d.nickname for d in fresh_profile.devices()] == ([] if preset else ["Laptop"])
    assert [type(a).__name__ for a in wizard.added] == (["Generator"] if preset else ["Device"])


def test_suggested_name_avoids_existing_names(qtbot, fresh_profile, early_period_clock) -> None:
    from epcs_desktop.ui.wizard.confirm_page import computer_name

    fresh_profile.add_device(computer_name(), DeviceOption.PUSH)
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.KEY)
    qtbot.keyClicks(wizard.key_page.key_edit, SECRET)
    wizard.next()
    row = wizard.confirm_page.rows[0]
    assert row.nickname.text() == f"{computer_name()} (2)"
    assert wizard.confirm_page.isComplete()


# --------------------------------------------------------------------------- image files


def test_add_generator_from_an_image_file(qtbot, fresh_profile, early_period_clock, tmp_path: Path) -> None:
    png = qr_png(tmp_path / "idme.png", URI)
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.IMAGE)
    page = wizard.image_page
    assert not page.isComplete()
    qtbot.keyClicks(page.path_edit, str(png))
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert page.isComplete()
    assert "ID.me" in page.status.text()
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM
    finish(wizard)
    [device] = fresh_profile.devices()
    assert device.otp.secret == SECRET
    assert device.otp.account == "jane@example.com"


def test_broken_image_gives_the_qr_error_message(
    qtbot, fresh_profile, early_period_clock, tmp_path: Path
) -> None:
    from epcs_desktop.core.errors import QrError
    from epcs_desktop.core.qr import decode_file

    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really a png")
    with pytest.raises(QrError) as caught:
        decode_file(broken)
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.IMAGE)
    load(qtbot, wizard.image_page, broken)
    assert wizard.image_page.status.text().casefold() == str(caught.value).casefold()
    assert not wizard.image_page.isComplete()


def _status_for(qtbot, fresh_profile, early_period_clock, tmp_path: Path, text: str) -> EnrollWizard:
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.IMAGE)
    load(qtbot, wizard.image_page, qr_png(tmp_path / "code.png", text))
    return wizard


def test_non_authenticator_qr_explains_and_adds_nothing(
    qtbot, fresh_profile, early_period_clock, tmp_path: Path
) -> None:
    from epcs_desktop.core.payload import PayloadKind, classify

    text = "https://www.example.com/menu"
    payload = classify(text)
    assert payload.kind is PayloadKind.URL
    wizard = _status_for(qtbot, fresh_profile, early_period_clock, tmp_path, text)
    assert wizard.image_page.status.text().casefold() == payload.message.casefold()
    assert "authenticator" in payload.message
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.reject()
    assert fresh_profile.devices() == []


def test_idme_activation_link_explains_secret_key_path(
    qtbot, fresh_profile, early_period_clock, tmp_path: Path
) -> None:
    from epcs_desktop.core.payload import IDME_GENERATOR_PATH, IDME_HOST, PayloadKind, classify

    text = f"https://{IDME_HOST}{IDME_GENERATOR_PATH}?token=3f9a7c2e"
    payload = classify(text)
    assert payload.kind is PayloadKind.IDME_ACTIVATION
    wizard = _status_for(qtbot, fresh_profile, early_period_clock, tmp_path, text)
    assert wizard.image_page.status.text().casefold() == payload.message.casefold()
    assert "secret key" in payload.message.casefold()
    assert not wizard.image_page.isComplete()
    wizard.reject()
    assert fresh_profile.devices() == []


def test_google_export_collected_and_chosen(qtbot, fresh_profile, early_period_clock, tmp_path: Path) -> None:
    from epcs_desktop.core.migration import build_migration_uris

    accounts = [
        from_secret(SECRET, issuer="ID.me", account="jane@example.com"),
        from_secret("GEZDGNBVGY3TQOJQGEZDGNBVGY", issuer="Bank", account="jane"),
        from_secret("MFRGGZDFMZTWQ2LKNNWG23TPOA", issuer="Mail", account="jane@mail"),
    ]
    uris = build_migration_uris(accounts, per_code=1)
    assert len(uris) == 3
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.IMAGE)
    page = wizard.image_page
    for i, uri in enumerate(uris[:2]):
        load(qtbot, page, qr_png(tmp_path / f"part{i}.png", uri))
        assert not page.isComplete()
    assert "2 of 3" in page.progress.text()
    load(qtbot, page, qr_png(tmp_path / "part2.png", uris[2]))
    assert page.isComplete()
    wizard.next()
    assert wizard.currentId() == PageId.ACCOUNTS
    boxes = wizard.accounts_page.boxes
    assert [b.text() for b in boxes] == ["ID.me (jane@example.com)", "Bank (jane)", "Mail (jane@mail)"]
    assert [b.isChecked() for b in boxes] == [True, False, False]  # ID.me preselected
    boxes[2].setChecked(True)
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM
    rows = wizard.confirm_page.rows
    assert len(rows) == 2
    assert rows[0].code.text() == group_code(totp_at(accounts[0], T0))
    finish(wizard)
    devices = fresh_profile.all_rows()  # ID.me's is an ID.me device, Mail's another account (issue 18)
    assert [d.otp.issuer for d in devices] == ["ID.me", "Mail"]
    assert [d.nickname for d in fresh_profile.devices()] == [devices[0].nickname]
    assert devices[0].is_primary


# --------------------------------------------------------------------------- paste link


def test_paste_link_validates_inline(qtbot, fresh_profile, early_period_clock) -> None:
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.LINK)
    page = wizard.link_page
    page.edit.setPlainText("otpauth://totp/x?secret=0000")
    assert not page.isComplete()
    assert page.message.text()
    assert "0000" not in page.message.text()
    page.edit.setPlainText(build_uri(from_secret(SECRET, issuer="ID.me", account="dr")))
    assert page.isComplete()
    wizard.next()
    finish(wizard)
    assert fresh_profile.devices()[0].otp.account == "dr"


# --------------------------------------------------------------------------- screen


def test_screen_scan_finds_the_code_on_a_grabbed_screen(qtbot, fresh_profile, early_period_clock) -> None:
    screen = on_canvas(qr_gray(URI, px=8), 1600, 900, (200, 900), grey=235)
    wizard = make_wizard(
        qtbot,
        fresh_profile,
        early_period_clock,
        screen_grabber=lambda: [np.zeros((10, 10, 3), np.uint8), screen],
    )
    go_to(wizard, PageId.SCREEN)
    wizard.screen_page.scan_button.click()
    qtbot.waitUntil(wizard.screen_page.isComplete, timeout=10000)
    assert wizard.windowOpacity() == 1.0  # faded out only while grabbing
    wizard.next()
    assert wizard.confirm_page.rows[0].params.secret == SECRET


def test_screen_capture_refused_offers_other_paths(qtbot, fresh_profile, early_period_clock) -> None:
    from epcs_desktop.core.errors import QrError

    def refuse() -> list[np.ndarray]:
        raise QrError("Screen capture is not allowed on this system")

    wizard = make_wizard(qtbot, fresh_profile, early_period_clock, screen_grabber=refuse)
    go_to(wizard, PageId.SCREEN)
    page = wizard.screen_page
    page.scan_button.click()
    qtbot.waitUntil(page.fallback.isVisible, timeout=5000)
    assert page.status.text() == "Screen capture is not allowed on this system"
    assert page.scan_button.isEnabled()
    assert page.fallback.isVisible()
    page.key_instead.click()
    assert wizard.currentId() == PageId.KEY


# --------------------------------------------------------------------------- webcam


def test_add_generator_from_video_standing_in_for_the_camera(
    qtbot, fresh_profile, early_period_clock, tmp_path: Path
) -> None:
    blank = 12
    video = write_qr_video(tmp_path / "cam.avi", URI, blank=blank, coded=40)
    sources: list[RecordingSource] = []

    def factory(index: int) -> RecordingSource:
        assert index == 0
        sources.append(RecordingSource(video))
        return sources[-1]

    wizard = make_wizard(
        qtbot,
        fresh_profile,
        early_period_clock,
        source_factory=factory,
        cameras=lambda: [_Cam(0, "Test video")],
    )
    page = wizard.camera_page
    observed: list[tuple[int, bool, str]] = []

    go_to(wizard, PageId.CAMERA)
    qtbot.waitUntil(lambda: page.session is not None, timeout=5000)
    session = page.session
    # Queued after the page's own slot, so each record shows what the page said about frame N.
    session.seen.connect(lambda texts, index: observed.append((index, page.isComplete(), page.status.text())))

    qtbot.waitUntil(page.isComplete, timeout=15000)
    assert page.accepted_frame is not None and page.accepted_frame >= blank
    early = [o for o in observed if o[0] < blank]
    assert early, "the decoder never saw a blank frame"
    assert all(not complete for _, complete, _ in early)
    assert all("No QR code yet" in status for _, _, status in early)
    assert "ID.me" in page.status.text()
    assert page.preview.frames_shown > 0
    # Accepting the code released the camera straight away (the threads close it on their own).
    qtbot.waitUntil(sources[0].closed.is_set, timeout=5000)
    assert sources[0].closed.is_set()
    assert page.session is None

    wizard.next()
    finish(wizard)
    [device] = fresh_profile.devices()
    assert device.otp.secret == SECRET


def test_camera_shows_the_idme_activation_message_and_accepts_nothing(
    qtbot, fresh_profile, early_period_clock, tmp_path: Path
) -> None:
    from epcs_desktop.core.payload import IDME_GENERATOR_PATH, IDME_HOST, classify

    text = f"https://{IDME_HOST}{IDME_GENERATOR_PATH}?token=77aa"
    video = write_qr_video(tmp_path / "idme.avi", text, blank=2, coded=200)
    wizard = make_wizard(
        qtbot,
        fresh_profile,
        early_period_clock,
        source_factory=lambda i: RecordingSource(video),
        cameras=lambda: [_Cam(0, "v")],
    )
    go_to(wizard, PageId.CAMERA)
    page = wizard.camera_page
    expected = classify(text).message
    qtbot.waitUntil(lambda: page.status.text() == expected, timeout=10000)
    assert not page.isComplete()
    wizard.reject()
    assert fresh_profile.devices() == []


def test_camera_page_guides_a_covered_code_and_says_nothing_on_an_empty_scene(
    qtbot, fresh_profile, early_period_clock, tmp_path: Path
) -> None:
    """Generated webcam clips (bench/qr_sequences.py): fingers over a finder pattern, then an empty desk."""
    from epcs_desktop.core.scan_guide import Hint
    from qr_support import sequence_clip, write_video

    covered = sequence_clip("fingers", 1, frames=10)
    empty = sequence_clip("empty", 0, frames=10)
    videos = {
        0: write_video(tmp_path / "covered.avi", covered.frames * 12, fps=30.0),
        1: write_video(tmp_path / "empty.avi", empty.frames * 12, fps=30.0),
    }
    wizard = make_wizard(
        qtbot,
        fresh_profile,
        early_period_clock,
        source_factory=lambda i: RecordingSource(videos[i]),
        cameras=lambda: [_Cam(0, "covered"), _Cam(1, "empty")],
    )
    go_to(wizard, PageId.CAMERA)
    page = wizard.camera_page
    qtbot.waitUntil(lambda: page.status.text() == Hint.UNCOVER.text, timeout=10000)
    page.camera_combo.setCurrentIndex(1)
    page.camera_combo.activated.emit(1)
    qtbot.waitUntil(lambda: page.session is not None and page.session.frames_decoded > 20, timeout=10000)
    assert page.status.text() == "No QR code yet. Hold the code inside the box."
    assert not page.isComplete()
    wizard.reject()


class _Cam:
    def __init__(self, index: int, name: str) -> None:
        self.index = index
        self.name = name


@pytest.mark.parametrize("exit_path", ["cancel", "back", "close", "lock"])
def test_camera_is_released_on_every_exit_path(
    qtbot, fresh_profile, early_period_clock, tmp_path: Path, exit_path: str
) -> None:
    video = write_qr_video(tmp_path / "blank.avi", URI, blank=400, coded=0)
    sources: list[RecordingSource] = []

    def factory(index: int) -> RecordingSource:
        sources.append(RecordingSource(video))
        return sources[-1]

    wizard = make_wizard(
        qtbot, fresh_profile, early_period_clock, source_factory=factory, cameras=lambda: [_Cam(0, "v")]
    )
    go_to(wizard, PageId.CAMERA)
    page = wizard.camera_page
    # Frames can reach the preview before the first decode's verdict reaches the status
    # line (a loaded machine): wait for both, the camera is then surely in use.
    qtbot.waitUntil(
        lambda: page.preview.frames_shown >= 3 and "No QR code yet" in page.status.text(), timeout=10000
    )
    assert not sources[0].closed.is_set()
    if exit_path == "cancel":
        wizard.button(QWizard.WizardButton.CancelButton).click()
    elif exit_path == "back":
        wizard.back()
        assert wizard.currentId() == PageId.METHOD
    elif exit_path == "close":
        wizard.close()
    else:
        wizard.reject()  # what the main window does when it locks
    assert page.session is None
    # The threads are told to stop and close the camera on their own: closing never waits for them.
    qtbot.waitUntil(sources[0].closed.is_set, timeout=5000)
    assert sources[0].closed.is_set()


def test_no_camera_is_a_message_with_other_paths(qtbot, fresh_profile, early_period_clock) -> None:
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock, cameras=lambda: [])
    go_to(wizard, PageId.CAMERA)
    page = wizard.camera_page
    qtbot.waitUntil(page.fallback.isVisible, timeout=5000)
    assert "No camera" in page.status.text()
    assert page.fallback.isVisible()
    assert page.session is None
    page.image_instead.click()
    assert wizard.currentId() == PageId.IMAGE


def test_camera_that_fails_to_open_is_a_message(qtbot, fresh_profile, early_period_clock) -> None:
    from epcs_desktop.core.errors import CameraError

    def factory(index: int):
        raise CameraError("The camera is in use by another program")

    wizard = make_wizard(
        qtbot, fresh_profile, early_period_clock, source_factory=factory, cameras=lambda: [_Cam(0, "v")]
    )
    go_to(wizard, PageId.CAMERA)
    page = wizard.camera_page
    qtbot.waitUntil(page.fallback.isVisible, timeout=5000)
    assert page.status.text() == "The camera is in use by another program"
    assert not page.isComplete()


def test_real_screen_grab_without_a_display_points_elsewhere(
    qtbot, fresh_profile, early_period_clock
) -> None:
    """Offscreen Qt has no screen to capture: the real grabber refuses and the page says so."""
    from epcs_desktop.ui.screen_grab import grab_screens

    with pytest.raises(EpcsError) as refused:
        grab_screens(fresh_profile.policy.current())
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.SCREEN)
    page = wizard.screen_page
    qtbot.keyClick(page.scan_button, Qt.Key.Key_Space)  # keyboard only
    qtbot.waitUntil(page.fallback.isVisible, timeout=5000)
    assert page.status.text() == str(refused.value)
    assert not page.isComplete()


def test_keyboard_only_enrollment_and_secrets_forgotten(qtbot, fresh_profile, early_period_clock) -> None:
    """Arrow keys pick the method, typing fills the fields, Enter moves on and finishes."""
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=5000)
    method = wizard.method_page
    method.buttons[PageId.SCREEN].setFocus()
    assert method.buttons[PageId.SCREEN].hasFocus()
    qtbot.keyClick(method.buttons[PageId.SCREEN], Qt.Key.Key_Down)
    qtbot.keyClick(method.buttons[PageId.IMAGE], Qt.Key.Key_Down)
    assert method.chosen() == PageId.KEY
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.KEY
    assert wizard.focusWidget() is wizard.key_page.key_edit
    qtbot.keyClicks(wizard.key_page.key_edit, SECRET.lower())
    qtbot.keyClick(wizard.key_page.key_edit, Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.CONFIRM
    nickname = wizard.confirm_page.rows[0].nickname
    assert wizard.focusWidget() is nickname
    qtbot.keyClicks(nickname, "Front desk PC")  # the suggestion is selected: typing replaces it
    qtbot.keyClick(nickname, Qt.Key.Key_Return)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert [d.nickname for d in fresh_profile.devices()] == ["Front desk PC"]
    # Nothing secret lingers in the closed wizard.
    assert wizard.key_page.key_edit.text() == ""
    assert wizard.state.candidates == []
    assert all(row.code.text() == "" for row in wizard.confirm_page.rows)


def test_every_input_has_an_accessible_name(qtbot, fresh_profile, early_period_clock) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit

    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton)
    unnamed = [
        f"{type(w).__name__} on {type(page).__name__}"
        for page in (wizard.page(i) for i in wizard.pageIds())
        for w in page.findChildren(QWidget)
        if isinstance(w, kinds)
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
        and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)
    ]
    assert unnamed == []


def test_name_taken_meanwhile_keeps_the_wizard_open(qtbot, fresh_profile, early_period_clock) -> None:
    """Finish re-checks the name; a refusal leaves the wizard open with the code still shown."""
    wizard = make_wizard(qtbot, fresh_profile, early_period_clock)
    go_to(wizard, PageId.KEY)
    qtbot.keyClicks(wizard.key_page.key_edit, SECRET)
    wizard.next()
    row = wizard.confirm_page.rows[0]
    row.nickname.setText("Laptop")
    fresh_profile.add_device("LAPTOP", DeviceOption.GENERATOR_OTHER)  # e.g. from the main window meanwhile
    finish(wizard)
    assert wizard.isVisible()
    assert wizard.currentId() == PageId.CONFIRM
    assert "already" in row.error.text()
    assert row.code.text() == group_code(totp_at(from_secret(SECRET), T0))
    assert [d.nickname for d in fresh_profile.devices()] == ["LAPTOP"]
    row.nickname.setText("Laptop 2")
    finish(wizard)
    assert not wizard.isVisible()
    assert [d.nickname for d in fresh_profile.devices()] == ["LAPTOP", "Laptop 2"]


# --------------------------------------------------------------------------- results that arrive late
# Background results that arrive after the wizard moved on, closed or was deleted (review findings).
#
# A decode or a camera probe runs on a worker thread and reports by a queued
# signal, so its result is delivered only when the event loop runs again. The
# tests start the work and close / leave / delete the wizard in the same turn of
# the event loop, which makes "the result arrives late" deterministic.
# Exceptions raised in a slot fail the test (pytest-qt captures them).


class _Cam:
    def __init__(self, index: int, name: str) -> None:
        self.index = index
        self.name = name


def _late_wizard(qtbot, fresh_profile, parent: QWidget | None = None, **kwargs) -> EnrollWizard:
    wizard = EnrollWizard(fresh_profile, parent, clock=FixedClock(1_700_000_007.0), **kwargs)
    if parent is None:
        qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _go(wizard: EnrollWizard, page: PageId) -> None:
    wizard.method_page.choose(page)
    wizard.next()
    assert wizard.currentId() == page


def _qr_png(path: Path) -> Path:
    qrcode.make(URI, box_size=8, border=4).save(path)
    return path


def _delete_now(widget: QWidget) -> None:
    """What a lock does to the main window (and so to the wizard parented to it)."""
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _pool_idle(qtbot) -> None:
    """Every background task delivered or dropped (ui.tasks' deterministic wait), the pool idle."""
    wait_for_tasks(qtbot, 20_000)
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=20000)


def test_image_result_after_the_wizard_was_deleted_is_dropped(qtbot, fresh_profile, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    wizard = _late_wizard(qtbot, fresh_profile, parent)
    _go(wizard, PageId.IMAGE)
    wizard.image_page.load_file(str(_qr_png(tmp_path / "code.png")))
    _delete_now(parent)
    _pool_idle(qtbot)  # before the fix: RuntimeError, the page's label was already deleted
    assert fresh_profile.devices() == []


def test_image_result_after_cancel_does_not_bring_the_secret_back(
    qtbot, fresh_profile, tmp_path: Path
) -> None:
    wizard = _late_wizard(qtbot, fresh_profile)
    _go(wizard, PageId.IMAGE)
    page = wizard.image_page
    page.load_file(str(_qr_png(tmp_path / "code.png")))
    wizard.reject()  # the wizard forgets its secrets now; the decode is still on its way
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert wizard.state.candidates == []
    assert not page.isComplete()


def test_image_result_after_back_is_not_taken_by_a_page_no_longer_shown(
    qtbot, fresh_profile, tmp_path: Path
) -> None:
    wizard = _late_wizard(qtbot, fresh_profile)
    _go(wizard, PageId.IMAGE)
    page = wizard.image_page
    page.load_file(str(_qr_png(tmp_path / "code.png")))
    wizard.back()
    assert wizard.currentId() == PageId.METHOD
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert wizard.state.candidates == []
    assert not page.isComplete()
    # Going forward again works normally.
    wizard.next()
    page.load_file(str(tmp_path / "code.png"))
    qtbot.waitUntil(page.isComplete, timeout=10000)
    assert [c.secret for c in wizard.state.candidates] == [SECRET]


def test_screen_result_after_the_wizard_was_deleted_is_dropped(qtbot, fresh_profile) -> None:
    noise = (np.random.default_rng(7).random((1500, 2000, 3)) * 255).astype("uint8")
    parent = QWidget()
    qtbot.addWidget(parent)
    wizard = _late_wizard(qtbot, fresh_profile, parent, screen_grabber=lambda: [noise])
    _go(wizard, PageId.SCREEN)
    page = wizard.screen_page
    page.scan()
    pool = QThreadPool.globalInstance()
    qtbot.waitUntil(lambda: pool.activeThreadCount() > 0 or not page.busy, timeout=5000)  # decoding
    _delete_now(parent)
    _pool_idle(qtbot)
    assert fresh_profile.devices() == []


def test_camera_list_after_the_wizard_was_deleted_starts_no_camera(qtbot, fresh_profile) -> None:
    probing = threading.Event()
    release = threading.Event()
    opened: list[int] = []

    def cameras() -> list[_Cam]:
        probing.set()
        release.wait(10)
        return [_Cam(0, "late camera")]

    def factory(index: int):
        opened.append(index)
        raise AssertionError("no camera may be opened for a deleted wizard")

    parent = QWidget()
    qtbot.addWidget(parent)
    wizard = _late_wizard(qtbot, fresh_profile, parent, cameras=cameras, source_factory=factory)
    _go(wizard, PageId.CAMERA)
    assert probing.wait(5)
    _delete_now(parent)
    release.set()
    _pool_idle(qtbot)  # before the fix: RuntimeError from the deleted page's wizard()
    assert opened == []


# --------------------------------------------------------------------------- Finish: all or nothing
# Finish adds several accounts all-or-nothing and refuses HOTP on the row it belongs to.

S1 = SECRET
S2 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


def _finish_wizard(qtbot, fresh_profile) -> EnrollWizard:
    wizard = EnrollWizard(fresh_profile, None, clock=FixedClock(1_700_000_007.0))
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    wizard.method_page.choose(PageId.IMAGE)
    wizard.next()
    return wizard


def _to_confirm(qtbot, wizard: EnrollWizard, accounts: list, tmp_path: Path) -> None:
    png = tmp_path / "export.png"
    qrcode.make(build_migration_uris(accounts, per_code=10)[0], box_size=8).save(png)
    wizard.image_page.load_file(str(png))
    qtbot.waitUntil(lambda: not wizard.image_page.busy, timeout=10000)
    wizard.next()
    for box in wizard.accounts_page.boxes:
        box.setChecked(True)
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM


def test_finish_with_several_accounts_is_all_or_nothing(qtbot, fresh_profile, tmp_path: Path) -> None:
    accounts = [from_secret(S1, issuer="ID.me", account="a"), from_secret(S2, issuer="Bank", account="b")]
    wizard = _finish_wizard(qtbot, fresh_profile)
    _to_confirm(qtbot, wizard, accounts, tmp_path)
    rows = wizard.confirm_page.rows
    rows[0].nickname.setText("One")
    rows[1].nickname.setText("Two")
    seen: list[list[str]] = []

    def meanwhile(_event: object = None) -> None:  # another window reads the profile after each change
        seen.append([d.nickname for d in fresh_profile.all_rows()])

    fresh_profile.add_listener(meanwhile)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
    assert seen == [["One", "Two"]]  # never a state with only the first account saved
    assert [d.nickname for d in wizard.added] == ["One", "Two"]


def test_finish_refused_midway_saves_nothing_and_can_be_completed(
    qtbot, fresh_profile, tmp_path: Path
) -> None:
    accounts = [from_secret(S1, issuer="ID.me", account="a"), from_secret(S2, issuer="Bank", account="b")]
    wizard = _finish_wizard(qtbot, fresh_profile)
    _to_confirm(qtbot, wizard, accounts, tmp_path)
    rows = wizard.confirm_page.rows
    rows[0].nickname.setText("One")
    rows[1].nickname.setText("Two")
    # a real SQLite trigger makes the second insert fail at run time, as a full disk would (a VaultError)
    fresh_profile.vault.conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON device WHEN NEW.nickname = 'Two' "
        "BEGIN SELECT json('not json'); END"
    )
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and wizard.confirm_page.error.text()
    assert fresh_profile.all_rows() == []  # the first account was not left behind
    assert wizard.confirm_page.nickname_problems() == [None, None]
    fresh_profile.vault.conn.execute("DROP TRIGGER refuse")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
    assert [d.nickname for d in fresh_profile.all_rows()] == ["One", "Two"]


def test_hotp_account_is_held_since_issue_13(qtbot, fresh_profile, tmp_path: Path) -> None:
    accounts = [
        from_secret(S1, issuer="ID.me", account="a"),
        from_secret(S2, issuer="Bank", account="b", kind="hotp", counter=3),
    ]
    wizard = _finish_wizard(qtbot, fresh_profile)
    _to_confirm(qtbot, wizard, accounts, tmp_path)
    assert wizard.confirm_page.nickname_problems() == [None, None]
    assert HOTP_MESSAGE not in wizard.confirm_page.rows[1].error.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert [(d.otp.kind, d.otp.counter) for d in fresh_profile.all_rows()] == [("totp", 0), ("hotp", 3)]


def test_key_page_suggests_the_letter_and_informs_about_short_keys(qtbot, data_dir_store) -> None:
    from epcs_desktop.ui.wizard import EnrollWizard

    with data_dir_store.create("Dr Key", PASSWORD) as p:
        wizard = EnrollWizard(p, clock=FixedClock(T0))
        qtbot.addWidget(wizard)
        page = wizard.key_page
        page.key_edit.setText("JBSWY3DPEHPK3PX8")
        text = page.message.text()
        assert "did you mean the letter B?" in text and "Character 16" in text
        assert "Base32" not in text and not page.isComplete()
        page.key_edit.setText("JBSWY3DPEHPK3PXP")
        text = page.message.text()
        assert text.startswith("The key looks right.") and "80-bit key" in text
        assert "only" not in text and "recommended" not in text and page.isComplete()


def test_image_messages_name_no_library_and_use_one_format_list(
    qtbot, data_dir_store, tmp_path: Path
) -> None:
    from epcs_desktop.core.errors import QrError
    from epcs_desktop.core.qr import IMAGE_FORMATS, IMAGE_FORMATS_TEXT, IMAGE_PATTERNS, decode_file
    from epcs_desktop.ui.wizard import EnrollWizard

    bad = tmp_path / "notes.png"
    bad.write_bytes(b"this is not a picture")
    with pytest.raises(QrError) as caught:
        decode_file(bad)
    message = str(caught.value)
    assert "Pillow" not in message and "notes.png" in message and IMAGE_FORMATS_TEXT in message
    with data_dir_store.create("Dr Image", PASSWORD) as p:
        wizard = EnrollWizard(p, clock=FixedClock(T0))
        qtbot.addWidget(wizard)
        subtitle = wizard.image_page.subTitle()
    assert IMAGE_FORMATS_TEXT in subtitle
    for name, exts in IMAGE_FORMATS:
        assert name in subtitle and all(f"*.{e}" in IMAGE_PATTERNS for e in exts)
