"""The "What happens to my MFA when I change my phone?" dialog.

It only renders `core.guide.ChangeDeviceGuide`: one box per step of the
article, with what to do, what the screen should look like, a link to the
right page, and a tick. Ticks of steps 4-6 follow the profile's device table
(refreshed on every committed change), so a device removed, enrolled or made
primary anywhere in the program ticks the step here too.
"""

from __future__ import annotations

import logging
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.guide import (
    ADD_NEW,
    ORDER_NOTE,
    REMOVE_OLD,
    SELECT_PRIMARY,
    SIGN_IN_MFA,
    STEPS,
    ChangeDeviceGuide,
    GuideStep,
    sign_in_hint,
    state_store,
)
from epcs_desktop.core.otp import group_code, whole_seconds
from epcs_desktop.ui.bridge import bridge_for
from epcs_desktop.ui.dialogs import OtherDeviceDialog
from epcs_desktop.ui.frontdesk._common import (
    follow,
    open_setting_link,
    profile_usable,
    run_inline,
    show_message,
)
from epcs_desktop.ui.i18n import core_text
from epcs_desktop.ui.tasks import user_message
from epcs_desktop.ui.ticker import Ticker

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

# Not the help page's title ("What happens to my MFA when I change my phone?"): two windows with one
# title cannot be told apart in the task bar or by a screen reader.
TITLE: str = QT_TRANSLATE_NOOP("ChangeGuideDialog", "Change my MFA phone — step by step")  # type: ignore[assignment]


class RecordDeviceDialog(OtherDeviceDialog):
    """The eRx pane's "record a phone or push device" dialog, reached from step 4 (one wording)."""


class _StepBox(QGroupBox):
    """One step: tick, instructions, what you should see, state detail, link."""

    def __init__(self, step: GuideStep, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Step {number} — {title}").format(
                number=step.number, title=core_text(step.title).replace("&", "&&")
            ),
            parent,
        )
        self.step = step
        self.tick = QCheckBox(
            self.tr("Done") if not step.observable else self.tr("Done (ticked from this profile)")
        )
        self.tick.setEnabled(not step.observable)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        lay = QVBoxLayout(self)
        text = QLabel(core_text(step.instructions))
        text.setWordWrap(True)
        see = QLabel(self.tr("<i>You should see:</i> {what}").format(what=core_text(step.what_you_see)))
        see.setWordWrap(True)
        lay.addWidget(text)
        lay.addWidget(see)
        self.extra = QVBoxLayout()
        lay.addLayout(self.extra)
        row = QHBoxLayout()
        row.addWidget(self.tick)
        row.addWidget(self.detail, 1)
        self.link: QPushButton | None = None
        if step.link_setting:
            self.link = QPushButton(core_text(step.link_label).replace("&", "&&"))  # "Sign In & Security"
            key = step.link_setting
            self.link.clicked.connect(lambda: open_setting_link(profile, key))
            row.addWidget(self.link)
        lay.addLayout(row)


