"""Screenshots of the enrollment wizard and the front-desk dialogs, for docs/ (run by scripts/screenshots).

Tooling, not product: it drives the real dialogs on a demo profile in a
throw-away folder, under whatever display it is given (Xvfb in the script),
and saves each window's grab as a PNG.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from epcs_desktop.core.context import AppContext
from epcs_desktop.core.demo import create_demo_profile
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.ui import i18n, theme
from epcs_desktop.ui.frontdesk.guide_dialog import ChangeGuideDialog
from epcs_desktop.ui.frontdesk.handover import HandOverDialog
from epcs_desktop.ui.frontdesk.practice_dialog import PracticeDialog
from epcs_desktop.ui.wizard import EnrollWizard
from epcs_desktop.ui.wizard.ids import PageId


def shoot(widget: QWidget, path: Path) -> None:
    widget.show()
    widget.raise_()
    for _ in range(20):
        QApplication.processEvents()
    if not widget.grab().save(str(path), "PNG"):
        raise SystemExit(f"error: could not save {path}")
    print(f"==> {path}", file=sys.stderr)


def main(out_dir: str) -> int:
    out = Path(out_dir)
    app = QApplication(sys.argv[:1])
    i18n.install_translators()
    theme.Theme(app)
    with tempfile.TemporaryDirectory(prefix="epcs-shots-") as tmp:
        profile = create_demo_profile(ProfileStore(AppContext.for_this_machine(Path(tmp))))
        try:
            wizard = EnrollWizard(profile, clock=profile.clock)
            shoot(wizard, out / "screenshot-wizard.png")
            wizard.method_page.choose(PageId.KEY)
            wizard.next()
            wizard.key_page.key_edit.setText("JBSW Y3DP EHPK 3PX8")  # a typo: the page suggests the letter
            shoot(wizard, out / "screenshot-wizard-key.png")
            wizard.key_page.key_edit.setText("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP")
            wizard.key_page.account_edit.setText("a.rivera@example.org")
            wizard.next()
            shoot(wizard, out / "screenshot-wizard-confirm.png")
            wizard.reject()
            guide = ChangeGuideDialog(profile, None, profile.clock)
            guide.resize(820, 640)
            shoot(guide, out / "screenshot-guide.png")
            guide.reject()
            practice = PracticeDialog(profile, None, profile.clock)
            shoot(practice, out / "screenshot-practice.png")
            practice.reject()
            # The front desk's hand-over screen, after creating a clinician's profile.
            store = ProfileStore(AppContext.for_this_machine(Path(tmp)))
            handover = HandOverDialog(store)
            handover.name_edit.setText("Dr. O'Brien")
            handover.password_edit.setText("temporary horse 42")
            handover.staff_edit.setText("Front desk")
            handover.create()
            while handover.busy:
                QApplication.processEvents()
            shoot(handover, out / "screenshot-handover.png")
            handover.accept()
        finally:
            profile.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
