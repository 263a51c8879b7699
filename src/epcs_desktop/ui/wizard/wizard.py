"""The "Add code generator" wizard.

    from epcs_desktop.ui.wizard import EnrollWizard
    EnrollWizard(profile, parent).exec()

On Finish the new generator(s) have been added with
`profile.add_device(nickname, DeviceOption.GENERATOR_HERE, otp=..., make_primary=...)`
and are listed in `wizard.added`. The camera is released on every way out
(Back, Cancel, Escape, closing the window, Finish, and `reject()` when the
main window locks), because `done()` and `cleanupPage()` both stop it.

The clock, the frame source, the camera list and the screen grabber are
injectable so tests can drive the real wizard with a FixedClock and a video
file in place of the webcam; production passes none of them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QWidget, QWizard

from epcs_desktop.core.clock import Clock

from .accounts_page import AccountsPage
from .confirm_page import ConfirmPage
from .ids import PageId
from .import_page import ImportPage
from .key_page import PasteLinkPage, SecretKeyPage
from .method_page import MethodPage
from .scan_pages import CameraPage, ImagePage, ScreenPage
from .state import EnrollState

if TYPE_CHECKING:
    from epcs_desktop.core.erx import Device
    from epcs_desktop.core.generator import Generator
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)


class EnrollWizard(QWizard):
    """Enroll a new ID.me code generator held in this app."""

    def __init__(
        self,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        clock: Clock,
        source_factory: Callable[[int], Any] | None = None,
        cameras: Callable[[], list[Any]] | None = None,
        screen_grabber: Callable[[], list[Any]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.clock: Clock = clock
        self.state = EnrollState()
        self.added: list[Device | Generator] = []  # what Finish added (`Profile.enroll`'s result)
        # True once the dialog has closed: results still arriving from worker threads are dropped.
        self.ended = False
        self.setWindowTitle(self.tr("Add code generator"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)

        self.method_page = MethodPage(self)
        self.camera_page = CameraPage(self, source_factory=source_factory, cameras=cameras)
        self.screen_page = ScreenPage(self, grabber=screen_grabber)
        self.image_page = ImagePage(self)
        self.key_page = SecretKeyPage(self)
        self.link_page = PasteLinkPage(self)
        self.accounts_page = AccountsPage(self)
        self.confirm_page = ConfirmPage(profile, self.clock, self)
        self.import_page = ImportPage(profile, self)
        for page_id, page in (
            (PageId.METHOD, self.method_page),
            (PageId.CAMERA, self.camera_page),
            (PageId.SCREEN, self.screen_page),
            (PageId.IMAGE, self.image_page),
            (PageId.KEY, self.key_page),
            (PageId.LINK, self.link_page),
            (PageId.ACCOUNTS, self.accounts_page),
            (PageId.CONFIRM, self.confirm_page),
            (PageId.IMPORT, self.import_page),
        ):
            self.setPage(int(page_id), page)
        self.setStartId(int(PageId.METHOD))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Add device"))
        # Room for the big live code, its countdown and the notices on the confirm page:
        # at QWizard's own default size the code was clipped by the countdown bar.
        self.setMinimumSize(640, 520)

    def preferred_camera_index(self) -> int:
        """The camera chosen in Settings (`camera_index`), else the first one."""
        try:
            return int(self.profile.settings.camera_index)
        except Exception:
            log.debug("no camera_index setting; using the first camera")
            return 0

    def restart_at_choice(self) -> None:
        """Go back to the first page and on to the path chosen there (fallback buttons)."""
        self.stop_scanning()
        while self.currentId() != int(PageId.METHOD) and self.currentId() != -1:
            self.back()
        self.next()

    def stop_scanning(self) -> None:
        """Release the camera now. Safe to call at any time, any number of times."""
        self.camera_page.cancel()

    def done(self, result: int) -> None:
        # Every way the dialog ends (Finish, Cancel, Escape, close, reject() on lock) comes here.
        # QWizard.done(Accepted) validates the last page first (that adds the device) and
        # returns without closing if it fails: only clean up once the dialog is really closed.
        super().done(result)
        if result == QWizard.DialogCode.Accepted and self.isVisible():
            return
        self.ended = True
        self.stop_scanning()
        self.confirm_page.ticker.stop()
        self.forget_secrets()

    def forget_secrets(self) -> None:
        """Drop typed keys, pasted links and found secrets from the widgets once the wizard ends.

        The main window may keep this object until the next dialog opens; the
        secrets should not linger in it (the profile holds what was added).
        """
        self.key_page.key_edit.clear()
        self.link_page.edit.clear()
        self.state.reset()
        self.confirm_page.forget()
        self.import_page.reset()

    def showEvent(self, event: QShowEvent) -> None:
        self.ended = False  # shown (again): results for the current page are wanted
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_scanning()
        super().closeEvent(event)
