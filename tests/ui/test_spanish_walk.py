"""Item 4: the flows walked in Spanish; any English sentence on screen fails the test.

Everything a person can read is collected from the live widgets (labels, buttons, titles, group
boxes, placeholders, combo items, table cells and headers), including the sentences core builds
at run time (guide status lines, key-page problems, picture errors, the lockout countdown).
Quoted names (“Exam room”), ID.me's and DrChrono's own English screen labels, codes and file
names are not sentences of this program and are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import PASSWORD, T0, otp
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.ui import i18n

# Words that make a sentence English (no Spanish word is spelled like these).
ENGLISH = {
    "the",
    "is",
    "are",
    "was",
    "were",
    "been",
    "has",
    "have",
    "to",
    "and",
    "of",
    "your",
    "this",
    "that",
    "with",
    "you",
    "still",
    "since",
    "only",
    "not",
    "can",
    "will",
    "here",
    "there",
    "which",
    "what",
    "try",
    "again",
    "wrong",
    "password",
    "device",
    "devices",
    "added",
    "removed",
    "character",
    "key",
    "long",
    "bits",
    "valid",
    "seconds",
    "second",
    "wait",
    "picture",
    "image",
    "file",
    "open",
    "choose",
    "code",
    "codes",
    "step",
    "steps",
    "done",
    "left",
    "primary",
    "new",
    "old",
    "phone",
    "after",
    "locked",
    "exported",
    "entries",
    "filtered",
    "camera",
    "language",
    "light",
    "dark",
    "look",
    "files",
}
# Names and ID.me's/DrChrono's own screen labels, shown as they appear on those sites.
ALLOWED = (
    "ID.me",
    "DrChrono",
    "EPCS Desktop",
    "EPCS",
    "eRx Info",
    "Sign In & Security",
    "Update MFA Device",
    "Code Generator Application",
    "Push Notification",
    "Generate 2FA Key",
    "Push Notification 2FA",
    "Your Multi-Factor Sign in Method",
    "Select as Primary Device",
    "Is Primary",
    "Confirm your device",
    "Set Up",
    "Enroll with barcode / secret key",
    "OVERVIEW · PROFILE · SIGN IN & SECURITY · MY WALLET",
    "Securing Your Account",
    "SECURE YOUR ACCOUNT",
    "COMPLETE YOUR SIGN IN",
    "Text Message or Phone Call",
    "Google Authenticator",
    "Aegis",
    "2FAS",
    "otpauth",
    "English",
    "Español",
    "PNG",
    "JPEG",
    "BMP",
    "GIF",
    "WebP",
    "TIFF",
    "DEA",
    "NPI",
    "Provider Settings",
    "Account",
    "ID.me Device Information",
    "Name · Option · Primary Device",
)


def english_words(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text tags
    text = re.sub(r"“[^”]*”|«[^»]*»|\"[^\"]*\"|'[^']*'", " ", text)  # quoted names and labels
    text = re.sub(r"^[A-Z][A-Za-z .]+ \([A-Z]{2}\)$", " ", text)  # a US state: "New York (NY)"
    for allowed in sorted(ALLOWED, key=len, reverse=True):
        text = text.replace(allowed, " ")
    text = re.sub(r"\S+\.(pdf|csv|png|epcsbackup)\b", " ", text, flags=re.I)
    words = re.findall(r"[A-Za-z]+", text.replace("&", ""))
    return [w for w in words if w.lower() in ENGLISH]


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    yield "title", root.windowTitle()
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel):
            yield "QLabel", w.text()
        if isinstance(w, QAbstractButton):
            yield type(w).__name__, w.text()
        if isinstance(w, QGroupBox):
            yield "QGroupBox", w.title()
        if isinstance(w, QLineEdit):
            yield "placeholder", w.placeholderText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield "QComboBox", w.itemText(i)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column
                columns = 1
            for c in range(columns):
                yield "header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            for r in range(min(model.rowCount(QModelIndex()), 20)):
                for c in range(columns):
                    yield "cell", str(model.index(r, c).data() or "")


def english_on_text(html: str) -> list[str]:
    """English sentences in a page of rich text (the setup sheet), paragraph by paragraph."""
    found = []
    for part in re.split(r"</?(?:p|li|h1|h2|td|th|tr)\b[^>]*>", html):
        words = english_words(part)
        if len(words) >= 2:
            found.append(f"{part.strip()!r} ({', '.join(words)})")
    return found


def english_on(root: QWidget) -> list[str]:
    found = []
    for kind, text in visible_texts(root):
        words = english_words(text or "")
        if len(words) >= 2 or (words and len(re.findall(r"[A-Za-z]+", text)) <= 3 and kind != "cell"):
            found.append(f"{type(root).__name__}/{kind}: {text!r} ({', '.join(words)})")
    return found


@pytest.fixture
def spanish(qapp) -> Iterator[None]:
    assert i18n.install_translators(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico))
    yield
    i18n.remove_translators()


def test_the_detector_catches_english(qtbot) -> None:
    label = QLabel("“New iPhone” is still listed here.")
    spanish_label = QLabel("“New iPhone” sigue en la lista aquí.")
    host = QWidget()
    for w in (label, spanish_label):
        w.setParent(host)
    qtbot.addWidget(host)
    assert english_on(host) and len(english_on(host)) == 1


def test_flows_in_spanish_show_no_english_sentence(qtbot, data_dir_store, spanish, tmp_path: Path) -> None:
    from epcs_desktop.ui.controller import AppController
    from epcs_desktop.ui.dialogs import RemoveDeviceDialog, SettingsDialog
    from epcs_desktop.ui.frontdesk import ActivityLogDialog, ChangeGuideDialog
    from epcs_desktop.ui.wizard import EnrollWizard

    clock = FixedClock(T0)
    problems: list[str] = []
    p = data_dir_store.create("Dr Lee", PASSWORD)
    p.add_device("Office PC", DeviceOption.GENERATOR_HERE, otp=otp())
    p.add_device("MyiPhone", DeviceOption.PUSH)
    p.close()

    controller = AppController(data_dir_store, clock, show_notice=False)
    try:
        start = controller.start_window
        controller.show_start()
        # Lock screen: wrong passwords and the countdown.
        for attempt in range(3):
            if attempt:
                start.delay_timer.stop()
                start._delay_over()
            start.password.setText("wrong password")
            start.unlock()
            qtbot.waitUntil(lambda: not start.busy, timeout=10_000)
        problems += english_on(start)
        start.unlock()  # Enter during the wait
        problems += english_on(start)
        start.delay_timer.stop()
        start._delay_over()
        problems += english_on(start)

        profile = data_dir_store.open("Dr Lee", PASSWORD)
        window = controller.open_profile(profile)
        problems += english_on(window)

        # The guide with a push primary (step 3's hint) and each status line.
        profile.set_primary("MyiPhone")
        guide = ChangeGuideDialog(profile, window, clock)
        guide.show()
        problems += english_on(guide)
        profile.add_device("New iPhone", DeviceOption.GENERATOR_OTHER)
        profile.set_primary("New iPhone")
        guide.refresh()
        problems += english_on(guide)
        guide.close()

        # The wizard's key page with a mistyped key, a short key; the image page with a bad file.
        wizard = EnrollWizard(profile, window, clock=clock)
        wizard.show()
        wizard.key_page.key_edit.setText("JBSWY3DPEHPK3PX8")
        problems += english_on(wizard.key_page)
        wizard.key_page.key_edit.setText("JBSWY3DPEHPK3PX!")
        problems += english_on(wizard.key_page)
        wizard.key_page.key_edit.setText("JBSWY3DPEHPK3PXPA")
        problems += english_on(wizard.key_page)
        wizard.key_page.key_edit.setText("JBSWY3DPEHPK3PXP")
        problems += english_on(wizard.key_page)
        bad = tmp_path / "notes.png"
        bad.write_bytes(b"not a picture")
        from epcs_desktop.core.errors import QrError
        from epcs_desktop.core.qr import decode_file
        from epcs_desktop.ui.tasks import user_message

        try:
            decode_file(bad)
        except QrError as exc:
            message = user_message(exc)
        words = english_words(message)
        if words:
            problems.append(f"picture error: {message!r} ({words})")
        problems += english_on(wizard.image_page)
        wizard.reject()

        settings = SettingsDialog(profile, window, prefs=controller.window_settings)
        problems += english_on(settings)
        settings.reject()
        remove = RemoveDeviceDialog(profile, profile.primary(), window)
        problems += english_on(remove)
        remove.reject()
        # The activity log, its cells too (entries are events shown in the language shown), and its CSV.
        from epcs_desktop.core.erx import IdentityConfirmation, PrescriberInfo

        profile.set_prescriber(PrescriberInfo("CA", "A123456", "", "1234567893"))
        profile.set_identity(IdentityConfirmation(True, "2025-07-29"))
        profile.rename_device("New iPhone", "Work iPhone")
        profile.set_settings({"clipboard_clear_seconds": 45, "clock_check": False})
        profile.remove_device("Office PC")
        log = ActivityLogDialog(profile, window)
        problems += english_on(log)
        log.search.setText("iPhone")
        log.export_to(str(tmp_path / "log.csv"))
        problems += english_on(log)
        log.search.clear()
        log.export_to(str(tmp_path / "all.csv"))
        import csv

        for row in csv.reader((tmp_path / "all.csv").open(encoding="utf-8-sig")):
            for cell in row[1:]:
                if english_words(cell):
                    problems.append(f"activity CSV: {cell!r} ({english_words(cell)})")
        log.reject()

        # The setup sheet (the PDF's text), the default file names, Qt's own file dialog.
        from epcs_desktop.ui.frontdesk.setup_sheet import sheet_html

        sheet = QLabel(sheet_html(profile, clock))
        problems += [f"setup sheet: {line}" for line in english_on_text(sheet.text())]
        if "“Generate 2FA Key”" not in sheet.text() or "etiquetas propias de DrChrono" not in sheet.text():
            problems.append("setup sheet: DrChrono's labels are not quoted, or the sheet does not say why")
        for name in (
            window.tr("%1 setup sheet.pdf").replace("%1", "x"),
            log.tr("%1-activity.csv").replace("%1", "x"),
        ):
            if re.search(r"setup|sheet|activity", name):
                problems.append(f"default file name: {name!r}")
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(window, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        problems += english_on(dialog)
        dialog.deleteLater()

        # Settings with a practice policy locking a setting: "(policy file …)" in Spanish.
        policy_file = tmp_path / "policy.json"
        policy_file.write_text('{"settings": {"camera_index": {"value": 0, "locked": true}}}')
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("EPCS_DESKTOP_POLICY", str(policy_file))
            locked = SettingsDialog(profile, window, prefs=controller.window_settings)
            problems += english_on(locked)
            locked.reject()
        controller.lock("")
        controller.lock()
    finally:
        controller.shutdown()
        from PySide6.QtWidgets import QApplication

        QApplication.instance().removeEventFilter(controller)
        for w in QApplication.topLevelWidgets():
            w.close()
    assert not problems, "\n".join(problems)


def _mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Alt+letter -> what it would trigger: menu titles, visible buttons and labels with a buddy."""
    from PySide6.QtWidgets import QMainWindow

    texts: list[str] = []
    if isinstance(window, QMainWindow):
        texts += [a.text() for a in window.menuBar().actions() if a.isVisible()]
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            texts.append(w.text())
    found: dict[str, list[str]] = {}
    for text in texts:
        m = re.search(r"&([^&\s])", text.replace("&&", ""))
        if m:
            found.setdefault(m.group(1).casefold(), []).append(text)
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_mnemonic_opens_two_things_in_the_main_window(qtbot, controller, lee_profile, language) -> None:
    """Issue 22: in Spanish Alt+A opened “Actualizar dispositivo MFA” instead of the Archivo menu."""
    if language == "es":
        assert i18n.install_translators(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico))
    try:
        window = controller.open_profile(lee_profile)
        qtbot.addWidget(window)
        window.show()
        clashes = {k: v for k, v in _mnemonics(window).items() if len(v) > 1}
        assert not clashes, clashes
    finally:
        i18n.remove_translators()
