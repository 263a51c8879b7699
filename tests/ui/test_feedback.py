"""ui/feedback.py: the one inline-error treatment (a dialog grows so a new error line is not clipped)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_dialog_grows_when_an_error_appears(qtbot, lee_profile) -> None:
    from epcs_desktop.ui.dialogs import IdentityDialog
    from epcs_desktop.ui.feedback import show_error

    dlg = IdentityDialog(lee_profile)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.adjustSize()
    before = dlg.height()
    show_error(dlg.error, "A long explanation of what went wrong, " * 6)
    QApplication.processEvents()
    assert dlg.height() > before
    assert dlg.error.height() >= dlg.error.heightForWidth(dlg.error.width()) - 1
