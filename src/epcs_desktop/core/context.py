"""The one context a front end builds at start and passes down: clock, IT policy, data folder.

Why one object: "now", "what IT allows" and "where profiles live" were each
found by whoever needed them (a ``clock or SystemClock()`` fallback in 16
places, the machine policy read from a process-global cache on every access).
A test that injected a clock into the window could still get the wall clock in
a dialog, and a test could not give the program a policy without writing
files. Following Electrum's and KeePassXC's composition roots, `run_gui` and
`cli.main` build one `AppContext` with `AppContext.for_this_machine` and
every front end receives it (the profile store, and through it each profile and
vault, take their clock and policy from it; windows and dialogs get it or its
clock explicitly). Tests build one with a `FixedClock` and, to say what IT
allows without writing a policy file, a `FixedPolicy`. Only this module makes a
`SystemClock` (tests/test_architecture.py checks it).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from epcs_desktop.core.clock import Clock, SystemClock
from epcs_desktop.core.platform import Platform
from epcs_desktop.core.platform import current as current_platform

if TYPE_CHECKING:  # the lock screen paints before the policy (and the settings registry) is loaded
    from epcs_desktop.core.policy import Policy

log = logging.getLogger(__name__)


class PolicySource(Protocol):
    """Where the IT policy in force comes from; `current()` is cheap enough to call per action."""

    def current(self) -> Policy: ...


@dataclass
class MachinePolicy:
    """This machine's policy files (and registry), re-read when one of them changes.

    IT's edits apply while the program runs, as before; the cache belongs to
    the context that owns this object, not to the process.
    """

    platform: Platform = field(repr=False)  # its repr holds the environment
    _signature: tuple[Any, ...] | None = field(default=None, init=False, repr=False)
    _policy: Policy | None = field(default=None, init=False, repr=False)

    def current(self) -> Policy:
        from epcs_desktop.core.policy import load_policy, policy_signature

        sig = policy_signature(self.platform)
        if self._policy is None or sig != self._signature:
            self._policy = load_policy(platform=self.platform)
            self._signature = sig
        return self._policy


@dataclass(frozen=True)
class FixedPolicy:
    """A policy that does not change: tests, and a policy file named on the command line."""

    policy: Policy

    @classmethod
    def of(cls, settings: Mapping[str, Any], source: str = "fixed policy") -> FixedPolicy:
        """The policy a policy file with this ``"settings"`` object would give (no file is written)."""
        from epcs_desktop.core.policy import Policy, parse_settings

        entries, problems = parse_settings({"settings": dict(settings)}, source)
        return cls(Policy(entries=entries, problems=tuple(problems), sources=(source,)))

    def current(self) -> Policy:
        return self.policy


@dataclass(frozen=True)
class AppContext:
    """What every front end shares: built once per process by the front end's entry point."""

    clock: Clock
    policy: PolicySource
    data_dir: Path
    platform: Platform = field(repr=False)  # its repr holds the environment

    def with_data_dir(self, data_dir: str | os.PathLike[str]) -> AppContext:
        """The same clock and policy over another data folder (the demo's temporary one)."""
        return replace(self, data_dir=Path(data_dir).expanduser())

    @classmethod
    def for_this_machine(
        cls,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        clock: Clock | None = None,
        platform: Platform | None = None,
    ) -> AppContext:
        """The real machine: wall clock, the machine's policy, the given or default data folder.

        This is the only place a `SystemClock` is made for the program (the
        CLI's ``--at`` passes a `FixedClock` instead).
        """
        from epcs_desktop.core.profiles import default_data_dir

        plat = platform if platform is not None else current_platform()
        folder = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
        return cls(
            clock=clock if clock is not None else SystemClock(),
            policy=MachinePolicy(plat),
            data_dir=folder,
            platform=plat,
        )
