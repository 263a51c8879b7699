"""The activity log after a scripted session: model, filter, sort and CSV export without secrets."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from frontdesk_support import PW, SECRET
from PySide6.QtCore import Qt

from epcs_desktop.core.activity_export import HEADER, scrub
from epcs_desktop.core.backup import KdfParams, backup_profile
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.ui.frontdesk import ActivityLogDialog

FAST_KDF = KdfParams(memory_kib=8 * 1024, time_cost=1, parallelism=1)


def scripted_session(ada_profile, tmp_path: Path) -> None:
    ada_profile.add_device("New iPhone", DeviceOption.GENERATOR_OTHER)
    ada_profile.rename_device("New iPhone", "Work iPhone")
    ada_profile.set_primary("Work iPhone")
    ada_profile.remove_device("android")
    ada_profile.change_password(PW + " 2")
    backup_profile(ada_profile, tmp_path / "ada.epcsbackup", "backup password", FAST_KDF)


def test_log_after_a_scripted_session(qtbot, ada_profile, tmp_path: Path) -> None:
    dlg = ActivityLogDialog(ada_profile)
    qtbot.addWidget(dlg)
    before = dlg.model.rowCount()
    scripted_session(ada_profile, tmp_path)
    # refreshed by the profile listener
    actions = [dlg.model.index(r, 1).data() for r in range(dlg.model.rowCount())]
    for expected in (
        "device added",
        "device renamed",
        "primary changed",
        "device removed",
        "password changed",
        "backup made",
    ):
        assert expected in actions
    assert dlg.model.rowCount() == before + 6
    assert dlg.count_label.text() == f"{before + 6} of {before + 6} entries"

    # sorted newest first: the backup is the top row
    assert dlg.proxy.index(0, 1).data() == "backup made"
    dlg.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert dlg.proxy.index(0, 1).data() != "backup made"

    # filter by action, then by free text
    dlg.action_combo.setCurrentText("device removed")
    assert dlg.proxy.rowCount() == 1
    assert "“android” was removed." in dlg.proxy.index(0, 2).data()
    dlg.action_combo.setCurrentText("All actions")
    qtbot.keyClicks(dlg.search, "iphone")
    shown = {dlg.proxy.index(r, 1).data() for r in range(dlg.proxy.rowCount())}
    assert shown == {"device added", "device renamed", "primary changed"}
    assert dlg.count_label.text().startswith("3 of ")

    # export what is shown
    out = tmp_path / "activity.csv"
    assert dlg.export_to(str(out)) == 3
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert tuple(rows[0]) == HEADER and len(rows) == 4
    dlg.search.clear()
    assert dlg.export_to(str(out)) == before + 6
    text = out.read_text(encoding="utf-8-sig")
    assert "backup made" in text and "Work iPhone" in text
    assert SECRET not in text and "otpauth" not in text
    assert not re.search(r"(?<![\d-])\d{6,8}(?![\d-])", text)  # nothing shaped like a one-time code


def test_export_failure_is_shown_inline(qtbot, ada_profile, tmp_path: Path) -> None:
    dlg = ActivityLogDialog(ada_profile)
    qtbot.addWidget(dlg)
    assert dlg.export_to(str(tmp_path / "missing-dir" / "x.csv")) is None
    assert "Could not write the activity log" in dlg.message.text()


def test_scrub_removes_secret_shapes_but_keeps_ordinary_text() -> None:
    dirty = (
        f"otpauth://totp/ID.me:ada?secret={SECRET}&issuer=ID.me code 123 456 and 98765432 "
        "key JBSW Y3DP EHPK 3PXP"
    )
    clean = scrub(dirty)
    assert SECRET not in clean and "123 456" not in clean and "98765432" not in clean
    assert "JBSW" not in clean
    kept = "“Office iPad” is now the primary device. DEA BR1234563, NPI 1234567893, 2026-11-28"
    assert scrub(kept) == kept


def test_filtered_export_says_how_many_of_how_many(qtbot, lee_profile, tmp_path: Path) -> None:
    from epcs_desktop.ui.frontdesk import ActivityLogDialog

    dlg = ActivityLogDialog(lee_profile)
    qtbot.addWidget(dlg)
    total = dlg.model.rowCount()
    dlg.search.setText("MyiPhone")
    shown = dlg.proxy.rowCount()
    assert 0 < shown < total
    out = tmp_path / "filtered.csv"
    assert dlg.export_to(str(out)) == shown
    assert dlg.message.text() == f"Exported {shown} of {total} entries (filtered) to filtered.csv."
    with out.open(encoding="utf-8-sig") as fh:
        assert len(list(csv.reader(fh))) == shown + 1
    dlg.search.setText("")
    assert dlg.export_to(str(tmp_path / "all.csv")) == total
    assert dlg.message.text() == f"Exported all {total} entries to all.csv."
    # 18: the log has a Close button, and Tab leaves its table.
    assert dlg.close_button.text().replace("&", "") == "Close"
    assert not dlg.table.tabKeyNavigation()
