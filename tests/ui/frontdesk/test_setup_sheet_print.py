"""The printed setup sheet reads like a letter: measured with `pdftotext -bbox`, not eyeballed.

Before the fix the body was laid out at screen resolution inside a 300 dpi page: about 2.9 pt text,
4-6 pt headings, everything in the top quarter of the page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from frontdesk_support import PW, T0

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption, PrescriberInfo
from epcs_desktop.ui.frontdesk import save_setup_sheet
from owner_only_support import assert_owner_only

LETTER_H = 792.0
MARGIN = 15 * 72 / 25.4  # 15 mm
# DejaVu/Liberation/Arial: a word's box (ascent + descent) is 1.1-1.2 x the point size.
BOX_PER_PT = (1.05, 1.25)


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def words(path: Path) -> list[Word]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True)
    found: list[Word] = []
    for n, page in enumerate(out.stdout.split("<page ")[1:], start=1):
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page
        ):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            found.append(Word(n, m.group(5), x0, y0, x1, y1))
    return found


def lines(ws: list[Word]) -> list[tuple[int, float, float, str]]:
    """(page, top, box height, text) per printed line, top to bottom."""
    rows: dict[tuple[int, float], list[Word]] = {}
    for w in ws:
        rows.setdefault((w.page, round(w.y0, 1)), []).append(w)
    return [
        (page, top, max(w.height for w in row), " ".join(w.text for w in sorted(row, key=lambda w: w.x0)))
        for (page, top), row in sorted(rows.items())
    ]


def point_size(box_height: float) -> tuple[float, float]:
    return box_height / BOX_PER_PT[1], box_height / BOX_PER_PT[0]


def full_profile(data_dir_store, devices: int):
    p = data_dir_store.create("Dr Sheet", PW)
    for i in range(devices):
        p.add_device(f"Exam room {i:02d}", DeviceOption.PUSH if i % 2 else DeviceOption.GENERATOR_OTHER)
    p.set_prescriber(PrescriberInfo("CA", "A123456", "BR1234563", "1234567893"))
    return p


def test_body_prints_at_10_to_12_points_and_fills_the_page(qtbot, data_dir_store, tmp_path: Path) -> None:
    with full_profile(data_dir_store, 4) as p:
        pdf = save_setup_sheet(p, tmp_path / "sheet.pdf", FixedClock(T0))
    ws = words(pdf)
    body = [w for w in ws if w.text in ("Printed", "License", "Compliance") or w.text.startswith("Exam")]
    assert body, "expected words missing"
    for w in (w for w in ws if w.text == "Printed" or w.text.startswith("Exam")):
        low, high = point_size(w.height)
        assert low <= 12.5 and high >= 10, f"{w.text!r} prints at about {w.height / 1.16:.1f} pt"
    title = next(w for w in ws if w.text == "EPCS")
    assert point_size(title.height)[1] >= 16, "the title is not a heading size"
    # The page is used: text reaches well past the top quarter, and stays inside the margins.
    assert max(w.y1 for w in ws) > LETTER_H * 0.55
    for w in ws:
        assert w.x0 >= MARGIN - 1 and w.x1 <= 612 - MARGIN + 1, w
        assert w.y0 >= MARGIN - 1 and w.y1 <= LETTER_H - MARGIN + 1, w


def test_long_roster_breaks_pages_cleanly(qtbot, data_dir_store, tmp_path: Path) -> None:
    """60 devices: the table header repeats on each page, no heading is left at a page's foot."""
    with full_profile(data_dir_store, 60) as p:
        pdf = save_setup_sheet(p, tmp_path / "long.pdf", FixedClock(T0))
    ws = words(pdf)
    rows = lines(ws)
    pages = sorted({w.page for w in ws})
    assert len(pages) >= 2
    for page in pages:
        page_rows = [r for r in rows if r[0] == page]
        assert all(r[1] >= MARGIN - 1 and r[1] + r[2] <= LETTER_H - MARGIN + 1 for r in page_rows)
        if any(r[3].startswith("Exam room") for r in page_rows):
            first_device = next(i for i, r in enumerate(page_rows) if r[3].startswith("Exam room"))
            assert page_rows[first_device - 1][3] == "Name Option Primary Device", f"page {page}"
    # Every device printed exactly once, none cut in half across a page.
    printed = [r[3] for r in rows if r[3].startswith("Exam room")]
    assert len(printed) == 60 and len(set(printed)) == 60
    headings = {"Prescriber Info", "Compliance notice", "Identity confirmation", "ID.me Device Information"}
    for i, r in enumerate(rows):
        if r[3] in headings:
            following = rows[i + 1] if i + 1 < len(rows) else None
            alone = f"'{r[3]}' is alone at the foot of page {r[0]}"
            assert following is not None and following[0] == r[0], alone