class ChangeGuideDialog(QDialog):
    """The guide for one profile. Closing keeps the progress; "Finish" forgets it."""

    def __init__(self, profile: Profile, parent: QWidget | None, clock: Clock) -> None:
        super().__init__(parent)
        self.profile = profile
        self.clock: Clock = clock
        self.guide = ChangeDeviceGuide(profile, state_store(profile), self.clock)
        self.resumed = self.guide.in_progress
        self.guide.ensure_started()
        self.setWindowTitle(QCoreApplication.translate("ChangeGuideDialog", TITLE))
        self.resize(760, 720)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.progress_label = QLabel()

        self.boxes: dict[str, _StepBox] = {}
        body = QWidget()
        body_lay = QVBoxLayout(body)
        for st in STEPS:
            box = _StepBox(st, profile)
            if not st.observable:
                box.tick.toggled.connect(lambda on, sid=st.id: self._manual(sid, on))
            self.boxes[st.id] = box
            body_lay.addWidget(box)
        body_lay.addStretch(1)

        # Step 3: what to choose at ID.me (wrapping prose), and the primary's code when held here
        # (the only monospace text: a sentence in a large monospace label never wraps and pushed
        # every step's buttons off a 640 px window).
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.code_label = QLabel()
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("font-size:20px;font-family:monospace;")
        self.code_label.setAccessibleName(self.tr("Code of the primary device"))
        self.boxes[SIGN_IN_MFA].extra.addWidget(self.hint_label)
        self.boxes[SIGN_IN_MFA].extra.addWidget(self.code_label)

        # Step 4: mark the old device removed here.
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove_old)
        self.boxes[REMOVE_OLD].extra.addWidget(self.remove_button)

        # Step 5: enroll here, or record a phone / push device.
        row5 = QHBoxLayout()
        self.enroll_button = QPushButton(self.tr("&Enroll it in this program…"))
        self.enroll_button.clicked.connect(self._enroll)
        self.record_button = QPushButton(self.tr("Record a phone or &push device…"))
        self.record_button.clicked.connect(self._record)
        row5.addWidget(self.enroll_button)
        row5.addWidget(self.record_button)
        row5.addStretch(1)
        self.boxes[ADD_NEW].extra.addLayout(row5)

        # Step 6: mark the new primary here.
        row6 = QHBoxLayout()
        self.primary_combo = QComboBox()
        self.primary_combo.setAccessibleName(self.tr("Device to mark as primary"))
        self.primary_button = QPushButton(self.tr("&Mark as primary here"))
        self.primary_button.clicked.connect(self._mark_primary)
        row6.addWidget(self.primary_combo, 1)
        row6.addWidget(self.primary_button)
        self.boxes[SELECT_PRIMARY].extra.addLayout(row6)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # Text wraps to the window instead of scrolling sideways (which hid the steps' buttons).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a nameless Tab stop; its controls are
        self.setMinimumWidth(640)

        self.restart_button = QPushButton(self.tr("Start &over"))
        self.restart_button.setToolTip(
            self.tr("Forget the ticks and compare against the device table as it is now")
        )
        self.restart_button.clicked.connect(self._restart)
        self.finish_button = QPushButton(self.tr("&Finish"))
        self.finish_button.clicked.connect(self._finish)
        self.close_button = QPushButton(self.tr("&Close (keep my progress)"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress_label, 1)
        bottom.addWidget(self.restart_button)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.finish_button)

        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.message)
        lay.addLayout(bottom)
        self._set_tab_order()

        # The countdown runs only while the dialog is on screen (showEvent / hideEvent).
        self.ticker = Ticker(self.clock, self)
        self.ticker.tick.connect(lambda _now: self._refresh_code())
        follow(profile, self, self.refresh)
        self.refresh()

    def _set_tab_order(self) -> None:
        """Tab in reading order: each step's own controls, its tick and link, then the bottom row.

        The steps' buttons are made after the step boxes, so creation order would visit them last.
        """
        extras: dict[str, list[QWidget]] = {
            REMOVE_OLD: [self.remove_button],
            ADD_NEW: [self.enroll_button, self.record_button],
            SELECT_PRIMARY: [self.primary_combo, self.primary_button],
        }
        order: list[QWidget] = []
        for st in STEPS:
            box = self.boxes[st.id]
            order += [*extras.get(st.id, []), box.tick, *([box.link] if box.link else [])]
        order += [self.restart_button, self.close_button, self.finish_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ticker.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.ticker.stop()
        super().hideEvent(event)

    def _unavailable(self, exc: EpcsError) -> None:
        """The profile was locked (auto-lock) or failed under us: stop, say so, keep no stale code."""
        self.ticker.stop()
        self.code_label.clear()
        self.hint_label.clear()
        for w in (self.remove_button, self.enroll_button, self.record_button, self.primary_button):
            w.setEnabled(False)
        show_message(self.message, user_message(exc))

    # -- rendering --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the profile and re-tick every step."""
        try:
            if not self.guide.in_progress:
                return
            self._render()
        except EpcsError as exc:
            self._unavailable(exc)

    def _render(self) -> None:
        old = self.guide.old_device()
        baseline = self.guide.progress.baseline if self.guide.progress else None
        old_name = old.nickname if old else (baseline.old_nickname if baseline else "")
        self.intro.setText(
            (self.tr("Welcome back — your progress was kept.") + " " if self.resumed else "")
            + core_text(ORDER_NOTE)
            + (
                " " + self.tr("Device being replaced: <b>{name}</b>.").format(name=old_name)
                if old_name
                else ""
            )
        )
        statuses = self.guide.status()
        for status in statuses:
            box = self.boxes[status.step.id]
            box.tick.blockSignals(True)
            box.tick.setChecked(status.done)
            box.tick.blockSignals(False)
            box.detail.setText(core_text(status.template).format(**dict(status.args)))
        done = sum(1 for s in statuses if s.done)
        self.progress_label.setText(
            self.tr("{done} of {total} steps done").format(done=done, total=len(statuses))
        )
        self.finish_button.setEnabled(done == len(statuses))

        self.remove_button.setVisible(old is not None)
        self.remove_button.setText(
            self.tr("I deleted “{name}” in ID.me — &remove it here").format(
                name=old.nickname.replace("&", "&&")
            )
            if old
            else ""
        )

        current_primary = self.profile.primary()
        self.primary_combo.clear()
        for d in self.profile.devices():
            if old is not None and d.id == old.id:
                continue
            label = d.nickname + ("  " + self.tr("(primary here)") if d.is_primary else "")
            self.primary_combo.addItem(label, d.nickname)
        new = self.guide.new_devices()
        if new:
            idx = self.primary_combo.findData(new[-1].nickname)
            self.primary_combo.setCurrentIndex(max(idx, 0))
        self.primary_button.setEnabled(self.primary_combo.count() > 0)
        if current_primary is None:
            self.boxes[SELECT_PRIMARY].detail.setText(self.tr("No device is marked primary."))
        self._refresh_code()

    def _refresh_code(self) -> None:
        """Each tick: the primary device's code from the bridge's device list, not a profile read a second."""
        bridge = bridge_for(self.profile)
        try:
            # The shared list is re-read only after a device change; a closed profile raises (guide's read).
            hint = sign_in_hint(bridge.devices(), self.clock) if bridge.usable else self.guide.sign_in_hint()
        except EpcsError as exc:
            self._unavailable(exc)
            return
        if hint is None:
            self.hint_label.setText(self.tr("No device is recorded here yet."))
            self.code_label.clear()
            self.code_label.setVisible(False)
            return
        self.hint_label.setText(core_text(hint.template).format(name=hint.nickname))
        self.code_label.setVisible(hint.code is not None)
        if hint.code is not None:
            secs = whole_seconds(hint.seconds_left or 0)
            self.code_label.setText(
                self.tr("{code}   ({secs} s)").format(code=group_code(hint.code), secs=secs)
            )
        else:
            self.code_label.clear()

    # -- actions ----------------------------------------------------------------------------

    def _manual(self, step_id: str, on: bool) -> None:
        run_inline(self.message, lambda: self.guide.mark(step_id, on))
        self.refresh()

    def _remove_old(self) -> None:
        """Step 6: remove the old device here, after the same confirmation as the table's Delete (issue 18).

        Its held secret is deleted only when the person confirms; the newest device added in this
        guide is preselected to take over when the old one is primary.
        """
        from epcs_desktop.ui.dialogs import RemoveDeviceDialog

        old = self.guide.old_device()
        if old is None:
            return
        new = self.guide.new_devices()
        dialog = RemoveDeviceDialog(self.profile, old, self)
        if old.is_primary and new:
            dialog.successor.setCurrentIndex(max(0, dialog.successor.findText(new[-1].nickname)))
        dialog.accepted.connect(self.refresh)
        self.remove_dialog = dialog
        dialog.open()

    def _enroll(self) -> None:
        try:
            from epcs_desktop.ui.wizard import EnrollWizard
        except ImportError:
            show_message(self.message, self.tr("The enrollment wizard is not available in this build."))
            return
        wizard = EnrollWizard(self.profile, self, clock=self.clock)
        wizard.exec()
        if profile_usable(self.profile):  # a lock during exec() closed this dialog and the profile
            self.refresh()

    def _record(self) -> None:
        dlg = RecordDeviceDialog(self.profile, self)
        dlg.exec()
        if profile_usable(self.profile):
            self.refresh()

    def _mark_primary(self) -> None:
        nickname = self.primary_combo.currentData()
        if nickname:
            run_inline(self.message, lambda: self.profile.set_primary(nickname))
        self.refresh()

    def _restart(self) -> None:
        self.guide.start()
        self.resumed = False
        show_message(self.message, "")
        self.refresh()

    def _finish(self) -> None:
        self.guide.finish()
        self.accept()

    def done(self, result: int) -> None:
        self.ticker.stop()
        super().done(result)


def change_phone_help_html() -> str:
    """The change-phone help page (F1), built from the guide's own steps in core (`core.guide`).

    One source: the help lists the guide's safe order (new device working and primary before the old
    one is deleted) and the guide's wording, translated through the same catalogue.
    """
    from html import escape

    from epcs_desktop.core.guide import HELP_IN_THIS_PROGRAM, HELP_INTRO, HELP_TITLE

    items = "".join(
        f"<li><b>{escape(core_text(st.title))}.</b> {escape(core_text(st.instructions))}</li>" for st in STEPS
    )
    return (
        f"<html><body><h2>{escape(core_text(HELP_TITLE))}</h2>"
        f"<p>{escape(core_text(HELP_INTRO))}</p><ol>{items}</ol>"
        f"<p>{escape(core_text(ORDER_NOTE))}</p>"
        f"<p>{escape(core_text(HELP_IN_THIS_PROGRAM))}</p></body></html>"
    )
