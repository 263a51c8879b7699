"""Parity: the same scenario through the window and through the CLI ends the same way.

Each test drives the real window (pytest-qt, real widgets, a real SQLCipher
profile) and the real CLI (`python -m epcs_desktop` in a subprocess, or on a
pseudo-terminal where it must prompt), and asserts one outcome and one
sentence for both: the rule lives in core/ once, and both front ends say it.
"""

from __future__ import annotations

import os
import select
import sys
import time
from pathlib import Path

import pytest
import qrcode
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

from cli_support import run
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import parse_uri
from epcs_desktop.core.passwords import MISMATCH, TOO_SHORT
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.ui.frontdesk import NewPasswordDialog
from epcs_desktop.ui.start import StartWindow
from epcs_desktop.ui.wizard import EnrollWizard
from epcs_desktop.ui.wizard.ids import PageId
from profile_support import store_at

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
URI = f"otpauth://totp/ID.me:jane%40example.com?secret={SECRET}&issuer=ID.me"
PASSWORD = "correct horse battery staple"
TEMP = "front-desk-temp-1"
MINE = "my own secret phrase"
DUPLICATE = "This account is already in this profile as “Office PC”."
TEMPORARY = "this profile's temporary password must be replaced: run `epcs-desktop profile passwd 'Dr Park'`"


def _error_line(proc) -> str:
    return proc.stderr.strip().splitlines()[-1].removeprefix("error: ")


# -- (a) the same account twice --------------------------------------------------------------------


def test_the_same_account_twice_is_refused_in_window_and_cli(qtbot, data_dir: Path, tmp_path: Path) -> None:
    store = store_at(data_dir)
    profile = store.create("Dr Test", PASSWORD)
    try:
        profile.add_device("Office PC", DeviceOption.GENERATOR_HERE, otp=parse_uri(URI))

        # Window: the wizard reads a picture of the same QR code; its confirm page refuses it.
        png = tmp_path / "again.png"
        qrcode.make(URI, box_size=8, border=4).save(png)
        wizard = EnrollWizard(profile, None, clock=profile.clock)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.method_page.choose(PageId.IMAGE)
        wizard.next()
        wizard.image_page.load_file(str(png))
        qtbot.waitUntil(lambda: not wizard.image_page.busy, timeout=10_000)
        wizard.next()
        assert wizard.currentId() == PageId.CONFIRM
        row = wizard.confirm_page.rows[0]
        row.nickname.setText("Laptop")  # a new name does not make it a new account
        assert wizard.confirm_page.nickname_problems() == [DUPLICATE]
        assert row.error.text() == DUPLICATE
        assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
        wizard.reject()
        assert [d.nickname for d in profile.devices()] == ["Office PC"]
    finally:
        profile.close()

    # CLI: `device add` of the same URI, under another nickname.
    proc = run(
        data_dir, "device", "add", "-p", "Dr Test", "--nickname", "Laptop", "--uri", URI, password=PASSWORD
    )
    assert proc.returncode == 2
    assert _error_line(proc) == DUPLICATE
    with store.open("Dr Test", PASSWORD) as again:
        assert [d.nickname for d in again.devices()] == ["Office PC"]


# -- (b) a profile on its temporary password ---------------------------------------------------------


def test_a_temporary_password_is_refused_by_the_cli_and_replaced_in_the_window(
    qtbot, controller, data_dir: Path
) -> None:
    store = controller.store
    store.create("Dr Park", TEMP, temporary=True).close()

    # CLI: any command but `profile passwd` refuses, with exit 5 and one line.
    proc = run(data_dir, "codes", "-p", "Dr Park", password=TEMP)
    assert proc.returncode == 5
    assert _error_line(proc) == TEMPORARY
    assert proc.stdout == ""  # no code was printed

    # Window: the same password unlocks, and the clinician must choose their own before anything shows.
    start: StartWindow = controller.start_window
    start.reload_profiles("Dr Park")
    seen: list[str] = []

    def choose_own() -> None:  # polled: the dialog comes once the unlock's KDF is done
        dialog = QApplication.activeModalWidget()
        if dialog is None or seen:
            return
        seen.append(type(dialog).__name__)
        if not isinstance(dialog, NewPasswordDialog):
            dialog.reject()
            return
        shown_before.append(controller.main_window)  # nothing of the profile is shown yet
        dialog.new_edit.setText(MINE)
        dialog.confirm_edit.setText(MINE)
        dialog.submit()

    shown_before: list[object] = []
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(choose_own)
    poll.start()
    start.password.setText(TEMP)
    try:
        with qtbot.waitSignal(controller.unlocked, timeout=30_000):
            start.unlock()
    finally:
        poll.stop()
    assert shown_before == [None]
    assert seen == ["NewPasswordDialog"]
    assert controller.main_window is not None
    assert not controller.profile.requires_new_password
    controller.lock()

    # ... after which the CLI opens it with the clinician's password, and no longer with the temporary one.
    assert run(data_dir, "codes", "-p", "Dr Park", password=MINE).returncode == 0
    assert run(data_dir, "codes", "-p", "Dr Park", password=TEMP).returncode == 3


# -- (c) the password policy ------------------------------------------------------------------------