def test_cli_writes_the_same_sheet_owner_only(data_dir_store, tmp_path: Path) -> None:
    with full_profile(data_dir_store, 3):
        pass
    out = tmp_path / "cli sheet.pdf"
    env = {**os.environ, "EPCS_DESKTOP_PASSWORD": PW}
    env.pop("EPCS_DESKTOP_LANG", None)
    cli = [sys.executable, "-m", "epcs_desktop", "--data-dir", str(data_dir_store.data_dir), "sheet", "-p"]
    done = subprocess.run([*cli, "Dr Sheet", str(out)], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert_owner_only(out)
    text = " ".join(w.text for w in words(out))
    assert "EPCS MFA setup sheet — Dr Sheet" in text and "Exam room 02" in text
    body = next(w for w in words(out) if w.text == "Printed")
    assert point_size(body.height)[1] >= 10
    missing = subprocess.run(
        [*cli, "Nobody", str(tmp_path / "x.pdf")], capture_output=True, text=True, env=env, timeout=60
    )
    assert missing.returncode == 2 and missing.stderr.startswith("error: ")
    assert not (tmp_path / "x.pdf").exists()


def test_cli_never_writes_the_sheet_over_the_profile(data_dir_store, tmp_path: Path) -> None:
    """`sheet -p P <profiles>/P.epcs` used to replace the profile with a PDF: refused, profile intact."""
    with full_profile(data_dir_store, 1):
        pass
    live = data_dir_store.path_for("Dr Sheet")
    before = live.read_bytes()
    env = {**os.environ, "EPCS_DESKTOP_PASSWORD": PW}
    cli = [sys.executable, "-m", "epcs_desktop", "--data-dir", str(data_dir_store.data_dir), "sheet", "-p"]
    done = subprocess.run([*cli, "Dr Sheet", str(live)], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2 and "cannot be written there" in done.stderr, done.stderr
    assert live.read_bytes() == before
    data_dir_store.open("Dr Sheet", PW).close()  # still opens


def test_in_spanish_each_device_row_prints_on_one_line(
    qtbot, data_dir_store, tmp_path: Path, spanish
) -> None:
    """DrChrono's label with where the device lives, in Spanish, still fits one line per row: a row that
    wraps can be cut across a page (it was, when the explanation was a sentence)."""
    assert spanish
    with full_profile(data_dir_store, 60) as p:
        pdf = save_setup_sheet(p, tmp_path / "larga.pdf", FixedClock(T0))
    rows = lines(words(pdf))
    printed = [r for r in rows if r[3].startswith("Exam room")]
    assert len(printed) == 60, [r[3] for r in printed][:4]
    ends = ("“Generate 2FA Key” (un teléfono o tableta)", "“Push Notification 2FA” (un teléfono (push))")
    for _page, top, height, text in printed:
        assert text.removesuffix(" “Is Primary”").endswith(ends), text
        assert top >= MARGIN - 1 and top + height <= LETTER_H - MARGIN + 1
