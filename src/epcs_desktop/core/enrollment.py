"""THE "same account" and nickname rules for everything that adds devices.

Why one module: "same account" was written four times (imports, the Google
export collector, the CLI import and a different fingerprint in restore), and
the skip-duplicates and nickname rules lived only in the CLI, so the window
could enrol one secret twice while `import` refused it. Every path that adds
devices (wizard, `device add`, `import`, restore, the export collector) now
asks `account_key` whether two entries are the same account, and
`plan_enrollment` what happens to each entry; `Profile.enroll` then adds the
new ones all-or-nothing. Pure rules, no storage.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from epcs_desktop.core import erx
from epcs_desktop.core.errors import EpcsError, RuleError
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.otpauth import OtpKind, OtpParams

logger = logging.getLogger(__name__)

FALLBACK_NICKNAME = N_("Imported code generator")
IMPORT_PATTERN = " {n}"  # "ID.me (jane@x.org) 2": these names already end in a parenthesis

# No longer raised (HOTP is held since issue 13); kept for modules that still import the name.
HOTP_MESSAGE = N_(
    "This is a counter-based (HOTP) code; ID.me uses time-based codes (TOTP). "
    "Counter-based codes are not supported here."
)
NEEDS_SECRET = N_("A code generator held in this app needs its secret key or QR code.")
NO_SECRET_HERE = N_("Only a code generator held in this app stores a secret key.")


def account_key(params: OtpParams) -> tuple[object, ...]:
    """What makes two code generators duplicates: the same code for the same account (issue 20 item 7).

    The code: kind, secret, algorithm and digits, plus the period for
    time-based codes (HOTP's counter only says where the sequence is, not
    which one it is); the same secret with another algorithm, digit count or
    period makes different codes and is kept. The account: issuer and account
    name, trimmed and case-insensitive (apps write "ID.me" and "id.me"), so one
    secret that two services share stays two entries, as every app shows it.
    """
    timing = params.period if params.kind != OtpKind.HOTP else None
    return (
        params.kind,
        params.secret,
        params.algorithm,
        params.digits,
        timing,
        params.issuer.strip().casefold(),
        params.account.strip().casefold(),
    )


def check_new_device(
    nickname: str, option: erx.DeviceOption | str, otp: OtpParams | None = None
) -> tuple[str, erx.DeviceOption]:
    """Validate one device to be added, without storage: (normalised nickname, option) or RuleError.

    Every code type `otpauth` accepts is held: TOTP, Steam, and HOTP, whose
    counter `Profile.next_hotp_code` advances in one transaction when the person
    asks for the next code (issue 13: people moving from Aegis, 2FAS or ente
    lost their HOTP and Steam entries when they were refused here).
    """
    nickname = erx.normalise_nickname(nickname)
    try:
        option = erx.DeviceOption(option)
    except ValueError:
        raise RuleError(f"“{str(option)[:30]}” is not a device option.") from None
    if option is erx.DeviceOption.GENERATOR_HERE and otp is None:
        raise RuleError(NEEDS_SECRET)
    if option is not erx.DeviceOption.GENERATOR_HERE and otp is not None:
        raise RuleError(NO_SECRET_HERE)
    return nickname, option


def _clean(text: str) -> str:
    """Issuer/account text fit for a nickname: no control characters, single spaces."""
    return " ".join("".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text).split())


def suggest_nickname(
    params: OtpParams | None,
    taken: Collection[str],
    *,
    base: str | None = None,
    pattern: str = IMPORT_PATTERN,
    memo: dict[tuple[str, str], int] | None = None,
) -> str:
    """A free nickname: `base`, else "Issuer (account)" (else issuer, account, or a fallback), then " 2"...

    `taken` holds nickname keys or names. The clash rule is `erx.unique_nickname`'s.
    With `memo` (a plan's own bookkeeping), `taken` must hold nickname *keys*
    that only grow: each search then starts where the last one for that name
    ended (`erx.unique_nickname_in`), so a plan of n entries is linear.
    """
    if base is None:
        issuer = _clean(params.issuer) if params else ""
        account = _clean(params.account) if params else ""
        base = f"{issuer} ({account})" if issuer and account else issuer or account or FALLBACK_NICKNAME
    try:
        if memo is not None:
            return erx.unique_nickname_in(base, taken, pattern, memo)  # type: ignore[arg-type]
        return erx.unique_nickname(base, taken, pattern=pattern)
    except EpcsError:  # a base of control characters only, say: plain words instead
        if memo is not None:
            return erx.unique_nickname_in(FALLBACK_NICKNAME, taken, pattern, memo)  # type: ignore[arg-type]
        return erx.unique_nickname(FALLBACK_NICKNAME, taken, pattern=pattern)


@dataclass(frozen=True)
class Candidate:
    """A device someone wants to add. `nickname` None means "suggest one from issuer and account".

    Positional order matches `Profile.add_device` (and the old `NewDevice`).
    `source` says where it came from (a file name) for messages.
    """

    nickname: str | None = None
    option: erx.DeviceOption | str = erx.DeviceOption.GENERATOR_HERE
    otp: OtpParams | None = field(default=None, repr=False)
    make_primary: bool = False
    source: str = ""
    # Is the new code generator an ID.me device? None: not asked, decided by `is_idme`.
    idme: bool | None = None

    @property
    def is_idme(self) -> bool:
        """Whether this candidate becomes an ID.me device (else another account's code generator only).

        A phone or push device always is one. Not asked (`idme` None): an entry
        of an import file (`source` set) is one only when its issuer is ID.me
        (imports bring other apps' accounts; the window offers to link one
        afterwards); anything else is one unless its issuer names another site
        (`generator.names_another_site`: a typed key, or ID.me's QR code).
        """
        from epcs_desktop.core.generator import is_idme_issuer, names_another_site

        if str(self.option) != erx.DeviceOption.GENERATOR_HERE.value:
            return True
        if self.idme is not None:
            return bool(self.idme)
        if self.source:
            return self.otp is not None and is_idme_issuer(self.otp.issuer)
        return not names_another_site(self.otp)


class Outcome(StrEnum):
    NEW = "new"  # will be added under `nickname`
    DUPLICATE_EXISTING = "duplicate_existing"  # the profile holds it already, as `nickname`
    DUPLICATE_IN_BATCH = "duplicate_in_batch"  # an earlier entry of this batch adds it, as `nickname`
    REFUSED = "refused"  # `message` says why (HOTP, bad or taken nickname...)


@dataclass(frozen=True)
class PlanEntry:
    candidate: Candidate = field(repr=False)
    outcome: Outcome
    nickname: str = ""
    message: str = ""

    @property
    def option(self) -> erx.DeviceOption:
        return erx.DeviceOption(self.candidate.option)

    @property
    def is_idme(self) -> bool:
        return self.candidate.is_idme


@dataclass(frozen=True)
class EnrollmentPlan:
    """One entry per candidate, in order. `Profile.enroll(plan)` adds the NEW ones."""

    entries: tuple[PlanEntry, ...]

    @property
    def new(self) -> list[PlanEntry]:
        return [e for e in self.entries if e.outcome is Outcome.NEW]

    @property
    def duplicates(self) -> list[PlanEntry]:
        both = (Outcome.DUPLICATE_EXISTING, Outcome.DUPLICATE_IN_BATCH)
        return [e for e in self.entries if e.outcome in both]

    @property
    def refused(self) -> list[PlanEntry]:
        return [e for e in self.entries if e.outcome is Outcome.REFUSED]

    def first_problem(self) -> str | None:
        """The message of the first entry that is not NEW (what an all-or-nothing add refuses with)."""
        return next((e.message for e in self.entries if e.outcome is not Outcome.NEW), None)


def duplicate_message(existing_nickname: str) -> str:
    return f"This account is already in this profile as “{existing_nickname}”."


def plan_enrollment(existing: Sequence[Any], candidates: Iterable[Candidate]) -> EnrollmentPlan:
    """Decide, for each candidate, whether it is new (under which nickname), a duplicate, or refused.

    A candidate whose account (`account_key`) the profile already holds is
    DUPLICATE_EXISTING, named by the existing device's nickname; one that an
    earlier candidate adds is DUPLICATE_IN_BATCH. A given nickname already
    used is REFUSED (a person chose it: say so rather than rename it); a
    missing nickname (None) gets `suggest_nickname`. Devices without a secret (push,
    a generator elsewhere) have no account to compare. `existing` is everything the
    profile holds (ID.me devices and other accounts share one set of nicknames):
    anything with `nickname` and `otp`.
    """
    held = {account_key(d.otp): d.nickname for d in existing if d.otp is not None}
    taken = {erx.nickname_key(d.nickname) for d in existing}
    in_batch: dict[tuple[object, ...], str] = {}
    memo: dict[tuple[str, str], int] = {}
    entries: list[PlanEntry] = []
    for cand in candidates:
        try:
            provisional = FALLBACK_NICKNAME if cand.nickname is None else cand.nickname
            _nick, option = check_new_device(provisional, cand.option, cand.otp)
        except EpcsError as exc:
            entries.append(PlanEntry(cand, Outcome.REFUSED, message=str(exc)))
            continue
        key = account_key(cand.otp) if cand.otp is not None else None
        if key is not None and key in held:
            nick = held[key]
            entries.append(PlanEntry(cand, Outcome.DUPLICATE_EXISTING, nick, duplicate_message(nick)))
            continue
        if key is not None and key in in_batch:
            nick = in_batch[key]
            message = f"This account is added once already, as “{nick}”."
            entries.append(PlanEntry(cand, Outcome.DUPLICATE_IN_BATCH, nick, message))
            continue
        if cand.nickname is not None:
            nickname = erx.normalise_nickname(cand.nickname)
            nkey = erx.nickname_key(nickname)
            if nkey in taken:
                clash = next((d.nickname for d in existing if erx.nickname_key(d.nickname) == nkey), None)
                message = (
                    f"There is already a device called “{clash}”; choose another nickname."
                    if clash is not None
                    else f"Two of the new devices are called “{nickname}”; choose another nickname."
                )
                entries.append(PlanEntry(cand, Outcome.REFUSED, nickname, message))
                continue
        else:
            nickname = suggest_nickname(cand.otp, taken, memo=memo)
        taken.add(erx.nickname_key(nickname))
        if key is not None:
            in_batch[key] = nickname
        entries.append(PlanEntry(cand, Outcome.NEW, nickname))
        logger.debug("planned a %s device", option.value)
    return EnrollmentPlan(tuple(entries))
