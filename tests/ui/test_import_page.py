"""The wizard's "Import from another app" page: the CLI's import plan, in the window.

Real fresh_profile, real files (an Aegis export made in the documented format by our
exporter, Google export QR pictures made with `qrcode`), the real worker thread.
"""

from __future__ import annotations

from pathlib import Path

import qrcode
from PySide6.QtWidgets import QWizard

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.export import ExportEntry, render, write_export
from epcs_desktop.core.migration import build_migration_uris
from epcs_desktop.core.otpauth import build_uri, from_secret
from epcs_desktop.ui.tasks import wait_for_tasks
from epcs_desktop.ui.wizard import EnrollWizard
from epcs_desktop.ui.wizard.ids import PageId

S1 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
S2 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
S3 = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT"
A1 = from_secret(S1, issuer="ID.me", account="jane@clinic.org")
A2 = from_secret(S2, issuer="Bank", account="j", kind="hotp", counter=7)
A3 = from_secret(S3, issuer="Steam", account="gamer", kind="steam", digits=5)
PASSWORD = "correct horse battery staple"
CLOCK = FixedClock(1_700_000_007.0)


def _wizard(qtbot, fresh_profile) -> EnrollWizard:
    wizard = EnrollWizard(fresh_profile, None, clock=CLOCK)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    wizard.method_page.choose(PageId.IMPORT)
    wizard.next()
    assert wizard.currentId() == PageId.IMPORT
    return wizard


def _lines(page) -> list[str]:
    return [page.preview.item(i).text() for i in range(page.preview.count())]


def test_encrypted_aegis_export_asks_password_previews_and_imports(
    qtbot, fresh_profile, tmp_path: Path
) -> None:
    fresh_profile.add_device("Office PC", DeviceOption.GENERATOR_HERE, otp=A1)  # already held: skipped
    entries = [ExportEntry("a", A1), ExportEntry("b", A2), ExportEntry("c", A3)]
    path = write_export(
        tmp_path / "aegis.json",
        render("aegis-encrypted", entries, clock=CLOCK, password="pw-123456"),
        fresh_profile,
    )
    wizard = _wizard(qtbot, fresh_profile)
    page = wizard.import_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    page.read_files([str(path)])
    wait_for_tasks(qtbot, 30_000)
    assert page.password_row.isVisible() and "password is needed" in page.password_label.text()
    assert not finish.isEnabled()
    page.password.setText("wrong password")
    page.unlock()
    wait_for_tasks(qtbot, 30_000)
    assert page.password_row.isVisible() and "does not open" in page.password_label.text()
    page.password.setText("pw-123456")
    page.unlock()
    wait_for_tasks(qtbot, 30_000)
    assert not page.password_row.isVisible()
    lines = _lines(page)
    assert lines[0] == "Skip: ID.me (jane@clinic.org) is already in this profile as “Office PC”"
    assert lines[1].startswith("Add: Bank (j) as “Bank (j)”") and "counter-based" in lines[1]
    assert lines[2].startswith("Add: Steam (gamer) as “Steam (gamer)”")
    assert finish.isEnabled()
    for line in lines:
        assert S1 not in line and S2 not in line and S3 not in line
    finish.click()
    assert [d.nickname for d in wizard.added] == ["Bank (j)", "Steam (gamer)"]
    assert [(d.otp.kind, d.otp.counter) for d in fresh_profile.all_rows()[1:]] == [("hotp", 7), ("steam", 0)]
    assert [d.nickname for d in fresh_profile.devices()] == ["Office PC"]  # imports are other accounts


