"""ui/export_dialog.py: File › Export asks for the profile password, warns for plain formats, owner-only."""

from __future__ import annotations

from pathlib import Path

from gui_support import BANK_HOTP, EXPORT_PASSWORD, OFFICE_TOTP

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.importers import read_import_file
from epcs_desktop.ui.export_dialog import ExportDialog
from epcs_desktop.ui.tasks import wait_for_tasks
from owner_only_support import assert_owner_only

T0 = 1_700_000_007.0


def test_export_needs_the_profile_password_and_writes_an_owner_only_file(
    qtbot, totp_hotp_push_profile, tmp_path: Path
) -> None:
    dialog = ExportDialog(totp_hotp_push_profile, None, clock=FixedClock(T0))
    qtbot.addWidget(dialog)
    assert "2 code generators" in dialog.count.text()
    dialog.format.setCurrentIndex(dialog.format.findData("aegis-encrypted"))
    assert dialog.export_password.isVisibleTo(dialog) and "export password" in dialog.warning.text()
    target = tmp_path / "codes.json"
    dialog.path.setText(str(target))
    dialog.export_password.password.setText("export-pass-1")
    dialog.export_password.confirm.setText("export-pass-1")
    dialog.password.setText("not the password")
    dialog.export()
    wait_for_tasks(qtbot, 30_000)
    assert "not this profile's password" in dialog.error.text()
    assert not target.exists()
    dialog.password.setText(EXPORT_PASSWORD)
    dialog.export()
    wait_for_tasks(qtbot, 30_000)
    assert dialog.written == target
    assert_owner_only(target)
    assert read_import_file(target, "export-pass-1").accounts == [OFFICE_TOTP, BANK_HOTP]
    assert totp_hotp_push_profile.activity(1)[0].action == "codes exported"


def test_export_never_over_a_profile_file_and_plain_formats_warn(qtbot, totp_hotp_push_profile) -> None:
    dialog = ExportDialog(totp_hotp_push_profile, None, clock=FixedClock(T0))
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("otpauth"))
    assert not dialog.export_password.isVisibleTo(dialog)
    assert "without any protection" in dialog.warning.text()
    dialog.path.setText(str(totp_hotp_push_profile.path))
    dialog.password.setText(EXPORT_PASSWORD)
    before = totp_hotp_push_profile.path.read_bytes()
    dialog.export()
    assert "profile file" in dialog.error.text()
    assert totp_hotp_push_profile.path.read_bytes() == before