def _cli_on_a_terminal(data_dir: Path, args: list[str], answers: list[str]) -> tuple[int, str]:
    """Run the CLI with a real pseudo-terminal as its controlling terminal and type `answers` at prompts."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EPCS_DESKTOP_")}
    env["EPCS_DESKTOP_DATA_DIR"] = str(data_dir)
    import pty  # POSIX only (termios): imported here so the module still loads on Windows

    pid, fd = pty.fork()
    if pid == 0:  # the child: its controlling terminal is the pty (getpass reads /dev/tty)
        try:
            os.execve(sys.executable, [sys.executable, "-m", "epcs_desktop", *args], env)  # noqa: S606
        finally:
            os._exit(127)  # never return into the test runner
    output = b""
    since_answer = b""  # answer a prompt only once it is on screen (getpass flushes typed-ahead input)
    pending = list(answers)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal: it has ended
            break
        if not chunk:
            break
        output += chunk
        since_answer += chunk
        if pending and since_answer.rstrip().endswith(b":"):
            time.sleep(0.1)  # let getpass finish turning echo off before typing
            os.write(fd, pending.pop(0).encode() + b"\n")
            since_answer = b""
    else:
        os.kill(pid, 9)  # never leave a child waiting at a prompt
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


def _window_create(qtbot, data_dir_store: ProfileStore, password: str, confirm: str) -> str:
    window = StartWindow(data_dir_store)
    qtbot.addWidget(window)
    window.show_create()
    window.new_name.setText("Dr Kim")
    window.new_password.setText(password)
    window.new_password2.setText(confirm)
    window.create_profile()
    assert not window.busy  # refused at once: nothing was started
    return window.create_error.text()


@pytest.mark.parametrize(
    ("password", "confirm", "message"),
    [("short", "short", TOO_SHORT), ("a long passphrase", "a long passphrase!", MISMATCH)],
    ids=["too-short", "mismatch"],
)
@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal (pty), which Windows lacks")
def test_the_password_policy_says_the_same_in_window_and_cli(
    qtbot, data_dir: Path, password: str, confirm: str, message: str
) -> None:
    store = store_at(data_dir)
    assert _window_create(qtbot, store, password, confirm) == message

    code, output = _cli_on_a_terminal(data_dir, ["profile", "create", "Dr Kim"], [password, confirm])
    assert code == 2, output
    assert f"error: {message}" in output
    assert store.list() == []  # neither made a profile


# -- (d) IT's "at most" ---------------------------------------------------------------------------------


def test_an_at_most_lock_says_the_same_in_window_and_cli(qtbot, data_dir: Path, policy_file) -> None:
    """auto_lock_minutes {"max": 5}: Settings' Save and `settings set` refuse 10 with one sentence."""
    from PySide6.QtWidgets import QSpinBox

    from epcs_desktop.ui.dialogs import SettingsDialog

    path = policy_file({"settings": {"auto_lock_minutes": {"max": 5}}})
    expected = (
        f"“Lock after inactivity (minutes)”: between 1 and 5, set by your practice's IT (policy file {path})."
    )
    profile = store_at(data_dir).create("Dr Bound", PASSWORD)
    try:
        dialog = SettingsDialog(profile)
        qtbot.addWidget(dialog)
        spin = dialog.editors["auto_lock_minutes"]
        assert isinstance(spin, QSpinBox) and spin.isEnabled()
        spin.setValue(10)
        dialog.accept()
        assert dialog.error.text() == expected
        spin.setValue(4)
        dialog.accept()
        assert profile.settings.auto_lock_minutes == 4
    finally:
        profile.close()
    env = {"EPCS_DESKTOP_POLICY": str(path)}
    r = run(
        data_dir, "settings", "set", "-p", "Dr Bound", "auto_lock_minutes", "10", password=PASSWORD, env=env
    )
    assert r.returncode == 2 and r.stderr == f"error: {expected}\n"
    r = run(
        data_dir, "settings", "set", "-p", "Dr Bound", "auto_lock_minutes", "0", password=PASSWORD, env=env
    )
    assert r.returncode == 2 and r.stderr == f"error: {expected}\n"  # "never" is not at most 5


# -- (e) one context: the IT policy comes from it, in both front ends (issue 18) ----------------------


def test_a_fixed_policy_in_the_context_turns_export_off_in_window_and_cli(
    qtbot, data_dir: Path, tmp_path: Path
) -> None:
    """No policy file is written: the policy reaches the window and the command only through the context."""
    from epcs_desktop.cli import build_parser
    from epcs_desktop.core.clock import FixedClock
    from epcs_desktop.core.context import AppContext, FixedPolicy, MachinePolicy
    from epcs_desktop.core.export import EXPORT_DISABLED, ExportError
    from epcs_desktop.core.platform import current as current_platform
    from epcs_desktop.ui.controller import AppController

    no_exports = FixedPolicy.of({"disable_export": {"value": True, "locked": True}})
    context = AppContext(FixedClock(2e9), no_exports, data_dir, current_platform())
    assert not MachinePolicy(current_platform()).current().locked("disable_export")  # this machine: no policy
    store = ProfileStore(context)
    store.create("Dr Fixed", PASSWORD).close()

    # Window: File › Export is off, with IT's sentence, and refused if triggered anyway.
    controller = AppController(store, context.clock, show_notice=False)
    try:
        window = controller.open_profile(store.open("Dr Fixed", PASSWORD))
        qtbot.addWidget(window)
        assert not window.export_action.isEnabled()
        assert window.export_action.toolTip() == EXPORT_DISABLED
        window.dialog = None
        window.export_codes()
        assert window.dialog is None
    finally:
        controller.ticker.stop()
        controller.shutdown()
        QApplication.instance().removeEventFilter(controller)
        controller.start_window.deleteLater()

    # CLI: the `export` command's own handler, given the same context, refuses with the same sentence.
    out = tmp_path / "codes.txt"
    args = build_parser().parse_args(["export", "-p", "Dr Fixed", "--format", "otpauth", str(out)])
    with pytest.raises(ExportError) as refused:
        args.func(args, context)
    assert str(refused.value) == EXPORT_DISABLED and not out.exists()