def test_google_export_pictures_added_one_by_one_make_one_export(
    qtbot, fresh_profile, tmp_path: Path
) -> None:
    uris = build_migration_uris([A1, from_secret(S2, issuer="Lab", account="x")], per_code=1, batch_id=3)
    pictures = []
    for i, uri in enumerate(uris):
        pic = tmp_path / f"shot{i}.png"
        qrcode.make(uri, box_size=6, border=4).save(pic)
        pictures.append(str(pic))
    wizard = _wizard(qtbot, fresh_profile)
    page = wizard.import_page
    page.read_files([pictures[0]])
    wait_for_tasks(qtbot, 30_000)
    assert any("incomplete (1 of 2 codes read; missing code 2)" in line for line in _lines(page))
    page.read_files([pictures[1]])
    wait_for_tasks(qtbot, 30_000)
    lines = _lines(page)
    assert not any("incomplete" in line for line in lines)
    assert [line.split(" as ")[0] for line in lines] == ["Add: ID.me (jane@clinic.org)", "Add: Lab (x)"]


def test_pasted_links_with_text_around_them_and_problems_per_entry(qtbot, fresh_profile) -> None:
    wizard = _wizard(qtbot, fresh_profile)
    page = wizard.import_page
    page.paste.setPlainText(
        f"QR-Code:{build_uri(A1)}\n"
        f"otpauth://yandex/Yandex:ivan?secret={S2}\n"
        f"otpauth://totp/GitHub%3Ajane?secret={S3}\n"
    )
    page.read_pasted()
    assert page.paste.toPlainText() == ""  # secrets do not linger in the widget
    lines = _lines(page)
    assert lines[0].startswith("Add: ID.me (jane@clinic.org)")
    assert lines[1].startswith("Add: GitHub (jane)")
    assert lines[2].startswith("Problem: pasted text: line 2: ")
    assert "Yandex codes are not supported" in lines[2]
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert [d.nickname for d in fresh_profile.all_rows()] == ["ID.me (jane@clinic.org)", "GitHub (jane)"]
    assert [d.nickname for d in fresh_profile.devices()] == ["ID.me (jane@clinic.org)"]  # issuer ID.me


def test_nothing_is_added_when_the_profile_changed_meanwhile(qtbot, fresh_profile) -> None:
    wizard = _wizard(qtbot, fresh_profile)
    page = wizard.import_page
    page.paste.setPlainText(build_uri(A1) + "\n" + build_uri(A3) + "\n")
    page.read_pasted()
    fresh_profile.add_device("Other window", DeviceOption.GENERATOR_HERE, otp=A3)  # e.g. another window
    assert page.validatePage() is False
    assert "Nothing was imported" in page.error.text()
    assert [d.nickname for d in fresh_profile.devices()] == ["Other window"]
    assert any("already in this profile as “Other window”" in line for line in _lines(page))


def test_encrypted_andotp_backup_through_the_password_field_and_the_registry_filter(
    qtbot, fresh_profile, monkeypatch
) -> None:
    """Issue 20: a format new to the registry (andOTP, encrypted) asks for its password in the window, and
    the file dialog offers every registered format's patterns."""
    from PySide6.QtWidgets import QFileDialog

    from epcs_desktop.core.importers.registry import file_filter_patterns

    sample = Path(__file__).resolve().parents[1] / "core" / "importers" / "data" / "andotp_encrypted.json.aes"
    offered: list[str] = []

    def fake_dialog(_parent, _title, _start, filters):
        offered.append(filters)
        return [str(sample)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_dialog))
    wizard = _wizard(qtbot, fresh_profile)
    page = wizard.import_page
    page.choose_files()
    assert all(p in offered[0] for p in file_filter_patterns()) and "*.aes" in offered[0]
    wait_for_tasks(qtbot, 30_000)
    assert page.password_row.isVisible() and "encrypted andOTP backup" in page.password_label.text()
    page.password.setText("sample-password")
    page.unlock()
    wait_for_tasks(qtbot, 30_000)
    lines = _lines(page)
    assert lines[0].startswith("Add: Clinic Mail (dr.lee) as “Clinic Mail (dr.lee)”")
    assert any(line.startswith("Problem: ") and "mOTP codes are not supported" in line for line in lines)
    assert page.summary.text() == "4 code generators will be added."
