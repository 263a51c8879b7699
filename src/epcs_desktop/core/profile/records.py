"""Records: Prescriber Info, identity, settings, the guide's progress, services' facts, the activity log.

Why together: each is one JSON fact in the ``record`` table written with its
activity entry as one change; the validation of each (`core.erx`,
`core.settings`, the machine policy) is applied here, once.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from epcs_desktop.core import erx, settings
from epcs_desktop.core.activity import action_name, event, joined, render_detail
from epcs_desktop.core.events import (
    ActivityAdded,
    GuideChanged,
    IdentityChanged,
    PrescriberChanged,
    RecordChanged,
    SettingsChanged,
)
from epcs_desktop.core.guide import GUIDE_STATE_KEY
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.profile import repository as repo
from epcs_desktop.core.profile.base import ActivityEntry, ProfileBase
from epcs_desktop.core.settings import Settings

logger = logging.getLogger(__name__)

CREATED_AT_KEY = "created_at"
LAST_BACKUP_KEY = "last_backup_at"
PRESCRIBER_DRAFT_KEY = "ui.prescriber_draft"  # unsaved Prescriber Info kept over a lock (no secret)
UNFINISHED_EXPORTS_KEY = "unfinished_exports"  # files an export was writing (paths only, no secret)


class RecordRules(ProfileBase):
    """Prescriber Info, identity, settings, guide progress, facts and the activity log of a `Profile`."""

    # -- prescriber, identity -----------------------------------------------------------------

    def prescriber(self) -> erx.PrescriberInfo:
        data = repo.get_record(self.vault, "prescriber", {}) or {}
        fields = {k: str(data.get(k, "")) for k in ("state", "license_number", "dea_number", "npi")}
        return erx.PrescriberInfo(**fields)

    def set_prescriber(self, info: erx.PrescriberInfo) -> erx.PrescriberInfo:
        info = erx.validate_prescriber(info)
        updated = event(N_("Prescriber Info was updated."))
        self._put("prescriber", asdict(info), "prescriber info changed", updated)
        self._emit(PrescriberChanged())
        return info

    def identity(self) -> erx.IdentityConfirmation:
        data = repo.get_record(self.vault, "identity", {}) or {}
        return erx.IdentityConfirmation(
            confirmed=bool(data.get("confirmed", False)),
            confirmed_on=data.get("confirmed_on"),
            note=str(data.get("note", "")),
        )

    def set_identity(self, conf: erx.IdentityConfirmation) -> erx.IdentityConfirmation:
        conf = erx.validate_identity(conf)
        if conf.confirmed_on:
            what = event(N_("Identity marked confirmed on {date}."), date=conf.confirmed_on)
        elif conf.confirmed:
            what = event(N_("Identity marked confirmed."))
        else:
            what = event(N_("Identity marked not confirmed."))
        self._put("identity", asdict(conf), "identity confirmation changed", what)
        self._emit(IdentityChanged())
        return conf

    # -- settings -----------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        """Typed settings: stored values over the registry's defaults (`profile.settings.camera_index`)."""
        # Machine policy (issue 15): IT's defaults filled in, locked keys forced to the policy's value.
        stored = repo.get_record(self.vault, "settings", {}) or {}
        return Settings.from_stored(self.policy.current().apply(stored))

    def stored_settings(self) -> dict[str, Any]:
        """Only the values this profile stored itself (no defaults): what a machine policy is laid over."""
        stored = repo.get_record(self.vault, "settings", {}) or {}
        return dict(stored) if isinstance(stored, dict) else {}

    def set_setting(self, key: str, value: Any) -> Any:
        return self.set_settings({key: value})[key]

    def set_settings(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Change several settings as one change: one transaction, one activity entry, one event.

        Why: the Settings dialog's OK is one decision; saving it setting by
        setting could leave half of it stored and the activity log in pieces.
        Every value is validated before anything is written. Returns the coerced values.
        """
        self.policy.current().refuse_locked(values)  # a key IT locked is refused before anything is written
        coerced = {key: settings.coerce(key, value) for key, value in values.items()}
        if not coerced:
            return {}
        with self.vault.transaction() as db:
            stored = repo.record_in(db, "settings") or {}
            stored.update(coerced)
            repo.upsert_record(db, "settings", stored)
            parts = []
            for k, v in coerced.items():  # each part renders in the language shown (core.activity)
                shown: object = v
                if isinstance(v, bool):
                    shown = N_("on") if v else N_("off")
                parts.append(
                    event(
                        N_("“{setting}” set to {value}"),
                        translated=("setting", "value") if isinstance(v, bool) else ("setting",),
                        setting=settings.setting(k).label,
                        value=shown,
                    )
                )
            self._log(db, "setting changed", event(N_("{changes}."), changes=joined(parts)))
        self._emit(SettingsChanged(tuple(coerced)))
        return coerced

    # -- facts kept for services: typed, one key each (no "write any key" door) ------------------

    def created_at(self) -> float | None:
        """When the profile file was created (written by the vault), or None."""
        value = repo.get_record(self.vault, CREATED_AT_KEY)
        return float(value) if isinstance(value, int | float) else None

    def last_backup_at(self) -> float | None:
        """When this profile last made a backup (Unix seconds), or None if never."""
        value = repo.get_record(self.vault, LAST_BACKUP_KEY)
        return float(value) if isinstance(value, int | float) else None

    def note_backup(self, at: float, file_name: str) -> None:
        """A backup file was written: store when (the reminder) and log where, as one change."""
        self._put(
            LAST_BACKUP_KEY,
            float(at),
            "backup made",
            event(N_("Encrypted backup written to {file}."), file=file_name),
        )
        self._emit(RecordChanged(LAST_BACKUP_KEY))

    def prescriber_draft(self) -> erx.PrescriberInfo | None:
        """Unsaved Prescriber Info kept over a lock (not validated: it was being typed), or None."""
        draft = repo.get_record(self.vault, PRESCRIBER_DRAFT_KEY)
        if not isinstance(draft, dict):
            return None
        fields = ("state", "license_number", "dea_number", "npi")
        return erx.PrescriberInfo(**{k: str(draft.get(k, ""))[:64] for k in fields})

    def keep_prescriber_draft(self, info: erx.PrescriberInfo) -> None:
        """Keep the Prescriber Info form as typed when the profile locks (each field at most 64 chars)."""
        value = {k: str(v)[:64] for k, v in asdict(info).items()}
        self._put(
            PRESCRIBER_DRAFT_KEY,
            value,
            "prescriber draft kept",
            event(N_("Unsaved Prescriber Info was kept as a draft when the profile locked.")),
        )
        self._emit(RecordChanged(PRESCRIBER_DRAFT_KEY))

    def clear_prescriber_draft(self) -> None:
        """Forget the draft (saved or discarded); nothing happens when there is none."""
        if repo.get_record(self.vault, PRESCRIBER_DRAFT_KEY) is None:
            return
        with self.vault.transaction() as db:
            repo.delete_record(db, PRESCRIBER_DRAFT_KEY)
            self._log(db, "prescriber draft cleared", event(N_("The draft was saved or discarded.")))
        self._emit(RecordChanged(PRESCRIBER_DRAFT_KEY))

    # -- exports being written: their temp file is removed at the next open if the write was killed --

    def note_export_started(self, target: Path) -> None:
        """An export is about to be written to `target` (remembered before the first byte).

        Why: a process killed between creating the export's temp file and renaming it leaves
        ``.NAME.xxxx.tmp`` with every secret in plain text beside `target` (issue 23 item 9). Only the
        profile outlives the process, so it remembers where; `remove_unfinished_exports` at the next open
        deletes such a file. No activity entry: the export itself is logged when it is written.
        """
        with self.vault.transaction() as db:
            pending = _paths(repo.record_in(db, UNFINISHED_EXPORTS_KEY))
            repo.upsert_record(db, UNFINISHED_EXPORTS_KEY, sorted({*pending, str(Path(target).absolute())}))

    def note_export_finished(self, target: Path) -> None:
        """The export to `target` was written or failed cleanly (its temp file is already gone)."""
        with self.vault.transaction() as db:
            done = str(Path(target).absolute())
            pending = [p for p in _paths(repo.record_in(db, UNFINISHED_EXPORTS_KEY)) if p != done]
            if pending:
                repo.upsert_record(db, UNFINISHED_EXPORTS_KEY, pending)
            else:
                repo.delete_record(db, UNFINISHED_EXPORTS_KEY)

    def remove_unfinished_exports(self) -> int:
        """Delete the temp files of exports that were killed before their rename; how many targets."""
        from epcs_desktop.core.private_files import remove_stale_temps

        pending = _paths(repo.get_record(self.vault, UNFINISHED_EXPORTS_KEY))
        if not pending:
            return 0
        for target in pending:
            remove_stale_temps(target)
        with self.vault.transaction() as db:
            repo.delete_record(db, UNFINISHED_EXPORTS_KEY)
        logger.info("checked %d interrupted export(s) for left-over temp files", len(pending))
        return len(pending)

    def _put(self, key: str, value: Any, action: str, detail: str) -> None:
        with self.vault.transaction() as db:
            repo.upsert_record(db, key, value)
            self._log(db, action, detail)

    # -- the change-device guide's progress ---------------------------------------------------

    def guide_state(self) -> str | None:
        """The change-device guide's stored progress (JSON text, no secret), or None."""
        value = repo.get_record(self.vault, GUIDE_STATE_KEY)
        return value if isinstance(value, str) else None

    def set_guide_state(self, value: str | None, detail: str = "") -> None:
        """Store (or, with None, forget) the guide's progress: one change with its activity entry."""
        with self.vault.transaction() as db:
            if value is None:
                repo.delete_record(db, GUIDE_STATE_KEY)
            else:
                repo.upsert_record(db, GUIDE_STATE_KEY, value)
            if value is None:
                default = event(N_("The change-phone guide was closed."))
            else:
                default = event(N_("Guide progress was saved."))
            self._log(db, "change-phone guide", detail or default)
        self._emit(GuideChanged())

    # -- activity -----------------------------------------------------------------------------

    def activity(self, limit: int | None = None) -> list[ActivityEntry]:
        """Newest first."""
        return [
            ActivityEntry(float(r[0]), action_name(str(r[1])), render_detail(str(r[2])), str(r[2]))
            for r in repo.activity_rows(self.vault, limit)
        ]

    def log_activity(self, action: str, detail: str) -> None:
        """For other services (backup written, codes imported). Never pass a secret here."""
        with self.vault.transaction() as db:
            self._log(db, action, detail)
        self._emit(ActivityAdded())


def _paths(value: Any) -> list[str]:
    """The stored list of export targets (anything else stored there counts as none)."""
    return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []
