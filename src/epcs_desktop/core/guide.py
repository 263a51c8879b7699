"""The "What happens to my MFA when I change my phone?" guide, as testable rules.

Changing the phone that answers ID.me's second factor is where clinicians get
locked out of EPCS: they delete the old device before the new one works, or
they enroll the new one and forget to select it as primary in DrChrono. The
guide walks the six steps of DrChrono's help article, in the safe order (see
`STEPS`), and ticks a step from the program's own state whenever it can (a
device was added, the old one removed, the primary changed), by comparing the
profile against a *baseline* captured
when the guide started. Steps the program cannot observe (signing in at ID.me)
are ticked by the person. Progress lives in the profile's vault so the guide
can be left half-way (while waiting for a new phone) and resumed.

No Qt here: the dialog in `ui/frontdesk/guide_dialog.py` only renders
`ChangeDeviceGuide.status()`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from epcs_desktop.core.activity import event
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.erx import Device, DeviceOption
from epcs_desktop.core.i18n import N_

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

GUIDE_STATE_KEY = "frontdesk.guide.change_device"

OPEN_IDME = "open_idme"
SIGN_IN_SECURITY = "sign_in_security"
SIGN_IN_MFA = "sign_in_mfa"
REMOVE_OLD = "remove_old"
ADD_NEW = "add_new"
SELECT_PRIMARY = "select_primary"


@dataclass(frozen=True)
class GuideStep:
    """One step of the article: what to do, what the screen should look like, where to go."""

    id: str
    number: int
    title: str
    instructions: str
    what_you_see: str
    link_setting: str | None = None  # settings key holding the address to open
    link_label: str = ""
    observable: bool = False  # ticked from the profile's state, not by hand


STEPS: tuple[GuideStep, ...] = (
    GuideStep(
        OPEN_IDME,
        1,
        N_("Open ID.me from DrChrono"),
        N_(
            "In DrChrono go to Account > Provider Settings > eRx Info and click “Update MFA Device” "
            "(or open your ID.me account directly)."
        ),
        N_(
            "The eRx Info tab with the ID.me Device Information table (Name · Option · Primary Device) "
            "and the link “Update MFA Device” above it."
        ),
        "drchrono_erx_url",
        N_("Open DrChrono eRx Info"),
    ),
    GuideStep(
        SIGN_IN_SECURITY,
        2,
        N_("Go to Sign In & Security"),
        N_("Once you are logged into ID.me, click “Sign In & Security” in the top menu."),
        N_("ID.me's menu: OVERVIEW · PROFILE · SIGN IN & SECURITY · MY WALLET."),
        "idme_security_url",
        N_("Open ID.me Sign In & Security"),
    ),
    GuideStep(
        SIGN_IN_MFA,
        3,
        N_("Sign in with your current MFA device"),
        N_(
            "ID.me asks you to finish signing in with multi-factor authentication: choose the method of "
            "your current primary device and enter its 6-digit code (or approve the push)."
        ),
        N_(
            "“COMPLETE YOUR SIGN IN” with the choices Text Message or Phone Call, Push Notification and "
            "Code Generator Application."
        ),
    ),
    GuideStep(
        ADD_NEW,
        4,
        N_("Set up and confirm the new device"),
        N_(
            "Click “Set Up” and choose “Enroll with barcode / secret key”. Scan the QR code "
            "with this program (or type the secret key), enter the 6-digit code on “Confirm your device” "
            "and give it a unique nickname. If the new device is a phone app or push device, record it here."
        ),
        N_(
            "“SECURE YOUR ACCOUNT”, then a QR code with a secret key, then “Confirm your device” "
            "asking for the 6-digit code and a device name."
        ),
        "idme_security_url",
        N_("Open ID.me Sign In & Security"),
        observable=True,
    ),
    GuideStep(
        SELECT_PRIMARY,
        5,
        N_("Select the new primary device in DrChrono"),
        N_(
            "Return to DrChrono's Account > Provider Settings > eRx Info, click “Select as Primary Device” "
            "next to the new device, then mark it primary here too."
        ),
        N_("The ID.me Device Information table with “Is Primary” next to exactly one device."),
        "drchrono_erx_url",
        N_("Open DrChrono eRx Info"),
        observable=True,
    ),
    GuideStep(
        REMOVE_OLD,
        6,
        N_("Delete the old device in ID.me"),
        N_(
            "Only now, with the new device working and primary, click the trash can next to the old "
            "device under “Your Multi-Factor Sign in Method”, then mark it removed here."
        ),
        N_(
            "“Securing Your Account” with Push Notification and Code Generator sections, each device "
            "listed with its date added and a trash can."
        ),
        "idme_security_url",
        N_("Open ID.me Sign In & Security"),
        observable=True,
    ),
)
"""The safe order: set up the new device, confirm it, make it primary, and only then delete the old one.

DrChrono's help article lists "delete the old device" before "set up the new one". Done in that order,
a failed enrollment (a typo in the key, a phone that dies, a QR code that expires) leaves the clinician
with no working second factor and no way to sign controlled-substance prescriptions until ID.me support
restores access. Keeping the old device until the new one is primary costs nothing. `ORDER_NOTE` says
so on screen.
"""

ORDER_NOTE = N_(
    "These steps keep your current device until the new one works and is primary, so you can always "
    "sign in. DrChrono's help article lists deleting the old device first; doing that before the new "
    "one works can lock you out of signing controlled-substance prescriptions."
)

STEP_IDS: tuple[str, ...] = tuple(s.id for s in STEPS)

# The F1 help page of the change-phone guide is built from these and `STEPS` (ui/frontdesk/guide_dialog
# .change_phone_help_html): one source, so the help can never list another order than the guide (issue 18).
HELP_TITLE = N_("What happens to my MFA when I change my phone?")
HELP_INTRO = N_(
    "Your ID.me multi-factor devices are tied to a phone (or to this program), not to your DrChrono "
    "account. When you get a new phone, add it as a new device in ID.me, make it the primary device in "
    "DrChrono, and only then delete the old one:"
)
HELP_IN_THIS_PROGRAM = N_(
    "In this program: “Change-phone guide…” in the Tools menu walks you through these steps and ticks "
    "them as this profile changes. For step 4 use “Add code generator…” if this computer should hold the "
    "new code generator, or “Record a phone or push device…” for a phone; after step 5, choose “Select as "
    "primary device” here too so this list matches DrChrono."
)


def step(step_id: str) -> GuideStep:
    """The step with this id (`KeyError` is a programming error, not a user error)."""
    for s in STEPS:
        if s.id == step_id:
            return s
    raise KeyError(step_id)


# --- where progress is kept ------------------------------------------------------------------


class StateStore(Protocol):
    """A tiny key/value store inside the profile's encrypted vault (see `ui/frontdesk` for the adapter)."""

    def get_state(self, key: str) -> str | None: ...

    def set_state(self, key: str, value: str | None) -> None: ...


class ProfileGuideStore:
    """`StateStore` over `Profile.guide_state` / `set_guide_state`: progress is kept in the profile's
    encrypted storage, and every save is a profile change (activity entry, `GuideChanged` event)."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile

    def get_state(self, key: str) -> str | None:
        if key != GUIDE_STATE_KEY:
            raise KeyError(key)
        value = self.profile.guide_state()
        return value if isinstance(value, str) else None

    def set_state(self, key: str, value: str | None, detail: str = "") -> None:
        if key != GUIDE_STATE_KEY:
            raise KeyError(key)
        self.profile.set_guide_state(value, detail)


def state_store(profile: Profile) -> StateStore:
    """Where the guide keeps its progress for `profile`: the profile's encrypted vault."""
    return ProfileGuideStore(profile)


# --- progress --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    """The device table when the guide started. Ids, not nicknames, so a rename is not a change."""

    device_ids: tuple[int, ...]
    primary_id: int | None
    old_device_id: int | None  # the device being replaced (defaults to the primary)
    old_nickname: str = ""  # for the wording once the device is gone
    started_at: float = 0.0


