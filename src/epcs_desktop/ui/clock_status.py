"""The clock check in the main window: a quiet status-bar note, a visible banner only when it matters.

Why: a computer clock that is off by more than about 15 s makes every code
generated here fail at EPCS signing, with nothing on screen to say why. So at
unlock and every few hours the configured time server (setting ntp_server,
"host" or "host:port") is asked on a worker thread. A good clock is a small
status-bar note; a bad one is a banner that says how far off and how to fix
it. An offline practice PC is not nagged: a failed check is a tooltip.

Also home of `Banner` and `banner_area`, the non-modal strip above the panes
that the backup reminder shares.

`EPCS_DESKTOP_CLOCK_CHECK=off` turns the automatic check off (the test suite
sets it so that no test asks a real time server).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.ntp import ClockCheck, NtpError, check_clock, parse_server
from epcs_desktop.ui.tasks import busy, run_in_background, user_message

log = logging.getLogger(__name__)

CHECK_ENV = "EPCS_DESKTOP_CLOCK_CHECK"
CHECK_INTERVAL_MS = 3 * 60 * 60 * 1000
NTP_TIMEOUT_S = 2.0


def automatic_check_enabled() -> bool:
    return os.environ.get(CHECK_ENV, "").strip().lower() not in {"0", "off", "no", "false"}


def split_server(text: str) -> tuple[str, int]:
    """'host', 'host:port', '[v6]:port' or a bare IPv6 address -> (host, port); NtpError when invalid.

    core.ntp.parse_server is the one parser (the settings check uses it too), so a bad port is an
    error the tooltip shows, never a silent fallback to port 123.
    """
    return parse_server(text)


class Banner(QFrame):
    """A one-message strip with optional buttons and a close button; never modal."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("banner", True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)
        self.hide()

    def add_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.show()


def banner_area(window: QMainWindow) -> QVBoxLayout:
    """The banner column above the window's panes, created on first use around the central widget."""
    area = getattr(window, "_banner_area", None)
    if isinstance(area, QVBoxLayout):
        return area
    return install_banner_area(window, window.takeCentralWidget())  # setCentralWidget would delete it


def install_banner_area(window: QMainWindow, panes: QWidget | None) -> QVBoxLayout:
    """Make `panes` the window's central widget under an (empty) banner column, in one step.

    The main window calls this with its splitter before anything is parented to the window: wrapping
    an already-installed central widget later (banner_area's fallback) re-parents the whole built
    tree, and each re-parent re-polishes it and re-sizes the device table (~25 ms at unlock).
    """
    container = QWidget()
    container.setObjectName("bannerContainer")
    outer = QVBoxLayout(container)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    area = QVBoxLayout()
    area.setContentsMargins(8, 6, 8, 0)
    area.setSpacing(4)
    outer.addLayout(area)
    if panes is not None:
        outer.addWidget(panes, 1)
    window.setCentralWidget(container)
    window._banner_area = area  # type: ignore[attr-defined]
    return area


class ClockStatus(QObject):
    """Checks the clock at start (if `auto`) and every `interval_ms`; emits `checked(ClockCheck | None)`."""

    checked = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        server: Callable[[], str],
        *,
        clock: Clock,
        auto: bool | None = None,
        interval_ms: int = CHECK_INTERVAL_MS,
        timeout: float = NTP_TIMEOUT_S,
    ) -> None:
        super().__init__(window)
        self.server = server
        self.clock = clock  # the context's: its offset from the time server is what is measured
        self.timeout = timeout
        self.last: ClockCheck | None = None
        self.last_error = ""
        self.running = False
        self.label = QLabel()
        self.label.setObjectName("clockStatus")
        self.label.setVisible(False)
        window.statusBar().addPermanentWidget(self.label)
        self.banner = Banner("clockBanner")
        self.banner.add_button(self.tr("Check again"), lambda: self.check_now(interactive=True))
        banner_area(window).addWidget(self.banner)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.timeout.connect(self.check_now)
        if automatic_check_enabled() if auto is None else auto:
            self.timer.start()
            QTimer.singleShot(0, self.check_now)

    def check_now(self, *, interactive: bool = False) -> None:
        """Ask the time server on a worker; one check at a time (a wait cursor only when asked for)."""
        if self.running:
            return
        try:
            host, port = split_server(self.server() or "")
        except NtpError as exc:
            self._failed(exc)
            return
        self.running = True
        timeout, clock = self.timeout, self.clock
        # Delivered to the status-bar label: a lock closes the window, and the answer is then dropped.
        run_in_background(
            self.label,
            lambda: check_clock(host, port, timeout, clock=clock),
            self._done,
            self._failed,
            busy=busy(self.banner, cursor=interactive),
        )

    def _done(self, result: ClockCheck) -> None:
        self.running = False
        self.last, self.last_error = result, ""
        offset = f"{result.offset:+.1f} s"
        if result.ok:
            self.label.setText(self.tr("Clock OK (%1)").replace("%1", offset))
            self.label.setProperty("warning", False)
            self.banner.hide()
        else:
            self.label.setText(self.tr("Clock off by %1").replace("%1", offset))
            self.label.setProperty("warning", True)
            self.banner.show_text(result.message)
            log.warning("clock is off by %+.1f s against %s", result.offset, result.server)
        self.label.setToolTip(result.message + "\n" + self.tr("Time server: %1").replace("%1", result.server))
        self.label.setVisible(True)
        self.checked.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.last_error = user_message(exc)
        log.info("clock check not possible: %s", self.last_error)
        if self.last is None:  # keep an earlier verdict; just note that this check failed
            self.label.setText(self.tr("Clock not checked"))
        self.label.setToolTip(self.tr("The clock could not be checked: %1").replace("%1", self.last_error))
        self.label.setVisible(True)
        self.checked.emit(None)
