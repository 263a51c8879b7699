"""One import: every source read in order, then one plan for the profile (CLI and window alike)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from epcs_desktop.core.bounded import read_bounded
from epcs_desktop.core.enrollment import Candidate, EnrollmentPlan, plan_enrollment
from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers.base import MAX_FILE_BYTES, ImportResult, Source
from epcs_desktop.core.importers.links import (
    FORMAT_PASTED,
    FORMAT_SCAN,
    GoogleExports,
    read_decoded,
    read_lines,
)
from epcs_desktop.core.policy import check_action_allowed

if TYPE_CHECKING:
    from epcs_desktop.core.context import PolicySource
    from epcs_desktop.core.erx import Device
    from epcs_desktop.core.generator import Generator
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)


def load_source(path: str | Path) -> Source:
    """The file's bytes (regular files only, at most MAX_FILE_BYTES) and its text when it is UTF-8."""
    p = Path(path)
    data = read_bounded(p, MAX_FILE_BYTES, "an authenticator export", ImportFileError)
    if not data or data.isspace():  # isspace: no copy of a 20 MB file
        raise ImportFileError(f"{p.name} is empty.")
    try:
        text: str | None = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    return Source(p, data, text)


def _read_file(path: str | Path, password: str | None, exports: GoogleExports) -> ImportResult:
    from epcs_desktop.core.importers.registry import detect

    source = load_source(path)
    fmt = detect(source)
    result = fmt.read(source, password, exports)
    log.info(
        "read import file (%s): %d accounts, %d problems",
        result.format,
        len(result.accounts),
        len(result.problems),
    )
    return result


def read_import_file(path: str | Path, password: str | None = None) -> ImportResult:
    """Read every account from one import file on its own (an import of several files: `ImportSession`).

    Raises `ImportFileError` when the file as a whole cannot be used:
    `PasswordRequiredError` for an encrypted file without `password`,
    `ImportPasswordError` when `password` does not open it. A reader only: the
    front ends import through `ImportSession` and `apply_import`, which apply IT's policy.
    """
    exports = GoogleExports()
    result = _read_file(path, password, exports)
    result.problems.extend(exports.incomplete())
    return result


class ImportSession:
    """Every source of one import (files, pasted text, scanned codes), read in order.

    The parts of Google Authenticator exports are tracked across all of them,
    so three screenshots of a 3-code export are one complete export; only
    after the last source does `incomplete_exports` say what is missing.
    """

    def __init__(self, policy: PolicySource) -> None:
        self.policy = policy  # asked at each read: IT turning imports off applies to the next file
        self.results: list[tuple[str, ImportResult]] = []
        self._exports = GoogleExports()

    def __repr__(self) -> str:
        return f"ImportSession({len(self.results)} sources)"

    def read_file(self, path: str | Path, password: str | None = None) -> ImportResult:
        """Read one file (raises `ImportFileError` as `read_import_file` does; nothing is kept then)."""
        # IT's policy (disable_import): before any password is asked
        check_action_allowed("import", self.policy.current())
        result = _read_file(path, password, self._exports)
        self.results.append((str(path), result))
        return result

    def read_text(self, text: str, name: str = "pasted text") -> ImportResult:
        """Pasted otpauth or export links (one per line; text around a link is tolerated)."""
        check_action_allowed("import", self.policy.current())
        if len(text) > MAX_FILE_BYTES:
            raise ImportFileError(f"The {name} is too long to be authenticator links.")
        result = read_lines(text, name, self._exports, FORMAT_PASTED)
        self.results.append((name, result))
        return result

    def read_decoded(self, texts: list[str], name: str) -> ImportResult:
        """Texts decoded from QR codes elsewhere (camera, screen), e.g. one export code per scan."""
        result = read_decoded(list(texts), self._exports, FORMAT_SCAN)
        self.results.append((name, result))
        return result

    def incomplete_exports(self) -> list[str]:
        return self._exports.incomplete()

    @property
    def found(self) -> int:
        """Accounts read so far, over every source."""
        return sum(len(r.accounts) for _, r in self.results)


@dataclass(frozen=True)
class ImportPlan:
    """What an import will do: per source what was read, per entry its outcome, and every problem line.

    `enrollment` holds one entry per account read (NEW with its nickname,
    DUPLICATE_EXISTING / DUPLICATE_IN_BATCH, REFUSED with the reason);
    `problems` are (source, line) for entries left out while reading and for
    incomplete exports (source "" when it concerns several sources).
    """

    sources: tuple[tuple[str, ImportResult], ...]
    enrollment: EnrollmentPlan
    problems: tuple[tuple[str, str], ...]

    @property
    def found(self) -> int:
        return sum(len(r.accounts) for _, r in self.sources)


def plan_import(existing: Any, session: ImportSession) -> ImportPlan:
    """Plan adding every account of `session` to a profile holding `existing` devices; changes nothing.

    The same rules as every other way of adding devices (`enrollment.plan_enrollment`):
    a duplicate is the same code (`enrollment.account_key`); nicknames "Issuer (account)", then " 2".
    """
    candidates = [Candidate(otp=params, source=name) for name, r in session.results for params in r.accounts]
    problems = [(name, line) for name, r in session.results for line in r.problems]
    problems += [("", line) for line in session.incomplete_exports()]
    return ImportPlan(tuple(session.results), plan_enrollment(existing, candidates), tuple(problems))


def apply_import(profile: Profile, plan: ImportPlan) -> list[Device | Generator]:
    """Add the plan's NEW entries to `profile` all-or-nothing (one transaction); returns the devices."""
    check_action_allowed("import", profile.policy.current())
    return list(profile.enroll(plan.enrollment))