@dataclass(frozen=True)
class GuideProgress:
    """What is stored: the baseline and the steps ticked by hand. No secret, no code."""

    baseline: Baseline
    manual: frozenset[str] = field(default_factory=frozenset)

    def to_json(self) -> str:
        b = self.baseline
        return json.dumps(
            {
                "version": 1,
                "device_ids": list(b.device_ids),
                "primary_id": b.primary_id,
                "old_device_id": b.old_device_id,
                "old_nickname": b.old_nickname,
                "started_at": b.started_at,
                "manual": sorted(self.manual),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> GuideProgress | None:
        """Parse stored progress; damaged or foreign data means "no guide in progress", not a crash."""
        try:
            d: dict[str, Any] = json.loads(text)
            baseline = Baseline(
                device_ids=tuple(int(i) for i in d["device_ids"]),
                primary_id=None if d["primary_id"] is None else int(d["primary_id"]),
                old_device_id=None if d["old_device_id"] is None else int(d["old_device_id"]),
                old_nickname=str(d.get("old_nickname", "")),
                started_at=float(d.get("started_at", 0.0)),
            )
            manual = frozenset(str(m) for m in d.get("manual", ()) if m in STEP_IDS)
        except (ValueError, KeyError, TypeError):
            log.warning("stored change-device guide progress is unreadable; starting afresh")
            return None
        return cls(baseline, manual)


@dataclass(frozen=True)
class StepStatus:
    """How one step stands now: `done`, whether the program decided it (`auto`), and why.

    The why is kept as an `N_` template plus its values (`template`, `args`), not as a finished
    sentence: the window translates the template first and fills the names in after, so the
    line reads in the user's language. `detail` is the English sentence (logs, CLI, tests).
    """

    step: GuideStep
    done: bool
    auto: bool
    template: str = ""
    args: tuple[tuple[str, str], ...] = ()

    @property
    def detail(self) -> str:
        return self.template.format(**dict(self.args)) if self.template else ""


def _status(step: GuideStep, done: bool, auto: bool, template: str = "", **args: str) -> StepStatus:
    return StepStatus(step, done, auto, template, tuple(args.items()))


def capture_baseline(devices: Sequence[Device], old_nickname: str | None, now: float) -> Baseline:
    """Remember the table as it is; the old device is the named one, else the primary."""
    old: Device | None = None
    if old_nickname is not None:
        from epcs_desktop.core.erx import nickname_key

        key = nickname_key(old_nickname)
        old = next((d for d in devices if nickname_key(d.nickname) == key), None)
        if old is None:
            raise RuleError(f"There is no device named “{old_nickname}” in this profile.")
    else:
        old = next((d for d in devices if d.is_primary), None)
    primary = next((d for d in devices if d.is_primary), None)
    return Baseline(
        device_ids=tuple(d.id for d in devices),
        primary_id=primary.id if primary else None,
        old_device_id=old.id if old else None,
        old_nickname=old.nickname if old else "",
        started_at=now,
    )


def evaluate(progress: GuideProgress, devices: Sequence[Device]) -> list[StepStatus]:
    """Tick each step from the current device table, compared with the baseline.

    Observable steps are never ticked by hand: if the person says "done" but the
    table disagrees, the table wins, because the table is what the clinician
    will rely on when prescribing.
    """
    b = progress.baseline
    by_id = {d.id: d for d in devices}
    new = [d for d in devices if d.id not in b.device_ids]
    primary = next((d for d in devices if d.is_primary), None)
    out: list[StepStatus] = []
    for s in STEPS:
        if s.id == REMOVE_OLD:
            if b.old_device_id is None:
                out.append(_status(s, True, True, N_("There was no old device to remove.")))
            elif b.old_device_id in by_id:
                name = by_id[b.old_device_id].nickname
                out.append(_status(s, False, True, N_("“{name}” is still listed here."), name=name))
            else:
                out.append(_status(s, True, True, N_("“{name}” was removed here."), name=b.old_nickname))
        elif s.id == ADD_NEW:
            if new:
                names = ", ".join(f"“{d.nickname}”" for d in new)
                out.append(_status(s, True, True, N_("Added here: {names}."), names=names))
            else:
                out.append(_status(s, False, True, N_("No device has been added since the guide started.")))
        elif s.id == SELECT_PRIMARY:
            changed = primary is not None and (primary.id not in b.device_ids or primary.id != b.primary_id)
            if primary is not None and changed and primary.id != b.old_device_id:
                out.append(
                    _status(s, True, True, N_("“{name}” is now the primary device."), name=primary.nickname)
                )
            elif primary is None:
                out.append(_status(s, False, True, N_("No device is marked primary.")))
            else:
                out.append(
                    _status(
                        s,
                        False,
                        True,
                        N_("“{name}” is still the primary device here."),
                        name=primary.nickname,
                    )
                )
        else:
            done = s.id in progress.manual
            out.append(_status(s, done, False, N_("Ticked by you.") if done else ""))
    return out


@dataclass(frozen=True)
class SignInHint:
    """What step 3 shows: which device to use, and whether its code can be shown here."""

    nickname: str
    option: DeviceOption
    code: str | None  # only for a generator held here
    seconds_left: float | None
    template: str  # an N_ text with {name}; the window translates it before filling the name in

    @property
    def message(self) -> str:
        return self.template.format(name=self.nickname)


def sign_in_hint(devices: Sequence[Device], clock: Clock) -> SignInHint | None:
    """The primary device and, when this program holds its secret, its current code."""
    from epcs_desktop.core.otp import Totp

    primary = next((d for d in devices if d.is_primary), None)
    if primary is None:
        return None
    if primary.option is DeviceOption.GENERATOR_HERE and primary.otp is not None:
        totp = Totp(primary.otp, clock)
        return SignInHint(
            primary.nickname,
            primary.option,
            totp.code(),
            totp.seconds_remaining(),
            N_("Choose “Code Generator Application” and enter the code of “{name}”."),
        )
    if primary.option is DeviceOption.PUSH:
        msg = N_("Choose “Push Notification” and approve the sign-in on “{name}”.")
    else:
        msg = N_("Choose “Code Generator Application” and enter the code shown by the app on “{name}”.")
    return SignInHint(primary.nickname, primary.option, None, None, msg)


class ChangeDeviceGuide:
    """The guide bound to one profile: start, tick, resume, finish.

    `profile` needs `devices()`; `store` keeps the progress (in the vault).
    """

    def __init__(self, profile: Profile, store: StateStore | None, clock: Clock) -> None:
        self.profile = profile
        self.store = store if store is not None else state_store(profile)
        self.clock = clock
        self._progress: GuideProgress | None = self._load()

    def _load(self) -> GuideProgress | None:
        raw = self.store.get_state(GUIDE_STATE_KEY)
        return GuideProgress.from_json(raw) if raw else None

    def _save(self, detail: str) -> None:
        value = self._progress.to_json() if self._progress else None
        if isinstance(self.store, ProfileGuideStore):
            self.store.set_state(GUIDE_STATE_KEY, value, detail)
        else:
            self.store.set_state(GUIDE_STATE_KEY, value)

    @property
    def in_progress(self) -> bool:
        return self._progress is not None

    @property
    def progress(self) -> GuideProgress | None:
        return self._progress

    def start(self, old_nickname: str | None = None) -> None:
        """Begin (or begin again): capture the baseline now; forget earlier ticks."""
        baseline = capture_baseline(self.profile.devices(), old_nickname, self.clock.now())
        self._progress = GuideProgress(baseline)
        self._save(event(N_("The change-phone guide was started.")))
        log.info("change-device guide started (%d devices)", len(baseline.device_ids))

    def ensure_started(self) -> None:
        """Resume a stored guide, or start one."""
        if self._progress is None:
            self.start()

    def reload(self) -> None:
        self._progress = self._load()

    def status(self) -> list[StepStatus]:
        if self._progress is None:
            raise RuleError("The change-device guide has not been started.")
        return evaluate(self._progress, self.profile.devices())

    def mark(self, step_id: str, done: bool = True) -> None:
        """Tick or untick a step the program cannot observe."""
        if self._progress is None:
            raise RuleError("The change-device guide has not been started.")
        if step(step_id).observable:
            raise RuleError(f"Step {step(step_id).number} is ticked from this profile's device table.")
        manual = set(self._progress.manual)
        if done:
            manual.add(step_id)
        else:
            manual.discard(step_id)
        self._progress = GuideProgress(self._progress.baseline, frozenset(manual))
        number = step(step_id).number
        if done:
            self._save(event(N_("Change-phone guide: step {number} was ticked."), number=number))
        else:
            self._save(event(N_("Change-phone guide: step {number} was unticked."), number=number))

    def old_device(self) -> Device | None:
        """The device being replaced, while it is still listed."""
        if self._progress is None or self._progress.baseline.old_device_id is None:
            return None
        old_id = self._progress.baseline.old_device_id
        return next((d for d in self.profile.devices() if d.id == old_id), None)

    def new_devices(self) -> list[Device]:
        """Devices added since the guide started (candidates for the new primary)."""
        if self._progress is None:
            return []
        return [d for d in self.profile.devices() if d.id not in self._progress.baseline.device_ids]

    @property
    def complete(self) -> bool:
        return self._progress is not None and all(st.done for st in self.status())

    def sign_in_hint(self) -> SignInHint | None:
        return sign_in_hint(self.profile.devices(), self.clock)

    def finish(self) -> None:
        """Forget the stored progress (after completion, or when the person abandons the change)."""
        self._progress = None
        self._save(event(N_("The change-phone guide was closed.")))
        log.info("change-device guide closed")
