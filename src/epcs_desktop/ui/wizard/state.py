"""What the enrollment wizard has found so far, shared by its pages.

Every input path (camera, screen, image, pasted link, typed key) ends in the
same place: a list of `OtpParams` to confirm, or a Google Authenticator
export whose accounts the person picks from. Keeping that in one object means
the scanning pages all give the same feedback for the same text, and the
confirm page does not care where a secret came from.

Texts passed in here are scanned payloads: they are classified and dropped,
never logged or kept beyond the parsed parameters.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.otpauth import OtpParams

log = logging.getLogger(__name__)


# Written out as QCoreApplication.translate("EnrollWizard", "...") at each call so lupdate extracts them.
translate = QCoreApplication.translate


@dataclass
class Feedback:
    """What to tell the person about one decode attempt."""

    message: str
    usable: bool = False  # an authenticator payload is in view (maybe not yet confirmed)
    done: bool = False  # the wizard has what it needs; Next may be pressed


@dataclass
class EnrollState:
    """The secret(s) found so far; reset when the person picks another way in."""

    candidates: list[OtpParams] = field(default_factory=list)
    migration_accounts: list[OtpParams] = field(default_factory=list)
    migration_skipped: list[str] = field(default_factory=list)
    selected: list[OtpParams] = field(default_factory=list)
    collector: Any = None  # core.migration.MigrationCollector, created on the first export code
    collector_status: str = ""

    def reset(self) -> None:
        self.candidates = []
        self.migration_accounts = []
        self.migration_skipped = []
        self.selected = []
        self.collector = None
        self.collector_status = ""

    @property
    def is_migration(self) -> bool:
        return bool(self.migration_accounts)

    def ready(self) -> bool:
        return bool(self.candidates) or bool(self.migration_accounts)

    def to_confirm(self) -> list[OtpParams]:
        """The parameters the confirm page shows and the wizard adds."""
        return list(self.selected) if self.is_migration else list(self.candidates)

    def set_single(self, params: OtpParams) -> None:
        self.reset()
        self.candidates = [params]

    # -- classify decoded texts -------------------------------------------
    def preview(self, texts: Sequence[str]) -> Feedback:
        """Feedback for an unconfirmed decode: says what is in view, accepts nothing."""
        from epcs_desktop.core.payload import PayloadKind, classify

        if not texts:
            return Feedback(translate("EnrollWizard", "No QR code yet. Hold the code inside the box."))
        payloads = [classify(t) for t in texts]
        for p in payloads:
            if p.kind in (PayloadKind.OTPAUTH, PayloadKind.MIGRATION):
                return Feedback(
                    translate("EnrollWizard", "QR code found. Hold still while it is read again…"),
                    usable=True,
                )
        return Feedback(sentence(payloads[0].message))

    def offer(self, texts: Sequence[str]) -> Feedback:
        """Take decoded texts as final: keep the first authenticator payload among them."""
        from epcs_desktop.core.payload import PayloadKind, classify

        if not texts:
            return Feedback(translate("EnrollWizard", "No QR code found in this picture."))
        payloads = [classify(t) for t in texts]
        for p in payloads:
            if p.kind is PayloadKind.OTPAUTH and p.otp is not None:
                self.set_single(p.otp)
                return Feedback(_found_message(p.otp), usable=True, done=True)
        for p in payloads:
            if p.kind is PayloadKind.MIGRATION and p.migration is not None:
                return self._add_migration(p.migration)
        return Feedback(sentence(payloads[0].message))

    def _add_migration(self, batch: Any) -> Feedback:
        from epcs_desktop.core.migration import MigrationCollector

        if self.collector is None or self.candidates:
            self.reset()
            self.collector = MigrationCollector()
        try:
            self.collector_status = self.collector.add(batch)
        except EpcsError as exc:
            return Feedback(sentence(str(exc)))
        skipped = [str(s) for s in getattr(batch, "skipped", ()) or ()]
        self.migration_skipped.extend(s for s in skipped if s not in self.migration_skipped)
        if not self.collector.complete:
            return Feedback(
                translate(
                    "EnrollWizard", "Google Authenticator export: {status}. Scan the next code."
                ).format(status=self.collector_status),
                usable=True,
            )
        self.migration_accounts = list(self.collector.accounts())
        self.selected = list(self.migration_accounts)
        if not self.migration_accounts:
            return Feedback(
                translate(
                    "EnrollWizard",
                    "This Google Authenticator export holds no code generator this app can use.",
                )
            )
        n = len(self.migration_accounts)
        # lupdate marks translate() as plural only for a literal count, so this stays "{n} account(s)".
        msg = translate(
            "EnrollWizard", "Google Authenticator export with {n} account(s) found. Choose which to add."
        )
        return Feedback(msg.format(n=n), usable=True, done=True)


def sentence(message: str) -> str:
    """Core messages are lower-case clauses; on a page they start a sentence."""
    return message[:1].upper() + message[1:] if message else message


def describe(params: OtpParams) -> str:
    """'ID.me (jane@example.com)' — issuer and account, never the secret."""
    if params.issuer and params.account:
        return f"{params.issuer} ({params.account})"
    return params.issuer or params.account or translate("EnrollWizard", "Unnamed account")


def _found_message(params: OtpParams) -> str:
    return translate("EnrollWizard", "Code generator found: {what}. Press Next.").format(
        what=describe(params)
    )
